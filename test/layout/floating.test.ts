import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClient,
  createModel,
  focusClient,
  moveFloating,
  setFullscreen,
  setReserved,
  showTab,
  splitTile,
  toggleFloating,
  updateClient,
} from '../../src/model/index.js';
import type { Client, Model } from '../../src/model/index.js';
import { focusedGeometry, layout } from '../../src/layout/index.js';
import { client, monitor, w } from '../model/support.js';
import { checkLayout } from './invariants.js';

const theme = { barHeight: 20, tabBarHeight: 18 };
const rectOf = (m: Model, n: number) => layout(m, theme).clients.get(w(n));
const sized = (n: number, width: number, height: number, extra: Partial<Client> = {}): Client => ({
  ...client(n),
  requested: { x: 3, y: 4, width, height },
  ...extra,
});
const checked = (m: Model) => {
  const out = layout(m, theme);
  checkLayout(m, out, theme.tabBarHeight);
  return out;
};

test('a float without a parent is centred in the monitor\'s area at its requested size', () => {
  // Monitor 1000x800, bar 20: area (0,20) 1000x780.
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, sized(2, 300, 200), undefined, { floating: true });
  m = addClient(m, client(3), undefined, { floating: true }); // no requested size: 400x300
  const out = checked(m);
  assert.deepEqual(out.floating, [
    { client: 2, rect: { x: 350, y: 310, width: 300, height: 200 }, monitor: 0 },
    { client: 3, rect: { x: 300, y: 260, width: 400, height: 300 }, monitor: 0 },
  ]);
  assert.deepEqual(out.clients.get(w(3)), { x: 300, y: 260, width: 400, height: 300 });
  assert.deepEqual(out.stacking, [1, 2, 3]);
  assert.equal(out.focus, 3);
  assert.deepEqual(out.tiles.map((t) => t.focused), [false], 'no tile looks focused while a float is');
});

test('a dialog is centred over its visible parent, kept inside the area', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  // Parent 1's client rect: (0,38) 500x762.
  m = addClient(m, sized(3, 200, 100, { transientFor: w(1) }));
  assert.deepEqual(rectOf(m, 3), { x: 150, y: 369, width: 200, height: 100 });
  m = addClient(m, sized(4, 800, 100, { transientFor: w(1) }));
  assert.deepEqual(rectOf(m, 4), { x: 0, y: 369, width: 800, height: 100 });
  m = addClient(m, sized(5, 5000, 5000, { transientFor: w(1) }));
  assert.deepEqual(rectOf(m, 5), { x: 0, y: 20, width: 1000, height: 780 }, 'never larger than the area');
  // A dialog of a dialog: centred over that dialog.
  m = addClient(m, sized(6, 100, 50, { transientFor: w(3) }));
  assert.deepEqual(rectOf(m, 6), { x: 200, y: 394, width: 100, height: 50 });
  checked(m);
});

test('a dialog whose parent is a hidden tab is centred in the area; it follows the parent when shown', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  m = addClient(m, client(3));
  m = addClient(m, sized(4, 200, 100, { transientFor: w(2) }));
  assert.deepEqual(rectOf(m, 4), { x: 400, y: 360, width: 200, height: 100 });
  m = showTab(m, 'next'); // tile 2 shows 2 again: (500,38) 500x762
  assert.deepEqual(rectOf(m, 4), { x: 650, y: 369, width: 200, height: 100 });
  checked(m);
});

test('pinned floats sit relative to their monitor\'s origin, and stay partly on it', () => {
  let m = createModel([monitor('A'), monitor('B', { x: 1000, width: 800, height: 600 })]);
  m = { ...m, focusedMonitor: 1 };
  m = addClient(m, client(1), undefined, { floating: true });
  m = moveFloating(m, w(1), { x: 1100, y: 50, width: 300, height: 200 });
  assert.deepEqual(rectOf(m, 1), { x: 1100, y: 50, width: 300, height: 200 });
  // The same workspace shown on A: same place relative to A.
  const swapped: Model = { ...m, monitors: [{ ...m.monitors[0]!, workspace: m.monitors[1]!.workspace }, { ...m.monitors[1]!, workspace: m.monitors[0]!.workspace }] };
  assert.deepEqual(rectOf(swapped, 1), { x: 100, y: 50, width: 300, height: 200 });
  checked(swapped);
  // A floatRect from a bigger monitor is pulled back onto a smaller one.
  const far = updateClient(m, w(1), { floatRect: { x: 5000, y: -5000, width: 300, height: 200 } });
  assert.deepEqual(rectOf(far, 1), { x: 1000 + 800 - 32, y: 32 - 200, width: 300, height: 200 });
  checked(far);
});

test('floats get their size hints fully, but never more than the area', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, sized(2, 100, 100, { sizeHints: { minWidth: 300, minHeight: 2000 } }), undefined, { floating: true });
  assert.deepEqual(rectOf(m, 2), { x: 350, y: 20, width: 300, height: 780 });
  m = addClient(m, sized(3, 500, 500, { sizeHints: { maxWidth: 200, widthInc: 7 } }), undefined, { floating: true });
  assert.deepEqual(rectOf(m, 3), { x: 402, y: 160, width: 196, height: 500 });
  checked(m);
});

test('tiled clients with size hints: adjusted, centred in the tile, never larger', () => {
  const xterm = { baseWidth: 10, baseHeight: 4, widthInc: 6, heightInc: 13 };
  let m = addClient(createModel([monitor('A')]), { ...client(1), sizeHints: xterm });
  // Tile client area (0,38) 1000x762 -> 1000x758, 2 px down.
  assert.deepEqual(rectOf(m, 1), { x: 0, y: 40, width: 1000, height: 758 });
  m = updateClient(m, w(1), { sizeHints: { minWidth: 3000, maxHeight: 500 } });
  assert.deepEqual(rectOf(m, 1), { x: 0, y: 169, width: 1000, height: 500 }, 'the tile wins over the min size');
  checked(m);
});

test('fullscreen: a shown tab or a float covers its monitor above the bar and every float', () => {
  let m = addClient(createModel([monitor('A'), monitor('B', { x: 1000 })]), client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  m = addClient(m, client(3), undefined, { floating: true });
  m = setFullscreen(m, w(1), 'add');
  let out = checked(m);
  assert.deepEqual(out.clients.get(w(1)), { x: 0, y: 0, width: 1000, height: 800 });
  assert.deepEqual(out.fullscreen, [{ client: 1, rect: { x: 0, y: 0, width: 1000, height: 800 }, monitor: 0 }]);
  assert.deepEqual(out.stacking, [2, 3, 1]);
  // Its dialogs stay above it.
  m = addClient(m, sized(4, 200, 100, { transientFor: w(1) }));
  out = checked(m);
  assert.deepEqual(out.stacking, [2, 3, 1, 4]);
  assert.deepEqual(out.clients.get(w(4)), { x: 400, y: 350, width: 200, height: 100 });
  // A fullscreen float, focused: on top of the other fullscreen client.
  m = setFullscreen(focusClient(m, w(3)), w(3), 'add');
  out = checked(m);
  assert.deepEqual(out.stacking, [2, 1, 3, 4]);
  assert.deepEqual(out.floating.map((f) => f.client), [4]);
  assert.deepEqual(out.clients.get(w(3)), { x: 0, y: 0, width: 1000, height: 800 });
});

test('fullscreen applies only while visible: a hidden tab stays hidden', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2));
  m = setFullscreen(m, w(1), 'add');
  let out = checked(m);
  assert.deepEqual(out.fullscreen, []);
  assert.equal(out.clients.has(w(1)), false);
  m = showTab(m, 'next');
  out = checked(m);
  assert.deepEqual(out.fullscreen.map((f) => f.client), [1]);
  assert.deepEqual(out.stacking, [1]);
});

test('reserved edges shrink the area; the bar sits at the top of what is left; fullscreen ignores them', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = setReserved(m, 0, { top: 30, bottom: 10, left: 40, right: 0 });
  let out = checked(m);
  assert.deepEqual(out.monitors[0]!.bar, { x: 40, y: 30, width: 960, height: 20 });
  assert.deepEqual(out.monitors[0]!.area, { x: 40, y: 50, width: 960, height: 740 });
  assert.deepEqual(out.tiles[0]!.rect, { x: 40, y: 50, width: 960, height: 740 });
  assert.deepEqual(out.clients.get(w(1)), { x: 40, y: 68, width: 960, height: 722 });
  assert.deepEqual(focusedGeometry(m, theme)!.area, { x: 40, y: 50, width: 960, height: 740 });
  // Floats centre in the reduced area.
  m = addClient(m, sized(2, 200, 100), undefined, { floating: true });
  assert.deepEqual(rectOf(m, 2), { x: 420, y: 370, width: 200, height: 100 });
  m = setFullscreen(m, w(1), 'add');
  out = checked(m);
  assert.deepEqual(out.clients.get(w(1)), { x: 0, y: 0, width: 1000, height: 800 });
});

test('toggling floating in the layout: pinned 2/3 when nothing was requested', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2));
  m = toggleFloating(m);
  const out = checked(m);
  assert.deepEqual(out.floating, [{ client: 2, rect: { x: 166, y: 133, width: 667, height: 533 }, monitor: 0 }]);
  assert.deepEqual(out.clients.get(w(1)), { x: 0, y: 38, width: 1000, height: 762 });
  assert.equal(out.focus, 2);
});

test('transient cycles do not hang the layout', () => {
  let m = addClient(createModel([monitor('A')]), sized(1, 100, 100), undefined, { floating: true });
  m = addClient(m, sized(2, 50, 50, { transientFor: w(1) }));
  m = updateClient(m, w(1), { transientFor: w(2) });
  m = setFullscreen(m, w(2), 'add');
  const out = checked(m);
  assert.deepEqual(out.stacking, [2, 1], 'float 1 is transient for the fullscreen 2: above it');
});

test('a maximised float fills the tiling area along its axis, within its size hints, and gets its own size back', async () => {
  const { placeFloat } = await import('../../src/layout/index.js');
  const monitor = { x: 0, y: 0, width: 1000, height: 800 };
  const area = { x: 0, y: 20, width: 1000, height: 780 };
  const c = { id: 1 as never, title: '', instance: '', class: '', urgent: false, floatRect: { x: 100, y: 100, width: 300, height: 200 } };
  assert.deepEqual(placeFloat(c, monitor, area, area), { x: 100, y: 100, width: 300, height: 200 });
  assert.deepEqual(placeFloat({ ...c, maximisedVert: true, maximisedHorz: true }, monitor, area, area), area);
  assert.deepEqual(placeFloat({ ...c, maximisedVert: true }, monitor, area, area), { x: 100, y: 20, width: 300, height: 780 });
  assert.deepEqual(placeFloat({ ...c, maximisedHorz: true, sizeHints: { maxWidth: 600 } }, monitor, area, area), { x: 200, y: 100, width: 600, height: 200 });
});
