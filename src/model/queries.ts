// Read-only questions about a Model, plus the small update helpers every
// operation file shares.
import { findTile, tiles, mapTile } from './tree.js';
import { shownTab } from './tile.js';
import type { Model, Tile, TileId, WindowId, Workspace, WorkspaceId } from './types.js';

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

/** The shown tab of the focused tile of the focused workspace. */
export function focusedClient(model: Model): WindowId | null {
  return shownTab(focusedTile(model));
}

/** Where a client lives. A scan over all tabs: fine for thousands of clients, and there
 *  is no index to keep consistent. */
export function findClient(model: Model, id: WindowId): { workspace: WorkspaceId; tile: TileId } | null {
  if (!model.clients.has(id)) return null;
  for (const ws of model.workspaces) {
    for (const t of tiles(ws.root)) if (t.tabs.includes(id)) return { workspace: ws.id, tile: t.id };
  }
  return null;
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
