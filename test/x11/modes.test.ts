// Keyboard modes on a real server: win+KEY enters a mode, the next key acts in it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import x11 from 'x11';
import type { XClient } from 'x11';
import type { Geometry } from '../harness/observer.js';
import { openSession, pressKeys, type Session } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { waitFor } from '../harness/wait.js';
import { EventMask } from '../../src/x/types.js';
import { keycodesFor, readKeyboard } from '../../src/x/keyboard.js';
import { keysymByName } from '../../src/x/keysyms.js';
import { isModifierKeysym } from '../../src/keys/keypress.js';

let s: Session; // the shipped configuration
let c: Session; // a custom one: sticky tile mode, a user-defined mode
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fion-modes-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, [
    'modes:',
    '  tile:',
    '    sticky: true',
    '  launch:',
    '    enter: super+l',
    '    keys:',
    '      x: exec xmessage -name fion-launched hi',
    '',
  ].join('\n'));
  [s, c] = await Promise.all([openSession(), openSession({ fion: { args: ['--config', file] } })]);
  const kb = await readKeyboard(s.obs.x);
  for (const [keycode, syms] of kb.keysyms) if (syms.some(isModifierKeysym)) modifierKeycodes.add(keycode);
});
after(async () => {
  await Promise.all([s?.close(), c?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Press keys (xdotool names), then wait until Fion has handled them. */
const press = (on: Session, ...keys: string[]): Promise<void> => pressKeys(on, ...keys);

async function bar(on: Session): Promise<string> {
  await on.obs.sync();
  return on.obs.barText();
}

/** The bar's "mode" part, if any: the text between the tab segment and the rest. */
function modeOf(text: string): string | undefined {
  return text.split(' | ').find((seg) => /^\S+( \S+)*: .*Esc$/.test(seg));
}

const tileCount = async (on: Session): Promise<number> => Number(/tile \d+\/(\d+)/.exec(await bar(on))?.[1]);
/** "2/3": the shown workspace's number and how many there are, from the bar's workspace list. */
const workspaceOf = async (on: Session): Promise<string> => {
  const words = (await bar(on)).split(' | ')[0]?.split(' ') ?? [];
  const i = words.findIndex((w) => w.startsWith('['));
  return i < 0 ? '?' : `${i + 1}/${words.length}`;
};

/** Kill every tile but one, on the current workspace. */
async function oneTile(on: Session): Promise<void> {
  for (let i = 0; i < 10 && (await tileCount(on)) > 1; i++) await press(on, 'super+shift+d');
  assert.equal(await tileCount(on), 1);
}

/** A client that sees its key presses, focused by Fion. */
async function keyClient(on: Session, title: string): Promise<TinyClient> {
  const t = await TinyClient.open(on.display, { title });
  t.x.changeAttributes(t.window, { eventMask: EventMask.StructureNotify | EventMask.PropertyChange | EventMask.FocusChange | 1 /* KeyPress */ });
  await t.x.sync();
  await on.obs.sync();
  await waitFor(`focus on ${title}`, async () => (await on.obs.focus()) === t.window);
  return t;
}
/** Key presses the client saw, not counting modifier keys (win goes down before win+t reaches Fion's grab). */
const keyPresses = (t: TinyClient): number => t.events.filter((e) => e.kind === 'KeyPress' && !modifierKeycodes.has(e.keycode)).length;
const modifierKeycodes = new Set<number>();

test('win+t then v splits the tile; the mode shows in the bar while active', async (ctx) => {
  await oneTile(s);
  const t = await keyClient(s, 'split-me');
  ctx.after(() => t.close());
  const before = (await s.obs.geometry(t.window))!;
  await press(s, 'super+t');
  assert.equal(modeOf(await bar(s)), 'tile: n p c d h v ←→↑↓ m… u U Esc');
  await press(s, 'v');
  const text = await bar(s);
  assert.equal(modeOf(text), undefined, 'one-shot: back to normal mode');
  assert.equal(await tileCount(s), 2);
  const after = (await s.obs.geometry(t.window))!;
  assert.ok(after.width < before.width * 0.6, `split side by side: ${before.width} -> ${after.width}`);
  assert.equal(keyPresses(t), 0, 'no key went to the client');
  await oneTile(s);
  await t.close();
});

test('tile mode: n, p, h, d and a resize arrow', async () => {
  await oneTile(s);
  await press(s, 'super+t', 'h');
  assert.equal(await tileCount(s), 2);
  assert.match(await bar(s), /tile 2\/2/);
  await press(s, 'super+t', 'n');
  assert.match(await bar(s), /tile 1\/2/);
  await press(s, 'super+t', 'p');
  assert.match(await bar(s), /tile 2\/2/);
  // The focused tile is the lower one: Up moves the border between them up, so its tab
  // bar rises and the upper tile's stays where it was.
  const [upper, lower] = (await s.obs.tabBars()).map((t) => t.geometry);
  await press(s, 'super+t', 'Up');
  assert.equal(modeOf(await bar(s)), undefined);
  const [upper2, lower2] = (await s.obs.tabBars()).map((t) => t.geometry);
  assert.deepEqual(upper2, upper, 'the upper tile starts where it did');
  assert.ok(lower2!.y < lower!.y, `the border moved up: the lower tile's top ${lower!.y} -> ${lower2!.y}`);
  assert.equal(lower2!.x, lower!.x);
  await press(s, 'super+t', 'd');
  assert.equal(await tileCount(s), 1);
});

test('workspace mode: c, n, p, d and a number; the key after win+w with and without win held', async () => {
  assert.equal(await workspaceOf(s), '1/1');
  await press(s, 'super+w');
  assert.equal(modeOf(await bar(s)), 'workspace: n p c d 1-9 r m… o Esc');
  await press(s, 'c');
  assert.equal(await workspaceOf(s), '2/2');
  // win released between the keys
  await press(s, 'super+w', 'p');
  assert.equal(await workspaceOf(s), '1/2');
  // win held: super+w then super+n
  await press(s, 'super+w', 'super+n');
  assert.equal(await workspaceOf(s), '2/2');
  // win held down the whole time, Super_L pressed on its own in between
  try {
    await runTool(s.display, 'xdotool', ['keydown', 'Super_L', 'key', 'w']);
    await s.obs.sync();
    await runTool(s.display, 'xdotool', ['key', 'Super_L']); // a lone modifier press does not abort the mode
    await s.obs.sync();
    assert.ok(modeOf(await bar(s))?.startsWith('workspace:'));
    await runTool(s.display, 'xdotool', ['keydown', 'Super_L', 'key', 'p']);
    await s.obs.sync();
  } finally {
    await runTool(s.display, 'xdotool', ['keyup', 'Super_L']);
  }
  assert.equal(await workspaceOf(s), '1/2');
  assert.equal(modeOf(await bar(s)), undefined);
  await press(s, 'super+w', '2');
  assert.equal(await workspaceOf(s), '2/2');
  await press(s, 'super+w', 'd');
  assert.equal(await workspaceOf(s), '1/1');
});

test('tab mode: n and p switch the shown tab', async (ctx) => {
  await oneTile(s);
  const a = await keyClient(s, 'tab-a');
  const b = await keyClient(s, 'tab-b');
  ctx.after(async () => { await Promise.all([a.close(), b.close()]); });
  const shown = async (): Promise<string> => /tab (\d+\/\d+)/.exec(await bar(s))?.[1] ?? '?';
  const first = await shown();
  assert.match(first, /^\d\/2$/);
  await press(s, 'super+Tab');
  assert.equal(modeOf(await bar(s)), 'tab: n p c d m… f F Esc');
  const wasShown = (await s.obs.mapState(a.window)) === 'viewable' ? a : b;
  const other = wasShown === a ? b : a;
  await press(s, 'n');
  const second = await shown();
  assert.notEqual(second, first);
  assert.equal(await s.obs.mapState(other.window), 'viewable', 'n: the other tab on screen');
  assert.equal(await s.obs.mapState(wasShown.window), 'unmapped', 'n: the first one hidden');
  assert.equal(await s.obs.focus(), other.window, 'n: and focused');
  await press(s, 'super+Tab', 'p');
  assert.equal(await shown(), first);
  assert.equal(await s.obs.mapState(wasShown.window), 'viewable', 'p: the first tab on screen again');
  assert.equal(await s.obs.focus(), wasShown.window, 'p: and focused');
  assert.equal(keyPresses(a) + keyPresses(b), 0);
  await a.close();
  await b.close();
});

test('run mode: t starts the terminal', async () => {
  const before = new Set(await s.obs.clientList());
  await press(s, 'super+r');
  assert.equal(modeOf(await bar(s)), 'run: t Esc');
  await press(s, 't');
  assert.equal(modeOf(await bar(s)), undefined);
  const term = await waitFor('a terminal window', async () => {
    for (const w of await s.obs.clientList()) if (!before.has(w) && /term/i.test((await s.obs.wmClass(w)).class)) return w;
    return null;
  }, 15000);
  // Close it again (close asks politely; xterm obeys WM_DELETE_WINDOW).
  await waitFor('the terminal to have the focus', async () => (await s.obs.focus()) === term);
  await press(s, 'super+shift+q');
  await waitFor('the terminal to close', async () => !(await s.obs.clientList()).includes(term), 10000);
});

test('Escape leaves without doing anything, and the next key goes to the client', async (ctx) => {
  await oneTile(s);
  const t = await keyClient(s, 'escape');
  ctx.after(() => t.close());
  await press(s, 'super+t');
  assert.ok(modeOf(await bar(s)));
  await press(s, 'Escape');
  assert.equal(modeOf(await bar(s)), undefined);
  assert.equal(keyPresses(t), 0, 'Escape itself is not passed on');
  await press(s, 'v');
  await waitFor('the client to see v', () => keyPresses(t) === 1);
  assert.equal(await tileCount(s), 1, 'v in normal mode is just a key');
  await t.close();
});

test('an unbound key leaves the mode, says so, and is not passed to the client', async (ctx) => {
  await oneTile(s);
  const t = await keyClient(s, 'unbound');
  ctx.after(() => t.close());
  await press(s, 'super+t', 'x');
  const text = await bar(s);
  assert.equal(modeOf(text), undefined);
  assert.match(text, /tile: no binding for x/);
  assert.equal(keyPresses(t), 0);
  await press(s, 'super+t', 'super+shift+x');
  assert.match(await bar(s), /tile: no binding for super\+shift\+x/);
  // The message goes with the next command.
  await press(s, 'super+w', 'n');
  assert.doesNotMatch(await bar(s), /no binding/);
  await t.close();
});

test('Num Lock and Caps Lock on: modes work the same', async () => {
  const leds = async (): Promise<string> => (await runTool(s.display, 'xset', ['q'])).stdout;
  for (const lock of ['Num_Lock', 'Caps_Lock']) {
    const label = lock === 'Num_Lock' ? 'Num Lock' : 'Caps Lock';
    await oneTile(s);
    await press(s, lock);
    try {
      assert.match(await leds(), new RegExp(`${label}:\\s+on`), `${label} is on`);
      await press(s, 'super+t');
      assert.ok(modeOf(await bar(s))?.startsWith('tile:'), `${label}: mode entered`);
      await press(s, 'v');
      assert.equal(await tileCount(s), 2, `${label}: v in tile mode`);
      await press(s, 'super+w', 'c');
      assert.equal(await workspaceOf(s), '2/2', `${label}: c in workspace mode`);
      await press(s, 'super+w', 'd');
    } finally {
      await press(s, lock);
    }
    assert.match(await leds(), new RegExp(`${label}:\\s+off`));
  }
  await oneTile(s);
});

test('sticky mode from config: keys act until Escape', async () => {
  await oneTile(c);
  await press(c, 'super+t', 'v');
  assert.ok(modeOf(await bar(c))?.startsWith('tile:'), 'still in tile mode');
  await press(c, 'v', 'super+h'); // win held or not
  assert.equal(await tileCount(c), 4);
  assert.ok(modeOf(await bar(c))?.startsWith('tile:'));
  await press(c, 'Escape');
  assert.equal(modeOf(await bar(c)), undefined);
  await oneTile(c);
  // An unbound key leaves a sticky mode too.
  await press(c, 'super+t', 'q');
  assert.match(await bar(c), /tile: no binding for q/);
  assert.equal(modeOf(await bar(c)), undefined);
});

test('a mode defined in the config file', async () => {
  await press(c, 'super+l');
  assert.equal(modeOf(await bar(c)), 'launch: x Esc');
  await press(c, 'x');
  assert.equal(modeOf(await bar(c)), undefined);
  const w = await c.obs.waitForClass('fion-launched');
  assert.ok(w);
  // the shipped modes are still there
  await press(c, 'super+w');
  assert.equal(modeOf(await bar(c)), 'workspace: n p c d 1-9 r m… o Esc');
  await press(c, 'Escape');
});

/** A plain client on its own connection (XTEST and GrabServer are not in Fion's XConnection). */
async function rawClient(display: string): Promise<{ X: XClient; root: number; close(): void }> {
  return new Promise((resolve, reject) => {
    const X = x11.createClient({ display }, (err, d) => {
      if (err) reject(err);
      else resolve({ X: d.client, root: d.screen[0]!.root, close: () => d.client.terminate() });
    });
    X.on('error', () => {});
  });
}
interface XTest { FakeInput(type: number, keycode: number, time: number, wid: number, x: number, y: number): void }
const requireXTest = (X: XClient): Promise<XTest> => new Promise((resolve, reject) => {
  (X as unknown as { require(name: string, cb: (err: Error | null, ext: XTest) => void): void })
    .require('xtest', (err, ext) => (err ? reject(err) : resolve(ext)));
});
const roundTrip = (X: XClient): Promise<void> => new Promise((r) => X.GetInputFocus(() => { r(); return true; }));
const grabKeyboard = (X: XClient, w: number): Promise<number> =>
  new Promise((r) => X.GrabKeyboard(w, 1, 0, 1, 1, (err, status) => { r(err ? -1 : status); return true; }));

test('a mode entered while another client holds the keyboard: the bar says so, Fion stays in normal mode', async () => {
  await oneTile(s);
  const kb = await readKeyboard(s.obs.x);
  const code = (name: string): number => keycodesFor(kb, keysymByName(name)!)[0]!.keycode;
  const other = await rawClient(s.display);
  try {
    const xtest = await requireXTest(other.X);
    // Under a server grab, so that Fion's GrabKeyboard can only be handled after ours:
    // type win+t (Fion sees it through its passive grab), then take the keyboard.
    other.X.GrabServer();
    xtest.FakeInput(2, code('Super_L'), 0, 0, 0, 0);
    xtest.FakeInput(2, code('t'), 0, 0, 0, 0);
    xtest.FakeInput(3, code('t'), 0, 0, 0, 0);
    xtest.FakeInput(3, code('Super_L'), 0, 0, 0, 0);
    await roundTrip(other.X);
    let status = -1;
    for (let i = 0; i < 50 && status !== 0; i++) {
      status = await grabKeyboard(other.X, other.root);
      if (status !== 0) await new Promise((r) => setTimeout(r, 10));
    }
    other.X.UngrabServer();
    await roundTrip(other.X);
    assert.equal(status, 0, 'the other client has the keyboard');

    await waitFor('the bar to say the mode failed', async () => /cannot enter mode tile: another program holds the keyboard/.test(await s.obs.barText()));
    assert.equal(modeOf(await bar(s)), undefined, 'normal mode');

    // Let go: win+t works again.
    other.X.UngrabKeyboard(0);
    await roundTrip(other.X);
    await press(s, 'super+t', 'v');
    assert.equal(await tileCount(s), 2);
  } finally {
    other.close();
  }
  await oneTile(s);
});

test('the keyboard grab is released on leaving a mode and when Fion stops', async () => {
  const other = await rawClient(c.display);
  try {
    await press(c, 'super+t');
    assert.notEqual(await grabKeyboard(other.X, other.root), 0, 'Fion holds the keyboard in a mode');
    await press(c, 'Escape');
    assert.equal(await grabKeyboard(other.X, other.root), 0, 'released on Escape');
    other.X.UngrabKeyboard(0);
    await roundTrip(other.X);
    await press(c, 'super+t');
    assert.notEqual(await grabKeyboard(other.X, other.root), 0);
    const exited = c.fion.exited;
    c.fion.process.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal(await grabKeyboard(other.X, other.root), 0, 'released when Fion stops');
    assert.doesNotMatch(c.fion.log(), /error/i);
  } finally {
    other.close();
  }
});

test('sequences and the remaining verbs: tab m n, workspace m n, tab f and F, tile v and c', async () => {
  const a = await TinyClient.open(s.display, { title: 'seq-a' });
  const b = await TinyClient.open(s.display, { title: 'seq-b' });
  try {
    await s.obs.sync();
    await press(s, 'super+t', 'v'); // a new empty tile on the right
    await press(s, 'super+t', 'p'); // back to the tile holding both
    const tiles = async (): Promise<string> => (await s.obs.tabBars()).map((t) => t.text).join(' || ');
    await press(s, 'super+Tab', 'm', 'n'); // the shown tab (b) to the next tile
    assert.match(await tiles(), /\[seq-a\] \|\| \[seq-b\]|\[seq-b\].*\|\| .*seq-a/);
    const gb = (await s.obs.geometry(b.window))!;
    assert.ok(gb.x >= 640, 'seq-b moved to the right tile');
    await press(s, 'super+Tab', 'f'); // float seq-b
    assert.equal((await s.obs.tabBars()).some((t) => /seq-b/.test(t.text)), false, 'a floating window has no tab');
    await press(s, 'super+Tab', 'shift+f'); // and fullscreen it
    assert.deepEqual(await s.obs.geometry(b.window), { x: 0, y: 0, width: 1280, height: 800 });
    await press(s, 'super+Tab', 'shift+f', 'super+Tab', 'f'); // back: not fullscreen, tiled
    assert.ok((await s.obs.tabBars()).some((t) => /seq-b/.test(t.text)));
    await press(s, 'super+w', 'c', 'super+w', 'p'); // a second workspace, then back
    await press(s, 'super+w', 'm', 'n'); // send the focused window there
    assert.equal(await s.obs.mapState(b.window), 'unmapped');
    assert.ok((await s.obs.clientList()).includes(b.window));
    // Split along the longer side. Two tiles side by side, each taller than wide: the focused
    // one splits into two, one above the other (its tab bar stays; a new one below it).
    const key = (g: Geometry): string => `${g.x},${g.y},${g.width},${g.height}`;
    const pre = (await s.obs.tabBars()).map((t) => t.geometry);
    assert.deepEqual(pre.map((g) => g.width), [640, 640], 'two tall tiles');
    await press(s, 'super+t', 'c');
    assert.match(await bar(s), /tile \d+\/3/);
    const mid = (await s.obs.tabBars()).map((t) => t.geometry);
    const added = mid.filter((g) => !pre.some((b) => key(b) === key(g)));
    assert.equal(added.length, 1, `one new tab bar, no other moved: ${JSON.stringify(mid)}`);
    assert.ok(pre.some((b) => b.x === added[0]!.x && b.width === added[0]!.width && b.y < added[0]!.y),
      `the new tile below the split one: ${JSON.stringify(mid)}`);
    // The new tile (focused) is now wider than tall: it splits into two side by side.
    await press(s, 'super+t', 'c');
    assert.match(await bar(s), /tile \d+\/4/);
    const last = (await s.obs.tabBars()).map((t) => t.geometry);
    const gone = mid.filter((g) => !last.some((l) => key(l) === key(g)));
    const fresh = last.filter((g) => !mid.some((m) => key(m) === key(g))).sort((p, q) => p.x - q.x);
    assert.equal(gone.length, 1, `one tile split: ${JSON.stringify(last)}`);
    assert.equal(fresh.length, 2);
    assert.deepEqual(fresh.map((g) => g.y), [gone[0]!.y, gone[0]!.y], 'side by side, at the same height');
    assert.equal(fresh[0]!.x, gone[0]!.x);
    assert.equal(fresh[1]!.x, fresh[0]!.x + fresh[0]!.width);
    assert.equal(fresh[0]!.width + fresh[1]!.width, gone[0]!.width);
  } finally {
    await a.close();
    await b.close();
  }
});
