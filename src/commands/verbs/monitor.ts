// Monitors: focusing another, and sending the focused window or workspace there.
import { focusMonitor, moveClientToMonitor, moveWorkspaceToMonitor } from '../../model/index.js';
import { actions, oneOf } from '../grammar.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';
import { CYCLE } from './words.js';

export const monitor = verb({
  word: 'monitor',
  help: 'monitor next|prev — focus another monitor; monitor move next|prev — send the window there; monitor workspace next|prev — show this workspace there',
  examples: ['monitor next', 'monitor prev', 'monitor move next', 'monitor workspace prev'],
  grammar: actions({
    next: {},
    prev: {},
    move: { to: oneOf(CYCLE) },
    workspace: { to: oneOf(CYCLE) },
  }),
  run(model, command) {
    switch (command.action) {
      case 'next':
      case 'prev':
        return only(focusMonitor(model, command.action));
      case 'move':
        return only(moveClientToMonitor(model, command.to));
      case 'workspace':
        return only(moveWorkspaceToMonitor(model, command.to));
    }
  },
  undoable: (command) => command.action === 'move' || command.action === 'workspace',
});
