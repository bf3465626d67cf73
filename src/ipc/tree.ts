// Pure: the model and its layout as the JSON the control socket answers with. Geometry is
// given for what is on screen (null for hidden workspaces); ids are the model's own.
import { floatingOf, focusedClient, shownTab } from '../model/index.js';
import type { Model, Node, Rect, TabMatch, WindowId, Workspace } from '../model/index.js';
import type { Layout } from '../layout/index.js';

export interface TabJson {
  readonly window: number;
  readonly title: string;
  readonly class: string;
  readonly instance: string;
  /** The tab its tile shows (always true for a float). */
  readonly shown: boolean;
  /** The window that has Fion's focus. */
  readonly focused: boolean;
  readonly urgent: boolean;
  readonly floating: boolean;
  readonly fullscreen: boolean;
  /** Where the window is on screen; null when hidden. */
  readonly rect: Rect | null;
}

export type NodeJson =
  | { readonly kind: 'split'; readonly id: number; readonly axis: 'row' | 'column'; readonly ratios: readonly number[];
      readonly rect: Rect | null; readonly children: readonly NodeJson[] }
  | { readonly kind: 'tile'; readonly id: number; readonly focused: boolean; readonly rect: Rect | null;
      readonly tabs: readonly TabJson[]; readonly waiting: readonly TabMatch[] };

export interface WorkspaceJson {
  /** 1-based position, as in the bar and `workspace goto N`. */
  readonly number: number;
  readonly id: number;
  readonly name: string;
  /** Index of the monitor showing it, or null. */
  readonly monitor: number | null;
  readonly visible: boolean;
  readonly focused: boolean;
  readonly urgent: boolean;
  readonly focusedTile: number;
}

export interface MonitorJson {
  readonly index: number;
  readonly name: string;
  readonly screen: number;
  readonly rect: Rect;
  /** What the tiles cover: the rect minus docks' struts and the bar. */
  readonly area: Rect | null;
  /** Number (1-based) of the workspace it shows. */
  readonly workspace: number;
  readonly focused: boolean;
}

export function monitorsJson(model: Model, lay: Layout): MonitorJson[] {
  return model.monitors.map((m, index) => ({
    index, name: m.name, screen: m.screen, rect: m.rect,
    area: lay.monitors.find((l) => l.index === index)?.area ?? null,
    workspace: model.workspaces.findIndex((w) => w.id === m.workspace) + 1,
    focused: index === model.focusedMonitor,
  }));
}

function clientsOf(node: Node): WindowId[] {
  return node.kind === 'tile' ? [...node.tabs] : node.children.flatMap(clientsOf);
}

export function workspacesJson(model: Model): WorkspaceJson[] {
  const focusedWs = model.monitors[model.focusedMonitor]?.workspace;
  return model.workspaces.map((ws, i) => {
    const mi = model.monitors.findIndex((m) => m.workspace === ws.id);
    const all = [...clientsOf(ws.root), ...floatingOf(ws)];
    return {
      number: i + 1, id: ws.id, name: ws.name, monitor: mi < 0 ? null : mi, visible: mi >= 0,
      focused: ws.id === focusedWs, urgent: all.some((c) => model.clients.get(c)?.urgent === true), focusedTile: ws.focus,
    };
  });
}

function bounds(rects: readonly (Rect | null)[]): Rect | null {
  if (rects.length === 0 || rects.some((r) => r === null)) return null;
  const rs = rects as readonly Rect[];
  const x = Math.min(...rs.map((r) => r.x));
  const y = Math.min(...rs.map((r) => r.y));
  const right = Math.max(...rs.map((r) => r.x + r.width));
  const bottom = Math.max(...rs.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

export interface TreeJson {
  readonly focusedMonitor: number;
  /** The focused window, or null. */
  readonly focus: number | null;
  readonly monitors: readonly MonitorJson[];
  readonly workspaces: readonly (WorkspaceJson & { readonly root: NodeJson; readonly floating: readonly TabJson[] })[];
}

/** The whole model: monitors, workspaces, each workspace's tile tree (ratios, geometry) and floats. */
export function treeJson(model: Model, lay: Layout): TreeJson {
  const focus = focusedClient(model);
  const tileRects = new Map(lay.tiles.map((t) => [t.tile, t.rect] as const));
  const tab = (id: WindowId, shown: boolean, floating: boolean): TabJson => {
    const c = model.clients.get(id);
    return {
      window: id, title: c?.title ?? '', class: c?.class ?? '', instance: c?.instance ?? '', shown,
      focused: id === focus, urgent: c?.urgent === true, floating, fullscreen: c?.fullscreen === true,
      rect: lay.clients.get(id) ?? null,
    };
  };
  const node = (n: Node, ws: Workspace, focusedWs: boolean): NodeJson => {
    if (n.kind === 'tile') {
      const shown = shownTab(n);
      return {
        kind: 'tile', id: n.id, focused: focusedWs && ws.focus === n.id && ws.focusFloating == null,
        rect: tileRects.get(n.id) ?? null, tabs: n.tabs.map((t) => tab(t, t === shown, false)),
        // Windows a loaded layout still waits for in this tile.
        waiting: n.waiting ?? [],
      };
    }
    const children = n.children.map((c) => node(c, ws, focusedWs));
    return { kind: 'split', id: n.id, axis: n.axis, ratios: n.ratios, rect: bounds(children.map((c) => c.rect)), children };
  };
  const wsJson = workspacesJson(model);
  return {
    focusedMonitor: model.focusedMonitor,
    focus,
    monitors: monitorsJson(model, lay),
    workspaces: model.workspaces.map((ws, i) => {
      const info = wsJson[i]!;
      return { ...info, root: node(ws.root, ws, info.focused), floating: floatingOf(ws).map((f) => tab(f, true, true)) };
    }),
  };
}

