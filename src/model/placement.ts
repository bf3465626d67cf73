// Where a new tiled window goes (the `placement` setting). addClient always makes it the
// newest tab of the focused tile; placeNew then moves it, so every policy starts from the
// same safe place and a refusal (no room) leaves it there, a tab: never lost. What becomes
// of a tile when its last window leaves is core/emptied.ts's part.
import { findClient, focusedWorkspace, tilesFocused, updateWorkspace } from './core/queries.js';
import { emptyTile, withTab, withoutTab } from './core/tile.js';
import { tileId } from './core/ids.js';
import { findTile, pathTo, replaceAtPath, shareAlong, splitNode } from './core/tree.js';
import type { Model, NewPlacement, Node, Rect, Split, Tile, WindowId } from './types.js';

/** What placeNew needs to know of the screen: the focused tile's rect (for its longer
 *  side) and the smallest share of the workspace area a tile may get. */
export interface PlaceGeometry {
  readonly tile: Rect;
  /** As tiles.ts's MinShare: fractions of the workspace area's width and height. */
  readonly min: { readonly width: number; readonly height: number };
}

/**
 * Move the new tiled client `id`, just added by addClient, where `how` says, and focus it.
 * Only a shown tab of the focused workspace's focused tile that shares its tile with other
 * tabs moves (a tile that was empty simply keeps it); floats, minimised clients and
 * clients elsewhere are left alone. When the new tile would be smaller than `geometry.min`
 * the window stays a tab where it is.
 */
export function placeNew(model: Model, id: WindowId, how: NewPlacement, geometry: PlaceGeometry): Model {
  if (how === 'tab') return model;
  const at = findClient(model, id);
  const ws = focusedWorkspace(model);
  if (at === null || at.floating || at.workspace !== ws.id || at.tile !== ws.focus) return model;
  const tile = findTile(ws.root, ws.focus);
  if (tile === null || tile.recent[0] !== id || tile.tabs.length < 2) return model;
  const fresh = withTab(emptyTile(tileId(model.nextId)), id);
  const rootWithout = replaceTile(ws.root, withoutTab(tile, id));
  const root = how === 'split'
    ? splitBeside(rootWithout, tile.id, geometry, fresh, model.nextId + 1)
    : stacked(rootWithout, tile.id, geometry, fresh, model.nextId + 1);
  if (root === null) return model;
  const next = updateWorkspace(model, ws.id, (w) => ({ ...tilesFocused(w), root, focus: fresh.id }));
  return { ...next, nextId: model.nextId + 2 };
}

function replaceTile(root: Node, tile: Tile): Node {
  const path = pathTo(root, tile.id);
  return path === null ? root : replaceAtPath(path, tile);
}

/** `fresh` beside tile `id` along the tile's longer side (side by side when square), or null
 *  when the halves would be below the minimum. */
function splitBeside(root: Node, id: Tile['id'], g: PlaceGeometry, fresh: Tile, splitId: number): Node | null {
  const axis: Split['axis'] = g.tile.width >= g.tile.height ? 'row' : 'column';
  const path = pathTo(root, id);
  if (path === null) return null;
  const min = axis === 'row' ? g.min.width : g.min.height;
  if (shareAlong(path, axis) / 2 < min) return null;
  return splitNode(root, id, axis, fresh, tileId(splitId));
}

/**
 * Master and stack: a lone tile becomes the master, with `fresh` as the stack on its right;
 * a row of [master, stack] gets `fresh` at the bottom of the stack, the stack's tiles
 * sharing its height evenly. Any other shape (the user rearranged it) splits as `split` does.
 */
function stacked(root: Node, focus: Tile['id'], g: PlaceGeometry, fresh: Tile, splitId: number): Node | null {
  if (root.kind === 'tile') return 1 / 2 < g.min.width ? null : splitNode(root, root.id, 'row', fresh, tileId(splitId));
  const stack = root.axis === 'row' && root.children.length === 2 ? root.children[1]! : null;
  if (stack === null) return splitBeside(root, focus, g, fresh, splitId);
  if (stack.kind === 'tile') {
    // An empty stack tile (its windows closed) makes way for the new one.
    if (stack.tabs.length === 0) return replaceAtPath([{ split: root, index: 1 }], fresh);
    if (1 / 2 < g.min.height) return null;
    return replaceAtPath([{ split: root, index: 1 }], { kind: 'split', id: tileId(splitId), axis: 'column', children: [stack, fresh], ratios: [0.5, 0.5] });
  }
  if (stack.axis !== 'column' || !stack.children.every((c) => c.kind === 'tile')) return splitBeside(root, focus, g, fresh, splitId);
  const n = stack.children.length + 1;
  if (1 / n < g.min.height) return null;
  const grown: Split = { ...stack, children: [...stack.children, fresh], ratios: Array.from({ length: n }, () => 1 / n) };
  return replaceAtPath([{ split: root, index: 1 }], grown);
}
