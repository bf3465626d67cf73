// Focus by what a window asks for (for now, attention).
import { focusUrgent } from '../../model/index.js';
import { actions } from '../grammar.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';

export const focus = verb({
  word: 'focus',
  help: 'focus urgent — focus the first window asking for attention',
  examples: ['focus urgent'],
  grammar: actions({ urgent: {} }),
  run: (model) => only(focusUrgent(model)),
});
