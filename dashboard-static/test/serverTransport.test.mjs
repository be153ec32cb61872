import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { connectThroughApi, transportOptions } from '../src/serverTransport.js';

const created = {
  id: 't1', node: 'sfu1', iceParameters: { usernameFragment: 'u' }, iceCandidates: [{ ip: '127.0.0.1' }],
  dtlsParameters: { role: 'auto', fingerprints: [] },
};

test('the transport options mirror what the server created, without its node', () => {
  assert.deepEqual(transportOptions(created), {
    id: 't1', iceParameters: created.iceParameters, iceCandidates: created.iceCandidates,
    dtlsParameters: created.dtlsParameters,
  });
});

test('connect sends the DTLS parameters through the API and reports success', async () => {
  const calls = [];
  const api = { connectTransport: async (id, dtls) => { calls.push([id, dtls]); } };
  const transport = new EventEmitter();
  connectThroughApi(transport, api, created, 'send', () => {});
  const done = new Promise((resolve, reject) => transport.emit('connect', { dtlsParameters: { role: 'client' } }, resolve, reject));
  await done;
  assert.deepEqual(calls, [['t1', { role: 'client' }]]);
});

test('a refused connect reaches the errback', async () => {
  const api = { connectTransport: async () => { throw new Error('unknown transport'); } };
  const transport = new EventEmitter();
  connectThroughApi(transport, api, created, 'send', () => {});
  const failed = new Promise((resolve, reject) => transport.emit('connect', { dtlsParameters: {} }, reject, resolve));
  assert.equal((await failed).message, 'unknown transport');
});

test('state changes are logged with the label, a failure as an error', () => {
  const lines = [];
  const transport = new EventEmitter();
  connectThroughApi(transport, {}, created, 'receive', (text, kind) => lines.push([text, kind]));
  transport.emit('connectionstatechange', 'connected');
  transport.emit('connectionstatechange', 'failed');
  assert.deepEqual(lines, [['receive transport t1 connected', 'local'], ['receive transport t1 failed', 'error']]);
});
