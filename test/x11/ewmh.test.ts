// Programs nobody here wrote, talking EWMH to Fion: wmctrl, xdotool, xprop.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session, openClient } from '../harness/session.js';
import { key, runTool, startClient } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

const tool = async (cmd: string, ...args: string[]): Promise<string> => {
  const r = await runTool(s.display, cmd, args);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
  return r.stdout;
};
const client = (title: string): Promise<TinyClient> => openClient(s, open, title);
const hex = (w: number): string => `0x${w.toString(16).padStart(8, '0')}`;

test('wmctrl -m names Fion; _NET_SUPPORTED lists what Fion honours', async () => {
  assert.match(await tool('wmctrl', '-m'), /^Name: fion$/m);
  const supported = await tool('xprop', '-root', '_NET_SUPPORTED');
  for (const h of ['_NET_CLIENT_LIST_STACKING', '_NET_CURRENT_DESKTOP', '_NET_WM_DESKTOP', '_NET_WM_STATE_FULLSCREEN',
    '_NET_CLOSE_WINDOW', '_NET_WORKAREA', '_NET_WM_STRUT_PARTIAL']) assert.match(supported, new RegExp(h));
});

test('desktops: wmctrl -s and xdotool set_desktop switch; counts and names are published', async () => {
  const a = await client('desk-a');
  await tool('wmctrl', '-n', '3');
  assert.equal((await tool('xdotool', 'get_num_desktops')).trim(), '3');
  assert.match(await tool('xprop', '-root', '_NET_DESKTOP_NAMES'), /= "1", "2", "3"/);
  await tool('wmctrl', '-s', '1');
  assert.match(await s.obs.barText(), /^1 \[2\] 3 \|/);
  assert.equal((await tool('xdotool', 'get_desktop')).trim(), '1');
  assert.equal(await s.obs.mapState(a.window), 'unmapped');
  await tool('xdotool', 'set_desktop', '0');
  assert.match(await s.obs.barText(), /^\[1\] 2 3 \|/);
  assert.equal(await s.obs.mapState(a.window), 'viewable');
  assert.deepEqual(await s.obs.cardinals(a.window, '_NET_WM_DESKTOP'), [0]);
  const workarea = await s.obs.cardinals(s.obs.root(), '_NET_WORKAREA');
  assert.equal(workarea.length, 12, 'one rectangle per desktop');
});

test('wmctrl -l lists clients with their desktop; -r -t moves a window to another desktop', async () => {
  const b = await client('mover-b');
  const list = await tool('wmctrl', '-l');
  assert.match(list, new RegExp(`^${hex(b.window)}\\s+0 .*mover-b$`, 'm'));
  await tool('wmctrl', '-r', 'mover-b', '-t', '2');
  assert.deepEqual(await s.obs.cardinals(b.window, '_NET_WM_DESKTOP'), [2]);
  assert.equal(await s.obs.mapState(b.window), 'unmapped', 'moved away from the shown desktop');
  assert.match(await tool('wmctrl', '-l'), new RegExp(`^${hex(b.window)}\\s+2 `, 'm'));
});

test('wmctrl -a and xdotool windowactivate switch to the window and focus it; getactivewindow agrees', async () => {
  const target = open[1]!; // mover-b, on desktop 3
  await tool('wmctrl', '-a', 'mover-b');
  assert.match(await s.obs.barText(), /^1 2 \[3\] \|/);
  assert.equal(await s.obs.focus(), target.window);
  assert.equal((await tool('xdotool', 'getactivewindow')).trim(), String(target.window));
  await tool('xdotool', 'windowactivate', '--sync', String(open[0]!.window));
  assert.match(await s.obs.barText(), /^\[1\] 2 3 \|/);
  assert.equal(await s.obs.focus(), open[0]!.window);
});

test('wmctrl -c closes politely', async () => {
  const c = await client('closeme');
  await tool('wmctrl', '-c', 'closeme');
  await waitFor('the client to be asked to close', () => c.deleteRequests === 1);
  await waitFor('the window to be gone', async () => !(await s.obs.clientList()).includes(c.window));
});

test('fullscreen through _NET_WM_STATE (wmctrl -b) covers the monitor above the bar, and comes back', async () => {
  const c = await client('movie');
  const tiled = (await s.obs.geometry(c.window))!;
  await tool('wmctrl', '-r', 'movie', '-b', 'add,fullscreen');
  assert.deepEqual(await s.obs.geometry(c.window), { x: 0, y: 0, width: 1280, height: 800 });
  assert.match(await tool('xprop', '-id', String(c.window), '_NET_WM_STATE'), /_NET_WM_STATE_FULLSCREEN/);
  const children = await s.obs.children();
  assert.ok(children.indexOf(c.window) > children.indexOf(await s.obs.bar()), 'stacked above the bar');
  await tool('wmctrl', '-r', 'movie', '-b', 'toggle,fullscreen');
  assert.deepEqual(await s.obs.geometry(c.window), tiled);
  assert.doesNotMatch(await tool('xprop', '-id', String(c.window), '_NET_WM_STATE'), /FULLSCREEN/);
});

test('_NET_CLIENT_LIST_STACKING holds every client, the visible ones last', async () => {
  const stacking = await s.obs.cardinals(s.obs.root(), '_NET_CLIENT_LIST_STACKING');
  const list = await s.obs.clientList();
  assert.deepEqual([...stacking].sort(), [...list].sort());
  assert.equal(stacking.at(-1), await s.obs.focus());
});

test('_NET_WM_STATE_ABOVE follows a window made floating and tiled again; its neighbours keep their state', async () => {
  const other = await client('stays-tiled');
  const c = await client('floats');
  const state = async (w: number): Promise<string> => tool('xprop', '-id', String(w), '_NET_WM_STATE');
  assert.doesNotMatch(await state(c.window), /_NET_WM_STATE_ABOVE/);
  await key(s.display, 'super+shift+f');
  await s.obs.sync();
  assert.match(await state(c.window), /_NET_WM_STATE_ABOVE/);
  assert.doesNotMatch(await state(other.window), /_NET_WM_STATE_ABOVE/);
  await key(s.display, 'super+shift+f');
  await s.obs.sync();
  assert.doesNotMatch(await state(c.window), /_NET_WM_STATE_ABOVE/);
});

test('wmctrl -b remove|add|toggle,above on a zenity dialog: it stays floating over its shown parent', async () => {
  const parent = await client('dialog-parent');
  startClient(s.display, 'zenity', ['--info', '--title', 'above-dialog', '--text', 'stays afloat', `--attach=${parent.window}`]);
  const dialog = await s.obs.waitForClass('Zenity', 0, 20000);
  await s.obs.sync();
  const floating = (await s.obs.geometry(dialog))!;
  for (const how of ['remove', 'add', 'toggle', 'toggle', 'remove']) {
    await tool('wmctrl', '-r', 'above-dialog', '-b', `${how},above`);
    assert.equal(await s.obs.mapState(parent.window), 'viewable', `${how}: the parent stays shown`);
    assert.equal(await s.obs.mapState(dialog), 'viewable', `${how}: the dialog stays shown`);
    assert.deepEqual(await s.obs.geometry(dialog), floating, `${how}: the dialog keeps floating where it was`);
    assert.match(await tool('xprop', '-id', String(dialog), '_NET_WM_STATE'), /_NET_WM_STATE_ABOVE/, `${how}: Fion still keeps it above`);
  }
  // A tiled window asking to be above stays in its tile.
  const tiled = (await s.obs.geometry(parent.window))!;
  for (const how of ['add', 'toggle', 'remove']) {
    await tool('wmctrl', '-r', 'dialog-parent', '-b', `${how},above`);
    assert.deepEqual(await s.obs.geometry(parent.window), tiled, `${how}: the parent stays tiled`);
    assert.doesNotMatch(await tool('xprop', '-id', String(parent.window), '_NET_WM_STATE'), /_NET_WM_STATE_ABOVE/);
  }
  await tool('wmctrl', '-c', 'above-dialog');
  await waitFor('the dialog to close', async () => !(await s.obs.clientList()).includes(dialog));
});
