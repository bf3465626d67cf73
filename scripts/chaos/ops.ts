// The chaos client's operations, as data: generated from a seeded PRNG and a
// bookkeeping of what the chaos clients have done (never from what the X
// server or Fion answered), so the same seed always gives the same sequence,
// and a saved list can be replayed, or cut down to a minimal reproduction.
// Windows are named by logical numbers (the n-th window created); an op on a
// logical window that does not exist (cut away by minimisation) does nothing.
import { Rng } from './prng.js';
import { generateI3, type I3Op } from './i3ops.js';

export type PropKind = 'title' | 'wmName' | 'class' | 'hints' | 'normalHints' | 'transient' | 'protocols' | 'type' | 'netState';

export type Op =
  /** Create a window on client `slot` (top-level unless `parent`), maybe map it at once. */
  | { k: 'create'; slot: number; w: number; g: [number, number, number, number]; or: boolean; inputOnly: boolean;
      parent: number | null; seed: number; obey: boolean; map: boolean }
  /** Create and map many windows in one go. */
  | { k: 'burst'; slot: number; ws: number[]; seed: number }
  | { k: 'map'; w: number }
  | { k: 'unmap'; w: number }
  /** ICCCM 4.1.4 withdrawal: unmap, then a synthetic UnmapNotify to the root. */
  | { k: 'withdraw'; w: number }
  /** Unmap and map again, back to back. */
  | { k: 'remap'; w: number }
  | { k: 'destroy'; w: number }
  | { k: 'destroyBurst'; ws: number[] }
  /** Create, map and destroy at once: gone before Fion can look at it. */
  | { k: 'mapDestroy'; slot: number; w: number; seed: number }
  /** Reparent into another window of the same client (or back to the root: into = null). */
  | { k: 'reparent'; w: number; into: number | null; x: number; y: number }
  | { k: 'prop'; w: number; what: PropKind; seed: number }
  | { k: 'configure'; w: number; seed: number }
  /** A ClientMessage to the root (EWMH requests, FION_SYNC, garbage). */
  | { k: 'message'; slot: number; about: number | null; seed: number }
  /** A synthetic MapRequest / ConfigureRequest to the root. */
  | { k: 'fake'; slot: number; about: number | null; seed: number }
  /** The client sets the input focus to its own window. */
  | { k: 'focus'; w: number }
  /** The client's connection is cut (socket destroyed); a fresh one takes its place. */
  | { k: 'kill'; slot: number }
  /** Key bindings pressed through xdotool. */
  | { k: 'keys'; keys: string[] }
  /** A well-formed _NET_WM_STATE request about a window (random action and states). */
  | { k: 'netState'; w: number; seed: number }
  /** WM_CHANGE_STATE about a window: Iconic (minimise) or Normal. */
  | { k: 'iconify'; w: number; iconic: boolean }
  /** An applet asks the system tray to dock a window (its _XEMBED_INFO first: shown, hidden,
   *  absent or garbage); now and then the request names a window that is not its own. */
  | { k: 'trayDock'; w: number; info: 'shown' | 'hidden' | 'none' | 'garbage'; stranger: boolean }
  /** A window changes its override-redirect attribute. */
  | { k: 'setOR'; w: number; on: boolean }
  /** A pointer drag through xdotool (XTEST), pressed at `path[0]`, moved along the rest,
   *  released at the end: super+button 1 moves a float or drops a tiled window onto the tile
   *  under the pointer, super+button 3 resizes a float, button 1 alone drags a border between
   *  tiles (pressed where borders fall: halves, thirds and quarters of the screen). */
  | { k: 'drag'; how: DragHow; path: [number, number][]; burst: boolean }
  /** An i3 RUN_COMMAND, GET_TREE or GET_WORKSPACES over Fion's i3 socket (i3ops.ts). */
  | I3Op;

export type DragHow = 'move' | 'resize' | 'border';
/** The chaos display's size (target.ts): where drags aim. */
export const DRAG_SCREEN = [1280, 800] as const;

export type OpKind = Op['k'] | `prop.${PropKind}` | `drag.${DragHow}`;

export const kindOf = (op: Op): OpKind => (op.k === 'prop' ? `prop.${op.what}` : op.k === 'drag' ? `drag.${op.how}` : op.k);

/** Harmless default bindings (config/fion.yaml): no terminal, no exit. `close` is rare and separate. */
export const SAFE_KEYS = [
  'super+shift+n', 'super+shift+p', 'super+shift+t', 'super+shift+v', 'super+shift+h', 'super+shift+d',
  'super+shift+w', 'super+shift+a', 'super+shift+c', 'super+shift+x', 'super+1', 'super+2', 'super+3',
  'super+shift+Left', 'super+shift+Right', 'super+shift+Up', 'super+shift+Down',
  'super+w', 'super+t', 'super+Tab', 'n', 'p',
  // The scratchpad (show, move) and sticky toggles: hidden windows must stay reachable.
  'super+minus', 'super+shift+minus', 'super+shift+s',
];
export const CLOSE_KEY = 'super+shift+q';

export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = {
  create: 6, burst: 1.5, map: 6, unmap: 4, withdraw: 3, remap: 4, destroy: 5, destroyBurst: 0.7, mapDestroy: 4,
  reparent: 2, prop: 14, configure: 6, message: 6, fake: 2, focus: 2, kill: 1.2, keys: 6, setOR: 0.4,
  netState: 3, iconify: 3, trayDock: 1.5, drag: 3, i3: 4,
};
const PROP_WEIGHTS: Readonly<Record<PropKind, number>> = {
  title: 6, wmName: 3, class: 2, hints: 3, normalHints: 2, transient: 2, protocols: 2, type: 1, netState: 1,
};

interface BookWindow {
  readonly w: number;
  readonly slot: number;
  mapped: boolean;
  top: boolean;
  readonly or: boolean;
}

/** What the chaos clients believe they did: the only input to generation besides the PRNG. */
export class Book {
  readonly windows = new Map<number, BookWindow>();
  nextWindow = 1;
  constructor(readonly slots: number) {}

  alive(): BookWindow[] { return [...this.windows.values()]; }

  apply(op: Op): void {
    switch (op.k) {
      case 'create':
        this.windows.set(op.w, { w: op.w, slot: op.slot, mapped: op.map, top: op.parent === null, or: op.or });
        this.nextWindow = Math.max(this.nextWindow, op.w + 1);
        return;
      case 'burst':
        for (const w of op.ws) this.windows.set(w, { w, slot: op.slot, mapped: true, top: true, or: false });
        this.nextWindow = Math.max(this.nextWindow, ...op.ws.map((w) => w + 1));
        return;
      case 'mapDestroy':
        this.nextWindow = Math.max(this.nextWindow, op.w + 1);
        return;
      case 'map': case 'remap': { const b = this.windows.get(op.w); if (b) b.mapped = true; return; }
      case 'unmap': case 'withdraw': { const b = this.windows.get(op.w); if (b) b.mapped = false; return; }
      case 'destroy': this.destroy(op.w); return;
      case 'destroyBurst': for (const w of op.ws) this.destroy(w); return;
      case 'reparent': { const b = this.windows.get(op.w); if (b) b.top = op.into === null; return; }
      case 'kill':
        for (const b of this.alive()) if (b.slot === op.slot) this.windows.delete(b.w);
        return;
      default:
        return;
    }
  }

  /** A window and all windows inside it. */
  private destroy(w: number): void {
    this.windows.delete(w);
    // Children reparented into it die with it; the book doesn't track nesting
    // precisely, so it keeps them: ops on them are harmless BadWindows.
  }
}

/** The next operation. Uses only `rng` and `book`. */
export function generate(rng: Rng, book: Book, weights: Readonly<Record<string, number>>, opts: { keys: boolean; closeKey: boolean; maxWindows: number }): Op {
  const alive = book.alive();
  const w = { ...weights };
  if (!opts.keys) { w.keys = 0; w.drag = 0; }
  if (alive.length === 0) { for (const k of Object.keys(w)) if (!['create', 'burst', 'mapDestroy', 'message', 'keys', 'fake', 'i3'].includes(k)) w[k] = 0; }
  if (alive.length > opts.maxWindows) { w.create = 0; w.burst = 0; w.destroyBurst = (w.destroyBurst ?? 0) * 4; w.destroy = (w.destroy ?? 0) * 3; }
  const kind = rng.weighted(w);
  const slot = rng.int(0, book.slots - 1);
  const any = (): number => rng.pick(alive).w;
  switch (kind) {
    case 'create': {
      const nw = book.nextWindow;
      const sameSlot = alive.filter((b) => b.slot === slot);
      const child = sameSlot.length > 0 && rng.bool(0.08);
      return {
        k: 'create', slot, w: nw, g: geometry(rng), or: rng.bool(0.05), inputOnly: rng.bool(0.03),
        parent: child ? rng.pick(sameSlot).w : null, seed: rng.fork(), obey: rng.bool(0.5), map: rng.bool(0.8),
      };
    }
    case 'burst': {
      const n = rng.int(3, 25);
      return { k: 'burst', slot, ws: Array.from({ length: n }, (_, i) => book.nextWindow + i), seed: rng.fork() };
    }
    case 'map': return { k: 'map', w: any() };
    case 'unmap': return { k: 'unmap', w: any() };
    case 'withdraw': return { k: 'withdraw', w: any() };
    case 'remap': return { k: 'remap', w: any() };
    case 'destroy': return { k: 'destroy', w: any() };
    case 'destroyBurst': {
      const n = Math.min(alive.length, rng.int(2, 30));
      const ws = new Set<number>();
      for (let i = 0; i < n; i++) ws.add(any());
      return { k: 'destroyBurst', ws: [...ws] };
    }
    case 'mapDestroy': return { k: 'mapDestroy', slot, w: book.nextWindow, seed: rng.fork() };
    case 'reparent': {
      const b = rng.pick(alive);
      const others = alive.filter((o) => o.slot === b.slot && o.w !== b.w);
      const into = others.length === 0 || (!b.top && rng.bool(0.6)) ? null : rng.pick(others).w;
      return { k: 'reparent', w: b.w, into, x: rng.int(-50, 300), y: rng.int(-50, 300) };
    }
    case 'prop': return { k: 'prop', w: any(), what: rng.weighted(PROP_WEIGHTS), seed: rng.fork() };
    case 'configure': return { k: 'configure', w: any(), seed: rng.fork() };
    case 'message': return { k: 'message', slot, about: alive.length > 0 && rng.bool(0.7) ? any() : null, seed: rng.fork() };
    case 'fake': return { k: 'fake', slot, about: alive.length > 0 && rng.bool(0.8) ? any() : null, seed: rng.fork() };
    case 'focus': return { k: 'focus', w: any() };
    case 'netState': return { k: 'netState', w: any(), seed: rng.fork() };
    case 'iconify': return { k: 'iconify', w: any(), iconic: rng.bool(0.7) };
    case 'trayDock': return { k: 'trayDock', w: any(), info: rng.pick(['shown', 'shown', 'hidden', 'none', 'garbage'] as const), stranger: rng.bool(0.1) };
    case 'kill': return { k: 'kill', slot };
    case 'keys': {
      const n = rng.int(1, 8);
      const keys = Array.from({ length: n }, () => (opts.closeKey && rng.bool(0.03) ? CLOSE_KEY : rng.pick(SAFE_KEYS)));
      return { k: 'keys', keys };
    }
    case 'drag': return drag(rng);
    // Only ever on: a window that turns override-redirect while unmapped and back off once mapped
    // would be a viewable window no manager ever saw (nothing Fion could know about).
    case 'setOR': { rng.bool(0.5); return { k: 'setOR', w: any(), on: true }; }
    case 'i3': return generateI3(rng, opts.closeKey);
    default: throw new Error(`unknown op kind ${kind}`);
  }
}

function drag(rng: Rng): Op {
  const [W, H] = DRAG_SCREEN;
  const how = rng.weighted({ move: 3, resize: 2, border: 3 }) as DragHow;
  const point = (): [number, number] => [rng.int(0, W - 1), rng.int(0, H - 1)];
  let start = point();
  if (how === 'border') {
    // Near where a border between tiles falls, give or take the grab's few pixels.
    const at = (len: number): number => Math.round(len * rng.pick([1 / 2, 1 / 3, 2 / 3, 1 / 4, 3 / 4])) + rng.int(-6, 6);
    start = rng.bool(0.6) ? [at(W), rng.int(0, H - 1)] : [rng.int(0, W - 1), at(H)];
  }
  const path: [number, number][] = [start];
  for (let i = rng.int(1, 5); i > 0; i--) path.push(rng.bool(0.15) ? [rng.int(-50, W + 50), rng.int(-50, H + 50)] : point());
  // burst: one xdotool command (the press and its motion arrive together); else a pause after the press.
  return { k: 'drag', how, path, burst: rng.bool(0.6) };
}

function geometry(rng: Rng): [number, number, number, number] {
  const size = (): number => rng.pick([rng.int(1, 800), rng.int(1, 800), 1, 2, 65535, rng.int(1000, 40000)]);
  return [rng.int(-2000, 2000), rng.int(-2000, 2000), size(), size()];
}

/** A short human-readable form of an op, for traces and reports. */
export function showOp(op: Op): string {
  const { k, ...rest } = op;
  return `${k} ${JSON.stringify(rest)}`;
}
