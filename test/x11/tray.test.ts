// The system tray with real applets of two toolkits: yad's notification icon (GTK) and a
// tktray icon (Tk), docked into the bar of the primary monitor: parented to Fion's bar,
// viewable, their pixels on screen, clicks reaching them; an icon that dies leaves no hole;
// unplugging the tray's monitor moves the icons to the other bar; a restart keeps them
// docked; hostile dock requests change nothing; another tray host keeps its tray.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { runTool, startClient, xrandr as runXrandr } from '../harness/clients.js';
import { stopProcess } from '../harness/xvfb.js';
import { tempDir } from '../harness/tmp.js';
import { TinyClient } from '../harness/tinyclient.js';
import { waitFor } from '../harness/wait.js';
import { pixels } from '../harness/pixels.js';
import type { Geometry } from '../harness/observer.js';
import { isFailure, type WindowId } from '../../src/x/types.js';

const BAR_BACKGROUND = '#1D2021';
const RED = '#FF0000';
const BLUE = '#0000FF';

let s: Session;
const dir = tempDir('fion-tray-');
const config = join(dir, 'config.yaml');
writeFileSync(config, "bar:\n  clock: \"'clock'\"\n");
const redPng = join(dir, 'red.png');
const tcl = join(dir, 'icon.tcl');
writeFileSync(tcl, [
  'package require tktray',
  'image create photo ico -width 16 -height 16',
  'ico put blue -to 0 0 16 16',
  'tktray::icon .t -image ico',
  'bind .t <ButtonPress-1> {puts clicked; flush stdout}',
  'wm withdraw .',
].join('\n'));
let tk: ChildProcess | null = null;
let tkOut = '';
let yad: ChildProcess | null = null;
const open: TinyClient[] = [];
const xrandr = (...args: string[]): Promise<void> => runXrandr(s.display, ...args);

before(async () => {
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  await xrandr('--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await xrandr('--setmonitor', '*RIGHT', '1280/338x800/211+1280+0', 'none'); // the primary
  const made = await runTool(s.display, 'convert', ['-size', '32x32', 'xc:red', redPng]);
  assert.equal(made.code, 0, made.stderr);
});
after(async () => {
  for (const c of open) await c.close();
  for (const p of [tk, yad]) if (p !== null) await stopProcess(p, 500);
  await s.close();
});

/** The bars, left to right, with their geometry. */
async function bars(): Promise<{ window: WindowId; g: Geometry }[]> {
  const ws = await s.obs.findByClass('fion-bar');
  const out = await Promise.all(ws.map(async (window) => ({ window, g: (await s.obs.geometry(window))! })));
  return out.sort((a, b) => a.g.x - b.g.x);
}

/** The windows inside `bar` (the tray's icons). */
async function iconsIn(bar: WindowId): Promise<WindowId[]> {
  const t = await s.obs.x.queryTree(bar);
  return isFailure(t) ? [] : t.children;
}

/** Where `w` is on the screen (its geometry is relative to its parent). */
async function onScreen(w: WindowId, parent: Geometry): Promise<Geometry> {
  const g = (await s.obs.geometry(w))!;
  return { ...g, x: parent.x + g.x, y: parent.y + g.y };
}

/** The colour most of `g`'s pixels have. */
async function colourOf(g: Geometry): Promise<string> {
  const count = new Map<string, number>();
  for (const c of (await pixels(s.display, g)).flat()) count.set(c, (count.get(c) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '?';
}

const rightBar = async (): Promise<{ window: WindowId; g: Geometry }> => (await bars()).find((b) => b.g.x >= 1280)!;

test('a GTK and a Tk applet dock into the primary monitor\'s bar: viewable, their pixels shown', async () => {
  s.fion = await startFion(s.display, { supervised: true, args: ['--config', config], env: { XDG_RUNTIME_DIR: dir } });
  yad = startClient(s.display, 'yad', ['--notification', `--image=${redPng}`, '--text=fion tray test']);
  await waitFor('the yad icon in the bar', async () => (await iconsIn((await rightBar()).window)).length === 1, 15000);
  tk = spawn('wish', [tcl], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, DISPLAY: s.display } });
  tk.stdout?.on('data', (d: Buffer) => { tkOut += d.toString(); });
  const bar = await rightBar();
  await waitFor('both icons in the bar', async () => (await iconsIn(bar.window)).length === 2, 15000);
  await s.obs.sync();
  const [left] = await bars();
  assert.deepEqual(await iconsIn(left!.window), [], 'nothing in the other monitor\'s bar');
  const colours: string[] = [];
  for (const w of await iconsIn(bar.window)) {
    assert.equal(await s.obs.mapState(w), 'viewable');
    const g = await onScreen(w, bar.g);
    assert.ok(g.width === g.height && g.height < bar.g.height && g.y >= bar.g.y, `a square inside the bar: ${JSON.stringify(g)}`);
    colours.push(await colourOf(g));
  }
  assert.deepEqual(colours.sort(), [BLUE, RED].sort(), 'the icons\' own pixels');
  assert.deepEqual(await s.obs.clientList(), [], 'no icon became a client');
});

test('a click on an icon reaches its applet', async () => {
  const bar = await rightBar();
  let tkIcon: Geometry | null = null;
  for (const w of await iconsIn(bar.window)) {
    const g = await onScreen(w, bar.g);
    if ((await colourOf(g)) === BLUE) tkIcon = g;
  }
  assert.ok(tkIcon !== null);
  const r = await runTool(s.display, 'xdotool', ['mousemove', String(tkIcon.x + 4), String(tkIcon.y + 4), 'click', '1']);
  assert.equal(r.code, 0, r.stderr);
  await waitFor('the Tk applet to hear the click', () => tkOut.includes('clicked'), 10000);
});

test('an icon whose applet dies leaves no hole: the tray shrinks', async () => {
  const bar = await rightBar();
  const before = new Map<string, Geometry>();
  for (const w of await iconsIn(bar.window)) {
    const g = await onScreen(w, bar.g);
    before.set(await colourOf(g), g);
  }
  await stopProcess(yad!, 500);
  yad = null;
  await waitFor('one icon left', async () => (await iconsIn(bar.window)).length === 1, 10000);
  await s.obs.sync();
  const [rest] = await iconsIn(bar.window);
  const g = await onScreen(rest!, bar.g);
  assert.equal(await colourOf(g), BLUE);
  // Where the dead icon was, and no icon beside the one that is left: the bar's background.
  const dead = before.get(RED)!;
  const gap = dead.x < g.x ? dead : { ...dead, x: g.x - dead.width - 2 };
  assert.equal(await colourOf(gap), BAR_BACKGROUND, `no hole at ${JSON.stringify(gap)} (icons were ${JSON.stringify([...before])}, now ${JSON.stringify(g)})`);
});

test('unplugging the tray\'s monitor moves its icons to the other bar; plugging it back returns them', async () => {
  const [icon] = await iconsIn((await rightBar()).window);
  assert.ok(icon !== undefined);
  await xrandr('--delmonitor', 'RIGHT');
  await waitFor('the icon in the left bar', async () => {
    const [left] = await bars();
    return left !== undefined && left.g.x === 0 && (await iconsIn(left.window)).includes(icon);
  }, 15000);
  await s.obs.sync();
  assert.equal(await s.obs.mapState(icon), 'viewable');
  await xrandr('--setmonitor', '*RIGHT', '1280/338x800/211+1280+0', 'none');
  await waitFor('the icon back in the right bar', async () => {
    const right = (await bars()).find((b) => b.g.x >= 1280);
    return right !== undefined && (await iconsIn(right.window)).includes(icon);
  }, 15000);
  assert.equal(await s.obs.mapState(icon), 'viewable');
});

test('a restart keeps the icons docked: the same windows, in the new Fion\'s bar, never clients', async () => {
  const bar = await rightBar();
  const [tkIcon] = await iconsIn(bar.window);
  assert.ok(tkIcon !== undefined);
  // An icon whose applet never docks it again (Tk's does when its tray goes): Fion alone
  // must bring it back.
  const quiet = await TinyClient.open(s.display, { title: 'quiet icon', map: false });
  open.push(quiet);
  const sel = await quiet.x.internAtom('_NET_SYSTEM_TRAY_S0');
  const owner = isFailure(sel) ? 0 : await quiet.x.getSelectionOwner(sel);
  assert.ok(typeof owner === 'number' && owner !== 0);
  quiet.x.changeProperty(quiet.window, quiet.atoms._XEMBED_INFO, quiet.atoms._XEMBED_INFO, 32, [0, 1]);
  quiet.x.sendClientMessage(owner as WindowId, owner as WindowId, quiet.atoms._NET_SYSTEM_TRAY_OPCODE, [0, 0, quiet.window, 0, 0], 0);
  await quiet.x.flush();
  await waitFor('the quiet icon in the bar', async () => (await iconsIn(bar.window)).includes(quiet.window), 10000);
  const ready = (s.fion.log().match(/info: managing /g) ?? []).length;
  const r = await runTool(s.display, 'node', [join(process.cwd(), 'bin', 'fion'), 'msg', 'restart'], { ...process.env, XDG_RUNTIME_DIR: dir });
  assert.equal(r.code, 0, r.stderr);
  await waitFor('the restarted Fion', () => (s.fion.log().match(/info: managing /g) ?? []).length > ready, 30000);
  await waitFor('both icons in the new bar', async () => {
    const right = await rightBar();
    if (right === undefined) return false;
    const icons = await iconsIn(right.window);
    return icons.includes(tkIcon) && icons.includes(quiet.window) && (await s.obs.isViewable(tkIcon)) && (await s.obs.isViewable(quiet.window));
  }, 15000);
  const clients = await s.obs.clientList();
  assert.ok(!clients.includes(tkIcon) && !clients.includes(quiet.window), 'never clients');
  assert.match(s.fion.log(), new RegExp(`tray: docked 0x${quiet.window.toString(16)} \\(found on the root\\)`), 'handed over by Fion');
  await quiet.destroy();
  await waitFor('the quiet icon gone', async () => !(await iconsIn((await rightBar()).window)).includes(quiet.window), 10000);
});

test('a dock request for a root, a bar or a managed client changes nothing', async () => {
  const probe = await TinyClient.open(s.display, { title: 'a managed window' });
  open.push(probe);
  await waitFor('the window managed', async () => (await s.obs.clientList()).includes(probe.window), 10000);
  const sel = await probe.x.internAtom('_NET_SYSTEM_TRAY_S0');
  assert.ok(!isFailure(sel));
  const owner = await probe.x.getSelectionOwner(sel);
  assert.ok(!isFailure(owner) && owner !== 0, 'Fion holds the tray');
  const bar = await rightBar();
  for (const w of [s.obs.root(), bar.window, probe.window, owner]) {
    probe.x.sendClientMessage(owner, owner, probe.atoms._NET_SYSTEM_TRAY_OPCODE, [0, 0, w, 0, 0], 0);
  }
  await probe.x.flush();
  await s.obs.sync();
  assert.deepEqual((await iconsIn(bar.window)).length, 1, 'still the one icon');
  assert.equal(await s.obs.isViewable(probe.window), true);
  assert.ok((await s.obs.clientList()).includes(probe.window));
  assert.equal((await s.obs.geometry(bar.window))?.width, 1280, 'the bar is still there');
});

test('another tray host that holds the tray keeps it', async () => {
  await s.fion.stop();
  const trayer = startClient(s.display, 'trayer', ['--edge', 'bottom', '--height', '20', '--widthtype', 'pixel', '--width', '100']);
  const probe = open[0]!;
  const sel = await probe.x.internAtom('_NET_SYSTEM_TRAY_S0');
  assert.ok(!isFailure(sel));
  const theirs = await waitFor('trayer to hold the tray', async () => {
    const o = await probe.x.getSelectionOwner(sel);
    return !isFailure(o) && o !== 0 ? o : undefined;
  }, 15000);
  s.fion = await startFion(s.display, { args: ['--config', config] });
  await s.obs.sync();
  assert.match(s.fion.log(), /another tray host .* holds the system tray/);
  assert.equal(await probe.x.getSelectionOwner(sel), theirs);
  await stopProcess(trayer, 500);
});
