// Checks of single values, and of a whole Config's invariants.

import { splitWords as split } from '../text/words.js';
import { normalizeKeySequence, normalizeKeySpec } from '../keys/keyspec.js';
import type { Colors, Config, Validators } from './types.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** "#rgb" or "#rrggbb" -> 0xRRGGBB. */
export function parseColor(text: string): Checked<number> {
  const m = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(text.trim());
  const hex = m?.[1];
  if (hex === undefined) return { ok: false, error: `expected a colour "#rrggbb" or "#rgb", got ${JSON.stringify(text)}` };
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return { ok: true, value: Number.parseInt(full, 16) };
}

/** The terminal's command line as words (the same rules as the command language). */
export function splitWords(text: string): Checked<string[]> {
  const r = split(text);
  return r.ok ? { ok: true, value: r.words } : r;
}

/** The YAML name of each colour, in file order. */
export const COLOR_KEYS: readonly (readonly [string, keyof Colors])[] = [
  ['bar_background', 'barBackground'],
  ['bar_foreground', 'barForeground'],
  ['bar_mode_background', 'barModeBackground'],
  ['bar_mode_foreground', 'barModeForeground'],
  ['bar_message_foreground', 'barMessageForeground'],
  ['tab_background', 'tabBackground'],
  ['tab_foreground', 'tabForeground'],
  ['tab_shown_background', 'tabShownBackground'],
  ['tab_shown_foreground', 'tabShownForeground'],
  ['tab_focused_background', 'tabFocusedBackground'],
  ['tab_focused_foreground', 'tabFocusedForeground'],
  ['tab_urgent_background', 'tabUrgentBackground'],
  ['empty_tile_background', 'emptyTileBackground'],
  ['bar_workspace_foreground', 'barWorkspaceForeground'],
  ['bar_current_workspace_background', 'barCurrentWorkspaceBackground'],
  ['bar_current_workspace_foreground', 'barCurrentWorkspaceForeground'],
  ['bar_urgent_background', 'barUrgentBackground'],
  ['bar_urgent_foreground', 'barUrgentForeground'],
  ['bar_separator', 'barSeparator'],
  ['bar_placeholder', 'barPlaceholder'],
];

/** Whether `zone` names a time zone this system knows ("UTC", "Europe/Paris"). */
export function checkZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function checkResizeStep(n: number): string | null {
  return Number.isFinite(n) && n > 0 && n < 0.5 ? null : `resize_step must be a number with 0 < step < 0.5, got ${String(n)}`;
}

/** A mode name: one word, so that commands can name it. */
export function checkModeName(name: string): string | null {
  if (name === '') return 'a mode name cannot be empty';
  if (/\s/.test(name)) return `mode name ${JSON.stringify(name)} must be one word`;
  if (name === 'none') return 'a mode cannot be called "none"';
  return null;
}

/**
 * Everything that must hold of a Config the loader returns, as a list of
 * problems (empty when valid). Used by tests; cheap enough for a startup assert.
 */
export function configProblems(config: Config, validators: Validators = {}): string[] {
  const problems: string[] = [];
  const p = (s: string): void => {
    problems.push(s);
  };
  if (!Array.isArray(config.terminal) || config.terminal.length === 0) p('terminal is empty');
  else if (config.terminal.some((w) => typeof w !== 'string') || config.terminal[0] === '') p('terminal has a bad word');
  if (typeof config.font !== 'string' || config.font.trim() === '') p('font is empty');
  for (const [yamlName, key] of COLOR_KEYS) {
    const v = config.colors[key];
    if (!Number.isInteger(v) || v < 0 || v > 0xffffff) p(`colour ${yamlName} is ${String(v)}`);
  }
  if (Object.keys(config.colors).length !== COLOR_KEYS.length) p('colors has extra keys');
  if (typeof config.bar.clock !== 'string' || config.bar.clock.trim() === '') p('bar.clock is empty');
  const step = checkResizeStep(config.resizeStep);
  if (step !== null) p(step);
  if (!config.workspaceNames.every((n) => typeof n === 'string')) p('a workspace name is not a string');

  const global = new Set<string>();
  const checkBinding = (where: string, keys: string, command: string, seen: Set<string>, sequence = false): void => {
    const norm = sequence ? normalizeKeySequence(keys) : normalizeKeySpec(keys);
    if (norm === null) p(`${where}: bad key spec ${keys}`);
    else if (norm !== keys) p(`${where}: key spec ${keys} is not canonical (${norm})`);
    else if (seen.has(norm)) p(`${where}: ${keys} bound twice`);
    else seen.add(norm);
    if (validators.keySpec !== undefined && keys.split(' ').some((k) => validators.keySpec?.(k) !== null)) p(`${where}: key spec ${keys} rejected`);
    if (typeof command !== 'string' || command.trim() !== command || command === '' || command === 'none') {
      p(`${where}: bad command ${JSON.stringify(command)}`);
    } else if (validators.command !== undefined && validators.command(command) !== null) {
      p(`${where}: command ${JSON.stringify(command)} rejected`);
    }
  };
  for (const b of config.bindings) checkBinding('bindings', b.keys, b.command, global);
  const names = new Set<string>();
  for (const m of config.modes) {
    const nameProblem = checkModeName(m.name);
    if (nameProblem !== null) p(nameProblem);
    if (names.has(m.name)) p(`mode ${m.name} defined twice`);
    names.add(m.name);
    if (typeof m.sticky !== 'boolean') p(`mode ${m.name}: sticky is not a boolean`);
    if (m.enter !== null) {
      const norm = normalizeKeySpec(m.enter);
      if (norm === null || norm !== m.enter) p(`mode ${m.name}: bad enter key ${m.enter}`);
      else if (global.has(norm)) p(`mode ${m.name}: enter key ${norm} is also bound elsewhere`);
      else global.add(norm);
    }
    const seen = new Set<string>();
    for (const k of m.keys) checkBinding(`mode ${m.name}`, k.keys, k.command, seen, true);
  }
  return problems;
}
