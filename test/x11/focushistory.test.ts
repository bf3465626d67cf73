// Where the focus goes when a window closes, and modal dialogs, with real programs: a Tk
// program laid out like GIMP (an image window, a floating dock, a Preferences dialog) and a
// modal chain like geany's (a main window, a modal GTK dialog from zenity, a folder chooser).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { key, runTool, startClient } from '../harness/clients.js';
import { stopProcess } from '../harness/xvfb.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
const tks: ChildProcess[] = [];
before(async () => { s = await openSession(); });
after(async () => {
  for (const p of tks) await stopProcess(p, 500);
  await s.close();
});

/** A wish that runs the Tcl lines the test sends it, one command per line. */
function tk(): (line: string) => void {
  const script = join(tempDir('fion-tkfocus-'), 'driven.tcl');
  writeFileSync(script, 'fileevent stdin readable {if {[gets stdin line] < 0} {exit}; eval $line}\n');
  const p = spawn('wish', [script], { stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, DISPLAY: s.display } });
  tks.push(p);
  return (line) => { p.stdin!.write(`${line}\n`); };
}

/** The managed window titled `title` once it is mapped. */
const byTitle = (title: string): Promise<WindowId> => waitFor(`the window "${title}"`, async () => {
  for (const c of await s.obs.clientList()) if ((await s.obs.text(c, 'WM_NAME')) === title && (await s.obs.isViewable(c))) return c;
  return null;
}, 20000);

const gone = (w: WindowId): Promise<boolean> => waitFor(`0x${w.toString(16)} to be unmanaged`, async () => !(await s.obs.clientList()).includes(w), 20000);

/** Both the EWMH active window and the X input focus. */
async function focus(): Promise<{ active: number | undefined; input: WindowId }> {
  await s.obs.sync();
  return { active: (await s.obs.cardinals(s.obs.root(), '_NET_ACTIVE_WINDOW'))[0], input: await s.obs.focusedTopLevel() };
}
const hex = (w: number | undefined): string => (w === undefined ? 'none' : `0x${w.toString(16)}`);
async function assertFocus(w: WindowId, why: string): Promise<void> {
  const f = await focus();
  assert.deepEqual([hex(f.active), hex(f.input)], [hex(w), hex(w)], why);
}

async function click(w: WindowId): Promise<void> {
  const r = await runTool(s.display, 'xdotool', ['mousemove', '--window', String(w), '20', '20', 'click', '1']);
  assert.equal(r.code, 0, r.stderr);
  await s.obs.sync();
}

async function wmctrl(...args: string[]): Promise<void> {
  const r = await runTool(s.display, 'wmctrl', args);
  assert.equal(r.code, 0, r.stderr);
  await s.obs.sync();
}

test('GIMP: a closed dialog gives the focus back to the image window, not to the floating dock or its parent', async () => {
  const tcl = tk();
  tcl('wm title . image; . configure -width 400 -height 300');
  tcl('toplevel .dock; wm title .dock dock; wm attributes .dock -type utility; .dock configure -width 150 -height 300');
  const image = await byTitle('image');
  const dock = await byTitle('dock');
  await click(dock);
  await assertFocus(dock, 'a click gives the dock the focus');
  await click(image);
  await assertFocus(image, 'a click gives the image window the focus');

  // Preferences, transient for the dock; Escape withdraws it, as GTK does.
  tcl('toplevel .prefs; wm title .prefs prefs; wm attributes .prefs -type dialog; wm transient .prefs .dock; bind .prefs <Escape> {wm withdraw .prefs}');
  const prefs = await byTitle('prefs');
  await assertFocus(prefs, 'the dialog has the focus');
  await key(s.display, 'Escape');
  await gone(prefs);
  await assertFocus(image, 'the focus goes back to the image window, not to the dialog\'s parent');

  // A dialog transient for nobody: not to the float below it either.
  tcl('toplevel .about; wm title .about about; wm attributes .about -type dialog');
  const about = await byTitle('about');
  await assertFocus(about, 'the second dialog has the focus');
  tcl('destroy .about');
  await gone(about);
  await assertFocus(image, 'the focus goes back to the image window, not to the float below the dialog');
  tcl('exit');
  await gone(image);
});

test('geany: a modal dialog keeps the focus from its main window while it is open, and gets it back when its chooser closes', async () => {
  const tcl = tk();
  tcl('wm title . editor; . configure -width 400 -height 300');
  const main = await byTitle('editor');
  await assertFocus(main, 'the main window has the focus');
  // The modal Preferences: GTK sets _NET_WM_STATE_MODAL before mapping it.
  startClient(s.display, 'zenity', ['--entry', '--title', 'preferences', '--text', 'modal', '--modal', `--attach=${main}`]);
  const prefs = await byTitle('preferences');
  await assertFocus(prefs, 'the modal dialog has the focus');
  const supported = await s.obs.cardinals(s.obs.root(), '_NET_SUPPORTED');
  assert.ok(supported.includes(await s.obs.atom('_NET_WM_STATE_MODAL')), '_NET_WM_STATE_MODAL is in _NET_SUPPORTED');
  assert.ok((await s.obs.cardinals(prefs, '_NET_WM_STATE')).includes(await s.obs.atom('_NET_WM_STATE_MODAL')),
    'Fion keeps _NET_WM_STATE_MODAL in the dialog\'s _NET_WM_STATE');

  // A folder chooser on top (Tk's), transient for the main window, not for the modal dialog.
  tcl('after idle {tk_chooseDirectory -parent . -title chooser}');
  const chooser = await byTitle('chooser');
  await assertFocus(chooser, 'the chooser has the focus');
  await key(s.display, 'Escape');
  await gone(chooser);
  await assertFocus(prefs, 'the focus goes back to the modal dialog, still open, not to the main window');

  // The main window cannot take the focus from its modal dialog: not by a pager, not by a click.
  await wmctrl('-i', '-a', String(main));
  await assertFocus(prefs, 'activating the main window focuses its modal dialog');
  await click(main);
  await assertFocus(prefs, 'a click into the main window focuses its modal dialog');
  assert.equal(await s.obs.mapState(main), 'viewable', 'the main window stays shown');

  await key(s.display, 'Escape');
  await gone(prefs);
  await assertFocus(main, 'with the dialog closed, the main window has the focus again');
  tcl('exit');
  await gone(main);
});

test('a dialog made modal by a _NET_WM_STATE message (wmctrl) holds the focus for its parent; floating stays as it was', async () => {
  const tcl = tk();
  tcl('wm title . owner; . configure -width 400 -height 300');
  const owner = await byTitle('owner');
  tcl('toplevel .d; wm title .d asks; wm attributes .d -type dialog; wm transient .d .');
  const d = await byTitle('asks');
  const floating = await s.obs.geometry(d);
  await click(owner);
  await assertFocus(owner, 'not modal yet: the parent may take the focus');
  await wmctrl('-i', '-r', String(d), '-b', 'add,modal');
  await assertFocus(d, 'made modal, the dialog takes the focus from its parent');
  assert.ok((await s.obs.cardinals(d, '_NET_WM_STATE')).includes(await s.obs.atom('_NET_WM_STATE_MODAL')));
  assert.deepEqual(await s.obs.geometry(d), floating, 'still floating where it was');
  await click(owner);
  await assertFocus(d, 'a click into the parent focuses the modal dialog');
  await wmctrl('-i', '-r', String(d), '-b', 'remove,modal');
  assert.ok(!(await s.obs.cardinals(d, '_NET_WM_STATE')).includes(await s.obs.atom('_NET_WM_STATE_MODAL')));
  assert.deepEqual(await s.obs.geometry(d), floating, 'still floating where it was');
  await click(owner);
  await assertFocus(owner, 'no longer modal: the parent takes the focus again');
  tcl('exit');
  await gone(owner);
});
