// Property values, ConfigureWindow values and client messages a hostile or
// buggy client might send: sane ones, odd ones and plain garbage. Each comes
// from its op's own seed, so it is the same on every replay.
import { Rng } from './prng.js';

export interface PropValue {
  readonly type: number;
  readonly format: number;
  /** Written in chunks (Replace, then Append): one request is limited to 256 KiB. */
  readonly data: Buffer;
  /** Delete the property instead. */
  readonly delete?: boolean;
}

/** The atoms garbage is made of (interned once per connection). */
export interface GarbageAtoms {
  readonly STRING: number; readonly UTF8_STRING: number; readonly COMPOUND_TEXT: number; readonly CARDINAL: number;
  readonly ATOM: number; readonly WINDOW: number; readonly INTEGER: number; readonly WM_HINTS: number; readonly WM_SIZE_HINTS: number;
  readonly WM_DELETE_WINDOW: number; readonly WM_TAKE_FOCUS: number; readonly _NET_WM_PING: number;
  readonly _NET_WM_WINDOW_TYPE_DOCK: number; readonly _NET_WM_WINDOW_TYPE_DIALOG: number; readonly _NET_WM_WINDOW_TYPE_UTILITY: number;
  readonly _NET_WM_WINDOW_TYPE_SPLASH: number; readonly _NET_WM_WINDOW_TYPE_NOTIFICATION: number; readonly _NET_WM_WINDOW_TYPE_NORMAL: number;
  readonly _NET_WM_STATE_FULLSCREEN: number; readonly _NET_WM_STATE_HIDDEN: number; readonly _NET_WM_STATE_ABOVE: number;
  readonly _NET_WM_STATE_MAXIMIZED_VERT: number; readonly _NET_WM_STATE_DEMANDS_ATTENTION: number;
  readonly _NET_ACTIVE_WINDOW: number; readonly _NET_WM_STATE: number; readonly _NET_CLOSE_WINDOW: number;
  readonly _NET_MOVERESIZE_WINDOW: number; readonly _NET_WM_MOVERESIZE: number; readonly _NET_CURRENT_DESKTOP: number;
  readonly _NET_NUMBER_OF_DESKTOPS: number; readonly _NET_SHOWING_DESKTOP: number; readonly _NET_REQUEST_FRAME_EXTENTS: number;
  readonly _NET_WM_DESKTOP: number; readonly WM_CHANGE_STATE: number; readonly WM_PROTOCOLS: number; readonly FION_SYNC: number;
  readonly CHAOS_JUNK_1: number; readonly CHAOS_JUNK_2: number; readonly CHAOS_JUNK_3: number;
  readonly _NET_WM_NAME: number; readonly _NET_WM_WINDOW_TYPE: number;
  readonly _NET_WM_STATE_MAXIMIZED_HORZ: number; readonly _NET_WM_STATE_BELOW: number; readonly _NET_WM_STATE_STICKY: number;
  readonly _NET_WM_STATE_MODAL: number; readonly _NET_WM_STATE_SHADED: number; readonly _NET_WM_STATE_SKIP_TASKBAR: number;
  readonly _NET_WM_STATE_SKIP_PAGER: number; readonly _NET_WM_STATE_FOCUSED: number;
  readonly _NET_SYSTEM_TRAY_S0: number; readonly _NET_SYSTEM_TRAY_OPCODE: number; readonly _XEMBED_INFO: number;
}
export const GARBAGE_ATOM_NAMES: readonly (keyof GarbageAtoms)[] = [
  'STRING', 'UTF8_STRING', 'COMPOUND_TEXT', 'CARDINAL', 'ATOM', 'WINDOW', 'INTEGER', 'WM_HINTS', 'WM_SIZE_HINTS',
  'WM_DELETE_WINDOW', 'WM_TAKE_FOCUS', '_NET_WM_PING',
  '_NET_WM_WINDOW_TYPE_DOCK', '_NET_WM_WINDOW_TYPE_DIALOG', '_NET_WM_WINDOW_TYPE_UTILITY', '_NET_WM_WINDOW_TYPE_SPLASH',
  '_NET_WM_WINDOW_TYPE_NOTIFICATION', '_NET_WM_WINDOW_TYPE_NORMAL',
  '_NET_WM_STATE_FULLSCREEN', '_NET_WM_STATE_HIDDEN', '_NET_WM_STATE_ABOVE', '_NET_WM_STATE_MAXIMIZED_VERT',
  '_NET_WM_STATE_DEMANDS_ATTENTION', '_NET_ACTIVE_WINDOW', '_NET_WM_STATE', '_NET_CLOSE_WINDOW', '_NET_MOVERESIZE_WINDOW',
  '_NET_WM_MOVERESIZE', '_NET_CURRENT_DESKTOP', '_NET_NUMBER_OF_DESKTOPS', '_NET_SHOWING_DESKTOP',
  '_NET_REQUEST_FRAME_EXTENTS', '_NET_WM_DESKTOP', 'WM_CHANGE_STATE', 'WM_PROTOCOLS', 'FION_SYNC',
  'CHAOS_JUNK_1', 'CHAOS_JUNK_2', 'CHAOS_JUNK_3', '_NET_WM_NAME', '_NET_WM_WINDOW_TYPE',
  '_NET_WM_STATE_MAXIMIZED_HORZ', '_NET_WM_STATE_BELOW', '_NET_WM_STATE_STICKY', '_NET_WM_STATE_MODAL',
  '_NET_WM_STATE_SHADED', '_NET_WM_STATE_SKIP_TASKBAR', '_NET_WM_STATE_SKIP_PAGER', '_NET_WM_STATE_FOCUSED',
  '_NET_SYSTEM_TRAY_S0', '_NET_SYSTEM_TRAY_OPCODE', '_XEMBED_INFO',
];

/** A well-formed ClientMessage to the root about `window` (format 32). */
function clientMessage(window: number, type: number, data: readonly number[]): Buffer {
  const ev = Buffer.alloc(32);
  ev[0] = 33;
  ev[1] = 32;
  ev.writeUInt32LE(window >>> 0, 4);
  ev.writeUInt32LE(type >>> 0, 8);
  data.slice(0, 5).forEach((v, i) => ev.writeUInt32LE(v >>> 0, 12 + i * 4));
  return ev;
}

/** _NET_WM_STATE as a toolkit or wmctrl sends it: a random action (now and then a bad one)
 *  on one or two of every EWMH state (now and then an unknown atom). */
export function netWmStateMessage(rng: Rng, a: GarbageAtoms, window: number): Buffer {
  const states = [
    a._NET_WM_STATE_FULLSCREEN, a._NET_WM_STATE_ABOVE, a._NET_WM_STATE_BELOW, a._NET_WM_STATE_HIDDEN,
    a._NET_WM_STATE_MAXIMIZED_VERT, a._NET_WM_STATE_MAXIMIZED_HORZ, a._NET_WM_STATE_DEMANDS_ATTENTION,
    a._NET_WM_STATE_STICKY, a._NET_WM_STATE_MODAL, a._NET_WM_STATE_SHADED, a._NET_WM_STATE_SKIP_TASKBAR,
    a._NET_WM_STATE_SKIP_PAGER, a._NET_WM_STATE_FOCUSED,
  ];
  const state = (): number => (rng.bool(0.05) ? rng.u32() : rng.pick(states));
  const action = rng.bool(0.05) ? rng.int(3, 9) : rng.int(0, 2);
  return clientMessage(window, a._NET_WM_STATE, [action, state(), rng.bool(0.4) ? state() : 0, rng.int(0, 2), 0]);
}

/** ICCCM 4.1.4 WM_CHANGE_STATE: Iconic (3) minimises; Normal (1) is what some clients send to come back. */
export function changeStateMessage(a: GarbageAtoms, window: number, iconic: boolean): Buffer {
  return clientMessage(window, a.WM_CHANGE_STATE, [iconic ? 3 : 1, 0, 0, 0, 0]);
}

const u32s = (vs: readonly number[]): Buffer => {
  const b = Buffer.alloc(vs.length * 4);
  vs.forEach((v, i) => b.writeUInt32LE(v >>> 0, i * 4));
  return b;
};
const u16s = (vs: readonly number[]): Buffer => {
  const b = Buffer.alloc(vs.length * 2);
  vs.forEach((v, i) => b.writeUInt16LE(v & 0xffff, i * 2));
  return b;
};
const randomBytes = (rng: Rng, n: number): Buffer => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(0, 255);
  return b;
};

const SAMPLES = [
  'hello', '', ' ', 'Überfenster — ünïcödé', '日本語のタイトル', 'עברית RTL ‮reversed‬', '🦊🔥 emoji 👩‍👩‍👧‍👦',
  'tab\there', 'new\nline', 'nul\0inside', '%s%n%x', '"quotes" & <html>', '\u0007bell\u001b[31mred', 'workspace 9/9 | tile 9/9',
  '\uffff\ufffe', 'a'.repeat(300), '\ud83d', // lone surrogate: encodes as U+FFFD
];

/** A text value: _NET_WM_NAME / WM_NAME, sane or not. */
export function textValue(rng: Rng, a: GarbageAtoms, preferred: number): PropValue {
  const mode = rng.int(0, 13);
  switch (mode) {
    case 0: case 1: case 2: return { type: preferred, format: 8, data: Buffer.from(rng.pick(SAMPLES), preferred === a.STRING ? 'latin1' : 'utf8') };
    case 3: { // long
      const n = rng.int(256, 20000);
      return { type: preferred, format: 8, data: Buffer.from('x'.repeat(n)) };
    }
    case 4: { // huge: up to 1 MB
      const n = rng.int(100_000, 1_048_576);
      return { type: preferred, format: 8, data: Buffer.alloc(n, 0x41 + rng.int(0, 25)) };
    }
    case 5: return { type: a.UTF8_STRING, format: 8, data: randomBytes(rng, rng.int(1, 200)) }; // invalid UTF-8
    case 6: { // control characters
      const b = randomBytes(rng, rng.int(1, 100));
      for (let i = 0; i < b.length; i++) b[i] = (b[i] ?? 0) % 32;
      return { type: preferred, format: 8, data: b };
    }
    case 7: return { type: rng.pick([a.CARDINAL, a.ATOM, a.INTEGER, a.WINDOW, a.CHAOS_JUNK_1]), format: 32, data: u32s([rng.u32(), rng.u32()]) };
    case 8: return { type: preferred, format: 16, data: u16s(Array.from({ length: rng.int(0, 40) }, () => rng.int(0, 0xffff))) };
    case 9: return { type: preferred, format: 32, data: u32s(Array.from({ length: rng.int(0, 40) }, () => rng.u32())) };
    case 10: { // COMPOUND_TEXT with escapes, a truncated escape, a CSI without its final byte
      const parts = [Buffer.from('ct '), Buffer.from([0x1b, 0x24, 0x29, 0x41]), randomBytes(rng, rng.int(0, 30)), Buffer.from([0x9b, 0x31])];
      if (rng.bool()) parts.push(Buffer.from([0x1b]));
      return { type: a.COMPOUND_TEXT, format: 8, data: Buffer.concat(parts) };
    }
    case 11: return { type: preferred, format: 8, data: Buffer.alloc(0), delete: true };
    case 12: return { type: preferred, format: 8, data: Buffer.alloc(0) };
    default: return { type: a.STRING, format: 8, data: randomBytes(rng, rng.int(1, 500)) };
  }
}

export function classValue(rng: Rng, a: GarbageAtoms): PropValue {
  switch (rng.int(0, 6)) {
    case 0: return { type: a.STRING, format: 8, data: Buffer.from('chaos\0Chaos\0') };
    case 1: return { type: a.STRING, format: 8, data: Buffer.from('no-nul-at-all') };
    case 2: return { type: a.STRING, format: 8, data: Buffer.from('\0\0\0\0') };
    case 3: return { type: a.STRING, format: 8, data: Buffer.from(`${'i'.repeat(rng.int(1, 5000))}\0${'C'.repeat(rng.int(1, 5000))}\0extra\0`) };
    case 4: return { type: a.CARDINAL, format: 32, data: u32s([1, 2, 3]) };
    case 5: return { type: a.STRING, format: 16, data: u16s([0x41, 0, 0x42, 0]) };
    default: return { type: a.STRING, format: 8, data: randomBytes(rng, rng.int(0, 100)) };
  }
}

/** WM_HINTS: 9 CARD32 normally; here short, long, wrong-format, urgent, input False, odd initial states. */
export function hintsValue(rng: Rng, a: GarbageAtoms): PropValue {
  const flags = rng.pick([0, 1, 2, 3, 256, 257, 259, 0xffffffff, rng.u32()]);
  const full = [flags, rng.pick([0, 1, 2, rng.u32()]), rng.pick([0, 1, 3, 5, rng.u32()]), rng.u32(), rng.u32(), rng.int(-5, 5), rng.int(-5, 5), rng.u32(), rng.u32()];
  switch (rng.int(0, 5)) {
    case 0: return { type: a.WM_HINTS, format: 32, data: u32s(full) };
    case 1: return { type: a.WM_HINTS, format: 32, data: u32s(full.slice(0, rng.int(0, 8))) };
    case 2: return { type: a.WM_HINTS, format: 32, data: u32s([...full, ...Array.from({ length: rng.int(1, 100) }, () => rng.u32())]) };
    case 3: return { type: a.WM_HINTS, format: rng.pick([8, 16]), data: randomBytes(rng, rng.int(0, 16) * 4) };
    case 4: return { type: a.WM_HINTS, format: 32, data: u32s([1, 0, 0, 0, 0, 0, 0, 0, 0]) }; // input False
    default: return { type: a.CARDINAL, format: 32, data: u32s([257, 1]) };
  }
}

/** WM_NORMAL_HINTS: 18 CARD32 normally. */
export function normalHintsValue(rng: Rng, a: GarbageAtoms): PropValue {
  const v = Array.from({ length: 18 }, () => rng.pick([0, 1, -1, 0x7fffffff, rng.int(-100, 5000), rng.u32()]));
  v[0] = rng.pick([0x3ff, 0x30, 0x10 | 0x20 | 0x40, rng.u32()]);
  switch (rng.int(0, 3)) {
    case 0: return { type: a.WM_SIZE_HINTS, format: 32, data: u32s(v) };
    case 1: return { type: a.WM_SIZE_HINTS, format: 32, data: u32s(v.slice(0, rng.int(0, 17))) };
    case 2: return { type: a.WM_SIZE_HINTS, format: 32, data: u32s([...v, ...v, ...v]) };
    default: return { type: a.WM_SIZE_HINTS, format: rng.pick([8, 16]), data: randomBytes(rng, rng.int(0, 80)) };
  }
}

export function windowListValue(rng: Rng, a: GarbageAtoms, ids: readonly number[]): PropValue {
  switch (rng.int(0, 3)) {
    case 0: return { type: a.WINDOW, format: 32, data: u32s(ids.slice(0, 1)) };
    case 1: return { type: a.WINDOW, format: 32, data: u32s(ids) };
    case 2: return { type: a.WINDOW, format: 16, data: u16s([1, 2, 3]) };
    default: return { type: a.CARDINAL, format: 32, data: u32s([rng.u32()]) };
  }
}

export function atomListValue(rng: Rng, a: GarbageAtoms, pool: readonly number[]): PropValue {
  const n = rng.pick([0, 1, 2, 3, 10, 200]);
  const list = Array.from({ length: n }, () => (rng.bool(0.85) ? rng.pick(pool) : rng.u32()));
  return rng.bool(0.9) ? { type: a.ATOM, format: 32, data: u32s(list) } : { type: a.ATOM, format: rng.pick([8, 16]), data: randomBytes(rng, n * 2) };
}

/** ConfigureWindow values: negative, zero, enormous, stacking with odd siblings. */
export function configureValues(rng: Rng, sibling: number): Record<string, number> {
  const v: Record<string, number> = {};
  const dim = (): number => rng.pick([0, 1, -1, -5000, 65535, 65536 + 7, rng.int(1, 2000), rng.int(1, 2000)]);
  const pos = (): number => rng.pick([-32768, 32767, -1, 0, rng.int(-3000, 3000), rng.int(-3000, 3000)]);
  if (rng.bool(0.6)) v.x = pos();
  if (rng.bool(0.6)) v.y = pos();
  if (rng.bool(0.7)) v.width = dim();
  if (rng.bool(0.7)) v.height = dim();
  if (rng.bool(0.2)) v.borderWidth = rng.pick([0, 1, 100, 65535]);
  if (rng.bool(0.15)) v.sibling = sibling;
  if (rng.bool(0.3)) v.stackMode = rng.int(0, 5);
  return v;
}
