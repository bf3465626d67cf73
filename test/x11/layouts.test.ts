// Two keyboard layouts (setxkbmap -layout us,ru): the bar shows the active one and follows
// its changes, a click on it switches to the next, and a binding keeps working in the
// second layout, where its key types a Cyrillic letter. With the Russian layout first, a
// binding of a Latin letter is found in the second layout. With keyboard_layout_per_window,
// each window gets back the layout it had.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import { FakeKeys } from '../harness/fakekeys.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { pixels } from '../harness/pixels.js';

const SEPARATOR = '#504945'; // bar_separator: the line right of every cell but the last

let s: Session;
let probe: TinyClient;
before(async () => {
  const config = join(tempDir('fion-layouts-'), 'config.yaml');
  writeFileSync(config, "keyboard_layout_per_window: true\nbindings:\n  super+z: workspace create\nbar:\n  clock: \"'clock'\"\n");
  s = await openSession({ fion: { args: ['--config', config] } });
  probe = await TinyClient.open(s.display, { title: 'probe', map: false }); // keeps the server from resetting
});
after(async () => { await probe.close(); await s.close(); });

const setxkbmap = async (...args: string[]): Promise<void> => {
  const r = await runTool(s.display, 'setxkbmap', args);
  assert.equal(r.code, 0, r.stderr);
};
const workspaces = async (): Promise<number> => (await s.obs.barText()).split(' | ')[0]!.split(' ').length;

/** The x of the bar cell just left of the clock (the layout's), from the separators drawn. */
async function layoutCellX(): Promise<number> {
  const bar = (await s.obs.geometry(await s.obs.bar()))!;
  const row = (await pixels(s.display, { x: 0, y: Math.floor(bar.height / 2), width: bar.width, height: 1 }))[0] ?? [];
  const right = row.lastIndexOf(SEPARATOR);
  assert.ok(right >= 0, 'a separator in the bar');
  return right - 6;
}

test('the bar shows the active layout, follows setxkbmap, and a click switches to the next', async () => {
  assert.doesNotMatch(await s.obs.barText(), /\| us \|/, 'one layout: nothing to show');
  await setxkbmap('-layout', 'us,ru');
  await waitFor('"us" in the bar', async () => /\| us \|/.test(await s.obs.barText()), 10000);
  const x = await layoutCellX();
  const r = await runTool(s.display, 'xdotool', ['mousemove', String(x), '5', 'click', '1']);
  assert.equal(r.code, 0, r.stderr);
  await waitFor('"ru" in the bar', async () => /\| ru \|/.test(await s.obs.barText()), 10000);
});

test('a binding still acts in the second layout, where its key types a Cyrillic letter', async () => {
  assert.match(await s.obs.barText(), /\| ru \|/);
  const keys = await FakeKeys.open(probe.x);
  const before = await workspaces();
  keys.press('super+z');
  await probe.x.flush();
  await waitFor('a new workspace', async () => (await workspaces()) === before + 1, 10000);
});

test('with the Russian layout first, super+z is found in the second layout', async () => {
  await setxkbmap('-layout', 'ru,us'); // the second group stays active: "us" now
  await waitFor('"us" in the bar', async () => /\| us \|/.test(await s.obs.barText()), 10000);
  await s.obs.sync();
  const keys = await FakeKeys.open(probe.x); // reads the new map: z is in group 2's columns now
  const before = await workspaces();
  keys.press('super+z');
  await probe.x.flush();
  await waitFor('a new workspace', async () => (await workspaces()) === before + 1, 10000);
});

test('keyboard_layout_per_window: each window gets back the layout it had when it was last focused', async () => {
  const shown = async (): Promise<string> => /\| (us|ru) \|/.exec(await s.obs.barText())?.[1] ?? '?';
  const a = await TinyClient.open(s.display, { title: 'window A' });
  const b = await TinyClient.open(s.display, { title: 'window B' });
  try {
    await waitFor('B focused', async () => (await s.obs.focus()) === b.window, 10000);
    const first = await shown(); // both windows have the layout in use when they came
    const x = await layoutCellX();
    await runTool(s.display, 'xdotool', ['mousemove', String(x), '5', 'click', '1']);
    await waitFor('the other layout', async () => (await shown()) !== first, 10000);
    const other = await shown();
    const activate = async (w: number): Promise<void> => {
      const r = await runTool(s.display, 'wmctrl', ['-i', '-a', `0x${w.toString(16)}`]);
      assert.equal(r.code, 0, r.stderr);
      await waitFor('the focus', async () => (await s.obs.focus()) === w, 10000);
    };
    await activate(a.window);
    await waitFor(`A back in ${first}`, async () => (await shown()) === first, 10000);
    await activate(b.window);
    await waitFor(`B back in ${other}`, async () => (await shown()) === other, 10000);
  } finally {
    await a.close();
    await b.close();
  }
});
