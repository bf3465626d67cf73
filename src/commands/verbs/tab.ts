// Tabs: the windows of a tile. Floating and fullscreen act on the focused window.
import { focusedClient, moveTab, setFullscreen, showTab, toggleFloating } from '../../model/index.js';
import { actions, oneOf } from '../grammar.js';
import { closeFocused, only } from '../outcome.js';
import { verb } from '../verb.js';
import { CYCLE } from './words.js';

export const tab = verb({
  word: 'tab',
  help: 'tab next|prev|move next|prev|close|new|float|fullscreen',
  examples: ['tab next', 'tab prev', 'tab move prev', 'tab close', 'tab new', 'tab float', 'tab fullscreen'],
  grammar: actions({
    next: {},
    prev: {},
    move: { to: oneOf(CYCLE) },
    close: {},
    new: {},
    float: {},
    fullscreen: {},
  }),
  run(model, command) {
    switch (command.action) {
      case 'next':
      case 'prev':
        return only(showTab(model, command.action));
      case 'move':
        return only(moveTab(model, command.to));
      case 'close':
        return closeFocused(model);
      case 'new':
        return { model, effects: [{ kind: 'terminal' }] };
      case 'float':
        return only(toggleFloating(model));
      case 'fullscreen': {
        const id = focusedClient(model);
        return only(id === null ? model : setFullscreen(model, id, 'toggle'));
      }
    }
  },
});
