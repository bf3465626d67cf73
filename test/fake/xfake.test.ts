// FakeX's windows, events, errors and properties, each as Xvfb does them (see traces.ts for
// the recorded sessions these follow), and the test API a window manager's tests lean on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { XEvent } from '../../src/x/events.js';
import type { Property } from '../../src/x/port.js';
import {
  decodeAtoms, decodeClass, decodeNormalHints, decodeStrut, decodeText, decodeWindow, decodeWmHints,
} from '../../src/x/props.js';
import { ErrorCode, EventMask, Opcode, StackMode, WmState } from '../../src/x/protocol.js';
import { XFailure, type Atom, type WindowId } from '../../src/x/types.js';
import { FakeX } from './xfake.js';

const ROOT_EVENTS = EventMask.SubstructureRedirect | EventMask.SubstructureNotify | EventMask.StructureNotify |
  EventMask.PropertyChange | EventMask.FocusChange;

/** A fake with a window manager's selection on the root, recording what it hears. */
async function managed(): Promise<{ x: FakeX; root: WindowId; events: XEvent[]; errors: XFailure[] }> {
  const x = new FakeX();
  const events: XEvent[] = [];
  const errors: XFailure[] = [];
  x.onEvent((ev) => events.push(ev));
  x.onError((f) => errors.push(f));
  const root = x.screens[0]!.root;
  assert.equal(await x.selectInputChecked(root, ROOT_EVENTS), null);
  return { x, root, events, errors };
}

const kinds = (events: readonly XEvent[]): string[] => events.map((e) => (e.kind === 'other' ? e.name : e.kind));

test('a client maps under SubstructureRedirect: a MapRequest, and nothing maps until the manager maps it', async () => {
  const { x, root, events } = await managed();
  const w = x.createClientWindow({ title: 'one' });
  x.clientMap(w);
  await x.settle();
  assert.deepEqual(kinds(events), ['CreateNotify', 'MapRequest']);
  assert.deepEqual(events[1], { kind: 'MapRequest', window: w, parent: root, synthetic: false });
  assert.equal(x.isViewable(w), false);
  x.clearRequests();
  x.map(w);
  await x.settle();
  assert.equal(x.isViewable(w), true);
  assert.deepEqual(events.at(-1), { kind: 'MapNotify', window: w, event: root, overrideRedirect: false });
  assert.deepEqual(x.requests, [{ request: 'MapWindow', method: 'map', args: [w] }]);
});

test('with no manager redirecting, a client maps itself; so does an override-redirect window', async () => {
  const x = new FakeX();
  const w = x.createClientWindow({ map: true });
  assert.equal(x.isViewable(w), true);
  assert.deepEqual(x.inbox(w).filter((e) => e.kind === 'MapNotify').length, 1);
  const { x: y, events } = await managed();
  const menu = y.createClientWindow({ overrideRedirect: true, map: true });
  await y.settle();
  assert.equal(y.isViewable(menu), true);
  assert.deepEqual(kinds(events), ['CreateNotify', 'MapNotify']);
});

test('the manager hears its own unmaps (it counts them), once per unmap that did something', async () => {
  const { x, root, events } = await managed();
  const w = x.createClientWindow({ map: true });
  x.map(w);
  await x.settle();
  events.length = 0;
  x.unmap(w);
  x.unmap(w); // already unmapped: no event
  x.map(w);
  x.unmap(w);
  await x.settle();
  assert.deepEqual(events.filter((e) => e.kind === 'UnmapNotify'), [
    { kind: 'UnmapNotify', window: w, event: root, synthetic: false },
    { kind: 'UnmapNotify', window: w, event: root, synthetic: false },
  ]);
  assert.equal(x.isMapped(w), false);
});

test('a withdrawal: the real UnmapNotify, then ICCCM\'s synthetic one to the root', async () => {
  const { x, root, events } = await managed();
  const w = x.createClientWindow({ map: true });
  x.map(w);
  await x.settle();
  events.length = 0;
  x.clientUnmap(w, { synthetic: true });
  await x.settle();
  assert.deepEqual(events, [
    { kind: 'UnmapNotify', window: w, event: root, synthetic: false },
    { kind: 'UnmapNotify', window: w, event: root, synthetic: true },
  ]);
});

test('events arrive after the request that caused them, in order; sync() resolves after them', async () => {
  const { x, events } = await managed();
  const w = x.createClientWindow({ map: true });
  await x.settle();
  events.length = 0;
  x.map(w);
  x.configure(w, { x: 5, y: 6, width: 70, height: 80 });
  x.unmap(w);
  assert.deepEqual(events, [], 'nothing arrives during the requests');
  await x.sync();
  assert.deepEqual(kinds(events), ['MapNotify', 'ConfigureNotify', 'UnmapNotify']);
  assert.deepEqual(x.geometry(w), { x: 5, y: 6, width: 70, height: 80, borderWidth: 0 });
});

test('a destroyed window: void requests fail later through onError, others through their reply', async () => {
  const { x, errors } = await managed();
  const w = x.createClientWindow({ map: true });
  x.map(w);
  x.clientDestroy(w);
  x.map(w);
  x.changeProperty(w, 39 as Atom, 31 as Atom, 8, Buffer.from('x'));
  assert.equal(errors.length, 0, 'not during the request');
  await x.settle();
  assert.deepEqual(errors.map((f) => [f.code, f.name, f.badValue, f.majorOpcode]), [
    [ErrorCode.BadWindow, 'BadWindow', w, Opcode.MapWindow], [ErrorCode.BadWindow, 'BadWindow', w, Opcode.ChangeProperty],
  ]);
  const p = await x.getProperty(w, 39 as Atom);
  assert.ok(p instanceof XFailure && p.code === ErrorCode.BadWindow && p.majorOpcode === Opcode.GetProperty);
  const g = await x.getGeometry(w);
  assert.ok(g instanceof XFailure && g.code === ErrorCode.BadDrawable, 'GetGeometry names a drawable');
});

test('properties read back as set, with GetProperty\'s type check and length limit', async () => {
  const { x } = await managed();
  const parent = x.createClientWindow();
  const w = x.createClientWindow({
    title: 'héllo', wmName: 'caf\u00e9', class: ['xterm', 'XTerm'], hints: { input: false, urgent: true },
    normalHints: { minWidth: 100, minHeight: 50, maxWidth: 100, maxHeight: 50, widthInc: 6, heightInc: 13, position: { x: 3, y: 4 } },
    protocols: ['WM_DELETE_WINDOW', 'WM_TAKE_FOCUS'], transientFor: parent, types: ['_NET_WM_WINDOW_TYPE_DIALOG'],
    strutPartial: [0, 0, 24, 0, 0, 0, 0, 0, 0, 1279], pid: 4242,
  });
  const get = async (name: string, maxLongs?: number): Promise<Property | null> => {
    const r = await x.getProperty(w, x.atom(name), 0, maxLongs);
    assert.ok(!(r instanceof XFailure));
    return r;
  };
  const text = { utf8: x.atom('UTF8_STRING'), string: x.atom('STRING'), compound: x.atom('COMPOUND_TEXT') };
  assert.equal(decodeText(await get('_NET_WM_NAME'), text), 'héllo');
  assert.equal(decodeText(await get('WM_NAME'), text), 'café');
  assert.deepEqual(decodeClass(await get('WM_CLASS')), { instance: 'xterm', class: 'XTerm' });
  assert.deepEqual(decodeWmHints(await get('WM_HINTS', 9)), { input: false, initialState: null, urgent: true });
  assert.deepEqual(decodeNormalHints(await get('WM_NORMAL_HINTS', 18)), {
    position: { x: 3, y: 4 }, minWidth: 100, minHeight: 50, maxWidth: 100, maxHeight: 50, widthInc: 6, heightInc: 13,
  });
  assert.deepEqual(decodeAtoms(await get('WM_PROTOCOLS')), [x.atom('WM_DELETE_WINDOW'), x.atom('WM_TAKE_FOCUS')]);
  assert.equal(decodeWindow(await get('WM_TRANSIENT_FOR')), parent);
  assert.deepEqual(decodeAtoms(await get('_NET_WM_WINDOW_TYPE')), [x.atom('_NET_WM_WINDOW_TYPE_DIALOG')]);
  assert.deepEqual(decodeStrut(await get('_NET_WM_STRUT_PARTIAL'), null), { left: 0, right: 0, top: 24, bottom: 0, topStartX: 0, topEndX: 1279 });
  assert.deepEqual(x.cardinals(w, '_NET_WM_PID'), [4242]);
  assert.equal((await get('_NET_WM_NAME', 1))?.data.length, 4, 'at most maxLongs 32-bit units');
  const wrongType = await x.getProperty(w, x.atom('WM_CLASS'), x.atom('CARDINAL'));
  assert.deepEqual(wrongType, { type: x.atom('STRING'), format: 8, data: Buffer.alloc(0) });
  assert.equal(await x.getProperty(w, x.atom('WM_ICON_NAME')), null);
});

test('property changes reach whoever selected PropertyChange; deleting an absent one says nothing', async () => {
  const { x, events } = await managed();
  const w = x.createClientWindow();
  x.changeAttributes(w, { eventMask: EventMask.PropertyChange });
  x.clientSetProperty(w, '_NET_WM_NAME', 'two');
  x.clientDeleteProperty(w, 'WM_ICON_NAME');
  x.changeProperty(w, x.atom('WM_STATE'), x.atom('WM_STATE'), 32, [WmState.Iconic, 0]);
  x.deleteProperty(w, x.atom('WM_STATE'));
  await x.settle();
  const notes = events.filter((e) => e.kind === 'PropertyNotify').map((e) => [x.atomName(e.atom), e.deleted]);
  assert.deepEqual(notes, [['_NET_WM_NAME', false], ['WM_STATE', false], ['WM_STATE', true]]);
});

test('ConfigureWindow: a change is a ConfigureNotify, no change is silent; a client\'s is a ConfigureRequest', async () => {
  const { x, root, events } = await managed();
  const a = x.createClientWindow({ x: 10, y: 20, width: 300, height: 200 });
  const b = x.createClientWindow({ x: 10, y: 20, width: 300, height: 200 });
  x.map(a);
  x.map(b);
  await x.settle();
  events.length = 0;
  x.configure(a, { x: 10, y: 20, width: 300, height: 200, borderWidth: 0 });
  x.configure(a, { stackMode: StackMode.Above });
  x.configure(a, { stackMode: StackMode.Above });
  x.clientConfigureRequest(b, { width: 50, sibling: a, stackMode: StackMode.Below });
  await x.settle();
  assert.deepEqual(events, [
    { kind: 'ConfigureNotify', window: a, event: root, x: 10, y: 20, width: 300, height: 200 },
    { kind: 'ConfigureRequest', window: b, parent: root, x: 10, y: 20, width: 50, height: 200, borderWidth: 0, sibling: a, stackMode: 1, mask: 4 | 32 | 64 },
  ]);
  assert.deepEqual(x.childrenOf(root), [b, a]);
  assert.equal(x.geometry(b).width, 300, 'a request changes nothing by itself');
});

test('FION_SYNC: a client\'s message to the root reaches the manager, whose answer reaches the client', async () => {
  const { x, events } = await managed();
  const FION_SYNC = x.atom('FION_SYNC');
  const probe = x.createClientWindow();
  x.sendClientMessageToRoot(probe, 'FION_SYNC', [probe, 7]);
  await x.settle();
  assert.deepEqual(events.at(-1), { kind: 'ClientMessage', window: probe, type: FION_SYNC, format: 32, data: [probe, 7, 0, 0, 0] });
  x.sendClientMessage(probe, probe, FION_SYNC, [probe, 7], 0);
  await x.settle();
  assert.equal(events.filter((e) => e.kind === 'ClientMessage').length, 1, 'the answer is not the manager\'s');
  assert.deepEqual(x.inbox(probe).filter((e) => e.kind === 'ClientMessage'), [{ kind: 'ClientMessage', window: probe, type: FION_SYNC, format: 32, data: [probe, 7, 0, 0, 0] }]);
  // With no mask, an event for a window of its own comes back to the manager.
  const own = x.createWindow(x.allocId(), x.screens[0]!.root, 0, 0, 1, 1, { overrideRedirect: 1 });
  x.sendClientMessage(own, own, FION_SYNC, [own, 8], 0);
  await x.settle();
  assert.deepEqual(events.at(-1), { kind: 'ClientMessage', window: own, type: FION_SYNC, format: 32, data: [own, 8, 0, 0, 0] });
});

test('closing the connection: the save-set is mapped again, the manager\'s windows go, onClose is called', async () => {
  const { x } = await managed();
  const hidden = x.createClientWindow({ map: true });
  const dropped = x.createClientWindow({ map: true });
  for (const w of [hidden, dropped]) { x.map(w); x.unmap(w); }
  x.addToSaveSet(hidden);
  const own = x.createWindow(x.allocId(), x.screens[0]!.root, 0, 0, 10, 10, {});
  let closed = 0;
  x.onClose(() => closed++);
  await x.close();
  await x.settle();
  assert.deepEqual([x.isViewable(hidden), x.isViewable(dropped), x.exists(own), closed], [true, false, false, 1]);
  assert.ok((await x.getWindowAttributes(hidden)) instanceof XFailure, 'a closed connection answers nothing');
});

test('killClient ends the client: its windows are destroyed, and the manager hears it', async () => {
  const { x, events } = await managed();
  const client = x.newClient();
  const a = x.createClientWindow({ client });
  const b = x.createClientWindow({ client });
  x.map(a);
  x.killClient(a);
  await x.settle();
  assert.deepEqual([x.exists(a), x.exists(b), x.clientAlive(client)], [false, false, false]);
  assert.ok(x.inbox(a).some((e) => e.kind === 'MapNotify'), 'what it heard before is kept');
  assert.deepEqual(kinds(events).slice(-3), ['UnmapNotify', 'DestroyNotify', 'DestroyNotify']);
});

test('settle lets a chain of reactions run out; waitForEvent sees events as onEvent does', async () => {
  const x = new FakeX();
  const root = x.screens[0]!.root;
  x.onEvent((ev) => { if (ev.kind === 'MapRequest') x.map(ev.window); });
  x.changeAttributes(root, { eventMask: EventMask.SubstructureRedirect });
  const w = x.createClientWindow();
  const seen = x.waitForEvent((ev) => ev.kind === 'MapRequest', 1000);
  x.clientMap(w);
  await x.settle();
  assert.equal(x.isViewable(w), true);
  assert.equal((await seen)?.kind, 'MapRequest');
  assert.equal(await x.waitForEvent(() => true, 5), null);
});

test('a screen resized: the root changes size, and who watches the root hears a ConfigureNotify of it', async () => {
  const { x, root, events } = await managed();
  x.resizeScreen(0, 1920, 1080);
  await x.settle();
  assert.deepEqual(events.at(-1), { kind: 'ConfigureNotify', window: root, event: root, x: 0, y: 0, width: 1920, height: 1080 });
  assert.deepEqual([x.screens[0]!.width, x.geometry(root).height], [1920, 1080]);
});
