// Where the focus goes when a window closes, with real programs: a Tk program laid out
// like GIMP (an image window, a floating dock, a Preferences dialog).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { key, runTool } from '../harness/clients.js';
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
