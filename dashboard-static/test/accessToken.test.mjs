import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessToken, authorizationHeaders, withTokenParameter } from '../src/accessToken.js';

function memoryStorage() {
  const items = new Map();
  return {
    getItem: key => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: key => items.delete(key),
    items,
  };
}

test('stores the trimmed token and forgets it when cleared', () => {
  const storage = memoryStorage();
  const token = new AccessToken(storage);
  assert.equal(token.get(), '');
  token.set('  abc  ');
  assert.equal(token.get(), 'abc');
  assert.equal(new AccessToken(storage).get(), 'abc', 'survives a reload');
  token.set('');
  assert.equal(storage.items.size, 0);
});

test('keeps the token in memory when storage refuses', () => {
  const refusing = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); }, removeItem() {} };
  const token = new AccessToken(refusing);
  token.set('xyz');
  assert.equal(token.get(), 'xyz');
});

test('a bearer header and a token parameter only when there is a token', () => {
  assert.deepEqual(authorizationHeaders(''), {});
  assert.deepEqual(authorizationHeaders('t0k'), { Authorization: 'Bearer t0k' });
  assert.equal(withTokenParameter(new URL('ws://h:1/ws?room=a'), 'a b').href, 'ws://h:1/ws?room=a&token=a+b');
  assert.equal(withTokenParameter(new URL('ws://h:1/ws'), '').href, 'ws://h:1/ws');
});
