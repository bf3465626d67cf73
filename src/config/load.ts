// Reading config files: YAML -> Config, merged over a base, with file:line:column errors.
//
// Never throws for bad input. A file that is not YAML, or not a mapping, is not
// applied at all; inside a good file, each bad entry is reported and skipped
// while the rest applies.

import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { readFileCapped } from '../persist/readfile.js';
import { fallbackConfig } from './defaults.js';
import { defaultConfigPath, userConfigPath } from './paths.js';
import type { ClockConfig, Config, ConfigError, LoadResult, Validators } from './types.js';
import { checkResizeStep, checkZone, COLOR_KEYS, parseColor, splitWords } from './validate.js';
import { MONITOR_SOURCES } from './types.js';
import { BindingsReader } from './bindings.js';
import { readRules } from './rules.js';
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

/** A deep copy, so that merging never touches the caller's Config. */
export function cloneConfig(c: Config): Config {
  return {
    terminal: [...c.terminal],
    font: c.font,
    fontFallbacks: [...c.fontFallbacks],
    colors: { ...c.colors },
    bar: { ...c.bar, clocks: c.bar.clocks.map((k) => ({ ...k })), hidden: Array.isArray(c.bar.hidden) ? [...c.bar.hidden] : c.bar.hidden },
    resizeStep: c.resizeStep,
    workspaceNames: [...c.workspaceNames],
    workspaceOutputs: { ...c.workspaceOutputs },
    monitors: { ...c.monitors },
    bindings: c.bindings.map((b) => ({ ...b })),
    modes: c.modes.map((m) => ({ ...m, keys: m.keys.map((k) => ({ ...k })) })),
    rules: c.rules.map((r) => ({ ...r, match: { ...r.match } })),
  };
}

class Walker {
  private readonly keys: BindingsReader;

  constructor(
    private readonly w: YamlWalk,
    validators: Validators,
    private readonly config: Config,
  ) {
    this.keys = new BindingsReader(w, validators, config);
  }

  // ---- the document

  top(root: YAMLMap): void {
    for (const { key, pair } of this.w.entries(root, 'top level')) {
      if (!TOP_KEYS.includes(key)) {
        this.w.error(pair, `unknown key ${JSON.stringify(key)}${suggest(key, TOP_KEYS)}`);
        continue;
      }
      const value = this.w.valueOf(pair);
      switch (key) {
        case 'terminal':
          this.terminal(value, pair);
          break;
        case 'font': {
          if (isSeq(value)) {
            const fonts = value.items.map((n) => this.w.str(this.w.deref(n, pair), pair, 'font')).filter((f): f is string => f !== null);
            if (fonts.length === 0) { this.w.error(value, 'font: expected a font name or a list of them'); break; }
            this.config.font = fonts[0]!;
            this.config.fontFallbacks = fonts.slice(1);
            break;
          }
          const font = this.w.str(value, pair, 'font');
          if (font !== null) { this.config.font = font; this.config.fontFallbacks = []; }
          break;
        }
        case 'colors':
          this.colors(value, pair);
          break;
        case 'bar':
          this.bar(value, pair);
          break;
        case 'tiles':
          this.tiles(value, pair);
          break;
        case 'workspaces':
          this.workspaces(value, pair);
          break;
        case 'bindings': {
          const map = this.w.mapping(value, pair, 'bindings');
          if (map !== null) this.keys.bindings(map);
          break;
        }
        case 'modes': {
          const map = this.w.mapping(value, pair, 'modes');
          if (map !== null) this.keys.modes(map);
          break;
        }
        case 'rules':
          readRules(this.w, this.config, value, pair);
          break;
        case 'monitors':
          this.monitors(value, pair);
          break;
      }
    }
  }

  private terminal(node: unknown, at: unknown): void {
    let argv: string[] | null = null;
    if (isSeq(node)) {
      argv = [];
      for (const item of node.items) {
        const word = this.w.scalarText(this.w.deref(item, node));
        if (word === null || isNull(item)) {
          this.w.error(item ?? node, 'terminal: each word must be a string');
          return;
        }
        argv.push(word);
      }
    } else if (isScalar(node) && typeof node.value === 'string') {
      const split = splitWords(node.value);
      if (!split.ok) {
        this.w.error(node, `terminal: ${split.error}`);
        return;
      }
      argv = split.value;
    } else {
      this.w.error(isNull(node) ? at : node, 'terminal: expected a command line, e.g. "xterm -fa Monospace"');
      return;
    }
    if (argv.length === 0 || argv[0] === '') {
      this.w.error(isNull(node) ? at : node, 'terminal: the command line is empty');
      return;
    }
    this.config.terminal = argv;
  }

  private colors(node: unknown, at: unknown): void {
    const map = this.w.mapping(node, at, 'colors');
    if (map === null) return;
    const known = new Map(COLOR_KEYS);
    for (const { key, pair } of this.w.entries(map, 'colors')) {
      const field = known.get(key);
      if (field === undefined) {
        this.w.error(pair, `colors: unknown colour ${JSON.stringify(key)}${suggest(key, [...known.keys()])}`);
        continue;
      }
      const value = this.w.valueOf(pair);
      if (isNull(value)) {
        this.w.error(pair, `colors.${key}: expected a colour "#rrggbb" (quote it: an unquoted # starts a YAML comment)`);
        continue;
      }
      const text = this.w.scalarText(value);
      const parsed = text === null ? null : parseColor(text);
      if (parsed === null || !parsed.ok) {
        this.w.error(value, `colors.${key}: ${parsed?.ok === false ? parsed.error : 'expected a colour "#rrggbb"'}`);
        continue;
      }
      this.config.colors[field] = parsed.value;
    }
  }

  private bar(node: unknown, at: unknown): void {
    const map = this.w.mapping(node, at, 'bar');
    if (map === null) return;
    const KEYS = ['clock', 'zone', 'clocks', 'status_command', 'status_shell', 'hidden'];
    for (const { key, pair } of this.w.entries(map, 'bar')) {
      const value = this.w.valueOf(pair);
      switch (key) {
        case 'clock': {
          const clock = this.w.str(value, pair, 'bar.clock');
          if (clock !== null) this.config.bar.clock = clock;
          break;
        }
        case 'zone': {
          if (isNull(value)) { delete this.config.bar.zone; break; }
          const zone = this.w.str(value, pair, 'bar.zone');
          if (zone === null) break;
          if (!checkZone(zone)) this.w.error(value, `bar.zone: unknown time zone ${JSON.stringify(zone)}`);
          else this.config.bar.zone = zone;
          break;
        }
        case 'clocks':
          this.clocks(value, pair);
          break;
        case 'status_command': {
          if (isNull(value)) { this.config.bar.statusCommand = null; break; }
          const cmd = this.w.str(value, pair, 'bar.status_command');
          if (cmd === null) break;
          const words = splitWords(cmd);
          if (!words.ok) this.w.error(value, `bar.status_command: ${words.error}`);
          else this.config.bar.statusCommand = cmd;
          break;
        }
        case 'status_shell':
        case 'hidden': {
          if (isScalar(value) && typeof value.value === 'boolean') {
            if (key === 'status_shell') this.config.bar.statusShell = value.value;
            else this.config.bar.hidden = value.value;
          } else if (key === 'hidden' && isSeq(value)) {
            this.config.bar.hidden = value.items.map((n) => this.w.scalarText(this.w.deref(n, pair)) ?? '').filter((t) => t !== '');
          } else {
            this.w.error(isNull(value) ? pair : value, `bar.${key}: expected true or false${key === 'hidden' ? ', or a list of output names' : ''}`);
          }
          break;
        }
        default:
          this.w.error(pair, `bar: unknown key ${JSON.stringify(key)}${suggest(key, KEYS)}`);
      }
    }
  }

  /** `bar.clocks`: a list of formats, or of {format, zone}. */
  private clocks(node: unknown, at: unknown): void {
    if (isNull(node)) { this.config.bar.clocks = []; return; }
    if (!isSeq(node)) {
      this.w.error(node ?? at, 'bar.clocks: expected a list, e.g. [{format: "HH:mm", zone: UTC}]');
      return;
    }
    const out: ClockConfig[] = [];
    for (const item of node.items) {
      const n = this.w.deref(item, at);
      if (isScalar(n)) {
        const f = this.w.str(n, at, 'bar.clocks');
        if (f !== null) out.push({ format: f });
        continue;
      }
      const map = this.w.mapping(n, at, 'bar.clocks');
      if (map === null) continue;
      const clock: ClockConfig = { format: 'HH:mm:ss' };
      for (const { key, pair } of this.w.entries(map, 'bar.clocks')) {
        const v = this.w.str(this.w.valueOf(pair), pair, `bar.clocks.${key}`);
        if (v === null) continue;
        if (key === 'format') clock.format = v;
        else if (key === 'zone') {
          if (checkZone(v)) clock.zone = v;
          else this.w.error(pair, `bar.clocks.zone: unknown time zone ${JSON.stringify(v)}`);
        } else this.w.error(pair, `bar.clocks: unknown key ${JSON.stringify(key)}${suggest(key, ['format', 'zone'])}`);
      }
      out.push(clock);
    }
    this.config.bar.clocks = out;
  }

  private tiles(node: unknown, at: unknown): void {
    const map = this.w.mapping(node, at, 'tiles');
    if (map === null) return;
    for (const { key, pair } of this.w.entries(map, 'tiles')) {
      if (key === 'resize_step') {
        const value = this.w.valueOf(pair);
        if (!isScalar(value) || typeof value.value !== 'number') {
          this.w.error(isNull(value) ? pair : value, 'tiles.resize_step: expected a number, e.g. 0.05');
          continue;
        }
        const problem = checkResizeStep(value.value);
        if (problem !== null) {
          this.w.error(value, `tiles.${problem}`);
          continue;
        }
        this.config.resizeStep = value.value;
      } else {
        this.w.error(pair, `tiles: unknown key ${JSON.stringify(key)}${suggest(key, ['resize_step'])}`);
      }
    }
  }

  /** `monitors:` where they come from, and what switching to a workspace shown elsewhere does. */
  private monitors(node: unknown, at: unknown): void {
    const map = this.w.mapping(node, at, 'monitors');
    if (map === null) return;
    const choice = <T extends string>(pair: Pair, where: string, allowed: readonly T[]): T | null => {
      const v = this.w.str(this.w.valueOf(pair), pair, where);
      if (v === null) return null;
      if ((allowed as readonly string[]).includes(v)) return v as T;
      this.w.error(this.w.valueOf(pair) ?? pair, `${where}: expected one of ${allowed.join(', ')}${suggest(v, allowed)}`);
      return null;
    };
    for (const { key, pair } of this.w.entries(map, 'monitors')) {
      if (key === 'source') {
        const v = choice(pair, 'monitors.source', MONITOR_SOURCES);
        if (v !== null) this.config.monitors.source = v;
      } else if (key === 'shown_elsewhere') {
        const v = choice(pair, 'monitors.shown_elsewhere', ['focus', 'swap'] as const);
        if (v !== null) this.config.monitors.shownElsewhere = v;
      } else {
        this.w.error(pair, `monitors: unknown key ${JSON.stringify(key)}${suggest(key, ['source', 'shown_elsewhere'])}`);
      }
    }
  }

  private workspaces(node: unknown, at: unknown): void {
    const map = this.w.mapping(node, at, 'workspaces');
    if (map === null) return;
    for (const { key, pair } of this.w.entries(map, 'workspaces')) {
      if (key === 'outputs') {
        // workspace name -> output name ("1": HDMI-1)
        const outputs = this.w.mapping(this.w.valueOf(pair), pair, 'workspaces.outputs');
        if (outputs === null) continue;
        for (const e of this.w.entries(outputs, 'workspaces.outputs')) {
          const output = this.w.scalarText(this.w.valueOf(e.pair));
          if (output === null || output.trim() === '') {
            this.w.error(e.pair, `workspaces.outputs: the output for workspace ${JSON.stringify(e.key)} must be a name such as HDMI-1`);
            continue;
          }
          this.config.workspaceOutputs[e.key.trim()] = output.trim();
        }
        continue;
      }
      if (key !== 'names') {
        this.w.error(pair, `workspaces: unknown key ${JSON.stringify(key)}${suggest(key, ['names', 'outputs'])}`);
        continue;
      }
      const value = this.w.valueOf(pair);
      if (!isSeq(value)) {
        this.w.error(isNull(value) ? pair : value, 'workspaces.names: expected a list of names, e.g. [web, mail]');
        continue;
      }
      const names: string[] = [];
      let ok = true;
      for (const item of value.items) {
        const resolved = this.w.deref(item, value);
        if (isNull(resolved)) {
          names.push('');
          continue;
        }
        const name = this.w.scalarText(resolved);
        if (name === null) {
          this.w.error(item ?? value, 'workspaces.names: each name must be a string');
          ok = false;
          break;
        }
        names.push(name.trim());
      }
      if (ok) this.config.workspaceNames = names;
    }
  }

}

const TOP_KEYS = ['terminal', 'font', 'colors', 'bar', 'tiles', 'workspaces', 'bindings', 'modes', 'rules', 'monitors'];

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
    new Walker(walk, validators, config).top(root);
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

/** An empty base for parsing the shipped defaults: scalars from the fallback, no bindings or modes. */
function emptyBase(): Config {
  return { ...fallbackConfig(), bindings: [], modes: [], rules: [] };
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
  const r = parseConfig(read.text, path, emptyBase(), validators);
  if (!r.applied) return { config: fallbackConfig(), errors: r.errors };
  return { config: r.config, errors: r.errors };
}

/**
 * The configuration Fion runs with: the shipped defaults, with the user's file
 * (--config path, else userConfigPath(env) when it exists) merged over them.
 */
export function loadConfig(opts: { path?: string; env?: NodeJS.ProcessEnv; validators?: Validators } = {}): LoadResult {
  const validators = opts.validators ?? {};
  const defaults = loadDefaults(validators);
  const path = opts.path ?? userConfigPath(opts.env ?? process.env);
  const read = readConfigFile(path);
  if (!read.ok && read.missing && opts.path === undefined) {
    return { config: defaults.config, path: defaultConfigPath(), errors: defaults.errors, usedDefault: true };
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
