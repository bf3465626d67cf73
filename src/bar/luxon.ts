// luxon, loaded only when a clock needs it: a format with names (of days, of months), AM/PM,
// an offset or a time zone, or a locale whose digits are not 0-9. The default clock is
// numeric and formatted without it (clockformat.ts); luxon is ~235 KB of JavaScript that
// every start would otherwise compile before its first frame.
import type * as Luxon from 'luxon';
import type { BarConfig } from '../config/index.js';
import { formatPlain } from './clockformat.js';

let luxon: typeof Luxon | null = null;
let loading: Promise<void> | null = null;

/** Whether this clock is formatted by luxon. */
export function needsLuxon(format: string, zone?: string): boolean {
  return formatPlain(new Date(0), format, zone) === null;
}

/** Whether any of the bar's clocks is. */
export function clocksNeedLuxon(bar: BarConfig): boolean {
  return [{ format: bar.clock, zone: bar.zone }, ...bar.clocks].some((c) => needsLuxon(c.format, c.zone));
}

/** Load luxon (once); formatClock uses it from then on. */
export function loadLuxon(): Promise<void> {
  loading ??= import('luxon').then((m) => { luxon = m; });
  return loading;
}

/** luxon if loaded, else null. */
export function loadedLuxon(): typeof Luxon | null { return luxon; }
