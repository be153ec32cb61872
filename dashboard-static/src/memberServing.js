// Which member serves a given base URL: matched on port and host (any loopback name counts as the same host).

/** The id of the member whose httpUrl serves `baseUrl`, or null. */
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
