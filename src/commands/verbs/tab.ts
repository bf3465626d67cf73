// Tabs: the windows of a tile. Floating and fullscreen act on the focused window.
import { findClient, focusedClient, moveTab, moveTabToward, setFullscreen, showTab, toggleFloating } from '../../model/index.js';
import { actions, fail, oneOf, type Grammar } from '../grammar.js';
import { closeFocused, only } from '../outcome.js';
import { verb } from '../verb.js';
import { CYCLE, DIRECTIONS } from './words.js';
import { tileRects } from './focus.js';

const SWITCH = ['enable', 'disable', 'toggle'] as const;
type Switch = (typeof SWITCH)[number];

/** enable, disable or toggle; left out: toggle (i3's `floating enable`, `fullscreen disable`). */
const optionalSwitch: Grammar<Switch> = {
  read([word, ...rest], at) {
    if (word === undefined) return { ok: true, value: 'toggle', rest: [] };
    const found = SWITCH.find((s) => s === word);
    return found === undefined ? fail(`${at.prefix}: expected one of ${SWITCH.join(', ')} or nothing, got "${word}"`) : { ok: true, value: found, rest };
  },
  write: (value) => (value === 'toggle' ? [] : [value]),
};

/** Whether `how` changes a state that is `now`. */
const changes = (how: Switch, now: boolean): boolean => how === 'toggle' || (how === 'enable') !== now;

export const tab = verb({
  word: 'tab',
  help: 'tab next|prev|move next|prev|left|right|up|down|close|new|float [enable|disable]|fullscreen [enable|disable] (no word: toggle)',
  examples: ['tab next', 'tab prev', 'tab move prev', 'tab move left', 'tab close', 'tab new', 'tab float', 'tab float enable', 'tab fullscreen',
    'tab fullscreen disable'],
  grammar: actions({
    next: {},
    prev: {},
    move: { to: oneOf([...CYCLE, ...DIRECTIONS]) },
    close: {},
    new: {},
    float: { how: optionalSwitch },
    fullscreen: { how: optionalSwitch },
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
      case 'float': {
        const id = focusedClient(model);
        const now = id !== null && findClient(model, id)?.floating === true;
        return only(changes(command.how, now) ? toggleFloating(model) : model);
      }
      case 'fullscreen': {
        const id = focusedClient(model);
        const now = id !== null && model.clients.get(id)?.fullscreen === true;
        return only(id === null || !changes(command.how, now) ? model : setFullscreen(model, id, 'toggle'));
      }
    }
  },
  undoable: (command) => command.action === 'move' || command.action === 'float' || command.action === 'fullscreen',
});
