// Notices by itself that a member the page depends on has died: its HTTP API stops answering (a killed process's
// port refuses connections at once). Two failed probes in a row make the member "lost"; one answer makes it
// usable again. Much faster than the cluster's own nodeDown, which waits for the Split Brain Resolver.

const PROBE_INTERVAL_MS = 500;
const PROBE_TIMEOUT_MS = 2000;
// A refused or reset connection is what a dead process leaves: two in a row suffice. A probe that merely times out
// may be a busy member or a busy browser: only three in a row (6 s) count, so load alone does not cause a failover.
const REFUSALS_TO_LOSE = 2;
const TIMEOUTS_TO_LOSE = 3;

export class MemberWatch {
  /**
   * @param {{members: () => {id: string, httpUrl?: string}[], watched: () => string[],
   *          onLost: (id: string, reason: string) => void, onBack: (id: string) => void}} hooks
   */
  constructor({ members, watched, onLost, onBack }) {
    this.hooks = { members, watched, onLost, onBack };
    this.failures = new Map(); // member id -> failed probes in a row
    this.lost = new Set();
    this.timer = null;
    this.probing = false;
  }

  start() {
    this.timer ??= setInterval(() => this.probeNow(), PROBE_INTERVAL_MS);
  }

  /** Probes every watched member now (also called when the event socket drops). */
  async probeNow() {
    if (this.probing) return;
    this.probing = true;
    try {
      const members = this.hooks.members();
      await Promise.all(this.hooks.watched().map(id => {
        const member = members.find(candidate => candidate.id === id);
        return member?.httpUrl ? this.#probe(member) : null;
      }));
    } finally {
      this.probing = false;
    }
  }

  async #probe(member) {
    let failure = null;
    try {
      await fetch(`${member.httpUrl.replace(/\/+$/, '')}/api/sfu-nodes`,
        { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), cache: 'no-store' });
    } catch (error) {
      failure = error.name === 'TimeoutError' ? 'timeout' : 'refused';
    }
    // any HTTP answer (even an error status) shows the process is alive
    const counts = this.failures.get(member.id) ?? { refused: 0, timeout: 0 };
    if (failure === null) {
      this.failures.delete(member.id);
      if (this.lost.delete(member.id)) this.hooks.onBack(member.id);
      return;
    }
    counts[failure] += 1;
    this.failures.set(member.id, counts);
    const reason = memberLostReason(counts);
    if (reason && !this.lost.has(member.id)) {
      this.lost.add(member.id);
      this.hooks.onLost(member.id, reason);
    }
  }
}

/** Why failed probes in a row ({refused, timeout}) make a member lost, or null while they do not. */
export function memberLostReason({ refused, timeout }) {
  if (refused >= REFUSALS_TO_LOSE) return 'its API refuses connections';
  if (refused + timeout >= TIMEOUTS_TO_LOSE) return `its API did not answer ${refused + timeout} probes in a row`;
  return null;
}
