// Gaps, borders, hidden single tab bars and the minimum tab width: exact numbers for a
// few layouts, and properties over random models, random spacing and tiny cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addClient, createModel, splitTile } from '../../src/model/index.js';
import type { Model, Rect } from '../../src/model/index.js';
import { borderParts, contains, gapRect, intersects, layout } from '../../src/layout/index.js';
import type { Layout, LayoutTheme, TileLayout } from '../../src/layout/index.js';
import { applyOp, monitorsArb, opsArb, startState } from '../model/ops.js';
import { checkLayout } from './invariants.js';
import { client, monitor } from '../model/support.js';

const base = { barHeight: 20, tabBarHeight: 18, minTileSize: 40 };

/** Two tiles side by side on a 1000x800 monitor, a window in each. */
function pair(): Model {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = splitTile(m, 'vertical');
  return addClient(m, client(2));
}

test('gaps: inner between tiles, outer around the area', () => {
  const out = layout(pair(), { ...base, gaps: { inner: 10, outer: 5, smart: false } });
  const [a, b] = out.tiles as [TileLayout, TileLayout];
  assert.deepEqual(a.cell, { x: 0, y: 20, width: 500, height: 780 });
  assert.deepEqual(a.rect, { x: 5, y: 25, width: 490, height: 770 });
  assert.deepEqual(b.rect, { x: 505, y: 25, width: 490, height: 770 });
  assert.equal(b.rect.x - (a.rect.x + a.rect.width), 10, '10 px between the tiles');
  assert.deepEqual(a.tabBar, { x: 5, y: 25, width: 490, height: 18 });
  assert.deepEqual(out.clients.get(a.tabs[0]!.client), { x: 5, y: 43, width: 490, height: 752 });
});

test('an odd inner gap still leaves exactly N px', () => {
  const out = layout(pair(), { ...base, gaps: { inner: 7, outer: 0, smart: false } });
  const [a, b] = out.tiles as [TileLayout, TileLayout];
  assert.equal(b.rect.x - (a.rect.x + a.rect.width), 7);
  assert.equal(a.rect.x, 0);
  assert.equal(b.rect.x + b.rect.width, 1000);
});

test('smart gaps and borders: none around a single tile, back with two', () => {
  const theme = { ...base, gaps: { inner: 10, outer: 10, smart: true }, borders: { width: 3, smart: true } };
  const one = addClient(createModel([monitor('A')]), client(1));
  const t = layout(one, theme).tiles[0]!;
  assert.deepEqual(t.rect, t.cell);
  assert.deepEqual([t.border, t.borderRects], [0, []]);
  const two = layout(pair(), theme).tiles;
  assert.ok(two.every((x) => x.border === 3 && x.borderRects.length === 4 && x.rect.width < x.cell.width));
  // Not smart: a single tile has them too.
  const dumb = layout(one, { ...theme, gaps: { ...theme.gaps, smart: false }, borders: { width: 3, smart: false } }).tiles[0]!;
  assert.deepEqual(dumb.rect, { x: 10, y: 30, width: 980, height: 760 });
  assert.equal(dumb.border, 3);
});

test('borders: four sides inside the tile, tab bar and client inside them', () => {
  const out = layout(pair(), { ...base, borders: { width: 2, smart: false } });
  const a = out.tiles[0]!;
  assert.deepEqual(a.borderRects, [
    { x: 0, y: 20, width: 500, height: 2 },
    { x: 0, y: 798, width: 500, height: 2 },
    { x: 0, y: 22, width: 2, height: 776 },
    { x: 498, y: 22, width: 2, height: 776 },
  ]);
  assert.deepEqual(a.tabBar, { x: 2, y: 22, width: 496, height: 18 });
  assert.deepEqual(out.clients.get(a.tabs[0]!.client), { x: 2, y: 40, width: 496, height: 758 });
});

test('a tile holding one shown window hides its tab bar when asked; two windows show it', () => {
  const theme = { ...base, hideSingleTab: true };
  let m = addClient(createModel([monitor('A')]), client(1));
  let t = layout(m, theme).tiles[0]!;
  assert.equal(t.tabBar.height, 0);
  assert.deepEqual(layout(m, theme).clients.get(t.tabs[0]!.client), t.rect, 'the window fills the tile');
  m = addClient(m, client(2));
  t = layout(m, theme).tiles[0]!;
  assert.equal(t.tabBar.height, 18);
  const empty = layout(createModel([monitor('A')]), theme).tiles[0]!;
  assert.equal(empty.tabBar.height, 18, 'an empty tile keeps its tab bar');
});

test('the minimum tab width decides how many tabs a bar shows', () => {
  let m = createModel([monitor('A')]);
  for (let i = 1; i <= 30; i++) m = addClient(m, client(i));
  assert.equal(layout(m, { ...base, minTabWidth: 100 }).tiles[0]!.tabs.length, 10);
  assert.equal(layout(m, { ...base, minTabWidth: 250 }).tiles[0]!.tabs.length, 4);
  assert.equal(layout(m, base).tiles[0]!.tabs.length, 20, 'default: 48 px');
});

test('urgent: a tile with a border knows one of its tabs asks for attention', () => {
  let m = addClient(createModel([monitor('A')]), { ...client(1), urgent: true });
  m = addClient(m, client(2));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(3));
  const out = layout(m, { ...base, borders: { width: 1, smart: false } });
  assert.deepEqual(out.tiles.map((t) => t.urgent), [true, false]);
});

const spacingArb: fc.Arbitrary<Partial<LayoutTheme>> = fc.record({
  gaps: fc.record({ inner: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5000 })), outer: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5000 })), smart: fc.boolean() }),
  borders: fc.record({ width: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3000 })), smart: fc.boolean() }),
  hideSingleTab: fc.boolean(),
  minTabWidth: fc.integer({ min: 1, max: 400 }),
});

/** Between two tiles whose cells share an edge and had room for their gaps: exactly `inner`. */
function checkGaps(out: Layout, theme: Partial<LayoutTheme>): void {
  const g = theme.gaps;
  if (g === undefined) return;
  const lo = Math.floor(g.inner / 2);
  const hi = g.inner - lo;
  for (const m of out.monitors) {
    const mine = out.tiles.filter((t) => t.monitor === m.index);
    if (g.smart && mine.length === 1) continue;
    const a0 = m.area;
    const roomX = (c: Rect): boolean => c.width - 1 >= (c.x <= a0.x ? g.outer : lo) + (c.x + c.width >= a0.x + a0.width ? g.outer : hi);
    const roomY = (c: Rect): boolean => c.height - 1 >= (c.y <= a0.y ? g.outer : lo) + (c.y + c.height >= a0.y + a0.height ? g.outer : hi);
    for (const a of mine) {
      for (const b of mine) {
        const overlapY = a.cell.y < b.cell.y + b.cell.height && b.cell.y < a.cell.y + a.cell.height;
        const overlapX = a.cell.x < b.cell.x + b.cell.width && b.cell.x < a.cell.x + a.cell.width;
        if (a.cell.x + a.cell.width === b.cell.x && overlapY && roomX(a.cell) && roomX(b.cell)) {
          assert.equal(b.rect.x - (a.rect.x + a.rect.width), g.inner, 'horizontal gap');
        }
        if (a.cell.y + a.cell.height === b.cell.y && overlapX && roomY(a.cell) && roomY(b.cell)) {
          assert.equal(b.rect.y - (a.rect.y + a.rect.height), g.inner, 'vertical gap');
        }
      }
      // Outer gaps where there was room.
      if (roomX(a.cell) && a.cell.x === a0.x) assert.equal(a.rect.x - a0.x, g.outer, 'outer gap');
    }
  }
}

test('with any gaps, borders and tab settings the layout is sound after every step', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, spacingArb, (monitors, ops, spacing) => {
      const theme: LayoutTheme = { ...base, ...spacing };
      let state = startState(monitors);
      for (const op of ops) {
        state = applyOp(state, op);
        const out = layout(state.model, theme);
        checkLayout(state.model, out, theme.tabBarHeight, theme);
        checkGaps(out, theme);
      }
    }),
    { numRuns: 150 },
  );
});

const cellArb = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }), width: fc.integer({ min: 1, max: 60 }), height: fc.integer({ min: 1, max: 60 }) });

test('gapRect and borderParts on tiny cells with huge gaps: never below 1 px, never outside', () => {
  fc.assert(
    fc.property(cellArb, fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 100000 }), fc.boolean(), (cell, inner, outer, width, edge) => {
      const area = edge ? cell : { x: cell.x - 1, y: cell.y - 1, width: cell.width + 2, height: cell.height + 2 };
      const r = gapRect(cell, area, inner, outer);
      assert.ok(r.width >= 1 && r.height >= 1 && contains(cell, r), `gapRect ${JSON.stringify(r)} of ${JSON.stringify(cell)}`);
      const { inside, sides } = borderParts(r, width);
      assert.ok(inside.width >= 1 && inside.height >= 1 && contains(r, inside));
      let sum = inside.width * inside.height;
      for (const [i, s] of sides.entries()) {
        assert.ok(s.width >= 1 && s.height >= 1 && contains(r, s) && !intersects(s, inside));
        for (const t of sides.slice(i + 1)) assert.ok(!intersects(s, t), 'sides overlap');
        sum += s.width * s.height;
      }
      assert.equal(sum, r.width * r.height, 'sides and inside cover the tile');
    }),
    { numRuns: 2000 },
  );
});
