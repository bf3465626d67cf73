// A window of a program Fion started lands where the program was started from: the
// workspace and tile focused then. If the user has moved to another workspace since, it
// does not take the focus there: its workspace is marked urgent (the client is), which
// the bar shows and `focus urgent` jumps to.
import { focusClient } from './core/focus.js';
import { moveClientTo } from './core/move.js';
import { findClient, focusedWorkspace, updateClient, updateTile, updateWorkspace, workspaceById } from './core/queries.js';
import { withTabAs, withoutTab } from './core/tile.js';
import { findTile } from './core/tree.js';
import type { Model, TileId, WindowId, WorkspaceId } from './types.js';

/**
 * Put the new client `id` in tile `tile` of workspace `ws` (that workspace's focused tile if
 * the tile is gone; a float floats on `ws`). On the focused workspace it is focused as any
 * new window; elsewhere it is marked urgent and the focus stays where the user is.
 * A workspace that is gone: unchanged.
 */
export function placeLaunched(model: Model, id: WindowId, ws: WorkspaceId, tile: TileId): Model {
  const there = workspaceById(model, ws);
  const at = findClient(model, id);
  if (there === null || at === null) return model;
  const here = focusedWorkspace(model).id === ws;
  const target = findTile(there.root, tile) !== null ? tile : there.focus;
  let next = model;
  if (at.floating) {
    next = moveClientTo(model, id, ws);
  } else if (at.workspace === ws) {
    if (at.tile === target) return model;
    const minimised = model.clients.get(id)?.minimised;
    next = updateWorkspace(model, ws, (w) => updateTile(updateTile(w, at.tile, (t) => withoutTab(t, id)), target, (t) => withTabAs(t, id, minimised)));
    if (here) next = focusClient(next, id);
  } else {
    // moveClientTo puts a tab in the target's focused tile: that tile, for the move only.
    next = updateWorkspace(model, ws, (w) => ({ ...w, focus: target }));
    next = moveClientTo(next, id, ws);
    next = updateWorkspace(next, ws, (w) => ({ ...w, focus: there.focus }));
  }
  return here ? next : updateClient(next, id, { urgent: true });
}
