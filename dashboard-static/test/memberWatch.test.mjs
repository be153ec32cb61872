import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memberLostReason } from '../src/memberWatch.js';

test('two refused connections in a row make a member lost (what a killed process leaves)', () => {
  assert.equal(memberLostReason({ refused: 1, timeout: 0 }), null);
  assert.match(memberLostReason({ refused: 2, timeout: 0 }), /refuses connections/);
});

test('probes that only time out need three in a row, so a busy member is not given up at once', () => {
  assert.equal(memberLostReason({ refused: 0, timeout: 2 }), null);
  assert.match(memberLostReason({ refused: 0, timeout: 3 }), /did not answer 3 probes/);
  assert.match(memberLostReason({ refused: 1, timeout: 2 }), /did not answer 3 probes/);
});
