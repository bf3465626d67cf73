// The registry: every verb of the command language, listed once. The Command type, the
// help table, parsing, printing and execution are all read off this list.
import type { Model } from '../../model/index.js';
import type { Flat } from '../grammar.js';
import type { CommandContext, Outcome } from '../outcome.js';
import type { VerbDecl } from '../verb.js';
import { focus } from './focus.js';
import { close, exec, exit, mode, nop, prompt, reload, restart, terminal } from './misc.js';
import { monitor } from './monitor.js';
import { tab } from './tab.js';
import { tile } from './tile.js';
import { workspace } from './workspace.js';

/** In help order. */
export const VERBS = [terminal, exec, close, exit, restart, reload, nop, mode, prompt, workspace, tile, tab, focus, monitor] as const;

type CommandOf<D> = D extends VerbDecl<infer W, infer T> ? Flat<{ readonly verb: W } & T> : never;

export type DeclaredCommand = CommandOf<(typeof VERBS)[number]>;
export type DeclaredVerb = DeclaredCommand['verb'];

/** Any declaration, seen as able to print and run any command: safe because a command is
 *  only ever handed to the declaration filed under its own verb. */
interface Handler {
  format(command: DeclaredCommand): string;
  run(model: Model, command: DeclaredCommand, ctx: CommandContext): Outcome;
}

const BY_WORD: ReadonlyMap<string, (typeof VERBS)[number]> = new Map(VERBS.map((d) => [d.word, d]));

/** The declaration of the verb `word`, if there is one. */
export const verbNamed = (word: string): (typeof VERBS)[number] | undefined => BY_WORD.get(word);

/** The declaration that prints and runs `command`. */
export function handlerOf(command: DeclaredCommand): Handler {
  const decl: Handler | undefined = BY_WORD.get(command.verb);
  if (decl === undefined) throw new Error(`no verb "${command.verb}"`);
  return decl;
}

/** One line per verb, for a help hint. */
export const DECLARED_HELP = Object.fromEntries(VERBS.map((d) => [d.word, d.help])) as Readonly<Record<DeclaredVerb, string>>;
