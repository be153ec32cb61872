// The optional access token: typed once, kept in localStorage, sent as a bearer token on API calls and as
// ?token= on the event WebSocket (browsers cannot set headers on a WebSocket).

const STORAGE_KEY = 'sfu.accessToken';

export class AccessToken {
  /** @param {Storage | null} storage window.localStorage, or null where it is unavailable */
  constructor(storage) {
    this.storage = storage;
    this.memory = '';
  }

  get() {
    try {
      return (this.storage?.getItem(STORAGE_KEY) ?? this.memory).trim();
    } catch {
      return this.memory.trim(); // storage refused (privacy mode): keep the token for this page only
    }
  }

  set(value) {
    const token = String(value ?? '').trim();
    this.memory = token;
    try {
      if (token) this.storage?.setItem(STORAGE_KEY, token);
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // kept in memory only
    }
  }
}

/** Request headers carrying the token, or none without a token. */
export function authorizationHeaders(token) {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** `url` (a URL object) with ?token= added when there is a token. */
export function withTokenParameter(url, token) {
  if (token) url.searchParams.set('token', token);
  return url;
}
