// The cluster members table and the member picker, both from GET /api/sfu-nodes.

export class MembersPanel {
  /**
   * @param {HTMLTableSectionElement} tableBody
   * @param {HTMLSelectElement} picker first option is "auto" (value "")
   */
  constructor(tableBody, picker) {
    this.tableBody = tableBody;
    this.picker = picker;
    this.members = [];
  }

  show(members, selfNode) {
    this.members = members;
    this.tableBody.replaceChildren(...members.map(member => memberRow(member, member.id === selfNode)));
    this.#fillPicker(members.map(member => member.id));
  }

  #fillPicker(ids) {
    const current = [...this.picker.options].slice(1).map(option => option.value);
    if (current.join() === ids.join()) return;
    const selected = this.picker.value;
    const options = ids.map(id => new Option(id, id));
    this.picker.replaceChildren(this.picker.options[0], ...options);
    this.picker.value = ids.includes(selected) ? selected : '';
  }
}

function memberRow(member, isSelf) {
  const load = member.load ?? {};
  const row = document.createElement('tr');
  row.dataset.member = member.id;
  row.className = `status-${String(member.status ?? 'unknown').toLowerCase()}`;
  const cells = [
    isSelf ? `${member.id} (this page)` : member.id,
    member.status ?? '?',
    `${load.transports ?? 0} / ${load.producers ?? 0} / ${load.consumers ?? 0}`,
    `${formatBitrate(load.bitrateIn)} / ${formatBitrate(load.bitrateOut)}`,
    typeof load.cpu === 'number' ? load.cpu.toFixed(2) : '–',
  ];
  row.append(...cells.map(text => {
    const cell = document.createElement('td');
    cell.textContent = text;
    return cell;
  }));
  return row;
}

/** Short enough for a phone-width table: "850k", "1.5M". */
function formatBitrate(bitsPerSecond) {
  if (!bitsPerSecond) return '0';
  if (bitsPerSecond >= 1e6) return `${(bitsPerSecond / 1e6).toFixed(1)}M`;
  return `${Math.round(bitsPerSecond / 1e3)}k`;
}

/** The id of the member serving `baseUrl`, matched on port and host (any loopback name counts as the same host). */
export function memberServing(members, baseUrl) {
  const base = new URL(baseUrl);
  const match = members.find(member => {
    if (!member.httpUrl) return false;
    const url = new URL(member.httpUrl);
    return effectivePort(url) === effectivePort(base) && sameHost(url.hostname, base.hostname);
  });
  return match?.id ?? null;
}

function effectivePort(url) {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function sameHost(a, b) {
  const loopback = host => host === 'localhost' || host === '[::1]' || host.startsWith('127.');
  return a === b || (loopback(a) && loopback(b));
}
