// Workspace operations: create, destroy, switch, rename, send a client elsewhere.
import { refuse } from './core/message.js';
import { addWorkspace, showOnMonitor, showWorkspace } from './core/workspace.js';
import { focusedClient, focusedWorkspace, freeWorkspaceName, floatingOf, monitorShowing, updateTile, updateWorkspace, workspaceIndex } from './core/queries.js';
import { moveClientTo } from './core/move.js';
import { HISTORY_LIMIT } from './core/history.js';
import { withTabsAppended } from './core/tile.js';
import { tiles } from './core/tree.js';
import type { Model, WorkspaceId } from './types.js';
import { step, type Cycle } from './core/step.js';

/** A new workspace (one empty tile) right after the focused one, shown on the focused
 *  monitor. Named `name`, else the smallest positive integer not used as a name; a name
 *  already taken is refused (names identify workspaces for the user). */
export function createWorkspace(model: Model, name?: string): Model {
  const trimmed = name?.trim();
  if (trimmed && model.workspaces.some((w) => w.name === trimmed)) return refuse(model, `workspace name "${trimmed}" is taken`);
  const at = workspaceIndex(model, focusedWorkspace(model).id) + 1;
  const made = addWorkspace(model, trimmed ? trimmed : freeWorkspaceName(model), at);
  return showWorkspace(made.model, made.workspace.id);
}

/**
 * Destroy the focused workspace. Its tiled clients (reading order, then tab order) become
 * tabs of the focused tile of the neighbour — the previous workspace, or the next if it
 * was first — which keeps showing what it showed; its floats go on top of the
 * neighbour's floats, still floating where they were (the neighbour keeps its focus). The monitor that showed it shows the
 * neighbour, or if that is shown elsewhere the first unshown workspace, or a new one.
 */
export function destroyWorkspace(model: Model): Model {
  if (model.workspaces.length < 2) return refuse(model, "can't destroy the last workspace");
  const doomed = focusedWorkspace(model);
  const k = workspaceIndex(model, doomed.id);
  const neighbour = model.workspaces[k > 0 ? k - 1 : k + 1]!;
  const orphans = tiles(doomed.root).flatMap((t) => t.tabs);
  const floats = floatingOf(doomed);
  let next = updateWorkspace(model, neighbour.id, (w) => {
    const tiled = updateTile(w, w.focus, (t) => withTabsAppended(t, orphans, (id) => model.clients.get(id)?.minimised === true));
    // Its clients come after the neighbour's own in the neighbour's history.
    const history = [...(w.history ?? []), ...(doomed.history ?? [])].slice(0, HISTORY_LIMIT);
    const merged = history.length === 0 ? tiled : { ...tiled, history };
    return floats.length === 0 ? merged : { ...merged, floating: [...floatingOf(w), ...floats] };
  });
  next = { ...next, workspaces: next.workspaces.filter((w) => w.id !== doomed.id) };

  const shownOn = monitorShowing(model, doomed.id);
  if (shownOn < 0) return next;
  let replacement: WorkspaceId | null = monitorShowing(next, neighbour.id) < 0 ? neighbour.id : null;
  replacement ??= next.workspaces.find((w) => monitorShowing(next, w.id) < 0)?.id ?? null;
  if (replacement === null) {
    const made = addWorkspace(next, freeWorkspaceName(next), Math.min(k, next.workspaces.length));
    next = made.model;
    replacement = made.workspace.id;
  }
  return showOnMonitor(next, shownOn, replacement);
}

function cycled(model: Model, which: Cycle): WorkspaceId {
  const k = workspaceIndex(model, focusedWorkspace(model).id);
  return model.workspaces[step(k, model.workspaces.length, which)]!.id;
}

/** Show the next/previous workspace (wrapping around). */
export function switchWorkspace(model: Model, which: Cycle): Model {
  return showWorkspace(model, cycled(model, which), model.shownElsewhere);
}

/**
 * Show workspace number `n` (1-based, bar order). Unlike i3 this does not create missing
 * workspaces: beyond the count it only sets a message (`workspace create` is explicit).
 */
export function gotoWorkspace(model: Model, n: number): Model {
  const ws = Number.isInteger(n) ? model.workspaces[n - 1] : undefined;
  if (!ws || n < 1) return refuse(model, `no workspace ${n}`);
  return showWorkspace(model, ws.id, model.shownElsewhere);
}

/** Rename the focused workspace (or the one named `from`); empty names and names of other
 *  workspaces are refused. */
export function renameWorkspace(model: Model, name: string, from?: string): Model {
  const trimmed = name.trim();
  const ws = from === undefined ? focusedWorkspace(model) : model.workspaces.find((w) => w.name === from.trim());
  if (ws === undefined) return refuse(model, `no workspace named "${from?.trim() ?? ''}"`);
  if (trimmed === '') return refuse(model, 'workspace name is empty');
  if (trimmed === ws.name) return model;
  if (model.workspaces.some((w) => w.name === trimmed)) return refuse(model, `workspace name "${trimmed}" is taken`);
  return updateWorkspace(model, ws.id, (w) => ({ ...w, name: trimmed }));
}

/**
 * Send the focused client to the next/previous workspace. A tab becomes the newest tab of
 * that workspace's focused tile, shown; a float stays floating (same floatRect), on top
 * there and that workspace's focused float. The floats transient for it (transitively)
 * on this workspace go along, right above it. The focus stays here: this tile shows its
 * previous tab; a float's focus goes to its parent if that is here, else to the float
 * below it, else to the tiles.
 */
export function moveClientToWorkspace(model: Model, which: Cycle): Model {
  const id = focusedClient(model);
  return id === null ? model : moveClientTo(model, id, cycled(model, which));
}

/**
 * Make the workspace count `n` (a pager's _NET_NUMBER_OF_DESKTOPS request):
 * new workspaces are appended; only trailing workspaces that are empty and
 * not shown are removed, so no window is ever moved or lost by it.
 */
export function setWorkspaceCount(model: Model, n: number): Model {
  if (!Number.isFinite(n)) return model;
  const want = Math.max(1, Math.min(Math.floor(n), 1000));
  let next = model;
  while (next.workspaces.length < want) next = addWorkspace(next, freeWorkspaceName(next)).model;
  while (next.workspaces.length > want) {
    const last = next.workspaces[next.workspaces.length - 1]!;
    const empty = tiles(last.root).every((t) => t.tabs.length === 0) && floatingOf(last).length === 0;
    if (!empty || monitorShowing(next, last.id) >= 0) break;
    next = { ...next, workspaces: next.workspaces.slice(0, -1) };
  }
  return next;
}

/** The workspace named `name`, appended (not shown) when there is none: where a rule sends windows. */
export function ensureWorkspace(model: Model, name: string): { model: Model; id: WorkspaceId } {
  const found = model.workspaces.find((w) => w.name === name);
  if (found !== undefined) return { model, id: found.id };
  const made = addWorkspace(model, name);
  return { model: made.model, id: made.workspace.id };
}
