// Floating windows by the keys: the focused float moved or resized by a number of pixels
// (the float mode binds them to the arrows).
import { findClient, focusedClient, moveFloating, refuse } from '../../model/index.js';
import { layout, movedRect, resizedRect } from '../../layout/index.js';
import { actions, oneOf, positiveNumber } from '../grammar.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';
import { DIRECTIONS } from './words.js';

const STEP = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] } as const;

export const float = verb({
  word: 'float',
  help: 'float move|resize left|right|up|down PIXELS',
  examples: ['float move left 20', 'float resize right 20'],
  grammar: actions({
    move: { direction: oneOf(DIRECTIONS), pixels: positiveNumber },
    resize: { direction: oneOf(DIRECTIONS), pixels: positiveNumber },
  }),
  run(model, command, ctx) {
    const id = focusedClient(model);
    if (id === null || findClient(model, id)?.floating !== true) return only(refuse(model, 'the focused window does not float'));
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
