// Read-only questions about a Model, plus the small update helpers every
// operation file shares.
import { findTile, tiles, mapTile } from './tree.js';
import { shownTab } from './tile.js';
import type { Client, Model, Tile, TileId, WindowId, Workspace, WorkspaceId } from '../types.js';

export function workspaceById(model: Model, id: WorkspaceId): Workspace | null {
  return model.workspaces.find((w) => w.id === id) ?? null;
}

export function workspaceIndex(model: Model, id: WorkspaceId): number {
  return model.workspaces.findIndex((w) => w.id === id);
}

/** The workspace shown on the focused monitor (the first workspace if there is no monitor). */
export function focusedWorkspace(model: Model): Workspace {
  const m = model.monitors[model.focusedMonitor];
  return (m && workspaceById(model, m.workspace)) ?? model.workspaces[0]!;
}

export function focusedTile(model: Model): Tile {
  const ws = focusedWorkspace(model);
  return findTile(ws.root, ws.focus)!;
}

/** The focused client of a workspace: its focused float if any, else the shown tab of
 *  its focused tile. */
export function workspaceFocus(ws: Workspace): WindowId | null {
  if (ws.focusFloating != null) return ws.focusFloating;
  const tile = findTile(ws.root, ws.focus);
  return tile ? shownTab(tile) : null;
}

/** The focused client: the focused workspace's focused float, else the shown tab of its
 *  focused tile. */
export function focusedClient(model: Model): WindowId | null {
  return workspaceFocus(focusedWorkspace(model));
}

/** A workspace's floating clients, bottom to top. */
export function floatingOf(ws: Workspace): readonly WindowId[] {
  return ws.floating ?? [];
}

/** Where a client lives: a tab of a tile, or (tile null, floating true) a float. */
export type ClientPlace =
  | { readonly workspace: WorkspaceId; readonly tile: TileId; readonly floating?: false }
  | { readonly workspace: WorkspaceId; readonly tile: null; readonly floating: true };

/** Where a client lives. A scan over all tabs and floats: fine for thousands of clients,
 *  and there is no index to keep consistent. */
export function findClient(model: Model, id: WindowId): ClientPlace | null {
  if (!model.clients.has(id)) return null;
  for (const ws of model.workspaces) {
    if (floatingOf(ws).includes(id)) return { workspace: ws.id, tile: null, floating: true };
    for (const t of tiles(ws.root)) if (t.tabs.includes(id)) return { workspace: ws.id, tile: t.id };
  }
  return null;
}

/** Whether a client floats. */
export function isFloating(model: Model, id: WindowId): boolean {
  return findClient(model, id)?.floating === true;
}

/** The client's transient-for parent, if that is a managed client other than itself. */
export function parentOf(model: Model, id: WindowId): WindowId | null {
  const p = model.clients.get(id)?.transientFor;
  return p != null && p !== id && model.clients.has(p) ? p : null;
}

/** The workspace with its float focus cleared: the focus goes (back) to the tiles. */
export function tilesFocused(ws: Workspace): Workspace {
  return ws.focusFloating == null ? ws : { ...ws, focusFloating: null };
}

/** The workspace holding a client. */
export function workspaceOf(model: Model, id: WindowId): Workspace | null {
  const at = findClient(model, id);
  return at ? workspaceById(model, at.workspace) : null;
}

/** The workspace holding a tile. */
export function workspaceOfTile(model: Model, id: TileId): Workspace | null {
  return model.workspaces.find((w) => findTile(w.root, id) !== null) ?? null;
}

/** Workspaces shown on monitors, in monitor order. */
export function shownWorkspaces(model: Model): Workspace[] {
  return model.monitors.flatMap((m) => workspaceById(model, m.workspace) ?? []);
}

/** Index of the monitor showing a workspace, or -1. */
export function monitorShowing(model: Model, id: WorkspaceId): number {
  return model.monitors.findIndex((m) => m.workspace === id);
}

export function updateWorkspace(model: Model, id: WorkspaceId, f: (w: Workspace) => Workspace): Model {
  return { ...model, workspaces: model.workspaces.map((w) => (w.id === id ? f(w) : w)) };
}

/** A known client with some fields changed (unknown ids: unchanged). */
export function updateClient(model: Model, id: WindowId, patch: Partial<Omit<Client, 'id'>>): Model {
  const old = model.clients.get(id);
  if (!old) return model;
  return { ...model, clients: new Map(model.clients).set(id, withUrgency(model, old, { ...old, ...patch, id })) };
}

/** The order of urgency follows every change of `urgent`, wherever it comes from (hints,
 *  _NET_WM_STATE, a launch elsewhere): a client that becomes urgent is ranked after every
 *  other urgent one; one that stops being urgent loses its rank. */
function withUrgency(model: Model, old: Client, next: Client): Client {
  if (next.urgent === old.urgent) return next;
  if (next.urgent) return { ...next, urgentSince: nextUrgentRank(model) };
  const { urgentSince: _, ...calm } = next;
  return calm;
}

/** The rank a client that becomes urgent now gets: after every urgent client's. */
export function nextUrgentRank(model: Model): number {
  let last = 0;
  for (const c of model.clients.values()) if (c.urgent && c.urgentSince !== undefined && c.urgentSince > last) last = c.urgentSince;
  return last + 1;
}

/** The urgent clients, the one urgent longest first (clients urgent since before the order
 *  was kept, without a stamp, come first, by id). */
export function urgentClients(model: Model): WindowId[] {
  return [...model.clients.values()].filter((c) => c.urgent)
    .sort((a, b) => (a.urgentSince ?? 0) - (b.urgentSince ?? 0) || a.id - b.id).map((c) => c.id);
}

export function updateTile(ws: Workspace, id: TileId, f: (t: Tile) => Tile): Workspace {
  const root = mapTile(ws.root, id, f);
  return root === ws.root ? ws : { ...ws, root };
}

/** Smallest positive integer not used as a workspace name, as a string. */
export function freeWorkspaceName(model: Model): string {
  const used = new Set(model.workspaces.map((w) => w.name));
  let n = 1;
  while (used.has(String(n))) n++;
  return String(n);
}
