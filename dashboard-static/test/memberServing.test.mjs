import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memberServing } from '../src/memberServing.js';

const members = [
  { id: 'sfu1', httpUrl: 'http://127.0.0.1:3001' },
  { id: 'sfu2', httpUrl: 'http://127.0.0.1:3002/' },
  { id: 'sfu3', httpUrl: null },
];

test('finds the member by host and port', () => {
  assert.equal(memberServing(members, 'http://127.0.0.1:3002'), 'sfu2');
});

test('treats localhost and 127.x as the same loopback host', () => {
  assert.equal(memberServing(members, 'http://localhost:3001/'), 'sfu1');
});

test('a port no member serves, or another host, matches nobody', () => {
  assert.equal(memberServing(members, 'http://127.0.0.1:3009'), null);
  assert.equal(memberServing(members, 'http://10.0.0.5:3001'), null);
});
