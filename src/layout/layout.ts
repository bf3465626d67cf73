// model + theme -> rectangles. Only workspaces shown on monitors are visited, so the cost
// does not depend on what hidden workspaces hold.
import { barHidden, DEFAULT_FLOAT_SIZE, findTile, floatingOf, focusedWorkspace, keepOnMonitor, parentOf, shownTab, tiles, usableRect } from '../model/index.js';
import type { Client, MinShare, Model, Monitor, Node, Rect, TileId, WindowId, Workspace, WorkspaceId } from '../model/index.js';
import { cutTop, distribute, splitRect } from './geometry.js';
import { tileGeometry } from './tile.js';
import { monitorTheme } from './scale.js';
import { applySizeHints } from './sizehints.js';
import type { ClientPlacement, Layout, LayoutTheme, MonitorLayout, TabLayout, TileLayout } from './types.js';

export const DEFAULT_MIN_TILE_SIZE = 40;

/**
 * The monitor's rect split into bar and tile area. Docks' reserved edges come off first
 * (usableRect); the bar is the top of what is left, the area the rest.
 */
export function monitorParts(monitor: Monitor, theme: LayoutTheme, barHidden = false): { bar: Rect; area: Rect } {
  const [bar, area] = cutTop(usableRect(monitor), barHidden ? 0 : Math.max(0, monitorTheme(theme, monitor.name).barHeight));
  return { bar, area };
}

const clampTo = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(v, hi));

/** A tiled client's rect: the tile's client area adjusted by its size hints (min size
 *  kept only while the tile is big enough: the tile wins), centred in it. */
export function tiledClientRect(area: Rect, client: Client | undefined): Rect {
  if (!client?.sizeHints) return area;
  const hinted = applySizeHints(area.width, area.height, client.sizeHints, { respectMin: true });
  const width = Math.min(hinted.width, area.width);
  const height = Math.min(hinted.height, area.height);
  if (width === area.width && height === area.height) return area;
  return { x: area.x + Math.floor((area.width - width) / 2), y: area.y + Math.floor((area.height - height) / 2), width, height };
}

const sizeOr = (v: number | undefined, fallback: number): number => (v !== undefined && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback);

/**
 * A float's rect on a monitor. Its size: its pinned size (floatRect), else its requested
 * size, else DEFAULT_FLOAT_SIZE; then its size hints fully (min included), then at most
 * the monitor's area. Pinned: at floatRect relative to the monitor rect's origin, moved
 * so that FLOAT_MIN_VISIBLE px (or all) of each dimension is on the monitor. Not pinned:
 * centred over `over` (its parent's rect, or the area), then moved fully into the area.
 * Maximised along an axis: as wide (high) as the area, within its size hints, centred in it.
 */
export function placeFloat(client: Client, monitor: Rect, area: Rect, over: Rect): Rect {
  const pin = client.floatRect;
  const want = pin ?? client.requested;
  const horz = client.maximisedHorz === true;
  const vert = client.maximisedVert === true;
  const hinted = applySizeHints(
    horz ? area.width : sizeOr(want?.width, DEFAULT_FLOAT_SIZE.width),
    vert ? area.height : sizeOr(want?.height, DEFAULT_FLOAT_SIZE.height),
    client.sizeHints,
    { respectMin: true },
  );
  const width = Math.min(hinted.width, area.width);
  const height = Math.min(hinted.height, area.height);
  if (horz || vert) {
    const free = placeFloat({ ...client, maximisedHorz: false, maximisedVert: false }, monitor, area, over);
    return {
      x: horz ? area.x + Math.floor((area.width - width) / 2) : free.x,
      y: vert ? area.y + Math.floor((area.height - height) / 2) : free.y,
      width: horz ? width : free.width,
      height: vert ? height : free.height,
    };
  }
  if (pin) {
    const px = Number.isFinite(pin.x) ? Math.round(pin.x) : 0;
    const py = Number.isFinite(pin.y) ? Math.round(pin.y) : 0;
    return keepOnMonitor({ x: monitor.x + px, y: monitor.y + py, width, height }, monitor);
  }
  const x = over.x + Math.floor((over.width - width) / 2);
  const y = over.y + Math.floor((over.height - height) / 2);
  return {
    x: clampTo(x, area.x, area.x + area.width - width),
    y: clampTo(y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/** Rectangles of every node (tiles and splits) of a tree laid out in `area`. */
export function nodeRects(root: Node, area: Rect): Map<TileId, Rect> {
  const out = new Map<TileId, Rect>();
  const walk = (node: Node, rect: Rect): void => {
    out.set(node.id, rect);
    if (node.kind === 'split') {
      const parts = splitRect(rect, node.axis, node.ratios);
      node.children.forEach((c, i) => walk(c, parts[i]!));
    }
  };
  walk(root, area);
  return out;
}

/** Smallest tile size in pixels along each axis: a tile must fit its tab bar and 1 px. */
export function minTileSize(theme: LayoutTheme): { width: number; height: number } {
  const min = theme.minTileSize ?? DEFAULT_MIN_TILE_SIZE;
  return { width: min, height: Math.max(min, theme.tabBarHeight + 1) };
}

/** The minimum tile size as fractions of a workspace area, for splitTile / resizeTile. */
export function minShare(theme: LayoutTheme, area: Rect): MinShare {
  const px = minTileSize(theme);
  return { width: px.width / Math.max(1, area.width), height: px.height / Math.max(1, area.height) };
}

/** Area and rect of the focused workspace's focused tile (null without monitors). */
export function focusedGeometry(model: Model, theme: LayoutTheme): { area: Rect; tile: Rect } | null {
  const monitor = model.monitors[model.focusedMonitor];
  if (!monitor) return null;
  const ws = focusedWorkspace(model);
  const { area } = monitorParts(monitor, theme, barHidden(model, model.focusedMonitor));
  const tile = nodeRects(ws.root, area).get(ws.focus);
  return tile ? { area, tile } : null;
}

/**
 * Narrowest a tab gets. A tile holding more tabs than fit at this width shows the ones
 * around its shown tab (and says how many are left out on each side), so a tab stays
 * readable and a map costs the same with 20 tabs or 2000.
 */
export const MIN_TAB_WIDTH = 48;

const minTabWidth = (theme: LayoutTheme): number => {
  const w = theme.minTabWidth;
  return w !== undefined && Number.isFinite(w) && w >= 1 ? Math.floor(w) : MIN_TAB_WIDTH;
};

/** Pixels between a tab's left edge and its icon. */
export const TAB_ICON_PAD = 4;

/** The square of a tab's icon: as high as the tab less a margin above and below, at its left;
 *  null when the tab is too small to show one beside some text. */
export function tabIconRect(tab: Rect): Rect | null {
  const margin = Math.max(1, Math.round(tab.height / 10));
  const size = tab.height - 2 * margin;
  if (size < 4 || tab.width < TAB_ICON_PAD + size + 24) return null;
  return { x: tab.x + TAB_ICON_PAD, y: tab.y + margin, width: size, height: size };
}

function tabLayouts(model: Model, tabs: readonly WindowId[], shown: WindowId | null, bar: Rect, minWidth: number, icons: boolean): { tabs: TabLayout[]; first: number } {
  const fit = Math.max(1, Math.floor(bar.width / minWidth));
  let first = 0;
  if (tabs.length > fit) {
    const at = shown === null ? 0 : Math.max(0, tabs.indexOf(shown));
    first = Math.min(Math.max(0, at - Math.floor(fit / 2)), tabs.length - fit);
  }
  const visible = first === 0 && tabs.length <= fit ? tabs : tabs.slice(first, first + fit);
  const widths = distribute(bar.width, visible.map(() => 1));
  let x = bar.x;
  return {
    first,
    tabs: visible.map((client, i) => {
      const w = widths[i]!;
      const rect = { x: Math.min(x, bar.x + bar.width - 1), y: bar.y, width: Math.max(1, w), height: bar.height };
      x += w;
      const c = model.clients.get(client);
      // Optional fields set on the object, not spread in: a spread allocates twice per tab.
      const tab: { -readonly [K in keyof TabLayout]: TabLayout[K] } = {
        client, title: c?.title ?? '', rect, shown: client === shown, urgent: c?.urgent ?? false, minimised: c?.minimised === true,
      };
      if (c?.marks !== undefined && c.marks.length > 0) tab.marks = c.marks;
      const iconRect = icons && c?.icon !== undefined ? tabIconRect(rect) : null;
      if (iconRect !== null && c?.icon !== undefined) tab.icon = { rect: iconRect, serial: c.icon };
      return tab;
    }),
  };
}

/**
 * Every rectangle of the shown workspaces.
 *
 * Clients: a tile's shown tab fills the tile below its tab bar (adjusted by its size
 * hints, see tiledClientRect); floats are placed by placeFloat; a fullscreen client that
 * would be visible (a shown tab, or a float) covers its whole monitor rect instead, bar
 * and docks included. Hidden tabs and minimised floats are not visible, fullscreen or not.
 *
 * Stacking, bottom to top: tiled clients; floats in their workspace's order (below ones
 * first, above ones last); fullscreen
 * clients (the focused one last); then floats transient for a visible fullscreen client
 * (so its dialogs stay visible). Bars and tab bars belong between the tiled clients and
 * the floats.
 */
export function layout(model: Model, theme: LayoutTheme): Layout {
  const monitors: MonitorLayout[] = [];
  const tileOut: TileLayout[] = [];
  const clients = new Map<WindowId, Rect>();
  const floating: ClientPlacement[] = [];
  const fullscreen: ClientPlacement[] = [];
  const tiledStack: WindowId[] = [];
  const floatStack: WindowId[] = [];
  const aboveFullscreen: WindowId[] = [];
  // Hidden workspaces are skipped by id without looking inside them.
  const shownIds = new Set(model.monitors.map((m) => m.workspace));
  const byId = new Map<WorkspaceId, Workspace>();
  for (const w of model.workspaces) if (shownIds.has(w.id)) byId.set(w.id, w);

  let focus: Layout['focus'] = null;
  const all = theme;
  model.monitors.forEach((monitor, index) => {
    const ws = byId.get(monitor.workspace);
    if (!ws) return;
    const theme = monitorTheme(all, monitor.name); // this monitor's sizes
    const { bar, area } = monitorParts(monitor, all, barHidden(model, index));
    monitors.push({ index, name: monitor.name, screen: monitor.screen, rect: monitor.rect, bar, workspace: ws.id, area });
    const rects = nodeRects(ws.root, area);
    const focusedMonitor = index === model.focusedMonitor;
    const floatFocused = ws.focusFloating != null;
    // Visible clients of this monitor, for centring transients over their parent.
    const here = new Map<WindowId, Rect>();
    const full = new Set<WindowId>();
    const goFullscreen = (id: WindowId): void => {
      full.add(id);
      here.set(id, monitor.rect);
      fullscreen.push({ client: id, rect: monitor.rect, monitor: index });
    };
    const list = tiles(ws.root);
    // Indexed and forEach loops here: without the optimising compiler a for-of allocates at
    // every step, and this runs over every tile and client at every render.
    for (let ti = 0; ti < list.length; ti++) {
      const tile = list[ti]!;
      const cell = rects.get(tile.id)!;
      const shown = shownTab(tile);
      const hideBar = theme.hideSingleTab === true && tile.tabs.length === 1 && shown !== null;
      const { rect, border, sides, inside, tabBar, client } = tileGeometry(cell, area, theme, list.length, hideBar);
      const focused = focusedMonitor && tile.id === ws.focus && !floatFocused;
      const bar = tabLayouts(model, tile.tabs, shown, tabBar, minTabWidth(theme), theme.tabIcons === true);
      // Only a border shows urgency of a tile as a whole: not looked for without one.
      const urgent = sides.length > 0 && tile.tabs.some((id) => model.clients.get(id)?.urgent === true);
      tileOut.push({
        workspace: ws.id, monitor: index, tile: tile.id, cell, rect, border, borderRects: sides, inside,
        tabBar, urgent, focused, tabs: bar.tabs, firstTab: bar.first, tabCount: tile.tabs.length,
      });
      if (shown !== null) {
        const c = model.clients.get(shown);
        if (c?.fullscreen) goFullscreen(shown);
        else {
          here.set(shown, tiledClientRect(client, c));
          tiledStack.push(shown);
        }
      }
      if (focusedMonitor && tile.id === ws.focus && !floatFocused) focus = shown;
    }
    if (focusedMonitor && floatFocused) focus = ws.focusFloating ?? null;

    // Floats: a parent that is itself an unplaced float is placed first (cycles guarded).
    // Minimised floats are not placed, and a transient of one is centred as an orphan.
    // Stacked in three layers, each in the workspace's order: floats asked to be below the
    // others (_NET_WM_STATE_BELOW), the rest, then those asked to be above them.
    const layer = (id: WindowId): number => {
      const c = model.clients.get(id);
      return c?.below === true ? 0 : c?.above === true ? 2 : 1;
    };
    const floats = floatingOf(ws).filter((id) => model.clients.get(id)?.minimised !== true).sort((p, q) => layer(p) - layer(q));
    const inWs = new Set(floats);
    const placing = new Set<WindowId>();
    const place = (id: WindowId): Rect => {
      const known = here.get(id);
      if (known) return known;
      const c = model.clients.get(id)!;
      if (c.fullscreen) {
        goFullscreen(id);
        return monitor.rect;
      }
      placing.add(id);
      const p = c.floatRect ? null : parentOf(model, id);
      const over = p === null ? area : (here.get(p) ?? (inWs.has(p) && !placing.has(p) ? place(p) : area));
      const rect = placeFloat(c, monitor.rect, area, over);
      here.set(id, rect);
      return rect;
    };
    for (const id of floats) place(id);
    const hasFullscreenAncestor = (id: WindowId): boolean => {
      const seen = new Set<WindowId>([id]);
      for (let p = parentOf(model, id); p !== null && !seen.has(p); p = parentOf(model, p)) {
        if (full.has(p)) return true;
        seen.add(p);
      }
      return false;
    };
    for (const id of floats) {
      if (full.has(id)) continue;
      const rect = here.get(id)!;
      floating.push({ client: id, rect, monitor: index });
      (full.size > 0 && hasFullscreenAncestor(id) ? aboveFullscreen : floatStack).push(id);
    }
    here.forEach((rect, id) => clients.set(id, rect));
  });
  // The focused fullscreen client goes on top of the other fullscreen ones.
  const fullStack = fullscreen.map((f) => f.client);
  const fi = focus === null ? -1 : fullStack.indexOf(focus);
  if (fi >= 0) fullStack.push(...fullStack.splice(fi, 1));
  const stacking = [...tiledStack, ...floatStack, ...fullStack, ...aboveFullscreen];
  return { monitors, tiles: tileOut, clients, focus, floating, fullscreen, stacking };
}

/** The rect of one tile of a shown workspace, if it is visible. */
export function visibleTileRect(model: Model, theme: LayoutTheme, id: TileId): Rect | null {
  for (const [i, monitor] of model.monitors.entries()) {
    const ws = model.workspaces.find((w) => w.id === monitor.workspace);
    if (ws && findTile(ws.root, id)) return nodeRects(ws.root, monitorParts(monitor, theme, barHidden(model, i)).area).get(id) ?? null;
  }
  return null;
}
