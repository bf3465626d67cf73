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
import { actions, flag, oneOf, optionalRestName, positiveNumber, restName } from '../grammar.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';
import { CYCLE } from './words.js';

export const workspace = verb({
  word: 'workspace',
  help: 'workspace next|prev|back_and_forth|create [NAME]|destroy|goto N [--no-auto-back-and-forth]|rename NAME|move next|prev|send NAME (the focused window; NAME is made if missing, as a rule does)',
  examples: ['workspace next', 'workspace prev', 'workspace back_and_forth', 'workspace create', 'workspace create web', 'workspace destroy',
    'workspace goto 12', 'workspace goto 2 --no-auto-back-and-forth', `workspace rename 'my  stuff'`, 'workspace move prev', 'workspace send web'],
  grammar: actions({
    next: {},
    prev: {},
    back_and_forth: {},
    create: { name: optionalRestName },
    destroy: {},
    goto: { number: positiveNumber, stay: flag('--no-auto-back-and-forth') },
    rename: { name: restName('a name') },
    move: { to: oneOf(CYCLE) },
    send: { name: restName('a workspace name') },
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
      case 'goto': {
        // auto_back_and_forth: asking for the workspace already focused goes back instead,
        // unless the command says --no-auto-back-and-forth (scripts that mean "be there").
        const shown = model.monitors[model.focusedMonitor]?.workspace;
        if (ctx.autoBackAndForth === true && !command.stay && model.workspaces[command.number - 1]?.id === shown && model.previousWorkspace !== undefined) return only(backAndForth(model));
        return only(gotoWorkspace(model, command.number));
      }
      case 'rename':
        return only(renameWorkspace(model, command.name));
      case 'move':
        return only(moveClientToWorkspace(model, command.to));
      case 'send': {
        const id = focusedClient(model);
        const name = command.name.trim();
        if (name === '') return only(refuse(model, 'workspace name is empty'));
        if (id === null) return only(model);
        const target = ensureWorkspace(model, name);
        return only(moveClientTo(target.model, id, target.id));
      }
    }
  },
  undoable: (command) => ['create', 'destroy', 'rename', 'move', 'send'].includes(command.action),
});
