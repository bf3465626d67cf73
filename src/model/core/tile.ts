// Tab bookkeeping on a single Tile. `tabs` is bar order, `recent` is the tabs that are
// not minimised, most-recently-shown first, so recent[0] is the shown tab.
import type { Tile, TileId, WindowId } from '../types.js';

export function emptyTile(id: TileId): Tile {
  return { kind: 'tile', id, tabs: [], recent: [] };
}

export function shownTab(tile: Tile): WindowId | null {
  return tile.recent[0] ?? null;
}

/** Append as the newest tab and show it. */
export function withTab(tile: Tile, id: WindowId): Tile {
  return { ...tile, tabs: [...tile.tabs, id], recent: [id, ...tile.recent] };
}

/** Drop a tab; the previously shown tab (next in `recent`) becomes shown. */
export function withoutTab(tile: Tile, id: WindowId): Tile {
  if (!tile.tabs.includes(id)) return tile;
  return { ...tile, tabs: tile.tabs.filter((t) => t !== id), recent: tile.recent.filter((t) => t !== id) };
}

/** Append a minimised tab: in the bar, not shown. */
export function withHiddenTab(tile: Tile, id: WindowId): Tile {
  return { ...tile, tabs: [...tile.tabs, id] };
}

/** Minimise a tab: it leaves `recent`, so the tab shown before it is shown again. */
export function hiding(tile: Tile, id: WindowId): Tile {
  if (!tile.recent.includes(id)) return tile;
  return { ...tile, recent: tile.recent.filter((t) => t !== id) };
}

/** Show a tab that the tile already holds (a minimised one comes back into `recent`). */
export function showing(tile: Tile, id: WindowId): Tile {
  if (tile.recent[0] === id || !tile.tabs.includes(id)) return tile;
  return { ...tile, recent: [id, ...tile.recent.filter((t) => t !== id)] };
}

/** Append several windows as tabs in the given order, keeping the shown tab (if any);
 *  those `minimised` says are stay out of `recent`. */
export function withTabsAppended(tile: Tile, ids: readonly WindowId[], minimised: (id: WindowId) => boolean): Tile {
  if (ids.length === 0) return tile;
  return { ...tile, tabs: [...tile.tabs, ...ids], recent: [...tile.recent, ...ids.filter((id) => !minimised(id))] };
}

/** Append a window as the newest tab: shown, unless it is minimised. */
export function withTabAs(tile: Tile, id: WindowId, minimised: boolean | undefined): Tile {
  return minimised === true ? withHiddenTab(tile, id) : withTab(tile, id);
}
