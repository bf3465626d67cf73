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
export function keycodesFor(kb: KeyboardMap, keysym: number): { keycode: number; shift: boolean }[] {
  for (const base of [0, 2]) {
    const out: { keycode: number; shift: boolean }[] = [];
    for (const [kc, row] of kb.keysyms) {
      if (row[base] === keysym) out.push({ keycode: kc, shift: false });
      else if (row[base + 1] === keysym) out.push({ keycode: kc, shift: true });
    }
    if (out.length > 0) return out;
  }
  return [];
}

/** Masks a grab must be repeated for so that Num Lock and Caps Lock don't defeat it. */
export function lockVariants(kb: KeyboardMap): number[] {
  const v = [0, LockMask];
  if (kb.numLockMask) v.push(kb.numLockMask, kb.numLockMask | LockMask);
  return v;
}
