// Saved layouts: a workspace's tile tree as plain data (splits with ratios, tiles with the
// windows they held described by class, instance or title), and loading one back as tiles
// that wait for matching windows (placeholders.ts fills them).
import { refuse } from './core/message.js';
import { focusedWorkspace, tilesFocused, updateWorkspace } from './core/queries.js';
import { mapTile, pathTo, replaceFlattened, tiles } from './core/tree.js';
import { build } from './core/build.js';
import type { Client, Model, Node, SavedNode, TabMatch } from './types.js';

export type { SavedNode } from './types.js';

export interface SavedLayout {
  /** Format version: 1. */
  readonly fion_layout: 1;
  readonly workspace: string;
  readonly root: SavedNode;
}

/** Biggest layouts accepted from a file: deeper or wider ones are refused, not recursed into. */
export const SAVED_LIMITS = { depth: 32, tiles: 256, tabsPerTile: 64, textLength: 1024 } as const;

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

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A saved tab as a layout file has it: class, instance or title, each text. */
export function readTabMatch(t: unknown, where: string): TabMatch | string {
  if (!isRecord(t)) return `${where}: expected an object with class, instance or title`;
  const m: { class?: string; instance?: string; title?: string } = {};
  for (const k of ['class', 'instance', 'title'] as const) {
    const x = t[k];
    if (x === undefined) continue;
    if (typeof x !== 'string' || x.length > SAVED_LIMITS.textLength) return `${where}.${k}: expected text`;
    m[k] = x;
  }
  if (Object.keys(m).length === 0) return `${where}: expected class, instance or title`;
  return m;
}

/** Validate parsed JSON as a saved tile tree whose tabs `readTab` reads: the tree, or a
 *  message naming the first problem. Deep or wide trees are refused, not recursed into. */
export function parseSavedTree<T>(value: unknown, at: string, readTab: (t: unknown, where: string) => T | string): SavedNode<T> | string {
  let tileCount = 0;
  const node = (v: unknown, where: string, depth: number): SavedNode<T> | string => {
    if (depth > SAVED_LIMITS.depth) return `${where}: nested deeper than ${SAVED_LIMITS.depth}`;
    if (!isRecord(v)) return `${where}: expected an object`;
    if (v.kind === 'tile') {
      if (++tileCount > SAVED_LIMITS.tiles) return `more than ${SAVED_LIMITS.tiles} tiles`;
      const tabs = v.tabs ?? [];
      if (!Array.isArray(tabs) || tabs.length > SAVED_LIMITS.tabsPerTile) return `${where}.tabs: expected a list of at most ${SAVED_LIMITS.tabsPerTile}`;
      const out: T[] = [];
      for (const [i, t] of tabs.entries()) {
        const tab = readTab(t, `${where}.tabs[${i}]`);
        if (typeof tab === 'string') return tab;
        out.push(tab);
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
      const kids: SavedNode<T>[] = [];
      for (const [i, c] of children.entries()) {
        const k = node(c, `${where}.children[${i}]`, depth + 1);
        if (typeof k === 'string') return k;
        kids.push(k);
      }
      return { kind: 'split', axis: v.axis, ratios, children: kids };
    }
    return `${where}.kind: expected "tile" or "split"`;
  };
  return node(value, at, 0);
}

/** Validate parsed JSON as a SavedLayout: a message naming the first problem, or the layout. */
export function parseSavedLayout(value: unknown): { ok: true; layout: SavedLayout } | { ok: false; error: string } {
  if (!isRecord(value) || value.fion_layout !== 1) return { ok: false, error: 'not a Fion layout (expected "fion_layout": 1)' };
  const root = parseSavedTree(value.root, 'root', readTabMatch);
  if (typeof root === 'string') return { ok: false, error: root };
  return { ok: true, layout: { fion_layout: 1, workspace: typeof value.workspace === 'string' ? value.workspace : '', root } };
}

// ---- loading ----

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
