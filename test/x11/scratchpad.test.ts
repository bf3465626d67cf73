// Sticky floats, the stacking of floats (_NET_WM_STATE_ABOVE / _BELOW), the scratchpad and
// a dropdown, with real xterms, wmctrl and the shipped config's keys.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, pressKeys, type Session } from '../harness/session.js';
import { runTool, startClient } from '../harness/clients.js';
import { runCli } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { TinyClient } from '../harness/tinyclient.js';
import { checkInvariants } from '../harness/invariants.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
const open: TinyClient[] = [];
const env = { XDG_RUNTIME_DIR: tempDir('fion-scratch-') };
before(async () => {
  s = await openSession({ fion: { env } });
  await waitFor('the control socket', () => s.fion.log().includes('ipc: listening on '), 15000);
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

const msg = async (...words: string[]): Promise<void> => {
  const r = await runCli(['msg', ...words], { ...env, DISPLAY: s.display });
  assert.equal(r.code, 0, `fion msg ${words.join(' ')}: ${r.stdout}${r.stderr}`);
  await s.obs.sync();
};
const tool = async (cmd: string, ...args: string[]): Promise<void> => {
  const r = await runTool(s.display, cmd, args);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
};
const states = async (w: WindowId): Promise<string> => (await runTool(s.display, 'xprop', ['-id', String(w), '_NET_WM_STATE'])).stdout;
const viewable = (w: WindowId): Promise<boolean> => s.obs.isViewable(w);

async function tiny(title: string): Promise<TinyClient> {
  const c = await TinyClient.open(s.display, { title, geometry: { x: 0, y: 0, width: 300, height: 200 } });
  open.push(c);
  await s.obs.sync();
  return c;
}
async function xterm(klass: string): Promise<WindowId> {
  startClient(s.display, 'xterm', ['-class', klass]);
  const w = await s.obs.waitForClass(klass);
  await s.obs.sync();
  return w;
}

test('a sticky float (the verb, then wmctrl) stays shown, in place, across workspace switches; a plain one does not', async () => {
  const tiled = await tiny('sticky-tiled');
  const f = await tiny('sticky-float');
  await msg('tab', 'float');
  await msg('sticky', 'enable');
  assert.match(await states(f.window), /_NET_WM_STATE_STICKY/);
  assert.deepEqual(await s.obs.cardinals(f.window, '_NET_WM_DESKTOP'), [0xffffffff], 'on all desktops (EWMH)');
  const where = await s.obs.geometry(f.window);
  await msg('workspace', 'create');
  assert.equal(await viewable(tiled.window), false, 'the tiled window stayed on workspace 1');
  assert.equal(await viewable(f.window), true, 'the sticky float came along');
  assert.deepEqual(await s.obs.geometry(f.window), where);
  await msg('workspace', 'goto', '1');
  assert.equal(await viewable(f.window), true);
  assert.equal(await s.obs.focus(), tiled.window, "workspace 1's own focus, not the sticky float");
  await tool('wmctrl', '-i', '-a', String(f.window));
  await msg('sticky', 'disable');
  assert.doesNotMatch(await states(f.window), /_NET_WM_STATE_STICKY/);
  assert.deepEqual(await s.obs.cardinals(f.window, '_NET_WM_DESKTOP'), [0]);
  await msg('workspace', 'goto', '2');
  assert.equal(await viewable(f.window), false, 'no longer sticky: it stays behind');
  await msg('workspace', 'goto', '1');
  // The same through EWMH, as a pager or wmctrl asks it.
  await tool('wmctrl', '-i', '-r', String(f.window), '-b', 'add,sticky');
  assert.match(await states(f.window), /_NET_WM_STATE_STICKY/);
  await msg('workspace', 'goto', '2');
  assert.equal(await viewable(f.window), true, 'sticky through wmctrl');
  await tool('wmctrl', '-i', '-r', String(f.window), '-b', 'remove,sticky');
  await msg('workspace', 'goto', '1');
  assert.equal(await viewable(f.window), false);
  await msg('workspace', 'goto', '2');
  assert.deepEqual(await checkInvariants(s.obs), []);
  await f.destroy();
  await tiled.destroy();
  await s.obs.sync();
});

test('_NET_WM_STATE_ABOVE / _BELOW order the floats: above ones on top, below ones under the others but over the tiles', async () => {
  await msg('workspace', 'goto', '1');
  const tiled = await tiny('layer-tiled');
  const floats: TinyClient[] = [];
  for (const n of [1, 2, 3]) {
    floats.push(await tiny(`layer-${n}`));
    await msg('tab', 'float');
  }
  const [a, b, c] = floats as [TinyClient, TinyClient, TinyClient];
  await tool('wmctrl', '-i', '-r', String(a.window), '-b', 'add,above');
  await tool('wmctrl', '-i', '-r', String(c.window), '-b', 'add,below');
  const order = async (): Promise<number[]> => {
    const kids = await s.obs.children();
    return [tiled, a, b, c].map((x) => kids.indexOf(x.window));
  };
  const [t, ia, ib, ic] = await order();
  assert.ok(t! < ic! && ic! < ib! && ib! < ia!, `tiled < below < plain < above, got ${[t, ia, ib, ic].join(' ')}`);
  const stacking = await s.obs.cardinals(s.obs.root(), '_NET_CLIENT_LIST_STACKING');
  assert.ok(stacking.indexOf(c.window) < stacking.indexOf(b.window) && stacking.indexOf(b.window) < stacking.indexOf(a.window));
  assert.match(await states(c.window), /_NET_WM_STATE_BELOW/);
  assert.match(await states(a.window), /_NET_WM_STATE_ABOVE/);
  // Focusing the below float raises it among its own layer only.
  await tool('wmctrl', '-i', '-a', String(c.window));
  const [, ja, jb, jc] = await order();
  assert.ok(jc! < jb! && jb! < ja!, 'still below the others');
  for (const x of [tiled, a, b, c]) await x.destroy();
  await s.obs.sync();
});

test('scratchpad move hides a window that stays listed; scratchpad show brings it back floating, centred, focused; show hides it again; the bar counts it', async () => {
  const other = await tiny('scratch-other');
  const w = await xterm('ScratchTerm');
  assert.equal(await s.obs.focus(), w);
  assert.doesNotMatch(await s.obs.barText(), /scratchpad/);
  await msg('scratchpad', 'move');
  assert.equal(await s.obs.mapState(w), 'unmapped');
  assert.equal((await s.obs.cardinals(w, 'WM_STATE'))[0], 3, 'WM_STATE Iconic');
  assert.match(await states(w), /_NET_WM_STATE_HIDDEN/);
  assert.ok((await s.obs.clientList()).includes(w), 'still in _NET_CLIENT_LIST');
  assert.match(await s.obs.barText(), /scratchpad 1/);
  assert.deepEqual(await checkInvariants(s.obs), []);
  await msg('workspace', 'goto', '1');
  await pressKeys(s, 'super+minus'); // scratchpad show
  assert.equal(await viewable(w), true);
  assert.equal(await s.obs.focus(), w);
  assert.match(await states(w), /_NET_WM_STATE_ABOVE/, 'floating');
  const g = (await s.obs.geometry(w))!;
  const cx = g.x + g.width / 2;
  const cy = g.y + g.height / 2;
  assert.ok(Math.abs(cx - 640) <= 12 && Math.abs(cy - 400) <= 12, `centred on the 1280x800 monitor: ${JSON.stringify(g)}`);
  await msg('scratchpad', 'show');
  assert.equal(await viewable(w), false, 'hidden again');
  // Tiled after being shown, it leaves the scratchpad.
  await msg('scratchpad', 'show');
  await msg('tab', 'float');
  assert.doesNotMatch(await s.obs.barText(), /scratchpad/);
  const refused = await runCli(['msg', 'scratchpad', 'show'], { ...env, DISPLAY: s.display });
  assert.match(refused.stdout + refused.stderr, /scratchpad is empty/);
  await tool('xdotool', 'windowkill', String(w));
  await other.destroy();
  await s.obs.sync();
});

test('a dropdown (xterm -class FionDropdown, super+grave) starts, hides, shows, and starts again after its program exited', async () => {
  await pressKeys(s, 'super+grave');
  const w = await s.obs.waitForClass('FionDropdown');
  await s.obs.sync();
  const g = (await s.obs.geometry(w))!;
  assert.equal(g.x, 0);
  assert.equal(g.y, 0);
  assert.ok(g.width > 1200 && g.height > 250 && g.height <= 320, `the top 40% of the monitor: ${JSON.stringify(g)}`);
  assert.equal(await s.obs.focus(), w);
  assert.match(await s.obs.barText(), /scratchpad 1/);
  await pressKeys(s, 'super+grave');
  assert.equal(await s.obs.mapState(w), 'unmapped');
  assert.ok((await s.obs.clientList()).includes(w));
  await msg('workspace', 'create', 'drop');
  await pressKeys(s, 'super+grave');
  assert.equal(await viewable(w), true, 'shown on the workspace in view');
  assert.equal(await s.obs.focus(), w);
  assert.equal((await s.obs.findByClass('FionDropdown')).length, 1, 'one program only');
  await tool('xdotool', 'windowkill', String(w));
  await waitFor('the dropdown gone', async () => !(await s.obs.clientList()).includes(w) || null, 5000);
  await pressKeys(s, 'super+grave');
  // (The new xterm may well get the old one's window id: X reuses a gone client's ids.)
  const again = await waitFor('a new dropdown', async () => {
    for (const x of await s.obs.findByClass('FionDropdown')) if (await viewable(x)) return x;
    return null;
  }, 10000);
  await s.obs.sync();
  assert.equal(await s.obs.focus(), again);
  assert.deepEqual(await checkInvariants(s.obs), []);
  await tool('xdotool', 'windowkill', String(again));
});
