import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recoveryActions, republishPossible } from '../src/recovery.js';

const page = {
  viewers: [
    { id: 'v1', producerId: 'prod-aaaaaaaa', node: 'sfu3' },
    { id: 'v2', producerId: 'prod-bbbbbbbb', node: 'sfu2' },
    { id: 'v3', producerId: 'prod-aaaaaaaa', node: 'sfu2' },
    { id: 'v4', producerId: 'prod-cccccccc', node: 'sfu3', home: 'sfu1' },
  ],
  publishers: [{ id: 'p1', node: 'sfu1' }],
};
const members = [
  { id: 'sfu1', status: 'Up', load: { transports: 4, consumers: 4 } },
  { id: 'sfu2', status: 'Up', load: { transports: 1 } },
  { id: 'sfu3', status: 'Up', load: { transports: 9 } },
  { id: 'sfu4', status: 'Leaving', load: {} },
];

test('producerClosed drops every viewer of that stream, with a note', () => {
  const actions = recoveryActions({ type: 'producerClosed', room: 'r', node: 'sfu1', producerId: 'prod-aaaaaaaa' }, page);
  assert.deepEqual(actions.map(a => [a.action, a.viewerId]), [['dropViewer', 'v1'], ['dropViewer', 'v3']]);
  assert.match(actions[0].note, /prod-aaa.*ended/);
});

test('producerClosed with the id under data works too; an unknown producer changes nothing', () => {
  assert.equal(recoveryActions({ type: 'producerClosed', data: { producerId: 'prod-bbbbbbbb' } }, page).length, 1);
  assert.deepEqual(recoveryActions({ type: 'producerClosed', producerId: 'other' }, page), []);
  assert.deepEqual(recoveryActions({ type: 'producerClosed' }, page), []);
  assert.deepEqual(recoveryActions({ type: 'nodeDown' }, page), [], 'nodeDown without a member');
});

test('nodeDown resubscribes the viewers watching through that member and republishes its publishers', () => {
  assert.deepEqual(recoveryActions({ type: 'nodeDown', node: 'sfu2' }, page), [
    { action: 'resubscribe', viewerId: 'v2', producerId: 'prod-bbbbbbbb', downNode: 'sfu2' },
    { action: 'resubscribe', viewerId: 'v3', producerId: 'prod-aaaaaaaa', downNode: 'sfu2' },
  ]);
  assert.deepEqual(recoveryActions({ type: 'nodeDown', node: 'sfu1' }, page), [
    { action: 'resubscribe', viewerId: 'v4', producerId: 'prod-cccccccc', downNode: 'sfu1' },
    { action: 'republish', publisherId: 'p1', downNode: 'sfu1' },
  ]);
});

test('nodeDown of the member a watched stream was published on also calls for watching it again (or dropping it)', () => {
  const actions = recoveryActions({ type: 'nodeDown', node: 'sfu1' }, page);
  assert.ok(actions.some(a => a.action === 'resubscribe' && a.viewerId === 'v4'));
});

test('other events, and nodeDown of an unrelated member, call for nothing', () => {
  assert.deepEqual(recoveryActions({ type: 'nodeDown', node: 'sfu9' }, page), []);
  assert.deepEqual(recoveryActions({ type: 'newProducer', producerId: 'prod-aaaaaaaa' }, page), []);
  assert.deepEqual(recoveryActions(null, page), []);
});

test('republishing needs another Up member', () => {
  const lonely = [{ id: 'sfu1', status: 'Unreachable' }, { id: 'sfu2', status: 'Up' }];
  assert.deepEqual(republishPossible({ downNode: 'sfu1', members }), { ok: true });
  assert.ok(republishPossible({ downNode: 'sfu2', members: lonely }).noMember);
});
