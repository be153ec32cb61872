// Runs `npm ci` only when node_modules was not installed from the current package-lock.json,
// so repeated Maven builds skip the install. The lockfile's hash is kept in node_modules/.lockfile-sha256.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.lockfile-sha256');

const lockHash = createHash('sha256').update(readFileSync(lockfile)).digest('hex');
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash) {
  console.log('node_modules is up to date with package-lock.json; skipping npm ci');
  process.exit(0);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`npm ci failed (${result.error?.message ?? `exit code ${result.status}`})`);
  process.exit(result.status || 1);
}
writeFileSync(stamp, `${lockHash}\n`);
