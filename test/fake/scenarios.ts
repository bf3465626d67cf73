// Scenarios of a window manager's life on a server, written once and run on
// Xvfb (to record what a real server does) and on the fake (to check that it
// does the same). Each step's events, errors and replies make up the trace.
import { EventMask, FocusMode, PropMode, RevertTo, StackMode } from '../../src/x/protocol.js';
import type { Atom, WindowId } from '../../src/x/types.js';
import type { Stage } from './stage.js';

const WM_NAME = 39 as Atom;
const STRING = 31 as Atom;
const CARDINAL = 6 as Atom;
const INTEGER = 19 as Atom;
/** What a window manager selects on the root (Fion's choice). */
const ROOT_EVENTS = EventMask.SubstructureRedirect | EventMask.SubstructureNotify | EventMask.StructureNotify |
  EventMask.PropertyChange | EventMask.FocusChange;

async function manager(s: Stage): Promise<void> {
  s.log('select root', await s.wm.selectInputChecked(s.root, ROOT_EVENTS));
}

export const SCENARIOS: Record<string, (s: Stage) => Promise<void>> = {
  async 'map under redirect'(s) {
    await manager(s);
    const c = await s.window({ x: 10, y: 20, width: 300, height: 200 });
    await s.step('created');
    await s.client.map(c);
    await s.step('client maps');
    s.log('attributes', await s.wm.getWindowAttributes(c));
    s.wm.map(c);
    await s.step('wm maps');
    s.log('attributes', await s.wm.getWindowAttributes(c));
    s.wm.map(c);
    await s.step('wm maps again');
    s.wm.unmap(c);
    await s.step('wm unmaps');
    s.wm.unmap(c);
    await s.step('wm unmaps again');
    const o = await s.window({ overrideRedirect: true });
    await s.client.map(o);
    await s.step('override-redirect maps itself');
  },

  async 'configure and stack'(s) {
    await manager(s);
    const a = await s.window({ x: 10, y: 20, width: 300, height: 200 });
    const b = await s.window({ x: 10, y: 20, width: 300, height: 200 });
    s.wm.map(a);
    s.wm.map(b);
    await s.step('both mapped');
    s.wm.configure(a, { x: 10, y: 20, width: 300, height: 200, borderWidth: 0 });
    await s.step('same geometry');
    s.wm.configure(a, { x: 0, y: 0, width: 640, height: 400 });
    await s.step('new geometry');
    s.wm.configure(a, { stackMode: StackMode.Above });
    await s.step('raised over b');
    s.wm.configure(a, { stackMode: StackMode.Above });
    await s.step('raised when on top');
    s.log('tree', await s.wm.queryTree(s.root));
    s.wm.configure(a, { stackMode: StackMode.Below, sibling: b });
    await s.step('below its sibling');
    s.log('tree', await s.wm.queryTree(s.root));
    await s.client.configure(b, { x: 5, width: 50 });
    await s.step('client asks for x and width');
    await s.client.configure(b, { sibling: a, stackMode: StackMode.Below });
    await s.step('client asks to go below a');
    const o = await s.window({ overrideRedirect: true });
    await s.client.configure(o, { x: 7, y: 8 });
    await s.step('override-redirect moves itself');
    s.wm.configure(a, { sibling: b });
    s.wm.configure(a, { width: 0 });
    await s.step('bad configures');
  },

  async 'destroyed windows'(s) {
    await manager(s);
    const c = await s.window();
    s.wm.map(c);
    await s.step('mapped');
    await s.client.destroy(c);
    await s.step('client destroys it');
    s.wm.map(c);
    s.wm.changeProperty(c, WM_NAME, STRING, 8, Buffer.from('x'));
    s.wm.configure(c, { x: 1 });
    s.wm.setInputFocus(c, RevertTo.PointerRoot);
    s.wm.addToSaveSet(c);
    s.wm.sendClientMessage(c, c, WM_NAME, [1], 0);
    s.wm.grabButtonsForFocus(c);
    s.wm.changeAttributes(c, { eventMask: 0 });
    s.wm.killClient(c);
    await s.step('void requests on it');
    s.log('getProperty', await s.wm.getProperty(c, WM_NAME));
    s.log('getGeometry', await s.wm.getGeometry(c));
    s.log('getWindowAttributes', await s.wm.getWindowAttributes(c));
    s.log('queryTree', await s.wm.queryTree(c));
    await s.step('requests with replies on it');
  },

  async 'properties'(s) {
    await manager(s);
    const c = await s.window();
    s.wm.changeAttributes(c, { eventMask: EventMask.PropertyChange });
    s.wm.deleteProperty(c, WM_NAME);
    await s.step('delete an absent property');
    s.wm.changeProperty(c, WM_NAME, STRING, 8, Buffer.from('hello world'));
    s.wm.changeProperty(c, WM_NAME, STRING, 8, Buffer.from('hello world'));
    await s.step('set twice');
    s.log('any type', await s.wm.getProperty(c, WM_NAME));
    s.log('one long', await s.wm.getProperty(c, WM_NAME, STRING, 1));
    s.log('other type', await s.wm.getProperty(c, WM_NAME, CARDINAL));
    s.log('no long', await s.wm.getProperty(c, WM_NAME, 0, 0));
    s.log('absent', await s.wm.getProperty(c, INTEGER));
    s.wm.changeProperty(c, INTEGER, CARDINAL, 32, [1, 2, 3]);
    s.wm.changeProperty(c, INTEGER, CARDINAL, 32, [4], PropMode.Append);
    s.wm.changeProperty(c, INTEGER, CARDINAL, 32, [0], PropMode.Prepend);
    s.log('appended, prepended', await s.wm.getProperty(c, INTEGER));
    s.log('two longs', await s.wm.getProperty(c, INTEGER, 0, 2));
    s.wm.changeProperty(c, INTEGER, STRING, 8, Buffer.from('a'), PropMode.Append);
    s.wm.changeProperty(c, WM_NAME, STRING, 16, [1, 0x10002]);
    s.log('16-bit', await s.wm.getProperty(c, WM_NAME));
    s.wm.deleteProperty(c, INTEGER);
    await s.step('append of another type; delete');
  },

  async 'own windows and client messages'(s) {
    await manager(s);
    const sync = await s.atom('FION_SYNC');
    const own = s.ownWindow({ width: 100, height: 20, eventMask: EventMask.Exposure | EventMask.ButtonPress });
    await s.step('created');
    s.wm.map(own);
    await s.step('mapped');
    s.wm.sendClientMessage(own, own, sync, [own, 7], 0);
    await s.step('to its own window, no mask');
    const c = await s.window();
    await s.client.sendToRoot(c, sync, [c, 9], EventMask.SubstructureRedirect | EventMask.SubstructureNotify);
    await s.step('a client to the root');
    s.wm.sendClientMessage(c, c, sync, [c, 9], 0);
    await s.step('back to the client');
    s.wm.sendConfigureNotify(c, { x: 1, y: 2, width: 3, height: 4, borderWidth: 0 });
    await s.step('synthetic ConfigureNotify');
    await s.client.withdraw(c);
    await s.step('withdrawn before mapped');
  },

  async 'reparented away and back'(s) {
    await manager(s);
    const c = await s.window({ x: 30, y: 40, width: 100, height: 100 });
    const holder = await s.window({ width: 50, height: 50 });
    s.wm.map(c);
    await s.step('mapped');
    await s.client.reparent(c, holder, 1, 1);
    await s.step('into an unmapped window of its client');
    s.log('attributes', await s.wm.getWindowAttributes(c));
    await s.client.reparent(c, s.root, 7, 7);
    await s.step('back to the root');
    s.log('attributes', await s.wm.getWindowAttributes(c));
    s.log('geometry', await s.wm.getGeometry(c));
    const child = await s.window({ parent: holder, width: 5, height: 5 });
    s.wm.map(holder);
    await s.client.map(child);
    await s.step('holder mapped with a child');
    await s.client.destroy(holder);
    await s.step('holder destroyed');
    s.log('child gone', await s.wm.getWindowAttributes(child));
  },

  async 'focus'(s) {
    await manager(s);
    const a = await s.window({ x: 10, y: 20, width: 300, height: 200 });
    const b = await s.window({ x: 10, y: 20, width: 300, height: 200 });
    const a1 = await s.window({ parent: a, x: 1, y: 1, width: 30, height: 20 });
    const a11 = await s.window({ parent: a1, x: 1, y: 1, width: 3, height: 2 });
    const own = s.ownWindow({ x: -10, y: -10, width: 1, height: 1 });
    s.wm.map(a);
    s.wm.map(b);
    s.wm.map(own);
    await s.client.map(a1);
    await s.client.map(a11);
    for (const w of [a, b]) s.wm.changeAttributes(w, { eventMask: EventMask.PropertyChange | EventMask.FocusChange });
    await s.step('set up');
    const moves: [string, WindowId | 0 | 1][] = [['a', a], ['b', b], ['a', a], ['a again', a], ['a11', a11], ['a', a], ['root', s.root],
      ['a11', a11], ['b', b], ['own', own], ['PointerRoot', 1], ['None', 0], ['a', a]];
    for (const [label, w] of moves) {
      s.wm.setInputFocus(w as WindowId, RevertTo.PointerRoot);
      await s.step(`focus ${label}`);
    }
    s.log('grab', await s.wm.grabKeyboard(s.root, 0));
    await s.step('keyboard grabbed');
    s.log('grab again', await s.wm.grabKeyboard(s.root, 0));
    s.log('client grab', await s.client.grabKeyboard(a));
    await s.step('grabbed again, and by the client');
    s.wm.setInputFocus(b, RevertTo.PointerRoot);
    await s.step(`focus b while grabbed (mode ${FocusMode.WhileGrabbed})`);
    s.wm.ungrabKeyboard(0);
    await s.step('ungrabbed');
    s.log('client grab', await s.client.grabKeyboard(b));
    s.log('wm grab', await s.wm.grabKeyboard(s.root, 0));
    await s.client.ungrabKeyboard();
    await s.step('the client held it');
    const hidden = await s.window();
    s.log('grab on an unmapped window', await s.wm.grabKeyboard(hidden, 0));
    s.wm.setInputFocus(hidden, RevertTo.PointerRoot);
    await s.step('focus on an unmapped window');
    s.wm.setInputFocus(b, RevertTo.PointerRoot);
    s.wm.unmap(b);
    await s.step('focused b unmapped (revert to PointerRoot)');
    s.wm.setInputFocus(a11, RevertTo.Parent);
    await s.step('a11 focused, revert to Parent');
    await s.client.destroy(a1);
    await s.step('a11 destroyed with its parent');
  },

  async 'keys and clicks'(s) {
    await manager(s);
    const a = await s.window({ x: 100, y: 100, width: 300, height: 200 });
    const bar = s.ownWindow({ x: 0, y: 0, width: 1280, height: 20, eventMask: EventMask.Exposure | EventMask.ButtonPress });
    s.wm.map(a);
    s.wm.map(bar);
    s.wm.changeAttributes(a, { eventMask: EventMask.PropertyChange | EventMask.FocusChange });
    s.wm.setInputFocus(a, RevertTo.PointerRoot);
    s.wm.grabKey(s.root, 0, 38);
    s.wm.grabButtonsForFocus(a);
    await s.step('set up');
    await s.client.pressKey(38);
    await s.step('a grabbed key');
    await s.client.pressKey(39);
    await s.step('a key nobody grabbed');
    await s.client.click(150, 150, 1);
    await s.step('a click into a');
    s.wm.replayPointer(0);
    await s.step('replayed');
    await s.client.click(30, 5, 3);
    await s.step('a click on the bar');
    s.log('grab', await s.wm.grabKeyboard(s.root, 0));
    await s.client.pressKey(39);
    await s.step('a key while the keyboard is grabbed');
    s.wm.ungrabKeyboard(0);
    s.wm.ungrabAllKeys(s.root);
    await s.step('ungrabbed');
    await s.client.pressKey(38);
    await s.step('the key once ungrabbed');
  },

  async 'closing the connection'(s) {
    await manager(s);
    const shown = await s.window();
    const hidden = await s.window();
    const other = await s.window();
    s.wm.map(shown);
    s.wm.map(hidden);
    s.wm.map(other);
    s.wm.addToSaveSet(shown);
    s.wm.addToSaveSet(hidden);
    s.wm.unmap(hidden);
    s.wm.unmap(other);
    s.wm.map(s.ownWindow());
    s.wm.setInputFocus(shown, RevertTo.PointerRoot);
    await s.step('set up');
    await s.wm.close();
    await s.step('closed');
  },

  async 'killing a client'(s) {
    await manager(s);
    const a = await s.window();
    s.wm.map(a);
    await s.step('mapped');
    s.wm.killClient(a);
    await s.step('killed');
  },
};
