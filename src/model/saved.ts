// Saved layouts: a workspace's tile tree as plain data (splits with ratios, tiles with the
// windows they held described by class, instance or title), and loading one back as tiles
// that wait for matching windows. A new tiled client that matches a waiting tile goes there.
import { refuse } from './core/message.js';
import { findClient, focusedWorkspace, tilesFocused, updateTile, updateWorkspace } from './core/queries.js';
import { withTabAs, withoutTab } from './core/tile.js';
import { mapTile, pathTo, replaceFlattened, tiles } from './core/tree.js';
import { tileId } from './core/ids.js';
import { textMatches } from '../text/match.js';
import type { Client, Model, Node, Split, TabMatch, WindowId } from './types.js';

export type SavedNode =
  | { readonly kind: 'tile'; readonly tabs: readonly TabMatch[] }
  | { readonly kind: 'split'; readonly axis: Split['axis']; readonly ratios: readonly number[]; readonly children: readonly SavedNode[] };

export interface SavedLayout {
  /** Format version: 1. */
  readonly fion_layout: 1;
  readonly workspace: string;
  readonly root: SavedNode;
}

/** Biggest layouts accepted from a file: deeper or wider ones are refused, not recursed into. */
export const SAVED_LIMITS = { depth: 32, tiles: 256, tabsPerTile: 64, textLength: 1024 } as const;

/** Whether a client fits a waiting tab's description (every given field must match). */
export function matchesClient(m: TabMatch, c: Client): boolean {
  if (m.class === undefined && m.instance === undefined && m.title === undefined) return false;
  return textMatches(m.class, c.class) && textMatches(m.instance, c.instance) && textMatches(m.title, c.title);
}

/** The description a saved tab gets: its class and instance (titles change too often). */
function describe(c: Client | undefined): TabMatch | null {
  if (c === undefined || (c.class === '' && c.instance === '')) return null;
  return { ...(c.class === '' ? {} : { class: c.class }), ...(c.instance === '' ? {} : { instance: c.instance }) };
}

/** The focused workspace's tile tree as a SavedLayout: tabs and tiles still waiting both saved. */
export function saveLayout(model: Model): SavedLayout {
  const ws = focusedWorkspace(model);
  const node = (n: Node): SavedNode => n.kind === 'tile'
    ? { kind: 'tile', tabs: [...n.tabs.flatMap((t) => describe(model.clients.get(t)) ?? []), ...(n.waiting ?? [])] }
    : { kind: 'split', axis: n.axis, ratios: [...n.ratios], children: n.children.map(node) };
  return { fion_layout: 1, workspace: ws.name, root: node(ws.root) };
}

// ---- reading untrusted data ----

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validate parsed JSON as a SavedLayout: a message naming the first problem, or the layout. */
export function parseSavedLayout(value: unknown): { ok: true; layout: SavedLayout } | { ok: false; error: string } {
  if (!isRecord(value) || value.fion_layout !== 1) return { ok: false, error: 'not a Fion layout (expected "fion_layout": 1)' };
  let tileCount = 0;
  const node = (v: unknown, where: string, depth: number): SavedNode | string => {
    if (depth > SAVED_LIMITS.depth) return `${where}: nested deeper than ${SAVED_LIMITS.depth}`;
    if (!isRecord(v)) return `${where}: expected an object`;
    if (v.kind === 'tile') {
      if (++tileCount > SAVED_LIMITS.tiles) return `more than ${SAVED_LIMITS.tiles} tiles`;
      const tabs = v.tabs ?? [];
      if (!Array.isArray(tabs) || tabs.length > SAVED_LIMITS.tabsPerTile) return `${where}.tabs: expected a list of at most ${SAVED_LIMITS.tabsPerTile}`;
      const out: TabMatch[] = [];
      for (const [i, t] of tabs.entries()) {
        if (!isRecord(t)) return `${where}.tabs[${i}]: expected an object with class, instance or title`;
        const m: { class?: string; instance?: string; title?: string } = {};
        for (const k of ['class', 'instance', 'title'] as const) {
          const x = t[k];
          if (x === undefined) continue;
          if (typeof x !== 'string' || x.length > SAVED_LIMITS.textLength) return `${where}.tabs[${i}].${k}: expected text`;
          m[k] = x;
        }
        if (Object.keys(m).length === 0) return `${where}.tabs[${i}]: expected class, instance or title`;
        out.push(m);
      }
      return { kind: 'tile', tabs: out };
    }
    if (v.kind === 'split') {
      if (v.axis !== 'row' && v.axis !== 'column') return `${where}.axis: expected "row" or "column"`;
      const children = v.children;
      if (!Array.isArray(children) || children.length === 0) return `${where}.children: expected a non-empty list`;
      const ratios = v.ratios ?? children.map(() => 1);
      if (!Array.isArray(ratios) || ratios.length !== children.length ||
        !ratios.every((r): r is number => typeof r === 'number' && Number.isFinite(r) && r > 0)) {
        return `${where}.ratios: expected one positive number per child`;
      }
      const kids: SavedNode[] = [];
      for (const [i, c] of children.entries()) {
        const k = node(c, `${where}.children[${i}]`, depth + 1);
        if (typeof k === 'string') return k;
        kids.push(k);
      }
      return { kind: 'split', axis: v.axis, ratios, children: kids };
    }
    return `${where}.kind: expected "tile" or "split"`;
  };
  const root = node(value.root, 'root', 0);
  if (typeof root === 'string') return { ok: false, error: root };
  return { ok: true, layout: { fion_layout: 1, workspace: typeof value.workspace === 'string' ? value.workspace : '', root } };
}

// ---- loading ----

/** Build model nodes from a saved tree: fresh ids, ratios normalised, splits of one child
 *  collapsed and a split inside one of the same axis flattened (the tree's invariants). */
function build(saved: SavedNode, next: () => number): Node {
  if (saved.kind === 'tile') {
    return { kind: 'tile', id: tileId(next()), tabs: [], recent: [], ...(saved.tabs.length > 0 ? { waiting: saved.tabs } : {}) };
  }
  const children: Node[] = [];
  const ratios: number[] = [];
  const sum = saved.ratios.reduce((a, b) => a + b, 0);
  saved.children.forEach((c, i) => {
    const child = build(c, next);
    const r = saved.ratios[i]! / sum;
    if (child.kind === 'split' && child.axis === saved.axis) {
      children.push(...child.children);
      ratios.push(...child.ratios.map((x) => x * r));
    } else {
      children.push(child);
      ratios.push(r);
    }
  });
  if (children.length === 1) return children[0]!;
  return { kind: 'split', id: tileId(next()), axis: saved.axis, children, ratios };
}

/**
 * Put a saved layout where the focused tile is: the tile is replaced by the saved tree,
 * whose first tile takes the old tile's tabs and the focus. The other tiles start empty,
 * waiting for windows that match their saved tabs.
 */
export function loadLayout(model: Model, saved: SavedLayout): Model {
  const ws = focusedWorkspace(model);
  const path = pathTo(ws.root, ws.focus);
  if (path === null) return refuse(model, 'layout load: no focused tile');
  const old = tiles(ws.root).find((t) => t.id === ws.focus)!;
  let id = model.nextId;
  const loaded = build(saved.root, () => id++);
  const first = tiles(loaded)[0]!;
  const withOld = mapTile(loaded, first.id, (t) => ({ ...t, tabs: old.tabs, recent: old.recent }));
  // Inside a split of the same axis, the loaded split's children join it.
  const root = replaceFlattened(path, withOld);
  const next = updateWorkspace(model, ws.id, (w) => ({ ...tilesFocused(w), root, focus: first.id }));
  return { ...next, nextId: id };
}

/**
 * A tiled client that a waiting tile describes goes there (the first such tile, workspaces
 * in order) and is shown in it; that description is used up. Anything else: unchanged.
 */
export function claimWaiting(model: Model, id: WindowId): Model {
  const c = model.clients.get(id);
  const at = findClient(model, id);
  if (c === undefined || at === null || at.floating === true) return model;
  for (const ws of model.workspaces) {
    for (const t of tiles(ws.root)) {
      const i = (t.waiting ?? []).findIndex((m) => matchesClient(m, c));
      if (i < 0) continue;
      const waiting = t.waiting!.toSpliced(i, 1);
      const fromHere = updateWorkspace(model, at.workspace, (w) => updateTile(w, at.tile, (x) => withoutTab(x, id)));
      return updateWorkspace(fromHere, ws.id, (w) => updateTile(w, t.id, (x) => {
        const { waiting: _w, ...rest } = withTabAs(x, id, c.minimised);
        return waiting.length > 0 ? { ...rest, waiting } : rest;
      }));
    }
  }
  return model;
}
