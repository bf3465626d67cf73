// Sticky floats and the scratchpad: windows kept at hand across workspaces.
import { focusedClient, refuse, scratchpadMove, scratchpadShow, setSticky, windowId } from '../../model/index.js';
import { actions, args, oneOf, word } from '../grammar.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';
import { optionalWindowNumber } from './words.js';

export const sticky = verb({
  word: 'sticky',
  help: 'sticky enable|disable|toggle — a sticky float stays on its monitor across workspace switches',
  examples: ['sticky toggle', 'sticky enable', 'sticky disable'],
  grammar: args({ how: oneOf(['enable', 'disable', 'toggle']) }),
  run(model, command) {
    const id = focusedClient(model);
    if (id === null) return only(refuse(model, 'sticky: no focused window'));
    return only(setSticky(model, id, command.how === 'enable' ? 'add' : command.how === 'disable' ? 'remove' : 'toggle'));
  },
});

export const scratchpad = verb({
  word: 'scratchpad',
  help: 'scratchpad move|show [WINDOW] — hide the focused window in the scratchpad; show (or hide again) the next one',
  examples: ['scratchpad move', 'scratchpad show', 'scratchpad show 0x400001'],
  grammar: actions({ move: {}, show: { window: optionalWindowNumber } }),
  run(model, command) {
    if (command.action === 'move') return only(scratchpadMove(model));
    return only(scratchpadShow(model, command.window === null ? null : windowId(command.window)));
  },
});

export const dropdown = verb({
  word: 'dropdown',
  help: 'dropdown NAME — show or hide a dropdown of the config, starting its program when it has no window',
  examples: ['dropdown term'],
  grammar: args({ name: word('a dropdown name') }),
  // The config knows the dropdowns and the X side starts programs: the effect says which.
  run: (model, command) => ({ model, effects: [{ kind: 'dropdown', name: command.name }] }),
});
