// The kinds of value a plain setting can hold: how each is read from YAML (with
// the error a user sees), what a Config may hold of it, and how it is written
// back as YAML for the docs. settings.ts gives every setting one of these.
//
// An error points at what is wrong: the value, or its key when the value is
// missing. A bad value changes nothing: the setting keeps what it had.

import { isScalar, isSeq, type Pair } from 'yaml';
import { quoteWord, splitWords as split } from '../text/words.js';
import { suggest } from './suggest.js';
import type { ClockConfig } from './types.js';
import { isNull, type YamlWalk } from './yamlwalk.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** A setting's new value, or null when the reader reported why there is none. */
export type Got<T> = { readonly value: T } | null;

export interface Kind<T> {
  /** The type as the settings reference names it. */
  readonly type: string;
  /**
   * The new value in the setting's YAML node (aliases followed; null or undefined
   * when the key has no value), or null after reporting why. pair is the key's
   * entry, for errors about a missing value; current is the value it replaces.
   */
  read(w: YamlWalk, node: unknown, pair: Pair, where: string, current: T): Got<T>;
  /** What is wrong with a value a Config holds, or null; always null for what read() returns. */
  problem(value: T): string | null;
  /** The value as YAML data (strings, numbers, lists, mappings), for the docs. */
  yaml(value: T): unknown;
}

// ---- checks of single values

/** "#rgb" or "#rrggbb" -> 0xRRGGBB. */
export function parseColor(text: string): Checked<number> {
  const m = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(text.trim());
  const hex = m?.[1];
  if (hex === undefined) return { ok: false, error: `expected a colour "#rrggbb" or "#rgb", got ${JSON.stringify(text)}` };
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return { ok: true, value: Number.parseInt(full, 16) };
}

/** A command line as words (the same rules as the command language). */
export function splitWords(text: string): Checked<string[]> {
  const r = split(text);
  return r.ok ? { ok: true, value: r.words } : r;
}

/** Whether `zone` names a time zone this system knows ("UTC", "Europe/Paris"). */
export function checkZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const badUnless = (ok: boolean, problem: string): string | null => (ok ? null : problem);

// ---- the kinds

/** Non-blank text (the clock's luxon format). */
export const text: Kind<string> = {
  type: 'text',
  read: (w, node, pair, where) => {
    const s = w.str(node, pair, where);
    return s === null ? null : { value: s };
  },
  problem: (v) => badUnless(isText(v), 'is empty'),
  yaml: (v) => v,
};

export const boolean: Kind<boolean> = {
  type: 'true or false',
  read: (w, node, pair, where) => {
    if (isScalar(node) && typeof node.value === 'boolean') return { value: node.value };
    w.error(isNull(node) ? pair : node, `${where}: expected true or false`);
    return null;
  },
  problem: (v) => badUnless(typeof v === 'boolean', 'is not true or false'),
  yaml: (v) => v,
};

/** "#rrggbb" or "#rgb" in the file, 0xRRGGBB in a Config. */
export const colour: Kind<number> = {
  type: 'colour',
  read: (w, node, pair, where) => {
    if (isNull(node)) {
      w.error(pair, `${where}: expected a colour "#rrggbb" (quote it: an unquoted # starts a YAML comment)`);
      return null;
    }
    const t = w.scalarText(node);
    const parsed = t === null ? null : parseColor(t);
    if (parsed === null || !parsed.ok) {
      w.error(node, `${where}: ${parsed?.ok === false ? parsed.error : 'expected a colour "#rrggbb"'}`);
      return null;
    }
    return { value: parsed.value };
  },
  problem: (v) => badUnless(Number.isInteger(v) && v >= 0 && v <= 0xffffff, `is ${String(v)}`),
  yaml: (v) => `#${v.toString(16).padStart(6, '0')}`,
};

/** A colour, or `none` (null in a Config): nothing drawn, what is below shows. */
export const colourOrNone: Kind<number | null> = {
  type: 'colour or none',
  read: (w, node, pair, where) => {
    if (isScalar(node) && node.value === 'none') return { value: null };
    return colour.read(w, node, pair, where, 0);
  },
  problem: (v) => (v === null ? null : colour.problem(v)),
  yaml: (v) => (v === null ? 'none' : colour.yaml(v)),
};

/** A finite number for which `ok` holds; `range` says which those are ("0 < step < 0.5"). */
export function number(opts: { ok: (n: number) => boolean; range: string; example: string }): Kind<number> {
  const fine = (n: number): boolean => Number.isFinite(n) && opts.ok(n);
  const must = `a number with ${opts.range}`;
  return {
    type: `number, ${opts.range}`,
    read: (w, node, pair, where) => {
      if (!isScalar(node) || typeof node.value !== 'number') {
        w.error(isNull(node) ? pair : node, `${where}: expected a number, e.g. ${opts.example}`);
        return null;
      }
      if (!fine(node.value)) {
        w.error(node, `${where} must be ${must}, got ${String(node.value)}`);
        return null;
      }
      return { value: node.value };
    },
    problem: (v) => badUnless(fine(v), `must be ${must}, got ${String(v)}`),
    yaml: (v) => v,
  };
}

/** One of a few words. */
export function choice<T extends string>(words: readonly T[]): Kind<T> {
  const known = (v: string): v is T => (words as readonly string[]).includes(v);
  return {
    type: `one of ${words.join(', ')}`,
    read: (w, node, pair, where) => {
      const v = w.str(node, pair, where);
      if (v === null) return null;
      if (known(v)) return { value: v };
      w.error(node, `${where}: expected one of ${words.join(', ')}${suggest(v, words)}`);
      return null;
    },
    problem: (v) => badUnless(known(v), `is not one of ${words.join(', ')}`),
    yaml: (v) => v,
  };
}

/** A time zone ("UTC", "Europe/Paris"), or null for local time (absent from the Config). */
export const zone: Kind<string | undefined> = {
  type: 'time zone or null',
  read: (w, node, pair, where) => {
    if (isNull(node)) return { value: undefined };
    const z = w.str(node, pair, where);
    if (z === null) return null;
    if (checkZone(z)) return { value: z };
    w.error(node, `${where}: unknown time zone ${JSON.stringify(z)}`);
    return null;
  },
  problem: (v) => badUnless(v === undefined || (isText(v) && checkZone(v)), `${JSON.stringify(v)} is not a time zone`),
  yaml: (v) => v ?? null,
};

/** A program's argv: a command line split into words (quotes group, no shell), or a list of words. */
export function argv(example: string): Kind<string[]> {
  return {
    type: 'command line',
    read: (w, node, pair, where) => {
      let words: string[];
      if (isSeq(node)) {
        words = [];
        for (const item of node.items) {
          const word = w.scalarText(w.deref(item, node));
          if (word === null || isNull(item)) {
            w.error(item ?? node, `${where}: each word must be a string`);
            return null;
          }
          words.push(word);
        }
      } else if (isScalar(node) && typeof node.value === 'string') {
        const r = splitWords(node.value);
        if (!r.ok) {
          w.error(node, `${where}: ${r.error}`);
          return null;
        }
        words = r.value;
      } else {
        w.error(isNull(node) ? pair : node, `${where}: expected a command line, e.g. ${JSON.stringify(example)}`);
        return null;
      }
      if (words.length === 0 || words[0] === '') {
        w.error(isNull(node) ? pair : node, `${where}: the command line is empty`);
        return null;
      }
      return { value: words };
    },
    problem: (v) => badUnless(Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string') && v[0] !== '', 'is not a command line'),
    yaml: (v) => v.map(quoteWord).join(' '),
  };
}

/** A list of command lines, each kept as text (split when it runs). */
export const commandLines: Kind<string[]> = {
  type: 'list of command lines',
  read: (w, node, pair, where) => {
    if (!isSeq(node)) {
      w.error(isNull(node) ? pair : node, `${where}: expected a list of command lines, e.g. [nm-applet, "xset s off"]`);
      return null;
    }
    const out: string[] = [];
    for (const item of node.items) {
      const cmd = w.scalarText(w.deref(item, node));
      const words = cmd === null ? null : splitWords(cmd);
      if (cmd === null || words === null || !words.ok || words.value.length === 0) {
        w.error(item ?? node, `${where}: ${words !== null && !words.ok ? words.error : 'each entry must be a command line'}`);
        return null;
      }
      out.push(cmd);
    }
    return { value: out };
  },
  problem: (v) => badUnless(Array.isArray(v) && v.every((x) => isText(x) && splitWords(x).ok), 'has an entry that is not a command line'),
  yaml: (v) => v,
};

/** A command line kept as text (split when it runs), or null for none. */
export const optionalCommand: Kind<string | null> = {
  type: 'command line or null',
  read: (w, node, pair, where) => {
    if (isNull(node)) return { value: null };
    const cmd = w.str(node, pair, where);
    if (cmd === null) return null;
    const words = splitWords(cmd);
    if (words.ok) return { value: cmd };
    w.error(node, `${where}: ${words.error}`);
    return null;
  },
  problem: (v) => badUnless(v === null || (isText(v) && splitWords(v).ok), 'is not a command line'),
  yaml: (v) => v,
};

/** A font name, or a list of them: the first is the font, the others its fallbacks. */
export const fonts: Kind<[string, ...string[]]> = {
  type: 'font name or list of them',
  read: (w, node, pair, where) => {
    if (isSeq(node)) {
      const names = node.items.map((n) => w.str(w.deref(n, pair), pair, where)).filter((f): f is string => f !== null);
      const [first, ...rest] = names;
      if (first !== undefined) return { value: [first, ...rest] };
      w.error(node, `${where}: expected a font name or a list of them`);
      return null;
    }
    const name = w.str(node, pair, where);
    return name === null ? null : { value: [name] };
  },
  problem: (v) => badUnless(Array.isArray(v) && v.length > 0 && v.every(isText), 'has an empty name'),
  yaml: (v) => (v.length === 1 ? v[0] : v),
};

/** A list of names; an empty entry (`""` or `~`) is an unnamed place. */
export function names(example: string): Kind<string[]> {
  return {
    type: 'list of names',
    read: (w, node, pair, where) => {
      if (!isSeq(node)) {
        w.error(isNull(node) ? pair : node, `${where}: expected a list of names, e.g. ${example}`);
        return null;
      }
      const out: string[] = [];
      for (const item of node.items) {
        const resolved = w.deref(item, node);
        if (isNull(resolved)) {
          out.push('');
          continue;
        }
        const name = w.scalarText(resolved);
        if (name === null) {
          w.error(item ?? node, `${where}: each name must be a string`);
          return null;
        }
        out.push(name.trim());
      }
      return { value: out };
    },
    problem: (v) => badUnless(Array.isArray(v) && v.every((x) => typeof x === 'string'), 'has a name that is not text'),
    yaml: (v) => v,
  };
}

/** true or false, or a list of output names (true on those outputs only). */
export const switchOrOutputs: Kind<boolean | string[]> = {
  type: 'true, false or list of outputs',
  read: (w, node, pair, where) => {
    if (isScalar(node) && typeof node.value === 'boolean') return { value: node.value };
    if (isSeq(node)) return { value: node.items.map((n) => w.scalarText(w.deref(n, pair)) ?? '').filter((t) => t !== '') };
    w.error(isNull(node) ? pair : node, `${where}: expected true or false, or a list of output names`);
    return null;
  },
  problem: (v) => badUnless(typeof v === 'boolean' || (Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '')), 'is not true, false or a list of outputs'),
  yaml: (v) => v,
};

/** Workspace name -> output name. Merged key by key over the current value. */
export const outputPins: Kind<Record<string, string>> = {
  type: 'mapping of workspace to output',
  read: (w, node, pair, where, current) => {
    const map = w.mapping(node, pair, where);
    if (map === null) return null;
    const out = { ...current };
    for (const e of w.entries(map, where)) {
      const output = w.scalarText(w.valueOf(e.pair));
      if (output === null || output.trim() === '') {
        w.error(e.pair, `${where}: the output for workspace ${JSON.stringify(e.key)} must be a name such as HDMI-1`);
        continue;
      }
      out[e.key.trim()] = output.trim();
    }
    return { value: out };
  },
  problem: (v) => badUnless(typeof v === 'object' && v !== null && Object.values(v).every(isText), 'has an empty output name'),
  yaml: (v) => v,
};

/** Scales Fion's own drawing may have on one monitor: a half to four times its pixels. */
export const MIN_OUTPUT_SCALE = 0.5;
export const MAX_OUTPUT_SCALE = 4;
const goodScale = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n >= MIN_OUTPUT_SCALE && n <= MAX_OUTPUT_SCALE;

/** Output name -> scale of Fion's bars, tab bars, gaps and borders there. */
export const outputScales: Kind<Record<string, number>> = {
  type: `mapping of output to a number, ${MIN_OUTPUT_SCALE} <= n <= ${MAX_OUTPUT_SCALE}`,
  read: (w, node, pair, where, current) => {
    const map = w.mapping(node, pair, where);
    if (map === null) return null;
    const out = { ...current };
    for (const e of w.entries(map, where)) {
      const v = w.valueOf(e.pair);
      const n = isScalar(v) ? v.value : v;
      if (!goodScale(n)) {
        w.error(e.pair, `${where}: the scale of output ${JSON.stringify(e.key)} must be a number from ${MIN_OUTPUT_SCALE} to ${MAX_OUTPUT_SCALE}, e.g. 2`);
        continue;
      }
      out[e.key.trim()] = n as number;
    }
    return { value: out };
  },
  problem: (v) => badUnless(typeof v === 'object' && v !== null && Object.values(v).every(goodScale), `has a scale outside ${MIN_OUTPUT_SCALE}..${MAX_OUTPUT_SCALE}`),
  yaml: (v) => v,
};

/** More clocks: a list of luxon formats, or of {format, zone}. */
export const clocks: Kind<ClockConfig[]> = {
  type: 'list of clocks',
  read: (w, node, pair, where) => {
    if (isNull(node)) return { value: [] };
    if (!isSeq(node)) {
      w.error(node ?? pair, `${where}: expected a list, e.g. [{format: "HH:mm", zone: UTC}]`);
      return null;
    }
    const out: ClockConfig[] = [];
    for (const item of node.items) {
      const n = w.deref(item, pair);
      if (isScalar(n)) {
        const f = w.str(n, pair, where);
        if (f !== null) out.push({ format: f });
        continue;
      }
      const map = w.mapping(n, pair, where);
      if (map === null) continue;
      const clock: ClockConfig = { format: 'HH:mm:ss' };
      for (const { key, pair: p } of w.entries(map, where)) {
        const v = w.str(w.valueOf(p), p, `${where}.${key}`);
        if (v === null) continue;
        if (key === 'format') clock.format = v;
        else if (key === 'zone') {
          if (checkZone(v)) clock.zone = v;
          else w.error(p, `${where}.zone: unknown time zone ${JSON.stringify(v)}`);
        } else w.error(p, `${where}: unknown key ${JSON.stringify(key)}${suggest(key, ['format', 'zone'])}`);
      }
      out.push(clock);
    }
    return { value: out };
  },
  problem: (v) => badUnless(Array.isArray(v) && v.every((c) => isText(c.format) && (c.zone === undefined || checkZone(c.zone))), 'has a bad clock'),
  yaml: (v) => v.map((c) => (c.zone === undefined ? c.format : { format: c.format, zone: c.zone })),
};
