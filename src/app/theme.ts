// The layout's theme at run time: sizes from the font, spacing from the config, both scaled by
// Xft.dpi / 96 (and on a monitor of monitors.scale, by its factor too: see monitorTheme). One object, shared by every part that lays out (the refresh, commands, the
// sockets): a reload or a new Xft.dpi updates it in place, so they all see the new sizes.
import type { Config } from '../config/index.js';
import type { LayoutTheme } from '../layout/index.js';

export type Theme = { -readonly [K in keyof LayoutTheme]: LayoutTheme[K] };

/** What the theme's sizes come from besides the config: the bars' height for the font, in
 *  pixels, and the scale of the config's pixels (Xft.dpi / 96). */
export interface ThemeBase {
  height: number;
  scale: number;
}

/** The theme for `config` and `base`. */
export function themeFrom(config: Config, base: ThemeBase): Theme {
  const theme: Theme = { barHeight: 0, tabBarHeight: 0 };
  followConfig(theme, config, base);
  return theme;
}

/** Take the sizes, spacing and tab settings of `config` and `base` into `theme`. */
export function followConfig(theme: Theme, config: Config, base: ThemeBase): void {
  const px = (n: number): number => Math.round(n * base.scale);
  theme.barHeight = px(base.height);
  theme.tabBarHeight = px(base.height);
  theme.gaps = { inner: px(config.gaps.inner), outer: px(config.gaps.outer), smart: config.gaps.smart };
  theme.borders = { width: px(config.borders.width), smart: config.borders.smart };
  theme.hideSingleTab = config.tabs.hideSingle;
  theme.minTabWidth = px(config.tabs.minWidth);
  theme.tabIcons = config.tabs.icons;
  theme.monitorScale = config.monitors.scale;
}
