// One tile's parts on screen, from its cell: the gaps come off, the border goes inside what
// is left, the tab bar on top of the inside and the client below. The layout and the i3
// tree both take them from here, so what i3's tools read is what the screen shows.
import type { Rect } from '../model/types.js';
import { borderParts, gapRect } from './geometry.js';
import type { LayoutTheme } from './types.js';

const whole = (n: number | undefined): number => (n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

/** Tab bar on top, client below; a tile too short for both lets the client overlap the
 *  tab bar's last row rather than leave the tile. */
export function tileParts(rect: Rect, tabBarHeight: number): { tabBar: Rect; client: Rect } {
  const h = Math.max(1, Math.min(tabBarHeight, rect.height));
  const tabBar = { x: rect.x, y: rect.y, width: rect.width, height: h };
  const client =
    rect.height - h >= 1
      ? { x: rect.x, y: rect.y + h, width: rect.width, height: rect.height - h }
      : { x: rect.x, y: rect.y + rect.height - 1, width: rect.width, height: 1 };
  return { tabBar, client };
}

/** Whether a workspace of `tileCount` tiles has gaps, and how wide its borders are
 *  (smart: neither around a single tile). */
export function spacing(theme: LayoutTheme, tileCount: number): { gapsOn: boolean; border: number } {
  const g = theme.gaps;
  const b = theme.borders;
  const single = tileCount === 1;
  return {
    gapsOn: g !== undefined && !(g.smart && single) && (whole(g.inner) > 0 || whole(g.outer) > 0),
    border: b === undefined || (b.smart && single) ? 0 : whole(b.width),
  };
}

export interface TileGeometry {
  /** The cell less its gaps: what the tile covers. */
  readonly rect: Rect;
  /** The border's width (0: none) and its sides. */
  readonly border: number;
  readonly sides: readonly Rect[];
  /** `rect` without the border. */
  readonly inside: Rect;
  /** Height 0 when hidden. */
  readonly tabBar: Rect;
  /** Where the shown window goes (before its size hints). */
  readonly client: Rect;
}

/**
 * The parts of a tile whose cell is `cell` in a workspace `area` holding `tileCount` tiles.
 * `hideBar`: the tile has no tab bar (tabs.hide_single and one shown window).
 */
export function tileGeometry(cell: Rect, area: Rect, theme: LayoutTheme, tileCount: number, hideBar: boolean): TileGeometry {
  const { gapsOn, border } = spacing(theme, tileCount);
  const rect = gapsOn ? gapRect(cell, area, whole(theme.gaps?.inner), whole(theme.gaps?.outer)) : cell;
  const { inside, sides } = borderParts(rect, border);
  const { tabBar, client } = hideBar
    ? { tabBar: { x: inside.x, y: inside.y, width: inside.width, height: 0 }, client: inside }
    : tileParts(inside, theme.tabBarHeight);
  return { rect, border: sides.length > 0 ? border : 0, sides, inside, tabBar, client };
}
