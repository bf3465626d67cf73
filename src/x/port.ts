// What Fion needs of the X server, and nothing more: the members of the one
// connection (XConnection) that window management, focus, rendering, key
// bindings and the control socket use, directly or through the helpers of
// src/x they call with it (internAtoms, managerSelection, readKeyboard).
// Code that takes an XPort runs against a real server or against the fake
// of test/fake alike.
//
// Same contract as XConnection: void requests are pipelined and report their
// errors later through onError; requests with replies resolve to the reply or
// to an XFailure and never reject.
import type { XEvent } from './events.js';
import type { Atom, Reply, WindowId, XFailure } from './types.js';

export interface Screen {
  readonly index: number;
  readonly root: WindowId;
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly visual: number;
  readonly colormap: number;
  readonly black: number;
  readonly white: number;
}

export interface Property {
  readonly type: Atom;
  readonly format: number;
  readonly data: Buffer;
}

export interface WindowAttributes {
  readonly mapState: 'unmapped' | 'unviewable' | 'viewable';
  readonly overrideRedirect: boolean;
  readonly inputOnly: boolean;
}

export interface WindowGeometry {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly borderWidth: number;
}

export interface WindowTree {
  readonly root: WindowId;
  /** None (0) for a root. */
  readonly parent: WindowId;
  /** Bottom to top. */
  readonly children: WindowId[];
}

export interface FontMetrics {
  readonly ascent: number;
  readonly descent: number;
  readonly charWidth: number;
  /** Advance of each BMP code point the font has; 0 where it has none (from QueryFont's char infos). */
  readonly widths?: Int16Array;
}

export interface PointerState {
  readonly root: WindowId;
  readonly rootX: number;
  readonly rootY: number;
  /** The root's child the pointer is in, or None. */
  readonly child: WindowId;
  /** Modifier and button bits (ModMask). */
  readonly mask: number;
}

/** Attribute, configure and GC values by their x11 names (eventMask, stackMode, foreground ...). */
export type ValueList = Record<string, number>;

export interface XPort {
  readonly screens: readonly Screen[];
  /** The display's name (":1"): what Fion's children get as DISPLAY, and what names its socket. */
  readonly name: string;
  /** The first keycode of GetKeyboardMapping's rows. */
  readonly minKeycode: number;

  onEvent(h: (ev: XEvent) => void): void;
  /** Errors of pipelined requests (a window that vanished meanwhile, mostly). */
  onError(h: (f: XFailure) => void): void;
  /** The connection is gone (closed by either side). */
  onClose(h: () => void): void;
  /** Resolves with the first event matching `match`, or null after `timeoutMs`. The event still goes to onEvent. */
  waitForEvent(match: (ev: XEvent) => boolean, timeoutMs: number): Promise<XEvent | null>;

  allocId(): number;
  flush(): Promise<void>;
  /** A round trip: every earlier request has been processed, and its events delivered, when it resolves. */
  sync(): Promise<void>;
  close(): Promise<void>;

  // ---- windows ----
  createWindow(id: number, parent: WindowId, x: number, y: number, width: number, height: number,
    values: ValueList, opts?: { inputOnly?: boolean; depth?: number; visual?: number }): WindowId;
  changeAttributes(w: WindowId, values: ValueList): void;
  /** Select events on `w` and learn at once whether it worked (BadAccess: another manager's root). */
  selectInputChecked(w: WindowId, mask: number): Promise<XFailure | null>;
  destroyWindow(w: WindowId): void;
  map(w: WindowId): void;
  unmap(w: WindowId): void;
  configure(w: WindowId, values: ValueList): void;
  /** Move `w` into `parent` at (x, y): tray icons into a bar (XEMBED). */
  reparent(w: WindowId, parent: WindowId, x: number, y: number): void;
  addToSaveSet(w: WindowId): void;
  removeFromSaveSet(w: WindowId): void;
  killClient(resource: number): void;
  setInputFocus(w: WindowId | 1 /* PointerRoot */, revertTo?: 0 | 1 | 2): void;
  getWindowAttributes(w: WindowId): Promise<Reply<WindowAttributes>>;
  getGeometry(w: WindowId): Promise<Reply<WindowGeometry>>;
  queryTree(w: WindowId): Promise<Reply<WindowTree>>;

  // ---- atoms and properties ----
  internAtom(name: string, onlyIfExists?: boolean): Promise<Reply<Atom>>;
  /** Reads up to `maxLongs` 32-bit units; null when the window has no such property. */
  getProperty(w: WindowId, property: Atom, type?: Atom | 0, maxLongs?: number): Promise<Reply<Property | null>>;
  changeProperty(w: WindowId, property: Atom, type: Atom, format: 8 | 16 | 32, data: Buffer | number[], mode?: 0 | 1 | 2): void;
  deleteProperty(w: WindowId, property: Atom): void;

  // ---- selections, events ----
  setSelectionOwner(owner: WindowId | 0, selection: Atom, time: number): void;
  getSelectionOwner(selection: Atom): Promise<Reply<WindowId>>;
  /** SendEvent of a ClientMessage with 32-bit data. */
  sendClientMessage(destination: WindowId, window: WindowId, type: Atom, data: readonly number[], eventMask: number): void;
  /** A synthetic ConfigureNotify telling a client its real geometry (ICCCM 4.1.5). */
  sendConfigureNotify(w: WindowId, g: WindowGeometry): void;

  // ---- input ----
  grabKey(root: WindowId, modifiers: number, keycode: number): void;
  ungrabAllKeys(root: WindowId): void;
  /** Resolves to GrabKeyboard's status (0: Success). */
  grabKeyboard(w: WindowId, time: number): Promise<Reply<number>>;
  ungrabKeyboard(time?: number): void;
  /** Passive grab of every button on `w`, synchronous so the click can be replayed to the client. */
  grabButtonsForFocus(w: WindowId): void;
  ungrabButtons(w: WindowId): void;
  /** Let a frozen pointer go on to the client (ReplayPointer). */
  replayPointer(time: number): void;
  /** Thaw a pointer frozen by a synchronous grab without replaying the click (AsyncPointer):
   *  the click is the window manager's, and the grab goes on until the button is released. */
  thawPointer(time: number): void;
  /** Passive grab of `button` with exactly `modifiers` on `w` (asynchronous; press, release
   *  and motion are reported while it is active). */
  grabButton(w: WindowId, modifiers: number, button: number): void;
  /** Drop every passive button grab this connection holds on `w` with exactly `modifiers`. */
  ungrabButton(w: WindowId, modifiers: number, button: number): void;
  /** Active pointer grab on `w` reporting release and motion; resolves to its status (0: Success). */
  grabPointer(w: WindowId, time: number): Promise<Reply<number>>;
  ungrabPointer(time?: number): void;
  /** Where the pointer is, in root coordinates, and the modifier and button state. */
  queryPointer(w: WindowId): Promise<Reply<PointerState>>;
  /** Move the pointer to (x, y) of `w`. */
  warpPointer(w: WindowId, x: number, y: number): void;
  /** Keysyms of every keycode from minKeycode on. */
  getKeyboardMapping(): Promise<Reply<number[][]>>;
  /** Eight rows (Shift, Lock, Control, Mod1..Mod5) of keycodes, 0 where unused. */
  getModifierMapping(): Promise<Reply<number[][]>>;

  // ---- drawing ----
  openFont(name: string): Promise<Reply<{ id: number; metrics: FontMetrics }>>;
  createGC(drawable: WindowId | number, values: ValueList): number;
  changeGC(gc: number, values: ValueList): void;
  createPixmap(drawable: WindowId, depth: number, width: number, height: number): number;
  freePixmap(p: number): void;
  copyArea(src: number, dst: number, gc: number, sx: number, sy: number, dx: number, dy: number, w: number, h: number): void;
  fillRect(d: number, gc: number, x: number, y: number, w: number, h: number): void;
  /** Draws a width x height image of 0xRRGGBB pixels (ZPixmap, 32 bits a pixel, as every
   *  24- and 32-bit TrueColor server stores them) at (x, y) of `d`. */
  putImage(d: number, gc: number, x: number, y: number, width: number, height: number, depth: number, pixels: Uint32Array): void;
  /** Draws UCS-2 text; the caller keeps it to 255 code units. */
  imageText16(d: number, gc: number, x: number, y: number, text: string): void;
}
