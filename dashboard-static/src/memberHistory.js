// The last minute of each member's load, sampled whenever the member list is read, for the cards' graphs.

export const HISTORY_WINDOW_MS = 60_000;
const SERIES = ['bitrateIn', 'bitrateOut', 'cpu'];

export class MemberHistory {
  constructor(windowMs = HISTORY_WINDOW_MS) {
    this.windowMs = windowMs;
    this.byMember = new Map(); // member id -> { bitrateIn: [{t, v}], bitrateOut: [...], cpu: [...] }
  }

  /** Records one sample per member from GET /api/sfu-nodes, and forgets samples older than the window. */
  record(members, now) {
    for (const member of members) {
      const load = member.load ?? {};
      if (!this.byMember.has(member.id)) this.byMember.set(member.id, Object.fromEntries(SERIES.map(name => [name, []])));
      const series = this.byMember.get(member.id);
      for (const name of SERIES) {
        if (Number.isFinite(load[name])) series[name].push({ t: now, v: load[name] });
      }
    }
    this.#forgetBefore(now - this.windowMs);
  }

  /** The samples of one series of one member, oldest first (empty when unknown). */
  samples(memberId, name) {
    return this.byMember.get(memberId)?.[name] ?? [];
  }

  /** Members with at least one sample in the window, including those no longer listed. */
  memberIds() {
    return [...this.byMember.keys()];
  }

  #forgetBefore(oldest) {
    for (const [id, series] of this.byMember) {
      for (const name of SERIES) {
        const list = series[name];
        const firstKept = list.findIndex(sample => sample.t >= oldest);
        list.splice(0, firstKept < 0 ? list.length : firstKept);
      }
      if (SERIES.every(name => series[name].length === 0)) this.byMember.delete(id);
    }
  }
}
