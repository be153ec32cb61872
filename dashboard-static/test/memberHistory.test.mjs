import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemberHistory } from '../src/memberHistory.js';

const member = (id, bitrateIn, cpu) => ({ id, load: { bitrateIn, bitrateOut: bitrateIn * 2, cpu } });

test('records each member series at the given time', () => {
  const history = new MemberHistory(60_000);
  history.record([member('sfu1', 100, 0.5), member('sfu2', 7, 0.1)], 1000);
  history.record([member('sfu1', 200, 0.25)], 2000);
  assert.deepEqual(history.samples('sfu1', 'bitrateIn'), [{ t: 1000, v: 100 }, { t: 2000, v: 200 }]);
  assert.deepEqual(history.samples('sfu1', 'bitrateOut'), [{ t: 1000, v: 200 }, { t: 2000, v: 400 }]);
  assert.deepEqual(history.samples('sfu2', 'cpu'), [{ t: 1000, v: 0.1 }]);
  assert.deepEqual(history.samples('sfu9', 'cpu'), []);
});

test('forgets samples older than the window, and members with none left', () => {
  const history = new MemberHistory(60_000);
  history.record([member('sfu1', 1, 0), member('sfu2', 1, 0)], 0);
  history.record([member('sfu1', 2, 0)], 30_000);
  history.record([member('sfu1', 3, 0)], 70_000);
  assert.deepEqual(history.samples('sfu1', 'bitrateIn').map(s => s.v), [2, 3]);
  assert.deepEqual(history.memberIds(), ['sfu1']);
});

test('a member without load, or with missing numbers, records no samples for them', () => {
  const history = new MemberHistory();
  history.record([{ id: 'sfu1' }, { id: 'sfu2', load: { bitrateIn: 5, cpu: null } }], 0);
  assert.deepEqual(history.memberIds(), ['sfu2']);
  assert.deepEqual(history.samples('sfu2', 'cpu'), []);
});
