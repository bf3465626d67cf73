// Focus by what a window asks for (attention), or by direction: the tile beside the
// focused one on screen.
import { focusClient, focusedWorkspace, focusToward, focusUrgent, refuse, tiles, windowId, type Model, type Rect, type TileId } from '../../model/index.js';
import { focusedGeometry, nodeRects } from '../../layout/index.js';
import { actions } from '../grammar.js';
import type { CommandContext } from '../outcome.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';
import { optionalWindowNumber } from './words.js';

/** The focused workspace's tiles where the layout puts them. */
export function tileRects(model: Model, ctx: CommandContext): ReadonlyMap<TileId, Rect> {
  const area = focusedGeometry(model, ctx.theme)?.area;
  if (area === undefined) return new Map();
  // nodeRects has the splits too, and a split is no place to move to.
  const root = focusedWorkspace(model).root;
  const all = nodeRects(root, area);
  return new Map(tiles(root).flatMap((t) => { const r = all.get(t.id); return r === undefined ? [] : [[t.id, r] as const]; }));
}

export const focus = verb({
  word: 'focus',
  help: 'focus urgent|left|right|up|down|window [ID] — focus the first window asking for attention, the tile beside this one, or a window by its X id '
    + '(no id: each window matched, as in [class=x] focus)',
  examples: ['focus urgent', 'focus left', 'focus down', 'focus window 0x400001', 'focus window'],
  grammar: actions({ urgent: {}, left: {}, right: {}, up: {}, down: {}, window: { id: optionalWindowNumber } }),
  run(model, command, ctx) {
    switch (command.action) {
      case 'urgent':
        return only(focusUrgent(model));
      case 'window': {
        // No id: the focused window stays focused; with criteria, each match was focused for it.
        if (command.id === null) return only(model);
        const id = windowId(command.id);
        return only(model.clients.has(id) ? focusClient(model, id) : refuse(model, `focus window: Fion manages no window 0x${command.id.toString(16)}`));
      }
      default:
        return only(focusToward(model, command.action, tileRects(model, ctx)));
    }
  },
});
