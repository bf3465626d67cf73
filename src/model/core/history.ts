// Each workspace remembers the clients it focused, most recent first, so that when its
// focused client closes or leaves, the focus goes back to the one focused before it (not
// to whatever happens to be the dialog's parent or the float below it).
//
// Kept by settleFocus (core/settle.ts) at the end of every public operation: the
// workspace's focus is history[0] whenever it has one, and the history names only clients
// on that workspace.
import { findClient, workspaceFocus } from './queries.js';
import { tiles } from './tree.js';
import type { Model, WindowId, Workspace } from '../types.js';

/** How many clients a workspace remembers; older ones are forgotten (the focus then falls
 *  back to the tile rules). */
export const HISTORY_LIMIT = 32;

export function historyOf(ws: Workspace): readonly WindowId[] {
  return ws.history ?? [];
}

/** The clients on a workspace: its tabs and floats. */
export function membersOf(ws: Workspace): Set<WindowId> {
  const out = new Set<WindowId>(ws.floating ?? []);
  const ts = tiles(ws.root);
  for (let i = 0; i < ts.length; i++) {
    const tabs = ts[i]!.tabs;
    for (let j = 0; j < tabs.length; j++) out.add(tabs[j]!);
  }
  return out;
}

/**
 * The most recently focused client of `before` (the workspace as it was) that is not
 * among `gone`, not minimised, and still on that workspace in `model`; null if none is.
 */
export function previousFocus(model: Model, before: Workspace, gone: ReadonlySet<WindowId>): WindowId | null {
  for (const w of historyOf(before)) {
    // A minimised client stays minimised: focusing it would bring it back.
    if (!gone.has(w) && model.clients.get(w)?.minimised !== true && findClient(model, w)?.workspace === before.id) return w;
  }
  return null;
}

const same = (a: readonly WindowId[], b: readonly WindowId[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The workspace with its history brought up to date: clients no longer in `members`
 * dropped (when given), its focus (if any) first, at most HISTORY_LIMIT long. The same
 * object when nothing changed.
 */
export function recorded(ws: Workspace, members: ReadonlySet<WindowId> | null): Workspace {
  const old = historyOf(ws);
  let h = members === null ? old : old.filter((w) => members.has(w));
  const f = workspaceFocus(ws);
  if (f !== null && h[0] !== f) h = [f, ...h.filter((w) => w !== f)];
  if (h.length > HISTORY_LIMIT) h = h.slice(0, HISTORY_LIMIT);
  if (same(h, old)) return ws;
  return { ...ws, history: h };
}
