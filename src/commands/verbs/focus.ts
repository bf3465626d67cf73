// Focus by what a window asks for (attention), or by direction: the tile beside the
// focused one on screen.
import {
  findClient, findTile, floatingOf, focusClient, focusedClient, focusedWorkspace, focusToward, focusUrgent, refuse, shownTab, tiles, windowId,
  type Model, type Rect, type TileId, type WindowId,
} from '../../model/index.js';
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

type Layer = 'floating' | 'tiling' | 'mode_toggle';

/** Between the focused workspace's floats and its tiles: the float focused last (else the
 *  top one), or the shown tab of the focused tile; mode_toggle: the layer not focused. */
function focusLayer(model: Model, what: Layer): Model {
  const focused = focusedClient(model);
  const layer = what !== 'mode_toggle' ? what : focused !== null && findClient(model, focused)?.floating === true ? 'tiling' : 'floating';
  const ws = focusedWorkspace(model);
  let target: WindowId | null;
  if (layer === 'floating') {
    const floats = floatingOf(ws).filter((id) => model.clients.get(id)?.minimised !== true);
    target = ws.focusFloating != null && floats.includes(ws.focusFloating) ? ws.focusFloating : (floats[floats.length - 1] ?? null);
  } else {
    const tile = findTile(ws.root, ws.focus);
    target = tile === null ? null : shownTab(tile);
  }
  if (target === null) return refuse(model, `focus ${what}: no ${layer === 'floating' ? 'floating' : 'tiled'} window on this workspace`);
  return target === focused ? model : focusClient(model, target);
}

export const focus = verb({
  word: 'focus',
  help: 'focus urgent|left|right|up|down|floating|tiling|mode_toggle|window [ID] — focus the first window asking for attention, the tile beside this one, '
    + 'the floats or the tiles of this workspace (mode_toggle: the other of the two), or a window by its X id (no id: each window matched, as in [class=x] focus)',
  examples: ['focus urgent', 'focus left', 'focus down', 'focus floating', 'focus mode_toggle', 'focus window 0x400001', 'focus window'],
  grammar: actions({ urgent: {}, left: {}, right: {}, up: {}, down: {}, floating: {}, tiling: {}, mode_toggle: {}, window: { id: optionalWindowNumber } }),
  run(model, command, ctx) {
    switch (command.action) {
      case 'urgent':
        return only(focusUrgent(model));
      case 'floating':
      case 'tiling':
      case 'mode_toggle':
        return only(focusLayer(model, command.action));
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
