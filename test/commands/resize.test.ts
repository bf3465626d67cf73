// tile grow|shrink width|height N px|ppt (i3's resize grow|shrink): pixels become a share of
// the split that owns the moved border.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, focusedWorkspace, splitTile, type Model } from '../../src/model/index.js';
import { layout } from '../../src/layout/index.js';
import { executeCommand, parseCommand, type CommandContext } from '../../src/commands/index.js';
import { translateI3 } from '../../src/ipc/i3commands.js';
import { client, monitor } from '../model/support.js';

const ctx: CommandContext = { theme: { barHeight: 20, tabBarHeight: 18 }, resizeStep: 0.1 };
const run = (m: Model, text: string): Model => {
  const r = parseCommand(text);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return executeCommand(m, r.command, ctx).model;
};
const widths = (m: Model): number[] => layout(m, ctx.theme).tiles.filter((t) => t.workspace === focusedWorkspace(m).id).map((t) => t.rect.width);

// Three tiles side by side on a 1200 px wide monitor, the middle one focused.
let m0 = addClient(createModel([monitor('A', { width: 1200, height: 800 })]), client(1));
m0 = splitTile(m0, 'vertical');
m0 = addClient(m0, client(2));
m0 = splitTile(m0, 'vertical');
m0 = addClient(m0, client(3));
m0 = run(m0, 'tile prev');

test('grow width N px: the focused tile is N px wider, its right neighbour N px narrower', () => {
  const before = widths(m0);
  const after = widths(run(m0, 'tile grow width 100 px'));
  assert.ok(Math.abs(after[0]! - before[0]!) <= 1, `${before} -> ${after}`);
  assert.ok(Math.abs(after[1]! - before[1]! - 100) <= 2, `${before} -> ${after}`);
  assert.ok(Math.abs(before[2]! - after[2]! - 100) <= 2, `${before} -> ${after}`);
  const shrunk = widths(run(m0, 'tile shrink width 50 px'));
  assert.ok(Math.abs(before[1]! - shrunk[1]! - 50) <= 2, `${before} -> ${shrunk}`);
  assert.ok(Math.abs(shrunk[0]! - before[0]!) <= 1, 'the right border moved, not the left');
});

test('the last tile has no right border: its left border moves', () => {
  const last = run(m0, 'tile next');
  const before = widths(last);
  const after = widths(run(last, 'tile grow width 60 px'));
  assert.ok(Math.abs(after[2]! - before[2]! - 60) <= 2, `${before} -> ${after}`);
  assert.ok(Math.abs(after[0]! - before[0]!) <= 1);
});

test("i3's resize becomes tile grow|shrink; ppt is preferred when both are given, as i3 does for tiles", () => {
  const t = (c: string): string => { const r = translateI3({ modes: [] }, c); return r.ok ? r.fion : `error: ${r.error}`; };
  assert.equal(t('resize grow width 10 px'), 'tile grow width 10 px');
  assert.equal(t('resize shrink height 10 px or 5 ppt'), 'tile shrink height 5 ppt');
  assert.equal(t('resize grow right 20'), 'tile grow width 20 px');
  assert.match(t('resize set 100 100'), /^error: resize set/);
  assert.match(t('resize grow sideways 10 px'), /width or height/);
});

test('px in a nested split: a share of that split, not of the workspace', () => {
  // A | (B | C over D): the row holding B and C is half the workspace wide.
  let m = addClient(createModel([monitor('A', { width: 1200, height: 800 })]), client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  m = splitTile(m, 'horizontal');
  m = addClient(m, client(4));
  m = run(m, 'focus window 2');
  m = splitTile(m, 'vertical');
  m = addClient(m, client(3));
  m = run(m, 'focus window 2');
  const rectOf = (mm: Model, id: number): number => {
    const lay = layout(mm, ctx.theme);
    return lay.clients.get(id as never)?.width ?? NaN;
  };
  const before = rectOf(m, 2);
  const after = rectOf(run(m, 'tile grow width 100 px'), 2);
  assert.ok(Math.abs(after - before - 100) <= 2, `${before} -> ${after}`);
});
