// Workspaces: create, switch, go to, destroy with clients moved; the bar
// says where you are.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, pressKeys, type Session } from '../harness/session.js';
import { TinyClient } from '../harness/tinyclient.js';

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

async function client(title: string): Promise<TinyClient> {
  const c = await TinyClient.open(s.display, { title });
  open.push(c);
  await s.obs.sync();
  return c;
}
const press = (...keys: string[]): Promise<void> => pressKeys(s, ...keys);
const bar = (): Promise<string> => s.obs.barText();
const viewable = (c: TinyClient): Promise<boolean> => s.obs.isViewable(c.window);

test('create switches to a new empty workspace; the old one\'s windows are hidden, not lost', async () => {
  const a = await client('on one');
  assert.match(await bar(), /^\[1\] \| tile 1\/1 \| tab 1\/1/);
  await press('super+shift+a');
  assert.match(await bar(), /^1 \[2\] \| tile 1\/1 \| tab 0\/0/);
  assert.equal(await viewable(a), false);
  assert.deepEqual(await s.obs.cardinals(a.window, 'WM_STATE'), [3, 0], 'hidden windows are Iconic (ICCCM)');
  assert.ok((await s.obs.clientList()).includes(a.window));
  const b = await client('on two');
  assert.equal(await viewable(b), true);
  assert.equal(await s.obs.focus(), b.window);
});

test('next and prev wrap around; goto by number; focus follows the shown workspace', async () => {
  const [a, b] = open as [TinyClient, TinyClient];
  await press('super+shift+w');
  assert.match(await bar(), /^\[1\] 2 \|/);
  assert.deepEqual([await viewable(a), await viewable(b)], [true, false]);
  assert.equal(await s.obs.focus(), a.window);
  await press('super+shift+b');
  assert.match(await bar(), /^1 \[2\] \|/, 'prev from 1 wraps to 2');
  await press('super+shift+w');
  assert.match(await bar(), /^\[1\] 2 \|/, 'next from 2 wraps to 1');
  await press('super+2');
  assert.match(await bar(), /^1 \[2\] \|/);
  assert.deepEqual([await viewable(a), await viewable(b)], [false, true]);
  assert.equal(await s.obs.focus(), b.window);
  await press('super+7');
  assert.match(await bar(), /^1 \[2\] \|.*no workspace 7/, 'a missing workspace is a message, not a change');
});

test('destroying a workspace moves its clients to the neighbour; the last one can\'t be destroyed', async () => {
  const [a, b] = open as [TinyClient, TinyClient];
  await press('super+shift+x');
  assert.match(await bar(), /^\[1\] \| tile 1\/1 \| tab \d\/2/);
  const list = await s.obs.clientList();
  assert.ok(list.includes(a.window) && list.includes(b.window), 'both clients still managed');
  assert.equal([await viewable(a), await viewable(b)].filter(Boolean).length, 1, 'one tab shown in the one tile');
  await press('super+shift+x');
  assert.match(await bar(), /^\[1\] \|.*(can't|cannot)/);
});

test('workspace mode r: a prompt in the bar renames the workspace; Escape cancels', async () => {
  await press('super+w', 'r');
  assert.match(await bar(), /workspace rename: _/);
  await press('w', 'e', 'b', 'space', 'shift+a', 'BackSpace', 'Return');
  assert.match(await bar(), /^\[1:web\] \|/);
  assert.match(await s.obs.text(s.obs.root(), '_NET_DESKTOP_NAMES') ?? '', /^web/);
  await press('super+w', 'r', 'x', 'Escape');
  assert.match(await bar(), /^\[1:web\] \|/, 'Escape keeps the old name');
  assert.doesNotMatch(await bar(), /rename/);
});
