// The layout's theme at run time: sizes from the font, spacing from the config. One object,
// shared by every part that lays out (the refresh, commands, the sockets): a reload updates
// it in place, so they all see the new spacing.
import type { Config } from '../config/index.js';
import type { LayoutTheme } from '../layout/index.js';

export type Theme = { -readonly [K in keyof LayoutTheme]: LayoutTheme[K] };

/** The theme for `config` with bars and tab bars `height` pixels high. */
export function themeFrom(config: Config, height: number): Theme {
  const theme: Theme = { barHeight: height, tabBarHeight: height };
  followConfig(theme, config);
  return theme;
}

/** Take the spacing and tab settings of `config` into `theme`. */
export function followConfig(theme: Theme, config: Config): void {
  theme.gaps = { ...config.gaps };
  theme.borders = { ...config.borders };
  theme.hideSingleTab = config.tabs.hideSingle;
  theme.minTabWidth = config.tabs.minWidth;
}
