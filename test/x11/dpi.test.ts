// Xft.dpi scales Fion's sizes as a user sets it: `xrdb -merge` with Xft.dpi 192 doubles the
// bar's and the tab bars' height at once (and the gaps and borders given at 96 dpi); 96
// brings them back.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, openClient, type Session } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';

const dir = tempDir('fion-dpi-');
const config = join(dir, 'config.yaml');
writeFileSync(config, 'gaps: {inner: 0, outer: 5}\n');

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession({ fion: { args: ['--config', config] } }); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

async function xrdb(dpi: number): Promise<void> {
  const file = join(dir, `dpi-${dpi}`);
  writeFileSync(file, `Xft.dpi: ${dpi}\n`);
  const r = await runTool(s.display, 'xrdb', ['-merge', file]);
  assert.equal(r.code, 0, r.stderr);
}

const barHeight = async (): Promise<number> => (await s.obs.geometry(await s.obs.bar()))?.height ?? 0;
const tabHeight = async (): Promise<number> => (await s.obs.tabBars())[0]?.geometry.height ?? 0;

test('Xft.dpi 192 doubles the bar, the tab bars and the gaps; 96 brings them back', async () => {
  const a = await openClient(s, open, 'alpha');
  const bar = await barHeight();
  const tabs = await tabHeight();
  const x0 = (await s.obs.geometry(a.window))!.x;
  assert.ok(bar > 0 && tabs > 0);
  assert.equal(x0, 5, 'the outer gap at 96 dpi');
  await xrdb(192);
  await waitFor('the bar twice as high', async () => (await barHeight()) === 2 * bar);
  await s.obs.sync();
  assert.equal(await tabHeight(), 2 * tabs, 'the tab bar twice as high');
  assert.equal((await s.obs.geometry(a.window))!.x, 10, 'the outer gap twice as wide');
  await xrdb(96);
  await waitFor('the bar as before', async () => (await barHeight()) === bar);
  await s.obs.sync();
  assert.equal(await tabHeight(), tabs);
  assert.equal((await s.obs.geometry(a.window))!.x, 5);
});
