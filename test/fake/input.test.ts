// FakeX's atoms, keyboard, focus, grabs, clicks and drawing, as Fion's own src/x helpers and
// painter use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { internAtoms } from '../../src/x/atoms.js';
import type { XEvent } from '../../src/x/events.js';
import { keycodesFor, lockVariants, readKeyboard } from '../../src/x/keyboard.js';
import {
  Button, ErrorCode, EventMask, FocusDetail, FocusMode, GrabStatus, ModMask, Opcode, PointerRoot, RevertTo,
} from '../../src/x/protocol.js';
import { XFailure, type WindowId } from '../../src/x/types.js';
import { FakeX } from './xfake.js';

function listening(x: FakeX): { events: XEvent[]; errors: XFailure[] } {
  const events: XEvent[] = [];
  const errors: XFailure[] = [];
  x.onEvent((ev) => events.push(ev));
  x.onError((f) => errors.push(f));
  return { events, errors };
}

const focusOf = (events: readonly XEvent[]): [string, number, number, number][] =>
  events.flatMap((e) => (e.kind === 'FocusIn' || e.kind === 'FocusOut' ? [[e.kind, e.window, e.detail, e.mode]] : []));

test('internAtoms gets the predefined atoms at their numbers and new ones for the rest', async () => {
  const x = new FakeX();
  const atoms = await internAtoms(x);
  assert.deepEqual([atoms.WM_NAME, atoms.STRING, atoms.WM_CLASS, atoms.CARDINAL, atoms.WINDOW, atoms.ATOM], [39, 31, 67, 6, 33, 4]);
  assert.equal(new Set(Object.values(atoms)).size, Object.keys(atoms).length, 'one atom per name');
  assert.equal(x.atomName(atoms.FION_SYNC), 'FION_SYNC');
  assert.equal(await x.internAtom('NOT_THERE_YET', true), 0);
});

test('readKeyboard finds Super on Mod4, Alt on Mod1 and Num Lock on Mod2, as on Xvfb', async () => {
  const kb = await readKeyboard(new FakeX());
  assert.deepEqual([kb.superMask, kb.altMask, kb.numLockMask], [ModMask.Mod4, ModMask.Mod1, ModMask.Mod2]);
  assert.deepEqual(keycodesFor(kb, 0xff0d /* Return */), [{ keycode: 36, shift: false }]);
  assert.deepEqual(keycodesFor(kb, 0x41 /* A */), [{ keycode: 38, shift: true }]);
  assert.equal(lockVariants(kb).length, 4);
});

test('SetInputFocus moves the focus with the server\'s FocusOut/FocusIn; an unviewable target is BadMatch', async () => {
  const x = new FakeX();
  const { events, errors } = listening(x);
  const root = x.screens[0]!.root;
  const w = x.createClientWindow({ map: true });
  const hidden = x.createClientWindow();
  x.changeAttributes(root, { eventMask: EventMask.FocusChange });
  x.changeAttributes(w, { eventMask: EventMask.FocusChange });
  x.setInputFocus(w, RevertTo.PointerRoot);
  x.setInputFocus(hidden, RevertTo.PointerRoot);
  await x.settle();
  assert.equal(x.focus, w);
  assert.deepEqual(focusOf(events), [
    ['FocusOut', root, FocusDetail.Pointer, FocusMode.Normal], ['FocusOut', root, FocusDetail.PointerRoot, FocusMode.Normal],
    ['FocusIn', root, FocusDetail.NonlinearVirtual, FocusMode.Normal], ['FocusIn', w, FocusDetail.Nonlinear, FocusMode.Normal],
  ]);
  assert.deepEqual(errors.map((f) => [f.code, f.majorOpcode]), [[ErrorCode.BadMatch, Opcode.SetInputFocus]]);
  // The focused window goes: the focus reverts as SetInputFocus said.
  events.length = 0;
  x.clientUnmap(w);
  await x.settle();
  assert.equal(x.focus, PointerRoot);
  assert.deepEqual(focusOf(events).map((e) => e.slice(0, 3)), [
    ['FocusOut', w, FocusDetail.Nonlinear], ['FocusOut', root, FocusDetail.NonlinearVirtual],
    ['FocusIn', root, FocusDetail.PointerRoot], ['FocusIn', root, FocusDetail.Pointer],
  ]);
});

test('a grabbed key reaches the manager inside a Grab/Ungrab pair; any other key goes to the focused client', async () => {
  const x = new FakeX();
  const { events } = listening(x);
  const root = x.screens[0]!.root;
  const w = x.createClientWindow({ map: true });
  x.changeAttributes(root, { eventMask: EventMask.FocusChange });
  x.setInputFocus(w, RevertTo.PointerRoot);
  x.grabKey(root, ModMask.Mod4, 38);
  assert.deepEqual(x.passiveKeyGrabs(root), [{ modifiers: ModMask.Mod4, keycode: 38 }]);
  await x.settle();
  events.length = 0;
  x.pressKey(38, ModMask.Mod4);
  x.pressKey(38, 0);
  await x.settle();
  assert.deepEqual(events.map((e) => (e.kind === 'KeyPress' || e.kind === 'KeyRelease' ? [e.kind, e.window, e.state] : [e.kind, e.kind === 'FocusIn' || e.kind === 'FocusOut' ? e.mode : -1])), [
    ['FocusIn', FocusMode.Grab], ['KeyPress', root, ModMask.Mod4], ['KeyRelease', root, ModMask.Mod4], ['FocusOut', FocusMode.Ungrab],
  ]);
  assert.deepEqual(x.inbox(w).filter((e) => e.kind === 'KeyPress').map((e) => e.kind === 'KeyPress' && [e.keycode, e.state, e.window]), [[38, 0, w]]);
  x.ungrabAllKeys(root);
  assert.deepEqual(x.passiveKeyGrabs(root), []);
});

test('GrabKeyboard: Success, AlreadyGrabbed while another client holds it, NotViewable on an unmapped window', async () => {
  const x = new FakeX();
  const root = x.screens[0]!.root;
  const other = x.newClient();
  const hidden = x.createClientWindow({ client: other });
  assert.equal(await x.grabKeyboard(hidden, 0), GrabStatus.NotViewable);
  assert.equal(x.clientGrabKeyboard(other, root), GrabStatus.Success);
  assert.equal(await x.grabKeyboard(root, 0), GrabStatus.AlreadyGrabbed);
  x.clientUngrabKeyboard(other);
  assert.equal(await x.grabKeyboard(root, 0), GrabStatus.Success);
  assert.equal(x.keyboardGrabber, 1);
  const w = x.createClientWindow({ map: true });
  x.pressKey(24);
  assert.equal(x.inbox(w).length > 0 && x.inbox(w).some((e) => e.kind === 'KeyPress'), false, 'the grab takes every key');
  x.ungrabKeyboard();
  await x.settle();
  assert.equal(x.keyboardGrabber, null);
});

test('a click on a client is held for the manager\'s passive grab until it replays it to the client', async () => {
  const x = new FakeX();
  const { events } = listening(x);
  const w = x.createClientWindow({ x: 100, y: 100, width: 300, height: 200, map: true });
  x.grabButtonsForFocus(w);
  x.click(w, Button.Left, 50, 40);
  await x.settle();
  assert.deepEqual(events.filter((e) => e.kind === 'ButtonPress').map((e) => e.kind === 'ButtonPress' && [e.window, e.x, e.y, e.rootX, e.rootY]),
    [[w, 50, 40, 150, 140]]);
  assert.equal(x.pointerFrozen, true);
  assert.equal(x.inbox(w).some((e) => e.kind === 'ButtonPress'), false);
  x.replayPointer(0);
  assert.deepEqual(x.inbox(w).filter((e) => e.kind === 'ButtonPress' || e.kind === 'ButtonRelease').map((e) => e.kind), ['ButtonPress', 'ButtonRelease']);
  x.ungrabButtons(w);
  assert.equal(x.buttonsGrabbed(w), false);
});

test('drawing: every request is logged with its arguments, resources are tracked, a freed pixmap is gone', async () => {
  const x = new FakeX();
  const { errors } = listening(x);
  const font = await x.openFont('fixed');
  assert.ok(!(font instanceof XFailure));
  assert.deepEqual([font.metrics.ascent, font.metrics.descent, font.metrics.charWidth, font.metrics.widths?.[0x41]], [11, 2, 6, 6]);
  const screen = x.screens[0]!;
  const bar = x.createWindow(x.allocId(), screen.root, 0, 0, 200, 19, { overrideRedirect: 1 });
  x.clearRequests();
  // What the painter sends for a strip: through a pixmap, so a redraw never shows half a bar.
  const gc = x.createGC(screen.root, { font: font.id, graphicsExposures: 0 });
  const pm = x.createPixmap(bar, screen.depth, 200, 19);
  x.changeGC(gc, { foreground: 0x222222 });
  x.fillRect(pm, gc, 0, 0, 200, 19);
  x.imageText16(pm, gc, 4, 14, 'one');
  x.copyArea(pm, bar, gc, 0, 0, 0, 0, 200, 19);
  x.freePixmap(pm);
  await x.settle();
  assert.deepEqual(x.requests.map((r) => r.request),
    ['CreateGC', 'CreatePixmap', 'ChangeGC', 'PolyFillRectangle', 'ImageText16', 'CopyArea', 'FreePixmap']);
  assert.deepEqual(x.requestsNamed('ImageText16').map((r) => r.args), [[pm, gc, 4, 14, 'one']]);
  assert.deepEqual([x.drawingResources, errors.length], [{ pixmaps: 0, gcs: 1, fonts: 1 }, 0]);
  x.copyArea(pm, bar, gc, 0, 0, 0, 0, 1, 1);
  x.changeGC(gc, { font: 999 });
  await x.settle();
  assert.deepEqual(errors.map((f) => [f.name, f.majorOpcode]), [['BadDrawable', Opcode.CopyArea], ['BadFont', Opcode.ChangeGC]]);
});

test('a font the server lacks: BadName for OpenFont, and the reply fails as QueryFont does', async () => {
  const x = new FakeX({ fonts: (name) => (name === 'fixed' ? { ascent: 11, descent: 2, charWidth: 6 } : null) });
  const { errors } = listening(x);
  const f = await x.openFont('-misc-nothing-*');
  assert.ok(f instanceof XFailure && f.name === 'BadFont');
  assert.deepEqual(errors.map((e) => [e.name, e.majorOpcode]), [['BadName', Opcode.OpenFont]]);
  assert.ok(!((await x.openFont('fixed')) instanceof XFailure));
});

test('a dropped connection: onClose is called, and what was still on its way is answered ConnectionClosed', async () => {
  const x = new FakeX();
  let closed = false;
  x.onClose(() => { closed = true; });
  const pending = x.getWindowAttributes(x.screens[0]!.root);
  x.dropConnection();
  const r = await pending;
  assert.ok(r instanceof XFailure && r.name === 'ConnectionClosed');
  await x.settle();
  assert.equal(closed, true);
  x.map(x.screens[0]!.root as WindowId);
  assert.equal(x.requests.at(-1)?.request, 'GetWindowAttributes', 'nothing is sent once closed');
});
