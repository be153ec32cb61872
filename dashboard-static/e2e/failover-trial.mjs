// Runs the failover trial N times (default 3) and prints the recovery times: each run, then min/median/max.
//   node e2e/failover-trial.mjs [N]     (from dashboard-static; needs cluster-node/target/sfu-node.jar)
// The trial's ports: see ownCluster.mjs (FAILOVER_*_BASE to move them).
import { runFailoverTrial } from './failoverTrial.mjs';

const runs = Number(process.argv[2] || 3);
const results = [];
for (let run = 1; run <= runs; run++) {
  const cleanups = [];
  const t = { after: fn => cleanups.push(fn), skip: message => { throw new Error(message); }, diagnostic: console.log };
  try {
    const figures = await runFailoverTrial(t, { log: line => console.log(`[run ${run}] ${line}`) });
    results.push(figures);
  } catch (error) {
    console.log(`[run ${run}] FAILED: ${error.message}`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await new Promise(resolve => setTimeout(resolve, 2000)); // let the ports be released
  }
}
const summary = key => {
  const values = results.map(r => r[key]).sort((a, b) => a - b);
  if (values.length === 0) return 'no successful run';
  return `min ${values[0]} ms, median ${values[Math.floor((values.length - 1) / 2)]} ms, max ${values.at(-1)} ms`;
};
console.log(`${results.length}/${runs} runs succeeded`);
console.log(`viewer recovery (kill -9 of its member -> frames growing again):       ${summary('viewerRecoveryMs')}`);
console.log(`surviving viewer, longest time without a new frame:                    ${summary('survivingViewerLongestGapMs')}`);
console.log(`publisher republished elsewhere (kill -9 of its member -> new producers): ${summary('republishedMs')}`);
console.log(`viewers decoding the republished stream (kill -> frames growing):       ${summary('publisherRecoveryMs')}`);
process.exit(results.length === runs ? 0 : 1);
