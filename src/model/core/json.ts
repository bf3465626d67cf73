// Reading JSON that anyone may have edited (a restart's state, its undo history): checks
// that throw a Bad naming the path, and the tile tree both ways. Shared by the readers of
// the model and of its undo history, so a tree is checked the same way in both.
import type { Node, Placeholder, Rect, WindowId } from '../types.js';
import { tileId, windowId } from './ids.js';

export class Bad extends Error {}
export const fail = (path: string, what: string): never => { throw new Bad(`${path}: ${what}`); };

export type Obj = Record<string, unknown>;
export function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
  return v as Obj;
}
export function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'expected an array');
  return v as unknown[];
}
export function str(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(path, 'expected a string');
  return v as string;
}
export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, 'expected true or false');
  return v as boolean;
}
export function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'expected a number');
  return v as number;
}
export function int(v: unknown, path: string, min: number, max: number): number {
  const n = num(v, path);
  if (!Number.isInteger(n) || n < min || n > max) fail(path, `expected a whole number in ${min}..${max}`);
  return n;
}
export const MAX_ID = 0xffffffff;
export const win = (v: unknown, path: string): WindowId => windowId(int(v, path, 1, MAX_ID));
/** What Fion places: whole pixels, never empty. */
export function rect(v: unknown, path: string): Rect {
  const o = obj(v, path);
  const at = (k: 'x' | 'y'): number => int(o[k], `${path}.${k}`, -(1 << 20), 1 << 20);
  const size = (k: 'width' | 'height'): number => int(o[k], `${path}.${k}`, 1, 1 << 20);
  return { x: at('x'), y: at('y'), width: size('width'), height: size('height') };
}
/** What a client asked for: any numbers (the layout clamps them). */
export function anyRect(v: unknown, path: string): Rect {
  const o = obj(v, path);
  return { x: num(o.x, `${path}.x`), y: num(o.y, `${path}.y`), width: num(o.width, `${path}.width`), height: num(o.height, `${path}.height`) };
}
export function opt<T>(o: Obj, key: string, path: string, read: (v: unknown, p: string) => T): { [k: string]: T } {
  return o[key] === undefined ? {} : { [key]: read(o[key], `${path}.${key}`) };
}

/** A tile's placeholders (Tile.waiting): each a description, maybe with its launch. */
function placeholders(v: unknown, path: string): Placeholder[] {
  return arr(v, path).map((x, i) => {
    const p = `${path}[${i}]`;
    const o = obj(x, p);
    const out: { -readonly [K in keyof Placeholder]?: Placeholder[K] } = {};
    for (const k of ['class', 'instance', 'title', 'startupId'] as const) if (o[k] !== undefined) out[k] = str(o[k], `${p}.${k}`);
    if (o.pid !== undefined) out.pid = int(o.pid, `${p}.pid`, 1, 1 << 30);
    if (out.class === undefined && out.instance === undefined && out.title === undefined) fail(p, 'expected class, instance or title');
    return out;
  });
}

export function nodeJson(n: Node): Record<string, unknown> {
  return n.kind === 'tile'
    ? { kind: 'tile', id: n.id, tabs: [...n.tabs], recent: [...n.recent], ...(n.waiting === undefined ? {} : { waiting: n.waiting.map((p) => ({ ...p })) }) }
    : { kind: 'split', id: n.id, axis: n.axis, children: n.children.map(nodeJson), ratios: [...n.ratios] };
}

/** Reads a tree, checking the shape of every split and collecting tile ids and tabs. */
export function node(v: unknown, path: string, seen: Set<number>, nextId: number, parentAxis: string | null, depth: number): Node {
  if (depth > 64) fail(path, 'tile tree nested too deeply');
  const o = obj(v, path);
  const id = int(o.id, `${path}.id`, 1, nextId - 1);
  if (seen.has(id)) fail(`${path}.id`, `id ${id} used twice`);
  seen.add(id);
  if (o.kind === 'tile') {
    const tabs = arr(o.tabs, `${path}.tabs`).map((t, i) => win(t, `${path}.tabs[${i}]`));
    const recent = arr(o.recent, `${path}.recent`).map((t, i) => win(t, `${path}.recent[${i}]`));
    if (new Set(tabs).size !== tabs.length) fail(`${path}.tabs`, 'a tab appears twice');
    if (new Set(recent).size !== recent.length || !recent.every((t) => tabs.includes(t))) fail(`${path}.recent`, 'not tabs of this tile, each once');
    const waiting = o.waiting === undefined ? [] : placeholders(o.waiting, `${path}.waiting`).slice(0, 256);
    return { kind: 'tile', id: tileId(id), tabs, recent, ...(waiting.length > 0 ? { waiting } : {}) };
  }
  if (o.kind !== 'split') fail(`${path}.kind`, 'expected "tile" or "split"');
  const axis = o.axis;
  if (axis !== 'row' && axis !== 'column') fail(`${path}.axis`, 'expected "row" or "column"');
  if (axis === parentAxis) fail(`${path}.axis`, 'a split inside a split of the same axis');
  const kids = arr(o.children, `${path}.children`);
  if (kids.length < 2) fail(`${path}.children`, 'a split needs at least two children');
  const ratios = arr(o.ratios, `${path}.ratios`).map((r, i) => num(r, `${path}.ratios[${i}]`));
  if (ratios.length !== kids.length) fail(`${path}.ratios`, 'expected one ratio per child');
  if (ratios.some((r) => r <= 0)) fail(`${path}.ratios`, 'a ratio is not positive');
  if (Math.abs(ratios.reduce((a, b) => a + b, 0) - 1) > 1e-6) fail(`${path}.ratios`, 'ratios do not sum to 1');
  const children = kids.map((k, i) => node(k, `${path}.children[${i}]`, seen, nextId, axis as string, depth + 1));
  return { kind: 'split', id: tileId(id), axis: axis as 'row' | 'column', children, ratios };
}
