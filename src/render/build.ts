// From layout and bar segments to a Scene: colours, cell positions and the
// tags that clicks resolve to. Pure.
import type { Layout } from '../layout/index.js';
import type { Colors } from '../config/types.js';
import type { Segment } from '../bar/content.js';
import { barText } from '../bar/content.js';
import type { Cell } from './paint.js';
import type { Scene, Strip } from './scene.js';

export interface Look {
  readonly colors: Colors;
  readonly charWidth: number;
}

const PAD = 8; // pixels around a segment's text

function barStrip(layout: Layout, index: number, segments: readonly Segment[], look: Look): Strip | null {
  const m = layout.monitors[index];
  if (m === undefined || m.bar.height <= 0) return null;
  const c = look.colors;
  const cells: (Cell & { tag?: string })[] = [];
  const widthOf = (s: Segment): number => [...s.text].length * look.charWidth + PAD;
  let x = 0;
  const clock = segments[segments.length - 1];
  for (const s of segments.slice(0, -1)) {
    const w = Math.min(widthOf(s), Math.max(0, m.bar.width - x));
    const fg = s.kind === 'mode' ? c.barModeForeground : s.kind === 'message' ? c.barMessageForeground : c.barForeground;
    const bg = s.kind === 'mode' ? c.barModeBackground : c.barBackground;
    cells.push({ x, width: w, text: s.text, fg, bg, tag: s.kind });
    x += w;
  }
  if (clock !== undefined) {
    const w = Math.min(widthOf(clock), m.bar.width);
    cells.push({ x: m.bar.width - w, width: w, text: clock.text, fg: c.barForeground, bg: c.barBackground, tag: 'clock' });
  }
  return {
    key: `bar:${index}`, screen: m.screen, rect: m.bar, bg: c.barBackground, cells,
    name: barText(segments), wmClass: ['fion-bar', 'fion'],
  };
}

export function buildScene(layout: Layout, bars: readonly (readonly Segment[])[], look: Look): Scene {
  const strips: Strip[] = [];
  layout.monitors.forEach((_, i) => {
    const s = barStrip(layout, i, bars[i] ?? [], look);
    if (s !== null) strips.push(s);
  });
  const c = look.colors;
  for (const t of layout.tiles) {
    const screen = layout.monitors[t.monitor]?.screen ?? 0;
    const cells = t.tabs.map((tab, i) => {
      const bg = tab.urgent ? c.tabUrgentBackground
        : tab.shown ? (t.focused ? c.tabFocusedBackground : c.tabShownBackground) : c.tabBackground;
      const fg = tab.shown ? (t.focused ? c.tabFocusedForeground : c.tabShownForeground) : c.tabForeground;
      return { x: tab.rect.x - t.tabBar.x, width: tab.rect.width, text: tab.title, fg, bg, tag: `tab:${i}` };
    });
    // An empty tile still shows its tab bar, so the user sees where the next window lands.
    const bg = t.tabs.length === 0 ? (t.focused ? c.tabFocusedBackground : c.emptyTileBackground) : c.tabBackground;
    const empty = t.tabs.length === 0
      ? [{ x: 0, width: t.tabBar.width, text: '(empty)', fg: t.focused ? c.tabFocusedForeground : c.tabForeground, bg }]
      : [];
    // The tab bar's text, published like the bar's: the shown tab in brackets.
    const name = t.tabs.map((tab) => (tab.shown ? `[${tab.title}]` : tab.title)).join(' | ');
    strips.push({ key: `tabs:${t.tile}`, screen, rect: t.tabBar, bg, cells: [...cells, ...empty], name, wmClass: ['fion-tabs', 'fion'] });
    if (t.tabs.length === 0 && t.rect.height > t.tabBar.height) {
      // An empty tile's body: a quiet surface, so the tile reads as a place, not a hole.
      const body = { x: t.rect.x, y: t.tabBar.y + t.tabBar.height, width: t.rect.width, height: t.rect.height - t.tabBar.height };
      strips.push({ key: `body:${t.tile}`, screen, rect: body, bg: c.emptyTileBackground, cells: [], wmClass: ['fion-empty', 'fion'] });
    }
  }
  const above = new Set([...layout.floating, ...layout.fullscreen].map((f) => f.client));
  return { strips, clients: layout.clients, focus: layout.focus, raised: layout.stacking.filter((w) => above.has(w)) };
}
