// Sticky floats and the stacking states of floats.
//
// A sticky float belongs to a monitor rather than to a workspace: it still lives in one
// workspace's floating list (so it is never anywhere else than a client can be, and
// serialises like any float), and whenever the monitor that showed that workspace shows
// another one, the float moves over to it (carrySticky, run at the end of every public
// operation). So it shows on whichever workspace its monitor shows. A sticky float on a
// workspace no monitor shows waits there until one does.
import { detachFloats, transientsOf } from './core/focus.js';
import { findClient, floatingOf, updateClient, updateWorkspace, workspaceById } from './core/queries.js';
import type { Model, WindowId, WorkspaceId } from './types.js';

export type How = 'add' | 'remove' | 'toggle';

const flip = (was: boolean, how: How): boolean => (how === 'toggle' ? !was : how === 'add');

/** Set, clear or toggle a client's sticky flag (_NET_WM_STATE_STICKY semantics). */
export function setSticky(model: Model, id: WindowId, how: How): Model {
  const c = model.clients.get(id);
  if (!c) return model;
  const was = c.sticky === true;
  const now = flip(was, how);
  return now === was ? model : updateClient(model, id, { sticky: now });
}

/** Set, clear or toggle _NET_WM_STATE_ABOVE or _BELOW; setting one clears the other. */
export function setLayer(model: Model, id: WindowId, layer: 'above' | 'below', how: How): Model {
  const c = model.clients.get(id);
  if (!c) return model;
  const was = c[layer] === true;
  const now = flip(was, how);
  if (now === was) return model;
  const other = layer === 'above' ? 'below' : 'above';
  return updateClient(model, id, now && c[other] === true ? { [layer]: true, [other]: false } : { [layer]: now });
}

/** Whether a client is a sticky float: the flag, while it floats. */
export function isStickyFloat(model: Model, id: WindowId): boolean {
  return model.clients.get(id)?.sticky === true && findClient(model, id)?.floating === true;
}

/** Move floats (with their transients) to another workspace's top, keeping that
 *  workspace's focus: a sticky float following its monitor takes no keys. */
function carry(model: Model, from: WorkspaceId, ids: readonly WindowId[], to: WorkspaceId): Model {
  const source = workspaceById(model, from);
  if (!source || workspaceById(model, to) === null) return model;
  const moving = [...new Set(ids.flatMap((id) => [id, ...transientsOf(model, id, floatingOf(source))]))];
  const order = floatingOf(source).filter((f) => moving.includes(f));
  const next = detachFloats(model, from, order, null, false);
  return updateWorkspace(next, to, (w) => ({ ...w, floating: [...floatingOf(w), ...order] }));
}

/**
 * `after` with each sticky float that was on a workspace shown by monitor i in `before`
 * moved to the workspace monitor i shows in `after`, if that differs (the monitor is
 * recognised by its index and name; one that is gone keeps its floats where they are).
 * The same model when nothing moves.
 */
export function carrySticky(before: Model, after: Model): Model {
  if (before.monitors === after.monitors) return after;
  const sticky: WindowId[] = [];
  for (const c of after.clients.values()) if (c.sticky === true) sticky.push(c.id);
  if (sticky.length === 0) return after;
  let next = after;
  before.monitors.forEach((b, i) => {
    const a = after.monitors[i];
    if (!a || a.name !== b.name || a.workspace === b.workspace) return;
    const old = workspaceById(before, b.workspace);
    if (!old) return;
    // Where each of them is now (another operation may have moved them, or closed them).
    const bySource = new Map<WorkspaceId, WindowId[]>();
    for (const id of sticky) {
      if (!floatingOf(old).includes(id)) continue;
      const at = findClient(next, id);
      if (!at?.floating || at.workspace === a.workspace) continue;
      // Still shown by a monitor that showed it before: not this monitor's to take.
      if (next.monitors.some((m, j) => j !== i && m.workspace === at.workspace && before.monitors[j]?.workspace === at.workspace)) continue;
      bySource.set(at.workspace, [...(bySource.get(at.workspace) ?? []), id]);
    }
    for (const [from, ids] of bySource) next = carry(next, from, ids, a.workspace);
  });
  return next;
}
