// Which monitor shows which workspace.
import { addWorkspace, showOnMonitor } from './core/workspace.js';
import { refuse } from './core/message.js';
import { focusedClient, freeWorkspaceName } from './core/queries.js';
import { moveClientTo } from './core/move.js';
import { clampInsets, NO_INSETS } from './core/rects.js';
import { step, type Cycle } from './core/step.js';
import type { Insets, Model, Monitor, MonitorInfo, Rect, WorkspaceId } from './types.js';

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
        const made = addWorkspace(next, freeWorkspaceName(next));
        next = made.model;
        ws = made.workspace.id;
      }
      taken.add(ws);
    }
    // Docks' reservations survive a RandR change on a same-named monitor (the X side
    // recomputes them from the struts anyway; the layout clamps them to the new rect).
    const reserved = model.monitors.find((m) => m.name === info.name)?.reserved;
    return {
      name: info.name, screen: info.screen, rect: info.rect, workspace: ws,
      ...(reserved ? { reserved } : {}), ...(info.edid === undefined ? {} : { edid: info.edid }),
    };
  });
  const oldName = model.monitors[model.focusedMonitor]?.name;
  const same = monitors.findIndex((m) => m.name === oldName);
  const focusedMonitor = same >= 0 ? same : Math.max(0, Math.min(model.focusedMonitor, monitors.length - 1));
  return { ...next, monitors, focusedMonitor };
}

/** Index of the monitor after/before the focused one (wrapping), or -1 with one monitor. */
function cycledMonitor(model: Model, which: Cycle): number {
  return model.monitors.length < 2 ? -1 : step(model.focusedMonitor, model.monitors.length, which);
}

/** Focus the next/previous monitor (wrapping); with one monitor, only a message. */
export function focusMonitor(model: Model, which: Cycle): Model {
  const to = cycledMonitor(model, which);
  return to < 0 ? refuse(model, 'there is only one monitor') : { ...model, focusedMonitor: to };
}

/** Focus the monitor called `name` (the RandR primary at start-up); unchanged if there is none. */
export function focusMonitorNamed(model: Model, name: string): Model {
  const i = model.monitors.findIndex((m) => m.name === name);
  return i < 0 || i === model.focusedMonitor ? model : { ...model, focusedMonitor: i };
}

/**
 * Show the focused workspace on the next/previous monitor, which becomes the focused one;
 * the workspace that monitor showed takes its place (a swap: nothing is created or hidden
 * for good).
 */
export function moveWorkspaceToMonitor(model: Model, which: Cycle): Model {
  const to = cycledMonitor(model, which);
  if (to < 0) return refuse(model, 'there is only one monitor');
  return { ...showOnMonitor(model, to, model.monitors[model.focusedMonitor]!.workspace), focusedMonitor: to };
}

/**
 * Send the focused client to the workspace shown on the next/previous monitor (as
 * moveClientTo: the newest tab of its focused tile, or a float there). The focus stays.
 */
export function moveClientToMonitor(model: Model, which: Cycle): Model {
  const to = cycledMonitor(model, which);
  if (to < 0) return refuse(model, 'there is only one monitor');
  const id = focusedClient(model);
  return id === null ? model : moveClientTo(model, id, model.monitors[to]!.workspace);
}

/** Set the pixels docks reserve on monitor `index`'s edges (clamped, see clampInsets).
 *  Out-of-range indices are ignored. */
export function setReserved(model: Model, index: number, insets: Insets): Model {
  const m = model.monitors[index];
  if (!m) return model;
  const reserved = clampInsets(m.rect, insets);
  const old = m.reserved ?? NO_INSETS;
  if (old.top === reserved.top && old.bottom === reserved.bottom && old.left === reserved.left && old.right === reserved.right) return model;
  return { ...model, monitors: model.monitors.with(index, { ...m, reserved }) };
}

/**
 * A dock's _NET_WM_STRUT_PARTIAL (or _NET_WM_STRUT: leave the ranges out): widths of the
 * strips it reserves along the root window's edges, each over an inclusive range of the
 * other coordinate (default: the whole edge).
 */
export interface Strut {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly leftStartY?: number;
  readonly leftEndY?: number;
  readonly rightStartY?: number;
  readonly rightEndY?: number;
  readonly topStartX?: number;
  readonly topEndX?: number;
  readonly bottomStartX?: number;
  readonly bottomEndX?: number;
}

/**
 * EWMH struts are relative to the root window's edges; this turns them into per-monitor
 * insets: a strip reserves on every monitor it overlaps, as deep as it reaches into it
 * (the largest over all struts per edge). Feed the result to setReserved.
 */
export function reservedFromStruts(
  monitors: readonly Rect[],
  root: { readonly width: number; readonly height: number },
  struts: readonly Strut[],
): Insets[] {
  const overlaps = (start: number | undefined, end: number | undefined, lo: number, size: number): boolean =>
    (start ?? -Infinity) <= lo + size - 1 && (end ?? Infinity) >= lo;
  return monitors.map((m) => {
    let { top, bottom, left, right } = NO_INSETS;
    for (const s of struts) {
      if (s.top > 0 && overlaps(s.topStartX, s.topEndX, m.x, m.width)) top = Math.max(top, Math.min(m.height, s.top - m.y));
      if (s.bottom > 0 && overlaps(s.bottomStartX, s.bottomEndX, m.x, m.width))
        bottom = Math.max(bottom, Math.min(m.height, m.y + m.height - (root.height - s.bottom)));
      if (s.left > 0 && overlaps(s.leftStartY, s.leftEndY, m.y, m.height)) left = Math.max(left, Math.min(m.width, s.left - m.x));
      if (s.right > 0 && overlaps(s.rightStartY, s.rightEndY, m.y, m.height))
        right = Math.max(right, Math.min(m.width, m.x + m.width - (root.width - s.right)));
    }
    return { top, bottom, left, right };
  });
}

/**
 * Pinned workspaces (config: workspace name -> output name) go to their output when it is
 * present: on the monitors named in `onto` (all when omitted), each pinned workspace is
 * shown there, created when missing; if another monitor showed it, the two swap.
 */
export function pinWorkspaces(model: Model, pins: Readonly<Record<string, string>>, onto?: ReadonlySet<string>): Model {
  let next = model;
  for (const [name, output] of Object.entries(pins)) {
    const i = next.monitors.findIndex((m) => m.name === output);
    if (i < 0 || (onto !== undefined && !onto.has(output))) continue;
    const found = next.workspaces.find((w) => w.name === name);
    const pinned = found === undefined ? addWorkspace(next, name) : { model: next, workspace: found };
    next = showOnMonitor(pinned.model, i, pinned.workspace.id);
  }
  return next;
}
