// Reading config files: YAML -> Config, merged over a base, with file:line:column errors.
//
// Never throws for bad input. A file that is not YAML, or not a mapping, is not
// applied at all; inside a good file, each bad entry is reported and skipped
// while the rest applies.

import { isMap, type YAMLMap } from 'yaml';
import { readFileCapped } from '../persist/readfile.js';
import { fallbackConfig, shippedConfig } from './defaults.js';
import { defaultConfigPath, systemConfigPaths, userConfigPath } from './paths.js';
import type { Config, ConfigError, LoadResult, Validators } from './types.js';
import { BindingsReader } from './bindings.js';
import { readRules } from './rules.js';
import { readDropdowns } from './dropdowns.js';
import { readSettings } from './sections.js';
import { defaultSettings, SETTING_KEYS } from './settings.js';
import { suggest } from './suggest.js';
import { isNull, parseYaml, type YamlWalk } from './yamlwalk.js';

/** Config files larger than this are refused: they are not configs, and would stall startup. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Errors reported per file, at most (then one saying how many more there were). */
export const MAX_ERRORS = 50;

/** "file:line:col: message", or "file: message" for errors about the whole file. */
export function formatConfigError(e: ConfigError): string {
  return e.line > 0 ? `${e.file}:${e.line}:${e.column}: ${e.message}` : `${e.file}: ${e.message}`;
}

export interface ParseResult {
  /** base with the text's settings applied (base itself when applied is false). */
  config: Config;
  errors: ConfigError[];
  /** false when the text could not be used at all (not YAML, not a mapping, too large). */
  applied: boolean;
}

/**
 * A deep copy, so that merging never touches the caller's Config. A Config is
 * plain data (no classes, functions or cycles), which structuredClone copies
 * whole: nothing here needs to know its fields.
 */
export function cloneConfig(c: Config): Config {
  return structuredClone(c);
}

/** Top-level keys: the plain settings' (from the table), then the structured sections. */
const TOP_KEYS: readonly string[] = [...SETTING_KEYS, 'bindings', 'modes', 'rules', 'dropdowns'];

/** Apply every top-level entry of a file to config. */
function readTop(w: YamlWalk, validators: Validators, config: Config, root: YAMLMap): void {
  // One reader per file: bindings and modes' enter keys share normal mode's keys within a file.
  const keys = new BindingsReader(w, validators, config);
  for (const { key, pair } of w.entries(root, 'top level')) {
    if (!TOP_KEYS.includes(key)) {
      w.error(pair, `unknown key ${JSON.stringify(key)}${suggest(key, TOP_KEYS)}`);
      continue;
    }
    const value = w.valueOf(pair);
    switch (key) {
      case 'bindings': {
        const map = w.mapping(value, pair, 'bindings');
        if (map !== null) keys.bindings(map);
        break;
      }
      case 'modes': {
        const map = w.mapping(value, pair, 'modes');
        if (map !== null) keys.modes(map);
        break;
      }
      case 'rules':
        readRules(w, config, value, pair, validators.command);
        break;
      case 'dropdowns':
        readDropdowns(w, config, value, pair);
        break;
      default:
        readSettings(w, config, key, value, pair);
        if (key === 'font' && validators.font !== undefined) {
          for (const name of [config.font, ...config.fontFallbacks]) {
            const bad = validators.font(name);
            if (bad !== null) w.error(pair, bad);
          }
        }
    }
  }
}

/**
 * Parse config text and apply it over base (which is not modified).
 * file is used in error reports only.
 */
export function parseConfig(text: string, file: string, base: Config, validators: Validators = {}): ParseResult {
  const r = parseUncapped(text, file, base, validators);
  if (r.errors.length <= MAX_ERRORS) return r;
  const more = r.errors.length - MAX_ERRORS;
  const errors = r.errors.slice(0, MAX_ERRORS);
  errors.push({ file, line: 0, column: 0, message: `${more} more error${more === 1 ? '' : 's'} not shown` });
  return { ...r, errors };
}

function parseUncapped(text: string, file: string, base: Config, validators: Validators): ParseResult {
  const fatal = (errors: ConfigError[]): ParseResult => ({ config: cloneConfig(base), errors, applied: false });
  if (text.length > MAX_CONFIG_BYTES) {
    return fatal([{ file, line: 0, column: 0, message: `larger than ${MAX_CONFIG_BYTES} bytes; not a config file` }]);
  }
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return fatal(parsed.errors);
  const { walk, root, warnings, duplicates } = parsed;
  if (isNull(root)) return { config: cloneConfig(base), errors: [...warnings, ...duplicates], applied: true };
  if (!isMap(root)) {
    return fatal([
      ...warnings,
      { file, ...walk.position(root), message: 'expected a mapping of settings (terminal:, colors:, bindings: ...); the file is ignored' },
    ]);
  }

  const config = cloneConfig(base);
  try {
    readTop(walk, validators, config, root);
  } catch (e) {
    // A bug, not bad input; still, a broken config must not take the window manager down.
    return fatal([...walk.errors, { file, line: 0, column: 0, message: `internal error: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const errors = [...warnings, ...walk.errors];
  for (const d of duplicates) {
    if (!errors.some((e) => e.line === d.line && e.column === d.column)) errors.push(d);
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { config, errors, applied: true };
}

/** Read a config file as UTF-8, refusing anything over MAX_CONFIG_BYTES or not a regular file. */
export function readConfigFile(path: string): { ok: true; text: string } | { ok: false; error: ConfigError; missing: boolean } {
  const fail = (message: string, missing = false): { ok: false; error: ConfigError; missing: boolean } => ({
    ok: false,
    error: { file: path, line: 0, column: 0, message },
    missing,
  });
  const r = readFileCapped(path, MAX_CONFIG_BYTES);
  switch (r.kind) {
    case 'text':
      return { ok: true, text: r.text };
    case 'missing':
      return fail('cannot read: no such file', true);
    case 'refused':
      return fail(r.reason === 'too-large' ? `${r.message}; not a config file` : r.message);
    case 'failed':
      return fail(`cannot read: ${r.code === 'EACCES' ? 'permission denied' : r.message}`);
  }
}

/**
 * The shipped defaults: config/fion.yaml parsed, or the built-in fallback when
 * that file cannot be read or is not YAML (with an error saying so).
 */
export function loadDefaults(validators: Validators = {}, path: string = defaultConfigPath()): { config: Config; errors: ConfigError[] } {
  const read = readConfigFile(path);
  if (!read.ok) {
    return { config: fallbackConfig(), errors: [{ ...read.error, message: `${read.error.message} (shipped defaults; using built-in ones)` }] };
  }
  const known = shippedConfig(read.text, path);
  const fontsOk = (c: Config): boolean => validators.font === undefined || [c.font, ...c.fontFallbacks].every((n) => validators.font!(n) === null);
  // Its commands are checked by the tests; its fonts depend on this machine (then parsed, for the error's line).
  if (known !== null && fontsOk(known)) return { config: known, errors: [] };
  const r = parseConfig(read.text, path, defaultSettings(), validators);
  if (!r.applied) return { config: fallbackConfig(), errors: r.errors };
  return { config: r.config, errors: r.errors };
}

/**
 * The defaults a user's file goes over: the shipped ones, with the system's files
 * ($XDG_CONFIG_DIRS, else /etc/xdg: fion/config.yaml) merged over them, the least
 * important first. path: the most important system file read, or null for none.
 */
export function loadSystemDefaults(validators: Validators = {}, env: NodeJS.ProcessEnv = process.env): { config: Config; errors: ConfigError[]; path: string | null } {
  const shipped = loadDefaults(validators);
  let config = shipped.config;
  const errors = [...shipped.errors];
  let path: string | null = null;
  let shippedText: string | null | undefined;
  for (const p of systemConfigPaths(env).reverse()) {
    const read = readConfigFile(p);
    if (!read.ok) {
      if (!read.missing) errors.push(read.error);
      continue;
    }
    path = p;
    // The packaged copy of the shipped file, unedited, changes nothing: not parsed twice at start.
    if (shippedText === undefined) { const s = readConfigFile(defaultConfigPath()); shippedText = s.ok ? s.text : null; }
    if (read.text === shippedText && config === shipped.config) continue;
    const r = parseConfig(read.text, p, config, validators);
    config = r.config;
    errors.push(...r.errors);
  }
  return { config, errors, path };
}

/**
 * The configuration Fion runs with: the shipped defaults, the system's files over them
 * (loadSystemDefaults), and the user's file (--config path, else userConfigPath(env) when it
 * exists) merged over those.
 */
export function loadConfig(opts: { path?: string; env?: NodeJS.ProcessEnv; validators?: Validators } = {}): LoadResult {
  const validators = opts.validators ?? {};
  const env = opts.env ?? process.env;
  const defaults = loadSystemDefaults(validators, env);
  const path = opts.path ?? userConfigPath(env);
  const read = readConfigFile(path);
  if (!read.ok && read.missing && opts.path === undefined) {
    return { config: defaults.config, path: defaults.path ?? defaultConfigPath(), errors: defaults.errors, usedDefault: defaults.path === null };
  }
  if (!read.ok) return { config: defaults.config, path, errors: [...defaults.errors, read.error], usedDefault: true };
  const r = parseConfig(read.text, path, defaults.config, validators);
  return { config: r.config, path, errors: [...defaults.errors, ...r.errors], usedDefault: !r.applied };
}

/** Errors in one config file (as a user file over the defaults), for `--check-config`-style use. */
export function checkConfigFile(path: string, validators: Validators = {}): ConfigError[] {
  const read = readConfigFile(path);
  if (!read.ok) return [read.error];
  return parseConfig(read.text, path, fallbackConfig(), validators).errors;
}
