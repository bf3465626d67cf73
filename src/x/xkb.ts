// The keyboard's layouts (XKB groups): which are set (`setxkbmap -layout us,ru`), which one
// is active, a switch to another, and the events that say one of these changed. A server
// without the XKEYBOARD extension has none of this (open resolves to null).
import type { XExtension } from 'x11';
import type { XConnection } from './connection.js';
import type { XEvent } from './events.js';
import { isFailure, type Atom } from './types.js';

/** XkbUseCoreKbd: the core keyboard, whatever device it is. */
const CORE_KEYBOARD = 0x100;
const EVENTS = { NewKeyboardNotify: 1 << 0, MapNotify: 1 << 1, StateNotify: 1 << 2, NamesNotify: 1 << 6 } as const;
/** xkbType of an XKB event: a new keyboard, or a changed key map. */
const KEYMAP_CHANGES = new Set([0 /* NewKeyboardNotify */, 1 /* MapNotify */]);
/** XkbGroupStateMask: a StateNotify only when the effective group changes, not on every modifier. */
const GROUP_STATE = 1 << 4;
const SYMBOLS_NAME = 1 << 2;

export interface LayoutState {
  /** The layouts' short names, group 1 first ("us", "ru"). */
  readonly layouts: readonly string[];
  /** The active group, 0-based. */
  readonly group: number;
}

type Raw = XExtension & {
  SelectEvents(device: number, affect: number, clear: number, all: number, affectMap: number, map: number, details: Record<string, [number, number]>): void;
  GetState(device: number, cb: (err: unknown, r: { group: number }) => void): void;
  GetNames(device: number, which: number, cb: (err: unknown, r: { symbolsName?: number }) => void): void;
  LatchLockState(device: number, affectModLocks: number, modLocks: number, lockGroup: boolean, groupLock: number,
    affectModLatches: number, modLatches: number, latchGroup: boolean, groupLatch: number): void;
};

export class KeyboardLayouts {
  private constructor(private readonly x: XConnection, private readonly xkb: Raw) {}

  static async open(x: XConnection): Promise<KeyboardLayouts | null> {
    const ext = await x.extension('xkb');
    if (ext === null || typeof ext.SelectEvents !== 'function' || typeof ext.GetState !== 'function') return null;
    const xkb = ext as Raw;
    // A client using XKB hears of key map changes through XKB only (no core MappingNotify
    // any more): MapNotify and NewKeyboardNotify stand in for it.
    const all = EVENTS.NamesNotify | EVENTS.NewKeyboardNotify | EVENTS.MapNotify;
    x.sendRaw(() => xkb.SelectEvents(CORE_KEYBOARD, EVENTS.StateNotify | all, 0, all, 0, 0, { stateNotify: [GROUP_STATE, GROUP_STATE] }));
    return new KeyboardLayouts(x, xkb);
  }

  /** Whether `ev` says the active group or the set of layouts may have changed. */
  isChange(ev: XEvent): boolean {
    return ev.kind === 'other' && ev.code === this.xkb.firstEvent;
  }

  /** Whether `ev` says the key map changed (setxkbmap, xmodmap): bindings are grabbed anew. */
  isKeymapChange(ev: XEvent): boolean {
    return this.isChange(ev) && ev.kind === 'other' && KEYMAP_CHANGES.has(Number(ev.raw.xkbType));
  }

  async read(): Promise<LayoutState | null> {
    const [state, names] = await Promise.all([
      this.x.request<{ group: number }>((_, cb) => this.xkb.GetState(CORE_KEYBOARD, cb as (e: unknown, r: { group: number }) => void)),
      this.x.request<{ symbolsName?: number }>((_, cb) => this.xkb.GetNames(CORE_KEYBOARD, SYMBOLS_NAME, cb as (e: unknown, r: { symbolsName?: number }) => void)),
    ]);
    if (isFailure(state) || isFailure(names) || names.symbolsName === undefined) return null;
    const symbols = await this.x.getAtomName(names.symbolsName as Atom);
    if (isFailure(symbols)) return null;
    return { layouts: layoutNames(symbols), group: state.group };
  }

  /** Make `group` (0-based) the active one, as a group-switching key would. */
  lock(group: number): void {
    this.x.sendRaw(() => this.xkb.LatchLockState(CORE_KEYBOARD, 0, 0, true, group, 0, 0, false, 0));
  }
}

/** Parts of an XKB symbols name that are options, not layouts. */
const NOT_LAYOUTS = new Set([
  'pc', 'inet', 'group', 'grp', 'compose', 'capslock', 'caps', 'ctrl', 'altwin', 'level3', 'level5', 'lv3', 'lv5',
  'terminate', 'keypad', 'kpdl', 'nbsp', 'shift', 'eurosign', 'rupeesign', 'srvr_ctrl', 'mousekeys', 'empty', 'base',
  'evdev', 'typo', 'numpad', 'parens', 'compat', 'misc', 'japan', 'korean', 'srvrkeys', 'olpc',
]);

/**
 * The layouts of an XKB symbols name, group 1 first: "pc+us+ru:2+inet(evdev)" is us, ru.
 * The first layout has no group number; the others are ":N", the layout of group N. A
 * variant in parentheses is left out of the short name ("us(dvorak)" is us).
 */
export function layoutNames(symbols: string): string[] {
  const groups: (string | undefined)[] = [];
  for (const part of symbols.split('+')) {
    const m = /^([a-z][a-z0-9_-]*)(?:\([^)]*\))?(?::(\d+))?$/i.exec(part.trim());
    if (m === null || NOT_LAYOUTS.has(m[1]!.toLowerCase())) continue;
    if (m[2] === undefined && groups[0] !== undefined) continue; // an option, not a layout
    const group = m[2] === undefined ? 1 : Number(m[2]);
    if (group < 1 || group > 4) continue;
    groups[group - 1] ??= m[1]!;
  }
  return groups.filter((g): g is string => g !== undefined);
}
