// Floating windows by the keys: the focused float moved or resized by a number of pixels
// (the float mode binds them to the arrows), or kept above or below the other floats
// (the _NET_WM_STATE_ABOVE and _BELOW a client may also ask for).
import { findClient, focusedClient, moveFloating, refuse, setLayer, type Model } from '../../model/index.js';
import { layout, movedRect, resizedRect } from '../../layout/index.js';
import { actions, flag, oneOf, positiveNumber } from '../grammar.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';
import { DIRECTIONS } from './words.js';

const STEP = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] } as const;

export const float = verb({
  word: 'float',
  help: 'float move|resize left|right|up|down PIXELS | float above|below [toggle] | float normal — '
    + 'move or resize the focused float; keep it above or below the other floats, or neither',
  examples: ['float move left 20', 'float resize right 20', 'float above', 'float below toggle', 'float normal'],
  grammar: actions({
    move: { direction: oneOf(DIRECTIONS), pixels: positiveNumber },
    resize: { direction: oneOf(DIRECTIONS), pixels: positiveNumber },
    above: { toggle: flag('toggle') },
    below: { toggle: flag('toggle') },
    normal: {},
  }),
  run(model, command, ctx) {
    const id = focusedClient(model);
    if (id === null || findClient(model, id)?.floating !== true) return only(refuse(model, 'the focused window does not float'));
    if (command.action === 'above' || command.action === 'below') {
      return only(setLayer(model, id, command.action, command.toggle ? 'toggle' : 'add'));
    }
    if (command.action === 'normal') return only(normal(model, id));
    const rect = layout(model, ctx.theme).clients.get(id);
    if (rect === undefined) return only(model);
    const [sx, sy] = STEP[command.direction];
    const [dx, dy] = [sx * command.pixels, sy * command.pixels];
    // A resize keeps the top-left corner: right and down grow the float, left and up shrink it.
    const next = command.action === 'move' ? movedRect(rect, dx, dy)
      : resizedRect(rect, { x: 1, y: 1 }, dx, dy, model.clients.get(id)?.sizeHints);
    return only(moveFloating(model, id, next));
  },
});

/** Neither above nor below the other floats. */
function normal(model: Model, id: Parameters<typeof setLayer>[1]): Model {
  return setLayer(setLayer(model, id, 'above', 'remove'), id, 'below', 'remove');
}
