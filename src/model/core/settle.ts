// The last step of every public model operation (src/model/index.ts applies it): each
// workspace's history records its focus. Done once on the operation's result, so the
// steps inside an operation never show up in the history.
import { membersOf, recorded } from './history.js';
import type { Model } from '../types.js';

/**
 * `after` with each workspace's focus recorded first in its history (clients no longer
 * there dropped). Workspaces that are the same objects as in `before` are skipped (they
 * were settled then); `before` null settles everything. The same model when nothing
 * changes.
 */
export function settleFocus(before: Model | null, after: Model): Model {
  if (before !== null && before.workspaces === after.workspaces) return after;
  const old = new Set(before?.workspaces ?? []);
  let next = after;
  for (const ws of after.workspaces) {
    if (old.has(ws)) continue;
    const rec = recorded(ws, membersOf(ws));
    if (rec !== ws) next = { ...next, workspaces: next.workspaces.map((w) => (w.id === rec.id ? rec : w)) };
  }
  return next;
}
