// Monitor memory: for each set of monitors connected together, which workspace each one
// showed and which it showed before, so that connecting the same set again (docking a
// laptop) puts them back. Workspaces are remembered by name: names survive a new run of
// Fion, ids do not.
import { showOnMonitor } from './core/workspace.js';
import { MAX_EARLIER, MAX_REMEMBERED_SETS } from './core/remembered.js';
import type { Model, Monitor, RememberedMonitor, RememberedSet, WorkspaceId } from './types.js';

/**
 * Each monitor's identity: the hash of its EDID if it has one (the same screen on
 * whichever port), else its output name and size. Two monitors of one set with the same
 * identity (twin screens without serial numbers) are told apart by output name.
 */
export function monitorIdentities(monitors: readonly Pick<Monitor, 'name' | 'rect' | 'edid'>[]): string[] {
  const base = monitors.map((m) => (m.edid !== undefined && m.edid !== '' ? `edid:${m.edid}` : `output:${m.name}:${m.rect.width}x${m.rect.height}`));
  return base.map((id, i) => (base.indexOf(id) !== base.lastIndexOf(id) ? `${id}@${monitors[i]!.name}` : id));
}

/** The key of a set of monitors: their identities, sorted (their order on screen does not matter). */
export function monitorSetKey(monitors: readonly Pick<Monitor, 'name' | 'rect' | 'edid'>[]): string {
  return monitorIdentities(monitors).sort().join(' + ');
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const sameMonitor = (a: RememberedMonitor, b: RememberedMonitor): boolean => a.id === b.id && a.shown === b.shown && sameList(a.earlier, b.earlier);

/**
 * The memory with the set now connected remembered as the model shows it, first in line:
 * each monitor's shown workspace, and before it the workspaces it showed earlier that still
 * exist and no monitor shows now (a workspace that went to another monitor belongs there).
 * The same model when nothing changed.
 */
export function rememberMonitors(model: Model): Model {
  if (model.monitors.length === 0) return model;
  const ids = monitorIdentities(model.monitors);
  const key = [...ids].sort().join(' + ');
  const sets = model.monitorMemory?.sets ?? [];
  const before = sets.find((s) => s.key === key);
  const nameOf = new Map(model.workspaces.map((w) => [w.id, w.name]));
  const shown = model.monitors.map((m) => nameOf.get(m.workspace) ?? '');
  const names = new Set(model.workspaces.map((w) => w.name));
  const free = (n: string): boolean => n !== '' && names.has(n) && !shown.includes(n);
  const monitors: RememberedMonitor[] = ids.map((id, i) => {
    const old = before?.monitors.find((r) => r.id === id);
    const earlier = old === undefined ? [] : [old.shown, ...old.earlier].filter((n, k, all) => free(n) && all.indexOf(n) === k);
    return { id, shown: shown[i]!, earlier: earlier.slice(0, MAX_EARLIER) };
  });
  if (before !== undefined && sets[0] === before && before.monitors.length === monitors.length
    && before.monitors.every((r, i) => sameMonitor(r, monitors[i]!))) return model;
  const entry: RememberedSet = { key, monitors };
  return { ...model, monitorMemory: { sets: [entry, ...sets.filter((s) => s !== before)].slice(0, MAX_REMEMBERED_SETS) } };
}

/**
 * Connecting a remembered set again: each monitor that was not connected before (not
 * among `previous`, the monitors before the change) shows the workspace it showed, or (that
 * one gone) the newest of its earlier ones still there, taking it from a monitor that shows
 * it (the two swap). Monitors that stay keep what they show unless so asked: unplugging a
 * screen never changes what the others show. Only workspaces that exist move, and only by
 * swapping what monitors show, so no window is hidden for good; workspaces pinned to an
 * output that is present (the config's `pins`, name -> output) are left to the pins. The
 * focused monitor stays. Unchanged when the set is not remembered.
 */
export function recallMonitors(model: Model, pins: Readonly<Record<string, string>> = {}, previous: readonly Monitor[] = []): Model {
  const key = monitorSetKey(model.monitors);
  const entry = model.monitorMemory?.sets.find((s) => s.key === key);
  if (entry === undefined) return model;
  const present = new Set(model.monitors.map((m) => m.name));
  const pinned = new Set(Object.entries(pins).flatMap(([name, output]) => (present.has(output) ? [name] : [])));
  const stay = new Set(monitorIdentities(previous));
  const ids = monitorIdentities(model.monitors);
  const claimed = new Set<WorkspaceId>();
  let next = model;
  ids.forEach((id, i) => {
    const r = entry.monitors.find((m) => m.id === id);
    if (r === undefined || stay.has(id)) return;
    for (const name of [r.shown, ...r.earlier]) {
      if (pinned.has(name)) continue;
      const ws = next.workspaces.find((w) => w.name === name);
      if (ws === undefined || claimed.has(ws.id)) continue;
      claimed.add(ws.id);
      next = showOnMonitor(next, i, ws.id);
      return;
    }
  });
  return next;
}
