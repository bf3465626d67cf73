// model + theme -> rectangles. Only workspaces shown on monitors are visited, so the cost
// does not depend on what hidden workspaces hold.
import { findTile, focusedWorkspace, shownTab, tiles } from '../model/index.js';
import type { MinShare, Model, Monitor, Node, Rect, TileId, WindowId, Workspace, WorkspaceId } from '../model/index.js';
import { cutTop, distribute, splitRect } from './geometry.js';
import type { Layout, LayoutTheme, MonitorLayout, TabLayout, TileLayout } from './types.js';

export const DEFAULT_MIN_TILE_SIZE = 40;

/** The monitor's rect split into bar and tile area. */
export function monitorParts(monitor: Monitor, theme: LayoutTheme): { bar: Rect; area: Rect } {
  const [bar, area] = cutTop(monitor.rect, Math.max(0, theme.barHeight));
  return { bar, area };
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

/** Tab bar on top, client below; a tile too short for both lets the client overlap the
 *  tab bar's last row rather than leave the tile. */
export function tileParts(rect: Rect, tabBarHeight: number): { tabBar: Rect; client: Rect } {
  const h = Math.max(1, Math.min(tabBarHeight, rect.height));
  const tabBar = { x: rect.x, y: rect.y, width: rect.width, height: h };
  const client =
    rect.height - h >= 1
      ? { x: rect.x, y: rect.y + h, width: rect.width, height: rect.height - h }
      : { x: rect.x, y: rect.y + rect.height - 1, width: rect.width, height: 1 };
  return { tabBar, client };
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
  const { area } = monitorParts(monitor, theme);
  const tile = nodeRects(ws.root, area).get(ws.focus);
  return tile ? { area, tile } : null;
}

function tabLayouts(model: Model, tabs: readonly WindowId[], shown: WindowId | null, bar: Rect): TabLayout[] {
  const widths = distribute(bar.width, tabs.map(() => 1));
  let x = bar.x;
  return tabs.map((client, i) => {
    const w = widths[i]!;
    const rect = { x: Math.min(x, bar.x + bar.width - 1), y: bar.y, width: Math.max(1, w), height: bar.height };
    x += w;
    const c = model.clients.get(client);
    return { client, title: c?.title ?? '', rect, shown: client === shown, urgent: c?.urgent ?? false };
  });
}

export function layout(model: Model, theme: LayoutTheme): Layout {
  const monitors: MonitorLayout[] = [];
  const tileOut: TileLayout[] = [];
  const clients = new Map<WindowId, Rect>();
  // Hidden workspaces are skipped by id without looking inside them.
  const shownIds = new Set(model.monitors.map((m) => m.workspace));
  const byId = new Map<WorkspaceId, Workspace>();
  for (const w of model.workspaces) if (shownIds.has(w.id)) byId.set(w.id, w);

  let focus: Layout['focus'] = null;
  model.monitors.forEach((monitor, index) => {
    const ws = byId.get(monitor.workspace);
    if (!ws) return;
    const { bar, area } = monitorParts(monitor, theme);
    monitors.push({ index, name: monitor.name, screen: monitor.screen, rect: monitor.rect, bar, workspace: ws.id, area });
    const rects = nodeRects(ws.root, area);
    const focusedMonitor = index === model.focusedMonitor;
    for (const tile of tiles(ws.root)) {
      const rect = rects.get(tile.id)!;
      const { tabBar, client } = tileParts(rect, theme.tabBarHeight);
      const shown = shownTab(tile);
      const focused = focusedMonitor && tile.id === ws.focus;
      tileOut.push({ workspace: ws.id, monitor: index, tile: tile.id, rect, tabBar, focused, tabs: tabLayouts(model, tile.tabs, shown, tabBar) });
      if (shown !== null) clients.set(shown, client);
      if (focused) focus = shown;
    }
  });
  return { monitors, tiles: tileOut, clients, focus };
}

/** The rect of one tile of a shown workspace, if it is visible. */
export function visibleTileRect(model: Model, theme: LayoutTheme, id: TileId): Rect | null {
  for (const monitor of model.monitors) {
    const ws = model.workspaces.find((w) => w.id === monitor.workspace);
    if (ws && findTile(ws.root, id)) return nodeRects(ws.root, monitorParts(monitor, theme).area).get(id) ?? null;
  }
  return null;
}
