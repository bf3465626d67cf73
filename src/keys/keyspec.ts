// Key specs: "super+shift+Return" and friends. Pure parsing, no X connection.
//
// Grammar: MOD+MOD+...+KEY, parts separated by "+", spaces around parts ignored.
// - Modifiers (case-insensitive): super/win/mod4 -> super, shift, ctrl/control,
//   alt/mod1 -> alt, mod3, mod5. mod2 is refused: it is Num Lock almost everywhere,
//   and Fion grabs every binding with and without the lock modifiers anyway.
//   Repeats are harmless ("super+win+q" is "super+q").
// - KEY is an X keysym name, case-sensitive as X spells them ("Return", "Left",
//   "F1", "q", "1", "XF86AudioMute", "U20AC"). Friendlier spellings are accepted:
//   a few aliases (enter, esc, del, pgup...), any keysym name written in another
//   case when only one key answers to it ("return", "f1", "left"), and a single
//   printable ASCII character stands for its keysym ("," is "comma", "+" is "plus",
//   so "super++" and "super+plus" are the same spec).
// - An upper-case ASCII letter means the shifted letter: "super+Q" is
//   "super+shift+q". X gives the key with the Q on it the keysyms q and Q; a grab
//   is per keycode + modifiers, so the only way to bind "Q" is shift + that key.
//   Other shifted symbols ("exclam", "plus") are left as written: which key and
//   which modifiers produce them depends on the keyboard layout.
//
// The canonical form lists modifiers in MODIFIERS order, then the keysym's
// preferred X name: formatKeySpec(parseKeySpec("Shift+Win+Page_Up")) is
// "super+shift+Prior". Two specs are the same key exactly when their canonical
// forms are equal.

import { keysymByName, keysymName, keysymNames } from '../x/keysyms.js';

/** Canonical order, used for sorting and formatting. */
export const MODIFIERS = ['super', 'ctrl', 'alt', 'shift', 'mod3', 'mod5'] as const;
export type Modifier = (typeof MODIFIERS)[number];

export interface KeySpec {
  /** Sorted in MODIFIERS order, no repeats. */
  readonly modifiers: readonly Modifier[];
  /** Canonical X keysym name. */
  readonly keysym: string;
}

export type KeySpecResult =
  | { readonly ok: true; readonly spec: KeySpec }
  | { readonly ok: false; readonly error: string };

const MODIFIER_NAMES: ReadonlyMap<string, Modifier> = new Map<string, Modifier>([
  ['super', 'super'],
  ['win', 'super'],
  ['mod4', 'super'],
  ['shift', 'shift'],
  ['ctrl', 'ctrl'],
  ['control', 'ctrl'],
  ['alt', 'alt'],
  ['mod1', 'alt'],
  ['mod3', 'mod3'],
  ['mod5', 'mod5'],
]);

/** Friendly names -> X keysym names; looked up case-insensitively. */
const KEY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['enter', 'Return'],
  ['ret', 'Return'],
  ['esc', 'Escape'],
  ['space', 'space'],
  ['spc', 'space'],
  ['del', 'Delete'],
  ['ins', 'Insert'],
  ['bksp', 'BackSpace'],
  ['pgup', 'Prior'],
  ['pageup', 'Prior'],
  ['pgdn', 'Next'],
  ['pgdown', 'Next'],
  ['pagedown', 'Next'],
  ['printscreen', 'Print'],
  ['prtsc', 'Print'],
  ['capslock', 'Caps_Lock'],
]);

/** lower-cased keysym name -> the codes of every name that lower-cases to it. */
let lowerIndex: Map<string, Set<number>> | undefined;
function byLowerName(lower: string): Set<number> | undefined {
  if (lowerIndex === undefined) {
    lowerIndex = new Map();
    for (const name of keysymNames()) {
      const code = keysymByName(name);
      if (code === undefined) continue;
      const key = name.toLowerCase();
      let set = lowerIndex.get(key);
      if (set === undefined) lowerIndex.set(key, (set = new Set()));
      set.add(code);
    }
  }
  return lowerIndex.get(lower);
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/** Resolve KEY to a keysym code, or say why not. */
function resolveKey(key: string): { code: number } | { error: string } {
  const exact = keysymByName(key);
  if (exact !== undefined) return { code: exact };
  // One printable ASCII character: its keysym code is its character code.
  if (key.length === 1) {
    const c = key.charCodeAt(0);
    if (c >= 0x20 && c <= 0x7e) return { code: c };
  }
  const lower = key.toLowerCase();
  const alias = KEY_ALIASES.get(lower);
  if (alias !== undefined) {
    const code = keysymByName(alias);
    if (code !== undefined) return { code };
  }
  const codes = byLowerName(lower);
  if (codes !== undefined && codes.size === 1) {
    const [code] = codes;
    if (code !== undefined) return { code };
  }
  if (codes !== undefined && codes.size > 1) {
    const names = [...codes].map((c) => keysymName(c)).filter((n): n is string => n !== undefined);
    return { error: `ambiguous keysym ${quote(key)}: keysym names are case-sensitive (did you mean ${names.map(quote).join(' or ')}?)` };
  }
  return { error: `unknown keysym ${quote(key)} (expected an X keysym name such as Return, q, 1, Left, F1)` };
}

function modifierOrder(m: Modifier): number {
  return MODIFIERS.indexOf(m);
}

export function parseKeySpec(text: string): KeySpecResult {
  if (typeof text !== 'string') return { ok: false, error: 'a key spec must be a string' };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'empty key spec' };
  if (trimmed.length > 200) return { ok: false, error: 'key spec too long' };

  let parts = trimmed.split('+').map((p) => p.trim());
  // A trailing "++" (or the whole spec "+") names the plus key.
  if (trimmed === '+') parts = ['+'];
  else if (parts.length >= 3 && parts[parts.length - 1] === '' && parts[parts.length - 2] === '') {
    parts = [...parts.slice(0, -2), '+'];
  }
  const key = parts[parts.length - 1] ?? '';
  const mods = parts.slice(0, -1);

  const modifiers = new Set<Modifier>();
  for (const part of mods) {
    if (part === '') return { ok: false, error: `empty part in key spec ${quote(trimmed)}` };
    const lower = part.toLowerCase();
    const m = MODIFIER_NAMES.get(lower);
    if (m === undefined) {
      if (lower === 'mod2') {
        return { ok: false, error: 'mod2 (usually Num Lock) cannot be part of a binding: lock keys are ignored' };
      }
      return {
        ok: false,
        error: `unknown modifier ${quote(part)} in ${quote(trimmed)} (expected super, shift, ctrl, alt, mod3 or mod5; only the last part is the key)`,
      };
    }
    modifiers.add(m);
  }
  if (key === '') return { ok: false, error: `key spec ${quote(trimmed)} has no key after the last "+"` };
  if (MODIFIER_NAMES.has(key.toLowerCase()) || key.toLowerCase() === 'mod2') {
    return { ok: false, error: `key spec ${quote(trimmed)} ends in the modifier ${quote(key)}, not a key` };
  }

  const resolved = resolveKey(key);
  if ('error' in resolved) return { ok: false, error: resolved.error };
  let keysym = keysymName(resolved.code);
  if (keysym === undefined) return { ok: false, error: `unknown keysym ${quote(key)}` };
  if (/^[A-Z]$/.test(keysym)) {
    keysym = keysym.toLowerCase();
    modifiers.add('shift');
  }
  const sorted = [...modifiers].sort((a, b) => modifierOrder(a) - modifierOrder(b));
  return { ok: true, spec: { modifiers: sorted, keysym } };
}

/** The canonical text of a spec: modifiers in MODIFIERS order, then the keysym. */
export function formatKeySpec(spec: KeySpec): string {
  const mods = [...new Set(spec.modifiers)].sort((a, b) => modifierOrder(a) - modifierOrder(b));
  return [...mods, spec.keysym].join('+');
}

/** The canonical text of a key spec, or null when it does not parse. */
export function normalizeKeySpec(text: string): string | null {
  const r = parseKeySpec(text);
  return r.ok ? formatKeySpec(r.spec) : null;
}

// ---- key sequences (inside a mode: "m n") ----

export type KeySequenceResult =
  | { readonly ok: true; readonly keys: readonly string[] }
  | { readonly ok: false; readonly error: string };

/**
 * Parse a key sequence: canonical-able key specs separated by spaces
 * ("m n", "super+m shift+n"). Spaces next to a "+" belong to the spec
 * ("super + n" is one key), as parseKeySpec allows them.
 */
export function parseKeySequence(text: string): KeySequenceResult {
  if (typeof text !== 'string') return { ok: false, error: 'a key sequence must be a string' };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'empty key spec' };
  const parts = trimmed.split(/(?<![+\s])\s+(?![+\s])/);
  if (parts.length > 8) return { ok: false, error: `key sequence ${JSON.stringify(trimmed)} is too long (at most 8 keys)` };
  const keys: string[] = [];
  for (const part of parts) {
    const r = parseKeySpec(part);
    if (!r.ok) return { ok: false, error: parts.length > 1 ? `in key sequence ${JSON.stringify(trimmed)}: ${r.error}` : r.error };
    if (r.spec.keysym === 'Escape' && parts.length > 1) {
      return { ok: false, error: `key sequence ${JSON.stringify(trimmed)} uses Escape, which always leaves a mode` };
    }
    keys.push(formatKeySpec(r.spec));
  }
  return { ok: true, keys };
}

/** The canonical text of a key sequence ("M  n" -> "shift+m n"), or null when it does not parse. */
export function normalizeKeySequence(text: string): string | null {
  const r = parseKeySequence(text);
  return r.ok ? r.keys.join(' ') : null;
}

