import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, focusTileById, splitTile, tileId, updateClient, focusedWorkspace, showTabAt } from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { focusedGeometry, layout, minShare, tileParts, MIN_TAB_WIDTH } from '../../src/layout/index.js';
import { largeModel } from './fixture.js';
import { client, monitor, w } from '../model/support.js';
import { checkLayout } from './invariants.js';

const theme = { barHeight: 20, tabBarHeight: 18 };

test('one monitor, one empty tile', () => {
  const m = createModel([monitor('A')]);
  const out = layout(m, theme);
  checkLayout(m, out, theme.tabBarHeight);
  assert.deepEqual(out.monitors, [
    {
      index: 0,
      name: 'A',
      screen: 0,
      rect: { x: 0, y: 0, width: 1000, height: 800 },
      bar: { x: 0, y: 0, width: 1000, height: 20 },
      workspace: 1,
      area: { x: 0, y: 20, width: 1000, height: 780 },
    },
  ]);
  assert.deepEqual(out.tiles, [
    {
      workspace: 1,
      monitor: 0,
      tile: 2,
      cell: { x: 0, y: 20, width: 1000, height: 780 },
      rect: { x: 0, y: 20, width: 1000, height: 780 },
      border: 0,
      borderRects: [],
      inside: { x: 0, y: 20, width: 1000, height: 780 },
      tabBar: { x: 0, y: 20, width: 1000, height: 18 },
      urgent: false,
      focused: true,
      tabs: [],
      firstTab: 0,
      tabCount: 0,
    },
  ]);
  assert.equal(out.clients.size, 0);
  assert.equal(out.focus, null);
});

test('tabs share the tab bar; only the shown tab is placed', () => {
  let m = createModel([monitor('A')]);
  for (const n of [1, 2, 3]) m = addClient(m, client(n));
  m = updateClient(m, w(2), { urgent: true });
  const out = layout(m, theme);
  checkLayout(m, out, theme.tabBarHeight);
  assert.deepEqual(out.tiles[0]!.tabs, [
    { client: 1, title: 'win 1', rect: { x: 0, y: 20, width: 333, height: 18 }, shown: false, urgent: false, minimised: false },
    { client: 2, title: 'win 2', rect: { x: 333, y: 20, width: 334, height: 18 }, shown: false, urgent: true, minimised: false },
    { client: 3, title: 'win 3', rect: { x: 667, y: 20, width: 333, height: 18 }, shown: true, urgent: false, minimised: false },
  ]);
  assert.deepEqual([...out.clients], [[3, { x: 0, y: 38, width: 1000, height: 762 }]]);
  assert.equal(out.focus, 3);
});

test('splits cut the area; nested splits cut their part', () => {
  let m = createModel([monitor('A', { width: 1001 })]);
  m = addClient(m, client(1));
  m = splitTile(m, 'vertical');
  m = splitTile(m, 'horizontal');
  m = addClient(m, client(2));
  const out = layout(m, theme);
  checkLayout(m, out, theme.tabBarHeight);
  assert.deepEqual(
    out.tiles.map((t) => [t.tile, t.rect, t.focused]),
    [
      [2, { x: 0, y: 20, width: 501, height: 780 }, false],
      [3, { x: 501, y: 20, width: 500, height: 390 }, false],
      [5, { x: 501, y: 410, width: 500, height: 390 }, true],
    ],
  );
  assert.deepEqual(out.clients.get(w(2)), { x: 501, y: 428, width: 500, height: 372 });
  assert.deepEqual(out.clients.get(w(1)), { x: 0, y: 38, width: 501, height: 762 });
});

test('two monitors: each lays out its own workspace; focus only on the focused monitor', () => {
  let m = createModel([monitor('A'), monitor('B', { x: 1000, width: 800, height: 600 })]);
  m = addClient(m, client(1));
  m = { ...m, focusedMonitor: 1 };
  m = addClient(m, client(2));
  m = focusTileById(m, tileId(2));
  const out = layout(m, theme);
  checkLayout(m, out, theme.tabBarHeight);
  assert.deepEqual(out.tiles.map((t) => [t.monitor, t.tile, t.focused]), [
    [0, 2, true],
    [1, 4, false],
  ]);
  assert.deepEqual(out.monitors[1]!.area, { x: 1000, y: 20, width: 800, height: 580 });
  assert.equal(out.focus, 1);
});

test('a tile shorter than its tab bar keeps the client inside it', () => {
  assert.deepEqual(tileParts({ x: 0, y: 0, width: 50, height: 10 }, 18), {
    tabBar: { x: 0, y: 0, width: 50, height: 10 },
    client: { x: 0, y: 9, width: 50, height: 1 },
  });
  assert.deepEqual(tileParts({ x: 0, y: 0, width: 50, height: 19 }, 18).client, { x: 0, y: 18, width: 50, height: 1 });
});

test('layout never mentions clients of hidden workspaces', () => {
  const m: Model = largeModel(1000, 100);
  const out = layout(m, theme);
  checkLayout(m, out, theme.tabBarHeight);
  const shown = focusedWorkspace(m);
  const visible = new Set<number>();
  for (const t of out.tiles) {
    assert.equal(t.workspace, shown.id);
    for (const tab of t.tabs) visible.add(tab.client);
  }
  for (const id of out.clients.keys()) visible.add(id);
  // Workspace 1 holds clients 1, 101, 201, ...: exactly 10 of them, nothing else.
  assert.deepEqual([...visible].sort((a, b) => a - b), Array.from({ length: 10 }, (_, i) => 1 + 100 * i));
  assert.equal(out.clients.size, 2);
  assert.equal(m.clients.size, 1000);
  assert.equal(m.workspaces.length, 100);
});

test('minShare and focusedGeometry', () => {
  let m = createModel([monitor('A')]);
  m = splitTile(m, 'vertical');
  const g = focusedGeometry(m, theme)!;
  assert.deepEqual(g, { area: { x: 0, y: 20, width: 1000, height: 780 }, tile: { x: 500, y: 20, width: 500, height: 780 } });
  assert.deepEqual(minShare(theme, g.area), { width: 40 / 1000, height: 40 / 780 });
  assert.deepEqual(minShare({ ...theme, tabBarHeight: 60, minTileSize: 10 }, g.area), { width: 10 / 1000, height: 61 / 780 });
  assert.equal(focusedGeometry(createModel([]), theme), null);
});

test('more tabs than fit: the tab bar shows those around the shown one, and the cost does not grow', () => {
  let m = createModel([monitor('A')]);
  for (let i = 1; i <= 500; i++) m = addClient(m, client(i, `t${i}`));
  const t = layout(m, theme).tiles[0]!;
  const fit = Math.floor(1000 / MIN_TAB_WIDTH);
  assert.equal(t.tabs.length, fit);
  assert.equal(t.tabCount, 500);
  const shownAt = t.tabs.findIndex((x) => x.shown);
  assert.ok(shownAt >= 0, 'the shown tab is in the bar');
  assert.equal(t.tabs[shownAt]!.client, t.tabs[0]!.client + shownAt);
  assert.ok(t.tabs.every((x) => x.rect.width >= MIN_TAB_WIDTH), 'every tab at least MIN_TAB_WIDTH wide');
  assert.equal(t.tabs.reduce((a, x) => a + x.rect.width, 0), 1000, 'together they fill the bar');
  // The window slides with the shown tab and stops at both ends.
  const tile = layout(m, theme).tiles[0]!.tile;
  const near = (to: number): { first: number; ids: number[] } => {
    const l = layout(showTabAt(m, tile, to), theme).tiles[0]!;
    assert.ok(l.tabs.some((x) => x.shown && x.client === to + 1), `tab ${to} shown and in the bar`);
    return { first: l.firstTab, ids: l.tabs.map((x) => x.client) };
  };
  assert.equal(near(0).first, 0);
  assert.equal(near(499).first, 500 - fit);
  assert.equal(near(250).first, 250 - Math.floor(fit / 2));
});
