// Tabs: the windows of a tile. Floating and fullscreen act on the focused window.
import { focusedClient, moveTab, moveTabToward, setFullscreen, showTab, toggleFloating } from '../../model/index.js';
import { actions, oneOf } from '../grammar.js';
import { closeFocused, only } from '../outcome.js';
import { verb } from '../verb.js';
import { CYCLE, DIRECTIONS } from './words.js';
import { tileRects } from './focus.js';

export const tab = verb({
  word: 'tab',
  help: 'tab next|prev|move next|prev|left|right|up|down|close|new|float|fullscreen',
  examples: ['tab next', 'tab prev', 'tab move prev', 'tab move left', 'tab close', 'tab new', 'tab float', 'tab fullscreen'],
  grammar: actions({
    next: {},
    prev: {},
    move: { to: oneOf([...CYCLE, ...DIRECTIONS]) },
    close: {},
    new: {},
    float: {},
    fullscreen: {},
  }),
  run(model, command, ctx) {
    switch (command.action) {
      case 'next':
      case 'prev':
        return only(showTab(model, command.action));
      case 'move':
        return only(command.to === 'next' || command.to === 'prev' ? moveTab(model, command.to) : moveTabToward(model, command.to, tileRects(model, ctx)));
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
  undoable: (command) => command.action === 'move' || command.action === 'float' || command.action === 'fullscreen',
});
