// Issue 6's failover trial in real browsers against a three-member cluster of its own (see failoverTrial.mjs).
// Prints the measured recovery times; `node e2e/failover-trial.mjs N` repeats the trial and sums them up.
import { test } from 'node:test';
import { runFailoverTrial } from './failoverTrial.mjs';

test('viewers and the publisher recover by themselves when their members are killed', { timeout: 240_000 }, async t => {
  const figures = await runFailoverTrial(t, { log: line => console.log(line) });
  if (figures) t.diagnostic(JSON.stringify(figures));
});
