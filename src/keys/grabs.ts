// Key bindings on the server: resolve key specs to keycodes and modifier
// masks through the server's own keyboard map (so Super is found wherever
// xmodmap put it), grab them on every root with every Lock/Num Lock
// variant, and look key presses up again.
import type { XPort } from '../x/port.js';
import { ControlMask, Mod3Mask, Mod5Mask, ShiftMask, keycodesFor, lockVariants, type KeyboardMap } from '../x/keyboard.js';
import { keysymByName } from '../x/keysyms.js';
import { parseKeySpec, type Modifier } from './keyspec.js';

export interface Bound {
  readonly keys: string;
  readonly command: string;
}

/** keycode:mask -> binding, masks without Lock and Num Lock. */
export type GrabTable = ReadonlyMap<string, Bound>;

/** The modifier bit of `m` on this keyboard (Super is wherever xmodmap put it). */
export function maskOf(kb: KeyboardMap, m: Modifier): number {
  switch (m) {
    case 'super': return kb.superMask;
    case 'alt': return kb.altMask;
    case 'ctrl': return ControlMask;
    case 'shift': return ShiftMask;
    case 'mod3': return Mod3Mask;
    case 'mod5': return Mod5Mask;
  }
}

/** The modifier bits that distinguish bindings (Lock and Num Lock never do). */
export const relevantMask = (kb: KeyboardMap): number =>
  ShiftMask | ControlMask | kb.superMask | kb.altMask | Mod3Mask | Mod5Mask;

/** Resolve bindings to a table; a spec this keyboard can't type is reported and skipped. */
export function resolveBindings(kb: KeyboardMap, bindings: readonly Bound[]): { table: Map<string, Bound>; problems: string[] } {
  const table = new Map<string, Bound>();
  const problems: string[] = [];
  for (const b of bindings) {
    const parsed = parseKeySpec(b.keys);
    if (!parsed.ok) { problems.push(`${b.keys}: ${parsed.error}`); continue; }
    const sym = keysymByName(parsed.spec.keysym);
    const codes = sym === undefined ? [] : keycodesFor(kb, sym);
    if (codes.length === 0) { problems.push(`${b.keys}: no key on this keyboard types ${parsed.spec.keysym}`); continue; }
    let mask = 0;
    for (const m of parsed.spec.modifiers) mask |= maskOf(kb, m);
    for (const c of codes) {
      const m = c.shift ? mask | ShiftMask : mask;
      table.set(`${c.keycode}:${m}`, b);
    }
  }
  return { table, problems };
}

export function lookup(table: GrabTable, kb: KeyboardMap, keycode: number, state: number): Bound | undefined {
  return table.get(`${keycode}:${state & relevantMask(kb)}`);
}

/** Replace every grab on every root with the table's. */
export function grabAll(x: XPort, kb: KeyboardMap, table: GrabTable): void {
  const variants = lockVariants(kb);
  for (const s of x.screens) {
    x.ungrabAllKeys(s.root);
    for (const key of table.keys()) {
      const [code, mask] = key.split(':').map(Number) as [number, number];
      for (const v of variants) x.grabKey(s.root, mask | v, code);
    }
  }
}
