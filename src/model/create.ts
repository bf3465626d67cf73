// Building a fresh Model and fresh workspaces.
import { emptyTile } from './core/tile.js';
import { tileId, workspaceId } from './core/ids.js';
import type { Model, Monitor, Rect, Workspace } from './types.js';

/** A monitor as the X side reports it, before it shows a workspace. */
export interface MonitorInfo {
  readonly name: string;
  readonly screen: number;
  readonly rect: Rect;
}

/** A workspace with one empty tile; uses two ids starting at `nextId`. */
export function newWorkspace(nextId: number, name: string): { workspace: Workspace; nextId: number } {
  const tile = emptyTile(tileId(nextId + 1));
  return { workspace: { id: workspaceId(nextId), name, root: tile, focus: tile.id }, nextId: nextId + 2 };
}

/**
 * One workspace per monitor (at least one), each a single empty tile; monitor i shows
 * workspace i. Workspace i is named `workspaceNames[i]` if given, else its number (names
 * stay unique: a taken one falls back to the smallest free number).
 */
export function createModel(monitors: readonly MonitorInfo[], workspaceNames: readonly string[] = []): Model {
  const count = Math.max(1, monitors.length);
  const workspaces: Workspace[] = [];
  const used = new Set<string>();
  const unique = (name: string | undefined): string => {
    if (name && !used.has(name)) return name;
    let n = 1;
    while (used.has(String(n))) n++;
    return String(n);
  };
  let nextId = 1;
  for (let i = 0; i < count; i++) {
    const name = unique(workspaceNames[i]?.trim() || String(i + 1));
    used.add(name);
    const made = newWorkspace(nextId, name);
    workspaces.push(made.workspace);
    nextId = made.nextId;
  }
  const shown: Monitor[] = monitors.map((m, i) => ({
    name: m.name,
    screen: m.screen,
    rect: m.rect,
    workspace: workspaces[i]!.id,
  }));
  return { clients: new Map(), workspaces, monitors: shown, focusedMonitor: 0, nextId, message: null };
}
