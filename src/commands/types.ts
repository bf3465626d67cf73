// The command language's vocabulary: what a key binding or the control socket can say.
import type { Cycle, Direction } from '../model/index.js';
import { DECLARED_HELP, verbNamed } from './verbs/index.js';
import type { DeclaredCommand } from './verbs/index.js';

/** Verbs not yet declared in verbs/: still spelled out here. */
export type Command =
  | DeclaredCommand
  | { readonly verb: 'workspace'; readonly action: 'next' | 'prev' | 'destroy' }
  | { readonly verb: 'workspace'; readonly action: 'create'; readonly name: string | null }
  | { readonly verb: 'workspace'; readonly action: 'goto'; readonly number: number }
  | { readonly verb: 'workspace'; readonly action: 'rename'; readonly name: string }
  | { readonly verb: 'workspace'; readonly action: 'move'; readonly to: Cycle }
  | { readonly verb: 'tile'; readonly action: 'next' | 'prev' | 'kill' }
  | { readonly verb: 'tile'; readonly action: 'split'; readonly how: 'horizontal' | 'vertical' | 'auto' }
  | { readonly verb: 'tile'; readonly action: 'resize'; readonly direction: Direction }
  | { readonly verb: 'tile'; readonly action: 'move'; readonly to: Cycle }
  | { readonly verb: 'tab'; readonly action: 'next' | 'prev' | 'close' | 'new' | 'float' | 'fullscreen' }
  | { readonly verb: 'tab'; readonly action: 'move'; readonly to: Cycle }
  | { readonly verb: 'focus'; readonly action: 'urgent' }
  | { readonly verb: 'monitor'; readonly action: 'next' | 'prev' }
  | { readonly verb: 'monitor'; readonly action: 'move' | 'workspace'; readonly to: Cycle }
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
  workspace: 'workspace next|prev|create [NAME]|destroy|goto N|rename NAME|move next|prev',
  tile: 'tile next|prev|split horizontal|vertical|auto|kill|resize left|right|up|down|move next|prev',
  tab: 'tab next|prev|move next|prev|close|new|float|fullscreen',
  focus: 'focus urgent — focus the first window asking for attention',
  monitor: 'monitor next|prev — focus another monitor; monitor move next|prev — send the window there; monitor workspace next|prev — show this workspace there',
  layout: 'layout save FILE — write this workspace\'s tiles to FILE (JSON); layout load FILE — put those tiles where the focused tile is, waiting for their windows',
  bar: 'bar show|hide|toggle [all] — the bar of this monitor, or of every monitor',
};

export function isDeclared(command: Command): command is DeclaredCommand {
  return verbNamed(command.verb) !== undefined;
}
