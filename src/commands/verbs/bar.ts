// The bar: shown, hidden or toggled on the focused monitor, or on all of them.
import { setBar } from '../../model/index.js';
import { actions, flag } from '../grammar.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';

const which = { all: flag('all') };

export const bar = verb({
  word: 'bar',
  help: 'bar show|hide|toggle [all] — the bar of this monitor, or of every monitor',
  examples: ['bar show', 'bar hide all', 'bar toggle', 'bar toggle all'],
  grammar: actions({ show: which, hide: which, toggle: which }),
  run: (model, command) => only(setBar(model, command.action, command.all)),
});
