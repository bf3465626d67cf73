// Which monitor shows which workspace.
import { newWorkspace, type MonitorInfo } from './create.js';
import { freeWorkspaceName, monitorShowing } from './queries.js';
import type { Model, Monitor, WorkspaceId } from './types.js';

/**
 * Make a workspace visible and focused, i3 style: if another monitor shows it, focus that
 * monitor; otherwise the focused monitor shows it instead of its current workspace.
 */
export function showWorkspace(model: Model, id: WorkspaceId): Model {
  const shownOn = monitorShowing(model, id);
  if (shownOn >= 0) return shownOn === model.focusedMonitor ? model : { ...model, focusedMonitor: shownOn };
  const fm = model.monitors[model.focusedMonitor];
  if (!fm) return model;
  return { ...model, monitors: model.monitors.with(model.focusedMonitor, { ...fm, workspace: id }) };
}

/**
 * Replace the monitor list (RandR change). A monitor whose name existed keeps its
 * workspace; a new one gets the first workspace no monitor shows (a fresh one if all are
 * shown). Workspaces of vanished monitors stay in the list. Focus stays on the same-named
 * monitor if it survives, else the index is clamped.
 */
export function setMonitors(model: Model, infos: readonly MonitorInfo[]): Model {
  const taken = new Set<WorkspaceId>();
  const kept: (WorkspaceId | null)[] = infos.map((info) => {
    const old = model.monitors.find((m) => m.name === info.name);
    if (!old || taken.has(old.workspace)) return null;
    taken.add(old.workspace);
    return old.workspace;
  });
  let next = model;
  const monitors: Monitor[] = infos.map((info, i) => {
    let ws = kept[i] ?? null;
    if (ws === null) {
      ws = next.workspaces.find((w) => !taken.has(w.id))?.id ?? null;
      if (ws === null) {
        const made = newWorkspace(next.nextId, freeWorkspaceName(next));
        next = { ...next, workspaces: [...next.workspaces, made.workspace], nextId: made.nextId };
        ws = made.workspace.id;
      }
      taken.add(ws);
    }
    return { name: info.name, screen: info.screen, rect: info.rect, workspace: ws };
  });
  const oldName = model.monitors[model.focusedMonitor]?.name;
  const same = monitors.findIndex((m) => m.name === oldName);
  const focusedMonitor = same >= 0 ? same : Math.max(0, Math.min(model.focusedMonitor, monitors.length - 1));
  return { ...next, monitors, focusedMonitor };
}
