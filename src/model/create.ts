// Building a fresh Model.
import { freeWorkspaceName } from './core/queries.js';
import { addWorkspace } from './core/workspace.js';
import type { Model, MonitorInfo } from './types.js';

/**
 * One workspace per monitor (at least one), each a single empty tile; monitor i shows
 * workspace i. Workspace i is named `workspaceNames[i]` if given, else its number (names
 * stay unique: a taken one falls back to the smallest free number).
 */
export function createModel(monitors: readonly MonitorInfo[], workspaceNames: readonly string[] = []): Model {
  let model: Model = { clients: new Map(), workspaces: [], monitors: [], focusedMonitor: 0, nextId: 1, message: null };
  for (let i = 0; i < Math.max(1, monitors.length); i++) {
    const wanted = workspaceNames[i]?.trim() || String(i + 1);
    const taken = model.workspaces.some((w) => w.name === wanted);
    model = addWorkspace(model, taken ? freeWorkspaceName(model) : wanted).model;
  }
  const { workspaces } = model;
  return { ...model, monitors: monitors.map((m, i) => ({
    name: m.name, screen: m.screen, rect: m.rect, workspace: workspaces[i]!.id, ...(m.edid === undefined ? {} : { edid: m.edid }),
  })) };
}
