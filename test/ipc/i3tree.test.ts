// The i3 view of the model: GET_TREE, GET_WORKSPACES and GET_OUTPUTS as pure functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, createWorkspace, setFullscreen, splitTile, switchWorkspace, toggleFloating, updateClient } from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { layout } from '../../src/layout/index.js';
import { i3Id, i3Nodes, i3Outputs, i3Tree, i3Workspaces, type I3Node } from '../../src/ipc/i3tree.js';
import { client, monitor, w } from '../model/support.js';
import fc from 'fast-check';
import { THEME, applyOp, monitorsArb, opsArb, startState } from '../model/ops.js';

const tree = (m: Model): I3Node => i3Tree(m, layout(m, THEME), THEME);
const byWindow = (t: I3Node, id: number): I3Node => i3Nodes(t).find((n) => n.window === id)!;

function sample(): Model {
  let m = addClient(createModel([monitor('A')]), client(1, 'one'));
  m = addClient(m, { ...client(5, 'five'), class: 'XTerm', instance: 'xterm' });
  m = splitTile(m, 'horizontal');
  m = addClient(m, client(2, 'two'));
  m = addClient(m, client(3, 'three'));
  m = toggleFloating(m);
  m = updateClient(m, w(1), { urgent: true });
  m = createWorkspace(m, 'web');
  m = addClient(m, client(4));
  return switchWorkspace(m, 'prev');
}

test('root, output, content, workspaces, a splitv of tabbed tiles, a float in its floating_con', () => {
  const t = tree(sample());
  assert.equal(t.type, 'root');
  const [out] = t.nodes;
  assert.deepEqual([out!.type, out!.name, out!.nodes.map((n) => n.name)], ['output', 'A', ['topdock', 'content', 'bottomdock']]);
  const content = out!.nodes[1]!;
  const [one, web] = content.nodes;
  assert.deepEqual([one!.type, one!.name, one!.num, one!.output, web!.name, web!.num], ['workspace', '1', 1, 'A', 'web', 2]);
  assert.equal(content.focus[0], one!.id, 'the shown workspace leads its output\'s focus');
  assert.deepEqual([one!.layout, one!.nodes.map((n) => n.layout)], ['splitv', ['tabbed', 'tabbed']]);
  const top = one!.nodes[0]!;
  assert.deepEqual(top.nodes.map((n) => [n.window, n.name, n.window_properties?.class]), [[1, 'one', 'Class'], [5, 'five', 'XTerm']]);
  assert.equal(top.focus[0], i3Id.window(5), 'the shown tab leads the tile\'s focus');
  assert.deepEqual(one!.floating_nodes.map((f) => [f.type, f.nodes[0]!.window, f.nodes[0]!.floating]), [['floating_con', 3, 'user_on']]);
  assert.equal(byWindow(t, 3).focused, true, 'the float just made has the focus');
  assert.equal(i3Nodes(t).filter((n) => n.focused).length, 1, 'exactly one node is focused');
  assert.equal(byWindow(t, 1).urgent, true);
  assert.equal(one!.urgent, true);
  assert.equal(web!.nodes[0]!.nodes[0]!.window, 4, 'a hidden workspace still holds its windows');
});

test('ids are unique across kinds and stable across calls and unrelated changes', () => {
  const m = sample();
  const ids = i3Nodes(tree(m)).map((n) => n.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(i3Nodes(tree(m)).map((n) => n.id), ids);
  const later = addClient(m, client(9));
  const again = new Set(i3Nodes(tree(later)).map((n) => n.id));
  for (const id of ids) assert.ok(again.has(id), `id ${id} kept`);
});

test('fullscreen_mode, transient_for and rects of shown windows', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, { ...client(2), transientFor: w(1) });
  m = setFullscreen(m, w(1), 'add');
  const t = tree(m);
  assert.equal(byWindow(t, 1).fullscreen_mode, 1);
  assert.equal(byWindow(t, 2).window_properties?.transient_for, 1);
  assert.deepEqual(byWindow(t, 1).rect, { x: 0, y: 0, width: 1000, height: 800 }, 'a fullscreen window covers the monitor');
});

test('GET_WORKSPACES and GET_OUTPUTS', () => {
  let m = createModel([monitor('A'), monitor('B', { x: 1000 })]);
  m = createWorkspace(m, 'mail');
  const ws = i3Workspaces(m, layout(m, THEME), THEME);
  assert.deepEqual(ws.map((x) => [x.num, x.name, x.visible, x.focused, x.output]), [[1, '1', false, false, 'A'], [2, 'mail', true, true, 'A'], [3, '2', true, false, 'B']]);
  assert.deepEqual(ws[2]!.rect, { x: 1000, y: THEME.barHeight, width: 1000, height: 800 - THEME.barHeight });
  assert.deepEqual(i3Outputs(m).map((o) => [o.name, o.active, o.current_workspace, o.rect.x]), [['A', true, 'mail', 0], ['B', true, '2', 1000]]);
});

test('with gaps and borders, rects are what the screen shows: tiles inside the gaps, windows inside border and tab bar', () => {
  const theme = { ...THEME, gaps: { inner: 10, outer: 6, smart: false }, borders: { width: 3, smart: false } };
  let m = addClient(createModel([monitor('A')]), client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  m = addClient(m, client(3));
  const lay = layout(m, theme);
  const t = i3Tree(m, lay, theme);
  const ws = t.nodes[0]!.nodes[1]!.nodes[0]!;
  const [left, right] = ws.nodes;
  const [tl, tr] = lay.tiles;
  assert.deepEqual([left!.rect, right!.rect], [tl!.rect, tr!.rect], "the tiles' rects less the gaps, as the layout draws them");
  assert.equal(left!.rect.x, 6, 'the outer gap at the left edge');
  assert.equal(right!.rect.x - (left!.rect.x + left!.rect.width), 10, 'the inner gap between the tiles');
  assert.equal(left!.current_border_width, 3);
  const one = byWindow(t, 1);
  assert.deepEqual(one.rect, lay.clients.get(w(1)), 'the shown window where it is on screen');
  assert.deepEqual(one.rect, { x: 6 + 3, y: THEME.barHeight + 6 + 3 + THEME.tabBarHeight, width: tl!.rect.width - 6, height: tl!.rect.height - 6 - THEME.tabBarHeight });
  assert.deepEqual(one.window_rect, { x: 0, y: 0, width: one.rect.width, height: one.rect.height });
  // The hidden tab of the right tile has the same place as its shown one.
  assert.deepEqual(byWindow(t, 2).rect, byWindow(t, 3).rect);
  assert.deepEqual(byWindow(t, 3).rect, lay.clients.get(w(3)));
  assert.deepEqual(byWindow(t, 2).deco_rect, { x: 3, y: 3, width: Math.floor((tr!.rect.width - 6) / 2), height: THEME.tabBarHeight }, 'the tab inside the border');
  // The workspace's split covers both tiles and the gap between them, not the outer gaps.
  assert.equal(ws.layout, 'splith');
  const split = i3Tree(splitTile(m, 'horizontal'), layout(splitTile(m, 'horizontal'), theme), theme).nodes[0]!.nodes[1]!.nodes[0]!;
  const inner = split.nodes.find((n) => n.nodes.length > 0 && n.layout !== 'tabbed');
  assert.ok(inner !== undefined, 'a nested split');
  assert.deepEqual({ x: inner.rect.x, y: inner.rect.y }, { x: inner.nodes[0]!.rect.x, y: inner.nodes[0]!.rect.y });
  const last = inner.nodes[inner.nodes.length - 1]!.rect;
  assert.deepEqual([inner.rect.x + inner.rect.width, inner.rect.y + inner.rect.height], [last.x + last.width, last.y + last.height]);
});

test('property: after any operations exactly one node of the tree is focused, as in i3', () => {
  fc.assert(fc.property(monitorsArb, opsArb, (monitors, ops) => {
    let state = startState(monitors);
    for (const op of ops) state = applyOp(state, op);
    const focused = i3Nodes(tree(state.model)).filter((n) => n.focused);
    assert.equal(focused.length, 1, `focused: ${focused.map((n) => `${n.type} ${n.id}`).join(', ') || 'none'}`);
  }), { numRuns: 300 });
});
