// Workspace names given by the config, re-applied when the config changes.
import { updateWorkspace } from './core/queries.js';
import type { Model } from './types.js';

/** Workspace i's name as a config names it: its entry, else its number. */
const configured = (names: readonly string[], i: number): string => names[i]?.trim() || String(i + 1);

/**
 * The config's workspace names changed from `before` to `after`: workspace i takes its
 * new name if it still has the name the old config gave it (a name the user chose since
 * stays), and the new name is free.
 */
export function renameConfigured(model: Model, before: readonly string[], after: readonly string[]): Model {
  let m = model;
  m.workspaces.forEach((ws, i) => {
    const was = configured(before, i);
    const now = configured(after, i);
    if (ws.name !== was || now === was || m.workspaces.some((w) => w.name === now)) return;
    m = updateWorkspace(m, ws.id, (w) => ({ ...w, name: now }));
  });
  return m;
}
