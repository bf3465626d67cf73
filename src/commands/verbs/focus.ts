// Focus by what a window asks for (attention), or by direction: the tile beside the
// focused one on screen.
import { focusedWorkspace, focusToward, focusUrgent, type Model, type Rect, type TileId } from '../../model/index.js';
import { focusedGeometry, nodeRects } from '../../layout/index.js';
import { actions } from '../grammar.js';
import type { CommandContext } from '../outcome.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';

/** The focused workspace's tiles where the layout puts them. */
export function tileRects(model: Model, ctx: CommandContext): ReadonlyMap<TileId, Rect> {
  const area = focusedGeometry(model, ctx.theme)?.area;
  return area === undefined ? new Map() : nodeRects(focusedWorkspace(model).root, area);
}

export const focus = verb({
  word: 'focus',
  help: 'focus urgent|left|right|up|down — focus the first window asking for attention, or the tile beside this one',
  examples: ['focus urgent', 'focus left', 'focus down'],
  grammar: actions({ urgent: {}, left: {}, right: {}, up: {}, down: {} }),
  run: (model, command, ctx) =>
    only(command.action === 'urgent' ? focusUrgent(model) : focusToward(model, command.action, tileRects(model, ctx))),
});
