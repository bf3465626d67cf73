// Who has the focus, and the float stacking that goes with it. Every operation that
// adds, removes, moves or clicks a client ends in one of these.
//
// A workspace's focus is its focused tile's shown tab, unless `focusFloating` names one
// of its floats. A focused float is raised with its own transients above it, so a
// dialog never hides below its parent.
import { previousFocus } from './history.js';
import { findClient, floatingOf, focusedWorkspace, parentOf, tilesFocused, updateClient, updateTile, updateWorkspace, workspaceById, workspaceFocus, workspaceOfTile } from './queries.js';
import { showing } from './tile.js';
import { showWorkspace } from './workspace.js';
import type { Model, TileId, WindowId, Workspace, WorkspaceId } from '../types.js';

/**
 * The clients among `candidates` whose transient-for chain leads to `root` (not `root`
 * itself), in `candidates` order. Cycles and unknown parents end a chain.
 */
export function transientsOf(model: Model, root: WindowId, candidates: readonly WindowId[]): WindowId[] {
  const found = new Set<WindowId>([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of candidates) {
      if (found.has(c)) continue;
      const p = parentOf(model, c);
      if (p !== null && found.has(p)) {
        found.add(c);
        grew = true;
      }
    }
  }
  return candidates.filter((c) => c !== root && found.has(c));
}

const sameList = (a: readonly WindowId[], b: readonly WindowId[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Raise a float to the top of its workspace, its own transient floats right above it
 *  (in their order), so a dialog never hides below its parent. */
export function raised(model: Model, ws: Workspace, id: WindowId): Workspace {
  const list = floatingOf(ws);
  if (!list.includes(id)) return ws;
  const kids = transientsOf(model, id, list);
  const moving = new Set([id, ...kids]);
  const order = [...list.filter((f) => !moving.has(f)), id, ...kids];
  return sameList(order, list) ? ws : { ...ws, floating: order };
}

/**
 * Give a client the focus of its own workspace without touching monitors: a float becomes
 * the workspace's focusFloating (raised), a tab is shown and its tile focused. A minimised
 * client comes back.
 */
export function focusWithin(model: Model, id: WindowId): Model {
  const at = findClient(model, id);
  if (!at) return model;
  if (model.clients.get(id)?.minimised === true) model = updateClient(model, id, { minimised: false });
  return updateWorkspace(model, at.workspace, (ws) => {
    if (at.floating) return raised(model, ws.focusFloating === id ? ws : { ...ws, focusFloating: id }, id);
    const w = updateTile(ws, at.tile, (t) => showing(t, id));
    return w.focus === at.tile && w.focusFloating == null ? w : { ...w, focus: at.tile, focusFloating: null };
  });
}

/** Show and focus a client: its workspace, and its tile and tab — or, for a float, make
 *  it the workspace's focused float, raised (with its own transients above it). */
export function focusClient(model: Model, id: WindowId): Model {
  const at = findClient(model, id);
  if (!at) return model;
  return showWorkspace(focusWithin(model, id), at.workspace);
}

/** The focused workspace with its float focus cleared (see tilesFocused). */
export function focusTiles(model: Model): Model {
  const ws = focusedWorkspace(model);
  return ws.focusFloating == null ? model : updateWorkspace(model, ws.id, tilesFocused);
}

/** Focus a tile anywhere (a click): its workspace is shown as by showWorkspace, and a
 *  focused float of that workspace loses the focus. */
export function focusTileById(model: Model, id: TileId): Model {
  const ws = workspaceOfTile(model, id);
  if (!ws) return model;
  const next = ws.focus === id && ws.focusFloating == null ? model : updateWorkspace(model, ws.id, (w) => ({ ...tilesFocused(w), focus: id }));
  return showWorkspace(next, ws.id);
}

/**
 * Clients `gone` left workspace `before` (as it was before they left; closed or moved
 * away). If its focus was among them, the focus goes back to the client it focused most
 * recently of those still there. Null when that does not apply or none is left: the
 * caller's own rule decides.
 */
export function focusBack(model: Model, before: Workspace, gone: ReadonlySet<WindowId>): Model | null {
  const f = workspaceFocus(before);
  if (f === null || !gone.has(f)) return null;
  const back = previousFocus(model, before, gone);
  return back === null ? null : focusWithin(model, back);
}

/**
 * Take floats out of a workspace's floating list. If the workspace's focused float is
 * among them, its focus goes back along the workspace's history (focusBack); if nothing
 * there is left, to `parent` if that still lives in this workspace (when `jump`, also if
 * it lives in another one: that one is shown), else to the nearest remaining float below
 * it, else to the tiles. Minimised clients are passed over.
 */
export function detachFloats(model: Model, wsId: WorkspaceId, ids: readonly WindowId[], parent: WindowId | null, jump: boolean): Model {
  const ws = workspaceById(model, wsId);
  if (!ws || ids.length === 0) return model;
  const gone = new Set(ids);
  const list = floatingOf(ws);
  const rest = list.filter((f) => !gone.has(f));
  const focused = ws.focusFloating ?? null;
  const lostFocus = focused !== null && gone.has(focused);
  const next = updateWorkspace(model, wsId, (w) => ({ ...w, floating: rest, focusFloating: lostFocus ? null : (w.focusFloating ?? null) }));
  if (!lostFocus) return next;
  const back = focusBack(next, ws, gone);
  if (back !== null) return back;
  const hidden = (w: WindowId): boolean => next.clients.get(w)?.minimised === true;
  const p = parent !== null && !gone.has(parent) && !hidden(parent) ? findClient(next, parent) : null;
  if (p && parent !== null) {
    if (p.workspace === wsId) return focusWithin(next, parent);
    if (jump) return focusClient(next, parent);
  }
  const i = list.indexOf(focused);
  const below = list.slice(0, Math.max(0, i)).findLast((f) => !gone.has(f) && !hidden(f));
  return below === undefined ? next : focusWithin(next, below);
}
