// Which FocusOut and FocusIn events a change of the input focus generates,
// in order, the way the X.Org server does it with one keyboard (dix's
// CoreFocusEvents): the protocol's rules, plus its NotifyPointer runs on the
// window under the pointer. Fion reads the details: Virtual and
// NonlinearVirtual on a root mean the focus went to a client, Inferior on a
// client means the client focused its own child.
import { FocusDetail, FocusMode, None, PointerRoot } from '../../src/x/protocol.js';
import type { WindowId } from '../../src/x/types.js';

/** Where the focus is: None (0), PointerRoot (1) or a window. */
export type FocusTarget = number;

export interface FocusEvent {
  readonly kind: 'FocusIn' | 'FocusOut';
  readonly window: WindowId;
  readonly detail: number;
  readonly mode: number;
}

/** What the computation needs of the window tree. */
export interface FocusTree {
  /** null for a root. */
  parent(w: WindowId): WindowId | null;
  readonly roots: readonly WindowId[];
  /** The deepest viewable window under the pointer (its root at least). */
  pointerWindow(): WindowId;
}

const isWindow = (t: FocusTarget): boolean => t !== None && t !== PointerRoot;

/** The events of the focus moving `from` → `to` in `mode` (FocusMode). */
export function focusEvents(t: FocusTree, from: FocusTarget, to: FocusTarget, mode: number): FocusEvent[] {
  if (from === to && mode !== FocusMode.Grab && mode !== FocusMode.Ungrab) return [];
  const out: FocusEvent[] = [];
  const ev = (kind: FocusEvent['kind'], window: number, detail: number): void => {
    out.push({ kind, window: window as WindowId, detail, mode });
  };
  const parent = (w: number): number | null => t.parent(w as WindowId);
  /** Whether `a` is a strict ancestor of `b`. */
  const isParent = (a: number, b: number): boolean => {
    for (let p = parent(b); p !== null; p = parent(p)) if (p === a) return true;
    return false;
  };
  const rootOf = (w: number): number => {
    let r = w;
    for (let p = parent(r); p !== null; p = parent(r)) r = p;
    return r;
  };
  /** FocusOut on each window from child's parent up to ancestor (exclusive; null: every ancestor). */
  const outUpTo = (child: number, ancestor: number | null, detail: number): void => {
    for (let w = parent(child); w !== null && w !== ancestor; w = parent(w)) ev('FocusOut', w, detail);
  };
  /** FocusIn on each window strictly between ancestor (null: above the root) and child, top down. */
  const inDownTo = (ancestor: number | null, child: number, detail: number): void => {
    const p = parent(child);
    if (p === ancestor || p === null) return;
    inDownTo(ancestor, p, detail);
    ev('FocusIn', p, detail);
  };
  /** NotifyPointer FocusOuts from the pointer window up to `top` (inclusive or not). */
  const outPointer = (top: number, exclude: number, inclusive: boolean): void => {
    const pointer = t.pointerWindow();
    if (!isParent(top, pointer) && !(top === pointer && inclusive)) return;
    if (isWindow(exclude) && (isParent(exclude, pointer) || isParent(pointer, exclude))) return;
    const stopAt = inclusive ? parent(top) : top;
    for (let p: number | null = pointer; p !== null && p !== stopAt; p = parent(p)) ev('FocusOut', p, FocusDetail.Pointer);
  };
  /** NotifyPointer FocusIns from below `top` (or from the root, inclusive) down to the pointer window. */
  const inPointer = (top: number, exclude: number, inclusive: boolean): void => {
    const p = t.pointerWindow();
    if (p === exclude || (top !== p && !isParent(top, p))) return;
    if (exclude !== None && (isParent(exclude, p) || isParent(p, exclude))) return;
    const down = (w: number | null): void => {
      if (w === null || (!inclusive && w === top)) return;
      down(parent(w));
      ev('FocusIn', w, FocusDetail.Pointer);
    };
    down(p);
  };
  const rootDetail = (target: FocusTarget): number => (target === PointerRoot ? FocusDetail.PointerRoot : FocusDetail.None);

  if (!isWindow(from) && !isWindow(to)) {
    for (const root of t.roots) {
      if (from === PointerRoot && to !== PointerRoot && isParent(root, t.pointerWindow())) outPointer(root, None, true);
      ev('FocusOut', root, rootDetail(from));
      ev('FocusIn', root, rootDetail(to));
      if (to === PointerRoot) inPointer(root, None, true);
    }
  } else if (!isWindow(to)) {
    outPointer(from, None, false);
    ev('FocusOut', from, FocusDetail.Nonlinear);
    outUpTo(from, null, FocusDetail.NonlinearVirtual);
    for (const root of t.roots) {
      ev('FocusIn', root, rootDetail(to));
      if (to === PointerRoot) inPointer(root, None, true);
    }
  } else if (!isWindow(from)) {
    for (const root of t.roots) {
      if (from === PointerRoot) outPointer(root, None, true);
      ev('FocusOut', root, rootDetail(from));
    }
    const root = rootOf(to);
    if (to !== root) {
      ev('FocusIn', root, FocusDetail.NonlinearVirtual);
      inDownTo(root, to, FocusDetail.NonlinearVirtual);
    }
    ev('FocusIn', to, FocusDetail.Nonlinear);
    inPointer(to, None, false);
  } else if (isParent(from, to)) {
    outPointer(from, to, false);
    ev('FocusOut', from, FocusDetail.Inferior);
    inDownTo(from, to, FocusDetail.Virtual);
    ev('FocusIn', to, FocusDetail.Ancestor);
  } else if (isParent(to, from)) {
    ev('FocusOut', from, FocusDetail.Ancestor);
    outUpTo(from, to, FocusDetail.Virtual);
    ev('FocusIn', to, FocusDetail.Inferior);
    inPointer(to, from, false);
  } else {
    // Neither contains the other: through their closest common ancestor (none: other screens).
    let common: number | null = parent(to);
    while (common !== null && !isParent(common, from)) common = parent(common);
    outPointer(from, None, false);
    ev('FocusOut', from, FocusDetail.Nonlinear);
    outUpTo(from, common, FocusDetail.NonlinearVirtual);
    inDownTo(common, to, FocusDetail.NonlinearVirtual);
    ev('FocusIn', to, FocusDetail.Nonlinear);
    inPointer(to, None, false);
  }
  return out;
}
