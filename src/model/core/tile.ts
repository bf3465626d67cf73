// Tab bookkeeping on a single Tile. `tabs` is bar order, `recent` is
// most-recently-shown first, so recent[0] is the shown tab.
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

/** Show a tab that the tile already holds. */
export function showing(tile: Tile, id: WindowId): Tile {
  if (tile.recent[0] === id || !tile.tabs.includes(id)) return tile;
  return { ...tile, recent: [id, ...tile.recent.filter((t) => t !== id)] };
}

/** Append several windows as tabs in the given order, keeping the shown tab (if any). */
export function withTabsAppended(tile: Tile, ids: readonly WindowId[]): Tile {
  if (ids.length === 0) return tile;
  return { ...tile, tabs: [...tile.tabs, ...ids], recent: [...tile.recent, ...ids] };
}
