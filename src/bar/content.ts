// What a monitor's bar says, as a pure function of the model and the time, left
// to right: every workspace (the shown one in brackets, urgent ones with a "!"),
// the monitor (when there are several), the mode with its keys, a message, the
// focused tile and tab, the scratchpad's count, the focused window's title, then the status blocks
// and the clocks.
import { formatPlain } from './clockformat.js';
import { loadedLuxon } from './luxon.js';
import type { Model, WindowId, Workspace } from '../model/types.js';
import { tiles, floatingOf, workspaceFocus } from '../model/index.js';
import type { StatusBlock } from './i3bar.js';

export interface BarState {
  /** The clocks' texts, already formatted, left to right. */
  readonly clocks: readonly string[];
  /** The active mode's hint ("tile: n p … Esc"), or null in normal mode. */
  readonly mode: string | null;
  /** A message for the user (a refused command, a config error), or null. */
  readonly message: string | null;
  /** Blocks from the status command (empty without one). */
  readonly status?: readonly StatusBlock[];
  /** The active keyboard layout's short name ("us"), when more than one is set. */
  readonly keyboard?: string;
  /** The system tray: the monitor whose bar holds it and the width its icons take. */
  readonly tray?: { readonly monitor: number; readonly width: number };
}

export type SegmentKind = 'workspace' | 'tile' | 'tab' | 'scratchpad' | 'title' | 'monitor' | 'mode' | 'message' | 'keyboard' | 'tray' | 'status' | 'clock';
export interface Segment {
  readonly kind: SegmentKind;
  readonly text: string;
  /** workspace: its index; status: the block's index. */
  readonly index?: number;
  /** workspace: shown on this monitor. */
  readonly current?: boolean;
  /** workspace: a window in it asks for attention; status: the block is urgent. */
  readonly urgent?: boolean;
  /** status: the block itself (colours, min_width, separator). */
  readonly block?: StatusBlock;
  /** tray: the width the icons take, in pixels (the text is empty). */
  readonly width?: number;
}

/** Formats `now` with a luxon format string, in `zone` (an IANA name, "UTC", or local when
 *  absent); a broken format or zone shows the error rather than crashing. A format that
 *  needs luxon shows "…" until it is loaded (luxon.ts; Fion loads it before its first frame). */
export function formatClock(now: Date, format: string, zone?: string): string {
  const plain = formatPlain(now, format, zone);
  if (plain !== null) return plain;
  const luxon = loadedLuxon();
  if (luxon === null) return '…';
  try {
    const t = luxon.DateTime.fromJSDate(now);
    const z = zone === undefined ? t : t.setZone(zone);
    if (!z.isValid) return `bad time zone ${JSON.stringify(zone)}`;
    return z.toFormat(format);
  } catch (e) {
    return `bad clock format: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Whether a luxon format shows seconds (or finer): then the clock ticks every second. */
export function showsSeconds(format: string): boolean {
  return /[sSuXx]|tt|TT/.test(format.replace(/'[^']*'/g, ''));
}

/** A workspace's label: its number, and its name when it has one ("2:web"). */
export function workspaceLabel(ws: Workspace, index: number): string {
  const n = String(index + 1);
  return ws.name === n || ws.name === '' ? n : `${n}:${ws.name}`;
}

/** What the bar needs from every client: read once per clients map (the model is immutable,
 *  so a new map is the only change), not once per workspace at every render. forEach, because
 *  Fion runs without the optimising compiler, where a for-of allocates at every step. */
interface ClientFacts { readonly urgent: ReadonlySet<WindowId>; readonly scratchpad: number }
const factsOf = new WeakMap<Model['clients'], ClientFacts>();
function clientFacts(clients: Model['clients']): ClientFacts {
  let f = factsOf.get(clients);
  if (f === undefined) {
    const urgent = new Set<WindowId>();
    let scratchpad = 0;
    clients.forEach((c, w) => {
      if (c.urgent) urgent.add(w);
      if (c.scratchpad !== undefined) scratchpad++;
    });
    f = { urgent, scratchpad };
    factsOf.set(clients, f);
  }
  return f;
}

function urgentIn(model: Model, ws: Workspace): boolean {
  const { urgent } = clientFacts(model.clients);
  if (urgent.size === 0) return false;
  for (const t of tiles(ws.root)) for (const w of t.tabs) if (urgent.has(w)) return true;
  return floatingOf(ws).some((w) => urgent.has(w));
}

/** How many windows the scratchpad holds, hidden or shown (the flag is only ever on floats). */
const scratchpadCount = (model: Model): number => clientFacts(model.clients).scratchpad;

/** Workspaces listed in the bar at once (more would not fit a bar anyway). */
export const MAX_LISTED = 24;

/** The bar's segments for monitor `index`, left to right; the clocks are last. */
export function barSegments(model: Model, index: number, state: BarState): Segment[] {
  const monitor = model.monitors[index];
  const out: Segment[] = [];
  // At most MAX_LISTED workspaces, around the shown one; a "…" stands for the rest on each
  // side (urgent when one of them is) and goes to the nearest of them when clicked.
  const all = model.workspaces;
  const shown = Math.max(0, all.findIndex((w) => w.id === monitor?.workspace));
  const from = all.length <= MAX_LISTED ? 0 : Math.min(Math.max(0, shown - Math.floor(MAX_LISTED / 2)), all.length - MAX_LISTED);
  const to = Math.min(all.length, from + MAX_LISTED);
  const anyUrgent = (a: number, b: number): boolean => all.slice(a, b).some((w) => urgentIn(model, w));
  if (from > 0) out.push({ kind: 'workspace', text: '…', index: from - 1, current: false, urgent: anyUrgent(0, from) });
  for (let i = from; i < to; i++) {
    const w = all[i]!;
    out.push({ kind: 'workspace', text: workspaceLabel(w, i), index: i, current: w.id === monitor?.workspace, urgent: urgentIn(model, w) });
  }
  if (to < all.length) out.push({ kind: 'workspace', text: '…', index: to, current: false, urgent: anyUrgent(to, all.length) });
  // With several monitors: which one this is, and a star on the focused one's bar.
  const nm = model.monitors.length;
  if (nm > 1) out.push({ kind: 'monitor', text: `monitor ${index + 1}/${nm}${index === model.focusedMonitor ? ' *' : ''}` });
  if (state.mode !== null) out.push({ kind: 'mode', text: state.mode });
  if (state.message !== null) out.push({ kind: 'message', text: state.message });
  const ws = model.workspaces.find((w) => w.id === monitor?.workspace);
  if (ws !== undefined) {
    const all = tiles(ws.root);
    const ti = all.findIndex((t) => t.id === ws.focus);
    const tile = all[ti];
    out.push({ kind: 'tile', text: `tile ${ti + 1}/${all.length}` });
    if (tile !== undefined) {
      const shown = tile.recent[0];
      const tabIndex = shown === undefined ? 0 : tile.tabs.indexOf(shown) + 1;
      out.push({ kind: 'tab', text: `tab ${tabIndex}/${tile.tabs.length}` });
    }
    const held = scratchpadCount(model);
    if (held > 0) out.push({ kind: 'scratchpad', text: `scratchpad ${held}` });
    const focus = workspaceFocus(ws);
    const title = focus === null ? '' : (model.clients.get(focus)?.title ?? '');
    if (title.trim() !== '') out.push({ kind: 'title', text: title.replace(/[\u0000-\u001f\u007f]/g, ' ') });
  }
  // The keyboard layout, then the tray's icons, left of the status blocks: Fion leaves them room, and the tray
  // (src/manage/tray.ts) puts the icons' windows there.
  if (state.keyboard !== undefined) out.push({ kind: 'keyboard', text: state.keyboard });
  if (state.tray !== undefined && state.tray.monitor === index && state.tray.width > 0) out.push({ kind: 'tray', text: '', width: state.tray.width });
  (state.status ?? []).forEach((b, i) => {
    if (b.fullText !== '') out.push({ kind: 'status', text: b.fullText, index: i, urgent: b.urgent, block: b });
  });
  return withClocks(out, state.clocks);
}

/** `segments` (a bar's, without clocks) with the clocks appended: the clocks are always last,
 *  so a tick can reuse everything before them. */
export function withClocks(segments: readonly Segment[], clocks: readonly string[]): Segment[] {
  const out = segments.slice();
  for (const c of clocks) out.push({ kind: 'clock', text: c });
  return out;
}

/** A workspace as the plain text reads it: "[2:web]" when shown, "3!" when urgent. */
const workspaceWord = (s: Segment): string => `${s.current === true ? `[${s.text}]` : s.text}${s.urgent === true ? '!' : ''}`;

/** The bar as one line of text: what the bar window publishes in _NET_WM_NAME. The
 *  workspaces are one space-separated group; the other segments are separated by " | ". */
export function barText(segments: readonly Segment[]): string {
  const parts: string[] = [];
  const words: string[] = [];
  for (const s of segments) {
    if (s.kind === 'workspace') { words.push(workspaceWord(s)); continue; }
    if (s.kind === 'tray') continue;
    if (words.length > 0) { parts.push(words.join(' ')); words.length = 0; }
    parts.push(s.text);
  }
  if (words.length > 0) parts.push(words.join(' '));
  return parts.join(' | ');
}
