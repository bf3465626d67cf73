// Pure: Fion's model and layout as i3 shapes them (i3's docs/ipc, GET_TREE, GET_WORKSPACES,
// GET_OUTPUTS). root -> outputs -> content -> workspaces -> split containers (splith /
// splitv) -> one `tabbed` container per Fion tile -> its windows; floats in the
// workspace's floating_nodes, each in its own floating_con as i3 does. Ids are derived from
// the model's own ids, so they are stable across calls and never collide between kinds.
import { floatingOf, focusedClient, shownTab, tiles } from '../model/index.js';
import type { Model, Node, Rect, Tile, WindowId, Workspace } from '../model/index.js';
import { gapRect, monitorTheme, nodeRects, spacing, tiledClientRect, tileGeometry, type Layout, type LayoutTheme } from '../layout/index.js';
import { i3Id } from '../commands/conids.js';

export { i3Id, windowOfConId } from '../commands/conids.js';

/** i3's node as i3-msg and i3ipc read it (the fields they use; the rest left out). */
export interface I3Node {
  readonly id: number;
  readonly type: 'root' | 'output' | 'con' | 'floating_con' | 'workspace' | 'dockarea';
  readonly name: string | null;
  readonly num?: number;
  readonly output?: string | null;
  readonly layout: 'splith' | 'splitv' | 'tabbed' | 'stacked' | 'dockarea' | 'output';
  readonly orientation: 'none' | 'horizontal' | 'vertical';
  readonly percent: number | null;
  readonly rect: Rect;
  readonly window_rect: Rect;
  readonly deco_rect: Rect;
  readonly geometry: Rect;
  readonly window: number | null;
  readonly window_type: string | null;
  readonly window_properties?: {
    readonly class: string; readonly instance: string; readonly title: string; readonly transient_for: number | null;
    readonly window_role?: string;
  };
  readonly urgent: boolean;
  readonly focused: boolean;
  readonly marks: readonly string[];
  readonly fullscreen_mode: 0 | 1 | 2;
  readonly floating: 'auto_off' | 'user_on';
  readonly sticky: boolean;
  readonly scratchpad_state: 'none' | 'changed';
  readonly border: 'normal' | 'none';
  readonly current_border_width: number;
  readonly workspace_layout: 'default';
  readonly last_split_layout: 'splith' | 'splitv';
  readonly swallows: readonly never[];
  readonly focus: readonly number[];
  readonly nodes: readonly I3Node[];
  readonly floating_nodes: readonly I3Node[];
}

export interface I3Workspace {
  readonly id: number;
  readonly num: number;
  readonly name: string;
  readonly visible: boolean;
  readonly focused: boolean;
  readonly urgent: boolean;
  readonly rect: Rect;
  readonly output: string;
}

export interface I3Output {
  readonly name: string;
  readonly active: boolean;
  readonly primary: boolean;
  readonly rect: Rect;
  readonly current_workspace: string | null;
}

const ZERO: Rect = { x: 0, y: 0, width: 0, height: 0 };

function con(fields: Partial<I3Node> & Pick<I3Node, 'id' | 'type'>): I3Node {
  const { id, type, ...rest } = fields;
  // id and type first, as i3 writes them: easier to read in i3-msg's output.
  return {
    id, type, name: null, layout: 'splith', orientation: 'none', percent: null, rect: ZERO, window_rect: ZERO, deco_rect: ZERO,
    geometry: ZERO, window: null, window_type: null, urgent: false, focused: false, marks: [], fullscreen_mode: 0,
    floating: 'auto_off', sticky: false, scratchpad_state: 'none', border: 'none', current_border_width: -1,
    workspace_layout: 'default', last_split_layout: 'splith', swallows: [], focus: [], nodes: [], floating_nodes: [],
    ...rest,
  };
}

/** The output each workspace is on: the monitor showing it, else the focused monitor
 *  (where `workspace goto` would show it). */
function outputIndex(model: Model, ws: Workspace): number {
  const shown = model.monitors.findIndex((m) => m.workspace === ws.id);
  return shown >= 0 ? shown : model.focusedMonitor;
}

function clientsOf(node: Node): WindowId[] {
  return node.kind === 'tile' ? [...node.tabs] : node.children.flatMap(clientsOf);
}

/** i3's `num`: Fion's workspaces are numbered by position, as its bar and `workspace goto N` do. */
export function i3Workspaces(model: Model, lay: Layout, theme: LayoutTheme): I3Workspace[] {
  const focusedWs = model.monitors[model.focusedMonitor]?.workspace;
  return model.workspaces.map((ws, i) => {
    const at = outputIndex(model, ws);
    const all = [...clientsOf(ws.root), ...floatingOf(ws)];
    return {
      id: i3Id.workspace(ws.id), num: i + 1, name: ws.name, visible: model.monitors.some((m) => m.workspace === ws.id),
      focused: ws.id === focusedWs, urgent: all.some((c) => model.clients.get(c)?.urgent === true),
      rect: workspaceArea(model, lay, theme, at), output: model.monitors[at]?.name ?? '',
    };
  });
}

function workspaceArea(model: Model, lay: Layout, theme: LayoutTheme, monitor: number): Rect {
  const shown = lay.monitors.find((m) => m.index === monitor);
  if (shown !== undefined) return shown.area;
  const m = model.monitors[monitor];
  if (m === undefined) return ZERO;
  const bar = monitorTheme(theme, m.name).barHeight;
  return { ...m.rect, y: m.rect.y + bar, height: Math.max(0, m.rect.height - bar) };
}

export function i3Outputs(model: Model): I3Output[] {
  return model.monitors.map((m) => ({
    name: m.name, active: true, primary: false, rect: m.rect,
    current_workspace: model.workspaces.find((w) => w.id === m.workspace)?.name ?? null,
  }));
}

/** The whole tree. */
export function i3Tree(model: Model, lay: Layout, theme: LayoutTheme): I3Node {
  const focus = focusedClient(model);
  const focusedWs = model.monitors[model.focusedMonitor]?.workspace;
  const wsInfo = i3Workspaces(model, lay, theme);

  // i3's window con: `rect` is the window's place in its tile (inside the gaps, the border and
  // below the tab bar), `window_rect` the window within it (size hints may leave a margin).
  const windowCon = (id: WindowId, area: Rect, percent: number, floating: boolean, deco: Rect, border: number): I3Node => {
    const c = model.clients.get(id);
    const placed = lay.clients.get(id) ?? (floating ? area : tiledClientRect(area, c));
    const rect = c?.fullscreen === true || floating ? placed : area;
    return con({
      id: i3Id.window(id), type: 'con', name: c?.title ?? '', window: id, window_type: c?.windowType ?? 'normal', percent,
      rect, window_rect: { x: placed.x - rect.x, y: placed.y - rect.y, width: placed.width, height: placed.height }, deco_rect: deco,
      geometry: c?.requested ?? placed,
      window_properties: { class: c?.class ?? '', instance: c?.instance ?? '', title: c?.title ?? '', transient_for: c?.transientFor ?? null,
        ...(c?.role === undefined || c.role === '' ? {} : { window_role: c.role }) },
      marks: [...(c?.marks ?? [])],
      urgent: c?.urgent === true, focused: id === focus, fullscreen_mode: c?.fullscreen === true ? 1 : 0,
      floating: floating ? 'user_on' : 'auto_off', border: 'normal', current_border_width: floating ? -1 : border, layout: 'splith',
      sticky: floating && c?.sticky === true, scratchpad_state: floating && c?.scratchpad !== undefined ? 'changed' : 'none',
    });
  };

  /** A tile as the screen shows it: its rect less the gaps, border included; its tabs' deco
   *  rects relative to it, in its tab bar. */
  const tileCon = (t: Tile, cell: Rect, percent: number | null, wsFocused: boolean, ws: Workspace, area: Rect, tileCount: number, theme: LayoutTheme): I3Node => {
    const shown = shownTab(t);
    const hideBar = theme.hideSingleTab === true && t.tabs.length === 1 && shown !== null;
    const g = tileGeometry(cell, area, theme, tileCount, hideBar);
    const tabW = t.tabs.length === 0 ? 0 : Math.floor(g.tabBar.width / t.tabs.length);
    const nodes = t.tabs.map((id, i) => windowCon(id, g.client, 1 / t.tabs.length, false,
      { x: g.tabBar.x - g.rect.x + i * tabW, y: g.tabBar.y - g.rect.y, width: tabW, height: g.tabBar.height }, g.border));
    const order = shown === null ? t.recent : [shown, ...t.recent.filter((x) => x !== shown)];
    return con({
      id: i3Id.node(t.id), type: 'con', layout: 'tabbed', orientation: 'horizontal', percent, rect: g.rect, nodes,
      focus: order.map(i3Id.window), current_border_width: g.border,
      // No window has the focus (an empty tile, or every tab minimised): the focused tile is
      // where it is, so that one node is focused, as i3 always has one.
      focused: wsFocused && focus === null && ws.focus === t.id,
    });
  };

  const nodeCon = (n: Node, rects: ReadonlyMap<number, Rect>, percent: number | null, wsFocused: boolean, ws: Workspace, area: Rect, tileCount: number, theme: LayoutTheme): I3Node => {
    const cell = rects.get(n.id) ?? ZERO;
    if (n.kind === 'tile') return tileCon(n, cell, percent, wsFocused, ws, area, tileCount, theme);
    const nodes = n.children.map((c, i) => nodeCon(c, rects, n.ratios[i] ?? null, wsFocused, ws, area, tileCount, theme));
    // A split covers its children and the gaps between them, not those around it.
    const inner = theme.gaps?.inner ?? 0;
    const rect = spacing(theme, tileCount).gapsOn ? gapRect(cell, area, Math.max(0, Math.floor(inner)), Math.max(0, Math.floor(theme.gaps?.outer ?? 0))) : cell;
    const inFocus = n.children.findIndex((c) => c.kind === 'tile' ? c.id === ws.focus : clientsOrTiles(c).includes(ws.focus));
    const order = inFocus < 0 ? nodes : [nodes[inFocus]!, ...nodes.filter((_, i) => i !== inFocus)];
    return con({
      id: i3Id.node(n.id), type: 'con', layout: n.axis === 'row' ? 'splith' : 'splitv',
      orientation: n.axis === 'row' ? 'horizontal' : 'vertical', last_split_layout: n.axis === 'row' ? 'splith' : 'splitv',
      percent, rect, nodes, focus: order.map((x) => x.id),
    });
  };

  const workspaceCon = (ws: Workspace, i: number): I3Node => {
    const info = wsInfo[i]!;
    // The layout's own division, also for a hidden workspace (laid out where it would show).
    const rects: ReadonlyMap<number, Rect> = nodeRects(ws.root, info.rect);
    const wsFocused = ws.id === focusedWs;
    // The sizes of the monitor it is on (monitors.scale).
    const root = nodeCon(ws.root, rects, 1, wsFocused, ws, info.rect, tiles(ws.root).length, monitorTheme(theme, info.output));
    // i3 hangs a split directly under the workspace; a lone tile is the workspace's one child.
    const nodes = ws.root.kind === 'split' ? root.nodes : [root];
    const floats = floatingOf(ws).map((id) => {
      const placed = lay.clients.get(id) ?? model.clients.get(id)?.floatRect ?? ZERO;
      return con({
        id: i3Id.floatCon(id), type: 'floating_con', floating: 'user_on', rect: placed,
        nodes: [windowCon(id, placed, 1, true, ZERO, 0)], focus: [i3Id.window(id)],
      });
    });
    const tiledFocus = ws.root.kind === 'split' ? root.focus : [root.id];
    const floatFocus = [...floats].reverse().map((f) => f.id);
    const focusFloat = ws.focusFloating == null ? [] : [i3Id.floatCon(ws.focusFloating)];
    return con({
      id: info.id, type: 'workspace', name: info.name, num: info.num, output: info.output, rect: info.rect,
      layout: ws.root.kind === 'split' ? root.layout : 'splith', orientation: ws.root.kind === 'split' ? root.orientation : 'horizontal',
      urgent: info.urgent, nodes, floating_nodes: floats,
      focus: [...new Set([...focusFloat, ...tiledFocus, ...floatFocus])],
    });
  };

  const outputs = model.monitors.map((m, index) => {
    const wss = model.workspaces.map((ws, i) => ({ ws, i })).filter(({ ws }) => outputIndex(model, ws) === index);
    const shownFirst = [...wss].sort((a, b) => Number(b.ws.id === m.workspace) - Number(a.ws.id === m.workspace));
    const content = con({
      id: i3Id.content(index), type: 'con', name: 'content', rect: m.rect, layout: 'splith',
      nodes: wss.map(({ ws, i }) => workspaceCon(ws, i)), focus: shownFirst.map(({ ws }) => i3Id.workspace(ws.id)),
    });
    const dock = (name: string, k: number): I3Node => con({ id: i3Id.dock(index * 2 + k), type: 'dockarea', name, layout: 'dockarea' });
    return con({
      id: i3Id.output(index), type: 'output', name: m.name, layout: 'output', rect: m.rect,
      nodes: [dock('topdock', 0), content, dock('bottomdock', 1)], focus: [content.id],
    });
  });
  const outputOrder = [model.focusedMonitor, ...model.monitors.map((_, i) => i).filter((i) => i !== model.focusedMonitor)];
  const width = Math.max(0, ...model.monitors.map((m) => m.rect.x + m.rect.width));
  const height = Math.max(0, ...model.monitors.map((m) => m.rect.y + m.rect.height));
  return con({
    id: i3Id.root, type: 'root', name: 'root', layout: 'splith', rect: { x: 0, y: 0, width, height },
    nodes: outputs, focus: outputOrder.filter((i) => i < outputs.length).map(i3Id.output),
  });
}

function clientsOrTiles(n: Node): number[] {
  return n.kind === 'tile' ? [n.id] : n.children.flatMap(clientsOrTiles);
}

/** Every node of a tree, depth first (for tests and the event diff). */
export function i3Nodes(root: I3Node): I3Node[] {
  const out: I3Node[] = [];
  const walk = (n: I3Node): void => { out.push(n); for (const c of n.nodes) walk(c); for (const c of n.floating_nodes) walk(c); };
  walk(root);
  return out;
}
