// ICCCM 4.1.7's four input models: Fion sets the input focus on windows that
// take input, and sends WM_TAKE_FOCUS to those that ask for it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, type Session } from '../harness/session.js';
import { TinyClient } from '../harness/tinyclient.js';
import { waitFor, sleep } from '../harness/wait.js';

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

/** A client with the given WM_HINTS input field and WM_PROTOCOLS. */
async function model(title: string, input: boolean, takeFocus: boolean): Promise<TinyClient> {
  const c = await TinyClient.open(s.display, { title, map: false });
  open.push(c);
  const a = c.atoms;
  c.x.changeProperty(c.window, a.WM_HINTS, a.WM_HINTS, 32, [1 /* InputHint */, input ? 1 : 0, 0, 0, 0, 0, 0, 0, 0]);
  c.x.changeProperty(c.window, a.WM_PROTOCOLS, a.ATOM, 32, takeFocus ? [a.WM_DELETE_WINDOW, a.WM_TAKE_FOCUS] : [a.WM_DELETE_WINDOW]);
  await c.map();
  await s.obs.sync();
  return c;
}
const takeFocusMessages = (c: TinyClient): number =>
  c.events.filter((e) => e.kind === 'ClientMessage' && e.type === c.atoms.WM_PROTOCOLS && e.data[0] === c.atoms.WM_TAKE_FOCUS).length;

test('passive (input, no WM_TAKE_FOCUS): Fion sets the focus, sends nothing', async () => {
  const c = await model('passive', true, false);
  assert.equal(await s.obs.focus(), c.window);
  await c.x.sync();
  assert.equal(takeFocusMessages(c), 0);
});

test('locally active (input and WM_TAKE_FOCUS): Fion sets the focus and sends WM_TAKE_FOCUS', async () => {
  const c = await model('locally active', true, true);
  assert.equal(await s.obs.focus(), c.window);
  await waitFor('WM_TAKE_FOCUS', async () => { await c.x.sync(); return takeFocusMessages(c) >= 1; });
});

test('globally active (no input, WM_TAKE_FOCUS): only WM_TAKE_FOCUS; the client decides', async () => {
  const c = await model('globally active', false, true);
  await waitFor('WM_TAKE_FOCUS', async () => { await c.x.sync(); return takeFocusMessages(c) >= 1; });
  assert.notEqual(await s.obs.focus(), c.window, 'Fion did not set the focus itself (this client never takes it)');
});

test('no input (no input, no WM_TAKE_FOCUS): shown, but never given the focus', async () => {
  const c = await model('no input', false, false);
  assert.equal(await s.obs.mapState(c.window), 'viewable');
  await sleep(50);
  await c.x.sync();
  assert.notEqual(await s.obs.focus(), c.window);
  assert.equal(takeFocusMessages(c), 0);
});

test('the focused client changes its input model: Fion gives it the focus it may now take', async () => {
  const c = await model('no input at first', false, false);
  assert.notEqual(await s.obs.focus(), c.window);
  const a = c.atoms;
  // It takes input now (WM_HINTS input = True) while it is still the active client.
  c.x.changeProperty(c.window, a.WM_HINTS, a.WM_HINTS, 32, [1, 1, 0, 0, 0, 0, 0, 0, 0]);
  await c.x.sync();
  await s.obs.sync();
  assert.equal(await s.obs.focus(), c.window, 'the focus follows the new hint');
  // And one that starts asking for WM_TAKE_FOCUS hears it.
  const d = await model('takes focus later', false, false);
  const before = takeFocusMessages(d);
  d.x.changeProperty(d.window, a.WM_PROTOCOLS, a.ATOM, 32, [a.WM_DELETE_WINDOW, a.WM_TAKE_FOCUS]);
  await d.x.sync();
  await s.obs.sync();
  await waitFor('WM_TAKE_FOCUS', async () => { await d.x.sync(); return takeFocusMessages(d) > before; });
});
