// Per-monitor scale: X has one DPI (Xft.dpi, already in the theme), but Fion draws its own
// bars, so a monitor may have them larger. Pure: the theme of one monitor from the theme of
// all and the monitor's name.
import type { LayoutTheme } from './types.js';

/** The scale of monitor `name` (1 when none is set, or it is not a sane number). */
export function scaleOf(theme: LayoutTheme, name: string): number {
  return scaleIn(theme.monitorScale, name);
}

/** The scale of monitor `name` in a table of scales by output name (monitors.scale). */
export function scaleIn(scales: Readonly<Record<string, number>> | undefined, name: string): number {
  const s = scales?.[name];
  return s !== undefined && Number.isFinite(s) && s > 0 ? s : 1;
}

/** The theme on monitor `name`: bar and tab bar heights, gaps, borders and the narrowest
 *  tab times its scale (the same object when the scale is 1). */
export function monitorTheme(theme: LayoutTheme, name: string): LayoutTheme {
  const s = scaleOf(theme, name);
  if (s === 1) return theme;
  const px = (n: number): number => Math.round(n * s);
  return {
    ...theme,
    barHeight: px(theme.barHeight),
    tabBarHeight: px(theme.tabBarHeight),
    ...(theme.gaps === undefined ? {} : { gaps: { ...theme.gaps, inner: px(theme.gaps.inner), outer: px(theme.gaps.outer) } }),
    ...(theme.borders === undefined ? {} : { borders: { ...theme.borders, width: px(theme.borders.width) } }),
    ...(theme.minTabWidth === undefined ? {} : { minTabWidth: px(theme.minTabWidth) }),
  };
}
