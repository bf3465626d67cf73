// Where monitors come from, forced by the config (RandR CRTCs, Xinerama), and what
// `workspace goto` does with a workspace another monitor shows when told to swap.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { key, runTool } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
const open: TinyClient[] = [];

before(async () => {
  // RandR 1.5 monitors LEFT and RIGHT on one 2560-wide output; Xinerama sees one head.
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR', '+xinerama'] }, startFion: false });
  for (const args of [['--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen'], ['--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none']]) {
    const r = await runTool(s.display, 'xrandr', args);
    assert.equal(r.code, 0, r.stderr);
  }
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

async function fionWith(monitors: string): Promise<void> {
  const config = join(tempDir('fion-sources-'), 'config.yaml');
  writeFileSync(config, `monitors: ${monitors}\n`);
  s.fion = await startFion(s.display, { args: ['--config', config] });
  await s.obs.sync();
}
/** [x, width] of each viewable bar, left to right. */
async function bars(): Promise<number[][]> {
  const out: number[][] = [];
  for (const w of await s.obs.findByClass('fion-bar')) {
    if (!(await s.obs.isViewable(w))) continue;
    const g = (await s.obs.geometry(w))!;
    out.push([g.x, g.width]);
  }
  return out.sort((a, b) => a[0]! - b[0]!);
}

for (const [source, logged] of [['crtcs', 'crtcs'], ['xinerama', 'xinerama'], ['randr', 'monitors']] as const) {
  test(`monitors.source ${source}: monitors come from ${logged} alone`, async () => {
    await fionWith(`{source: ${source}}`);
    try {
      assert.match(s.fion.log(), new RegExp(`monitors from ${logged}\\b`));
      // The one CRTC drives the whole 2560 output; RandR 1.5 monitors, and the Xinerama heads the
      // server derives from them, are LEFT and RIGHT.
      assert.deepEqual(await bars(), source === 'crtcs' ? [[0, 2560]] : [[0, 1280], [1280, 1280]]);
    } finally {
      await s.fion.stop();
    }
  });
}

test('shown_elsewhere swap: going to the workspace the other monitor shows brings it here', async () => {
  await fionWith('{shown_elsewhere: swap}');
  const a = await TinyClient.open(s.display, { title: 'on workspace 2' });
  open.push(a);
  await s.obs.sync();
  const g0 = (await s.obs.geometry(a.window))!;
  assert.ok(g0.x + g0.width <= 1280, `a opened on LEFT, workspace 1: ${JSON.stringify(g0)}`);
  await key(s.display, 'super+2'); // shown on RIGHT: with swap, it comes to LEFT
  await s.obs.sync();
  // Workspace 1 (holding a) was on LEFT and is now on RIGHT; LEFT shows 2 and keeps the focus.
  await waitFor('a on RIGHT', async () => ((await s.obs.geometry(a.window))?.x ?? 0) >= 1280);
  assert.ok(await s.obs.isViewable(a.window), 'the swapped workspace stays visible on the other monitor');
  const desk = (await s.obs.cardinals(s.obs.root(), '_NET_CURRENT_DESKTOP'))[0];
  assert.equal(desk, 1, 'the focused monitor shows workspace 2');
});
