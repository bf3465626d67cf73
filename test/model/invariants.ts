// Everything that must hold of any Model reachable through the operations.
import assert from 'node:assert/strict';
import * as M from '../../src/model/index.js';
import { HISTORY_LIMIT, parentOf, tiles, workspaceFocus } from '../../src/model/index.js';
import type { Model, Node, TileId, WindowId } from '../../src/model/index.js';

function checkNode(node: Node, ids: Set<TileId>, parentAxis: string | null): void {
  assert.ok(!ids.has(node.id), `node id ${node.id} used twice`);
  ids.add(node.id);
  if (node.kind === 'tile') {
    assert.equal(new Set(node.tabs).size, node.tabs.length, 'duplicate tab');
    assert.equal(new Set(node.recent).size, node.recent.length, 'duplicate in recent');
    assert.ok(node.recent.every((t) => node.tabs.includes(t)), 'recent holds a window that is no tab');
    return;
  }
  assert.ok(node.children.length >= 2, `split ${node.id} has ${node.children.length} children`);
  assert.equal(node.ratios.length, node.children.length, 'one ratio per child');
  for (const r of node.ratios) assert.ok(r > 0, `ratio ${r} <= 0`);
  const sum = node.ratios.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) < 1e-9, `ratios sum to ${sum}`);
  assert.notEqual(node.axis, parentAxis, 'split nested in a split of the same axis');
  for (const c of node.children) checkNode(c, ids, node.axis);
}

/** Throw if `model` breaks an invariant; `expected` is added-minus-removed clients. */
export function checkModel(model: Model, expected?: ReadonlySet<WindowId>): void {
  assert.ok(model.workspaces.length >= 1, 'no workspace');
  const nodeIds = new Set<TileId>();
  const seen = new Set<WindowId>();
  const wsIds = new Set<number>();
  const names = new Set<string>();
  for (const ws of model.workspaces) {
    assert.ok(!wsIds.has(ws.id), 'workspace id used twice');
    wsIds.add(ws.id);
    assert.ok(ws.name !== '', 'empty workspace name');
    assert.ok(!names.has(ws.name), `workspace name ${ws.name} used twice`);
    names.add(ws.name);
    assert.ok(ws.id < model.nextId, 'workspace id not below nextId');
    checkNode(ws.root, nodeIds, null);
    const ts = tiles(ws.root);
    assert.ok(ts.length >= 1, 'workspace without tiles');
    assert.ok(ts.some((t) => t.id === ws.focus), `workspace ${ws.name} focus ${ws.focus} is not one of its tiles`);
    for (const t of ts) {
      for (const c of t.tabs) {
        assert.ok(!seen.has(c), `client ${c} appears twice`);
        seen.add(c);
        // Minimised tabs, and only they, are left out of recent: never the shown tab.
        assert.equal(model.clients.get(c)?.minimised === true, !t.recent.includes(c), `tab ${c}: minimised flag and recent disagree`);
      }
    }
    // Floats: managed, each in exactly one place (a tile or one floating list).
    const floats = ws.floating ?? [];
    for (const c of floats) {
      assert.ok(!seen.has(c), `floating client ${c} appears twice (or is also tiled)`);
      assert.ok(model.clients.has(c), `floating client ${c} is not managed`);
      seen.add(c);
    }
    const focus = M.workspaceFocus(ws);
    assert.ok(focus === null || model.clients.get(focus)?.minimised !== true, `workspace ${ws.name} focuses minimised ${focus}`);
    if (ws.focusFloating != null) {
      assert.ok(floats.includes(ws.focusFloating), `workspace ${ws.name} focusFloating ${ws.focusFloating} is not one of its floats`);
      assert.ok(model.clients.get(ws.focusFloating)?.minimised !== true, `workspace ${ws.name} focuses minimised ${ws.focusFloating}`);
    }
    checkFocusHistory(model, ws.name, new Set([...ts.flatMap((t) => t.tabs), ...floats]), ws.history ?? [], workspaceFocus(ws));
  }
  for (const id of nodeIds) assert.ok(id < model.nextId, 'tile id not below nextId');
  assert.deepEqual(new Set(model.clients.keys()), seen, 'model.clients differs from the tree');
  if (expected) assert.deepEqual(seen, new Set(expected), 'clients lost or invented');
  for (const [id, c] of model.clients) {
    assert.equal(c.id, id);
    if (c.floatRect) {
      const r = c.floatRect;
      assert.ok([r.x, r.y, r.width, r.height].every(Number.isInteger), `floatRect of ${id} not whole pixels: ${JSON.stringify(r)}`);
      assert.ok(r.width >= 1 && r.height >= 1, `floatRect of ${id} empty`);
    }
  }
  for (const m of model.monitors) {
    if (!m.reserved) continue;
    const { top, bottom, left, right } = m.reserved;
    assert.ok([top, bottom, left, right].every((v) => Number.isInteger(v) && v >= 0), `bad reserved ${JSON.stringify(m.reserved)}`);
  }

  if (model.monitors.length === 0) assert.equal(model.focusedMonitor, 0);
  else assert.ok(model.focusedMonitor >= 0 && model.focusedMonitor < model.monitors.length, 'focusedMonitor out of range');
  const shown = model.monitors.map((m) => m.workspace);
  assert.equal(new Set(shown).size, shown.length, 'a workspace shown on two monitors');
  for (const s of shown) assert.ok(wsIds.has(s), `monitor shows missing workspace ${s}`);
}

/**
 * A workspace's focus history names only its own clients, once each, at most
 * HISTORY_LIMIT of them, its focus first; and its focus is no client with a modal
 * transient on the same workspace (unless a transient-for cycle leads back to it).
 */
function checkFocusHistory(model: Model, name: string, members: ReadonlySet<WindowId>, history: readonly WindowId[], focus: WindowId | null): void {
  for (const h of history) assert.ok(members.has(h), `workspace ${name} history names ${h}, not one of its clients`);
  assert.equal(new Set(history).size, history.length, `workspace ${name} history names a client twice`);
  assert.ok(history.length <= HISTORY_LIMIT, `workspace ${name} history is ${history.length} long`);
  if (focus === null) return;
  assert.equal(history[0], focus, `workspace ${name} focus ${focus} is not first in its history ${history.join(',')}`);
  const ancestors = new Set<WindowId>();
  for (let p = parentOf(model, focus); p !== null && !ancestors.has(p); p = parentOf(model, p)) ancestors.add(p);
  for (const m of members) {
    if (model.clients.get(m)?.modal !== true || parentOf(model, m) !== focus || ancestors.has(m)) continue;
    assert.fail(`workspace ${name} focus ${focus} has a modal transient ${m} on the same workspace`);
  }
}
