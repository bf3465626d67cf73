// Clients entering, leaving, changing and taking the focus.
import { showWorkspace } from './monitors.js';
import { findClient, updateTile, updateWorkspace, workspaceById } from './queries.js';
import { showing, withTab, withoutTab } from './tile.js';
import type { Client, Model, WindowId } from './types.js';

/**
 * A new client becomes the newest tab of the focused tile of the workspace on the focused
 * monitor — or, if `screen` is given and the focused monitor is on another X screen, of the
 * first monitor on that screen — shown and focused. Known ids are ignored.
 */
export function addClient(model: Model, client: Client, screen?: number): Model {
  if (model.clients.has(client.id)) return model;
  let mi = model.focusedMonitor;
  const focused = model.monitors[mi];
  if (screen !== undefined && focused && focused.screen !== screen) {
    const onScreen = model.monitors.findIndex((m) => m.screen === screen);
    if (onScreen >= 0) mi = onScreen;
  }
  const wsId = model.monitors[mi]?.workspace ?? model.workspaces[0]!.id;
  const clients = new Map(model.clients).set(client.id, client);
  const next = updateWorkspace(model, wsId, (ws) => updateTile(ws, ws.focus, (t) => withTab(t, client.id)));
  return { ...next, clients, focusedMonitor: model.monitors.length > 0 ? mi : 0 };
}

/** Forget a client; its tile shows the tab shown before it. Unknown ids are ignored. */
export function removeClient(model: Model, id: WindowId): Model {
  if (!model.clients.has(id)) return model;
  const at = findClient(model, id);
  const clients = new Map(model.clients);
  clients.delete(id);
  const next = at ? updateWorkspace(model, at.workspace, (ws) => updateTile(ws, at.tile, (t) => withoutTab(t, id))) : model;
  return { ...next, clients };
}

export function updateClient(model: Model, id: WindowId, patch: Partial<Omit<Client, 'id'>>): Model {
  const old = model.clients.get(id);
  if (!old) return model;
  return { ...model, clients: new Map(model.clients).set(id, { ...old, ...patch, id }) };
}

/** Show and focus a client: its workspace, its tile, its tab. */
export function focusClient(model: Model, id: WindowId): Model {
  const at = findClient(model, id);
  if (!at || !workspaceById(model, at.workspace)) return model;
  const next = updateWorkspace(model, at.workspace, (ws) => ({
    ...updateTile(ws, at.tile, (t) => showing(t, id)),
    focus: at.tile,
  }));
  return showWorkspace(next, at.workspace);
}
