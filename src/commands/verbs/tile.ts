// Tiles: focusing, splitting, resizing, killing, and moving the shown tab to another tile.
// Splits and resizes are where commands meet pixels: they need the focused tile's
// rectangle and the minimum tile size, which the layout knows.
import { focusTile, growTile, killTile, moveTab, NO_MIN_SHARE, resizeTile, splitTile, splitTileAuto } from '../../model/index.js';
import type { MinShare, Model, Rect } from '../../model/index.js';
import { focusedGeometry, minShare } from '../../layout/index.js';
import { actions, oneOf, positiveNumber } from '../grammar.js';
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

/** `width|height N px|ppt`, as i3's resize writes it. */
const AMOUNT = { dimension: oneOf(['width', 'height']), amount: positiveNumber, unit: oneOf(['px', 'ppt']) } as const;

export const tile = verb({
  word: 'tile',
  help: 'tile next|prev|split horizontal|vertical|auto|kill|resize left|right|up|down|grow|shrink width|height N px|ppt|move next|prev',
  examples: ['tile next', 'tile prev', 'tile split horizontal', 'tile split auto', 'tile kill', 'tile resize left',
    'tile grow width 10 px', 'tile shrink height 5 ppt', 'tile move next'],
  grammar: actions({
    next: {},
    prev: {},
    split: { how: oneOf(['horizontal', 'vertical', 'auto']) },
    kill: {},
    resize: { direction: oneOf(DIRECTIONS) },
    grow: AMOUNT,
    shrink: AMOUNT,
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
      case 'grow':
      case 'shrink': {
        // px: a share of the split that owns the border, from its size on screen; ppt: percentage points of it, as i3.
        const axis = command.dimension === 'width' ? 'row' : 'column';
        const area = focusedGeometry(model, ctx.theme)?.area;
        const extent = area === undefined ? 0 : axis === 'row' ? area.width : area.height;
        const step = command.unit === 'ppt' ? command.amount / 100
          : (outer: number): number => (extent > 0 && outer > 0 ? command.amount / (outer * extent) : 0);
        return only(growTile(model, axis, command.action === 'grow', step, pixels(model, ctx).min));
      }
      case 'move':
        return only(moveTab(model, command.to));
    }
  },
  undoable: (command) => command.action !== 'next' && command.action !== 'prev',
});
