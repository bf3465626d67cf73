// A config file's text: YAML -> Config, merged over a base, with file:line:column errors.
// Loaded only when a file needs parsing (parser.ts): it holds the YAML parser.
//
// Never throws for bad input. A file that is not YAML, or not a mapping, is not
// applied at all; inside a good file, each bad entry is reported and skipped
// while the rest applies.

import { isMap, type YAMLMap } from 'yaml';
import { cloneConfig } from './defaults.js';
import { MAX_CONFIG_BYTES, MAX_ERRORS } from './limits.js';
import type { Config, ConfigError, Validators } from './types.js';
import { BindingsReader } from './bindings.js';
import { readRules } from './rules.js';
import { readDropdowns } from './dropdowns.js';
import { readSettings } from './sections.js';
import { defaultSettings, SETTING_KEYS } from './settings.js';
import { suggest } from './suggest.js';
import { isNull, parseYaml, type YamlWalk } from './yamlwalk.js';

export interface ParseResult {
  /** base with the text's settings applied (base itself when applied is false). */
  config: Config;
  errors: ConfigError[];
  /** false when the text could not be used at all (not YAML, not a mapping, too large). */
  applied: boolean;
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


/** The shipped file's text when it is not the one shipped.ts was made of (edited, or a
 *  font this machine lacks): parsed over the settings table's defaults. */
export function parseShipped(text: string, file: string, validators: Validators = {}): ParseResult {
  return parseConfig(text, file, defaultSettings(), validators);
}
