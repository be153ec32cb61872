// Cluster membership as Pekko Management reports it (GET <managementUrl>/cluster/members).
// Read through our own member's GET /api/cluster-members when it answers; otherwise from the management URLs
// directly, which works only if Pekko Management allows this page's origin (CORS).

const DIRECT_RETRY_MS = 30_000;

export class MembershipSource {
  /**
   * @param {{fetchProxy: () => Promise<object>, fetchDirect: (managementUrl: string) => Promise<object>, now?: () => number}} io
   *   fetchProxy rejects when /api/cluster-members does not answer 200; fetchDirect rejects on any failure
   */
  constructor({ fetchProxy, fetchDirect, now = Date.now }) {
    this.fetchProxy = fetchProxy;
    this.fetchDirect = fetchDirect;
    this.now = now;
    this.directFailedAt = -Infinity;
  }

  /**
   * @param {string[]} managementUrls tried in order (put this page's member first)
   * @returns {Promise<{report: object|null, via: string, note?: string}>}
   */
  async read(managementUrls) {
    try {
      return { report: await this.fetchProxy(), via: '/api/cluster-members' };
    } catch {
      // no proxy on this member (yet): try Pekko Management itself
    }
    if (managementUrls.length === 0) {
      return { report: null, via: '', note: 'No management URL known: the member list is unavailable or names none.' };
    }
    // A browser blocked by CORS fails every time; do not knock again at every refresh.
    if (this.now() - this.directFailedAt < DIRECT_RETRY_MS) return { report: null, via: '', note: this.lastNote };
    const failures = [];
    for (const url of managementUrls) {
      try {
        return { report: await this.fetchDirect(url), via: `${url}/cluster/members` };
      } catch (error) {
        failures.push(`${url}: ${error.message}`);
      }
    }
    this.directFailedAt = this.now();
    this.lastNote = 'Pekko Management cannot be read from this page: this member has no /api/cluster-members, '
      + 'and the management URLs refuse the request or do not allow this page to read it (CORS). '
      + `The member cards show the status each member reports instead. (${failures.join('; ')})`;
    return { report: null, via: '', note: this.lastNote };
  }
}

/**
 * The rows of the membership table, one per member of the report, flagged leader / oldest / self / unreachable.
 * @param {{selfNode?: string, leader?: string, oldest?: string, members?: object[], unreachable?: object[]}} report
 */
export function membershipRows(report) {
  const unreachable = new Set((report?.unreachable ?? []).map(entry => entry.node));
  return (report?.members ?? []).map(member => ({
    node: String(member.node),
    status: unreachable.has(member.node) ? `${member.status} (unreachable)` : String(member.status ?? '?'),
    roles: (member.roles ?? []).filter(role => !String(role).startsWith('dc-')),
    leader: member.node === report.leader,
    oldest: member.node === report.oldest,
    self: member.node === report.selfNode,
    unreachable: unreachable.has(member.node),
  }));
}
