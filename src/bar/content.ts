// What a monitor's bar says, as a pure function of the model and the time:
// workspace, tile and tab positions, the monitor (when there are several), the mode,
// a message, the clock.
import { DateTime } from 'luxon';
import type { Model } from '../model/types.js';
import { tiles } from '../model/index.js';

export interface BarState {
  /** The clock's text, already formatted. */
  readonly clock: string;
  /** The active mode's name, or null in normal mode. */
  readonly mode: string | null;
  /** A message for the user (a refused command, a config error), or null. */
  readonly message: string | null;
}

export type SegmentKind = 'workspace' | 'tile' | 'tab' | 'monitor' | 'mode' | 'message' | 'clock';
export interface Segment {
  readonly kind: SegmentKind;
  readonly text: string;
}

/** Formats `now` with a luxon format string; a broken format shows the error rather than crashing. */
export function formatClock(now: Date, format: string): string {
  try {
    return DateTime.fromJSDate(now).toFormat(format);
  } catch (e) {
    return `bad clock format: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The bar's segments for monitor `index`, left to right; the clock is last. */
export function barSegments(model: Model, index: number, state: BarState): Segment[] {
  const monitor = model.monitors[index];
  const wsIndex = model.workspaces.findIndex((w) => w.id === monitor?.workspace);
  const ws = model.workspaces[wsIndex];
  const out: Segment[] = [];
  if (ws !== undefined) {
    const n = wsIndex + 1;
    const name = ws.name === String(n) ? '' : ` ${ws.name}`;
    out.push({ kind: 'workspace', text: `workspace ${n}/${model.workspaces.length}${name}` });
    const all = tiles(ws.root);
    const ti = all.findIndex((t) => t.id === ws.focus);
    const tile = all[ti];
    out.push({ kind: 'tile', text: `tile ${ti + 1}/${all.length}` });
    if (tile !== undefined) {
      const shown = tile.recent[0];
      const tabIndex = shown === undefined ? 0 : tile.tabs.indexOf(shown) + 1;
      out.push({ kind: 'tab', text: `tab ${tabIndex}/${tile.tabs.length}` });
    }
  }
  // With several monitors: which one this is, and a star on the focused one's bar.
  const nm = model.monitors.length;
  if (nm > 1) out.push({ kind: 'monitor', text: `monitor ${index + 1}/${nm}${index === model.focusedMonitor ? ' *' : ''}` });
  if (state.mode !== null) out.push({ kind: 'mode', text: state.mode });
  if (state.message !== null) out.push({ kind: 'message', text: state.message });
  out.push({ kind: 'clock', text: state.clock });
  return out;
}

/** The bar as one line of text: what the bar window publishes in _NET_WM_NAME. */
export const barText = (segments: readonly Segment[]): string => segments.map((s) => s.text).join(' | ');
