// The one connection to the X server. Void requests are pipelined (no round
// trip, errors arrive later through onError); requests with replies return
// promises that resolve to the reply or to an XFailure, never reject.
import x11 from 'x11';
import type { XClient, XDisplay, XExtension, XProtocolError, ValueList, RawEvent, QueryPointerReply } from 'x11';
import { decodeEvent, type XEvent } from './events.js';
import { XFailure, type Atom, type Reply, type WindowId } from './types.js';
import { installLinearVoidSweep } from './sweep.js';
import { fontMetricsFromReply } from './fontmetrics.js';
import { clientMessageEvent, configureNotifyEvent } from './synthetic.js';
import type { FontMetrics, PointerState, Property, Screen, WindowAttributes, WindowGeometry, WindowTree, XPort } from './port.js';
import {
  AllowEventsMode, AnyButton, AnyKey, AnyModifier, CurrentTime, EventMask, GrabMode, MapState, None, Opcode,
  RevertTo, WindowClass, errorName, encodeWords,
} from './protocol.js';

// The port's types were first defined here; they stay importable from here.
export { fontMetricsFromReply };
export type { FontMetrics, Property, Screen, WindowAttributes, WindowGeometry, WindowTree, XPort } from './port.js';

/** What a drag's grabs (asynchronous) report: the release that ends it, the motion in between. */
const DRAG_EVENTS = EventMask.ButtonPress | EventMask.ButtonRelease | EventMask.PointerMotion;

export const toFailure = (e: XProtocolError): XFailure =>
  new XFailure(e.error, errorName(e.error), e.badParam >>> 0, e.majorOpcode);

/** Replies awaited at once on one connection (see XConnection.drain). */
const MAX_IN_FLIGHT = 256;
const noop = (): void => {};

/** Pauses before each new try of a connection the server dropped (ms). */
const CONNECT_RETRIES = [100, 200, 400, 800];

export class XConnection implements XPort {
  readonly screens: readonly Screen[];
  readonly minKeycode: number;
  readonly maxKeycode: number;
  /** The bits of a resource id a client picks; the rest say which client created it. */
  readonly resourceMask: number;
  private eventHandler: (ev: XEvent) => void = () => {};
  private errorHandler: (f: XFailure) => void = () => {};
  private closeHandler: () => void = () => {};
  private closed = false;
  private readonly waiters = new Set<{ match: (ev: XEvent) => boolean; resolve: (ev: XEvent | null) => void }>();

  private constructor(private readonly c: XClient, display: XDisplay, readonly name: string) {
    this.screens = display.screen.map((s, index) => ({
      index, root: s.root as WindowId, width: s.pixel_width, height: s.pixel_height, depth: s.root_depth,
      visual: s.root_visual, colormap: s.default_colormap, black: s.black_pixel, white: s.white_pixel,
    }));
    this.minKeycode = display.min_keycode;
    this.maxKeycode = display.max_keycode;
    this.resourceMask = display.resource_mask;
    c.on('event', (raw: RawEvent) => {
      const ev = decodeEvent(raw);
      for (const w of [...this.waiters]) {
        if (w.match(ev)) { this.waiters.delete(w); w.resolve(ev); }
      }
      this.eventHandler(ev);
    });
    c.on('error', (e: XProtocolError | Error) => {
      if ('error' in e && typeof e.error === 'number') {
        this.errorHandler(toFailure(e));
        return;
      }
      // The socket failed (EPIPE on a write to a server that died, a reset): it is closed
      // now, and x11 forwards only the read side's 'end', which such a close never sends.
      this.errorHandler(new XFailure(-1, String(e.message), 0, 0));
      this.markClosed();
    });
    c.on('end', () => this.markClosed());
    c.on('close', () => this.markClosed());
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.drain(); // what still waits resolves as ConnectionClosed
    this.closeHandler();
  }

  /** Connect to `display` (default $DISPLAY); the error names the display. A server that
   *  drops the connection before the handshake ends (EPIPE, ECONNRESET: one going away where
   *  a new one comes up) is tried again over about 1.5 s; nobody listening fails at once. */
  static async connect(display?: string): Promise<XConnection> {
    const name = display ?? process.env.DISPLAY ?? ':0';
    for (let attempt = 0; ; attempt++) {
      try {
        return await XConnection.connectOnce(name);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        const code = (err as NodeJS.ErrnoException).code;
        const dropped = code === 'EPIPE' || code === 'ECONNRESET' || /closed before|socket hang up|EPIPE|ECONNRESET/.test(err.message);
        if (!dropped || attempt >= CONNECT_RETRIES.length) throw new Error(`cannot connect to X display ${name}: ${err.message}`);
        await new Promise((r) => setTimeout(r, CONNECT_RETRIES[attempt]));
      }
    }
  }

  private static connectOnce(name: string): Promise<XConnection> {
    return new Promise((resolve, reject) => {
      let settled = false;
      try {
        // Requests leave in one write per turn of the event loop (or per 16 KB, or 5 ms of
        // work), replies' requests included: a profile of a burst of maps showed socket
        // writes, one per request with a reply, as the largest single cost. Nothing waits
        // longer for a reply: it can only be read once the loop polls, after the flush.
        const client = x11.createClient({ display: name, bufferRequests: { flushOnReply: false } }, (err, d) => {
          if (settled) return;
          settled = true;
          if (err) return reject(err);
          installLinearVoidSweep(d.client);
          resolve(new XConnection(d.client, d, name));
        });
        client.on('error', (e: Error) => {
          if (!settled) { settled = true; reject(e); }
        });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  onEvent(h: (ev: XEvent) => void): void { this.eventHandler = h; }
  /** Errors of pipelined requests (a window that vanished meanwhile, mostly). */
  onError(h: (f: XFailure) => void): void { this.errorHandler = h; }
  onClose(h: () => void): void { this.closeHandler = h; }
  get isClosed(): boolean { return this.closed; }

  /** Resolves with the first event matching `match`, or null after `timeoutMs`. The event still goes to onEvent. */
  waitForEvent(match: (ev: XEvent) => boolean, timeoutMs: number): Promise<XEvent | null> {
    return new Promise((resolve) => {
      const w = {
        match,
        resolve: (ev: XEvent | null) => { clearTimeout(t); resolve(ev); },
      };
      const t = setTimeout(() => { this.waiters.delete(w); resolve(null); }, timeoutMs);
      this.waiters.add(w);
    });
  }

  allocId(): number { return this.c.AllocID(); }
  flush(): Promise<void> { return this.c.flush(); }
  /** A round trip: every earlier request has been processed when it resolves. */
  async sync(): Promise<void> {
    await this.reply<unknown>((cb) => this.c.GetInputFocus(cb));
  }
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const t = setTimeout(resolve, 1000);
      this.c.close(() => { clearTimeout(t); resolve(); });
    });
  }

  // ---- extensions (for src/x modules such as randr.ts) ----
  /** Load an extension module of node-x11 (null when the server lacks it). */
  extension(name: string): Promise<XExtension | null> {
    return new Promise((resolve) => {
      if (this.closed) return resolve(null);
      try {
        this.c.require(name, (err, ext) => resolve(err || !ext ? null : (ext as XExtension)));
      } catch {
        resolve(null); // node-x11 throws when QueryExtension itself fails
      }
    });
  }
  /** A request with a reply, sent by `send` on the raw client; resolves to the reply or an XFailure. */
  request<T>(send: (c: XClient, cb: (err: XProtocolError | null, r: T) => boolean) => void): Promise<Reply<T>> {
    return this.reply<T>((cb) => send(this.c, cb));
  }
  /** A void request sent on the raw client (errors go to onError). */
  sendRaw(f: (c: XClient) => void): void { this.send(() => f(this.c)); }
  /** Record a screen's new size after a RandR change (screens[i] is replaced). */
  setScreenSize(index: number, width: number, height: number): void {
    const s = this.screens[index];
    if (s === undefined || (s.width === width && s.height === height)) return;
    (this.screens as Screen[])[index] = { ...s, width, height };
  }

  // ---- plumbing ----
  // node-x11 walks every request still awaiting its reply for each packet it reads: with
  // thousands outstanding (a burst of new windows, a flood of title changes) reading costs
  // O(n^2) and Fion stalls for tens of seconds. So at most MAX_IN_FLIGHT replies are awaited
  // at once; requests beyond wait here, void ones too, so the server sees them in order.
  private inFlight = 0;
  private backlog: (() => void)[] = [];
  private backlogHead = 0;
  private get backlogged(): boolean { return this.backlogHead < this.backlog.length; }
  private drain(): void {
    while (this.backlogged && (this.inFlight < MAX_IN_FLIGHT || this.closed)) {
      const next = this.backlog[this.backlogHead]!;
      this.backlog[this.backlogHead++] = noop;
      next();
    }
    if (!this.backlogged && this.backlogHead > 0) { this.backlog = []; this.backlogHead = 0; }
  }

  private reply<T>(send: (cb: (err: XProtocolError | null, r: T) => boolean) => void): Promise<Reply<T>> {
    return new Promise((resolve) => {
      if (this.closed) return resolve(new XFailure(-1, 'ConnectionClosed', 0, 0));
      const issue = (): void => {
        if (this.closed) return resolve(new XFailure(-1, 'ConnectionClosed', 0, 0));
        this.inFlight++;
        let done = false;
        const finish = (r: Reply<T>): void => {
          if (done) return;
          done = true;
          this.inFlight--;
          resolve(r);
          this.drain();
        };
        try {
          send((err, r) => {
            finish(err ? toFailure(err) : r);
            return true; // handled here: don't re-emit as 'error'
          });
        } catch (e) {
          finish(new XFailure(-1, `RequestThrew: ${e instanceof Error ? e.message : String(e)}`, 0, 0));
        }
      };
      if (this.backlogged || this.inFlight >= MAX_IN_FLIGHT) this.backlog.push(issue);
      else issue();
    });
  }
  /** Send a void request; a throw from packing (bad argument) is reported, not raised. */
  private send(f: () => void): void {
    if (this.closed) return;
    if (this.backlogged) { this.backlog.push(() => this.sendNow(f)); return; }
    this.sendNow(f);
  }
  private sendNow(f: () => void): void {
    if (this.closed) return;
    try { f(); } catch (e) {
      this.errorHandler(new XFailure(-1, `RequestThrew: ${e instanceof Error ? e.message : String(e)}`, 0, 0));
    }
  }
  /** A void request whose outcome matters: costs a round trip. */
  checked(f: (cb: (err: XProtocolError | null) => boolean) => void): Promise<XFailure | null> {
    return this.reply<null>((cb) => f((err) => cb(err, null))).then((r) => (r instanceof XFailure ? r : null));
  }

  // ---- windows ----
  createWindow(id: number, parent: WindowId, x: number, y: number, width: number, height: number,
    values: ValueList, opts: { inputOnly?: boolean; depth?: number; visual?: number } = {}): WindowId {
    this.send(() => this.c.CreateWindow(id, parent, x, y, Math.max(1, width), Math.max(1, height), 0,
      opts.depth ?? 0, opts.inputOnly ? WindowClass.InputOnly : WindowClass.InputOutput, opts.visual ?? 0, values));
    return id as WindowId;
  }
  changeAttributes(w: WindowId, values: ValueList): void { this.send(() => this.c.ChangeWindowAttributes(w, values)); }
  selectInputChecked(w: WindowId, mask: number): Promise<XFailure | null> {
    return this.checked((cb) => this.c.ChangeWindowAttributes(w, { eventMask: mask }, cb));
  }
  destroyWindow(w: WindowId): void { this.send(() => this.c.DestroyWindow(w)); }
  map(w: WindowId): void { this.send(() => this.c.MapWindow(w)); }
  unmap(w: WindowId): void { this.send(() => this.c.UnmapWindow(w)); }
  reparent(w: WindowId, parent: WindowId, x: number, y: number): void { this.send(() => this.c.ReparentWindow(w, parent, x, y)); }
  /** While grabbed, the server handles no other connection's requests (tests of a client that hogs it). */
  grabServer(): void { this.send(() => this.c.GrabServer()); }
  ungrabServer(): void { this.send(() => this.c.UngrabServer()); }
  configure(w: WindowId, values: ValueList): void { this.send(() => this.c.ConfigureWindow(w, values)); }
  addToSaveSet(w: WindowId): void { this.send(() => this.c.ChangeSaveSet(1, w)); }
  removeFromSaveSet(w: WindowId): void { this.send(() => this.c.ChangeSaveSet(0, w)); }
  killClient(resource: number): void { this.send(() => this.c.KillClient(resource)); }
  setInputFocus(w: WindowId | 1 /* PointerRoot */, revertTo: 0 | 1 | 2 = RevertTo.PointerRoot): void {
    this.send(() => this.c.SetInputFocus(w, revertTo));
  }

  getWindowAttributes(w: WindowId): Promise<Reply<WindowAttributes>> {
    return this.reply<import('x11').WindowAttributesReply>((cb) => this.c.GetWindowAttributes(w, cb)).then((r) =>
      r instanceof XFailure ? r : {
        mapState: r.mapState === MapState.Viewable ? 'viewable' : r.mapState === MapState.Unviewable ? 'unviewable' : 'unmapped',
        overrideRedirect: r.overrideRedirect !== 0,
        inputOnly: r.klass === WindowClass.InputOnly,
      });
  }
  getGeometry(w: WindowId): Promise<Reply<WindowGeometry>> {
    return this.reply<import('x11').GeometryReply>((cb) => this.c.GetGeometry(w, cb)).then((r) =>
      r instanceof XFailure ? r : { x: r.xPos, y: r.yPos, width: r.width, height: r.height, borderWidth: r.borderWidth });
  }
  queryTree(w: WindowId): Promise<Reply<WindowTree>> {
    return this.reply<import('x11').QueryTreeReply>((cb) => this.c.QueryTree(w, cb)).then((r) =>
      r instanceof XFailure ? r : { root: r.root as WindowId, parent: r.parent as WindowId, children: r.children as WindowId[] });
  }
  getInputFocus(): Promise<Reply<WindowId>> {
    return this.reply<import('x11').InputFocusReply>((cb) => this.c.GetInputFocus(cb)).then((r) =>
      r instanceof XFailure ? r : (r.focus as WindowId));
  }

  // ---- atoms and properties ----
  internAtom(name: string, onlyIfExists = false): Promise<Reply<Atom>> {
    return this.reply<number>((cb) => this.c.InternAtom(onlyIfExists, name, cb)) as Promise<Reply<Atom>>;
  }
  getAtomName(atom: Atom): Promise<Reply<string>> {
    return this.reply<string>((cb) => this.c.GetAtomName(atom, cb));
  }
  /** Reads up to `maxLongs` 32-bit units (default 64 KiB): enough for any sane property, bounded for insane ones. */
  getProperty(w: WindowId, property: Atom, type: Atom | 0 = 0, maxLongs = 16384): Promise<Reply<Property | null>> {
    return this.reply<import('x11').PropertyReply>((cb) => this.c.GetProperty(0, w, property, type, 0, maxLongs, cb)).then((r) =>
      r instanceof XFailure ? r : r.type === None ? null : { type: r.type as Atom, format: r.format, data: r.data });
  }
  changeProperty(w: WindowId, property: Atom, type: Atom, format: 8 | 16 | 32, data: Buffer | number[], mode: 0 | 1 | 2 = 0): void {
    this.send(() => this.c.ChangeProperty(mode, w, property, type, format, data));
  }
  deleteProperty(w: WindowId, property: Atom): void { this.send(() => this.c.DeleteProperty(w, property)); }

  // ---- selections, events ----
  setSelectionOwner(owner: WindowId | 0, selection: Atom, time: number): void {
    this.send(() => this.c.SetSelectionOwner(owner, selection, time));
  }
  getSelectionOwner(selection: Atom): Promise<Reply<WindowId>> {
    return this.reply<number>((cb) => this.c.GetSelectionOwner(selection, cb)) as Promise<Reply<WindowId>>;
  }
  /** SendEvent of a ClientMessage with 32-bit data. */
  sendClientMessage(destination: WindowId, window: WindowId, type: Atom, data: readonly number[], eventMask: number): void {
    this.send(() => this.c.SendEvent(destination, 0, eventMask, clientMessageEvent(window, type, data)));
  }
  /** A synthetic ConfigureNotify telling a client its real geometry (ICCCM 4.1.5). */
  sendConfigureNotify(w: WindowId, g: WindowGeometry): void {
    this.send(() => this.c.SendEvent(w, 0, EventMask.StructureNotify, configureNotifyEvent(w, g)));
  }

  // ---- input ----
  grabKey(root: WindowId, modifiers: number, keycode: number): void {
    this.send(() => this.c.GrabKey(root, 1, modifiers, keycode, GrabMode.Async, GrabMode.Async));
  }
  ungrabAllKeys(root: WindowId): void { this.send(() => this.c.UngrabKey(root, AnyKey, AnyModifier)); }
  grabKeyboard(w: WindowId, time: number): Promise<Reply<number>> {
    return this.reply<number>((cb) => this.c.GrabKeyboard(w, 1, time, GrabMode.Async, GrabMode.Async, cb));
  }
  ungrabKeyboard(time = CurrentTime): void { this.send(() => this.c.UngrabKeyboard(time)); }
  /** Passive grab of every button on `w`, synchronous so the click can be replayed to the client. */
  grabButtonsForFocus(w: WindowId): void {
    this.send(() => this.c.GrabButton(w, 0, EventMask.ButtonPress, GrabMode.Sync, GrabMode.Async, None, None, AnyButton, AnyModifier));
  }
  ungrabButtons(w: WindowId): void { this.send(() => this.c.UngrabButton(w, AnyButton, AnyModifier)); }
  /** Let a frozen pointer go on to the client (ReplayPointer). */
  replayPointer(time: number): void { this.send(() => this.c.AllowEvents(AllowEventsMode.ReplayPointer, time)); }
  thawPointer(time: number): void { this.send(() => this.c.AllowEvents(AllowEventsMode.AsyncPointer, time)); }
  grabButton(w: WindowId, mods: number, button: number): void { this.send(() => this.c.GrabButton(w, 0, DRAG_EVENTS, 1, 1, None, None, button, mods)); }
  ungrabButton(w: WindowId, modifiers: number, button: number): void { this.send(() => this.c.UngrabButton(w, button, modifiers)); }
  grabPointer(w: WindowId, time: number): Promise<Reply<number>> {
    return this.reply<number>((cb) => this.c.GrabPointer(w, 0, DRAG_EVENTS, GrabMode.Async, GrabMode.Async, None, None, time, cb));
  }
  ungrabPointer(time = CurrentTime): void { this.send(() => this.c.UngrabPointer(time)); }
  queryPointer(w: WindowId): Promise<Reply<PointerState>> {
    return this.reply<QueryPointerReply>((cb) => this.c.QueryPointer(w, cb)).then((r) => (r instanceof XFailure ? r
      : { root: r.root as WindowId, rootX: r.rootX, rootY: r.rootY, child: r.child as WindowId, mask: r.keyMask ?? 0 }));
  }
  warpPointer(w: WindowId, x: number, y: number): void { this.send(() => this.c.WarpPointer(None, w, 0, 0, 0, 0, x, y)); }
  getKeyboardMapping(): Promise<Reply<number[][]>> {
    return this.reply<number[][]>((cb) => this.c.GetKeyboardMapping(this.minKeycode, this.maxKeycode - this.minKeycode + 1, cb));
  }
  getModifierMapping(): Promise<Reply<number[][]>> {
    return this.reply<number[][]>((cb) => this.c.GetModifierMapping(cb));
  }

  // ---- drawing ----
  openFont(name: string): Promise<Reply<{ id: number; metrics: FontMetrics }>> {
    const id = this.allocId();
    this.send(() => this.c.OpenFont(id, name));
    // QueryFont's reply is read here straight into a table of widths: node-x11 would turn the
    // 65536 character infos of an iso10646 font into objects (~65 ms and ~7 MB that stays).
    return this.request<Omit<FontMetrics, 'id'>>((X, cb) => {
      X.seq_num++;
      const b = Buffer.alloc(8);
      b.writeUInt8(Opcode.QueryFont, 0);
      b.writeUInt16LE(2, 2);
      b.writeUInt32LE(id >>> 0, 4);
      X.pack_stream.put(b);
      X.replies[X.seq_num] = [fontMetricsFromReply, cb as (err: XProtocolError | null, r: never) => boolean];
      X.pack_stream.submit(true);
    }).then((m) => (m instanceof XFailure ? m : { id, metrics: m }));
  }
  createGC(drawable: WindowId | number, values: ValueList): number {
    const id = this.allocId();
    this.send(() => this.c.CreateGC(id, drawable, values));
    return id;
  }
  changeGC(gc: number, values: ValueList): void { this.send(() => this.c.ChangeGC(gc, values)); }
  createPixmap(drawable: WindowId, depth: number, width: number, height: number): number {
    const id = this.allocId();
    this.send(() => this.c.CreatePixmap(id, drawable, depth, Math.max(1, width), Math.max(1, height)));
    return id;
  }
  freePixmap(p: number): void { this.send(() => this.c.FreePixmap(p)); }
  copyArea(src: number, dst: number, gc: number, sx: number, sy: number, dx: number, dy: number, w: number, h: number): void {
    this.send(() => this.c.CopyArea(src, dst, gc, sx, sy, dx, dy, w, h));
  }
  fillRect(d: number, gc: number, x: number, y: number, w: number, h: number): void {
    this.send(() => this.c.PolyFillRectangle(d, gc, [x, y, w, h]));
  }
  putImage(d: number, gc: number, x: number, y: number, width: number, height: number, depth: number, pixels: Uint32Array): void {
    this.send(() => this.c.PutImage(2 /* ZPixmap */, d, gc, width, height, x, y, 0, depth, encodeWords(pixels))); }
  /** Draws UCS-2 text; the caller keeps it to 255 code units. */
  imageText16(d: number, gc: number, x: number, y: number, text: string): void {
    this.send(() => this.c.ImageText16(d, gc, x, y, text));
  }
}
