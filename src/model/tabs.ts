// Tab operations: cycling, clicking, moving a tab to another tile.
import { focusTileById, focusTiles } from './core/focus.js';
import { focusedWorkspace, tilesFocused, updateClient, updateTile, updateWorkspace, workspaceOfTile } from './core/queries.js';
import { showing, shownTab, withTab, withoutTab } from './core/tile.js';
import { findTile, tiles } from './core/tree.js';
import type { Model, TileId, WindowId, WorkspaceId } from './types.js';
import { step, type Cycle } from './core/step.js';

// Like the tile operations, these act on the tiles: a focused float of the workspace
// loses the focus to them.

/** A tab shown by picking it: a minimised one comes back. */
function picked(model: Model, ws: WorkspaceId, tile: TileId, tab: WindowId): Model {
  const next = updateWorkspace(model, ws, (w) => updateTile(w, tile, (t) => showing(t, tab)));
  return next.clients.get(tab)?.minimised === true ? updateClient(next, tab, { minimised: false }) : next;
}

/** Show the next/previous tab (bar order, cyclic) of the focused tile, minimised ones
 *  included (they come back). A tile showing none (all minimised) starts at its ends. */
export function showTab(model: Model, which: Cycle): Model {
  const focused = focusTiles(model);
  const ws = focusedWorkspace(focused);
  const tile = findTile(ws.root, ws.focus);
  if (!tile || tile.tabs.length === 0) return focused;
  const shown = shownTab(tile);
  if (shown !== null && tile.tabs.length < 2) return focused;
  const tab = shown === null
    ? tile.tabs[which === 'next' ? 0 : tile.tabs.length - 1]!
    : tile.tabs[step(tile.tabs.indexOf(shown), tile.tabs.length, which)]!;
  return picked(focused, ws.id, tile.id, tab);
}

/** A click on tab `index` of a tile: focus the tile and show that tab (if it exists). */
export function showTabAt(model: Model, id: TileId, index: number): Model {
  const focused = focusTileById(model, id);
  const ws = workspaceOfTile(focused, id);
  const tab = ws ? findTile(ws.root, id)?.tabs[index] : undefined;
  if (!ws || tab === undefined) return focused;
  return picked(focused, ws.id, id, tab);
}

/**
 * Move the focused tile's shown tab to the next/previous tile in reading order (cyclic),
 * where it becomes the newest tab, shown; the focus follows it. The old tile shows its
 * previously shown tab. No-op with one tile or an empty tile.
 */
export function moveTab(model: Model, which: Cycle): Model {
  const focused = focusTiles(model);
  const ws = focusedWorkspace(focused);
  const all = tiles(ws.root);
  const i = all.findIndex((t) => t.id === ws.focus);
  const tab = shownTab(all[i]!);
  if (all.length < 2 || tab === null) return focused;
  const target = all[step(i, all.length, which)]!;
  return updateWorkspace(focused, ws.id, (w) => ({
    ...updateTile(updateTile(tilesFocused(w), ws.focus, (t) => withoutTab(t, tab)), target.id, (t) => withTab(t, tab)),
    focus: target.id,
  }));
}
