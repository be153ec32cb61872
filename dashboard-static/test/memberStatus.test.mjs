import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusCategory } from '../src/memberStatus.js';

test('maps Pekko member statuses onto the four card states', () => {
  assert.equal(statusCategory('Up'), 'up');
  for (const status of ['Joining', 'WeaklyUp', 'Leaving', 'Exiting']) assert.equal(statusCategory(status), 'leaving', status);
  assert.equal(statusCategory('Unreachable'), 'unreachable');
  for (const status of ['Down', 'Removed', '', undefined, 'Strange']) assert.equal(statusCategory(status), 'down', String(status));
});
