// Reading config files: YAML -> Config, merged over a base, with file:line:column errors.
//
// Never throws for bad input. A file that is not YAML, or not a mapping, is not
// applied at all; inside a good file, each bad entry is reported and skipped
// while the rest applies.

import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { readFileCapped } from '../persist/readfile.js';
import { formatKeySpec, parseKeySequence, parseKeySpec } from '../keys/keyspec.js';
import { fallbackConfig } from './defaults.js';
import { defaultConfigPath, userConfigPath } from './paths.js';
import type {
  ClockConfig, Rule, Config, ConfigError, KeyBinding, LoadResult, ModeConfig, Validators } from './types.js';
import { checkModeName, checkResizeStep, checkZone, COLOR_KEYS, parseColor, splitWords } from './validate.js';
import { MONITOR_SOURCES } from './types.js';

/** Config files larger than this are refused: they are not configs, and would stall startup. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Aliases (*name) resolved per file, at most. */
const MAX_ALIASES = 100;
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

/** Where a key spec is taken in one file: the normal-mode namespace or one mode's. */
interface Taken {
  line: number;
  what: string;
}

class Walker {
  readonly errors: ConfigError[] = [];
  private aliases = 0;
  /** Keys of normal mode (bindings and modes' enter keys) set by this file. */
  private readonly globalTaken = new Map<string, Taken>();

  constructor(
    private readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lc: LineCounter,
    private readonly validators: Validators,
    private readonly config: Config,
  ) {}

  // ---- positions and errors

  private pos(offset: number): { line: number; column: number } {
    const lp = this.lc.linePos(offset);
    return { line: lp.line, column: lp.col };
  }

  private offsetOf(node: unknown): number {
    if (isPair(node)) return this.offsetOf(node.key ?? node.value);
    if (typeof node === 'object' && node !== null && 'range' in node) {
      const range = (node as { range?: unknown }).range;
      if (Array.isArray(range) && typeof range[0] === 'number') return range[0];
    }
    return 0;
  }

  lineOf(node: unknown): number {
    return this.pos(this.offsetOf(node)).line;
  }

  error(node: unknown, message: string): void {
    this.errors.push({ file: this.file, ...this.pos(this.offsetOf(node)), message });
  }

  // ---- node access

  /** Follow an alias to its anchor's node; undefined (with an error) when that fails. */
  private deref(node: unknown, at: unknown): unknown {
    if (!isAlias(node)) return node;
    if (++this.aliases > MAX_ALIASES) {
      if (this.aliases === MAX_ALIASES + 1) this.error(at, `more than ${MAX_ALIASES} aliases; the rest are ignored`);
      return undefined;
    }
    try {
      const target = node.resolve(this.doc);
      if (target === undefined) this.error(node, `unknown alias *${node.source}`);
      return target;
    } catch {
      this.error(node, `cannot resolve alias *${node.source}`);
      return undefined;
    }
  }

  /** The value node of a pair, aliases followed. null for an empty value. */
  private valueOf(pair: Pair): unknown {
    return this.deref(pair.value, pair);
  }

  /** The text of a scalar key or value as written ("1" for the key 1:, not the number). */
  private scalarText(node: unknown): string | null {
    if (!isScalar(node)) return null;
    const v: unknown = node.value;
    if (typeof v === 'string') return v;
    const src = (node as Scalar & { source?: unknown }).source;
    if (typeof src === 'string') return src;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return null;
  }

  /**
   * The pairs of a mapping with usable keys, each key text once. Reports keys
   * that are not plain scalars, and repeated keys (the first one wins).
   */
  private entries(map: YAMLMap, where: string): { key: string; pair: Pair }[] {
    const out: { key: string; pair: Pair }[] = [];
    const seen = new Map<string, number>();
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const keyNode = this.deref(item.key, item);
      const key = this.scalarText(keyNode);
      if (key === null) {
        this.error(item, `${where}: keys must be plain words or key specs`);
        continue;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        this.error(item, `${where}: duplicate key ${JSON.stringify(key)} (first at line ${first}); this one is ignored`);
        continue;
      }
      seen.set(key, this.lineOf(item));
      out.push({ key, pair: item });
    }
    return out;
  }

  private mapping(node: unknown, at: unknown, where: string): YAMLMap | null {
    if (isMap(node)) return node;
    this.error(isNull(node) ? at : node, `${where}: expected a mapping (key: value lines)${isNull(node) ? ', found nothing' : ''}`);
    return null;
  }

  private str(node: unknown, at: unknown, where: string): string | null {
    if (isScalar(node) && typeof node.value === 'string') {
      if (node.value.trim() === '') {
        this.error(node, `${where}: cannot be empty`);
        return null;
      }
      return node.value;
    }
    this.error(isNull(node) ? at : node, `${where}: expected a string${isNull(node) ? ', found nothing' : ''}`);
    return null;
  }

  // ---- the document

  top(root: YAMLMap): void {
    for (const { key, pair } of this.entries(root, 'top level')) {
      if (!TOP_KEYS.includes(key)) {
        this.error(pair, `unknown key ${JSON.stringify(key)}${suggest(key, TOP_KEYS)}`);
        continue;
      }
      const value = this.valueOf(pair);
      switch (key) {
        case 'terminal':
          this.terminal(value, pair);
          break;
        case 'font': {
          if (isSeq(value)) {
            const fonts = value.items.map((n) => this.str(this.deref(n, pair), pair, 'font')).filter((f): f is string => f !== null);
            if (fonts.length === 0) { this.error(value, 'font: expected a font name or a list of them'); break; }
            this.config.font = fonts[0]!;
            this.config.fontFallbacks = fonts.slice(1);
            break;
          }
          const font = this.str(value, pair, 'font');
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
          const map = this.mapping(value, pair, 'bindings');
          if (map !== null) this.bindings(map);
          break;
        }
        case 'modes': {
          const map = this.mapping(value, pair, 'modes');
          if (map !== null) this.modes(map);
          break;
        }
        case 'rules':
          this.rules(value, pair);
          break;
        case 'monitors':
          this.monitors(value, pair);
          break;
      }
    }
  }

  /** `rules:` a list of {class|instance|title: text or /regex/, float: bool, workspace: name}. */
  private rules(node: unknown, at: unknown): void {
    if (isNull(node)) return;
    if (!isSeq(node)) {
      this.error(node ?? at, 'rules: expected a list, e.g. [{class: Gimp, float: true}]');
      return;
    }
    const rules: Rule[] = [];
    for (const item of node.items) {
      const map = this.mapping(this.deref(item, node), item ?? node, 'rules');
      if (map === null) continue;
      const rule: Rule = { match: {}, line: this.lineOf(item ?? map), file: this.file };
      let ok = true;
      for (const { key, pair } of this.entries(map, 'rules')) {
        const value = this.valueOf(pair);
        if (key === 'class' || key === 'instance' || key === 'title') {
          const text = this.scalarText(value);
          if (text === null || text === '') { this.error(pair, `rules.${key}: expected text or /regex/`); ok = false; continue; }
          const re = /^\/(.*)\/$/s.exec(text);
          if (re !== null) {
            try { new RegExp(re[1] ?? ''); } catch (e) {
              this.error(value ?? pair, `rules.${key}: bad regular expression: ${e instanceof Error ? e.message : String(e)}`);
              ok = false;
              continue;
            }
          }
          rule.match[key] = text;
        } else if (key === 'float') {
          if (!isScalar(value) || typeof value.value !== 'boolean') { this.error(pair, 'rules.float: expected true or false'); ok = false; continue; }
          rule.float = value.value;
        } else if (key === 'workspace') {
          const text = this.scalarText(value);
          if (text === null || text.trim() === '') { this.error(pair, 'rules.workspace: expected a workspace name'); ok = false; continue; }
          rule.workspace = text.trim();
        } else {
          this.error(pair, `rules: unknown key ${JSON.stringify(key)}${suggest(key, RULE_KEYS)}`);
          ok = false;
        }
      }
      if (!ok) continue;
      if (Object.keys(rule.match).length === 0) { this.error(item ?? map, 'rules: a rule needs class, instance or title to match'); continue; }
      if (rule.float === undefined && rule.workspace === undefined) { this.error(item ?? map, 'rules: a rule needs float or workspace'); continue; }
      rules.push(rule);
    }
    // A user's rules come before the shipped ones: the first match wins.
    this.config.rules = [...rules, ...this.config.rules];
  }

  private terminal(node: unknown, at: unknown): void {
    let argv: string[] | null = null;
    if (isSeq(node)) {
      argv = [];
      for (const item of node.items) {
        const word = this.scalarText(this.deref(item, node));
        if (word === null || isNull(item)) {
          this.error(item ?? node, 'terminal: each word must be a string');
          return;
        }
        argv.push(word);
      }
    } else if (isScalar(node) && typeof node.value === 'string') {
      const split = splitWords(node.value);
      if (!split.ok) {
        this.error(node, `terminal: ${split.error}`);
        return;
      }
      argv = split.value;
    } else {
      this.error(isNull(node) ? at : node, 'terminal: expected a command line, e.g. "xterm -fa Monospace"');
      return;
    }
    if (argv.length === 0 || argv[0] === '') {
      this.error(isNull(node) ? at : node, 'terminal: the command line is empty');
      return;
    }
    this.config.terminal = argv;
  }

  private colors(node: unknown, at: unknown): void {
    const map = this.mapping(node, at, 'colors');
    if (map === null) return;
    const known = new Map(COLOR_KEYS);
    for (const { key, pair } of this.entries(map, 'colors')) {
      const field = known.get(key);
      if (field === undefined) {
        this.error(pair, `colors: unknown colour ${JSON.stringify(key)}${suggest(key, [...known.keys()])}`);
        continue;
      }
      const value = this.valueOf(pair);
      if (isNull(value)) {
        this.error(pair, `colors.${key}: expected a colour "#rrggbb" (quote it: an unquoted # starts a YAML comment)`);
        continue;
      }
      const text = this.scalarText(value);
      const parsed = text === null ? null : parseColor(text);
      if (parsed === null || !parsed.ok) {
        this.error(value, `colors.${key}: ${parsed?.ok === false ? parsed.error : 'expected a colour "#rrggbb"'}`);
        continue;
      }
      this.config.colors[field] = parsed.value;
    }
  }

  private bar(node: unknown, at: unknown): void {
    const map = this.mapping(node, at, 'bar');
    if (map === null) return;
    const KEYS = ['clock', 'zone', 'clocks', 'status_command', 'status_shell', 'hidden'];
    for (const { key, pair } of this.entries(map, 'bar')) {
      const value = this.valueOf(pair);
      switch (key) {
        case 'clock': {
          const clock = this.str(value, pair, 'bar.clock');
          if (clock !== null) this.config.bar.clock = clock;
          break;
        }
        case 'zone': {
          if (isNull(value)) { delete this.config.bar.zone; break; }
          const zone = this.str(value, pair, 'bar.zone');
          if (zone === null) break;
          if (!checkZone(zone)) this.error(value, `bar.zone: unknown time zone ${JSON.stringify(zone)}`);
          else this.config.bar.zone = zone;
          break;
        }
        case 'clocks':
          this.clocks(value, pair);
          break;
        case 'status_command': {
          if (isNull(value)) { this.config.bar.statusCommand = null; break; }
          const cmd = this.str(value, pair, 'bar.status_command');
          if (cmd === null) break;
          const words = splitWords(cmd);
          if (!words.ok) this.error(value, `bar.status_command: ${words.error}`);
          else this.config.bar.statusCommand = cmd;
          break;
        }
        case 'status_shell':
        case 'hidden': {
          if (isScalar(value) && typeof value.value === 'boolean') {
            if (key === 'status_shell') this.config.bar.statusShell = value.value;
            else this.config.bar.hidden = value.value;
          } else if (key === 'hidden' && isSeq(value)) {
            this.config.bar.hidden = value.items.map((n) => this.scalarText(this.deref(n, pair)) ?? '').filter((t) => t !== '');
          } else {
            this.error(isNull(value) ? pair : value, `bar.${key}: expected true or false${key === 'hidden' ? ', or a list of output names' : ''}`);
          }
          break;
        }
        default:
          this.error(pair, `bar: unknown key ${JSON.stringify(key)}${suggest(key, KEYS)}`);
      }
    }
  }

  /** `bar.clocks`: a list of formats, or of {format, zone}. */
  private clocks(node: unknown, at: unknown): void {
    if (isNull(node)) { this.config.bar.clocks = []; return; }
    if (!isSeq(node)) {
      this.error(node ?? at, 'bar.clocks: expected a list, e.g. [{format: "HH:mm", zone: UTC}]');
      return;
    }
    const out: ClockConfig[] = [];
    for (const item of node.items) {
      const n = this.deref(item, at);
      if (isScalar(n)) {
        const f = this.str(n, at, 'bar.clocks');
        if (f !== null) out.push({ format: f });
        continue;
      }
      const map = this.mapping(n, at, 'bar.clocks');
      if (map === null) continue;
      const clock: ClockConfig = { format: 'HH:mm:ss' };
      for (const { key, pair } of this.entries(map, 'bar.clocks')) {
        const v = this.str(this.valueOf(pair), pair, `bar.clocks.${key}`);
        if (v === null) continue;
        if (key === 'format') clock.format = v;
        else if (key === 'zone') {
          if (checkZone(v)) clock.zone = v;
          else this.error(pair, `bar.clocks.zone: unknown time zone ${JSON.stringify(v)}`);
        } else this.error(pair, `bar.clocks: unknown key ${JSON.stringify(key)}${suggest(key, ['format', 'zone'])}`);
      }
      out.push(clock);
    }
    this.config.bar.clocks = out;
  }

  private tiles(node: unknown, at: unknown): void {
    const map = this.mapping(node, at, 'tiles');
    if (map === null) return;
    for (const { key, pair } of this.entries(map, 'tiles')) {
      if (key === 'resize_step') {
        const value = this.valueOf(pair);
        if (!isScalar(value) || typeof value.value !== 'number') {
          this.error(isNull(value) ? pair : value, 'tiles.resize_step: expected a number, e.g. 0.05');
          continue;
        }
        const problem = checkResizeStep(value.value);
        if (problem !== null) {
          this.error(value, `tiles.${problem}`);
          continue;
        }
        this.config.resizeStep = value.value;
      } else {
        this.error(pair, `tiles: unknown key ${JSON.stringify(key)}${suggest(key, ['resize_step'])}`);
      }
    }
  }

  /** `monitors:` where they come from, and what switching to a workspace shown elsewhere does. */
  private monitors(node: unknown, at: unknown): void {
    const map = this.mapping(node, at, 'monitors');
    if (map === null) return;
    const choice = <T extends string>(pair: Pair, where: string, allowed: readonly T[]): T | null => {
      const v = this.str(this.valueOf(pair), pair, where);
      if (v === null) return null;
      if ((allowed as readonly string[]).includes(v)) return v as T;
      this.error(this.valueOf(pair) ?? pair, `${where}: expected one of ${allowed.join(', ')}${suggest(v, allowed)}`);
      return null;
    };
    for (const { key, pair } of this.entries(map, 'monitors')) {
      if (key === 'source') {
        const v = choice(pair, 'monitors.source', MONITOR_SOURCES);
        if (v !== null) this.config.monitors.source = v;
      } else if (key === 'shown_elsewhere') {
        const v = choice(pair, 'monitors.shown_elsewhere', ['focus', 'swap'] as const);
        if (v !== null) this.config.monitors.shownElsewhere = v;
      } else {
        this.error(pair, `monitors: unknown key ${JSON.stringify(key)}${suggest(key, ['source', 'shown_elsewhere'])}`);
      }
    }
  }

  private workspaces(node: unknown, at: unknown): void {
    const map = this.mapping(node, at, 'workspaces');
    if (map === null) return;
    for (const { key, pair } of this.entries(map, 'workspaces')) {
      if (key === 'outputs') {
        // workspace name -> output name ("1": HDMI-1)
        const outputs = this.mapping(this.valueOf(pair), pair, 'workspaces.outputs');
        if (outputs === null) continue;
        for (const e of this.entries(outputs, 'workspaces.outputs')) {
          const output = this.scalarText(this.valueOf(e.pair));
          if (output === null || output.trim() === '') {
            this.error(e.pair, `workspaces.outputs: the output for workspace ${JSON.stringify(e.key)} must be a name such as HDMI-1`);
            continue;
          }
          this.config.workspaceOutputs[e.key.trim()] = output.trim();
        }
        continue;
      }
      if (key !== 'names') {
        this.error(pair, `workspaces: unknown key ${JSON.stringify(key)}${suggest(key, ['names', 'outputs'])}`);
        continue;
      }
      const value = this.valueOf(pair);
      if (!isSeq(value)) {
        this.error(isNull(value) ? pair : value, 'workspaces.names: expected a list of names, e.g. [web, mail]');
        continue;
      }
      const names: string[] = [];
      let ok = true;
      for (const item of value.items) {
        const resolved = this.deref(item, value);
        if (isNull(resolved)) {
          names.push('');
          continue;
        }
        const name = this.scalarText(resolved);
        if (name === null) {
          this.error(item ?? value, 'workspaces.names: each name must be a string');
          ok = false;
          break;
        }
        names.push(name.trim());
      }
      if (ok) this.config.workspaceNames = names;
    }
  }

  /**
   * Check one "key spec: command" pair. Returns the canonical spec and the
   * command ('none' to remove), or null after reporting what is wrong.
   */
  private binding(key: string, pair: Pair, where: string, taken: Map<string, Taken>, sequence = false): { keys: string; command: string } | null {
    // Inside a mode a key may be a sequence ("m n"); normal-mode bindings are single keys.
    const parsed = sequence ? parseKeySequence(key) : parseKeySpec(key);
    if (!parsed.ok) {
      this.error(pair, `${where}: ${parsed.error}`);
      return null;
    }
    const parts = 'keys' in parsed ? parsed.keys : [formatKeySpec(parsed.spec)];
    for (const part of sequence ? parts : [key]) {
      const extra = this.validators.keySpec?.(part) ?? null;
      if (extra !== null) {
        this.error(pair, `${where}: ${extra}`);
        return null;
      }
    }
    const keys = parts.join(' ');
    const already = taken.get(keys);
    if (already !== undefined) {
      const same = keys === key ? key : `${key} (${keys})`;
      this.error(pair, `${where}: duplicate binding: ${same} is already ${already.what} at line ${already.line}`);
      return null;
    }
    const line = this.lineOf(pair);
    taken.set(keys, { line, what: where === 'bindings' ? 'bound' : `bound in ${where}` });

    const value = this.valueOf(pair);
    if (isNull(value)) {
      this.error(pair, `${where}: no command for ${key} (write "none" to remove a binding)`);
      return null;
    }
    const text = this.scalarText(value);
    if (text === null) {
      this.error(value, `${where}: the command for ${key} must be a string`);
      return null;
    }
    const command = text.trim();
    if (command === '') {
      this.error(value, `${where}: empty command for ${key}`);
      return null;
    }
    if (command === 'none') return { keys, command };
    const bad = this.validators.command?.(command) ?? null;
    if (bad !== null) {
      this.error(value, `${where}: ${bad}`);
      return null;
    }
    return { keys, command };
  }

  private bindings(map: YAMLMap): void {
    for (const { key, pair } of this.entries(map, 'bindings')) {
      const b = this.binding(key, pair, 'bindings', this.globalTaken);
      if (b === null) continue;
      // A normal-mode key: whatever had it before (a binding, a mode's enter) loses it.
      this.releaseGlobal(b.keys);
      if (b.command === 'none') continue;
      const entry: KeyBinding = { keys: b.keys, command: b.command, line: this.lineOf(pair), file: this.file };
      this.config.bindings.push(entry);
    }
  }

  /** Remove every use of a normal-mode key from the config (bindings and modes' enter keys). */
  private releaseGlobal(keys: string): void {
    this.config.bindings = this.config.bindings.filter((x) => x.keys !== keys);
    for (const m of this.config.modes) if (m.enter === keys) m.enter = null;
  }

  private modes(map: YAMLMap): void {
    for (const { key: name, pair } of this.entries(map, 'modes')) {
      const nameProblem = checkModeName(name);
      if (nameProblem !== null) {
        this.error(pair, `modes: ${nameProblem}`);
        continue;
      }
      const value = this.valueOf(pair);
      if (isScalar(value) && value.value === 'none') {
        this.config.modes = this.config.modes.filter((m) => m.name !== name);
        continue;
      }
      const body = this.mapping(value, pair, `modes.${name}`);
      if (body === null) continue;
      const existing = this.config.modes.find((m) => m.name === name);
      const mode: ModeConfig = existing ?? { name, enter: null, sticky: false, keys: [], line: 0, file: '' };
      mode.line = this.lineOf(pair);
      mode.file = this.file;
      const where = `modes.${name}`;
      for (const { key, pair: p } of this.entries(body, where)) {
        const v = this.valueOf(p);
        switch (key) {
          case 'enter':
            this.modeEnter(mode, v, p, where);
            break;
          case 'sticky':
            if (isScalar(v) && typeof v.value === 'boolean') mode.sticky = v.value;
            else this.error(isNull(v) ? p : v, `${where}.sticky: expected true or false`);
            break;
          case 'keys': {
            const keys = this.mapping(v, p, `${where}.keys`);
            if (keys !== null) this.modeKeys(mode, keys, `${where}.keys`);
            break;
          }
          default:
            this.error(p, `${where}: unknown key ${JSON.stringify(key)}${suggest(key, ['enter', 'sticky', 'keys'])}`);
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
    const text = this.scalarText(value);
    if (text === null) {
      this.error(value, `${where}.enter: expected a key spec such as super+w`);
      return;
    }
    const parsed = parseKeySpec(text);
    if (!parsed.ok) {
      this.error(value, `${where}.enter: ${parsed.error}`);
      return;
    }
    const extra = this.validators.keySpec?.(text) ?? null;
    if (extra !== null) {
      this.error(value, `${where}.enter: ${extra}`);
      return;
    }
    const keys = formatKeySpec(parsed.spec);
    const already = this.globalTaken.get(keys);
    if (already !== undefined) {
      this.error(value, `${where}.enter: duplicate binding: ${keys} is already ${already.what} at line ${already.line}`);
      return;
    }
    this.globalTaken.set(keys, { line: this.lineOf(pair), what: `the enter key of mode ${mode.name}` });
    this.releaseGlobal(keys);
    mode.enter = keys;
  }

  private modeKeys(mode: ModeConfig, map: YAMLMap, where: string): void {
    const taken = new Map<string, Taken>();
    for (const { key, pair } of this.entries(map, where)) {
      const b = this.binding(key, pair, where, taken, true);
      if (b === null) continue;
      if (b.keys === 'Escape') {
        this.error(pair, `${where}: Escape always leaves a mode and can't be bound in one`);
        continue;
      }
      // "m" and "m n" in one mode: the sequence could never be typed.
      const clash = mode.keys.find((k) => k.keys !== b.keys && (k.keys.startsWith(`${b.keys} `) || b.keys.startsWith(`${k.keys} `)));
      if (clash !== undefined && b.command !== 'none') {
        this.error(pair, `${where}: ${b.keys} and ${clash.keys} overlap: one is the start of the other`);
        continue;
      }
      mode.keys = mode.keys.filter((k) => k.keys !== b.keys);
      if (b.command === 'none') continue;
      mode.keys.push({ keys: b.keys, command: b.command, line: this.lineOf(pair), file: this.file });
    }
  }
}

function isNull(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

const TOP_KEYS = ['terminal', 'font', 'colors', 'bar', 'tiles', 'workspaces', 'bindings', 'modes', 'rules', 'monitors'];
const RULE_KEYS = ['class', 'instance', 'title', 'float', 'workspace'];

/** ' (did you mean "x"?)' for a near miss, else ''. */
function suggest(word: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor((best?.length ?? 0) / 3));
  return best !== null && bestDistance <= limit ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? Infinity;
}

/** The first line of a yaml error message, without yaml's own " at line N, column M". */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
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
  const lc = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    return fatal([{ file, line: 0, column: 0, message: `cannot parse: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const at = (offset: number): { line: number; column: number } => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // Duplicate keys are reported, but do not spoil the file: the first one wins.
  const duplicates: ConfigError[] = [];
  const syntax: ConfigError[] = [];
  for (const e of doc.errors) {
    const err = { file, ...at(e.pos[0]), message: yamlMessage(e.message) };
    if (e.code === 'DUPLICATE_KEY') duplicates.push(err);
    else syntax.push(err);
  }
  if (syntax.length > 0) {
    return fatal(syntax.map((e) => ({ ...e, message: `YAML syntax error: ${e.message}; the file is ignored` })));
  }
  const warnings: ConfigError[] = doc.warnings.map((w) => ({ file, ...at(w.pos[0]), message: yamlMessage(w.message) }));

  const root: unknown = doc.contents;
  if (isNull(root)) return { config: cloneConfig(base), errors: [...warnings, ...duplicates], applied: true };
  if (!isMap(root)) {
    const offset = typeof root === 'object' && root !== null && 'range' in root ? ((root as YamlNode).range?.[0] ?? 0) : 0;
    return fatal([
      ...warnings,
      { file, ...at(offset), message: 'expected a mapping of settings (terminal:, colors:, bindings: ...); the file is ignored' },
    ]);
  }

  const config = cloneConfig(base);
  const walker = new Walker(file, doc, lc, validators, config);
  try {
    walker.top(root);
  } catch (e) {
    // A bug, not bad input; still, a broken config must not take the window manager down.
    return fatal([...walker.errors, { file, line: 0, column: 0, message: `internal error: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  const errors = [...warnings, ...walker.errors];
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
