// The dashboard over HTTPS and WSS with a self-signed certificate and access tokens required: the test starts its
// own two members of the real sfu-node.jar, Chromium trusts the certificate by its public key hash only, and a
// camera published on one member is watched through the other with a token typed into the token form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { launchBrowser, openDashboard } from './browser.mjs';
import { uniqueRoom } from './cluster.mjs';
import { eventually } from './eventually.mjs';
import { expectMediaFlowing, publishCamera, watchAll } from './mediaChecks.mjs';
import { hs256Token, httpsGet, jarExists, NODE_JAR, selfSignedCertificate, startMembers } from './tlsMembers.mjs';

const TEST_TIMEOUT_MS = 120_000;
// The ports this test owns (see docs/SECURITY.md): HTTP 3121-3122, remoting 2571-2572, management 8578-8579,
// media 40021-40022.
const MEMBERS = [
  { id: 'tls1', http: 3121, remoting: 2571, management: 8578, media: 40021 },
  { id: 'tls2', http: 3122, remoting: 2572, management: 8579, media: 40022 },
];

test('over HTTPS/WSS with a self-signed certificate and a token, a camera published on one member is watched on the other',
  { timeout: TEST_TIMEOUT_MS }, async t => {
    if (!jarExists()) {
      if (process.env.CI === 'true') throw new Error(`CI=true and ${NODE_JAR} is missing; build it first (mvn install)`);
      t.skip(`${NODE_JAR} is missing; build it first`);
      return;
    }
    const certificate = await selfSignedCertificate(t);
    // Trust exactly this certificate's key; every other certificate error still fails.
    const context = await launchBrowser(t, { extraArgs: [`--ignore-certificate-errors-spki-list=${certificate.spkiHash}`] });
    if (!context) return;

    const secret = randomBytes(48).toString('base64');
    const cluster = startMembers(t, { members: MEMBERS, certificate, secret });
    const token = hs256Token(secret, { room: '*', rights: ['publish', 'subscribe'] });
    const [url1, url2] = cluster.urls;

    await eventually(async () => {
      const exited = cluster.exited();
      if (exited.length) throw new Error(`${exited.join(', ')}:\n${cluster.output('tls1')}\n${cluster.output('tls2')}`);
      const nodes = await httpsGet(`${url1}/api/sfu-nodes`, { ca: certificate.pem, token });
      assert.equal(nodes.status, 200, nodes.body);
      const up = JSON.parse(nodes.body).filter(n => n.status === 'Up').map(n => n.id).sort();
      assert.deepEqual(up, ['tls1', 'tls2']);
    }, { timeoutMs: 60_000, what: 'both members Up over HTTPS' });
    // the same port refuses a request without a token
    assert.equal((await httpsGet(`${url2}/api/streams`, { ca: certificate.pem })).status, 401);

    const room = uniqueRoom('tls');
    const publisher = await openDashboard(context, `${url1}/?room=${room}`);
    await typeToken(publisher.page, token);
    const published = await publishCamera(publisher.page, { room, node: 'tls1' });

    const viewer = await openDashboard(context, `${url2}/?room=${room}`);
    const socketFrames = watchEventSockets(viewer.page);
    await typeToken(viewer.page, token);
    const watched = await watchAll(viewer.page, { room, producers: published.producers, node: 'tls2' });
    assert.ok(watched.every(w => w.node === 'tls2'), `consumers should be on tls2: ${JSON.stringify(watched)}`);
    const stats = await expectMediaFlowing(viewer.page, 'viewer on tls2 over HTTPS');
    t.diagnostic(`viewer stats: ${JSON.stringify(stats)}`);

    // events arrive over wss, authenticated by the token in the socket's URL
    await eventually(async () => {
      const opened = socketFrames.filter(s => s.url.startsWith(`wss://127.0.0.1:3122/ws`) && s.url.includes('token='));
      assert.ok(opened.length > 0, `no wss event socket with a token: ${JSON.stringify(socketFrames.map(s => s.url))}`);
      assert.ok(opened.some(s => s.frames.some(f => f.includes('"hello"') || f.includes('"type"'))), 'no event over wss');
    }, { timeoutMs: 10_000, what: 'events over wss' });
    assert.deepEqual([...publisher.errors, ...viewer.errors], [], 'no uncaught errors in the pages');
  });

/** Types the token into the dashboard's token form, as a user would. */
async function typeToken(page, token) {
  await page.click('details.token summary');
  await page.fill('#token', token);
  await page.press('#token', 'Enter');
  await page.waitForFunction(() => document.querySelector('#token-state')?.textContent === 'set');
}

/** Records every WebSocket the page opens and the text frames it receives. */
function watchEventSockets(page) {
  const sockets = [];
  page.on('websocket', ws => {
    const entry = { url: ws.url(), frames: [] };
    sockets.push(entry);
    ws.on('framereceived', frame => { if (typeof frame.payload === 'string') entry.frames.push(frame.payload.slice(0, 200)); });
  });
  return sockets;
}
