// Debian's polybar with its `internal/i3` module against Fion's i3 socket, read back from
// the screen: each workspace label is painted in its own colour (focused red, others
// blue, the binding mode green), so what polybar shows is a row of coloured runs.
// polybar 3.6 finds the socket only by running `i3 --get-socketpath` (it ignores I3SOCK):
// i3-wm's `i3` answers from the root's I3_SOCKET_PATH, and so does the two-line `i3`
// docs/i3-compat.md gives for systems without i3-wm (which reads I3SOCK first).
// Set POLYBAR_SCREENSHOT=path.png to save the screen once polybar shows a mode.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import { runCli } from '../harness/fion.js';
import { pixels } from '../harness/pixels.js';
import { tempDir } from '../harness/tmp.js';
import { stopProcess } from '../harness/xvfb.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
const dir = tempDir('fion-polybar-');
const run = join(dir, 'run');
const HEIGHT = 24;
const FOCUSED = '#FF0000';
const OTHER = '#0000FF';
const MODE = '#00FF00';
const bars: ChildProcess[] = [];

const CONFIG = `
[bar/fion]
width = 100%
height = ${HEIGHT}
bottom = true
background = #000000
foreground = #ffffff
font-0 = fixed:pixelsize=12;2
modules-left = i3

[module/i3]
type = internal/i3
format = <label-state> <label-mode>
pin-workspaces = false
label-focused = %name%
label-focused-background = ${FOCUSED}
label-focused-padding = 2
label-unfocused = %name%
label-unfocused-background = ${OTHER}
label-unfocused-padding = 2
label-visible = %name%
label-visible-background = ${OTHER}
label-visible-padding = 2
label-mode = %mode%
label-mode-background = ${MODE}
label-mode-padding = 2
`;

/** The shim docs/i3-compat.md gives: I3SOCK, else the root property. */
const SHIM = `#!/bin/sh
[ -n "$I3SOCK" ] && { echo "$I3SOCK"; exit 0; }
xprop -root I3_SOCKET_PATH | sed -n 's/^I3_SOCKET_PATH(UTF8_STRING) = "\\(.*\\)"$/\\1/p'
`;

function startPolybar(env: NodeJS.ProcessEnv): ChildProcess {
  const p = spawn('polybar', ['-c', join(dir, 'polybar.ini'), '-l', 'info', 'fion'], { stdio: 'ignore', env: { ...env, DISPLAY: s.display } });
  bars.push(p);
  return p;
}

interface Run { colour: string; x: number; width: number }

/** The coloured runs along a row of polybar's window, above the labels' text. */
async function labels(): Promise<Run[]> {
  const row = (await pixels(s.display, { x: 0, y: 800 - HEIGHT + 1, width: 1280, height: 1 }))[0] ?? [];
  const out: Run[] = [];
  row.forEach((c, x) => {
    if (c !== FOCUSED && c !== OTHER && c !== MODE) return;
    const last = out[out.length - 1];
    if (last !== undefined && last.colour === c && last.x + last.width === x) last.width++;
    else out.push({ colour: c, x, width: 1 });
  });
  return out;
}
const colours = (runs: readonly Run[]): string => runs.map((r) => r.colour).join(' ');

/** Wait until polybar's labels have these colours, left to right; a timeout says what it saw. */
async function showing(what: string, ...want: string[]): Promise<Run[]> {
  let seen = '';
  try {
    return await waitFor(what, async () => {
      const runs = await labels();
      seen = runs.map((r) => `${r.colour}@${r.x}+${r.width}`).join(' ');
      return colours(runs) === want.join(' ') && runs;
    });
  } catch (e) {
    throw new Error(`${String(e)}; want ${want.join(' ')}, polybar shows ${seen === '' ? 'nothing coloured' : seen}`);
  }
}

async function fionMsg(...words: string[]): Promise<void> {
  const r = await runCli(['msg', '--display', s.display, ...words], { XDG_RUNTIME_DIR: run });
  assert.equal(r.code, 0, `fion msg ${words.join(' ')}: ${r.stderr}`);
}

const desktop = async (): Promise<number> => { await s.obs.sync(); return (await s.obs.cardinals(s.obs.root(), '_NET_CURRENT_DESKTOP'))[0]!; };

before(async () => {
  writeFileSync(join(dir, 'polybar.ini'), CONFIG);
  mkdirSync(join(dir, 'shim'));
  writeFileSync(join(dir, 'shim', 'i3'), SHIM);
  chmodSync(join(dir, 'shim', 'i3'), 0o755);
  s = await openSession({ fion: { env: { XDG_RUNTIME_DIR: run } } });
  await waitFor('the i3 socket', () => s.fion.log().includes('i3 ipc: listening on '), 15000);
});
after(async () => {
  await Promise.all(bars.map((p) => stopProcess(p, 500)));
  await s.close();
});

test("polybar (found through i3-wm's i3 --get-socketpath) shows Fion's workspaces, follows a switch and the binding mode, and a click switches", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.I3SOCK;
  const bar = startPolybar(env);
  await showing('polybar shows workspace 1 focused', FOCUSED);
  // A second workspace, made from Fion's own socket, appears; the focus moves to it.
  await fionMsg('workspace', 'create', 'web');
  await showing('polybar shows 1 and web, web focused', OTHER, FOCUSED);
  await fionMsg('workspace', 'goto', '1');
  await showing('polybar shows 1 focused again', FOCUSED, OTHER);

  // A binding mode's name: a green label, as wide as the name.
  await fionMsg('mode', 'tile');
  const tile = await waitFor('polybar shows the mode', async () => (await labels()).find((r) => r.colour === MODE));
  await fionMsg('mode', 'workspace');
  const ws = await waitFor('polybar shows the other mode', async () => (await labels()).find((r) => r.colour === MODE && r.width !== tile.width));
  assert.ok(ws.width > tile.width, `"workspace" is wider than "tile": ${ws.width} vs ${tile.width}`);
  if (process.env.POLYBAR_SCREENSHOT !== undefined) {
    await runTool(s.display, 'sh', ['-c', `xwd -root | convert xwd:- ${process.env.POLYBAR_SCREENSHOT}`]);
  }
  await fionMsg('mode', 'default');
  await showing('the mode label goes', FOCUSED, OTHER);

  // Clicking the label of "web" switches to it, as i3 would.
  const web = (await labels())[1]!;
  assert.equal(await desktop(), 0);
  const click = await runTool(s.display, 'xdotool', ['mousemove', String(web.x + Math.floor(web.width / 2)), String(800 - HEIGHT / 2), 'click', '1']);
  assert.equal(click.code, 0, click.stderr);
  await waitFor('the click switched to web', async () => (await desktop()) === 1);
  await showing('polybar shows web focused', OTHER, FOCUSED);
  await stopProcess(bar, 500);
});

test('polybar finds the socket through the documented i3 shim, from I3SOCK or the root property', async () => {
  // A bar that exits leaves its pixels (nothing repaints the root), so each bar must show
  // what the one before could not: the focus moves to the other workspace first.
  for (const [withSock, focus, want] of [[true, '1', [FOCUSED, OTHER]], [false, '2', [OTHER, FOCUSED]]] as const) {
    await fionMsg('workspace', 'goto', focus);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(dir, 'shim')}:${process.env.PATH ?? '/usr/bin:/bin'}` };
    if (withSock) env.I3SOCK = join(run, 'fion', `${s.display.slice(1)}.i3.sock`);
    else delete env.I3SOCK;
    const bar = startPolybar(env);
    await showing(`polybar shows the workspaces (${withSock ? 'I3SOCK' : 'root property'})`, ...want);
    await stopProcess(bar, 500);
  }
});
