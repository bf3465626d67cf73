// The last step of every public model operation (src/model/index.ts applies it): modal
// dialogs keep the focus from their parents, and each workspace's history records its
// focus. Done once on the operation's result, so the steps inside an operation never
// show up in the history.
import { focusWithin } from './focus.js';
import { historyOf, membersOf, recorded } from './history.js';
import { parentOf, workspaceFocus } from './queries.js';
import type { Model, WindowId, Workspace } from '../types.js';

/** The clients `w` is transient for, up its chain (a cycle stops where it closes). */
function ancestorsOf(model: Model, w: WindowId): Set<WindowId> {
  const up = new Set<WindowId>();
  for (let p = parentOf(model, w); p !== null && !up.has(p); p = parentOf(model, p)) up.add(p);
  return up;
}

/**
 * Where the focus of a workspace goes instead of `from`: down its chain of modal
 * transients on this workspace (`members`) to the last one, at each step the one the
 * workspace focused most recently (else the newest). `from` itself without any. A modal
 * transient that is also an ancestor closes a transient-for cycle: it is no way down
 * (going round the cycle would move the focus again at the next settle), but the other
 * modal transients still are.
 */
function modalEnd(model: Model, ws: Workspace, members: ReadonlySet<WindowId>, modals: readonly WindowId[], from: WindowId): WindowId {
  const seen = new Set<WindowId>([from]);
  let at = from;
  for (;;) {
    const up = ancestorsOf(model, at);
    const kids = modals.filter((m) => members.has(m) && parentOf(model, m) === at && !up.has(m) && !seen.has(m));
    if (kids.length === 0) return at;
    const next = historyOf(ws).find((w) => kids.includes(w)) ?? kids[kids.length - 1]!;
    seen.add(next);
    at = next;
  }
}

/**
 * `after` with each workspace's focus moved to the end of its modal chain and recorded
 * first in its history (clients no longer there dropped). Workspaces that are the same
 * objects as in `before` are skipped when no client record changed either (they were
 * settled then); `before` null settles everything. The same model when nothing changes.
 */
export function settleFocus(before: Model | null, after: Model): Model {
  if (before !== null && before.clients === after.clients && before.workspaces === after.workspaces) return after;
  const clientsChanged = before === null || before.clients !== after.clients;
  const modals: WindowId[] = [];
  for (const c of after.clients.values()) if (c.modal === true) modals.push(c.id);
  const old = new Set(before?.workspaces ?? []);
  let next = after;
  for (const ws0 of after.workspaces) {
    const unchanged = old.has(ws0);
    if (unchanged && (!clientsChanged || modals.length === 0)) continue;
    const members = membersOf(ws0);
    let ws = ws0;
    const f = workspaceFocus(ws);
    if (f !== null && modals.length > 0) {
      const to = modalEnd(next, ws, members, modals, f);
      if (to !== f) {
        next = focusWithin(next, to);
        ws = next.workspaces.find((w) => w.id === ws0.id)!;
      }
    }
    const rec = recorded(ws, unchanged ? null : members);
    if (rec !== ws) next = { ...next, workspaces: next.workspaces.map((w) => (w.id === rec.id ? rec : w)) };
  }
  return next;
}
