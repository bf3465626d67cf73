// What real applications do after Fion has placed their windows: a float raising itself
// (GIMP's ctrl+b), a window renaming its WM_CLASS (LibreOffice), a Tk dialog sized by
// `wm geometry` right before it maps.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { TinyClient } from '../harness/tinyclient.js';
import { StackMode } from '../../src/x/protocol.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
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
