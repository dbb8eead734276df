import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInferenceServer, type InferenceServer } from '@servable/inference-server';
import { publishModelDataDirectory } from '@servable/model-updaters';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPipeline, lrModelData, registry } from './support/models.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: InferenceServer;
let browser: BrowserContext;
let dir: string;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The status page test needs Chromium at ${CHROMIUM} (set CHROMIUM_PATH to use another). ` +
        'Install it with: apt-get update && apt-get install -y chromium',
    );
  }
  dir = await mkdtemp(join(tmpdir(), 'inference-server-e2e-'));
  profile = join(dir, 'profile');
  await buildPipeline(1n).save(join(dir, 'fraud'));
  server = await createInferenceServer({
    registry: registry(),
    models: [{ name: 'fraud', path: join(dir, 'fraud'), watch: { settleMs: 5 } }],
  });
  // A persistent context on a fresh, empty profile directory (Playwright's way to pass
  // --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('status page (headless Chromium)', () => {
  it('shows the model, live requests, and the new version after an update', async () => {
    const address = await server.listen({ port: 0 });
    const page = await browser.newPage();
    await page.goto(address);
    const row = page.locator('tr[data-model="fraud"]');
    await expect.poll(() => row.locator('.version').textContent(), { timeout: 10_000 }).toBe('0.1');
    expect(await row.locator('.state').textContent()).toBe('ready');
    expect(await row.locator('.io').textContent()).toContain('features FP64[-1,3]');

    const response = await fetch(`${address}/v2/models/fraud/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        inputs: [{ name: 'features', shape: [1, 3], datatype: 'FP64', data: [3, 2, 4] }],
      }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { model_version: string }).model_version).toBe('0.1');
    await expect
      .poll(async () => Number(await row.locator('.rate').textContent()), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await row.locator('.p99').textContent()).toMatch(/^\d+\.\d{3}$/);

    await publishModelDataDirectory(join(dir, 'fraud', 'stages', '1', 'data'), lrModelData(2n), {
      fsync: false,
    });
    await expect.poll(() => row.locator('.version').textContent(), { timeout: 10_000 }).toBe('0.2');
    // At least the LR stage's update (the scaler stage's updater may also re-apply its unchanged
    // file on a late file event of the freshly saved model).
    const updates = /^(\d+) applied, 0 rejected$/.exec(
      (await row.locator('.updates').textContent()) ?? '',
    );
    expect(Number(updates?.[1])).toBeGreaterThanOrEqual(1);
    await page.close();
  }, 60_000);
});
