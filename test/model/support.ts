// Small builders and printers shared by the model, layout and command tests.
import { findTile, focusedWorkspace, windowId } from '../../src/model/index.js';
import type { Client, Model, Node, Rect, WindowId, Workspace } from '../../src/model/index.js';
import type { MonitorInfo } from '../../src/model/index.js';

export const w = windowId;

export function client(n: number, title = `win ${n}`): Client {
  return { id: windowId(n), title, instance: 'inst', class: 'Class', urgent: false };
}

export function monitor(name: string, rect: Partial<Rect> = {}, screen = 0): MonitorInfo {
  return { name, screen, rect: { x: 0, y: 0, width: 1000, height: 800, ...rect } };
}

/**
 * Compact tree picture: a tile is `#id`, with its tabs in brackets and the shown one
 * starred (`#2[1*,3]`); a split is `row(...)` / `column(...)`.
 */
export function shape(node: Node): string {
  if (node.kind === 'tile') {
    if (node.tabs.length === 0) return `#${node.id}`;
    return `#${node.id}[${node.tabs.map((t) => (t === node.recent[0] ? `${t}*` : `${t}`)).join(',')}]`;
  }
  return `${node.axis}(${node.children.map(shape).join(' ')})`;
}

export function current(model: Model): Workspace {
  return focusedWorkspace(model);
}

export function wsShape(model: Model, index?: number): string {
  const ws = index === undefined ? current(model) : model.workspaces[index]!;
  return shape(ws.root);
}

/** Names of the workspaces shown on each monitor. */
export function shownNames(model: Model): string[] {
  return model.monitors.map((m) => model.workspaces.find((x) => x.id === m.workspace)?.name ?? '?');
}

export function tabsOf(model: Model, tileId: number): readonly WindowId[] {
  for (const ws of model.workspaces) {
    const t = findTile(ws.root, tileId as Workspace['focus']);
    if (t) return t.tabs;
  }
  throw new Error(`no tile ${tileId}`);
}

export function approxEqual(actual: readonly number[], expected: readonly number[], eps = 1e-9): boolean {
  return actual.length === expected.length && actual.every((a, i) => Math.abs(a - expected[i]!) < eps);
}
