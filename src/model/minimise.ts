// Minimising (ICCCM's Iconic state): a window is hidden but stays where it was, so the
// user finds it again. A minimised tab stays in its tile's tab bar (marked there) but
// leaves the tile's `recent`, so it is never the shown tab: the tile shows the tab shown
// before it, or nothing when every tab is minimised. A minimised float stays in its
// workspace's floating list, unplaced, and never holds the focus. Focusing a minimised
// client (focusClient and friends, a click on its tab, `tab next`) brings it back.
import { detachFloats, focusClient } from './core/focus.js';
import { findClient, floatingOf, parentOf, updateClient, updateTile, updateWorkspace, workspaceById } from './core/queries.js';
import { hiding } from './core/tile.js';
import type { Model, WindowId } from './types.js';

/** Whether a client is minimised. */
export function isMinimised(model: Model, id: WindowId): boolean {
  return model.clients.get(id)?.minimised === true;
}

/**
 * Minimise a client. A tab: its tile shows the tab shown before it. A float that had its
 * workspace's focus hands it on as a closing one would (its parent, the float below, the
 * tiles). Its fullscreen state is kept for when it comes back. Unknown or already
 * minimised ids: unchanged.
 */
export function minimiseClient(model: Model, id: WindowId): Model {
  const at = findClient(model, id);
  if (!at || isMinimised(model, id)) return model;
  const next = updateClient(model, id, { minimised: true });
  if (!at.floating) return updateWorkspace(next, at.workspace, (ws) => updateTile(ws, at.tile, (t) => hiding(t, id)));
  const ws = workspaceById(next, at.workspace)!;
  if (ws.focusFloating !== id) return next;
  // Detached, the focus moves on as from a closing float; then it goes back to its place
  // in the stacking order.
  const i = floatingOf(ws).indexOf(id);
  const handed = detachFloats(next, at.workspace, [id], parentOf(next, id), false);
  return updateWorkspace(handed, at.workspace, (w) => ({ ...w, floating: floatingOf(w).toSpliced(i, 0, id) }));
}

/** Bring a minimised client back: shown and focused, as focusClient does. Clients that are
 *  not minimised: unchanged. */
export function restoreClient(model: Model, id: WindowId): Model {
  return isMinimised(model, id) ? focusClient(model, id) : model;
}
