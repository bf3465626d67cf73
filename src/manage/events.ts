// One table: which X event goes where. Each handler decodes what happened and queues the
// work in event order; whatever the event needs from the server is asked for the moment it
// arrives (a burst of events costs one pipelined round trip). Keys, clicks and repaints are
// handed to their own rooms through the context.
import type { EventOf, XEvent } from '../x/events.js';
import type { WindowId } from '../x/types.js';
import { FocusMode, MappingRequest, NoEventMask, None } from '../x/protocol.js';
import { handleClientMessage, type Activation, type MessageEffect } from './messages.js';
import { manage, onDestroy, onReparent, onUnmap } from './adopt.js';
import { configureRequestArrived } from './configure.js';
import { created, settled } from './seen.js';
import { onProperty, readTitle } from './properties.js';
import { readIcon } from './icon.js';
import { onStrut, rereadMonitors } from './screens.js';
import type { FocusGuard } from './focus.js';
import { isOurs, screenOfRoot, type ManageContext } from './context.js';
import { log } from '../log.js';

/** What the table hands on to the rest of Fion. */
export interface EventContext extends ManageContext {
  readonly focusGuard: FocusGuard;
  /** What an application's _NET_ACTIVE_WINDOW does (i3's focus_on_window_activation). */
  readonly activation: Activation;
  /** Render now if anything changed (before answering a sync barrier). */
  renderNow(): void;
  key(keycode: number, modifiers: number): void;
  click(ev: EventOf<'ButtonPress'>): void;
  /** The pointer moved or a button came up during a drag (a grab reports them). */
  pointerMotion(ev: EventOf<'MotionNotify'>): void;
  pointerRelease(ev: EventOf<'ButtonRelease'>): void;
  /** The pointer went into a window (focus follows the mouse). */
  pointerEntered(ev: EventOf<'EnterNotify'>): void;
  /** A client's _NET_WM_MOVERESIZE or _NET_MOVERESIZE_WINDOW. */
  clientMoveResize(e: Extract<MessageEffect, { kind: 'moveResize' | 'moveResizeWindow' }>): void;
  expose(w: WindowId): void;
  keyboardChanged(): void;
  /** The X resources on the root changed (xrdb): Xft.dpi may be new. */
  resourcesChanged(): void;
  closeWindow(w: WindowId): void;
  /** Another window manager took the WM_Sn selection. */
  replaced(): void;
}

type Handlers = { readonly [K in XEvent['kind']]?: (ctx: EventContext, ev: EventOf<K>) => void };

const HANDLERS: Handlers = {
  ConfigureNotify(ctx, ev) {
    if (ev.window === ev.event && screenOfRoot(ctx, ev.window) !== undefined) rereadMonitors(ctx, 'root ConfigureNotify');
  },
  MapRequest(ctx, ev) {
    // Whether it is managed already is decided when the job runs: an UnmapNotify queued
    // before this request may yet release it (a client that unmaps and maps at once).
    if (isOurs(ctx, ev.window)) return;
    // Marked on the window at once: if Fion dies before handling the request, the next
    // Fion still knows the client asked for a map (the request itself dies with this one).
    if (ev.synthetic !== true) {
      ctx.x.changeProperty(ev.window, ctx.atoms.FION_MAP_REQUESTED, ctx.atoms.CARDINAL, 32, [1]);
      settled(ctx, ev.window);
    }
    ctx.enqueue(manage(ctx, ev.window, ev.parent, ev.synthetic === true ? 'forged' : 'request'), `MapRequest 0x${ev.window.toString(16)}`);
  },
  CreateNotify(ctx, ev) {
    // Marked seen a little later unless it asks for a map (seen.ts): a Fion started after a
    // crash must know which unmapped windows may have asked for a map it never read.
    if (!ev.overrideRedirect && screenOfRoot(ctx, ev.parent) !== undefined && !isOurs(ctx, ev.window)) created(ctx, ev.window);
  },
  ReparentNotify(ctx, ev) {
    // The roots' copies: a window's own (a tray icon's StructureNotify) tells nothing more.
    if (ev.event === ev.window) return;
    ctx.enqueue(onReparent(ctx, ev.window, ev.parent, ev.overrideRedirect), 'ReparentNotify');
  },
  FocusIn(ctx, ev) {
    // Normal, or WhileGrabbed (focus moved while a keyboard grab is active, a key binding
    // being pressed, say); not the pseudo-moves of a grab starting or ending.
    if (ev.mode === FocusMode.Normal || ev.mode === FocusMode.WhileGrabbed) {
      ctx.enqueue(() => ctx.focusGuard.focusIn(ev.window, ev.detail), 'FocusIn');
    }
  },
  UnmapNotify(ctx, ev) {
    // The roots' copies, and a client's synthetic one (ICCCM 4.1.4); the tray has the rest.
    if (ev.event === ev.window && !ev.synthetic) return;
    ctx.enqueue(() => onUnmap(ctx, ev.window, ev.synthetic), 'UnmapNotify');
  },
  DestroyNotify(ctx, ev) {
    // Off the new windows' list now, in event order with CreateNotify: the next window with
    // its id may be created before the job below runs, and must stay on it.
    settled(ctx, ev.window);
    ctx.enqueue(() => onDestroy(ctx, ev.window), 'DestroyNotify');
  },
  ConfigureRequest(ctx, ev) {
    // Only a forged one can name a root or Fion's own windows (bars, check window).
    if (isOurs(ctx, ev.window)) return;
    ctx.enqueue(configureRequestArrived(ctx, ev), 'ConfigureRequest');
  },
  PropertyNotify(ctx, ev) {
    const a = ctx.atoms;
    if (ctx.reg.clients.has(ev.window)) {
      if (ev.atom === a.WM_NAME || ev.atom === a._NET_WM_NAME) readTitle(ctx, ev.window);
      else if (ev.atom === a._NET_WM_ICON) readIcon(ctx, ev.window);
      else ctx.enqueue(onProperty(ctx, ev.window, ev.atom), 'PropertyNotify');
    } else if (ctx.reg.docks.has(ev.window) && (ev.atom === a._NET_WM_STRUT || ev.atom === a._NET_WM_STRUT_PARTIAL)) {
      ctx.enqueue(onStrut(ctx, ev.window), 'strut change');
    } else if (ev.atom === a.RESOURCE_MANAGER && ev.window === ctx.x.screens[0]?.root) {
      ctx.resourcesChanged();
    }
  },
  ClientMessage(ctx, ev) {
    ctx.enqueue(() => onClientMessage(ctx, ev), 'ClientMessage');
  },
  KeyPress(ctx, ev) {
    ctx.enqueue(() => ctx.key(ev.keycode, ev.state), 'KeyPress');
  },
  ButtonPress(ctx, ev) {
    ctx.enqueue(() => ctx.click(ev), 'ButtonPress');
  },
  // Not queued one by one: the drag keeps the newest position and applies it once a turn.
  MotionNotify(ctx, ev) {
    ctx.pointerMotion(ev);
  },
  ButtonRelease(ctx, ev) {
    ctx.pointerRelease(ev);
  },
  EnterNotify(ctx, ev) {
    if (ctx.reg.clients.has(ev.window)) ctx.pointerEntered(ev);
  },
  Expose(ctx, ev) {
    if (ev.count === 0) ctx.expose(ev.window);
  },
  MappingNotify(ctx, ev) {
    if (ev.request !== MappingRequest.Pointer) ctx.keyboardChanged();
  },
  SelectionClear(ctx, ev) {
    if (ctx.ownership.some((o) => o.selection === ev.selection)) {
      log.info('another window manager is taking over; stepping aside');
      ctx.replaced();
    }
  },
};

/** Hand one X event to its handler. */
export function dispatch(ctx: EventContext, ev: XEvent): void {
  if (ctx.monitors?.isChange(ev) === true) {
    rereadMonitors(ctx, 'RandR change');
    return;
  }
  if (ctx.tray?.event(ev) === true) return;
  const handler = HANDLERS[ev.kind] as ((ctx: EventContext, ev: XEvent) => void) | undefined;
  handler?.(ctx, ev);
}

function onClientMessage(ctx: EventContext, ev: EventOf<'ClientMessage'>): void {
  const a = ctx.atoms;
  if (ev.type === a.FION_SYNC) {
    // The sync barrier: everything before this message is handled; render it, then answer.
    ctx.renderNow();
    // A focus taken back later (rate-limited) is part of "handled": take it back now.
    ctx.focusGuard.flush();
    const to = (ev.data[0] ?? 0) as WindowId;
    // Not to a window of Fion's own: with no event mask the answer goes to that window's
    // creator, Fion itself, which would answer it again, for ever (a forged barrier).
    if (to !== None && !isOurs(ctx, to)) ctx.x.sendClientMessage(to, to, a.FION_SYNC, ev.data, NoEventMask);
    return;
  }
  const out = handleClientMessage(ctx.model, a, ev.window, ev.type, ev.data, ctx.activation);
  ctx.model = out.model;
  for (const e of out.effects) {
    if (e.kind === 'close') ctx.closeWindow(e.window);
    else if (e.kind === 'moveResize' || e.kind === 'moveResizeWindow') ctx.clientMoveResize(e);
    else ctx.x.changeProperty(e.window, a._NET_FRAME_EXTENTS, a.CARDINAL, 32, [0, 0, 0, 0]); // no frames
  }
}
