// From layout and bar segments to a Scene: colours, cell positions and the
// targets that clicks resolve to. Pure.
import type { Layout } from '../layout/index.js';
import type { Colors } from '../config/types.js';
import type { Segment } from '../bar/content.js';
import { barText } from '../bar/content.js';
import type { CellTarget, Scene, SceneCell, Strip } from './scene.js';

export interface Look {
  readonly colors: Colors;
  readonly charWidth: number;
  /** Text width in pixels in the strips' font at a monitor's scale (default: charWidth per character). */
  readonly measure?: (text: string, scale: number) => number;
  /** The scale of a monitor's text, by its name (monitors.scale; default 1). */
  readonly scaleOf?: (monitor: string) => number;
  /** Tabs show their windows' marks before the title: `[mail] Inbox` (default false). */
  readonly showMarks?: boolean;
}

const PAD = 8; // pixels around a segment's text

/** Text width at `scale` as `look` measures it. */
const measurer = (look: Look, scale: number): ((t: string) => number) =>
  (look.measure === undefined ? (t) => [...t].length * look.charWidth : (t) => look.measure!(t, scale));

type BarCell = SceneCell;

/** The right end of the bar: the tray's room, status blocks, then clocks, as wide as they
 *  need. With too little room, blocks fall back to their short_text, then the leftmost
 *  blocks go; the tray and the clocks stay. */
function rightCells(segments: readonly Segment[], look: Look, room: number, measure: (t: string) => number): BarCell[] {
  const c = look.colors;
  const items = segments.filter((s) => s.kind === 'keyboard' || s.kind === 'tray' || s.kind === 'status' || s.kind === 'clock');
  const widthOf = (s: Segment, short: boolean): number => {
    if (s.kind === 'tray') return s.width ?? 0;
    const text = short && s.block?.shortText !== undefined ? s.block.shortText : s.text;
    const min = s.block?.minWidth;
    const minW = typeof min === 'number' ? min : typeof min === 'string' ? measure(min) : 0;
    const gap = s.block === undefined ? 0 : Math.max(0, s.block.separatorBlockWidth - 1);
    return Math.max(measure(text), minW) + PAD + gap;
  };
  let short = false;
  let shown = items;
  const total = (xs: readonly Segment[]): number => xs.reduce((a, s) => a + widthOf(s, short), 0);
  if (total(shown) > room) short = true;
  for (let i = shown.findIndex((s) => s.kind === 'status'); total(shown) > room && i >= 0; i = shown.findIndex((s) => s.kind === 'status')) {
    shown = shown.filter((_, k) => k !== i);
  }
  const cells: BarCell[] = [];
  let x = 0;
  shown.forEach((s, i) => {
    const w = widthOf(s, short);
    if (s.kind === 'tray') {
      cells.push({ x, width: w, text: '', fg: c.barForeground, bg: c.barBackground, target: { kind: 'tray' } });
      x += w;
      return;
    }
    const b = s.block;
    const text = short && b?.shortText !== undefined ? b.shortText : s.text;
    const last = i === shown.length - 1;
    const sep = last || (b !== undefined && !b.separator) ? undefined : c.barSeparator;
    const urgent = s.urgent === true;
    const fg = urgent ? c.barUrgentForeground : (b?.color ?? c.barForeground);
    const bg = urgent ? c.barUrgentBackground : (b?.background ?? c.barBackground);
    // align within min_width: the text's own width decides the left padding.
    const free = w - PAD - (b === undefined ? 0 : Math.max(0, b.separatorBlockWidth - 1)) - measure(text);
    const pad = 4 + (b?.align === 'right' ? Math.max(0, free) : b?.align === 'center' ? Math.max(0, Math.floor(free / 2)) : 0);
    cells.push({
      x, width: w, text, fg, bg, pad,
      ...(sep === undefined ? {} : { separator: sep }),
      ...(b?.border === undefined ? {} : { border: b.border }),
      placeholder: c.barPlaceholder,
      target: s.kind === 'clock' ? { kind: 'clock' } : s.kind === 'keyboard' ? { kind: 'keyboard' } : { kind: 'status', block: s.index ?? 0 },
    });
    x += w;
  });
  return cells.map((cell) => ({ ...cell, x: cell.x + Math.max(0, room - x) }));
}

function barStrip(layout: Layout, index: number, segments: readonly Segment[], look: Look): Strip | null {
  const m = layout.monitors[index];
  if (m === undefined || m.bar.height <= 0) return null;
  const c = look.colors;
  const scale = look.scaleOf?.(m.name) ?? 1;
  const measure = measurer(look, scale);
  const cells: BarCell[] = [];
  const left = segments.filter((s) => s.kind !== 'keyboard' && s.kind !== 'tray' && s.kind !== 'status' && s.kind !== 'clock' && s.kind !== 'title');
  const title = segments.find((s) => s.kind === 'title');
  let x = 0;
  for (const s of left) {
    const w = Math.min(measure(s.text) + PAD, Math.max(0, m.bar.width - x));
    let fg = c.barWorkspaceForeground;
    let bg = c.barBackground;
    if (s.kind === 'workspace' && s.current === true) { fg = c.barCurrentWorkspaceForeground; bg = c.barCurrentWorkspaceBackground; }
    if (s.kind === 'workspace' && s.urgent === true) { fg = c.barUrgentForeground; bg = c.barUrgentBackground; }
    if (s.kind === 'mode') { fg = c.barModeForeground; bg = c.barModeBackground; }
    if (s.kind === 'message') fg = c.barMessageForeground;
    const target: CellTarget | undefined = s.kind === 'workspace' ? { kind: 'workspace', index: s.index ?? 0 } : undefined;
    // A gap after the workspaces, so they read as buttons apart from the rest.
    const last = s.kind === 'workspace' && segments[segments.indexOf(s) + 1]?.kind !== 'workspace';
    cells.push({ x, width: w, text: s.text, fg, bg, placeholder: c.barPlaceholder, ...(target === undefined ? {} : { target }), ...(last ? { separator: c.barSeparator } : {}) });
    x += w;
  }
  // The right end gets what it needs, up to 60% of the bar; the title fills what is between.
  const room = Math.max(0, Math.min(m.bar.width - x, Math.floor(m.bar.width * 0.6)));
  const right = rightCells(segments, look, room, measure);
  const rightStart = right.length === 0 ? m.bar.width : m.bar.width - room + Math.min(...right.map((r) => r.x));
  const shift = m.bar.width - room;
  if (title !== undefined && rightStart > x) {
    cells.push({ x, width: rightStart - x, text: title.text, fg: c.barForeground, bg: c.barBackground, placeholder: c.barPlaceholder, pad: 8, target: { kind: 'title' } });
  }
  for (const r of right) cells.push({ ...r, x: r.x + shift });
  return {
    target: { kind: 'bar', monitor: index }, screen: m.screen, rect: m.bar, bg: c.barBackground, cells, ...(scale === 1 ? {} : { scale }),
    name: barText(segments), wmClass: ['fion-bar', 'fion'],
  };
}

/** The bar strips alone (a clock tick or a status line changes nothing else). */
export function buildBars(layout: Layout, bars: readonly (readonly Segment[])[], look: Look): Strip[] {
  const strips: Strip[] = [];
  layout.monitors.forEach((_, i) => {
    const s = barStrip(layout, i, bars[i] ?? [], look);
    if (s !== null) strips.push(s);
  });
  return strips;
}

/**
 * The bars of `strips` (built from segments whose clocks said something else) with the clock
 * texts of `bars` instead, when only the clocks changed and every clock is exactly as wide as
 * before: then no cell moves, and the clock cells alone get new text. Null when a width
 * differs (or the strips don't match `bars`): build them with buildBars.
 */
export function retimeBars(strips: readonly Strip[], bars: readonly (readonly Segment[])[], look: Look): Strip[] | null {
  const out: Strip[] = [];
  for (const s of strips) {
    const measure = measurer(look, s.scale ?? 1);
    const segments = s.target.kind === 'bar' ? bars[s.target.monitor] : undefined;
    if (segments === undefined) return null;
    const clocks = segments.filter((g) => g.kind === 'clock');
    let k = 0;
    const cells = s.cells.map((c) => {
      if (c.target?.kind !== 'clock') return c;
      const text = clocks[k++]?.text;
      if (text === undefined || measure(text) !== measure(c.text)) return null;
      return text === c.text ? c : { ...c, text };
    });
    if (k !== clocks.length || cells.includes(null)) return null;
    out.push({ ...s, cells: cells as Strip['cells'][number][], name: barText(segments) });
  }
  return out;
}

/** A minimised tab's title is in parentheses: the window is hidden, a click brings it back. */
const tabTitle = (tab: { readonly title: string; readonly minimised: boolean }): string => (tab.minimised ? `(${tab.title})` : tab.title);
const marked = (tab: { readonly marks?: readonly string[] }, title: string, show: boolean): string =>
  (show && tab.marks !== undefined && tab.marks.length > 0 ? `${tab.marks.map((m) => `[${m}]`).join(' ')} ${title}` : title);

export function buildScene(layout: Layout, bars: readonly (readonly Segment[])[], look: Look): Scene {
  const strips: Strip[] = buildBars(layout, bars, look);
  const c = look.colors;
  for (const t of layout.tiles) {
    const mon = layout.monitors[t.monitor];
    const screen = mon?.screen ?? 0;
    const scale = mon === undefined ? 1 : look.scaleOf?.(mon.name) ?? 1;
    // Tabs left out on either side are counted on the first and last tab shown: "<12 title".
    const before = t.firstTab;
    const after = t.tabCount - t.firstTab - t.tabs.length;
    const label = (title: string, i: number): string =>
      (i === 0 && before > 0 ? `<${before} ` : '') + (i === t.tabs.length - 1 && after > 0 ? `${after}> ` : '') + title;
    const cells = t.tabs.map((tab, i) => {
      const bg = tab.urgent ? c.tabUrgentBackground
        : tab.shown ? (t.focused ? c.tabFocusedBackground : c.tabShownBackground) : c.tabBackground;
      const fg = tab.shown ? (t.focused ? c.tabFocusedForeground : c.tabShownForeground) : c.tabForeground;
      const cell = { x: tab.rect.x - t.tabBar.x, width: tab.rect.width, text: label(marked(tab, tabTitle(tab), look.showMarks === true), i), fg, bg, target: { kind: 'tab', index: t.firstTab + i } as const };
      // The icon's square, as the layout reserved it; the title starts after it.
      const ic = tab.icon;
      if (ic === undefined) return cell;
      const x = ic.rect.x - tab.rect.x;
      return { ...cell, pad: x + ic.rect.width + 4, icon: { window: tab.client, serial: ic.serial, x, y: ic.rect.y - t.tabBar.y, size: ic.rect.width } };
    });
    // An empty tile still shows its tab bar, so the user sees where the next window lands.
    const bg = t.tabs.length === 0 ? (t.focused ? c.tabFocusedBackground : (c.emptyTileBackground ?? c.tabBackground)) : c.tabBackground;
    const empty = t.tabs.length === 0
      ? [{ x: 0, width: t.tabBar.width, text: '(empty)', fg: t.focused ? c.tabFocusedForeground : c.tabForeground, bg }]
      : [];
    // The tab bar's text, published like the bar's: the shown tab in brackets, minimised ones
    // in parentheses, the tabs left out counted at either end.
    const name = [
      ...(before > 0 ? [`<${before}`] : []),
      ...t.tabs.map((tab) => (tab.shown ? `[${marked(tab, tab.title, look.showMarks === true)}]` : marked(tab, tabTitle(tab), look.showMarks === true))),
      ...(after > 0 ? [`${after}>`] : []),
    ].join(' | ');
    // A hidden tab bar (one shown window, tabs.hide_single) has no window at all.
    if (t.tabBar.height > 0) strips.push({ target: { kind: 'tabs', tile: t.tile }, screen, rect: t.tabBar, bg, cells: [...cells, ...empty], name, wmClass: ['fion-tabs', 'fion'], ...(scale === 1 ? {} : { scale }) });
    // The border: four thin windows around the tile, none over its client (which is not
    // reparented), so stacking never matters and a colour change repaints four small strips.
    const edge = t.focused ? c.borderFocused : t.urgent ? c.borderUrgent : c.borderUnfocused;
    t.borderRects.forEach((rect, side) => {
      strips.push({ target: { kind: 'border', tile: t.tile, side }, screen, rect, bg: edge, cells: [], wmClass: ['fion-border', 'fion'] });
    });
    const inside = t.inside;
    if (!t.tabs.some((tab) => tab.shown) && inside.height > t.tabBar.height && c.emptyTileBackground !== null) {
      // The body of a tile that shows no window (empty, or every tab minimised): a quiet
      // surface, so the tile reads as a place, not a hole; with no colour (none) there is no
      // window at all, and the wallpaper shows through.
      const body = { x: inside.x, y: t.tabBar.y + t.tabBar.height, width: inside.width, height: inside.y + inside.height - t.tabBar.y - t.tabBar.height };
      strips.push({ target: { kind: 'body', tile: t.tile }, screen, rect: body, bg: c.emptyTileBackground, cells: [], wmClass: ['fion-empty', 'fion'] });
    }
  }
  const above = new Set([...layout.floating, ...layout.fullscreen].map((f) => f.client));
  return { strips, clients: layout.clients, focus: layout.focus, raised: layout.stacking.filter((w) => above.has(w)) };
}
