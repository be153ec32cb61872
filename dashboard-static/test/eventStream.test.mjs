import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventDetails } from '../src/eventStream.js';

test('reads the fields nested under data', () => {
  const event = { type: 'newProducer', room: 'r', node: 'sfu1', timestamp: 1, data: { producerId: 'p1', kind: 'video' } };
  assert.deepEqual(eventDetails(event), { producerId: 'p1', kind: 'video' });
});

test('reads the fields placed at the top level', () => {
  const event = { type: 'producerClosed', room: 'r', node: 'sfu1', timestamp: 1, producerId: 'p1' };
  assert.deepEqual(eventDetails(event), { producerId: 'p1' });
});
