// Reading config files: the shipped defaults, the system's files and the user's, merged in
// that order, with file:line:column errors. Parsing a file's text (parse.ts, with the YAML
// parser) is loaded the first time a file needs it (parser.ts): a start with no config file
// but the unedited shipped one never loads it.
//
// Never throws for bad input. A file that is not YAML, or not a mapping, is not
// applied at all; inside a good file, each bad entry is reported and skipped
// while the rest applies.

import { readFileCapped } from '../persist/readfile.js';
import { fallbackConfig, shippedConfig } from './defaults.js';
import { MAX_CONFIG_BYTES } from './limits.js';
import { defaultConfigPath, systemConfigPaths, userConfigPath } from './paths.js';
import { configParser } from './parser.js';
import type { Config, ConfigError, LoadResult, Validators } from './types.js';

/** "file:line:col: message", or "file: message" for errors about the whole file. */
export function formatConfigError(e: ConfigError): string {
  return e.line > 0 ? `${e.file}:${e.line}:${e.column}: ${e.message}` : `${e.file}: ${e.message}`;
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
  const r = configParser().parseShipped(read.text, path, validators);
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
    const r = configParser().parseConfig(read.text, p, config, validators);
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
  const r = configParser().parseConfig(read.text, path, defaults.config, validators);
  return { config: r.config, path, errors: [...defaults.errors, ...r.errors], usedDefault: !r.applied };
}

/** Errors in one config file (as a user file over the defaults), for `--check-config`-style use. */
export function checkConfigFile(path: string, validators: Validators = {}): ConfigError[] {
  const read = readConfigFile(path);
  if (!read.ok) return [read.error];
  return configParser().parseConfig(read.text, path, fallbackConfig(), validators).errors;
}
