// Members of the real sfu-node.jar started by a test itself, with HTTPS/WSS (a self-signed certificate made here
// with openssl) and access tokens (HS256) switched on. Every JVM is killed when the test ends, whatever happens.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, createHmac, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NODE_JAR = process.env.SFU_NODE_JAR || path.join(REPO, 'cluster-node', 'target', 'sfu-node.jar');

/**
 * A self-signed EC certificate for 127.0.0.1 and localhost, in a fresh directory (removed when the test ends),
 * with the base64 SHA-256 of its public key (what Chromium's --ignore-certificate-errors-spki-list takes).
 */
export async function selfSignedCertificate(t) {
  const dir = await mkdtemp(path.join(tmpdir(), 'sfu-tls-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const certificateFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', keyFile, '-out', certificateFile], { stdio: 'pipe' });
  const pem = readFileSync(certificateFile, 'utf8');
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return { certificateFile, keyFile, pem, spkiHash: createHash('sha256').update(spki).digest('base64') };
}

/** An HS256 access token, as `./sfu token` makes them. */
export function hs256Token(secret, { room, rights, ttlSeconds = 600, subject = 'e2e' }) {
  const encode = value => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const signingInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
    sub: subject, room, rights, iat: now, exp: now + ttlSeconds, jti: randomBytes(8).toString('hex'),
  })}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/**
 * Starts one JVM per entry of `members` ({id, http, remoting, management, media}) as one cluster, seeded by all of
 * them, with TLS and auth; kills them all when the test ends. Returns their https base URLs.
 */
export function startMembers(t, { members, certificate, secret }) {
  const seeds = members.map(m => `127.0.0.1:${m.remoting}`).join(',');
  const processes = members.map(m => {
    const child = spawn('java', ['-Xms64m', '-Xmx384m', '-jar', NODE_JAR, '--id', m.id, '--hostname', '127.0.0.1',
      '--http-port', String(m.http), '--remoting-port', String(m.remoting), '--management-port', String(m.management),
      '--media-port', String(m.media), '--seed-nodes', seeds], {
      env: {
        ...process.env,
        SFU_AUTH_SECRET: secret,
        SFU_TLS_CERTIFICATE_FILE: certificate.certificateFile,
        SFU_TLS_PRIVATE_KEY_FILE: certificate.keyFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    const keep = chunk => { output.push(chunk.toString()); if (output.length > 400) output.shift(); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    return { member: m, child, output };
  });
  const killAll = () => processes.forEach(({ child }) => { if (child.exitCode === null) child.kill('SIGKILL'); });
  process.once('exit', killAll); // even if the runner dies before t.after
  t.after(() => {
    killAll();
    process.removeListener('exit', killAll);
  });
  return {
    urls: members.map(m => `https://127.0.0.1:${m.http}`),
    output: id => processes.find(p => p.member.id === id)?.output.join('') ?? '',
    exited: () => processes.filter(p => p.child.exitCode !== null).map(p => `${p.member.id} exited with ${p.child.exitCode}`),
  };
}

/** GET over HTTPS trusting only `ca`; resolves {status, body}. */
export function httpsGet(url, { ca, token }) {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: token ? { Authorization: `Bearer ${token}` } : {}, timeout: 5000 }, res => {
      let body = '';
      res.on('data', chunk => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

export function jarExists() {
  return existsSync(NODE_JAR);
}
