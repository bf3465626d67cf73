// What the mouse does to tiles: a tiled window dropped onto another tile, a border between
// tiles dragged. (Floats dragged by the mouse go through moveFloating.)
import { focusBack, focusClient } from './core/focus.js';
import { findClient, updateTile, updateWorkspace, workspaceById, workspaceOfTile } from './core/queries.js';
import { withTab, withoutTab } from './core/tile.js';
import { MIN_RATIO, pathTo, replaceAtPath, shareAlong, smallestTileShare } from './core/tree.js';
import type { Model, Split, TileId, WindowId } from './types.js';

/**
 * Tiled client `id` dropped on tile `target` (of any workspace a monitor shows): it leaves
 * its tile (which shows its previous tab) and becomes the newest tab of `target`, shown
 * and focused. Dropped on its own tile, on no tile, or floating: unchanged.
 */
export function dropOnTile(model: Model, id: WindowId, target: TileId): Model {
  const at = findClient(model, id);
  const dest = workspaceOfTile(model, target);
  if (!at || at.floating || at.tile === target || !dest) return model;
  const source = workspaceById(model, at.workspace)!;
  let next = updateWorkspace(model, at.workspace, (w) => updateTile(w, at.tile, (t) => withoutTab(t, id)));
  if (dest.id !== at.workspace) next = focusBack(next, source, new Set([id])) ?? next;
  next = updateWorkspace(next, dest.id, (w) => updateTile(w, target, (t) => withTab(t, id)));
  return focusClient(next, id);
}

/**
 * Put the border between children `index` and `index + 1` of split `splitId` at `fraction`
 * of the split (0: its left/top edge, 1: its right/bottom edge). Only those two children
 * change; neither gets below `minShare` (of its workspace's area) nor below MIN_RATIO.
 * Unknown split or index, or a fraction that is not a number: unchanged.
 */
export function setBorder(model: Model, splitId: TileId, index: number, fraction: number, minShare: { readonly width: number; readonly height: number }): Model {
  if (!Number.isFinite(fraction)) return model;
  for (const ws of model.workspaces) {
    const path = pathTo(ws.root, splitId);
    if (path === null) continue;
    const last = path[path.length - 1];
    const node = last === undefined ? ws.root : last.split.children[last.index]!;
    if (node.kind !== 'split' || index < 0 || index + 1 >= node.children.length) return model;
    const split: Split = node;
    const before = split.ratios.slice(0, index).reduce((a, b) => a + b, 0);
    const pair = split.ratios[index]! + split.ratios[index + 1]!;
    const outer = shareAlong(path, split.axis);
    const min = split.axis === 'row' ? minShare.width : minShare.height;
    const floor = (i: number): number => Math.max(MIN_RATIO, min / (outer * smallestTileShare(split.children[i]!, split.axis)));
    const lo = floor(index);
    const hi = pair - floor(index + 1);
    if (lo > hi) return model;
    const a = Math.min(Math.max(fraction - before, lo), hi);
    if (Math.abs(a - split.ratios[index]!) < 1e-9) return model;
    const ratios = split.ratios.with(index, a).with(index + 1, pair - a);
    const root = replaceAtPath(path, { ...split, ratios });
    return updateWorkspace(model, ws.id, (w) => ({ ...w, root }));
  }
  return model;
}
