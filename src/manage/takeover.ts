// Becoming the window manager of every screen (ICCCM 2.8): own WM_Sn, wait
// for a previous owner to go when replacing it, then select
// SubstructureRedirect on the root. A manager that doesn't use WM_Sn shows
// up as BadAccess on that select.
import type { XPort } from '../x/port.js';
import { managerSelection, type Atoms } from '../x/atoms.js';
import { EventMask, isFailure, type Atom, type WindowId } from '../x/types.js';
import { encodeUtf8 } from '../x/props.js';
import { CurrentTime, None } from '../x/protocol.js';
import { log } from '../log.js';

export class AnotherWmRunning extends Error {}

export interface Ownership {
  readonly screen: number;
  readonly selection: Atom;
  /** Owns WM_Sn; also the _NET_SUPPORTING_WM_CHECK window and where focus rests when nothing has it. */
  readonly window: WindowId;
}

export const ROOT_EVENTS = EventMask.SubstructureRedirect | EventMask.SubstructureNotify | EventMask.StructureNotify |
  EventMask.PropertyChange | EventMask.FocusChange /* focus falling back to the root: take it back */;

/** A server timestamp, obtained by touching a property of our own window (ICCCM 2.1: no CurrentTime here). */
export async function serverTime(x: XPort, atoms: Atoms, w: WindowId): Promise<number> {
  const wait = x.waitForEvent((ev) => ev.kind === 'PropertyNotify' && ev.window === w, 2000);
  x.changeProperty(w, atoms._NET_WM_NAME, atoms.UTF8_STRING, 8, encodeUtf8('fion'));
  await x.flush();
  const ev = await wait;
  return ev !== null && ev.kind === 'PropertyNotify' ? ev.time : CurrentTime;
}

export async function takeOver(x: XPort, atoms: Atoms, replace: boolean): Promise<Ownership[]> {
  const owned: Ownership[] = [];
  for (const screen of x.screens) {
    const selection = await managerSelection(x, screen.index);
    const previous = await x.getSelectionOwner(selection);
    const previousOwner = isFailure(previous) ? None : previous;
    if (previousOwner !== None && !replace) throw new AnotherWmRunning();

    const window = x.createWindow(x.allocId(), screen.root, -10, -10, 1, 1,
      { overrideRedirect: 1, eventMask: EventMask.PropertyChange });
    const time = await serverTime(x, atoms, window);
    let gone: Promise<unknown> = Promise.resolve();
    if (previousOwner !== None) {
      // Watch the old owner's window: it is destroyed when the old manager has let go.
      gone = x.waitForEvent((ev) => ev.kind === 'DestroyNotify' && ev.window === previousOwner, 5000);
      x.changeAttributes(previousOwner, { eventMask: EventMask.StructureNotify });
    }
    x.setSelectionOwner(window, selection, time);
    const now = await x.getSelectionOwner(selection);
    if (isFailure(now) || now !== window) throw new AnotherWmRunning();
    if (previousOwner !== None) {
      log.info(`replacing the window manager on screen ${screen.index}`);
      if ((await gone) === null) log.warn('the previous window manager did not exit within 5 s; trying anyway');
    }
    // BadAccess here means a manager that ignores WM_Sn still holds the root.
    let failure = await x.selectInputChecked(screen.root, ROOT_EVENTS);
    for (let i = 0; failure !== null && replace && previousOwner !== None && i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100)); // the old manager is still letting go
      failure = await x.selectInputChecked(screen.root, ROOT_EVENTS);
    }
    if (failure !== null) throw new AnotherWmRunning();
    // Presses on the root itself (a gap between tiles: its border is dragged from there). Only
    // one client may select them: a program holding them already keeps them, and Fion goes on.
    if (await x.selectInputChecked(screen.root, ROOT_EVENTS | EventMask.ButtonPress) !== null) {
      log.info(`another program takes the presses on the root of screen ${screen.index}; gaps are not draggable`);
    }
    // Announce the new manager to anyone waiting for one (ICCCM 2.8).
    x.sendClientMessage(screen.root, screen.root, atoms.MANAGER, [time, selection, window, 0, 0], EventMask.StructureNotify);
    // Mapped (off-screen, never visible) so it can hold the focus when no client should.
    x.map(window);
    owned.push({ screen: screen.index, selection, window });
  }
  return owned;
}
