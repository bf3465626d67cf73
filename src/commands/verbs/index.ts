// The registry: every verb of the command language, listed once. The Command type, the
// help table, parsing, printing and execution are all read off this list; a new verb is
// a module declaring it, and its entry here.
import type { Model } from '../../model/index.js';
import type { Flat } from '../grammar.js';
import type { CommandContext, Outcome } from '../outcome.js';
import type { VerbDecl } from '../verb.js';
import { bar } from './bar.js';
import { float } from './float.js';
import { focus } from './focus.js';
import { layout } from './layout.js';
import { mark, move, unmark } from './mark.js';
import { close, exec, exit, logLevel, mode, nop, prompt, reload, restart, terminal } from './misc.js';
import { monitor } from './monitor.js';
import { dropdown, scratchpad, sticky } from './scratchpad.js';
import { tab } from './tab.js';
import { tile } from './tile.js';
import { redo, undo } from './undo.js';
import { session } from './session.js';
import { workspace } from './workspace.js';

/** In help order. */
export const VERBS = [
  terminal, exec, close, exit, restart, reload, nop, mode, prompt, logLevel,
  workspace, tile, tab, float, focus, monitor, layout, bar, sticky, scratchpad, dropdown, mark, unmark, move, undo, redo, session,
] as const;

type Declared = (typeof VERBS)[number];

type CommandOf<D> = D extends VerbDecl<infer W, infer T> ? Flat<{ readonly verb: W } & T> : never;

/** What a key binding or the control socket can say. */
export type Command = CommandOf<Declared>;
export type Verb = Command['verb'];

/** Any declaration, seen as able to print and run any command: sound because a command is
 *  only ever handed to the declaration filed under its own verb. */
interface Handler {
  format(command: Command): string;
  run(model: Model, command: Command, ctx: CommandContext): Outcome;
  undoable?(command: Command): boolean;
}

const BY_WORD: ReadonlyMap<string, Declared> = new Map(VERBS.map((d) => [d.word, d]));

/** The declaration of the verb `word`, if there is one. */
export const verbNamed = (word: string): Declared | undefined => BY_WORD.get(word);

/** The declaration that prints and runs `command`. */
export function handlerOf(command: Command): Handler {
  const decl: Handler | undefined = BY_WORD.get(command.verb);
  if (decl === undefined) throw new Error(`no verb "${command.verb}"`);
  return decl;
}

/** One line per verb, for a help hint. (Every Verb is some declaration's word: the type
 *  is read off the same list.) */
export const VERB_HELP = Object.fromEntries(VERBS.map((d) => [d.word, d.help])) as Readonly<Record<Verb, string>>;
