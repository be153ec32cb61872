// A three-member cluster of real sfu-node.jar JVMs owned by one test, which may kill -9 its members (so it never
// uses the shared cluster on the default ports). Every JVM is killed when the test ends, whatever the outcome.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually } from './eventually.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const JAR = path.join(ROOT, 'cluster-node/target/sfu-node.jar');
const LOG_DIR = path.join(ROOT, 'dashboard-static/target/e2e-cluster-logs');
const HOST = '127.0.0.1';

/**
 * The ports of member n (1..3): the failover test's own range by default (HTTP 3111-3113, remoting 2561-2563,
 * management 8568-8570, media 40011-40013); FAILOVER_{HTTP,REMOTING,MANAGEMENT,MEDIA}_BASE move it (the port of sfu1).
 */
export function memberPorts(n, env = process.env) {
  const base = (name, fallback) => Number(env[`FAILOVER_${name}_BASE`] || fallback) + n - 1;
  return { http: base('HTTP', 3111), remoting: base('REMOTING', 2561), management: base('MANAGEMENT', 8568), media: base('MEDIA', 40011) };
}

/** Starts sfu1..sfu<count> and waits until every one sees all of them Up; `t.after` kills them all. */
export async function startOwnCluster(t, { count = 3, label = 'failover' } = {}) {
  if (!existsSync(JAR)) throw new Error(`${JAR} is missing: build it first (mvn -B -q -DskipTests install)`);
  mkdirSync(LOG_DIR, { recursive: true });
  const ids = Array.from({ length: count }, (_, i) => `sfu${i + 1}`);
  const seeds = ids.map((_, i) => `${HOST}:${memberPorts(i + 1).remoting}`).join(',');
  const members = ids.map((id, i) => {
    const ports = memberPorts(i + 1);
    const log = openSync(path.join(LOG_DIR, `${label}-${id}.log`), 'w');
    const child = spawn('java', ['-Xms64m', '-Xmx384m', '-jar', JAR, '--id', id, '--hostname', HOST,
      '--http-port', String(ports.http), '--remoting-port', String(ports.remoting),
      '--management-port', String(ports.management), '--media-port', String(ports.media), '--seed-nodes', seeds],
    { stdio: ['ignore', log, log] });
    return { id, url: `http://${HOST}:${ports.http}`, ports, child, alive: true };
  });
  const killAll = () => members.forEach(member => kill(member));
  process.once('exit', killAll);
  t.after(killAll);
  await eventually(async () => {
    for (const member of members) {
      if (member.child.exitCode !== null) throw new Error(`${member.id} exited (${member.child.exitCode}); see ${LOG_DIR}`);
      const nodes = await (await fetch(`${member.url}/api/sfu-nodes`, { signal: AbortSignal.timeout(2000) })).json();
      const up = nodes.filter(node => node.status === 'Up').map(node => node.id).sort();
      if (up.join() !== ids.join()) throw new Error(`${member.id} sees Up: ${up.join() || 'none'}`);
    }
  }, { timeoutMs: 120_000, intervalMs: 1000, what: `own cluster ${ids.join(', ')} Up (logs in ${LOG_DIR})` });
  return members;
}

/** kill -9 of one member's JVM. */
export function kill(member) {
  if (!member.alive) return;
  member.alive = false;
  try {
    member.child.kill('SIGKILL');
  } catch {
    // already gone
  }
}
