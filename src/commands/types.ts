// The command language's vocabulary: what a key binding or the control socket can say.
import { DECLARED_HELP, verbNamed } from './verbs/index.js';
import type { DeclaredCommand } from './verbs/index.js';

/** Verbs not yet declared in verbs/: still spelled out here. */
export type Command =
  | DeclaredCommand
  | { readonly verb: 'layout'; readonly action: 'save' | 'load'; readonly path: string }
  | { readonly verb: 'bar'; readonly action: 'show' | 'hide' | 'toggle'; readonly all: boolean };

export type Verb = Command['verb'];

export type ParseResult = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };
export type ParseManyResult =
  | { readonly ok: true; readonly commands: readonly Command[] }
  | { readonly ok: false; readonly error: string };

/** One line per verb, for a help hint. */
export const VERB_HELP: Readonly<Record<Verb, string>> = {
  ...DECLARED_HELP,
  layout: 'layout save FILE — write this workspace\'s tiles to FILE (JSON); layout load FILE — put those tiles where the focused tile is, waiting for their windows',
  bar: 'bar show|hide|toggle [all] — the bar of this monitor, or of every monitor',
};

export function isDeclared(command: Command): command is DeclaredCommand {
  return verbNamed(command.verb) !== undefined;
}
