// Everything that must hold of any layout of a valid Model.
import assert from 'node:assert/strict';
import { shownTab, tiles } from '../../src/model/index.js';
import type { Model, Rect, WindowId } from '../../src/model/index.js';
import { area, contains, intersects } from '../../src/layout/index.js';
import type { Layout } from '../../src/layout/index.js';

const positive = (r: Rect): boolean => r.width >= 1 && r.height >= 1 && Number.isInteger(r.x + r.y + r.width + r.height);

export function checkLayout(model: Model, out: Layout, tabBarHeight: number): void {
  assert.equal(out.monitors.length, model.monitors.length);
  const shownClients = new Set<WindowId>();
  for (const m of out.monitors) {
    assert.equal(m.workspace, model.monitors[m.index]!.workspace);
    const mine = out.tiles.filter((t) => t.monitor === m.index);
    const ws = model.workspaces.find((x) => x.id === m.workspace)!;
    assert.deepEqual(mine.map((t) => t.tile), tiles(ws.root).map((t) => t.id), 'tiles in reading order');
    // Exact cover: inside the area, pairwise disjoint, areas add up.
    let sum = 0;
    for (const [i, t] of mine.entries()) {
      assert.ok(positive(t.rect), `tile rect ${JSON.stringify(t.rect)}`);
      assert.ok(contains(m.area, t.rect), 'tile outside its monitor area');
      sum += area(t.rect);
      for (const u of mine.slice(i + 1)) assert.ok(!intersects(t.rect, u.rect), 'tiles overlap');
    }
    assert.equal(sum, area(m.area), 'tiles do not cover the area');
    for (const t of mine) {
      const tile = tiles(ws.root).find((x) => x.id === t.tile)!;
      assert.ok(positive(t.tabBar) && contains(t.rect, t.tabBar), 'tab bar outside tile');
      assert.equal(t.tabBar.height, Math.min(tabBarHeight, t.rect.height));
      assert.deepEqual(t.tabs.map((x) => x.client), tile.tabs);
      if (t.tabs.length > 0 && t.tabs.length <= t.tabBar.width) {
        const tabSum = t.tabs.reduce((a, x) => a + area(x.rect), 0);
        assert.equal(tabSum, area(t.tabBar), 'tabs do not cover the tab bar');
        for (const [i, x] of t.tabs.entries()) {
          assert.ok(positive(x.rect) && contains(t.tabBar, x.rect), 'tab outside tab bar');
          const next = t.tabs[i + 1];
          if (next) assert.equal(x.rect.x + x.rect.width, next.rect.x, 'tabs not adjacent');
          assert.ok(Math.abs(x.rect.width - t.tabBar.width / t.tabs.length) < 1, 'tabs not of equal width');
        }
      }
      assert.equal(t.tabs.filter((x) => x.shown).length, t.tabs.length > 0 ? 1 : 0);
      const shown = shownTab(tile);
      if (shown !== null) {
        shownClients.add(shown);
        const r = out.clients.get(shown);
        assert.ok(r && positive(r) && contains(t.rect, r), 'client rect outside its tile');
        if (t.rect.height > t.tabBar.height) assert.ok(!intersects(r, t.tabBar), 'client covers the tab bar');
      }
      assert.equal(t.focused, m.index === model.focusedMonitor && t.tile === ws.focus);
    }
  }
  assert.deepEqual(new Set(out.clients.keys()), shownClients, 'clients map holds more than shown tabs');
  const fm = out.monitors.find((m) => m.index === model.focusedMonitor);
  if (fm) {
    const ws = model.workspaces.find((x) => x.id === fm.workspace)!;
    const focusedTile = tiles(ws.root).find((t) => t.id === ws.focus)!;
    assert.equal(out.focus, shownTab(focusedTile));
  }
}
