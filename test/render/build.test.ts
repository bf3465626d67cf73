// The scene's tab bars: every tab while they fit, else the ones around the shown tab with
// the others counted at the ends; a click on a cell names the tab's place in the tile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, showTabAt, tiles, focusedWorkspace, splitTile, updateClient } from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { layout, MIN_TAB_WIDTH } from '../../src/layout/index.js';
import { buildScene } from '../../src/render/build.js';
import { keyOf, tagOf } from './tags.js';
import { fallbackConfig } from '../../src/config/defaults.js';
import { client, monitor } from '../model/support.js';

const theme = { barHeight: 20, tabBarHeight: 18 };
const look = { colors: fallbackConfig().colors, charWidth: 7 };

function tabStrip(m: Model) {
  const scene = buildScene(layout(m, theme), [[]], look);
  return scene.strips.find((s) => keyOf(s).startsWith('tabs:'))!;
}

function withTabs(n: number): Model {
  let m = createModel([monitor('A')]);
  for (let i = 1; i <= n; i++) m = addClient(m, client(i, `t${i}`));
  return m;
}

test('a few tabs: all of them, in order, named as they are', () => {
  const s = tabStrip(withTabs(3));
  assert.deepEqual(s.cells.map((c) => [c.text, tagOf(c)]), [['t1', 'tab:0'], ['t2', 'tab:1'], ['t3', 'tab:2']]);
  assert.equal(s.name, 't1 | t2 | [t3]');
});

test('500 tabs: as many as fit around the shown one, the rest counted at both ends', () => {
  const fit = Math.floor(1000 / MIN_TAB_WIDTH);
  let m = withTabs(500);
  const tile = tiles(focusedWorkspace(m).root)[0]!.id;
  m = showTabAt(m, tile, 250);
  const s = tabStrip(m);
  assert.equal(s.cells.length, fit);
  const first = 250 - Math.floor(fit / 2);
  assert.deepEqual(s.cells.map((c) => tagOf(c)), Array.from({ length: fit }, (_, i) => `tab:${first + i}`));
  assert.equal(s.cells[0]!.text, `<${first} t${first + 1}`);
  assert.equal(s.cells[fit - 1]!.text, `${500 - first - fit}> t${first + fit}`);
  const names = s.name!.split(' | ');
  assert.equal(names[0], `<${first}`);
  assert.equal(names[names.length - 1], `${500 - first - fit}>`);
  assert.ok(names.includes('[t251]'), 'the shown tab, bracketed');
  // At the start, nothing is counted before it.
  const start = tabStrip(showTabAt(m, tile, 0));
  assert.equal(start.cells[0]!.text, 't1');
  assert.match(start.name!, /^\[t1\] \| /);
});

test('borders: four strips per tile in the focused, unfocused or urgent colour; a hidden tab bar has no strip', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  const c = look.colors;
  const spaced = { ...theme, borders: { width: 2, smart: false }, hideSingleTab: true };
  const borders = (model: Model): Map<string, number> => new Map(buildScene(layout(model, spaced), [[]], look).strips
    .filter((s) => s.target.kind === 'border').map((s) => [keyOf(s), s.bg]));
  const focusedTile = focusedWorkspace(m).focus;
  const other = tiles(focusedWorkspace(m).root).find((t) => t.id !== focusedTile)!.id;
  const got = borders(m);
  assert.equal(got.size, 8);
  for (let side = 0; side < 4; side++) {
    assert.equal(got.get(`border:${focusedTile}:${side}`), c.borderFocused);
    assert.equal(got.get(`border:${other}:${side}`), c.borderUnfocused);
  }
  const urgent = borders(updateClient(m, client(1).id, { urgent: true }));
  assert.equal(urgent.get(`border:${other}:0`), c.borderUrgent);
  const scene = buildScene(layout(m, spaced), [[]], look);
  assert.equal(scene.strips.filter((s) => s.target.kind === 'tabs').length, 0, 'no tab bar strips');
  assert.equal(buildScene(layout(m, theme), [[]], look).strips.filter((s) => s.target.kind === 'border').length, 0, 'no borders by default');
});

test('monitors.scale: strips on a scaled monitor carry its scale, and its bar is measured at it', () => {
  const m = createModel([monitor('A'), monitor('B', { x: 1000 })]);
  const scaled = { ...look, scaleOf: (name: string) => (name === 'B' ? 2 : 1), measure: (t: string, scale: number) => [...t].length * 7 * scale };
  const clock = { kind: 'clock', text: '12:00' } as const;
  const scene = buildScene(layout(m, theme), [[clock], [clock]], scaled);
  const bars = scene.strips.filter((s) => s.target.kind === 'bar');
  const tabs = scene.strips.filter((s) => s.target.kind === 'tabs');
  assert.deepEqual(bars.map((s) => s.scale), [undefined, 2]);
  assert.deepEqual(tabs.map((s) => s.scale), [undefined, 2]);
  const width = (i: number): number => bars[i]!.cells.find((c) => c.target?.kind === 'clock')!.width;
  assert.equal(width(1) - 8, 2 * (width(0) - 8), 'the clock cell as wide as its text at that scale, plus the padding');
});
