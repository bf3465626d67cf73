// Sending a client to another workspace, shared by the workspace and monitor commands
// and by rules and pagers on the X side.
import { detachFloats, focusBack, raised, transientsOf } from './focus.js';
import { findClient, floatingOf, parentOf, updateTile, updateWorkspace, workspaceById } from './queries.js';
import { withTabAs, withoutTab } from './tile.js';
import type { Model, WindowId, WorkspaceId } from '../types.js';

/**
 * Send client `id` (and the floats transient for it) to workspace `target`
 * (a pager's _NET_WM_DESKTOP request, a rule): tiled, it becomes the newest tab
 * of the target's focused tile; floating, it floats there (a minimised one stays
 * minimised). The focus stays on this workspace: if it was on the client, it goes back to
 * the one focused before it.
 */
export function moveClientTo(model: Model, id: WindowId, target: WorkspaceId): Model {
  const at = findClient(model, id);
  if (!at || target === at.workspace || workspaceById(model, target) === null) return model;
  const kids = transientsOf(model, id, floatingOf(workspaceById(model, at.workspace)!));
  let next: Model;
  if (at.floating) next = detachFloats(model, at.workspace, [id, ...kids], parentOf(model, id), false);
  else {
    next = updateWorkspace(model, at.workspace, (w) => updateTile(w, at.tile, (t) => withoutTab(t, id)));
    next = detachFloats(next, at.workspace, kids, null, false);
    next = focusBack(next, workspaceById(model, at.workspace)!, new Set([id, ...kids])) ?? next;
  }
  const arrived = next;
  const minimised = model.clients.get(id)?.minimised === true;
  return updateWorkspace(next, target, (w) => {
    if (at.floating) return raised(arrived, { ...w, floating: [...floatingOf(w), id, ...kids], focusFloating: minimised ? (w.focusFloating ?? null) : id }, id);
    const tiled = updateTile(w, w.focus, (t) => withTabAs(t, id, minimised));
    return kids.length === 0 ? tiled : { ...tiled, floating: [...floatingOf(w), ...kids] };
  });
}
