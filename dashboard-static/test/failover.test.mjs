import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dependedMembers, newStreamKey, nextApiMember, replacementStream, usableMembers, watchThrough } from '../src/failover.js';

const member = (id, status = 'Up', consumers = 0) => ({ id, status, httpUrl: `http://127.0.0.1:30${id.slice(3)}`, load: { consumers } });
const MEMBERS = [member('sfu1', 'Up', 4), member('sfu2', 'Up', 1), member('sfu3', 'Up', 0)];

test('the page depends on its API member, its viewers\' members and homes, and its publishers\' members', () => {
  const ids = dependedMembers({
    apiMember: 'sfu3',
    viewers: [{ node: 'sfu2', home: 'sfu1' }, { node: 'sfu2', home: '?' }],
    publishers: [{ node: 'sfu4' }],
  });
  assert.deepEqual(ids.sort(), ['sfu1', 'sfu2', 'sfu3', 'sfu4']);
});

test('usable members are Up, have an address, are not lost, and come least loaded first', () => {
  const members = [...MEMBERS, member('sfu4', 'Unreachable'), { id: 'sfu5', status: 'Up', load: {} }];
  assert.deepEqual(usableMembers(members, new Set(['sfu3'])).map(m => m.id), ['sfu2', 'sfu1']);
  assert.equal(nextApiMember(members, new Set(['sfu3'])).id, 'sfu2');
  assert.equal(nextApiMember(members, new Set(['sfu1', 'sfu2', 'sfu3'])), null);
});

test('a viewer watches again through the stream\'s home, else a member with a pipe copy, else the least loaded', () => {
  assert.equal(watchThrough({ home: 'sfu1', pipedTo: ['sfu2'], members: MEMBERS, lost: new Set(['sfu3']) }), 'sfu1');
  assert.equal(watchThrough({ home: 'sfu4', pipedTo: ['sfu1'], members: MEMBERS, lost: new Set(['sfu3']) }), 'sfu1');
  assert.equal(watchThrough({ home: 'sfu4', pipedTo: [], members: MEMBERS, lost: new Set() }), 'sfu3');
});

test('a stream whose home is lost has nothing to watch through', () => {
  assert.equal(watchThrough({ home: 'sfu1', pipedTo: ['sfu2'], members: MEMBERS, lost: new Set(['sfu1']) }), 'sfu2');
  assert.equal(watchThrough({ home: 'sfu1', pipedTo: [], members: MEMBERS, lost: new Set(['sfu1']) }), null);
});

test('the replacement of a lost stream has its key and kind, another producer, and a home not lost', () => {
  const streams = [
    { producerId: 'old', kind: 'video', node: 'sfu1', streamKey: 'video-k' },
    { producerId: 'audio', kind: 'audio', node: 'sfu2', streamKey: 'video-k' },
    { producerId: 'other', kind: 'video', node: 'sfu2', streamKey: 'video-x' },
    { producerId: 'new', kind: 'video', node: 'sfu2', streamKey: 'video-k' },
  ];
  const lost = new Set(['sfu1']);
  assert.equal(replacementStream({ streamKey: 'video-k', kind: 'video', producerId: 'old', streams, lost }).producerId, 'new');
  assert.equal(replacementStream({ streamKey: 'video-k', kind: 'video', producerId: 'old', streams: streams.slice(0, 3), lost }), null);
  assert.equal(replacementStream({ streamKey: null, kind: 'video', producerId: 'old', streams, lost }), null);
  assert.equal(replacementStream({ streamKey: 'video-k', kind: 'video', producerId: 'old', streams, lost: new Set(['sfu2']) }), null);
});

test('a stream key names the kind and is plain enough for the server to keep', () => {
  const key = newStreamKey('video', () => 0.123456789);
  assert.match(key, /^video-[a-z0-9]{1,8}$/);
  assert.notEqual(newStreamKey('audio'), newStreamKey('audio'));
});
