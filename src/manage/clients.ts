// Taking a window under management and letting it go again: the X side of
// it (save-set, event selection, click grabs, WM_STATE), and the facts about
// it that only the X side needs (how it takes focus, how it closes).
import type { XPort } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import { EventMask, type WindowId } from '../x/types.js';
import { CurrentTime, NoEventMask, WmState } from '../x/protocol.js';
import type { ClientInfo } from './clientinfo.js';
import type { ClientState } from './registry.js';

/** EnterWindow: focus follows the mouse, when the config asks for it. */
const CLIENT_EVENTS = EventMask.PropertyChange | EventMask.FocusChange | EventMask.EnterWindow;

/** Windows a tiling manager should leave alone: override-redirect, input-only. */
export const wantsManagement = (info: ClientInfo): boolean => !info.overrideRedirect && !info.inputOnly;

export function manageWindow(x: XPort, atoms: Atoms, info: ClientInfo): ClientState {
  const w = info.window;
  // No frames: say so before the client asks (toolkits such as Java's AWT wait for it).
  x.changeProperty(w, atoms._NET_FRAME_EXTENTS, atoms.CARDINAL, 32, [0, 0, 0, 0]);
  // Iconic until the renderer shows it: a window that starts as a hidden tab is still
  // reachable, and says so (ICCCM 4.1.3.1); showing it makes it Normal.
  x.changeProperty(w, atoms.WM_STATE, atoms.WM_STATE, 32, [WmState.Iconic, 0]);
  // In the save-set, a window survives Fion: if Fion dies, the server maps it again.
  x.addToSaveSet(w);
  x.changeAttributes(w, { eventMask: CLIENT_EVENTS });
  x.grabButtonsForFocus(w);
  return { window: w, protocols: info.protocols, input: info.hints.input, closeAskedAt: null };
}

/** The client withdrew (unmapped itself): tell it, per ICCCM 4.1.4, and stop watching it. */
export function releaseWithdrawn(x: XPort, atoms: Atoms, w: WindowId): void {
  x.changeProperty(w, atoms.WM_STATE, atoms.WM_STATE, 32, [WmState.Withdrawn, 0]);
  markSeen(x, atoms, w);
  unwatch(x, w);
}

/** A new window got the id of a client Fion managed, and may carry what Fion set on that one
 *  (adopt.ts, `successor`): it is an unmapped window no manager has touched again. */
export function scrubSuccessor(x: XPort, atoms: Atoms, w: WindowId): void {
  x.deleteProperty(w, atoms.WM_STATE);
  x.deleteProperty(w, atoms._NET_FRAME_EXTENTS);
  unwatch(x, w);
}

/** Undo manageWindow's hold on `w`: its events, its button grabs, the save-set. */
function unwatch(x: XPort, w: WindowId): void {
  x.changeAttributes(w, { eventMask: 0 });
  x.ungrabButtons(w);
  x.removeFromSaveSet(w);
}

/** FION_MAP_REQUESTED 0: a Fion has seen this window, and no map of it is asked. After a
 *  crash, an unmapped window without the mark is one whose map request may have died unread. */
export function markSeen(x: XPort, atoms: Atoms, w: WindowId): void {
  x.changeProperty(w, atoms.FION_MAP_REQUESTED, atoms.CARDINAL, 32, [0]);
}

/** Fion stops (exit or replaced): leave the window as an unmanaged, visible window. */
export function releaseOnExit(x: XPort, w: WindowId): void {
  x.changeAttributes(w, { eventMask: 0 });
  x.ungrabButtons(w);
  x.map(w);
}

/** Close politely when the client speaks WM_DELETE_WINDOW; otherwise, or when asked twice within 5 s, kill its connection. */
export function closeWindow(x: XPort, atoms: Atoms, c: ClientState, now: number): 'asked' | 'killed' {
  const polite = c.protocols.has(atoms.WM_DELETE_WINDOW);
  const askedRecently = c.closeAskedAt !== null && now - c.closeAskedAt < 5000;
  if (polite && !askedRecently) {
    x.sendClientMessage(c.window, c.window, atoms.WM_PROTOCOLS, [atoms.WM_DELETE_WINDOW, CurrentTime], NoEventMask);
    c.closeAskedAt = now;
    return 'asked';
  }
  x.killClient(c.window);
  return 'killed';
}
