// The mode state machine: which mode Fion is in, and what a key press inside a
// mode means. Pure: no X. The caller turns key presses into canonical key specs
// (src/keys/keypress.ts), feeds them here, runs the command that comes back,
// shows the message, and grabs or releases the keyboard when told to.
//
// - win+KEY (a normal-mode binding `mode NAME`) enters a mode: `enterMode`.
//   Entering from normal mode asks for the keyboard grab ('acquire'); switching
//   from one mode to another keeps the grab that is already held.
// - Inside a mode, a bound key runs its command. A one-shot mode then returns to
//   normal mode ('release'); a sticky mode stays until Escape.
// - Escape (with any modifiers) always leaves, doing nothing.
// - An unbound key leaves the mode and says so ("tile: no binding for x").
// - Modifier-only presses (Shift_L, Super_L, ...) change nothing.
// - A key is looked up exactly first, then with super stripped, so that the key
//   after win+w works whether or not win is still held.
// - Key sequences: a mode's key may be several specs separated by spaces
//   ("m n": m, then n). A typed prefix of a sequence waits for the next key.
//
// Invariant: every step from normal mode into a mode carries grab 'acquire',
// every step from a mode to normal mode carries 'release', and no other step
// carries a grab. A caller that fails to acquire calls `grabFailed`.

import { formatCommand } from '../commands/index.js';
import { parseKeySequence } from './keyspec.js';

export interface ModeTable {
  readonly name: string;
  readonly sticky: boolean;
  /** Canonical key sequence ("n", "shift+n", "m n") -> command text. In config order. */
  readonly keys: ReadonlyMap<string, string>;
}

/** Mode name -> table. */
export type ModeTables = ReadonlyMap<string, ModeTable>;

export type ModeState =
  | { readonly kind: 'normal' }
  | { readonly kind: 'mode'; readonly mode: string; readonly pending: readonly string[] };

export interface KeyPress {
  /** Canonical key spec of the press, e.g. 'super+n', 'shift+q', 'exclam'. */
  readonly spec: string;
  /**
   * Other canonical specs the same press may be bound as, tried after `spec`
   * (for a shifted symbol: 'exclam' first, then 'shift+1').
   */
  readonly alternatives?: readonly string[];
  /** The key is a modifier (Shift_L, Super_L, Caps_Lock, ISO_Level3_Shift, ...). */
  readonly isModifier: boolean;
}

export interface KeyResult {
  readonly state: ModeState;
  /** Command text to run (Fion's command language). */
  readonly command?: string;
  /** The bound key (canonical spec) that ran `command`; the last of its sequence. */
  readonly key?: string;
  /** Something to tell the user in the bar. */
  readonly message?: string;
  /** Take the keyboard (normal -> mode) or give it back (mode -> normal). */
  readonly grab?: 'acquire' | 'release';
}

export const NORMAL: ModeState = { kind: 'normal' };

/** The keysym that always leaves a mode. */
export const ESCAPE = 'Escape';

// Key sequences ("m n") are parsed in keyspec.ts, shared with the config loader.
export { parseKeySequence, normalizeKeySequence, type KeySequenceResult } from './keyspec.js';

// ---- tables from config ----

/** What buildModeTables needs of Config.modes (ModeConfig fits). */
export interface ModeSource {
  readonly name: string;
  readonly sticky: boolean;
  readonly keys: readonly { readonly keys: string; readonly command: string }[];
}

/**
 * Tables for the state machine. A key that doesn't parse, or that is both a
 * whole binding and the start of a longer sequence ("m" and "m n"), is
 * reported; for the latter the shorter binding wins (it runs at once).
 */
export function buildModeTables(modes: readonly ModeSource[]): { tables: Map<string, ModeTable>; problems: string[] } {
  const tables = new Map<string, ModeTable>();
  const problems: string[] = [];
  for (const m of modes) {
    const keys = new Map<string, string>();
    for (const b of m.keys) {
      const seq = parseKeySequence(b.keys);
      if (!seq.ok) { problems.push(`mode ${m.name}: ${b.keys}: ${seq.error}`); continue; }
      const text = seq.keys.join(' ');
      if (seq.keys.length === 1 && keyOf(text) === ESCAPE) {
        problems.push(`mode ${m.name}: ${b.keys}: Escape always leaves a mode; its binding is ignored`);
        continue;
      }
      keys.set(text, b.command);
    }
    for (const k of keys.keys()) {
      const parts = k.split(' ');
      for (let i = 1; i < parts.length; i++) {
        const prefix = parts.slice(0, i).join(' ');
        if (keys.has(prefix)) problems.push(`mode ${m.name}: ${k} can never be typed: ${prefix} is bound on its own`);
      }
    }
    tables.set(m.name, { name: m.name, sticky: m.sticky, keys });
  }
  return { tables, problems };
}

// ---- the machine ----

/** The keysym part of a canonical spec ("super+shift+Left" -> "Left"). */
export function keyOf(spec: string): string {
  const i = spec.lastIndexOf('+');
  // "plus" is the canonical name of "+", so a canonical spec never ends in "+".
  return i < 0 ? spec : spec.slice(i + 1);
}

function withoutSuper(spec: string): string {
  return spec.startsWith('super+') ? spec.slice('super+'.length) : spec;
}

/** Enter mode `name` (from normal mode, or switch from another mode). */
export function enterMode(tables: ModeTables, state: ModeState, name: string): KeyResult {
  // i3's name for normal mode: `mode default` is how an i3 mode's own keys leave it.
  if (name === 'default' && !tables.has(name)) return leaveMode(state);
  if (!tables.has(name)) {
    // Unknown: nothing changes (a mode that was active stays, with its grab).
    return { state, message: `no mode named "${name}"` };
  }
  const next: ModeState = { kind: 'mode', mode: name, pending: [] };
  return state.kind === 'normal' ? { state: next, grab: 'acquire' } : { state: next };
}

/** Back to normal mode: what Escape does, and what a failed step does. */
export function leaveMode(state: ModeState): KeyResult {
  return state.kind === 'normal' ? { state } : { state: NORMAL, grab: 'release' };
}

/** The caller could not take the keyboard for a mode entered just now: back to normal, nothing to release. */
export function grabFailed(state: ModeState, why = 'another program holds the keyboard'): KeyResult {
  const name = state.kind === 'mode' ? state.mode : '?';
  return { state: NORMAL, message: `cannot enter mode ${name}: ${why}` };
}

/** One key press (never a release) while in `state`. */
export function pressKey(tables: ModeTables, state: ModeState, key: KeyPress): KeyResult {
  if (state.kind === 'normal') return { state }; // normal-mode keys are the grab table's business
  if (key.isModifier) return { state };
  const table = tables.get(state.mode);
  if (table === undefined) return { state: NORMAL, grab: 'release', message: `mode ${state.mode} no longer exists` };

  const candidates = [key.spec, ...(key.alternatives ?? [])];
  if (candidates.some((c) => keyOf(c) === ESCAPE)) return leaveMode(state);

  const tries = [...candidates, ...candidates.map(withoutSuper)];
  for (const c of tries) {
    const typed = [...state.pending, c];
    const full = typed.join(' ');
    const command = table.keys.get(full);
    if (command !== undefined) {
      return table.sticky
        ? { state: { kind: 'mode', mode: state.mode, pending: [] }, command, key: c }
        : { state: NORMAL, command, key: c, grab: 'release' };
    }
    if (isPrefix(table, full)) return { state: { kind: 'mode', mode: state.mode, pending: typed } };
  }
  const typed = [...state.pending, key.spec].join(' ');
  return { state: NORMAL, grab: 'release', message: `${state.mode}: no binding for ${typed}` };
}

function isPrefix(table: ModeTable, typed: string): boolean {
  const start = `${typed} `;
  for (const k of table.keys.keys()) if (k.startsWith(start)) return true;
  return false;
}

// ---- what the bar shows ----

const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['Left', '←'], ['Up', '↑'], ['Down', '↓'], ['Right', '→'],
  ['Return', '⏎'], ['space', '␣'],
]);

function shortKey(spec: string): string {
  const shifted = /^shift\+([a-z])$/.exec(spec); // shift+f is what the user types as F
  return SYMBOLS.get(spec) ?? (shifted !== null ? shifted[1]!.toUpperCase() : spec);
}

/**
 * The mode segment of the bar: the mode's name and a short hint of its keys,
 * e.g. "tile: n p c d h v ←→↑↓ Esc", or "workspace m: n p Esc" half way
 * through a sequence. null in normal mode.
 */
export function modeText(tables: ModeTables, state: ModeState, maxLength = 60): string | null {
  if (state.kind === 'normal') return null;
  const table = tables.get(state.mode);
  const head = state.pending.length === 0 ? state.mode : `${state.mode} ${state.pending.join(' ')}`;
  if (table === undefined) return head;
  const prefix = state.pending.length === 0 ? '' : `${state.pending.join(' ')} `;
  // The next key of every binding that continues what was typed, once each, in config order.
  const next: string[] = [];
  const more = new Set<string>();
  for (const k of table.keys.keys()) {
    if (!k.startsWith(prefix)) continue;
    const rest = k.slice(prefix.length).split(' ');
    const first = rest[0];
    if (first === undefined || first === '') continue;
    if (!next.includes(first)) next.push(first);
    if (rest.length > 1) more.add(first);
  }
  const words: string[] = [];
  let run = '';
  const flush = (): void => { if (run !== '') { words.push(run); run = ''; } };
  let digits: number[] = [];
  const flushDigits = (): void => {
    if (digits.length >= 3 && digits.every((d, i) => i === 0 || d === (digits[i - 1] ?? -2) + 1)) {
      words.push(`${digits[0]}-${digits[digits.length - 1]}`);
    } else words.push(...digits.map(String));
    digits = [];
  };
  for (const k of next) {
    if (/^[0-9]$/.test(k) && !more.has(k)) { flush(); digits.push(Number(k)); continue; }
    if (digits.length > 0) flushDigits();
    const sym = SYMBOLS.get(k);
    if (sym !== undefined && k !== 'Return' && k !== 'space') { run += sym; continue; } // arrows run together
    flush();
    words.push(more.has(k) ? `${shortKey(k)}…` : shortKey(k));
  }
  if (digits.length > 0) flushDigits();
  flush();
  let hint = '';
  for (const w of words) {
    if (`${head}: ${hint} ${w} Esc`.length > maxLength) { hint = hint === '' ? '…' : `${hint} …`; break; }
    hint = hint === '' ? w : `${hint} ${w}`;
  }
  return hint === '' ? `${head}: Esc` : `${head}: ${hint} Esc`;
}

/** Normal-mode bindings for the modes' enter keys: `super+w` -> `mode workspace`. */
export function modeEnterBindings(modes: readonly { readonly name: string; readonly enter: string | null }[]): { keys: string; command: string }[] {
  return modes.flatMap((m) => (m.enter === null ? [] : [{ keys: m.enter, command: formatCommand({ verb: 'mode', name: m.name }) }]));
}
