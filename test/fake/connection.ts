// The window manager's connection to the fake server: every XPort request is
// logged, applied to the server at once, and answered later through the
// socket (replies, errors of void requests, events), in order, as a real
// connection hears it.
import type { XEvent } from '../../src/x/events.js';
import type { FontMetrics, PointerState, Property, ValueList, WindowAttributes, WindowGeometry, WindowTree, XPort } from '../../src/x/port.js';
import {
  AllowEventsMode, AnyButton, AnyKey, AnyModifier, CurrentTime, ErrorCode, EventMask, GrabMode, None, Opcode, PropMode,
  RevertTo, errorName,
} from '../../src/x/protocol.js';
import { XFailure, type Atom, type Reply, type WindowId } from '../../src/x/types.js';
import { Input } from './input.js';
import { keyboardMapping, modifierMapping, MIN_KEYCODE } from './keymap.js';
import { ProtocolError, getProperty, packData } from './props.js';
import { Socket, type Delivery } from './socket.js';
import { ID_BASE, WM, type ScreenOptions } from './tree.js';

export interface RequestRecord {
  /** The core request's name: MapWindow, ConfigureWindow, SendEvent ... */
  readonly request: keyof typeof Opcode;
  /** The XPort method that sent it (one method may send two requests: openFont). */
  readonly method: keyof XPort;
  readonly args: readonly unknown[];
}

export interface FakeConnectionOptions {
  readonly screens?: readonly ScreenOptions[];
  /** The display name Fion sees (its socket and state file are named after it). */
  readonly name?: string;
  readonly delivery?: Delivery;
  /** Metrics of a font by name; null: the server has no such font. Default: every name is a 6x13 font. */
  readonly fonts?: (name: string) => FontMetrics | null;
}

/** The classic "fixed" (6x13) with glyphs for printable ASCII and Latin-1. */
export function fixedFont(): FontMetrics {
  const widths = new Int16Array(65536);
  for (let c = 0x20; c <= 0xff; c++) if (c < 0x7f || c >= 0xa0) widths[c] = 6;
  return { ascent: 11, descent: 2, charWidth: 6, widths };
}

let instances = 0;

export class FakeConnection extends Input implements XPort {
  readonly name: string;
  readonly minKeycode = MIN_KEYCODE;
  /** Every request the window manager made, in order. */
  readonly requests: RequestRecord[] = [];
  /** How many requests had been made at each flush() (requests between two leave together). */
  readonly flushes: number[] = [];
  protected readonly socket: Socket;
  private eventHandler: (ev: XEvent) => void = () => {};
  private errorHandler: (f: XFailure) => void = () => {};
  private closeHandler: () => void = () => {};
  private readonly waiters = new Set<{ match: (ev: XEvent) => boolean; resolve: (ev: XEvent | null) => void }>();
  private nextId = 1;
  protected closed = false;
  /** Requests made so far (never reset): settle() watches it. */
  protected activity = 0;
  /** The window manager's pixmaps, GCs (with their values) and fonts. */
  protected readonly pixmaps = new Map<number, { width: number; height: number; depth: number }>();
  protected readonly gcs = new Map<number, ValueList>();
  protected readonly fonts = new Map<number, FontMetrics>();
  private readonly fontByName: (name: string) => FontMetrics | null;

  constructor(o: FakeConnectionOptions = {}) {
    super(o.screens ?? [{}]);
    this.name = o.name ?? `:fake${process.pid}-${++instances}`;
    this.socket = new Socket(o.delivery);
    this.fontByName = o.fonts ?? (() => fixedFont());
  }

  // ---- plumbing ----
  protected override deliver(client: number, ev: XEvent): void {
    if (client !== WM) { super.deliver(client, ev); return; }
    if (this.closed) return;
    this.socket.push(() => {
      for (const w of [...this.waiters]) if (w.match(ev)) { this.waiters.delete(w); w.resolve(ev); }
      this.eventHandler(ev);
    });
  }

  private failure(request: keyof typeof Opcode, e: ProtocolError): XFailure {
    return new XFailure(e.code, errorName(e.code), e.value >>> 0, Opcode[request]);
  }

  /** A void request: applied now; a refusal reaches onError later. */
  protected void(request: keyof typeof Opcode, method: keyof XPort, args: unknown[], apply: () => void): void {
    if (this.closed) return;
    this.activity++;
    this.requests.push({ request, method, args });
    try { apply(); } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      const f = this.failure(request, e);
      this.socket.push(() => this.errorHandler(f));
    }
  }

  /** A request with a reply: computed now, received later. */
  protected reply<T>(request: keyof typeof Opcode, method: keyof XPort, args: unknown[], answer: () => T): Promise<Reply<T>> {
    if (this.closed) return Promise.resolve(new XFailure(-1, 'ConnectionClosed', 0, 0));
    this.activity++;
    this.requests.push({ request, method, args });
    let r: Reply<T>;
    try { r = answer(); } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      r = this.failure(request, e);
    }
    return new Promise((resolve) => this.socket.push(() => resolve(r), () => resolve(new XFailure(-1, 'ConnectionClosed', 0, 0))));
  }

  private drawable(d: number): void {
    if (!this.windows.has(d) && !this.pixmaps.has(d)) throw new ProtocolError(ErrorCode.BadDrawable, d);
  }
  private gc(gc: number): void {
    if (!this.gcs.has(gc)) throw new ProtocolError(ErrorCode.BadGC, gc);
  }
  private gcValues(values: ValueList): void {
    if (values.font !== undefined && !this.fonts.has(values.font)) throw new ProtocolError(ErrorCode.BadFont, values.font);
  }
  private newId(id: number): void {
    if (this.windows.has(id) || this.pixmaps.has(id) || this.gcs.has(id) || this.fonts.has(id) || Math.floor(id / ID_BASE) !== WM) {
      throw new ProtocolError(ErrorCode.BadIDChoice, id);
    }
  }

  // ---- XPort: connection ----
  onEvent(h: (ev: XEvent) => void): void { this.eventHandler = h; }
  onError(h: (f: XFailure) => void): void { this.errorHandler = h; }
  onClose(h: () => void): void { this.closeHandler = h; }
  waitForEvent(match: (ev: XEvent) => boolean, timeoutMs: number): Promise<XEvent | null> {
    return new Promise((resolve) => {
      const w = { match, resolve: (ev: XEvent | null) => { clearTimeout(t); resolve(ev); } };
      const t = setTimeout(() => { this.waiters.delete(w); resolve(null); }, timeoutMs);
      this.waiters.add(w);
    });
  }
  allocId(): number { return WM * ID_BASE + this.nextId++; }
  flush(): Promise<void> { this.flushes.push(this.requests.length); return Promise.resolve(); }
  async sync(): Promise<void> { await this.reply('GetInputFocus', 'sync', [], () => null); }
  close(): Promise<void> {
    if (!this.closed) this.disconnect();
    return Promise.resolve();
  }
  /** The connection ends (Fion closed it, or the server went away): the server cleans up after it. */
  protected disconnect(): void {
    this.closed = true;
    this.socket.close();
    for (const w of this.waiters) w.resolve(null);
    this.waiters.clear();
    this.closeDown(WM);
    setImmediate(() => this.closeHandler());
  }

  // ---- XPort: windows ----
  createWindow(id: number, parent: WindowId, x: number, y: number, width: number, height: number, values: ValueList,
    opts: { inputOnly?: boolean; depth?: number; visual?: number } = {}): WindowId {
    this.void('CreateWindow', 'createWindow', [id, parent, x, y, width, height, values, opts], () => {
      this.newId(id);
      this.createWin(WM, id, this.win(parent), { x, y, width: Math.max(1, width), height: Math.max(1, height), borderWidth: 0 }, {
        overrideRedirect: (values.overrideRedirect ?? 0) !== 0, inputOnly: opts.inputOnly === true, eventMask: values.eventMask ?? 0,
      });
    });
    return id as WindowId;
  }
  changeAttributes(w: WindowId, values: ValueList): void {
    this.void('ChangeWindowAttributes', 'changeAttributes', [w, values], () => this.changeWindowAttributes(w, values));
  }
  private changeWindowAttributes(w: WindowId, values: ValueList): void {
    const win = this.win(w);
    if (values.eventMask !== undefined) this.selectInput(WM, win, values.eventMask);
    if (values.overrideRedirect !== undefined) win.overrideRedirect = values.overrideRedirect !== 0;
  }
  selectInputChecked(w: WindowId, mask: number): Promise<XFailure | null> {
    return this.reply('ChangeWindowAttributes', 'selectInputChecked', [w, mask], () => this.changeWindowAttributes(w, { eventMask: mask }))
      .then((r) => (r instanceof XFailure ? r : null));
  }
  destroyWindow(w: WindowId): void { this.void('DestroyWindow', 'destroyWindow', [w], () => this.destroyWin(WM, this.win(w))); }
  map(w: WindowId): void { this.void('MapWindow', 'map', [w], () => this.mapWin(WM, this.win(w))); }
  unmap(w: WindowId): void { this.void('UnmapWindow', 'unmap', [w], () => this.unmapWin(WM, this.win(w))); }
  configure(w: WindowId, values: ValueList): void {
    this.void('ConfigureWindow', 'configure', [w, values], () => this.configureWin(WM, this.win(w), values));
  }
  reparent(w: WindowId, parent: WindowId, x: number, y: number): void {
    this.void('ReparentWindow', 'reparent', [w, parent, x, y], () => this.reparentWin(WM, this.win(w), this.win(parent), x, y));
  }
  addToSaveSet(w: WindowId): void { this.void('ChangeSaveSet', 'addToSaveSet', [w], () => this.changeSaveSet(WM, this.win(w), true)); }
  removeFromSaveSet(w: WindowId): void { this.void('ChangeSaveSet', 'removeFromSaveSet', [w], () => this.changeSaveSet(WM, this.win(w), false)); }
  killClient(resource: number): void {
    this.void('KillClient', 'killClient', [resource], () => {
      const w = this.windows.get(resource);
      if (w === undefined || w.owner === 0) throw new ProtocolError(ErrorCode.BadValue, resource);
      if (w.owner === WM) this.disconnect();
      else this.closeDown(w.owner);
    });
  }
  setInputFocus(w: WindowId | 1, revertTo: 0 | 1 | 2 = RevertTo.PointerRoot): void {
    this.void('SetInputFocus', 'setInputFocus', [w, revertTo], () => this.setFocus(WM, w, revertTo));
  }
  getWindowAttributes(w: WindowId): Promise<Reply<WindowAttributes>> {
    return this.reply('GetWindowAttributes', 'getWindowAttributes', [w], () => {
      const win = this.win(w);
      return {
        mapState: !win.mapped ? 'unmapped' : this.viewable(win) ? 'viewable' : 'unviewable',
        overrideRedirect: win.overrideRedirect, inputOnly: win.inputOnly,
      };
    });
  }
  getGeometry(w: WindowId): Promise<Reply<WindowGeometry>> {
    return this.reply('GetGeometry', 'getGeometry', [w], () => {
      const p = this.pixmaps.get(w);
      if (p !== undefined) return { x: 0, y: 0, width: p.width, height: p.height, borderWidth: 0 };
      const win = this.win(w, ErrorCode.BadDrawable);
      return { x: win.x, y: win.y, width: win.width, height: win.height, borderWidth: win.borderWidth };
    });
  }
  queryTree(w: WindowId): Promise<Reply<WindowTree>> {
    return this.reply('QueryTree', 'queryTree', [w], () => {
      const win = this.win(w);
      return { root: this.roots[win.screen]!.id, parent: (win.parent?.id ?? None) as WindowId, children: win.children.map((c) => c.id) };
    });
  }

  // ---- XPort: atoms and properties ----
  internAtom(name: string, onlyIfExists = false): Promise<Reply<Atom>> {
    return this.reply('InternAtom', 'internAtom', [name, onlyIfExists], () => this.atoms.intern(name, onlyIfExists));
  }
  getProperty(w: WindowId, property: Atom, type: Atom | 0 = 0, maxLongs = 16384): Promise<Reply<Property | null>> {
    return this.reply('GetProperty', 'getProperty', [w, property, type, maxLongs], () => {
      const win = this.win(w);
      this.validAtom(property);
      if (type !== 0) this.validAtom(type);
      return getProperty(win.props, property, type, maxLongs);
    });
  }
  changeProperty(w: WindowId, property: Atom, type: Atom, format: 8 | 16 | 32, data: Buffer | number[], mode: 0 | 1 | 2 = PropMode.Replace): void {
    this.void('ChangeProperty', 'changeProperty', [w, property, type, format, data, mode],
      () => this.setProp(WM, this.win(w), property, type, format, packData(format, data), mode));
  }
  deleteProperty(w: WindowId, property: Atom): void {
    this.void('DeleteProperty', 'deleteProperty', [w, property], () => this.deleteProp(WM, this.win(w), property));
  }

  // ---- XPort: selections, events ----
  setSelectionOwner(owner: WindowId | 0, selection: Atom, time: number): void {
    this.void('SetSelectionOwner', 'setSelectionOwner', [owner, selection, time], () => this.setSelection(WM, owner, selection, time));
  }
  getSelectionOwner(selection: Atom): Promise<Reply<WindowId>> {
    return this.reply('GetSelectionOwner', 'getSelectionOwner', [selection], () => this.selectionOwnerOf(selection));
  }
  sendClientMessage(destination: WindowId, window: WindowId, type: Atom, data: readonly number[], eventMask: number): void {
    const ev: XEvent = { kind: 'ClientMessage', window, type, format: 32, data: Array.from({ length: 5 }, (_, i) => (data[i] ?? 0) >>> 0) };
    this.void('SendEvent', 'sendClientMessage', [destination, window, type, data, eventMask], () => this.sendEvent(this.win(destination), ev, eventMask));
  }
  sendConfigureNotify(w: WindowId, g: WindowGeometry): void {
    const ev: XEvent = { kind: 'ConfigureNotify', window: w, event: w, x: g.x, y: g.y, width: Math.max(1, g.width), height: Math.max(1, g.height) };
    this.void('SendEvent', 'sendConfigureNotify', [w, g], () => this.sendEvent(this.win(w), ev, EventMask.StructureNotify));
  }

  // ---- XPort: input ----
  grabKey(root: WindowId, modifiers: number, keycode: number): void {
    this.void('GrabKey', 'grabKey', [root, modifiers, keycode], () => this.grabKeyOn(WM, this.win(root), modifiers, keycode));
  }
  ungrabAllKeys(root: WindowId): void {
    this.void('UngrabKey', 'ungrabAllKeys', [root], () => this.ungrabKeyOn(WM, this.win(root), AnyKey, AnyModifier));
  }
  grabKeyboard(w: WindowId, time: number): Promise<Reply<number>> {
    return this.reply('GrabKeyboard', 'grabKeyboard', [w, time], () => this.grabKbd(WM, this.win(w)));
  }
  ungrabKeyboard(time: number = CurrentTime): void {
    this.void('UngrabKeyboard', 'ungrabKeyboard', [time], () => this.ungrabKbd(WM));
  }
  grabButtonsForFocus(w: WindowId): void {
    this.void('GrabButton', 'grabButtonsForFocus', [w], () => this.grabButtonOn(WM, this.win(w), {
      button: AnyButton, modifiers: AnyModifier, pointerMode: GrabMode.Sync, eventMask: EventMask.ButtonPress,
    }));
  }
  ungrabButtons(w: WindowId): void {
    this.void('UngrabButton', 'ungrabButtons', [w], () => this.ungrabButtonOn(WM, this.win(w), AnyButton, AnyModifier));
  }
  replayPointer(time: number): void {
    this.void('AllowEvents', 'replayPointer', [AllowEventsMode.ReplayPointer, time], () => this.replay(WM));
  }
  thawPointer(time: number): void {
    this.void('AllowEvents', 'thawPointer', [AllowEventsMode.AsyncPointer, time], () => this.thaw(WM));
  }
  grabButton(w: WindowId, modifiers: number, button: number): void {
    this.void('GrabButton', 'grabButton', [w, modifiers, button], () => this.grabButtonOn(WM, this.win(w), {
      button, modifiers, pointerMode: GrabMode.Async, eventMask: EventMask.ButtonPress | EventMask.ButtonRelease | EventMask.PointerMotion,
    }));
  }
  ungrabButton(w: WindowId, modifiers: number, button: number): void {
    this.void('UngrabButton', 'ungrabButton', [w, modifiers, button], () => this.ungrabButtonOn(WM, this.win(w), button, modifiers));
  }
  grabPointer(w: WindowId, time: number): Promise<Reply<number>> {
    return this.reply('GrabPointer', 'grabPointer', [w, time], () => this.grabPtr(WM, this.win(w)));
  }
  ungrabPointer(time: number = CurrentTime): void {
    this.void('UngrabPointer', 'ungrabPointer', [time], () => this.ungrabPtr(WM));
  }
  queryPointer(w: WindowId): Promise<Reply<PointerState>> {
    return this.reply('QueryPointer', 'queryPointer', [w], () => {
      this.win(w);
      return { root: this.roots[this.pointer.screen]!.id, rootX: this.pointer.x, rootY: this.pointer.y, child: None as WindowId, mask: 0 };
    });
  }
  warpPointer(w: WindowId, x: number, y: number): void {
    this.void('WarpPointer', 'warpPointer', [w, x, y], () => {
      const o = this.origin(this.win(w));
      this.pointer = { screen: this.win(w).screen, x: o.x + x, y: o.y + y };
    });
  }
  getKeyboardMapping(): Promise<Reply<number[][]>> {
    return this.reply('GetKeyboardMapping', 'getKeyboardMapping', [], keyboardMapping);
  }
  getModifierMapping(): Promise<Reply<number[][]>> {
    return this.reply('GetModifierMapping', 'getModifierMapping', [], modifierMapping);
  }

  // ---- XPort: drawing (kept as records and resources, never rasterised) ----
  openFont(name: string): Promise<Reply<{ id: number; metrics: FontMetrics }>> {
    const id = this.allocId();
    const metrics = this.fontByName(name);
    this.void('OpenFont', 'openFont', [id, name], () => {
      if (metrics === null) throw new ProtocolError(ErrorCode.BadName, 0);
      this.newId(id);
      this.fonts.set(id, metrics);
    });
    return this.reply('QueryFont', 'openFont', [id], () => {
      const m = this.fonts.get(id);
      if (m === undefined) throw new ProtocolError(ErrorCode.BadFont, id);
      return { id, metrics: m };
    });
  }
  createGC(drawable: WindowId | number, values: ValueList): number {
    const id = this.allocId();
    this.void('CreateGC', 'createGC', [id, drawable, values], () => {
      this.newId(id);
      this.drawable(drawable);
      this.gcValues(values);
      this.gcs.set(id, { ...values });
    });
    return id;
  }
  changeGC(gc: number, values: ValueList): void {
    this.void('ChangeGC', 'changeGC', [gc, values], () => {
      this.gc(gc);
      this.gcValues(values);
      Object.assign(this.gcs.get(gc)!, values);
    });
  }
  createPixmap(drawable: WindowId, depth: number, width: number, height: number): number {
    const id = this.allocId();
    this.void('CreatePixmap', 'createPixmap', [id, drawable, depth, width, height], () => {
      this.newId(id);
      this.drawable(drawable);
      if (depth !== 1 && depth !== this.screens[0]!.depth) throw new ProtocolError(ErrorCode.BadValue, depth);
      this.pixmaps.set(id, { width: Math.max(1, width), height: Math.max(1, height), depth });
    });
    return id;
  }
  freePixmap(p: number): void {
    this.void('FreePixmap', 'freePixmap', [p], () => {
      if (!this.pixmaps.delete(p)) throw new ProtocolError(ErrorCode.BadPixmap, p);
    });
  }
  copyArea(src: number, dst: number, gc: number, sx: number, sy: number, dx: number, dy: number, w: number, h: number): void {
    this.void('CopyArea', 'copyArea', [src, dst, gc, sx, sy, dx, dy, w, h], () => { this.drawable(src); this.drawable(dst); this.gc(gc); });
  }
  fillRect(d: number, gc: number, x: number, y: number, w: number, h: number): void {
    this.void('PolyFillRectangle', 'fillRect', [d, gc, x, y, w, h], () => { this.drawable(d); this.gc(gc); });
  }
  putImage(d: number, gc: number, x: number, y: number, width: number, height: number, depth: number, pixels: Uint32Array): void {
    this.void('PutImage', 'putImage', [d, gc, x, y, width, height, depth, [...pixels]], () => {
      this.drawable(d); this.gc(gc);
      if (pixels.length !== width * height) throw new ProtocolError(ErrorCode.BadLength, d);
    });
  }
  imageText16(d: number, gc: number, x: number, y: number, text: string): void {
    this.void('ImageText16', 'imageText16', [d, gc, x, y, text], () => { this.drawable(d); this.gc(gc); });
  }
}
