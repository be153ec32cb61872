// The transports of the whole cluster (GET /api/connections), those of the current room first.
import { emptyRow, row } from './dom.js';
import { formatBitrate, shortId } from './format.js';

const COLUMNS = 7;
const MAX_ROWS = 100;

export class ConnectionsPanel {
  /** @param {HTMLTableSectionElement} tableBody @param {HTMLElement} summary */
  constructor(tableBody, summary) {
    this.tableBody = tableBody;
    this.summary = summary;
  }

  show(connections, room) {
    const sorted = [...connections].sort((a, b) => Number(b.room === room) - Number(a.room === room)
      || String(a.node).localeCompare(String(b.node)) || String(a.room).localeCompare(String(b.room))
      || String(a.id).localeCompare(String(b.id)));
    const shown = sorted.slice(0, MAX_ROWS);
    this.tableBody.replaceChildren(...(shown.length === 0
      ? [emptyRow(COLUMNS, 'No transports in the cluster.')]
      : shown.map(connection => connectionRow(connection, room))));
    const inRoom = connections.filter(connection => connection.room === room).length;
    this.summary.textContent = `${connections.length} in the cluster, ${inRoom} in room ${room}`
      + (sorted.length > MAX_ROWS ? `; showing the first ${MAX_ROWS}` : '');
  }

  /** Keeps the last table (it may still be right); the summary says why it is not fresh. */
  unavailable(reason) {
    this.summary.textContent = `unavailable: ${reason}`;
    if (this.tableBody.childElementCount === 0) this.tableBody.replaceChildren(emptyRow(COLUMNS, 'Not available.'));
  }
}

function connectionRow(connection, room) {
  const healthy = connection.iceState !== 'failed' && connection.iceState !== 'disconnected' && connection.dtlsState !== 'failed';
  const tr = row([
    shortId(connection.id),
    connection.node,
    connection.room,
    connection.direction,
    `${connection.iceState ?? '?'} / ${connection.dtlsState ?? '?'}`,
    `${formatBitrate(connection.bitrateIn)} / ${formatBitrate(connection.bitrateOut)}`,
    `${connection.producers ?? 0} / ${connection.consumers ?? 0}`,
  ], [connection.room === room ? 'this-room' : '', healthy ? '' : 'unhealthy'].filter(Boolean).join(' '));
  tr.dataset.transportId = connection.id;
  tr.title = connection.id;
  return tr;
}
