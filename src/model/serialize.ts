// The Model as plain JSON and back, for carrying the layout across a restart.
// Reading takes untrusted input (a file anyone may have edited or truncated):
// every field is checked, and so is every invariant the operations rely on
// (each client in exactly one place, ids unique, ratios summing to 1, focus on
// a tile of its workspace, monitors showing distinct workspaces). Anything off
// is an error value naming the path, never an exception.
import type { Client, Insets, Model, Monitor, MonitorMemory, Rect, RememberedMonitor, RememberedSet, SizeHints, WindowId, Workspace, WorkspaceId } from './types.js';
import { tileId, workspaceId } from './core/ids.js';
import { anyRect, arr, Bad, bool, fail, int, node, nodeJson, num, obj, opt, rect, str, win } from './core/json.js';
import { tiles } from './core/tree.js';
import { HISTORY_LIMIT } from './core/history.js';
import { settleFocus } from './core/settle.js';
import { boundedMemory } from './core/remembered.js';
import { undoFromJson, undoJsonText, undoToJson } from './core/undojson.js';

export type ModelJson = {
  clients: unknown[];
  workspaces: unknown[];
  monitors: unknown[];
  focusedMonitor: number;
  nextId: number;
  message: string | null;
  previousWorkspace?: number;
  monitorMemory?: unknown;
  undo?: Record<string, unknown>;
};

const finite = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
const finiteRect = (r: Rect): boolean => finite(r.x) && finite(r.y) && finite(r.width) && finite(r.height);
const rectJson = (r: Rect): Rect => ({ x: r.x, y: r.y, width: r.width, height: r.height });

/** Size hints with the values JSON can carry; a non-finite value is "no constraint" anyway. */
function hintsJson(h: SizeHints): SizeHints {
  const out: Record<string, number | readonly [number, number]> = {};
  for (const k of ['minWidth', 'minHeight', 'maxWidth', 'maxHeight', 'widthInc', 'heightInc', 'baseWidth', 'baseHeight'] as const) {
    const v = h[k];
    if (finite(v)) out[k] = v;
  }
  for (const k of ['minAspect', 'maxAspect'] as const) {
    const v = h[k];
    if (v !== undefined && finite(v[0]) && finite(v[1])) out[k] = [v[0], v[1]];
  }
  return out as SizeHints;
}

function clientJson(c: Client): Record<string, unknown> {
  return {
    id: c.id, title: c.title, instance: c.instance, class: c.class, urgent: c.urgent,
    ...(c.transientFor === undefined ? {} : { transientFor: c.transientFor }),
    ...(c.fullscreen === undefined ? {} : { fullscreen: c.fullscreen }),
    ...(c.modal === undefined ? {} : { modal: c.modal }),
    ...(c.sizeHints === undefined ? {} : { sizeHints: hintsJson(c.sizeHints) }),
    ...(c.requested === undefined || !finiteRect(c.requested) ? {} : { requested: rectJson(c.requested) }),
    ...(c.floatRect === undefined || !finiteRect(c.floatRect) ? {} : { floatRect: rectJson(c.floatRect) }),
    ...(c.minimised === undefined ? {} : { minimised: c.minimised }),
    ...(c.maximisedVert === undefined ? {} : { maximisedVert: c.maximisedVert }),
    ...(c.maximisedHorz === undefined ? {} : { maximisedHorz: c.maximisedHorz }),
    ...(c.sticky === undefined ? {} : { sticky: c.sticky }),
    ...(c.above === undefined ? {} : { above: c.above }),
    ...(c.below === undefined ? {} : { below: c.below }),
    ...(c.scratchpad === undefined || !Number.isFinite(c.scratchpad) ? {} : { scratchpad: c.scratchpad }),
    ...(c.urgentSince === undefined || !Number.isFinite(c.urgentSince) ? {} : { urgentSince: c.urgentSince }),
    ...(c.role === undefined ? {} : { role: c.role }),
    ...(c.windowType === undefined ? {} : { windowType: c.windowType }),
    ...(c.marks === undefined ? {} : { marks: [...c.marks] }),
  };
}

/** The model as a JSON-safe value (JSON.stringify it as it is). */
export function modelToJson(m: Model): ModelJson {
  return {
    clients: [...m.clients.values()].map(clientJson),
    workspaces: m.workspaces.map((ws) => ({
      id: ws.id, name: ws.name, root: nodeJson(ws.root), focus: ws.focus,
      ...(ws.floating === undefined ? {} : { floating: [...ws.floating] }),
      ...(ws.focusFloating === undefined ? {} : { focusFloating: ws.focusFloating }),
      ...(ws.history === undefined ? {} : { history: [...ws.history] }),
    })),
    monitors: m.monitors.map((mon) => ({
      name: mon.name, screen: mon.screen, rect: rectJson(mon.rect), workspace: mon.workspace,
      ...(mon.reserved === undefined ? {} : { reserved: { ...mon.reserved } }),
      ...(mon.edid === undefined ? {} : { edid: mon.edid }),
    })),
    focusedMonitor: m.focusedMonitor,
    nextId: m.nextId,
    message: m.message,
    ...(m.previousWorkspace === undefined ? {} : { previousWorkspace: m.previousWorkspace }),
    ...(m.monitorMemory === undefined ? {} : { monitorMemory: memoryToJson(m.monitorMemory) }),
    ...(m.undo === undefined ? {} : { undo: undoToJson(m.undo) }),
  };
}

/** `JSON.stringify(modelToJson(m))`, the undo history from its steps' kept texts (the
 *  state file is written at every change; the history is most of it). */
export function modelJsonText(m: Model): string {
  if (m.undo === undefined) return JSON.stringify(modelToJson(m));
  const { undo, ...rest } = m;
  // The undo history is modelToJson's last key: it goes before the closing brace.
  return `${JSON.stringify(modelToJson(rest)).slice(0, -1)},"undo":${undoJsonText(undo)}}`;
}

// ---- reading ----

function hints(v: unknown, path: string): SizeHints {
  const o = obj(v, path);
  const out: Record<string, unknown> = {};
  for (const k of ['minWidth', 'minHeight', 'maxWidth', 'maxHeight', 'widthInc', 'heightInc', 'baseWidth', 'baseHeight']) {
    if (o[k] !== undefined) out[k] = num(o[k], `${path}.${k}`);
  }
  for (const k of ['minAspect', 'maxAspect']) {
    if (o[k] === undefined) continue;
    const a = arr(o[k], `${path}.${k}`);
    if (a.length !== 2) fail(`${path}.${k}`, 'expected [numerator, denominator]');
    out[k] = [num(a[0], `${path}.${k}[0]`), num(a[1], `${path}.${k}[1]`)];
  }
  return out as SizeHints;
}

function client(v: unknown, path: string): Client {
  const o = obj(v, path);
  return {
    id: win(o.id, `${path}.id`),
    title: str(o.title, `${path}.title`),
    instance: str(o.instance, `${path}.instance`),
    class: str(o.class, `${path}.class`),
    urgent: bool(o.urgent, `${path}.urgent`),
    ...opt(o, 'transientFor', path, (x, p) => (x === null ? null : win(x, p))),
    ...opt(o, 'fullscreen', path, bool),
    ...opt(o, 'modal', path, bool),
    ...opt(o, 'sizeHints', path, hints),
    ...opt(o, 'requested', path, anyRect),
    ...opt(o, 'floatRect', path, rect),
    ...opt(o, 'minimised', path, bool),
    ...opt(o, 'maximisedVert', path, bool),
    ...opt(o, 'maximisedHorz', path, bool),
    ...opt(o, 'sticky', path, bool),
    ...opt(o, 'above', path, bool),
    ...opt(o, 'below', path, bool),
    ...opt(o, 'scratchpad', path, num),
    ...opt(o, 'urgentSince', path, num),
    ...opt(o, 'role', path, str),
    ...opt(o, 'windowType', path, str),
    ...opt(o, 'marks', path, (x, p) => arr(x, p).map((m, i) => str(m, `${p}[${i}]`))),
  };
}

function insets(v: unknown, path: string): Insets {
  const o = obj(v, path);
  const side = (k: string): number => int(o[k], `${path}.${k}`, 0, 1 << 20);
  return { top: side('top'), bottom: side('bottom'), left: side('left'), right: side('right') };
}

function readModel(v: unknown): { model: Model; undoDropped?: string } {
  const o = obj(v, 'model');
  const nextId = int(o.nextId, 'model.nextId', 1, Number.MAX_SAFE_INTEGER);
  const clients = new Map<WindowId, Client>();
  arr(o.clients, 'model.clients').forEach((c, i) => {
    const read = client(c, `model.clients[${i}]`);
    if (clients.has(read.id)) fail(`model.clients[${i}].id`, `window ${read.id} listed twice`);
    clients.set(read.id, read);
  });
  const placed = new Set<WindowId>();
  const place = (w: WindowId, path: string): void => {
    if (!clients.has(w)) fail(path, `window ${w} is not among the clients`);
    if (placed.has(w)) fail(path, `window ${w} is in two places`);
    placed.add(w);
  };
  const nodeIds = new Set<number>();
  const wsIds = new Set<number>();
  const names = new Set<string>();
  const workspaces: Workspace[] = arr(o.workspaces, 'model.workspaces').map((wv, i) => {
    const p = `model.workspaces[${i}]`;
    const w = obj(wv, p);
    const id = int(w.id, `${p}.id`, 1, nextId - 1);
    if (wsIds.has(id) || nodeIds.has(id)) fail(`${p}.id`, `id ${id} used twice`);
    wsIds.add(id);
    const name = str(w.name, `${p}.name`);
    if (name === '' || names.has(name)) fail(`${p}.name`, name === '' ? 'empty' : `"${name}" used twice`);
    names.add(name);
    const root = node(w.root, `${p}.root`, nodeIds, nextId, null, 0);
    const ts = tiles(root);
    for (const t of ts) {
      t.tabs.forEach((tab, j) => {
        place(tab, `${p} tile ${t.id} tab ${j}`);
        // `recent` leaves out exactly the minimised tabs.
        if ((clients.get(tab)!.minimised === true) === t.recent.includes(tab)) fail(`${p} tile ${t.id} tab ${j}`, 'minimised, but in recent (or the reverse)');
      });
    }
    const focus = int(w.focus, `${p}.focus`, 1, nextId - 1);
    if (!ts.some((t) => t.id === focus)) fail(`${p}.focus`, `${focus} is not a tile of this workspace`);
    const floating = w.floating === undefined ? undefined : arr(w.floating, `${p}.floating`).map((f, j) => {
      const id = win(f, `${p}.floating[${j}]`);
      place(id, `${p}.floating[${j}]`);
      return id;
    });
    let focusFloating: WindowId | null | undefined;
    if (w.focusFloating !== undefined && w.focusFloating !== null) {
      focusFloating = win(w.focusFloating, `${p}.focusFloating`);
      if (!(floating ?? []).includes(focusFloating)) fail(`${p}.focusFloating`, 'not one of the floating windows');
      if (clients.get(focusFloating)!.minimised === true) fail(`${p}.focusFloating`, 'minimised');
    } else if (w.focusFloating === null) focusFloating = null;
    // The history is only a hint of where the focus goes next: a name that is not a client
    // of this workspace (or comes twice) is dropped rather than costing the whole layout.
    const here = new Set([...ts.flatMap((t) => t.tabs), ...(floating ?? [])]);
    const history = w.history === undefined ? undefined
      : [...new Set(arr(w.history, `${p}.history`).map((h, j) => win(h, `${p}.history[${j}]`)))].filter((h) => here.has(h)).slice(0, HISTORY_LIMIT);
    return {
      id: workspaceId(id), name, root, focus: tileId(focus),
      ...(floating === undefined ? {} : { floating }),
      ...(focusFloating === undefined ? {} : { focusFloating }),
      ...(history === undefined ? {} : { history }),
    };
  });
  for (const id of wsIds) if (nodeIds.has(id)) fail('model.workspaces', `id ${id} used by a workspace and a tile`);
  if (workspaces.length === 0) fail('model.workspaces', 'no workspace');
  for (const w of clients.keys()) if (!placed.has(w)) fail('model.clients', `window ${w} is on no workspace`);
  const shown = new Set<number>();
  const monitors: Monitor[] = arr(o.monitors, 'model.monitors').map((mv, i) => {
    const p = `model.monitors[${i}]`;
    const m = obj(mv, p);
    const ws = int(m.workspace, `${p}.workspace`, 1, nextId - 1);
    if (!wsIds.has(ws)) fail(`${p}.workspace`, `no workspace ${ws}`);
    if (shown.has(ws)) fail(`${p}.workspace`, `workspace ${ws} shown on two monitors`);
    shown.add(ws);
    return {
      name: str(m.name, `${p}.name`), screen: int(m.screen, `${p}.screen`, 0, 255), rect: rect(m.rect, `${p}.rect`),
      workspace: workspaceId(ws) as WorkspaceId,
      ...opt(m, 'reserved', p, insets),
      ...opt(m, 'edid', p, str),
    };
  });
  const focusedMonitor = int(o.focusedMonitor, 'model.focusedMonitor', 0, Math.max(0, monitors.length - 1));
  const message = o.message === null || o.message === undefined ? null : str(o.message, 'model.message');
  // A file written by hand or by an older Fion may leave a modal dialog's parent focused,
  // or a focus that its history does not name first.
  // Only a hint: a workspace that is gone is forgotten rather than costing the layout.
  const previous = typeof o.previousWorkspace === 'number' && wsIds.has(o.previousWorkspace) ? { previousWorkspace: workspaceId(o.previousWorkspace) } : {};
  // Also a hint: a memory that cannot be read is forgotten.
  const memory = o.monitorMemory === undefined ? undefined : memoryFromJson(o.monitorMemory);
  const remembered = memory?.ok === true ? { monitorMemory: memory.memory } : {};
  const settled = settleFocus(null, { clients, workspaces, monitors, focusedMonitor, nextId, message, ...previous, ...remembered });
  if (o.undo === undefined) return { model: settled };
  // The undo history rides along; a bad one is dropped, never the layout with it.
  const undo = undoFromJson(o.undo, nextId);
  return undo.ok ? { model: { ...settled, undo: undo.undo } } : { model: settled, undoDropped: undo.error };
}

/** A model from untrusted JSON (already parsed), or what is wrong with it. */
export function modelFromJson(v: unknown): { ok: true; model: Model; undoDropped?: string } | { ok: false; error: string } {
  try {
    return { ok: true, ...readModel(v) };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, error: e.message };
    // A bug in a check must not become a crash of whoever restores: still an error value.
    return { ok: false, error: `unreadable model: ${e instanceof Error ? e.message : String(e)}` };
  }
}

// ---- the monitor memory (in the model, and in a file of its own across runs) ----

/** The memory's JSON form (the file Fion keeps across runs, and the restart state). */
export function memoryToJson(memory: MonitorMemory): unknown {
  return { sets: memory.sets.map((s) => ({ key: s.key, monitors: s.monitors.map((m) => ({ id: m.id, shown: m.shown, earlier: [...m.earlier] })) })) };
}

/** A memory from untrusted JSON (already parsed), or what is wrong with it. */
export function memoryFromJson(v: unknown): { ok: true; memory: MonitorMemory } | { ok: false; error: string } {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const isStr = (x: unknown): x is string => typeof x === 'string' && x.length <= 1024;
  if (!isObj(v) || !Array.isArray(v.sets)) return { ok: false, error: 'expected {sets: [...]}' };
  const sets: RememberedSet[] = [];
  for (const [i, s] of v.sets.entries()) {
    if (!isObj(s) || !isStr(s.key) || !Array.isArray(s.monitors)) return { ok: false, error: `sets[${i}]: expected {key, monitors}` };
    const monitors: RememberedMonitor[] = [];
    for (const [j, m] of s.monitors.entries()) {
      if (!isObj(m) || !isStr(m.id) || !isStr(m.shown) || !Array.isArray(m.earlier) || !m.earlier.every(isStr)) {
        return { ok: false, error: `sets[${i}].monitors[${j}]: expected {id, shown, earlier}` };
      }
      monitors.push({ id: m.id, shown: m.shown, earlier: m.earlier });
    }
    sets.push({ key: s.key, monitors });
  }
  return { ok: true, memory: boundedMemory({ sets }) };
}
