// The built page on its own (no SFU anywhere): it must load without script errors and say clearly
// that the API cannot be reached, both when polling and when the user presses Publish camera.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDashboard } from '../build.mjs';
import { launchBrowser, openDashboard } from './browser.mjs';
import { serveDirectory } from './staticServer.mjs';
import { screenshotBothWidths } from './screenshots.mjs';

async function servedBuild(t) {
  const outdir = await mkdtemp(path.join(tmpdir(), 'sfu-dashboard-build-'));
  await buildDashboard(outdir);
  const server = await serveDirectory(outdir);
  t.after(async () => {
    await server.close();
    await rm(outdir, { recursive: true, force: true });
  });
  return server;
}

test('served without an API, the page reports that the answers are not the SFU API', { timeout: 60_000 }, async t => {
  const context = await launchBrowser(t);
  if (!context) return;
  const server = await servedBuild(t);

  const { page, errors } = await openDashboard(context, `${server.url}/?room=lobby`);
  const notice = page.locator('#notice');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.innerText(), /GET \/api\/(sfu-nodes|streams): HTTP 404 .*not JSON/);
  assert.equal(await page.locator('#self').innerText(), 'API unreachable');
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('with an unreachable API, pressing Publish camera explains that the SFU cannot be reached', { timeout: 60_000 }, async t => {
  const context = await launchBrowser(t);
  if (!context) return;
  const server = await servedBuild(t);
  const deadApi = 'http://127.0.0.1:9'; // discard port: nothing listens there

  const { page, errors } = await openDashboard(context, `${server.url}/?room=lobby&api=${encodeURIComponent(deadApi)}`);
  await page.click('#publish-camera');
  const notice = page.locator('#notice', { hasText: 'router-rtp-capabilities' });
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.innerText(), new RegExp(`cannot reach the SFU at ${deadApi}`));
  assert.equal(await page.locator('.tile').count(), 0, 'no tile stays behind after a failed publish');
  assert.equal(await page.locator('#stop').isDisabled(), true);
  assert.ok(await page.locator('#log li[data-level="ERROR"]').count() > 0, 'the failure is in the log');

  const files = await screenshotBothWidths(page, 'no-api');
  t.diagnostic(`screenshots: ${files.join(', ')}`);
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});
