// Pure: i3's `focus floating|tiling|mode_toggle`, which move the focus between the focused
// workspace's floats and its tiles, as `focus window ID` of the window that gets it: the
// float focused last (else the top one), or the shown tab of the focused tile.
import { findClient, findTile, floatingOf, focusedClient, focusedWorkspace, shownTab, type Model, type WindowId } from '../model/index.js';

export type FocusLayer = 'floating' | 'tiling' | 'mode_toggle';
type Translation = { readonly ok: true; readonly fion: string } | { readonly ok: false; readonly error: string };

export const isFocusLayer = (w: string | undefined): w is FocusLayer => w === 'floating' || w === 'tiling' || w === 'mode_toggle';

export function focusLayer(model: Model, what: FocusLayer): Translation {
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
  if (target === null) return { ok: false, error: `focus ${what}: no ${layer === 'floating' ? 'floating' : 'tiled'} window on this workspace` };
  return { ok: true, fion: target === focused ? 'nop' : `focus window 0x${target.toString(16)}` };
}
