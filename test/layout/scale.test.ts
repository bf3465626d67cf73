// Per-monitor scale: a monitor named in monitorScale gets its bar, tab bars, gaps and borders
// that many times larger; the others keep theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createModel } from '../../src/model/index.js';
import { layout, monitorTheme } from '../../src/layout/index.js';
import { monitor } from '../model/support.js';

const theme = { barHeight: 20, tabBarHeight: 18, minTileSize: 40, gaps: { inner: 6, outer: 3, smart: false }, borders: { width: 2, smart: false }, monitorScale: { B: 2 } };

test('scale 2 on one of two monitors: its bar and tab bar twice as high, its gaps and borders twice as wide', () => {
  const m = createModel([monitor('A'), monitor('B', { x: 1000 })]);
  const lay = layout(m, theme);
  assert.deepEqual(lay.monitors.map((x) => x.bar.height), [20, 40]);
  const [a, b] = lay.tiles;
  assert.deepEqual([a!.tabBar.height, b!.tabBar.height], [18, 36]);
  assert.deepEqual([a!.border, b!.border], [2, 4]);
  assert.deepEqual([a!.rect.x - 0, b!.rect.x - 1000], [3, 6], 'the outer gap');
});

test('monitorTheme: scale 1 or none is the theme itself; any scale multiplies every size, rounded', () => {
  assert.equal(monitorTheme(theme, 'A'), theme);
  fc.assert(fc.property(fc.double({ min: 0.5, max: 4, noNaN: true }), (s) => {
    const t = monitorTheme({ ...theme, monitorScale: { X: s } }, 'X');
    assert.equal(t.barHeight, Math.round(20 * s));
    assert.equal(t.tabBarHeight, Math.round(18 * s));
    assert.deepEqual([t.gaps?.inner, t.gaps?.outer, t.borders?.width], [Math.round(6 * s), Math.round(3 * s), Math.round(2 * s)]);
  }));
});
