// The server's keyboard: keysym <-> keycode and which modifier bit holds
// Super, Alt, Num Lock and Mode_switch. Re-read on every MappingNotify.
import type { XPort } from './port.js';
import { isFailure } from './types.js';
import { ModMask } from './protocol.js';

const XK = { Super_L: 0xffeb, Super_R: 0xffec, Alt_L: 0xffe9, Alt_R: 0xffea, Meta_L: 0xffe7, Meta_R: 0xffe8,
  Num_Lock: 0xff7f, Mode_switch: 0xff7e } as const;

export const ShiftMask = ModMask.Shift;
export const LockMask = ModMask.Lock;
export const ControlMask = ModMask.Control;
export const Mod3Mask = ModMask.Mod3;
export const Mod5Mask = ModMask.Mod5;

export interface KeyboardMap {
  /** keycode -> keysyms (columns: plain, shifted, ...). */
  readonly keysyms: ReadonlyMap<number, readonly number[]>;
  /** Modifier masks found in the server's modifier map (0 when absent). */
  readonly superMask: number;
  readonly altMask: number;
  readonly numLockMask: number;
  readonly modeSwitchMask: number;
}

export async function readKeyboard(x: XPort): Promise<KeyboardMap> {
  const [km, mm] = await Promise.all([x.getKeyboardMapping(), x.getModifierMapping()]);
  const keysyms = new Map<number, number[]>();
  if (!isFailure(km)) km.forEach((row, i) => keysyms.set(x.minKeycode + i, row));
  const maskOf = (...syms: number[]): number => {
    if (isFailure(mm)) return 0;
    for (let mod = 3; mod < 8; mod++) { // Mod1..Mod5
      for (const kc of mm[mod] ?? []) {
        if (kc === 0) continue;
        const row = keysyms.get(kc) ?? [];
        if (row.some((s) => syms.includes(s))) return 1 << mod;
      }
    }
    return 0;
  };
  return {
    keysyms,
    superMask: maskOf(XK.Super_L, XK.Super_R) || ModMask.Mod4 /* the usual home of Super */,
    altMask: maskOf(XK.Alt_L, XK.Alt_R, XK.Meta_L, XK.Meta_R) || ModMask.Mod1,
    numLockMask: maskOf(XK.Num_Lock),
    modeSwitchMask: maskOf(XK.Mode_switch),
  };
}

/**
 * Keycodes that produce `keysym`, and whether Shift is needed for it, in the first layout
 * (XKB group 1: columns 0 and 1 of the core map); a keysym that layout lacks is looked up
 * in the second (columns 2 and 3). A binding is its keys' places, so it keeps working
 * whichever layout is active: super+t is still super+t in a Russian layout.
 */
export function keycodesFor(kb: KeyboardMap, keysym: number): readonly KeyPlace[] {
  const [first, second] = placesOf(kb);
  return first.get(keysym) ?? second.get(keysym) ?? [];
}

export interface KeyPlace { readonly keycode: number; readonly shift: boolean }
/** Each keyboard map's keysyms -> their places, for the first layout and the second: a
 *  config's hundred bindings looked up without a pass over every keycode for each. */
const places = new WeakMap<KeyboardMap['keysyms'], readonly [Map<number, KeyPlace[]>, Map<number, KeyPlace[]>]>();

function placesOf(kb: KeyboardMap): readonly [Map<number, KeyPlace[]>, Map<number, KeyPlace[]>] {
  let p = places.get(kb.keysyms);
  if (p !== undefined) return p;
  const column = (base: number): Map<number, KeyPlace[]> => {
    const out = new Map<number, KeyPlace[]>();
    const add = (sym: number | undefined, place: KeyPlace): void => {
      if (sym === undefined) return;
      const list = out.get(sym);
      if (list === undefined) out.set(sym, [place]);
      else list.push(place);
    };
    kb.keysyms.forEach((row, keycode) => {
      add(row[base], { keycode, shift: false });
      // A key with the same keysym shifted and not counts once, unshifted.
      if (row[base + 1] !== row[base]) add(row[base + 1], { keycode, shift: true });
    });
    return out;
  };
  p = [column(0), column(2)];
  places.set(kb.keysyms, p);
  return p;
}

/** Masks a grab must be repeated for so that Num Lock and Caps Lock don't defeat it. */
export function lockVariants(kb: KeyboardMap): number[] {
  const v = [0, LockMask];
  if (kb.numLockMask) v.push(kb.numLockMask, kb.numLockMask | LockMask);
  return v;
}
