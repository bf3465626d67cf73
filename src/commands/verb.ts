// One verb of the command language, declared once: its word, help, examples, grammar and
// handler. Parsing, printing, help and execution are all read off these declarations
// (see verbs/index.ts for the list of them).
import type { Model } from '../model/index.js';
import type { CommandError, Grammar } from './grammar.js';
import type { CommandContext, Outcome } from './outcome.js';

export type Parsed<C> = { readonly ok: true; readonly command: C } | { readonly ok: false; readonly error: string };

/** What a verb's module writes. T is what its grammar reads from the words after the
 *  word; the verb's commands are T plus `verb: W`. */
export interface VerbSpec<W extends string, T extends object> {
  readonly word: W;
  /** One line for a help hint, starting with the word. */
  readonly help: string;
  /** Commands as they print: each parses, and prints back the same (a test checks). */
  readonly examples: readonly string[];
  readonly grammar: Grammar<T>;
  /** Model + command -> new model + effects. The model does the work; handlers say
   *  which operation a command means, and what the X side must do. */
  run(model: Model, command: { readonly verb: W } & T, ctx: CommandContext): Outcome;
  /** Whether the command changes the layout in a way `undo` takes back (absent: never).
   *  Focus moves and window opening and closing are not steps of their own. */
  undoable?(command: { readonly verb: W } & T): boolean;
}

/** A declared verb: its spec, with parsing and printing made from its grammar. Methods,
 *  not function properties, so that every declaration also counts as a handler of any
 *  command: dispatch by word hands each declaration only its own commands. */
export interface VerbDecl<W extends string, T extends object> extends VerbSpec<W, T> {
  /** The words after the verb's word -> its command. */
  parse(words: readonly string[], commandError: CommandError): Parsed<{ readonly verb: W } & T>;
  format(command: { readonly verb: W } & T): string;
}

export function verb<const W extends string, T extends object>(spec: VerbSpec<W, T>): VerbDecl<W, T> {
  const { word, grammar } = spec;
  return {
    ...spec,
    parse(words, commandError) {
      const r = grammar.read(words, { prefix: word, commandError });
      return r.ok ? { ok: true, command: { verb: word, ...r.value } } : r;
    },
    format: (command) => [word, ...grammar.write(command)].join(' '),
  };
}
