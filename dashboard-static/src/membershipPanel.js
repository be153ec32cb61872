// Cluster membership as Pekko Management reports it, or a note saying why it cannot be shown.
import { membershipRows } from './membership.js';
import { element, emptyRow, row } from './dom.js';

const COLUMNS = 4;

export class MembershipPanel {
  /** @param {HTMLTableSectionElement} tableBody @param {HTMLElement} note */
  constructor(tableBody, note) {
    this.tableBody = tableBody;
    this.note = note;
  }

  /** @param {{report: object|null, via: string, note?: string}} read what MembershipSource.read answered */
  show({ report, via, note }) {
    if (!report) {
      this.tableBody.replaceChildren(emptyRow(COLUMNS, 'Not available.'));
      this.note.textContent = note ?? '';
      this.note.dataset.kind = 'warning';
      return;
    }
    const rows = membershipRows(report);
    this.tableBody.replaceChildren(...(rows.length === 0 ? [emptyRow(COLUMNS, 'No members reported.')] : rows.map(member => {
      const flags = [member.self && 'self', member.leader && 'leader', member.oldest && 'oldest'].filter(Boolean);
      const tr = row([addressTail(member.node), member.status, member.roles.join(', ') || '–', flagBadges(flags)],
        member.unreachable ? 'unreachable' : '');
      tr.title = member.node;
      return tr;
    })));
    this.note.textContent = `from ${via}`;
    this.note.dataset.kind = 'info';
  }
}

/** "pekko://sfu@127.0.0.1:2551" -> "127.0.0.1:2551": the system name is the same for every member. */
function addressTail(address) {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1) : address;
}

function flagBadges(flags) {
  const cell = document.createDocumentFragment();
  flags.forEach(flag => cell.append(element('span', 'badge', flag), ' '));
  return flags.length ? cell : '';
}
