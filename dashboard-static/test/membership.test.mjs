import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MembershipSource, membershipRows } from '../src/membership.js';

const report = {
  selfNode: 'pekko://sfu@127.0.0.1:2551',
  leader: 'pekko://sfu@127.0.0.1:2551',
  oldest: 'pekko://sfu@127.0.0.1:2552',
  members: [
    { node: 'pekko://sfu@127.0.0.1:2551', nodeUid: '1', status: 'Up', roles: ['sfu', 'dc-default'] },
    { node: 'pekko://sfu@127.0.0.1:2552', nodeUid: '2', status: 'Up', roles: ['sfu', 'dc-default'] },
  ],
  unreachable: [{ node: 'pekko://sfu@127.0.0.1:2552', observedBy: ['pekko://sfu@127.0.0.1:2551'] }],
};

test('rows flag the leader, the oldest, this member and the unreachable, without data-center roles', () => {
  const [first, second] = membershipRows(report);
  assert.deepEqual(first, { node: 'pekko://sfu@127.0.0.1:2551', status: 'Up', roles: ['sfu'], leader: true, oldest: false, self: true, unreachable: false });
  assert.equal(second.oldest, true);
  assert.equal(second.unreachable, true);
  assert.equal(second.status, 'Up (unreachable)');
  assert.deepEqual(membershipRows({}), []);
});

test('prefers the member proxy when it answers', async () => {
  const asked = [];
  const source = new MembershipSource({
    fetchProxy: async () => report,
    fetchDirect: async url => { asked.push(url); return {}; },
  });
  assert.deepEqual(await source.read(['http://127.0.0.1:8558']), { report, via: '/api/cluster-members' });
  assert.deepEqual(asked, []);
});

test('falls back to the management URLs in order, the first that answers wins', async () => {
  const asked = [];
  const source = new MembershipSource({
    fetchProxy: async () => { throw new Error('HTTP 404'); },
    fetchDirect: async url => {
      asked.push(url);
      if (url.endsWith('8558')) throw new Error('Failed to fetch');
      return report;
    },
  });
  const read = await source.read(['http://127.0.0.1:8558', 'http://127.0.0.1:8559']);
  assert.equal(read.via, 'http://127.0.0.1:8559/cluster/members');
  assert.deepEqual(asked, ['http://127.0.0.1:8558', 'http://127.0.0.1:8559']);
});

test('when everything is blocked it explains, and waits before knocking again', async () => {
  let now = 0;
  let directCalls = 0;
  const source = new MembershipSource({
    fetchProxy: async () => { throw new Error('HTTP 404'); },
    fetchDirect: async () => { directCalls += 1; throw new Error('Failed to fetch'); },
    now: () => now,
  });
  const first = await source.read(['http://127.0.0.1:8558']);
  assert.equal(first.report, null);
  assert.match(first.note, /CORS.*member cards/);
  now = 5_000;
  assert.match((await source.read(['http://127.0.0.1:8558'])).note, /CORS/);
  assert.equal(directCalls, 1, 'no new direct request within the retry delay');
  now = 31_000;
  await source.read(['http://127.0.0.1:8558']);
  assert.equal(directCalls, 2);
});

test('no management URL at all is said plainly', async () => {
  const source = new MembershipSource({ fetchProxy: async () => { throw new Error('404'); }, fetchDirect: async () => ({}) });
  assert.match((await source.read([])).note, /No management URL known/);
});
