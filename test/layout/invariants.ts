// Everything that must hold of any layout of a valid Model.
import assert from 'node:assert/strict';
import { parentOf, shownTab, tiles, usableRect } from '../../src/model/index.js';
import type { Model, Rect, WindowId } from '../../src/model/index.js';
import { area, contains, intersects, sameRect, MIN_TAB_WIDTH } from '../../src/layout/index.js';
import type { Layout, LayoutTheme } from '../../src/layout/index.js';

const positive = (r: Rect): boolean => r.width >= 1 && r.height >= 1 && Number.isInteger(r.x + r.y + r.width + r.height);

/** `theme` gives the spacing and tab settings the layout was made with (gaps, borders,
 *  hidden single tab bars, the minimum tab width); absent: none of them. */
export function checkLayout(model: Model, out: Layout, tabBarHeight: number, theme: Partial<LayoutTheme> = {}): void {
  const minTab = theme.minTabWidth ?? MIN_TAB_WIDTH;
  assert.equal(out.monitors.length, model.monitors.length);
  const shownClients = new Set<WindowId>();
  const tiledShown = new Set<WindowId>();
  const fullscreen = new Map(out.fullscreen.map((f) => [f.client, f]));
  const floating = new Map(out.floating.map((f) => [f.client, f]));
  assert.equal(fullscreen.size, out.fullscreen.length, 'a client listed twice as fullscreen');
  assert.equal(floating.size, out.floating.length, 'a client listed twice as floating');
  for (const m of out.monitors) {
    const monitor = model.monitors[m.index]!;
    assert.equal(m.workspace, monitor.workspace);
    // The bar and the area lie in what docks leave of the monitor; the area is not empty.
    const usable = usableRect(monitor);
    assert.ok(contains(monitor.rect, usable), 'usable rect outside the monitor');
    assert.ok(positive(m.area) && contains(usable, m.area), `area ${JSON.stringify(m.area)} outside the usable rect`);
    assert.ok(m.bar.height === 0 || contains(usable, m.bar), 'bar outside the usable rect');
    const mine = out.tiles.filter((t) => t.monitor === m.index);
    const ws = model.workspaces.find((x) => x.id === m.workspace)!;
    assert.deepEqual(mine.map((t) => t.tile), tiles(ws.root).map((t) => t.id), 'tiles in reading order');
    // Cells: an exact cover of the area (inside it, pairwise disjoint, areas add up).
    // A tile's rect lies in its cell (the cell itself without gaps).
    let sum = 0;
    const gapless = theme.gaps === undefined || (theme.gaps.inner === 0 && theme.gaps.outer === 0) || (theme.gaps.smart && mine.length === 1);
    for (const [i, t] of mine.entries()) {
      assert.ok(positive(t.cell), `tile cell ${JSON.stringify(t.cell)}`);
      assert.ok(contains(m.area, t.cell), 'tile outside its monitor area');
      sum += area(t.cell);
      for (const u of mine.slice(i + 1)) assert.ok(!intersects(t.cell, u.cell), 'tiles overlap');
      assert.ok(positive(t.rect) && contains(t.cell, t.rect), `tile rect ${JSON.stringify(t.rect)} outside its cell`);
      if (gapless) assert.deepEqual(t.rect, t.cell, 'a gap without gaps');
      // The border: its sides inside the rect, not overlapping the tab bar or the client.
      const noBorder = theme.borders === undefined || theme.borders.width === 0 || (theme.borders.smart && mine.length === 1);
      if (noBorder) assert.deepEqual([t.border, t.borderRects.length], [0, 0], 'a border without borders');
      for (const side of t.borderRects) {
        assert.ok(positive(side) && contains(t.rect, side), 'border side outside the tile');
        if (t.tabBar.height > 0) assert.ok(!intersects(side, t.tabBar), 'border over the tab bar');
      }
    }
    assert.equal(sum, area(m.area), 'tiles do not cover the area');
    const floatFocused = ws.focusFloating != null;
    for (const t of mine) {
      const tile = tiles(ws.root).find((x) => x.id === t.tile)!;
      const hidden = theme.hideSingleTab === true && tile.tabs.length === 1 && shownTab(tile) !== null;
      assert.ok((hidden ? t.tabBar.width >= 1 : positive(t.tabBar)) && contains(t.rect, t.tabBar), 'tab bar outside tile');
      const inside = t.rect.height - 2 * (t.borderRects.find((b) => b.width === t.rect.width)?.height ?? 0);
      assert.equal(t.tabBar.height, hidden ? 0 : Math.min(tabBarHeight, inside));
      // As many tabs as fit at the minimum tab width, a run of the tile's own holding its shown one.
      assert.equal(t.tabCount, tile.tabs.length);
      assert.equal(t.tabs.length, Math.min(tile.tabs.length, Math.max(1, Math.floor(t.tabBar.width / minTab))));
      assert.deepEqual(t.tabs.map((x) => x.client), tile.tabs.slice(t.firstTab, t.firstTab + t.tabs.length));
      if (shownTab(tile) !== null) assert.ok(t.tabs.some((x) => x.client === shownTab(tile)), 'the shown tab is in the tab bar');
      if (t.tabs.length > 0 && t.tabs.length <= t.tabBar.width && !hidden) {
        const tabSum = t.tabs.reduce((a, x) => a + area(x.rect), 0);
        assert.equal(tabSum, area(t.tabBar), 'tabs do not cover the tab bar');
        for (const [i, x] of t.tabs.entries()) {
          assert.ok(positive(x.rect) && contains(t.tabBar, x.rect), 'tab outside tab bar');
          const next = t.tabs[i + 1];
          if (next) assert.equal(x.rect.x + x.rect.width, next.rect.x, 'tabs not adjacent');
          assert.ok(Math.abs(x.rect.width - t.tabBar.width / t.tabs.length) < 1, 'tabs not of equal width');
        }
      }
      assert.equal(t.tabs.filter((x) => x.shown).length, shownTab(tile) !== null ? 1 : 0);
      for (const x of t.tabs) {
        const min = model.clients.get(x.client)?.minimised === true;
        assert.equal(x.minimised, min, `tab ${x.client} marked minimised wrongly`);
        assert.ok(!(min && x.shown), `minimised tab ${x.client} shown`);
      }
      const shown = shownTab(tile);
      if (shown !== null) {
        shownClients.add(shown);
        const r = out.clients.get(shown);
        assert.ok(r && positive(r), 'shown tab without a rect');
        if (model.clients.get(shown)!.fullscreen) {
          assert.deepEqual(r, monitor.rect, 'fullscreen tab does not cover its monitor');
          assert.equal(fullscreen.get(shown)?.monitor, m.index, 'fullscreen tab not listed');
        } else {
          tiledShown.add(shown);
          assert.ok(contains(t.rect, r), 'client rect outside its tile');
          if (inside > t.tabBar.height && t.tabBar.height > 0) assert.ok(!intersects(r, t.tabBar), 'client covers the tab bar');
          for (const side of t.borderRects) assert.ok(!intersects(r, side), 'client under the border');
        }
      }
      assert.equal(t.focused, m.index === model.focusedMonitor && t.tile === ws.focus && !floatFocused);
    }
    for (const f of ws.floating ?? []) {
      if (model.clients.get(f)?.minimised === true) {
        assert.ok(!out.clients.has(f), `minimised float ${f} placed`);
        continue;
      }
      shownClients.add(f);
      const r = out.clients.get(f);
      assert.ok(r && positive(r), `float ${f} without a rect`);
      if (model.clients.get(f)!.fullscreen) {
        assert.deepEqual(r, monitor.rect, 'fullscreen float does not cover its monitor');
        assert.equal(fullscreen.get(f)?.monitor, m.index, 'fullscreen float not listed');
        assert.ok(!floating.has(f), 'fullscreen float listed as floating');
      } else {
        const placed = floating.get(f);
        assert.ok(placed && placed.monitor === m.index && sameRect(placed.rect, r), `float ${f} not listed`);
        assert.ok(intersects(r, monitor.rect), `float ${f} ${JSON.stringify(r)} off its monitor ${JSON.stringify(monitor.rect)}`);
        assert.ok(r.width <= m.area.width && r.height <= m.area.height, `float ${f} larger than the area`);
        // Maximised along an axis: inside the area along it (its hints may keep it smaller).
        const c = model.clients.get(f)!;
        if (c.maximisedHorz === true) assert.ok(r.x >= m.area.x && r.x + r.width <= m.area.x + m.area.width, `maximised float ${f} leaves the area`);
        if (c.maximisedVert === true) assert.ok(r.y >= m.area.y && r.y + r.height <= m.area.y + m.area.height, `maximised float ${f} leaves the area`);
      }
    }
  }
  assert.deepEqual(new Set(out.clients.keys()), shownClients, 'clients map holds more than visible clients');
  assert.equal(out.floating.length + out.fullscreen.length + tiledShown.size, shownClients.size, 'placements do not add up');

  // Stacking: every visible client exactly once; tiled ones at the bottom; fullscreen
  // ones above every float that is not transient for a fullscreen client.
  assert.equal(new Set(out.stacking).size, out.stacking.length, 'a client stacked twice');
  assert.deepEqual(new Set(out.stacking), shownClients, 'stacking differs from the visible clients');
  const at = (id: WindowId): number => out.stacking.indexOf(id);
  const lowestAbove = Math.min(...[...out.floating.map((f) => f.client), ...fullscreen.keys()].map(at));
  for (const id of tiledShown) assert.ok(at(id) < lowestAbove, `tiled ${id} stacked above a float`);
  const underFullscreen = (id: WindowId): boolean => {
    const seen = new Set<WindowId>([id]);
    for (let p = parentOf(model, id); p !== null && !seen.has(p); p = parentOf(model, p)) {
      if (fullscreen.has(p)) return true;
      seen.add(p);
    }
    return false;
  };
  for (const f of out.floating) {
    if (underFullscreen(f.client)) continue;
    for (const fs of fullscreen.keys()) assert.ok(at(f.client) < at(fs), `float ${f.client} above fullscreen ${fs}`);
  }

  const fm = out.monitors.find((m) => m.index === model.focusedMonitor);
  if (fm) {
    const ws = model.workspaces.find((x) => x.id === fm.workspace)!;
    const focusedTile = tiles(ws.root).find((t) => t.id === ws.focus)!;
    assert.equal(out.focus, ws.focusFloating ?? shownTab(focusedTile));
  }
}
