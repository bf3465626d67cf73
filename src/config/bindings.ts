// `bindings:` and `modes:` of one file, merged into a Config by key spec.
//
// The merge rules: a user's binding replaces the default for the same key however
// it is spelt, `none` removes one; modes merge by name and their keys by key spec,
// `name: none` removes a mode. Bindings and modes' enter keys share normal mode,
// so the file that binds a key takes it from whatever had it; inside one file,
// binding a key twice is an error.

import { isScalar, type Pair, type YAMLMap } from 'yaml';
import { formatKeySpec, normalizeKeySequence, normalizeKeySpec, parseKeySequence, parseKeySpec } from '../keys/keyspec.js';
import { suggest } from './suggest.js';
import type { Config, KeyBinding, ModeConfig, Validators } from './types.js';
import { isNull, type YamlWalk } from './yamlwalk.js';

/** A mode name: one word, so that commands can name it. */
export function checkModeName(name: string): string | null {
  if (name === '') return 'a mode name cannot be empty';
  if (/\s/.test(name)) return `mode name ${JSON.stringify(name)} must be one word`;
  if (name === 'none') return 'a mode cannot be called "none"';
  return null;
}

/** Where a key spec is taken in one file: the normal-mode namespace or one mode's. */
interface Taken {
  line: number;
  what: string;
}

/** Reads one file's bindings and modes into config (which it changes). */
export class BindingsReader {
  /** Keys of normal mode (bindings and modes' enter keys) set by this file. */
  private readonly globalTaken = new Map<string, Taken>();

  constructor(
    private readonly w: YamlWalk,
    private readonly validators: Validators,
    private readonly config: Config,
  ) {}

  /**
   * Check one "key spec: command" pair. Returns the canonical spec and the
   * command ('none' to remove), or null after reporting what is wrong.
   */
  private binding(key: string, pair: Pair, where: string, taken: Map<string, Taken>, sequence = false): { keys: string; command: string } | null {
    // Inside a mode a key may be a sequence ("m n"); normal-mode bindings are single keys.
    const parsed = sequence ? parseKeySequence(key) : parseKeySpec(key);
    if (!parsed.ok) {
      this.w.error(pair, `${where}: ${parsed.error}`);
      return null;
    }
    const parts = 'keys' in parsed ? parsed.keys : [formatKeySpec(parsed.spec)];
    for (const part of sequence ? parts : [key]) {
      const extra = this.validators.keySpec?.(part) ?? null;
      if (extra !== null) {
        this.w.error(pair, `${where}: ${extra}`);
        return null;
      }
    }
    const keys = parts.join(' ');
    const already = taken.get(keys);
    if (already !== undefined) {
      const same = keys === key ? key : `${key} (${keys})`;
      this.w.error(pair, `${where}: duplicate binding: ${same} is already ${already.what} at line ${already.line}`);
      return null;
    }
    const line = this.w.lineOf(pair);
    taken.set(keys, { line, what: where === 'bindings' ? 'bound' : `bound in ${where}` });

    const value = this.w.valueOf(pair);
    if (isNull(value)) {
      this.w.error(pair, `${where}: no command for ${key} (write "none" to remove a binding)`);
      return null;
    }
    const text = this.w.scalarText(value);
    if (text === null) {
      this.w.error(value, `${where}: the command for ${key} must be a string`);
      return null;
    }
    const command = text.trim();
    if (command === '') {
      this.w.error(value, `${where}: empty command for ${key}`);
      return null;
    }
    if (command === 'none') return { keys, command };
    const bad = this.validators.command?.(command) ?? null;
    if (bad !== null) {
      this.w.error(value, `${where}: ${bad}`);
      return null;
    }
    return { keys, command };
  }

  bindings(map: YAMLMap): void {
    for (const { key, pair } of this.w.entries(map, 'bindings')) {
      const b = this.binding(key, pair, 'bindings', this.globalTaken);
      if (b === null) continue;
      // A normal-mode key: whatever had it before (a binding, a mode's enter) loses it.
      this.releaseGlobal(b.keys);
      if (b.command === 'none') continue;
      const entry: KeyBinding = { keys: b.keys, command: b.command, line: this.w.lineOf(pair), file: this.w.file };
      this.config.bindings.push(entry);
    }
  }

  /** Remove every use of a normal-mode key from the config (bindings and modes' enter keys). */
  private releaseGlobal(keys: string): void {
    this.config.bindings = this.config.bindings.filter((x) => x.keys !== keys);
    for (const m of this.config.modes) if (m.enter === keys) m.enter = null;
  }

  modes(map: YAMLMap): void {
    for (const { key: name, pair } of this.w.entries(map, 'modes')) {
      const nameProblem = checkModeName(name);
      if (nameProblem !== null) {
        this.w.error(pair, `modes: ${nameProblem}`);
        continue;
      }
      const value = this.w.valueOf(pair);
      if (isScalar(value) && value.value === 'none') {
        this.config.modes = this.config.modes.filter((m) => m.name !== name);
        continue;
      }
      const body = this.w.mapping(value, pair, `modes.${name}`);
      if (body === null) continue;
      const existing = this.config.modes.find((m) => m.name === name);
      const mode: ModeConfig = existing ?? { name, enter: null, sticky: false, keys: [], line: 0, file: '' };
      mode.line = this.w.lineOf(pair);
      mode.file = this.w.file;
      const where = `modes.${name}`;
      for (const { key, pair: p } of this.w.entries(body, where)) {
        const v = this.w.valueOf(p);
        switch (key) {
          case 'enter':
            this.modeEnter(mode, v, p, where);
            break;
          case 'sticky':
            if (isScalar(v) && typeof v.value === 'boolean') mode.sticky = v.value;
            else this.w.error(isNull(v) ? p : v, `${where}.sticky: expected true or false`);
            break;
          case 'keys': {
            const keys = this.w.mapping(v, p, `${where}.keys`);
            if (keys !== null) this.modeKeys(mode, keys, `${where}.keys`);
            break;
          }
          default:
            this.w.error(p, `${where}: unknown key ${JSON.stringify(key)}${suggest(key, ['enter', 'sticky', 'keys'])}`);
        }
      }
      if (existing === undefined) this.config.modes.push(mode);
    }
  }

  private modeEnter(mode: ModeConfig, value: unknown, pair: Pair, where: string): void {
    if (isNull(value) || (isScalar(value) && value.value === 'none')) {
      mode.enter = null;
      return;
    }
    const text = this.w.scalarText(value);
    if (text === null) {
      this.w.error(value, `${where}.enter: expected a key spec such as super+w`);
      return;
    }
    const parsed = parseKeySpec(text);
    if (!parsed.ok) {
      this.w.error(value, `${where}.enter: ${parsed.error}`);
      return;
    }
    const extra = this.validators.keySpec?.(text) ?? null;
    if (extra !== null) {
      this.w.error(value, `${where}.enter: ${extra}`);
      return;
    }
    const keys = formatKeySpec(parsed.spec);
    const already = this.globalTaken.get(keys);
    if (already !== undefined) {
      this.w.error(value, `${where}.enter: duplicate binding: ${keys} is already ${already.what} at line ${already.line}`);
      return;
    }
    this.globalTaken.set(keys, { line: this.w.lineOf(pair), what: `the enter key of mode ${mode.name}` });
    this.releaseGlobal(keys);
    mode.enter = keys;
  }

  private modeKeys(mode: ModeConfig, map: YAMLMap, where: string): void {
    const taken = new Map<string, Taken>();
    for (const { key, pair } of this.w.entries(map, where)) {
      const b = this.binding(key, pair, where, taken, true);
      if (b === null) continue;
      if (b.keys === 'Escape') {
        this.w.error(pair, `${where}: Escape always leaves a mode and can't be bound in one`);
        continue;
      }
      // "m" and "m n" in one mode: the sequence could never be typed.
      const clash = mode.keys.find((k) => k.keys !== b.keys && (k.keys.startsWith(`${b.keys} `) || b.keys.startsWith(`${k.keys} `)));
      if (clash !== undefined && b.command !== 'none') {
        this.w.error(pair, `${where}: ${b.keys} and ${clash.keys} overlap: one is the start of the other`);
        continue;
      }
      mode.keys = mode.keys.filter((k) => k.keys !== b.keys);
      if (b.command === 'none') continue;
      mode.keys.push({ keys: b.keys, command: b.command, line: this.w.lineOf(pair), file: this.w.file });
    }
  }
}

/**
 * What the readers promise of a Config's bindings and modes: canonical key specs,
 * each bound once per namespace, enter keys apart from normal-mode bindings,
 * commands that the command language accepts. Empty when all holds.
 */
export function bindingProblems(config: Config, validators: Validators = {}): string[] {
  const problems: string[] = [];
  const p = (s: string): void => {
    problems.push(s);
  };
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
