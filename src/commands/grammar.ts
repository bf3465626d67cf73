// The words after a verb. A grammar reads a value from the front of the words and writes
// it back as words, so one grammar gives both parsing and printing, and they agree.
// Error texts start with where the reader is and name what it expected:
// `tile split: expected one of horizontal, vertical, auto, got "diagonal"`.
import { quoteWord } from '../text/words.js';

/** Parses a whole command and says what is wrong with it, or null if nothing is. */
export type CommandError = (text: string) => string | null;

/** Where a grammar reads: `prefix` starts its error texts (`workspace goto`). */
export interface Reading {
  readonly prefix: string;
  /** For arguments that are commands themselves (`prompt workspace rename`). */
  readonly commandError: CommandError;
}

export type Read<T> =
  | { readonly ok: true; readonly value: T; readonly rest: readonly string[] }
  | { readonly ok: false; readonly error: string };

export interface Grammar<T> {
  read(words: readonly string[], at: Reading): Read<T>;
  /** Words, quoted where needed, that read back as `value`. (A method, so that a
   *  Grammar of a narrower value still counts as a Grammar<unknown>.) */
  write(value: T): readonly string[];
}

export const fail = (error: string): { readonly ok: false; readonly error: string } => ({ ok: false, error });

/** `prefix: expected one of a, b, c` (plus what was found, if anything). */
function expectedOneOf(prefix: string, options: readonly string[], got: string | undefined): string {
  const found = got === undefined ? '' : `, got "${got}"`;
  return `${prefix}: expected one of ${options.join(', ')}${found}`;
}

function isOneOf<T extends string>(options: readonly T[], word: string | undefined): word is T {
  return word !== undefined && (options as readonly string[]).includes(word);
}

/** One of a fixed list of words (`next`, `prev`). */
export function oneOf<const T extends string>(options: readonly T[]): Grammar<T> {
  return {
    read: ([word, ...rest], at) => (isOneOf(options, word) ? { ok: true, value: word, rest } : fail(expectedOneOf(at.prefix, options, word))),
    write: (value) => [value],
  };
}

/** A whole number from 1 up (`workspace goto 3`). */
export const positiveNumber: Grammar<number> = {
  read([word, ...rest], at) {
    if (word === undefined) return fail(`${at.prefix}: expected a number`);
    if (!/^[1-9][0-9]{0,8}$/.test(word)) return fail(`${at.prefix}: expected a positive whole number, got "${word}"`);
    return { ok: true, value: Number(word), rest };
  },
  write: (value) => [String(value)],
};

/** One word, not empty (`mode resize`); `what` names it in the error (`a mode name`). */
export function word(what: string): Grammar<string> {
  return {
    read: ([word, ...rest], at) => (word === undefined || word === '' ? fail(`${at.prefix}: expected ${what}`) : { ok: true, value: word, rest }),
    write: (value) => [quoteWord(value)],
  };
}

/** The rest of the line as one name, its words joined by single spaces (`workspace rename
 *  my stuff`); quoting keeps other spacing. */
export function restName(what: string): Grammar<string> {
  return {
    read: (words, at) => (words.length === 0 ? fail(`${at.prefix}: expected ${what}`) : { ok: true, value: words.join(' '), rest: [] }),
    write: (value) => [quoteWord(value)],
  };
}

/** Like restName, but optional: no words at all is null (`workspace create`). */
export const optionalRestName: Grammar<string | null> = {
  read: (words) => ({ ok: true, value: words.length > 0 ? words.join(' ') : null, rest: [] }),
  write: (value) => (value === null ? [] : [quoteWord(value)]),
};

/** The rest of the words, at least one, kept apart (`exec rofi -show run`). */
export function restWords(what: string): Grammar<readonly string[]> {
  return {
    read: (words, at) => (words.length === 0 ? fail(`${at.prefix}: expected ${what}`) : { ok: true, value: words, rest: [] }),
    write: (value) => value.map(quoteWord),
  };
}

/** A fixed word that may be left out; true when present (`bar hide all`). */
export function flag(name: string): Grammar<boolean> {
  return {
    read([word, ...rest], at) {
      if (word === undefined) return { ok: true, value: false, rest };
      if (word !== name) return fail(`${at.prefix}: expected "${name}" or nothing, got "${word}"`);
      return { ok: true, value: true, rest };
    },
    write: (value) => (value ? [name] : []),
  };
}

/** A flag that may come before other arguments: taken when the next word is `name`,
 *  else false and the word is left for the next slot. */
export function leadingFlag(name: string): Grammar<boolean> {
  return {
    read: (words) => (words[0] === name ? { ok: true, value: true, rest: words.slice(1) } : { ok: true, value: false, rest: words }),
    write: (value) => (value ? [name] : []),
  };
}

/** Named arguments, read in the order they are listed. `verb` and `action` are taken:
 *  they say which command it is. */
export type Slots = { readonly [name: string]: Grammar<unknown> } & { readonly verb?: never; readonly action?: never };

export type ValuesOf<S extends Slots> = { readonly [K in keyof S]: S[K] extends Grammar<infer T> ? T : never };

/** Spells an intersection out as one object type, for readable hovers and errors. */
export type Flat<T> = T extends unknown ? { readonly [K in keyof T]: T[K] } : never;

/** Succeeds only if no words are left over. */
export function nothingLeft(rest: readonly string[], at: Reading): string | null {
  return rest.length > 0 ? `${at.prefix}: unexpected "${rest[0]}"` : null;
}

/** Arguments in a row, then nothing left: `{ name: word('a mode name') }` reads
 *  `resize` as `{ name: 'resize' }`. */
export function args<S extends Slots>(slots: S): Grammar<ValuesOf<S>> {
  const named = Object.entries(slots);
  return {
    read(words, at) {
      const values: Record<string, unknown> = {};
      let rest = words;
      for (const [name, slot] of named) {
        const r = slot.read(rest, at);
        if (!r.ok) return r;
        values[name] = r.value;
        rest = r.rest;
      }
      const left = nothingLeft(rest, at);
      // Each slot read its own kind of value under its own name.
      return left === null ? { ok: true, value: values as ValuesOf<S>, rest } : fail(left);
    },
    write(value) {
      const values: Readonly<Record<string, unknown>> = value;
      return named.flatMap(([name, slot]) => slot.write(values[name]));
    },
  };
}

export type Actions = { readonly [action: string]: Slots };

/** One command per action, each with the action's own arguments. */
export type ActionsOf<A extends Actions> = { [K in keyof A & string]: Flat<{ readonly action: K } & ValuesOf<A[K]>> }[keyof A & string];

/** A first word naming the action, then that action's arguments (errors then start
 *  `verb action:`). `{ goto: { number: positiveNumber } }` reads `goto 3` as
 *  `{ action: 'goto', number: 3 }`. Actions are offered in the order they are listed. */
export function actions<A extends Actions>(table: A): Grammar<ActionsOf<A>> {
  const names = Object.keys(table);
  const rests = new Map<string, Grammar<object>>(Object.entries(table).map(([name, slots]) => [name, args(slots)]));
  return {
    read([action, ...words], at) {
      const rest = action === undefined ? undefined : rests.get(action);
      if (action === undefined || rest === undefined) return fail(expectedOneOf(at.prefix, names, action));
      const r = rest.read(words, { ...at, prefix: `${at.prefix} ${action}` });
      // The action read is one of A's keys, and its arguments are that action's.
      return r.ok ? { ok: true, value: { action, ...r.value } as ActionsOf<A>, rest: r.rest } : r;
    },
    write(value) {
      const { action }: { readonly action: string } = value;
      const rest = rests.get(action);
      if (rest === undefined) throw new Error(`no action "${action}"`);
      return [action, ...rest.write(value)];
    },
  };
}
