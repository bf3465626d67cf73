// Clients entering and leaving.
import { detachFloats, focusBack, raised } from './core/focus.js';
import { findClient, floatingOf, focusedWorkspace, nextUrgentRank, parentOf, tilesFocused, updateClient, updateTile, updateWorkspace, workspaceById } from './core/queries.js';
import { withHiddenTab, withTab, withoutTab } from './core/tile.js';
import type { Client, Model, WindowId } from './types.js';

export interface AddOptions {
  /** Float the client (dialogs, splash, utility, fixed-size windows...). Default: float
   *  iff it is transient for a managed client. */
  readonly floating?: boolean;
}

/**
 * A new client. Known ids are ignored.
 *
 * Where: if `client.transientFor` is a managed client (other than itself), the parent's
 * workspace (the focused monitor does not change). Otherwise the workspace on the focused
 * monitor — or, if `screen` is given and the focused monitor is on another X screen, on
 * the first monitor of that screen, which becomes the focused one.
 *
 * How: tiled, it becomes the newest tab of that workspace's focused tile, shown and
 * focused (a focused float there loses the focus). Floating (`opts.floating`, or by
 * default when transient for a managed client), it goes on top of the workspace's floats
 * and takes the workspace's focus; unless `floatRect` is given it is not pinned: the
 * layout centres it over its parent if that is visible, else in the monitor's area, at its
 * requested size (DEFAULT_FLOAT_SIZE if none). Pin it with moveFloating. A client that
 * starts minimised goes to the same place, hidden, and takes no focus.
 */
export function addClient(model: Model, client: Client, screen?: number, opts?: AddOptions): Model {
  if (model.clients.has(client.id)) return model;
  // A client urgent from the start takes its place in the order of urgency.
  const clients = new Map(model.clients).set(client.id, client.urgent && client.urgentSince === undefined ? { ...client, urgentSince: nextUrgentRank(model) } : client);
  const parent = client.transientFor != null && client.transientFor !== client.id && model.clients.has(client.transientFor)
    ? client.transientFor
    : null;
  const parentWs = parent === null ? null : (findClient(model, parent)?.workspace ?? null);
  const floating = opts?.floating ?? parent !== null;

  let mi = model.focusedMonitor;
  if (parentWs === null) {
    const focused = model.monitors[mi];
    if (screen !== undefined && focused && focused.screen !== screen) {
      const onScreen = model.monitors.findIndex((m) => m.screen === screen);
      if (onScreen >= 0) mi = onScreen;
    }
  }
  const wsId = parentWs ?? model.monitors[mi]?.workspace ?? model.workspaces[0]!.id;
  const withNew: Model = { ...model, clients };
  const next = updateWorkspace(withNew, wsId, (ws) =>
    client.minimised === true
      ? (floating ? { ...ws, floating: [...floatingOf(ws), client.id] } : updateTile(ws, ws.focus, (t) => withHiddenTab(t, client.id)))
      : floating
      ? raised(withNew, { ...ws, floating: [...floatingOf(ws), client.id], focusFloating: client.id }, client.id)
      : tilesFocused(updateTile(ws, ws.focus, (t) => withTab(t, client.id))),
  );
  return { ...next, focusedMonitor: model.monitors.length > 0 ? mi : 0 };
}

/**
 * Forget a client. A tab: its tile shows the tab shown before it. If it had its
 * workspace's focus, the focus goes back to the client of that workspace focused most
 * recently before it (tiled or floating: see Workspace.history). If none is left, a tab's
 * tile keeps the focus, and a float's goes to its transient-for parent if that is managed
 * (another workspace's parent only if this was the focused workspace: it is shown), else
 * to the nearest float below it, else to the tiles. Unknown ids are ignored.
 */
export function removeClient(model: Model, id: WindowId): Model {
  if (!model.clients.has(id)) return model;
  const at = findClient(model, id);
  const parent = parentOf(model, id);
  const clients = new Map(model.clients);
  clients.delete(id);
  const next: Model = { ...model, clients };
  if (!at) return next;
  if (at.floating) return detachFloats(next, at.workspace, [id], parent, focusedWorkspace(model).id === at.workspace);
  const untabbed = updateWorkspace(next, at.workspace, (ws) => updateTile(ws, at.tile, (t) => withoutTab(t, id)));
  return focusBack(untabbed, workspaceById(model, at.workspace)!, new Set([id])) ?? untabbed;
}

/** Set, clear or toggle a client's modal state (_NET_WM_STATE_MODAL). Whether it floats
 *  does not change; while it is modal its parent cannot hold the focus (settleFocus). */
export function setModal(model: Model, id: WindowId, how: 'add' | 'remove' | 'toggle'): Model {
  const c = model.clients.get(id);
  if (!c) return model;
  const was = c.modal === true;
  const now = how === 'toggle' ? !was : how === 'add';
  return now === was ? model : updateClient(model, id, { modal: now });
}
