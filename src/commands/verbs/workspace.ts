// Workspaces: switching, creating, naming, and sending the focused window to another.
import {
  backAndForth,
  createWorkspace,
  ensureWorkspace,
  focusedClient,
  moveClientTo,
  refuse,
  destroyWorkspace,
  gotoWorkspace,
  moveClientToWorkspace,
  renameWorkspace,
  switchWorkspace,
} from '../../model/index.js';
import type { Model } from '../../model/index.js';
import { actions, fail, flag, leadingFlag, oneOf, optionalRestName, positiveNumber, restName, word, type Grammar } from '../grammar.js';
import { only, type CommandContext, type Outcome } from '../outcome.js';
import { quoteWord } from '../../text/words.js';
import { verb } from '../verb.js';
import { CYCLE } from './words.js';

/** A workspace by name, or `number N` (i3's form): the workspace whose name starts with the
 *  number N (`2`, `2:web`); the name is what is created when there is none. */
export interface WorkspaceTarget {
  readonly byNumber: boolean;
  readonly name: string;
}

const workspaceTarget: Grammar<WorkspaceTarget> = {
  read(words, at) {
    if (words[0] === 'number' && words.length > 1) {
      const name = words.slice(1).join(' ');
      return /^[0-9]/.test(name) ? { ok: true, value: { byNumber: true, name }, rest: [] } : fail(`${at.prefix} number: expected a number, got "${words[1]}"`);
    }
    return words.length === 0 ? fail(`${at.prefix}: expected a workspace name`) : { ok: true, value: { byNumber: false, name: words.join(' ') }, rest: [] };
  },
  write: (value) => (value.byNumber ? ['number', quoteWord(value.name)] : [quoteWord(value.name)]),
};

/** The leading number of a workspace's name (i3's workspace number), or null. */
function numberOf(name: string): number | null {
  const m = /^[0-9]+/.exec(name);
  return m === null ? null : Number(m[0]);
}

/** The 0-based place of the workspace `target` names, or -1. */
function placeOf(model: Model, target: WorkspaceTarget): number {
  const name = target.name.trim();
  if (!target.byNumber) return model.workspaces.findIndex((w) => w.name === name);
  const n = numberOf(name);
  return model.workspaces.findIndex((w) => numberOf(w.name) === n);
}

/** Show the workspace at 1-based `n`; asking for the one already shown goes back instead
 *  when auto_back_and_forth is on, unless the command says --no-auto-back-and-forth
 *  (`stay`: scripts that mean "be there"). */
function goto(model: Model, n: number, ctx: CommandContext, stay: boolean): Outcome {
  const shown = model.monitors[model.focusedMonitor]?.workspace;
  if (ctx.autoBackAndForth === true && !stay && model.workspaces[n - 1]?.id === shown && model.previousWorkspace !== undefined) return only(backAndForth(model));
  return only(gotoWorkspace(model, n));
}

export const workspace = verb({
  word: 'workspace',
  help: 'workspace next|prev|back_and_forth|create [NAME]|destroy|goto N [--no-auto-back-and-forth]|open [--no-auto-back-and-forth] [number] NAME|rename NAME|rename_from OLD NEW|move next|prev|send [number] NAME '
    + '(open: show it, made if missing, as i3\'s workspace NAME; number N: the one whose name starts with N; send: the focused window, NAME made if missing; '
    + '--no-auto-back-and-forth: the shown workspace stays, whatever workspaces.auto_back_and_forth says)',
  examples: ['workspace next', 'workspace prev', 'workspace back_and_forth', 'workspace create', 'workspace create web', 'workspace destroy',
    'workspace goto 12', 'workspace goto 2 --no-auto-back-and-forth', 'workspace open web', 'workspace open number 3', `workspace open number '2: mail'`,
    'workspace open --no-auto-back-and-forth 3', `workspace rename 'my  stuff'`, 'workspace rename_from web mail', 'workspace move prev', 'workspace send web',
    'workspace send number 2'],
  grammar: actions({
    next: {},
    prev: {},
    back_and_forth: {},
    create: { name: optionalRestName },
    destroy: {},
    goto: { number: positiveNumber, stay: flag('--no-auto-back-and-forth') },
    open: { stay: leadingFlag('--no-auto-back-and-forth'), target: workspaceTarget },
    rename: { name: restName('a name') },
    rename_from: { old: word('the workspace\'s name'), name: restName('a new name') },
    move: { to: oneOf(CYCLE) },
    send: { target: workspaceTarget },
  }),
  run(model, command, ctx) {
    switch (command.action) {
      case 'back_and_forth':
        return only(backAndForth(model));
      case 'next':
      case 'prev':
        return only(switchWorkspace(model, command.action));
      case 'create':
        return only(createWorkspace(model, command.name ?? undefined));
      case 'destroy':
        return only(destroyWorkspace(model));
      case 'goto':
        return goto(model, command.number, ctx, command.stay);
      case 'open': {
        const at = placeOf(model, command.target);
        return at >= 0 ? goto(model, at + 1, ctx, command.stay) : only(createWorkspace(model, command.target.name));
      }
      case 'rename':
        return only(renameWorkspace(model, command.name));
      case 'rename_from':
        return only(renameWorkspace(model, command.name, command.old));
      case 'move':
        return only(moveClientToWorkspace(model, command.to));
      case 'send': {
        const id = focusedClient(model);
        const name = command.target.name.trim();
        if (name === '') return only(refuse(model, 'workspace name is empty'));
        if (id === null) return only(model);
        const at = placeOf(model, command.target);
        const target = at >= 0 ? { model, id: model.workspaces[at]!.id } : ensureWorkspace(model, name);
        return only(moveClientTo(target.model, id, target.id));
      }
    }
  },
  undoable: (command) => ['create', 'destroy', 'rename', 'rename_from', 'move', 'send'].includes(command.action),
});
