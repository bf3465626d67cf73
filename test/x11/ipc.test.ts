// The control socket, driven by a raw client: every request and event kind, bad input,
// a peer that never reads, the socket's permissions, a second Fion, and `fion msg`.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { spawn } from 'node:child_process';
import { fionBin, runCli, runFion, startFion } from '../harness/fion.js';
import { key, xrandr as runXrandr } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { RawPeer, type Line } from '../harness/ipc.js';

let s: Session;
let runtime: string;
let sock: string;
const open: TinyClient[] = [];
const peers: RawPeer[] = [];
const env = (): NodeJS.ProcessEnv => ({ XDG_RUNTIME_DIR: runtime });

async function peer(): Promise<RawPeer> {
  const p = await RawPeer.open(sock);
  peers.push(p);
  return p;
}
async function client(title: string, klass = 'IpcTest'): Promise<TinyClient> {
  const c = await TinyClient.open(s.display, { title, class: klass });
  open.push(c);
  await s.obs.sync();
  return c;
}
const xrandr = (...args: string[]): Promise<void> => runXrandr(s.display, ...args);
const listening = (log: () => string, n = 1): Promise<true> =>
  waitFor('the control socket', () => (log().match(/ipc: listening on /g) ?? []).length >= n, 15000);

before(async () => {
  runtime = tempDir('fion-ipc-');
  // A wide RandR screen, so monitors can be added while Fion runs.
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, fion: { env: { XDG_RUNTIME_DIR: runtime } } });
  await listening(() => s.fion.log());
  sock = join(runtime, 'fion', `${s.display.slice(1)}.sock`);
});
after(async () => {
  for (const p of peers) p.close();
  for (const c of open) await c.close();
  await s.close();
});

test('the socket is private: folder 0700, socket 0600, and its path is on the root window', async () => {
  assert.equal(statSync(dirname(sock)).mode & 0o777, 0o700);
  const st = lstatSync(sock);
  assert.ok(st.isSocket());
  assert.equal(st.mode & 0o777, 0o600);
  assert.equal(await s.obs.text(s.obs.root(), 'FION_SOCKET_PATH'), sock);
});

test('version, workspaces, monitors, bindings and config answer with what Fion holds', async () => {
  const p = await peer();
  const version = await p.ask({ type: 'version' });
  assert.equal(version.success, true);
  assert.equal(version.name, 'fion');
  assert.match(String(version.version), /^\d+\.\d+\.\d+/);
  const ws = await p.ask({ type: 'workspaces' });
  assert.deepEqual((ws.workspaces as Line[]).map((w) => [w.number, w.focused, w.visible]), [[1, true, true]]);
  const mons = await p.ask({ type: 'monitors' });
  const m0 = (mons.monitors as Line[])[0]!;
  assert.deepEqual(m0.rect, { x: 0, y: 0, width: 2560, height: 800 });
  assert.equal(m0.focused, true);
  const b = await p.ask({ type: 'bindings' });
  assert.ok((b.bindings as Line[]).some((x) => x.keys === 'super+Return' && x.command === 'terminal'));
  assert.ok((b.modes as Line[]).some((x) => x.name === 'tile'));
  const c = await p.ask({ type: 'config' });
  assert.match(String(c.path), /fion\.yaml$/);
  assert.deepEqual(c.errors, []);
});

test('command: each of several commands reports success or its error; the display changes', async () => {
  const p = await peer();
  const r = await p.ask({ type: 'command', command: 'workspace create web; bogus thing; workspace goto 9; tile split vertical' });
  assert.equal(r.success, false);
  assert.deepEqual((r.results as Line[]).map((x) => [x.command, x.success]),
    [['workspace create web', true], ['bogus thing', false], ['workspace goto 9', false], ['tile split vertical', true]]);
  assert.match(String((r.results as Line[])[1]!.error), /unknown command "bogus"/);
  assert.match(String((r.results as Line[])[2]!.error), /9/);
  await s.obs.sync();
  assert.deepEqual(await s.obs.cardinals(s.obs.root(), '_NET_NUMBER_OF_DESKTOPS'), [2]);
  assert.deepEqual(await s.obs.cardinals(s.obs.root(), '_NET_CURRENT_DESKTOP'), [1]);
  const ok = await p.ask({ type: 'command', command: 'workspace goto 1' });
  assert.deepEqual([ok.success, (ok.results as Line[])[0]!.success], [true, true]);
  await s.obs.sync();
  assert.deepEqual(await s.obs.cardinals(s.obs.root(), '_NET_CURRENT_DESKTOP'), [0]);
});

test('tree: tiles with ratios and geometry, tabs with window, title, class and focus', async () => {
  const p = await peer();
  await p.ask({ type: 'command', command: 'tile split vertical' });
  const a = await client('left one');
  await p.ask({ type: 'command', command: 'tile prev' });
  const b = await client('left two', 'Other');
  await s.obs.sync();
  const r = await p.ask({ type: 'tree' });
  const tree = r.tree as Line;
  const ws = (tree.workspaces as Line[])[0]!;
  const root = ws.root as Line;
  assert.equal(root.kind, 'split');
  assert.equal(root.axis, 'row');
  const ratios = root.ratios as number[];
  assert.ok(Math.abs(ratios.reduce((x, y) => x + y, 0) - 1) < 1e-9);
  const [left, right] = root.children as Line[];
  const leftTabs = left!.tabs as Line[];
  const rightTabs = right!.tabs as Line[];
  assert.deepEqual(rightTabs.map((t) => [t.window, t.title, t.class]), [[a.window, 'left one', 'IpcTest']]);
  assert.deepEqual(leftTabs.map((t) => t.window), [b.window]);
  assert.equal(leftTabs[0]!.focused, true);
  assert.equal(left!.focused, true);
  assert.equal(tree.focus, b.window);
  const g = await s.obs.geometry(b.window);
  const rect = leftTabs[0]!.rect as Line;
  assert.deepEqual([rect.x, rect.y, rect.width, rect.height], [g!.x, g!.y, g!.width, g!.height], 'the geometry the user sees');
  assert.equal(leftTabs[0]!.urgent, false);
  assert.equal(leftTabs[0]!.floating, false);
  assert.equal(leftTabs[0]!.fullscreen, false);
  // The web workspace is hidden: its tiles have no geometry.
  const web = (tree.workspaces as Line[])[1]!;
  assert.equal(web.name, 'web');
  assert.equal(web.visible, false);
});

test('subscribe: workspace, tile, tab, focus, title, mode and monitor events arrive as they happen', async () => {
  const p = await peer();
  const sub = await p.ask({ type: 'subscribe', events: ['workspace', 'tile', 'tab', 'focus', 'mode', 'title', 'monitor', 'config', 'shutdown'] });
  assert.equal(sub.success, true);
  const driver = await peer();

  await driver.ask({ type: 'command', command: 'workspace next' });
  const wsEv = await p.event('workspace');
  assert.equal(wsEv.change, 'focus');
  assert.equal((wsEv.current as Line).name, 'web');
  await driver.ask({ type: 'command', command: 'workspace prev' });
  await p.event('workspace');

  await driver.ask({ type: 'command', command: 'tile split horizontal' });
  assert.equal((await p.event('tile')).change, 'layout');

  const c = await client('newcomer');
  const tab = await p.next((l) => l.event === 'tab' && (l.tabs as number[]).includes(c.window));
  assert.equal(tab.shown, c.window);
  const focus = await p.next((l) => l.event === 'focus' && l.window === c.window);
  assert.equal(focus.title, 'newcomer');

  await c.setTitle('renamed');
  const title = await p.event('title');
  assert.deepEqual([title.window, title.title], [c.window, 'renamed']);

  await driver.ask({ type: 'command', command: 'mode tile' });
  assert.equal((await p.event('mode')).mode, 'tile');
  await key(s.display, 'Escape');
  assert.equal((await p.event('mode')).mode, 'default');

  await xrandr('--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await xrandr('--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
  await xrandr('--newmode', 'poke1', '0', '1280', '1280', '1280', '1280', '800', '800', '800', '800');
  await xrandr('--addmode', 'screen', 'poke1');
  // (Xvfb may report the first setmonitor on its own: wait for the event with both.)
  const mon = await p.next((l) => l.event === 'monitor' && (l.monitors as Line[]).length === 2, 15000);
  assert.deepEqual((mon.monitors as Line[]).map((m) => m.name), ['LEFT', 'RIGHT']);
  // Fion answered everything on the way: the subscriber is still connected.
  assert.equal((await p.ask({ type: 'version' })).success, true);
});

test('bad JSON, an unknown request, a wrong field and a huge line get an error each; the connection goes on', async () => {
  const p = await peer();
  p.send('this is not json');
  assert.match(String((await p.next()).error), /bad JSON/);
  p.send({ type: 'teleport', id: 5 });
  const unknown = await p.next();
  assert.deepEqual([unknown.success, unknown.id], [false, 5]);
  assert.match(String(unknown.error), /expected one of/);
  p.send({ type: 'command', command: ['not', 'a', 'string'] });
  assert.match(String((await p.next()).error), /must be a string/);
  const huge = `{"type":"command","command":"${'x'.repeat(3 * 1024 * 1024)}"}`;
  const t0 = Date.now();
  p.send(huge);
  assert.match(String((await p.next()).error), /longer than/);
  console.log(`# a 3 MiB line was refused in ${Date.now() - t0} ms`);
  const after = await p.ask({ type: 'version' });
  assert.equal(after.success, true, 'the same connection still works');
});

test('a subscriber that never reads is dropped; Fion stays responsive to everyone else', async () => {
  const lazy = await RawPeer.open(sock);
  peers.push(lazy);
  lazy.socket.pause(); // never reads again
  lazy.send({ type: 'subscribe', events: ['workspace', 'tile', 'tab', 'focus', 'title'] });
  // It also asks for the tree again and again without reading the answers.
  const t0 = Date.now();
  for (let i = 0; i < 20000; i++) lazy.send({ type: 'tree' });
  const driver = await peer();
  await waitFor('Fion to drop the peer that does not read', async () => {
    await driver.ask({ type: 'command', command: 'workspace next' });
    return /does not read its replies/.test(s.fion.log());
  }, 60000, 0);
  console.log(`# the non-reading peer was dropped after ${Date.now() - t0} ms`);
  // Still responsive: a new window is managed and the socket answers.
  const c = await client('after the lazy peer');
  assert.ok((await s.obs.clientList()).includes(c.window));
  const t1 = Date.now();
  assert.equal((await driver.ask({ type: 'version' })).success, true);
  console.log(`# version answered in ${Date.now() - t1} ms afterwards`);
  lazy.socket.resume();
  await waitFor('the dropped peer to see its connection end', () => lazy.closed, 20000);
});

test('fion msg: exit 0 on success, 1 when a command fails, 2 when no Fion is reachable', async () => {
  const ok = await runCli(['msg', '--display', s.display, 'workspace', 'goto', '1'], env());
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).success, true);
  const bad = await runCli(['msg', '--display', s.display, 'tile', 'explode'], env());
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /tile explode: tile: expected one of/);
  const dashed = await runCli(['msg', '--display', s.display, '--raw', '--', 'exec', 'true', '-x', '--y'], env());
  assert.equal(dashed.code, 0, dashed.stderr);
  assert.equal(JSON.parse(dashed.stdout).results[0].command, 'exec true -x --y', 'words after -- are the command\'s');
  const tree = await runCli(['msg', '--display', s.display, '-t', 'tree', '--raw'], env());
  assert.equal(tree.code, 0);
  assert.equal(tree.stdout.trim().split('\n').length, 1, '--raw: one line');
  assert.equal(JSON.parse(tree.stdout).tree.focusedMonitor, 0);
  // Found through the root window's FION_SOCKET_PATH, with no XDG_RUNTIME_DIR at all.
  const viaRoot = await runCli(['msg', '--display', s.display, '-t', 'version'], { XDG_RUNTIME_DIR: '' });
  assert.equal(viaRoot.code, 0, viaRoot.stderr);
  const viaEnv = await runCli(['msg', '-t', 'version'], { FION_SOCK: sock, DISPLAY: '' });
  assert.equal(viaEnv.code, 0, viaEnv.stderr);
  // A subscription streams one line per event until Fion exits.
  const sub = spawn(process.execPath, [fionBin, 'msg', '--display', s.display, '--raw', '-t', 'subscribe', '["workspace"]'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env() } });
  let streamed = '';
  sub.stdout.on('data', (d: Buffer) => { streamed += d.toString(); });
  await waitFor('the subscription', () => streamed.includes('"type":"subscribe"'), 15000);
  await runCli(['msg', '--display', s.display, 'workspace', 'create'], env());
  await waitFor('a workspace event from fion msg', () => streamed.includes('"event":"workspace"'), 15000);
  sub.kill();
  await runCli(['msg', '--display', s.display, 'workspace', 'destroy'], env());
  const none = await runCli(['msg', '--socket', join(runtime, 'nothing.sock'), 'workspace', 'next'], env());
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no Fion reachable at .*nothing\.sock/);
});

test('a second Fion is refused and leaves the live socket alone; --replace hands the socket over', async () => {
  const before = lstatSync(sock).ino;
  const second = runFion(s.display, { env: env() });
  assert.equal(await second.exited, 1);
  assert.equal(lstatSync(sock).ino, before, 'the socket file is untouched');
  const p = await peer();
  assert.equal((await p.ask({ type: 'version' })).success, true, 'and still answers');
  const sub = await peer();
  await sub.ask({ type: 'subscribe', events: ['shutdown'] });

  const old = s.fion;
  const next = await startFion(s.display, { args: ['--replace'], env: env() });
  s.fion = next;
  assert.equal(await old.exited, 0);
  assert.equal((await sub.event('shutdown')).change, 'exit', 'the old Fion says goodbye');
  await waitFor('the old connection to end', () => sub.closed);
  await listening(() => next.log());
  assert.match(old.log(), /ipc: socket closed/);
  const q = await peer();
  const tree = await q.ask({ type: 'tree' });
  const windows = JSON.stringify(tree.tree);
  for (const c of open) assert.ok(windows.includes(`"window":${c.window}`), 'the new Fion answers about every window');
  assert.equal(await s.obs.text(s.obs.root(), 'FION_SOCKET_PATH'), sock);
});

test('a stale socket from a dead Fion is replaced; on exit the socket file is removed', async () => {
  const p = await peer();
  await p.ask({ type: 'subscribe', events: ['shutdown'] });
  const pid = s.fion.process.pid!;
  process.kill(pid, 'SIGKILL'); // dies without cleaning up
  await s.fion.exited;
  assert.ok(lstatSync(sock).isSocket(), 'a dead Fion leaves its socket behind');
  s.fion = await startFion(s.display, { env: env() });
  await listening(() => s.fion.log());
  const q = await peer();
  assert.equal((await q.ask({ type: 'version' })).success, true);
  const bye = await peer();
  await bye.ask({ type: 'subscribe', events: ['shutdown'] });
  await s.fion.stop();
  assert.equal((await bye.event('shutdown')).type, 'event');
  assert.throws(() => lstatSync(sock), /ENOENT/, 'socket removed on exit');
});

test('fion msg exit and i3-msg exit are answered before Fion goes: success, exit code 0', async () => {
  s.fion = await startFion(s.display, { env: env() });
  await listening(() => s.fion.log());
  const r = await runCli(['msg', '--display', s.display, 'exit'], env());
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /"success": true/);
  assert.equal(await s.fion.exited, 0);
  s.fion = await startFion(s.display, { env: env() });
  await waitFor('the i3 socket', () => s.fion.log().includes('i3 ipc: listening on '), 15000);
  const i3env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: s.display };
  delete i3env.I3SOCK;
  const i3 = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const p = spawn('i3-msg', ['exit'], { env: i3env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    p.on('exit', (code) => resolve({ code, out }));
  });
  assert.equal(i3.code, 0, i3.out);
  assert.match(i3.out, /"success":true/);
  assert.equal(await s.fion.exited, 0);
});
