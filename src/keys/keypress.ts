// A key press (keycode + modifier state) -> the canonical key spec it types, the
// way src/keys/keyspec.ts spells specs, for looking keys up inside a mode.
//
// Keysym choice follows the core protocol's rules for group 1: Shift selects the
// second column; a missing second column repeats the first, except for a letter,
// whose second column is its upper case. Caps Lock and Num Lock are ignored, as
// the grabs ignore them, so a mode works the same with either lock on.
//
// Spelling follows parseKeySpec:
// - shift + the q key types "Q", which keyspec spells "shift+q";
// - shift + the 1 key (US layout) types "exclam": Shift is used up by the
//   keysym, so the spec is "exclam", and "shift+1" is offered as an alternative
//   (both specs grab that key with Shift in normal mode, too);
// - shift + a key with one keysym (Return) is "shift+Return".
import { ControlMask, LockMask, Mod3Mask, Mod5Mask, ShiftMask, type KeyboardMap } from '../x/keyboard.js';
import { keysymName } from '../x/keysyms.js';
import { MODIFIERS, normalizeKeySpec, type Modifier } from './keyspec.js';
import type { KeyPress } from './modes.js';

/** X's IsModifierKey: Shift_L..Hyper_R, ISO_Lock..ISO_Level5_Lock, Mode_switch, Num_Lock. */
export function isModifierKeysym(sym: number): boolean {
  return (sym >= 0xffe1 && sym <= 0xffee) || (sym >= 0xfe01 && sym <= 0xfe13) || sym === 0xff7e || sym === 0xff7f;
}

/** Lower and upper case of a Latin-1 letter keysym, or null when `sym` has no case. */
function letterCases(sym: number): { lower: number; upper: number } | null {
  if (sym >= 0x41 && sym <= 0x5a) return { lower: sym + 0x20, upper: sym };
  if (sym >= 0x61 && sym <= 0x7a) return { lower: sym, upper: sym - 0x20 };
  if (sym >= 0xc0 && sym <= 0xde && sym !== 0xd7) return { lower: sym + 0x20, upper: sym };
  if (sym >= 0xe0 && sym <= 0xfe && sym !== 0xf7) return { lower: sym, upper: sym - 0x20 };
  return null;
}

/** The modifiers of `state` as keyspec names (Lock and Num Lock left out). */
export function modifiersOf(kb: KeyboardMap, state: number): Modifier[] {
  const ignored = LockMask | kb.numLockMask;
  const on = (mask: number): boolean => mask !== 0 && (mask & ignored) === 0 && (state & mask) !== 0;
  const mods = new Set<Modifier>();
  if (on(kb.superMask)) mods.add('super');
  if (on(ControlMask)) mods.add('ctrl');
  if (on(kb.altMask)) mods.add('alt');
  if (on(ShiftMask)) mods.add('shift');
  if (on(Mod3Mask) && kb.superMask !== Mod3Mask && kb.altMask !== Mod3Mask) mods.add('mod3');
  if (on(Mod5Mask) && kb.superMask !== Mod5Mask && kb.altMask !== Mod5Mask) mods.add('mod5');
  return MODIFIERS.filter((m) => mods.has(m));
}

function spec(mods: readonly Modifier[], sym: number, keycode: number): string {
  const name = keysymName(sym);
  if (name === undefined || sym === 0) return [...mods, `keycode${keycode}`].join('+'); // matches no binding
  // normalizeKeySpec turns "Q" into "shift+q"; a name it can't read stays as X spells it.
  return normalizeKeySpec([...mods, name].join('+')) ?? [...mods, name].join('+');
}

/** What pressing `keycode` with modifier `state` types, as specs for pressKey. */
export function keySpecOf(kb: KeyboardMap, keycode: number, state: number): KeyPress {
  const row = kb.keysyms.get(keycode) ?? [];
  let plain = row[0] ?? 0;
  let shifted = row[1] ?? 0;
  const isModifier = isModifierKeysym(plain) || isModifierKeysym(shifted);
  if (shifted === 0) {
    const cases = letterCases(plain);
    if (cases !== null) { plain = cases.lower; shifted = cases.upper; } else shifted = plain;
  }
  const mods = modifiersOf(kb, state);
  // The key's keysym in the second layout too: a binding found only there (the first
  // layout lacks its keysym, see keycodesFor) is matched by it.
  const second = row[2] !== undefined && row[2] !== 0 && row[2] !== plain ? [spec(mods, row[2], keycode)] : [];
  if (!mods.includes('shift') || shifted === plain) {
    const only = spec(mods, plain, keycode);
    return second.length === 0 || second[0] === only ? { spec: only, isModifier } : { spec: only, alternatives: second, isModifier };
  }
  // Shift picked the second column: the keysym carries the shift.
  const primary = spec(mods.filter((m) => m !== 'shift'), shifted, keycode);
  const alternatives = [...new Set([spec(mods, plain, keycode), ...second])].filter((a) => a !== primary);
  return alternatives.length === 0 ? { spec: primary, isModifier } : { spec: primary, alternatives, isModifier };
}

/** The character a keysym types: Latin-1 keysyms are their code, Unicode keysyms carry it (0x01000000 + code point). */
export function keysymChar(sym: number): string | null {
  if ((sym >= 0x20 && sym <= 0x7e) || (sym >= 0xa0 && sym <= 0xff)) return String.fromCharCode(sym);
  if ((sym & 0xff000000) === 0x01000000) {
    const cp = sym & 0xffffff;
    return cp >= 0x20 && cp <= 0x10ffff ? String.fromCodePoint(cp) : null;
  }
  return null;
}

/** What a key press types as text: the keysym name and the character (Shift and Caps Lock applied). */
export function typedKey(kb: KeyboardMap, keycode: number, state: number): { keysym: string; char: string | null; ctrl: boolean } {
  const row = kb.keysyms.get(keycode) ?? [];
  let plain = row[0] ?? 0;
  let shifted = row[1] ?? 0;
  const cases = letterCases(plain);
  if (shifted === 0) {
    if (cases !== null) { plain = cases.lower; shifted = cases.upper; } else shifted = plain;
  }
  const shift = (state & ShiftMask) !== 0;
  const caps = (state & 2) !== 0 && cases !== null; // Caps Lock capitalises letters only
  const sym = shift !== caps ? shifted : plain;
  return { keysym: keysymName(sym) ?? '', char: keysymChar(sym), ctrl: (state & ControlMask) !== 0 };
}
