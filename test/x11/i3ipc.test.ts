// i3's own tools against Fion: the i3-msg binary from Debian's i3-wm and python3-i3ipc
// scripts, over the i3 socket; their answers checked against what Fion shows.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { key, runTool, startClient } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
let sock: string;
const runtime = tempDir('fion-i3-');
const children: ChildProcess[] = [];

/** i3's tools find the socket themselves: I3SOCK is kept out, so they read the root property. */
function toolEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: s.display };
  delete env.I3SOCK;
  return env;
}

function run(cmd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runTool(s.display, cmd, args, toolEnv());
}

async function i3msg(...args: string[]): Promise<unknown> {
  const r = await run('i3-msg', args);
  assert.equal(r.code, 0, `i3-msg ${args.join(' ')}: ${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout);
}

/** A long-running program whose stdout lines are collected. */
function follow(cmd: string, args: readonly string[]): { lines: string[]; proc: ChildProcess } {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: toolEnv() });
  children.push(proc);
  const lines: string[] = [];
  let buf = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) { lines.push(buf.slice(0, nl)); buf = buf.slice(nl + 1); }
  });
  return { lines, proc };
}

async function xterm(klass: string): Promise<WindowId> {
  startClient(s.display, 'xterm', ['-class', klass]);
  const w = await s.obs.waitForClass(klass);
  await s.obs.sync();
  return w;
}

interface Node { id: number; type: string; name: string | null; layout: string; window: number | null; focused: boolean;
  rect: { x: number; y: number; width: number; height: number }; window_rect: { x: number; y: number; width: number; height: number };
  nodes: Node[]; floating_nodes: Node[]; focus: number[];
  window_properties?: { class: string; instance: string } }
const all = (n: Node): Node[] => [n, ...n.nodes.flatMap(all), ...n.floating_nodes.flatMap(all)];
const focusedWorkspace = (tree: Node): Node => {
  const ws = all(tree).filter((n) => n.type === 'workspace');
  return ws.find((w) => all(w).some((n) => n.focused)) ?? ws.find((w) => w.id === all(tree).find((n) => n.name === 'content')!.focus[0])!;
};

before(async () => {
  s = await openSession({ fion: { env: { XDG_RUNTIME_DIR: runtime } } });
  await waitFor('the i3 socket', () => s.fion.log().includes('i3 ipc: listening on '), 15000);
  sock = join(runtime, 'fion', `${s.display.slice(1)}.i3.sock`);
});
after(async () => {
  for (const c of children) c.kill('SIGKILL');
  await s.close();
});

test('the i3 socket sits beside the control socket, private, its path on the root window', async () => {
  assert.equal(statSync(dirname(sock)).mode & 0o777, 0o700);
  const st = lstatSync(sock);
  assert.ok(st.isSocket());
  assert.equal(st.mode & 0o777, 0o600);
  assert.equal(await s.obs.text(s.obs.root(), 'I3_SOCKET_PATH'), sock);
});

test('i3-msg -t get_version, get_binding_modes, get_binding_state, get_marks, get_bar_config, get_config', async () => {
  const v = await i3msg('-t', 'get_version') as { major: number; human_readable: string; loaded_config_file_name: string };
  assert.equal(v.major, 4);
  assert.match(v.human_readable, /Fion/);
  assert.match(v.loaded_config_file_name, /fion\.yaml$/);
  assert.deepEqual(await i3msg('-t', 'get_binding_modes'), ['default', 'workspace', 'tile', 'tab', 'float', 'run']);
  assert.deepEqual(await i3msg('-t', 'get_binding_state'), { name: 'default' });
  assert.deepEqual(await i3msg('-t', 'get_marks'), []);
  assert.deepEqual(await i3msg('-t', 'get_bar_config'), []);
  // i3-msg prints the config's text itself, not the JSON around it.
  const c = await run('i3-msg', ['-t', 'get_config']);
  assert.equal(c.code, 0);
  assert.match(c.stdout, /^bindings:/m);
});

test('exec runs through the shell, and what it starts finds the socket in I3SOCK', async () => {
  const out = join(runtime, 'i3sock.txt');
  assert.deepEqual(await i3msg(`exec --no-startup-id echo "$I3SOCK" > ${out}`), [{ success: true }]);
  await waitFor('the exec\'d shell', () => { try { return readFileSync(out, 'utf8').trim() === sock; } catch { return false; } });
});

test('get_tree, get_workspaces, get_outputs show the xterms, the tabs, the float and the tiles as Fion does', async () => {
  const a = await xterm('I3TreeA');
  const b = await xterm('I3TreeB');
  assert.deepEqual(await i3msg('floating enable'), [{ success: true }]);
  assert.deepEqual(await i3msg('split h'), [{ success: true }]);
  const c = await xterm('I3TreeC');
  const d = await xterm('I3TreeD');
  await s.obs.sync();
  const tree = await i3msg('-t', 'get_tree') as Node;
  const ws = focusedWorkspace(tree);
  assert.equal(ws.name, '1');
  assert.equal(ws.layout, 'splith', 'two tiles side by side');
  assert.deepEqual(ws.nodes.map((n) => [n.layout, n.nodes.map((x) => x.window)]), [['tabbed', [a]], ['tabbed', [c, d]]]);
  assert.deepEqual(ws.floating_nodes.map((f) => f.nodes.map((x) => x.window_properties?.class)), [['I3TreeB']]);
  const focused = all(tree).filter((n) => n.focused);
  assert.deepEqual(focused.map((n) => n.window), [d], 'the newest xterm has the focus, as on screen');
  assert.equal(await s.obs.focus(), d);
  for (const w of [a, d]) {
    const node = all(tree).find((n) => n.window === w)!;
    const g = (await s.obs.geometry(w))!;
    // As in i3: `rect` is the window's place in its tile, `window_rect` the window within it
    // (an xterm's size increments may leave a margin, the window centred in it).
    const r = node.rect;
    const inner = node.window_rect;
    assert.deepEqual({ x: r.x + inner.x, y: r.y + inner.y, width: inner.width, height: inner.height },
      { x: g.x, y: g.y, width: g.width, height: g.height }, `window ${w} where Fion put it`);
    assert.ok(g.x >= r.x && g.y >= r.y && g.x + g.width <= r.x + r.width && g.y + g.height <= r.y + r.height, 'inside its place');
  }
  assert.ok(all(tree).some((n) => n.window === b && n.type === 'con'));
  const wss = await i3msg('-t', 'get_workspaces') as { name: string; focused: boolean; visible: boolean; output: string }[];
  assert.deepEqual(wss.map((w) => [w.name, w.focused, w.visible, w.output]), [['1', true, true, 'screen']]);
  const outs = await i3msg('-t', 'get_outputs') as { name: string; active: boolean; current_workspace: string; rect: { width: number } }[];
  assert.deepEqual(outs.map((o) => [o.name, o.active, o.current_workspace, o.rect.width]), [['screen', true, '1', 1280]]);
});

test("i3-msg 'workspace 3' goes to a new workspace 3, and back; errors are i3's shape", async () => {
  assert.deepEqual(await i3msg('workspace 3'), [{ success: true }]);
  const wss = await i3msg('-t', 'get_workspaces') as { name: string; focused: boolean; num: number }[];
  const three = wss.find((w) => w.name === '3')!;
  assert.equal(three.focused, true);
  // The reply comes when the command has run; the EWMH properties follow with the next render.
  const desktop = async (): Promise<number | undefined> => (await s.obs.cardinals(s.obs.root(), '_NET_CURRENT_DESKTOP'))?.[0];
  await waitFor('_NET_CURRENT_DESKTOP on 3', async () => (await desktop()) === three.num - 1);
  assert.deepEqual(await i3msg('workspace 1; nop'), [{ success: true }, { success: true }]);
  await waitFor('_NET_CURRENT_DESKTOP on 1', async () => (await desktop()) === 0);
  const bad = await run('i3-msg', ['[class="NoSuchClass"] kill']);
  assert.equal(bad.code, 2, 'i3-msg says a command failed');
  const reply = JSON.parse(bad.stdout) as { success: boolean; error: string }[];
  assert.equal(reply[0]!.success, false);
  assert.match(reply[0]!.error, /no window matches \[class="NoSuchClass"\]/);
});

test("i3-msg -t subscribe -m '[\"window\"]' sees a new window", async () => {
  // The tick subscription greets at once: then the window subscription is in place.
  const sub = follow('i3-msg', ['-t', 'subscribe', '-m', '["window","tick"]']);
  await waitFor('the first tick', () => sub.lines.some((l) => l.includes('"first":true')), 10000);
  const w = await xterm('I3SubNew');
  const line = await waitFor('a window event', () => sub.lines.find((l) => l.includes('"change":"new"')), 10000);
  const ev = JSON.parse(line) as { change: string; container: Node };
  assert.equal(ev.container.window, w);
  assert.equal(ev.container.window_properties?.class, 'I3SubNew');
  await waitFor('its focus event', () => sub.lines.some((l) => l.includes('"change":"focus"') && l.includes(String(w))), 10000);
});

const PY_WATCH = `
import i3ipc, sys
i3 = i3ipc.Connection()
def ready(c, e):
    print('ready', flush=True)
def new(c, e):
    print(e.container.window_class, flush=True)
    c.main_quit()
i3.on(i3ipc.Event.TICK, ready)
i3.on(i3ipc.Event.WINDOW_NEW, new)
i3.main(timeout=20)
`;

const PY_COMMAND = `
import i3ipc
i3 = i3ipc.Connection()
print(i3.command('workspace py')[0].success)
print(i3.get_tree().find_focused().workspace().name)
r = i3.command('mark x')[0]
print(r.success, r.error)
print(i3.command('[class="^I3TreeA$"] focus')[0].success)
f = i3.get_tree().find_focused()
print(f.window_class, f.workspace().name)
`;

test('python3-i3ipc: a script that watches for new windows prints the class of a new xterm', async () => {
  // Debian's module is for Debian's python, whatever python3 comes first on PATH.
  const py = follow('/usr/bin/python3', ['-c', PY_WATCH]);
  await waitFor('the script to subscribe', () => py.lines.includes('ready'), 15000);
  await xterm('I3PyNew');
  await waitFor('the class it printed', () => py.lines.includes('I3PyNew'), 10000);
});

test('python3-i3ipc: a script runs commands, reads the tree and focuses by criteria', async () => {
  const r = await run('/usr/bin/python3', ['-c', PY_COMMAND]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, 2), ['True', 'py']);
  assert.match(lines[2]!, /^False mark: no window has the focus/, 'the new workspace py is empty');
  assert.deepEqual(lines.slice(3), ['True', 'I3TreeA 1'], 'the xterm found by its class has the focus, its workspace shown');
  assert.equal(await s.obs.focus(), (await s.obs.findByClass('I3TreeA'))[0]);
});

test("i3-msg '[class=...] kill' closes the xterm matched, and only it", async () => {
  const [c] = await s.obs.findByClass('I3TreeC');
  assert.deepEqual(await i3msg('[class="^I3TreeC$"] kill'), [{ success: true }]);
  await waitFor('the xterm gone', async () => (await s.obs.mapState(c!)) === 'gone', 10000);
  assert.equal((await s.obs.findByClass('I3TreeD')).length, 1);
});

test('a script that runs i3-msg, then asks X, sees what the command did: focus by criteria, then xdotool getwindowfocus', async () => {
  const a = await xterm('I3SeeA');
  const b = await xterm('I3SeeB');
  await waitFor('both managed', async () => { const l = await s.obs.clientList(); return l.includes(a) && l.includes(b); }, 10000);
  // No barrier between the two: the reply alone must mean that the X server has the focus.
  const script = 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do ' +
    'i3-msg -q \'[class="^I3SeeA$"] focus\' && xdotool getwindowfocus; ' +
    'i3-msg -q \'[class="^I3SeeB$"] focus\' && xdotool getwindowfocus; done';
  const r = await run('sh', ['-c', script]);
  assert.equal(r.code, 0, r.stderr);
  const seen = r.stdout.trim().split('\n').map(Number);
  assert.deepEqual(seen, Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? a : b)));
});

test("i3-msg -t subscribe -m '[\"binding\"]' hears super+shift+a run its command", async () => {
  const sub = follow('i3-msg', ['-t', 'subscribe', '-m', '["binding","workspace","tick"]']);
  await waitFor('the first tick', () => sub.lines.some((l) => l.includes('"first":true')), 10000);
  await key(s.display, 'super+shift+a'); // the default config's `workspace create`
  const line = await waitFor('a binding event', () => sub.lines.find((l) => l.includes('"binding":{')), 10000);
  const ev = JSON.parse(line) as { change: string; binding: Record<string, unknown> };
  assert.equal(ev.change, 'run');
  assert.equal(ev.binding.command, 'workspace create');
  assert.equal(ev.binding.symbol, 'a');
  assert.deepEqual(ev.binding.mods, ['shift', 'Mod4']);
  assert.deepEqual(ev.binding.event_state_mask, ['shift', 'Mod4']);
  assert.equal(ev.binding.input_type, 'keyboard');
  assert.ok(typeof ev.binding.input_code === 'number' && ev.binding.input_code > 0, `keycode ${String(ev.binding.input_code)}`);
  // What the command did is told first, as i3 does: the new workspace, then the binding.
  const init = sub.lines.findIndex((l) => l.includes('"change":"init"'));
  assert.ok(init >= 0 && init < sub.lines.indexOf(line), sub.lines.join('\n'));
});
