// Focusing and moving by direction (left, right, up, down) on the focused workspace. The
// tiles' rectangles come from the caller (the layout knows pixels; the model does not).
import { focusTileById, focusTiles } from './core/focus.js';
import { focusedWorkspace, tilesFocused, updateTile, updateWorkspace } from './core/queries.js';
import { shownTab, withTab, withoutTab } from './core/tile.js';
import { findTile } from './core/tree.js';
import type { Model, Rect, TileId } from './types.js';

/** Same words as tiles.ts's Direction (model files import only the core). */
type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The tile beside `from` in `direction`: among the tiles wholly on that side whose span
 * across the direction overlaps `from`'s, the nearest edge wins, then the one most in line
 * with `from`'s centre. Null at the edge of the workspace.
 */
export function tileToward(rects: ReadonlyMap<TileId, Rect>, from: TileId, direction: Direction): TileId | null {
  const r = rects.get(from);
  if (r === undefined) return null;
  const horizontal = direction === 'left' || direction === 'right';
  let best: { id: TileId; gap: number; offset: number } | null = null;
  for (const [id, o] of rects) {
    if (id === from) continue;
    const gap = direction === 'left' ? r.x - (o.x + o.width)
      : direction === 'right' ? o.x - (r.x + r.width)
        : direction === 'up' ? r.y - (o.y + o.height) : o.y - (r.y + r.height);
    if (gap < 0) continue;
    const overlap = horizontal
      ? Math.min(r.y + r.height, o.y + o.height) - Math.max(r.y, o.y)
      : Math.min(r.x + r.width, o.x + o.width) - Math.max(r.x, o.x);
    if (overlap <= 0) continue;
    const offset = horizontal ? Math.abs((o.y + o.height / 2) - (r.y + r.height / 2)) : Math.abs((o.x + o.width / 2) - (r.x + r.width / 2));
    if (best === null || gap < best.gap || (gap === best.gap && offset < best.offset)) best = { id, gap, offset };
  }
  return best?.id ?? null;
}

/** Focus the tile beside the focused one; nothing at the workspace's edge. */
export function focusToward(model: Model, direction: Direction, rects: ReadonlyMap<TileId, Rect>): Model {
  const ws = focusedWorkspace(model);
  const target = tileToward(rects, ws.focus, direction);
  return target === null ? model : focusTileById(model, target);
}

/** Move the focused tile's shown tab to the tile beside it, where it is shown and focused
 *  (as `tab move next` does); nothing at the edge or from an empty tile. */
export function moveTabToward(model: Model, direction: Direction, rects: ReadonlyMap<TileId, Rect>): Model {
  const focused = focusTiles(model);
  const ws = focusedWorkspace(focused);
  const tile = findTile(ws.root, ws.focus);
  const tab = tile === null ? null : shownTab(tile);
  const target = tileToward(rects, ws.focus, direction);
  if (tab === null || target === null) return focused;
  return updateWorkspace(focused, ws.id, (w) => ({
    ...updateTile(updateTile(tilesFocused(w), ws.focus, (t) => withoutTab(t, tab)), target, (t) => withTab(t, tab)),
    focus: target,
  }));
}
