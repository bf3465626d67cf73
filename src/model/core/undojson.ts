// The undo history as JSON and back, so that it survives a restart inside the state file.
// Read as untrusted input: each step's layout is checked as strictly as the live one (a
// tree's shape, a window in one place at most), and anything off drops the whole history,
// never the model it came with: losing undo is a small thing, losing a window is not.
import type { LayoutFlags, LayoutSnapshot, UndoHistory, UndoStep, WindowId, Workspace, WorkspaceId } from '../types.js';
import { tileId, workspaceId } from './ids.js';
import { anyRect, arr, Bad, bool, fail, int, node, nodeJson, num, obj, str, win } from './json.js';
import { tiles } from './tree.js';
import { HISTORY_LIMIT } from './history.js';

/** Steps kept in each direction when read back (the live limit, UNDO_LIMIT, is 100). */
const MAX_STEPS = 200;
const FLAGS = ['fullscreen', 'minimised', 'maximisedVert', 'maximisedHorz', 'sticky', 'above', 'below'] as const;

function workspaceJson(ws: Workspace): Record<string, unknown> {
  return {
    id: ws.id, name: ws.name, root: nodeJson(ws.root), focus: ws.focus,
    ...(ws.floating === undefined ? {} : { floating: [...ws.floating] }),
    ...(ws.focusFloating === undefined ? {} : { focusFloating: ws.focusFloating }),
    ...(ws.history === undefined ? {} : { history: [...ws.history] }),
  };
}

function clientJson(c: LayoutFlags): Record<string, unknown> {
  const out: Record<string, unknown> = { id: c.id };
  for (const k of FLAGS) if (c[k] !== undefined) out[k] = c[k];
  const r = c.floatRect;
  if (r !== undefined && [r.x, r.y, r.width, r.height].every(Number.isFinite)) out.floatRect = { x: r.x, y: r.y, width: r.width, height: r.height };
  if (c.scratchpad !== undefined && Number.isFinite(c.scratchpad)) out.scratchpad = c.scratchpad;
  return out;
}

/** A snapshot's keys between its workspaces and its clients. */
function monitorsJson(s: LayoutSnapshot): Record<string, unknown> {
  return {
    shown: s.shown.map((x) => ({ monitor: x.monitor, workspace: x.workspace })),
    focusedMonitor: s.focusedMonitor,
    ...(s.previousWorkspace === undefined ? {} : { previousWorkspace: s.previousWorkspace }),
  };
}

function snapshotJson(s: LayoutSnapshot): Record<string, unknown> {
  return { workspaces: s.workspaces.map(workspaceJson), ...monitorsJson(s), clients: s.clients.map(clientJson) };
}

const stepJson = (s: UndoStep): Record<string, unknown> => ({ label: s.label, before: snapshotJson(s.before) });

/** The history as a JSON-safe value. */
export function undoToJson(h: UndoHistory): Record<string, unknown> {
  return { past: h.past.map(stepJson), future: h.future.map(stepJson) };
}

/** Each step's JSON text, made once: a step never changes, and the state file is written
 *  again at every change of the layout. A hundred steps over 200 windows are ~1 MB of JSON
 *  that took ~10 ms to build each time; now only a new step is. A step's text is joined
 *  (with +, which keeps the pieces rather than copying them) from the texts of its
 *  workspaces and client list, which steps share while they are unchanged: a step's own
 *  text is a few hundred bytes, not ~7 KB with 200 windows. */
const stepTexts = new WeakMap<UndoStep, string>();
const workspaceTexts = new WeakMap<Workspace, string>();
const clientListTexts = new WeakMap<readonly LayoutFlags[], string>();

function kept<K extends object>(cache: WeakMap<K, string>, key: K, make: (k: K) => unknown): string {
  let text = cache.get(key);
  if (text === undefined) {
    text = JSON.stringify(make(key));
    cache.set(key, text);
  }
  return text;
}

/** `JSON.stringify(stepJson(s))`, key for key. */
function stepText(s: UndoStep): string {
  let text = stepTexts.get(s);
  if (text !== undefined) return text;
  const b = s.before;
  let ws = '';
  b.workspaces.forEach((w, i) => { ws += (i === 0 ? '' : ',') + kept(workspaceTexts, w, workspaceJson); });
  text = `{"label":${JSON.stringify(s.label)},"before":{"workspaces":[` + ws + '],' +
    JSON.stringify(monitorsJson(b)).slice(1, -1) +
    ',"clients":' + kept(clientListTexts, b.clients, (l) => l.map(clientJson)) + '}}';
  stepTexts.set(s, text);
  return text;
}

/** `JSON.stringify(undoToJson(h))`, from the steps' kept texts. */
export function undoJsonText(h: UndoHistory): string {
  return `{"past":[${h.past.map(stepText).join(',')}],"future":[${h.future.map(stepText).join(',')}]}`;
}

function workspace(v: unknown, p: string, nextId: number, placed: Set<WindowId>, ids: Set<number>): Workspace {
  const w = obj(v, p);
  const id = int(w.id, `${p}.id`, 1, nextId - 1);
  if (ids.has(id)) fail(`${p}.id`, `id ${id} used twice`);
  ids.add(id);
  const root = node(w.root, `${p}.root`, ids, nextId, null, 0);
  const place = (x: WindowId, at: string): void => {
    if (placed.has(x)) fail(at, `window ${x} is in two places`);
    placed.add(x);
  };
  const ts = tiles(root);
  for (const t of ts) for (const tab of t.tabs) place(tab, `${p} tile ${t.id}`);
  const focus = int(w.focus, `${p}.focus`, 1, nextId - 1);
  if (!ts.some((t) => t.id === focus)) fail(`${p}.focus`, 'not a tile of this workspace');
  const floating = w.floating === undefined ? undefined : arr(w.floating, `${p}.floating`).map((f, j) => {
    const x = win(f, `${p}.floating[${j}]`);
    place(x, `${p}.floating[${j}]`);
    return x;
  });
  const ff = w.focusFloating === undefined || w.focusFloating === null ? w.focusFloating : win(w.focusFloating, `${p}.focusFloating`);
  if (typeof ff === 'number' && !(floating ?? []).includes(ff)) fail(`${p}.focusFloating`, 'not one of the floating windows');
  const here = new Set([...ts.flatMap((t) => t.tabs), ...(floating ?? [])]);
  const history = w.history === undefined ? undefined
    : [...new Set(arr(w.history, `${p}.history`).map((h, j) => win(h, `${p}.history[${j}]`)))].filter((h) => here.has(h)).slice(0, HISTORY_LIMIT);
  return {
    id: workspaceId(id), name: str(w.name, `${p}.name`), root, focus: tileId(focus),
    ...(floating === undefined ? {} : { floating }),
    ...(ff === undefined ? {} : { focusFloating: ff as WindowId | null }),
    ...(history === undefined ? {} : { history }),
  };
}

function snapshot(v: unknown, p: string, nextId: number): LayoutSnapshot {
  const o = obj(v, p);
  const placed = new Set<WindowId>();
  const ids = new Set<number>();
  const workspaces = arr(o.workspaces, `${p}.workspaces`).map((w, i) => workspace(w, `${p}.workspaces[${i}]`, nextId, placed, ids));
  if (workspaces.length === 0) fail(`${p}.workspaces`, 'no workspace');
  const wsIds = new Set<number>(workspaces.map((w) => w.id));
  const shown = arr(o.shown, `${p}.shown`).map((x, i) => {
    const s = obj(x, `${p}.shown[${i}]`);
    const ws = int(s.workspace, `${p}.shown[${i}].workspace`, 1, nextId - 1);
    if (!wsIds.has(ws)) fail(`${p}.shown[${i}].workspace`, `no workspace ${ws}`);
    return { monitor: str(s.monitor, `${p}.shown[${i}].monitor`), workspace: ws as WorkspaceId };
  });
  const focusedMonitor = o.focusedMonitor === null ? null : str(o.focusedMonitor, `${p}.focusedMonitor`);
  const previous = typeof o.previousWorkspace === 'number' && wsIds.has(o.previousWorkspace) ? { previousWorkspace: o.previousWorkspace as WorkspaceId } : {};
  const clients = arr(o.clients, `${p}.clients`).map((x, i): LayoutFlags => {
    const c = obj(x, `${p}.clients[${i}]`);
    const out: Record<string, unknown> = { id: win(c.id, `${p}.clients[${i}].id`) };
    for (const k of FLAGS) if (c[k] !== undefined) out[k] = bool(c[k], `${p}.clients[${i}].${k}`);
    // As kept, not as placed: the layout clamps it when the window floats again.
    if (c.floatRect !== undefined) out.floatRect = anyRect(c.floatRect, `${p}.clients[${i}].floatRect`);
    if (c.scratchpad !== undefined) out.scratchpad = num(c.scratchpad, `${p}.clients[${i}].scratchpad`);
    return out as LayoutFlags;
  });
  return { workspaces, shown, focusedMonitor, ...previous, clients };
}

/**
 * The history in `v`, or why it cannot be used (the caller then starts with none). Tile and
 * workspace ids must be below `nextId`, as every id the model hands out is.
 */
export function undoFromJson(v: unknown, nextId: number): { ok: true; undo: UndoHistory } | { ok: false; error: string } {
  try {
    const o = obj(v, 'undo');
    const steps = (key: 'past' | 'future'): UndoStep[] => {
      const list = arr(o[key], `undo.${key}`);
      if (list.length > MAX_STEPS) fail(`undo.${key}`, `more than ${MAX_STEPS} steps`);
      return list.map((s, i) => {
        const p = `undo.${key}[${i}]`;
        const step = obj(s, p);
        return { label: str(step.label, `${p}.label`).slice(0, 200), before: snapshot(step.before, `${p}.before`, nextId) };
      });
    };
    return { ok: true, undo: { past: steps('past'), future: steps('future') } };
  } catch (e) {
    return { ok: false, error: e instanceof Bad ? e.message : `unreadable undo history: ${e instanceof Error ? e.message : String(e)}` };
  }
}
