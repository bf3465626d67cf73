// Real clients with their own ideas: a GTK dialog over its parent, a Tk
// window that can't be resized, xmessage, a lemonbar dock, urgency.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { key, startClient } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

const center = (g: { x: number; y: number; width: number; height: number }): [number, number] =>
  [g.x + g.width / 2, g.y + g.height / 2];

test('a GTK dialog transient for its parent floats centred over it, above it, and gives focus back when it closes', async () => {
  const parent = await TinyClient.open(s.display, { title: 'parent' });
  open.push(parent);
  await s.obs.sync();
  startClient(s.display, 'zenity', ['--info', '--text', 'Hello from a dialog', `--attach=${parent.window}`]);
  const dialog = await s.obs.waitForClass('Zenity', 0, 20000);
  await s.obs.sync();
  const pg = (await s.obs.geometry(parent.window))!;
  const dg = (await s.obs.geometry(dialog))!;
  assert.ok(dg.width < pg.width && dg.height < pg.height, 'the dialog keeps its own size');
  const [px, py] = center(pg);
  const [dx, dy] = center(dg);
  assert.ok(Math.abs(px - dx) <= 1 && Math.abs(py - dy) <= 1, `centred over the parent: ${JSON.stringify({ pg, dg })}`);
  assert.equal(await s.obs.mapState(parent.window), 'viewable', 'the parent stays visible under its dialog');
  const children = await s.obs.children();
  assert.ok(children.indexOf(dialog) > children.indexOf(parent.window), 'the dialog is stacked above');
  await waitFor('the dialog to have focus', async () => (await s.obs.focusedTopLevel()) === dialog);
  await key(s.display, 'Return'); // zenity's OK
  await waitFor('the dialog to close', async () => (await s.obs.mapState(dialog)) !== 'viewable');
  await s.obs.sync();
  await waitFor('focus back on the parent', async () => (await s.obs.focusedTopLevel()) === parent.window);
});

test('a Tk toplevel that cannot be resized floats at its own size, centred on the screen', async () => {
  const script = join(tempDir('fion-tk-'), 'fixed.tcl');
  writeFileSync(script, 'wm title . "fixed tk"\nwm resizable . 0 0\n. configure -width 300 -height 200 -background "#336699"\n');
  startClient(s.display, 'wish', [script]);
  const w = await waitFor('the Tk window', async () => {
    for (const c of await s.obs.clientList()) if ((await s.obs.text(c, 'WM_NAME')) === 'fixed tk' && (await s.obs.isViewable(c))) return c;
    return null;
  }, 15000);
  await s.obs.sync();
  const g = (await s.obs.geometry(w))!;
  assert.deepEqual([g.width, g.height], [300, 200]);
  const bar = (await s.obs.geometry(await s.obs.bar()))!.height;
  const [cx, cy] = center(g);
  assert.ok(Math.abs(cx - 640) <= 1, `horizontally centred: ${JSON.stringify(g)}`);
  assert.ok(Math.abs(cy - (bar + (800 - bar) / 2)) <= 1, `vertically centred in the area below the bar: ${JSON.stringify(g)}`);
});

test('xmessage is tiled like any ordinary window', async () => {
  startClient(s.display, 'xmessage', ['-name', 'fionmsg', 'tiled']);
  const w = await s.obs.waitForClass('fionmsg');
  await s.obs.sync();
  const g = (await s.obs.geometry(w))!;
  assert.ok(g.width > 1000, `xmessage fills its tile: ${JSON.stringify(g)}`);
});

test('lemonbar is a dock: mapped where it asks, and its strut keeps tiles off the bottom edge', async () => {
  const c = await TinyClient.open(s.display, { title: 'tiled' });
  open.push(c);
  await s.obs.sync();
  const lemon = startClient(s.display, 'lemonbar', ['-b', '-g', '1280x24+0+0', '-n', 'lemondock']);
  lemon.stdin?.write('dock\n');
  const dock = await waitFor('the dock', async () => {
    for (const w of await s.obs.children()) if ((await s.obs.text(w, 'WM_NAME')) === 'lemondock' && (await s.obs.isViewable(w))) return w;
    return null;
  }, 10000);
  await s.obs.sync();
  assert.ok(!(await s.obs.clientList()).includes(dock), 'a dock is not a tiled client');
  const g = (await s.obs.geometry(dock))!;
  assert.equal(g.y + g.height, 800, 'at the bottom, where it asked');
  await waitFor('tiles to end above the dock', async () => {
    const cg = await s.obs.geometry(c.window);
    return cg !== null && cg.y + cg.height === 800 - 24;
  });
  lemon.kill();
  await waitFor('the tiles to take the space back', async () => {
    const cg = await s.obs.geometry(c.window);
    return cg !== null && cg.y + cg.height === 800;
  });
});

test('urgency from WM_HINTS shows as DEMANDS_ATTENTION until focused; super+u jumps to it', async () => {
  const late = await TinyClient.open(s.display, { title: 'needs you' });
  open.push(late);
  await s.obs.sync();
  await key(s.display, 'super+shift+a'); // a new workspace: the window is now hidden
  await s.obs.sync();
  late.x.changeProperty(late.window, late.atoms.WM_HINTS, late.atoms.WM_HINTS, 32, [256, 0, 0, 0, 0, 0, 0, 0, 0]);
  await late.x.sync();
  await s.obs.sync();
  await waitFor('the urgent state', async () =>
    (await s.obs.cardinals(late.window, '_NET_WM_STATE')).includes(await s.obs.atom('_NET_WM_STATE_DEMANDS_ATTENTION')));
  await key(s.display, 'super+u');
  await s.obs.sync();
  assert.equal(await s.obs.focus(), late.window);
  assert.deepEqual(await s.obs.cardinals(late.window, '_NET_WM_STATE'), [], 'no longer urgent once focused');
});
