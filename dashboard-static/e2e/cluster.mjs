// The SFU members under test: their base URLs (SFU_URLS) and the member ids the cluster gives them.
import { memberServing } from '../src/memberServing.js';

const DEFAULT_URLS = 'http://127.0.0.1:3001,http://127.0.0.1:3002,http://127.0.0.1:3003';

export function sfuUrls() {
  return (process.env.SFU_URLS || DEFAULT_URLS).split(',').map(url => url.trim().replace(/\/+$/, '')).filter(Boolean);
}

/**
 * Asks the first member for the cluster's members and maps every URL to its member id.
 * Fails clearly when a member is down, so a missing cluster is not mistaken for a media bug.
 */
export async function resolveMembers(urls) {
  const members = await fetchMembers(urls[0]);
  return Promise.all(urls.map(async url => {
    await fetchMembers(url); // every member must answer itself
    const id = memberServing(members, url);
    if (!id) {
      throw new Error(`no member in ${urls[0]}/api/sfu-nodes has httpUrl ${url}; members: ${JSON.stringify(members.map(m => [m.id, m.httpUrl]))}`);
    }
    return { url, id };
  }));
}

async function fetchMembers(url) {
  let response;
  try {
    response = await fetch(`${url}/api/sfu-nodes`, { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new Error(`SFU member at ${url} is not reachable (${error.cause?.code ?? error.message}); start the cluster or set SFU_URLS`);
  }
  if (!response.ok) throw new Error(`GET ${url}/api/sfu-nodes answered HTTP ${response.status}`);
  return response.json();
}

export function uniqueRoom(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
