// Workspaces coming into being and onto monitors: the one way each is done, so ids are
// counted and "two monitors never show the same workspace" is kept in one place.
import { tileId, workspaceId } from './ids.js';
import { monitorShowing } from './queries.js';
import { emptyTile } from './tile.js';
import type { Model, ShownElsewhere, Workspace, WorkspaceId } from '../types.js';

/** A workspace with one empty tile; uses two ids starting at `nextId`. */
export function newWorkspace(nextId: number, name: string): { workspace: Workspace; nextId: number } {
  const tile = emptyTile(tileId(nextId + 1));
  return { workspace: { id: workspaceId(nextId), name, root: tile, focus: tile.id }, nextId: nextId + 2 };
}

/** A new workspace (one empty tile) named `name`, put at index `at` of the bar order
 *  (default: last), taking its ids from the model's counter. No monitor shows it yet. */
export function addWorkspace(model: Model, name: string, at = model.workspaces.length): { model: Model; workspace: Workspace } {
  const made = newWorkspace(model.nextId, name);
  const workspaces = model.workspaces.toSpliced(at, 0, made.workspace);
  return { model: { ...model, workspaces, nextId: made.nextId }, workspace: made.workspace };
}

/** Monitor `index` shows workspace `id`; a monitor that showed it gets this monitor's
 *  workspace in exchange. The focused monitor stays. Unknown indices: unchanged. */
export function showOnMonitor(model: Model, index: number, id: WorkspaceId): Model {
  const here = model.monitors[index];
  if (!here || here.workspace === id) return model;
  const other = monitorShowing(model, id);
  const monitors = model.monitors.with(index, { ...here, workspace: id });
  return { ...model, monitors: other < 0 ? monitors : monitors.with(other, { ...model.monitors[other]!, workspace: here.workspace }) };
}

/**
 * Make a workspace visible and focused, i3 style: if another monitor shows it, focus that
 * monitor (or, with 'swap', bring it here and show this monitor's workspace there);
 * otherwise the focused monitor shows it instead of its current workspace.
 */
export function showWorkspace(model: Model, id: WorkspaceId, elsewhere: ShownElsewhere = 'focus'): Model {
  const shownOn = monitorShowing(model, id);
  if (shownOn === model.focusedMonitor) return model;
  const focusThere = elsewhere === 'focus' || !model.monitors[model.focusedMonitor];
  if (shownOn >= 0 && focusThere) return { ...model, focusedMonitor: shownOn };
  return showOnMonitor(model, model.focusedMonitor, id);
}
