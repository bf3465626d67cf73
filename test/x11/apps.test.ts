// What real applications do after Fion has placed their windows: a float raising itself
// (GIMP's ctrl+b), a window renaming its WM_CLASS (LibreOffice), a Tk dialog sized by
// `wm geometry` right before it maps.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { startClient } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { runCli } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { encodeClass } from '../../src/x/props.js';
import { StackMode } from '../../src/x/protocol.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
const open: TinyClient[] = [];
const runtime = tempDir('fion-apps-');
const env = { XDG_RUNTIME_DIR: runtime };
before(async () => {
  s = await openSession({ fion: { env } });
  await waitFor('the control socket', () => s.fion.log().includes('ipc: listening on '), 15000);
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

/** A dialog (no parent) of the given size: Fion floats it centred, so two of them overlap. */
async function dialog(title: string, width: number, height: number): Promise<TinyClient> {
  const c = await TinyClient.open(s.display, { title, map: false, geometry: { x: 0, y: 0, width, height } });
  open.push(c);
  c.x.changeProperty(c.window, c.atoms._NET_WM_WINDOW_TYPE, c.atoms.ATOM, 32, [c.atoms._NET_WM_WINDOW_TYPE_DIALOG]);
  await c.map();
  await s.obs.sync();
  return c;
}
const above = async (a: WindowId, b: WindowId): Promise<boolean> => {
  const children = await s.obs.children();
  return children.indexOf(a) > children.indexOf(b);
};

test('a float that raises itself (ConfigureWindow stack mode Above) comes up over another float, without the focus', async () => {
  const under = await dialog('raise-under', 300, 200);
  const over = await dialog('raise-over', 200, 150);
  assert.ok(await above(over.window, under.window), 'the newer float starts on top');
  assert.equal(await s.obs.focus(), over.window);
  await under.configure({ stackMode: StackMode.Above });
  await s.obs.sync();
  assert.ok(await above(under.window, over.window), 'the float that asked is on top');
  assert.equal(await s.obs.focus(), over.window, 'raising does not take the focus (as in i3)');
  // The order is Fion's own now: a new window and the restack that follows keep it.
  const tiled = await TinyClient.open(s.display, { title: 'raise-tiled' });
  open.push(tiled);
  await s.obs.sync();
  assert.ok(await above(under.window, over.window), 'still on top after the next restack');
  assert.ok(await above(over.window, tiled.window), 'floats stay above the tiles');
  for (const c of [under, over, tiled]) await c.destroy();
  await s.obs.sync();
});

/** The entry `fion msg -t tree` gives for a window, wherever it is in the tree. */
async function treeEntry(w: WindowId): Promise<Record<string, unknown> | null> {
  const r = await runCli(['msg', '--display', s.display, '-t', 'tree', '--raw'], env);
  assert.equal(r.code, 0, r.stderr);
  const find = (v: unknown): Record<string, unknown> | null => {
    if (v === null || typeof v !== 'object') return null;
    if (!Array.isArray(v) && (v as Record<string, unknown>).window === w && 'class' in v) return v as Record<string, unknown>;
    for (const x of Object.values(v)) {
      const hit = find(x);
      if (hit !== null) return hit;
    }
    return null;
  };
  return find(JSON.parse(r.stdout));
}

test('a window that renames its WM_CLASS after mapping (LibreOffice) shows the new class and instance in the tree', async () => {
  const c = await TinyClient.open(s.display, { title: 'renamed', class: 'Soffice' });
  open.push(c);
  await s.obs.sync();
  const before = (await treeEntry(c.window))!;
  assert.deepEqual([before.instance, before.class], ['Soffice', 'Soffice']);
  c.x.changeProperty(c.window, c.atoms.WM_CLASS, c.atoms.STRING, 8, encodeClass('libreoffice', 'libreoffice-writer'));
  await c.x.sync();
  await s.obs.sync();
  const after = (await treeEntry(c.window))!;
  assert.deepEqual([after.instance, after.class], ['libreoffice', 'libreoffice-writer']);
  await c.destroy();
});

test('a Tk dialog sized by wm geometry (transient for its main window) floats at that size', async () => {
  const script = join(tempDir('fion-tk-'), 'dialog.tcl');
  writeFileSync(script, [
    'wm title . "tk main"', '. configure -width 400 -height 300', 'update',
    'toplevel .d', 'wm title .d "tk dialog"', 'wm transient .d .', 'wm geometry .d 200x100', '',
  ].join('\n'));
  startClient(s.display, 'wish', [script]);
  const byTitle = (title: string): Promise<WindowId> => waitFor(`the window "${title}"`, async () => {
    for (const c of await s.obs.clientList()) if ((await s.obs.text(c, 'WM_NAME')) === title && (await s.obs.isViewable(c))) return c;
    return null;
  }, 15000);
  const main = await byTitle('tk main');
  const d = await byTitle('tk dialog');
  await s.obs.sync();
  const g = (await s.obs.geometry(d))!;
  assert.deepEqual([g.width, g.height], [200, 100], JSON.stringify(g));
  assert.equal(await s.obs.mapState(main), 'viewable', 'its main window stays shown under it');
});
