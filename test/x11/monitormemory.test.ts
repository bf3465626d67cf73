// Monitor memory: a monitor unplugged and plugged in again (a laptop docked each morning)
// gets back the workspaces it showed; another monitor is not forced anything; the memory
// outlives Fion. Xvfb's outputs have no EDID: the key here is the output name and size.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, openClient, pressKeys, type Session } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { xrandr as runXrandr } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
const open: TinyClient[] = [];
/** Fion's state folder, kept across the runs of this file. */
const stateHome = tempDir('fion-monmem-state-');
const memoryFile = join(stateHome, 'fion', 'monitors.json');

const xrandr = (...args: string[]): Promise<void> => runXrandr(s.display, ...args);
/** setmonitor/delmonitor send no event on Xvfb 21; adding a mode to the output does. */
let modes = 0;
async function poke(): Promise<void> {
  const name = `mem${++modes}`;
  await xrandr('--newmode', name, '0', '1280', '1280', '1280', '1280', '800', '800', '800', '800');
  await xrandr('--addmode', 'screen', name);
}
const plugRight = async (width = 1280): Promise<void> => {
  await xrandr('--setmonitor', 'RIGHT', `${width}/338x800/211+1280+0`, 'none');
  await poke();
};
const unplugRight = async (): Promise<void> => {
  await xrandr('--delmonitor', 'RIGHT');
  await poke();
};
const press = (...keys: string[]): Promise<void> => pressKeys(s, ...keys);

/** The viewable bars' texts, left to right. */
async function bars(): Promise<string[]> {
  const out: { x: number; text: string }[] = [];
  for (const w of await s.obs.findByClass('fion-bar')) {
    if (!(await s.obs.isViewable(w))) continue;
    out.push({ x: (await s.obs.geometry(w))!.x, text: (await s.obs.text(w)) ?? '' });
  }
  return out.sort((a, b) => a.x - b.x).map((b) => b.text);
}
/** Wait until there are `n` bars and each matches its pattern. */
const barsLike = (what: string, ...res: RegExp[]): Promise<string[]> =>
  waitFor(what, async () => {
    const b = await bars();
    if (b.length === res.length && res.every((re, i) => re.test(b[i]!))) return b;
    throw new Error(JSON.stringify(b)); // what the timeout reports
  });
/** Fion on the test's state folder. Each run leaves a session there (on exit): the next run
 *  would ask whether to restore it, and the question would take the keys this test presses. */
const fion = (extra = ''): Promise<Session['fion']> => {
  const config = join(tempDir('fion-monmem-'), 'config.yaml');
  writeFileSync(config, `session:\n  restore: never\n${extra}`);
  return startFion(s.display, { args: ['--config', config], env: { XDG_STATE_HOME: stateHome } });
};

before(async () => {
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  await xrandr('--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await plugRight();
  s.fion = await fion();
  await s.obs.sync();
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

test('unplugged and plugged in again, a monitor shows again what it showed; the other keeps its own', async () => {
  await barsLike('LEFT shows 1, RIGHT 2', /^\[1\] 2 \|/, /^1 \[2\] \|/);
  await press('super+w', 'o'); // to RIGHT
  await press('super+shift+a'); // workspace 3, on RIGHT
  await press('super+shift+a'); // workspace 4, on RIGHT
  const c = await openClient(s, open, 'on four');
  await press('super+w', 'o', 'super+2'); // LEFT shows 2
  await barsLike('1-2 on LEFT, 3-4 on RIGHT showing 4', /^1 \[2\] 3 4 \|/, /^1 2 3 \[4\] \|/);
  assert.ok((await s.obs.geometry(c.window))!.x >= 1280, 'the window of 4 is on RIGHT');

  await unplugRight();
  await barsLike('RIGHT gone: LEFT keeps 2', /^1 \[2\] 3 4 \|/);
  assert.ok((await s.obs.clientList()).includes(c.window), 'the window of 4 is still managed');
  await press('super+4', 'super+3', 'super+1'); // working on LEFT alone
  await barsLike('LEFT shows 1', /^\[1\] 2 3 4 \|/);

  await plugRight();
  await barsLike('RIGHT back showing 4; LEFT keeps 1', /^\[1\] 2 3 4 \|/, /^1 2 3 \[4\] \|/);
  await waitFor('the window of 4 back on RIGHT', async () => (await s.obs.isViewable(c.window)) && (await s.obs.geometry(c.window))!.x >= 1280);
});

test('3 is RIGHT\'s too: with 4 gone, RIGHT comes back showing 3', async () => {
  await unplugRight();
  await barsLike('one bar', /^\[1\] 2 3 4 \|/);
  await press('super+4', 'super+shift+x'); // destroy 4 (its window goes to a neighbour)
  await barsLike('4 destroyed', /^1 2 \[3\] \|/);
  await press('super+1');
  await plugRight();
  await barsLike('RIGHT shows 3, LEFT 1', /^\[1\] 2 3 \|/, /^1 2 \[3\] \|/);
  assert.ok((await s.obs.clientList()).includes(open[0]!.window), 'no window lost');
});

test('another monitor on that output (another size) is another set: it gets a workspace as it would without memory', async () => {
  await unplugRight();
  await barsLike('one bar', /^\[1\] 2 3 \|/);
  await plugRight(1000);
  await barsLike('the new monitor shows the first workspace not shown', /^\[1\] 2 3 \|/, /^1 \[2\] 3 \|/);
  await unplugRight();
  await plugRight();
  await barsLike('the 1280 one again: 3', /^\[1\] 2 3 \|/, /^1 2 \[3\] \|/);
});

test('the memory outlives Fion: a new run on the same monitors shows the workspaces that exist where they were', async () => {
  await press('super+2'); // LEFT shows 2, RIGHT 3
  await barsLike('LEFT 2, RIGHT 3', /^1 \[2\] 3 \|/, /^1 2 \[3\] \|/);
  assert.ok(existsSync(memoryFile), 'the memory is on disk');
  await s.fion.stop();
  for (const c of open) await c.close();
  open.length = 0;
  s.fion = await fion();
  // A new run has workspaces 1 and 2 only: RIGHT's 3 is not there; LEFT's 2 is.
  await barsLike('LEFT shows 2 again; RIGHT gets the other', /^1 \[2\] \|/, /^\[1\] 2 \|/);
});

test('a garbage memory file is ignored with a log line; with monitors.remember off nothing is remembered', async () => {
  await s.fion.stop();
  writeFileSync(memoryFile, '{"format": "fion-monitors", "version": 1, "memory": {"sets": 7}}');
  s.fion = await fion('monitors:\n  remember: false\n');
  await barsLike('a plain start', /^\[1\] 2 \|/, /^1 \[2\] \|/);
  await press('super+w', 'o', 'super+shift+a', 'super+w', 'o');
  await barsLike('RIGHT shows 3', /^\[1\] 2 3 \|/, /^1 2 \[3\] \|/);
  await s.fion.stop();
  assert.doesNotMatch(s.fion.log(), /monitor memory/, 'not read');
  assert.match(readFileSync(memoryFile, 'utf8'), /"sets": 7/, 'not written');
  s.fion = await fion();
  await waitFor('the log line', () => /monitor memory .*monitors\.json ignored: expected/.test(s.fion.log()));
  await barsLike('a plain start', /^\[1\] 2 \|/, /^1 \[2\] \|/);
  await press('super+w', 'o', 'super+shift+a');
  await barsLike('RIGHT shows 3', /^\[1\] 2 3 \|/, /^1 2 \[3\] \|/);
  await waitFor('the garbage replaced', () => readFileSync(memoryFile, 'utf8').includes('"shown":"3"'));
});
