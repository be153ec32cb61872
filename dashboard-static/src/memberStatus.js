// The four states a member card shows, from the Pekko member status a member reports.

/**
 * "Up"; "Leaving" for members on their way in or out (Joining, WeaklyUp, Leaving, Exiting); "Unreachable";
 * "Down" for Down, Removed, members no longer listed, and anything unknown.
 * @returns {'up'|'leaving'|'unreachable'|'down'}
 */
export function statusCategory(status) {
  switch (String(status ?? '').toLowerCase()) {
    case 'up': return 'up';
    case 'joining': case 'weaklyup': case 'leaving': case 'exiting': return 'leaving';
    case 'unreachable': return 'unreachable';
    default: return 'down';
  }
}

export const STATUS_TEXT = { up: 'Up', leaving: 'Leaving', unreachable: 'Unreachable', down: 'Down' };
