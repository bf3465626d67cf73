// The system tray's place, pure: which monitor's bar holds it, and each icon's square in
// that bar. Icons are square, as high as the bar less the padding above and below.
import type { Rect } from '../model/types.js';

/** A monitor as the tray's choice needs it: its output name and whether its bar is shown. */
export interface TrayCandidate {
  readonly name: string;
  readonly barHeight: number;
}

/**
 * The index of the monitor whose bar holds the tray, or -1 for none. `output` is the
 * setting: "none", "primary" (the RandR primary output, else the first monitor), or an
 * output's name. An output that is gone, or whose bar is hidden, hands the tray on to the
 * primary, then to the first monitor that shows a bar: icons are never left without one.
 */
export function trayMonitor(monitors: readonly TrayCandidate[], output: string, primary: string | undefined): number {
  if (output === 'none') return -1;
  const shown = (i: number): boolean => i >= 0 && (monitors[i]?.barHeight ?? 0) > 0;
  if (output !== 'primary') {
    const named = monitors.findIndex((m) => m.name === output);
    if (shown(named)) return named;
  }
  const first = primary === undefined ? -1 : monitors.findIndex((m) => m.name === primary);
  if (shown(first)) return first;
  return monitors.findIndex((m) => m.barHeight > 0);
}

/** The side of an icon's square in a bar `barHeight` high. */
export function trayIconSize(barHeight: number, padding: number): number {
  return Math.max(1, barHeight - 2 * padding);
}

/** The width the tray takes in the bar for `count` icons (0 for none). */
export function trayWidth(count: number, barHeight: number, padding: number): number {
  return count <= 0 ? 0 : padding + count * (trayIconSize(barHeight, padding) + padding);
}

/** The icons' squares, left to right, in the bar's own coordinates, for a tray at `x`. */
export function trayIconRects(x: number, count: number, barHeight: number, padding: number): Rect[] {
  const size = trayIconSize(barHeight, padding);
  const y = Math.max(0, Math.floor((barHeight - size) / 2));
  return Array.from({ length: Math.max(0, count) }, (_, i) => ({ x: x + padding + i * (size + padding), y, width: size, height: size }));
}
