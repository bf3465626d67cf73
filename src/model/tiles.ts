// Tile operations on the focused workspace: split, kill, focus, resize.
import { refuse } from './core/message.js';
import { focusTiles } from './core/focus.js';
import { focusedWorkspace, tilesFocused, updateWorkspace } from './core/queries.js';
import { emptyTile } from './core/tile.js';
import { tileId } from './core/ids.js';
import { step, type Cycle } from './core/step.js';
import { moveBorder, pathTo, removeTileNode, shareAlong, splitNode, tiles } from './core/tree.js';
import type { Model, Node, Rect, TileId } from './types.js';

/**
 * Smallest tile size as fractions of the workspace's width and height (the caller knows
 * pixels: e.g. 40 px / area width). Splits and resizes never go below it.
 */
export interface MinShare {
  readonly width: number;
  readonly height: number;
}

export const NO_MIN_SHARE: MinShare = { width: 0, height: 0 };

export type SplitHow = 'horizontal' | 'vertical';
export type Direction = 'left' | 'right' | 'up' | 'down';

// Every operation here acts on the tiles: on the focused workspace, a focused float
// loses the focus to the tiles (refusals excepted: they change nothing).

/**
 * Split the focused tile. 'horizontal' draws a horizontal line: the new empty tile goes
 * below (axis 'column'); 'vertical' puts it to the right (axis 'row'). The new tile takes
 * the focus. Refused (message) if the halves would be smaller than `minShare`.
 */
export function splitTile(model: Model, how: SplitHow, minShare: MinShare = NO_MIN_SHARE): Model {
  const ws = focusedWorkspace(model);
  const axis = how === 'horizontal' ? 'column' : 'row';
  const path = pathTo(ws.root, ws.focus);
  if (!path) return model;
  const min = axis === 'row' ? minShare.width : minShare.height;
  if (shareAlong(path, axis) / 2 < min) return refuse(model, 'tile too small to split');
  const fresh = emptyTile(tileId(model.nextId));
  const root = splitNode(ws.root, ws.focus, axis, fresh, tileId(model.nextId + 1));
  const next = updateWorkspace(model, ws.id, (w) => ({ ...tilesFocused(w), root, focus: fresh.id }));
  return { ...next, nextId: model.nextId + 2 };
}

/** Split along the longer side of the focused tile's rectangle (side by side when square). */
export function splitTileAuto(model: Model, rect: Rect, minShare: MinShare = NO_MIN_SHARE): Model {
  return splitTile(model, rect.width >= rect.height ? 'vertical' : 'horizontal', minShare);
}

/**
 * Kill the focused tile. Its tabs are appended to the tile that takes its place: the
 * nearest tile of the next sibling (its first in reading order), or of the previous one
 * (its last) if the killed tile was last; that tile keeps showing what it showed and takes
 * the focus. The freed ratio is shared among the remaining siblings in proportion.
 */
export function killTile(model: Model): Model {
  const ws = focusedWorkspace(model);
  const removed = removeTileNode(ws.root, ws.focus);
  if (!removed) return refuse(model, "can't kill the last tile");
  return updateWorkspace(model, ws.id, (w) => ({ ...tilesFocused(w), root: removed.root, focus: removed.recipient }));
}

/** Focus the next/previous tile in reading order, cyclically. */
export function focusTile(model: Model, which: Cycle): Model {
  const ws = focusedWorkspace(model);
  const all = tiles(ws.root);
  if (all.length < 2) return focusTiles(model);
  const i = all.findIndex((t) => t.id === ws.focus);
  return updateWorkspace(model, ws.id, (w) => ({ ...tilesFocused(w), focus: all[step(i, all.length, which)]!.id }));
}

/**
 * Move a border of the focused tile in `direction` by `step` (a fraction of the split
 * that owns the border). Like herbstluftwm's `resize` and i3's `resize grow <dir>`, the
 * tile's own border on that side moves outwards (the tile grows); at the screen edge the
 * opposite border moves in the same direction instead (the tile shrinks). So 'right'
 * always pushes a vertical border rightwards. Tiles never get below `minShare` nor a
 * ratio <= 0; with nothing to move against, the model is unchanged.
 */
/**
 * i3's `resize grow|shrink width|height`: the focused tile's end border (right, bottom)
 * moves if it has one, else its start border, so the tile grows or shrinks by `step` of
 * the split owning that border (a function of the split's share of the workspace's extent,
 * for pixels).
 */
export function growTile(model: Model, axis: 'row' | 'column', grow: boolean, step: number | ((outerShare: number) => number), minShare: MinShare = NO_MIN_SHARE): Model {
  const ws = focusedWorkspace(model);
  const min = axis === 'row' ? minShare.width : minShare.height;
  const endRoot = moveBorder(ws.root, ws.focus, axis, grow, step, min, 'end');
  const root = endRoot !== ws.root || hasEndBorder(ws.root, ws.focus, axis) ? endRoot : moveBorder(ws.root, ws.focus, axis, !grow, step, min, 'start');
  const focused = focusTiles(model);
  return root === ws.root ? focused : updateWorkspace(focused, ws.id, (w) => ({ ...w, root }));
}

function hasEndBorder(root: Node, id: TileId, axis: 'row' | 'column'): boolean {
  return (pathTo(root, id) ?? []).some((s) => s.split.axis === axis && s.index < s.split.children.length - 1);
}

export function resizeTile(model: Model, direction: Direction, step = 0.05, minShare: MinShare = NO_MIN_SHARE): Model {
  const ws = focusedWorkspace(model);
  const axis = direction === 'left' || direction === 'right' ? 'row' : 'column';
  const towardEnd = direction === 'right' || direction === 'down';
  const min = axis === 'row' ? minShare.width : minShare.height;
  const root = moveBorder(ws.root, ws.focus, axis, towardEnd, step, min);
  const focused = focusTiles(model);
  return root === ws.root ? focused : updateWorkspace(focused, ws.id, (w) => ({ ...w, root }));
}
