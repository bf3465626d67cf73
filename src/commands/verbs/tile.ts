// Tiles: focusing, splitting, resizing, killing, and moving the shown tab to another tile.
// Splits and resizes are where commands meet pixels: they need the focused tile's
// rectangle and the minimum tile size, which the layout knows.
import { focusTile, killTile, moveTab, NO_MIN_SHARE, resizeTile, splitTile, splitTileAuto } from '../../model/index.js';
import type { MinShare, Model, Rect } from '../../model/index.js';
import { focusedGeometry, minShare } from '../../layout/index.js';
import { actions, oneOf } from '../grammar.js';
import { only } from '../outcome.js';
import type { CommandContext } from '../outcome.js';
import { verb } from '../verb.js';
import { CYCLE, DIRECTIONS } from './words.js';

/** The focused tile's rectangle (a unit square when there is none) and the smallest
 *  share of its split a tile may have. */
function pixels(model: Model, ctx: CommandContext): { readonly tile: Rect; readonly min: MinShare } {
  const geometry = focusedGeometry(model, ctx.theme);
  return {
    tile: geometry?.tile ?? { x: 0, y: 0, width: 1, height: 1 },
    min: geometry ? minShare(ctx.theme, geometry.area) : NO_MIN_SHARE,
  };
}

export const tile = verb({
  word: 'tile',
  help: 'tile next|prev|split horizontal|vertical|auto|kill|resize left|right|up|down|move next|prev',
  examples: ['tile next', 'tile prev', 'tile split horizontal', 'tile split auto', 'tile kill', 'tile resize left',
    'tile move next'],
  grammar: actions({
    next: {},
    prev: {},
    split: { how: oneOf(['horizontal', 'vertical', 'auto']) },
    kill: {},
    resize: { direction: oneOf(DIRECTIONS) },
    move: { to: oneOf(CYCLE) },
  }),
  run(model, command, ctx) {
    switch (command.action) {
      case 'next':
      case 'prev':
        return only(focusTile(model, command.action));
      case 'kill':
        return only(killTile(model));
      case 'split': {
        const { tile, min } = pixels(model, ctx);
        return only(command.how === 'auto' ? splitTileAuto(model, tile, min) : splitTile(model, command.how, min));
      }
      case 'resize':
        return only(resizeTile(model, command.direction, ctx.resizeStep, pixels(model, ctx).min));
      case 'move':
        return only(moveTab(model, command.to));
    }
  },
  undoable: (command) => command.action !== 'next' && command.action !== 'prev',
});
