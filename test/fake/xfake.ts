// FakeX: an in-memory X server seen from the window manager's connection
// (an XPort), plus what a test needs to play the other clients (create,
// map, configure, destroy their windows, set their properties, send
// messages, press keys, click) and to look at the result (the tree, the
// focus, properties, every request the window manager made). Events reach
// the window manager asynchronously and in order; `await fake.settle()`
// lets everything on its way arrive and be handled.
import type { XEvent } from '../../src/x/events.js';
import type { Property, ValueList, WindowGeometry } from '../../src/x/port.js';
import { EventMask, MappingRequest, None, PointerRoot, PropMode, RevertTo } from '../../src/x/protocol.js';
import type { Atom, WindowId } from '../../src/x/types.js';
import { FakeConnection, type FakeConnectionOptions, type RequestRecord } from './connection.js';
import { atoms, cardinals, latin1, normalHints, strutPartial, utf8, windows, wmClass, wmHints, type NormalHintsValue, type PropertyValue, type WmHintsValue } from './encode.js';
import { MAX_KEYCODE, MIN_KEYCODE } from './keymap.js';
import { ID_BASE, WM, clientOfId, type ClientId } from './tree.js';

export { WM, type ClientId } from './tree.js';
export type { RequestRecord } from './connection.js';

/** What a typical client selects on its own top-level window. */
export const CLIENT_EVENTS = EventMask.StructureNotify | EventMask.PropertyChange | EventMask.FocusChange |
  EventMask.KeyPress | EventMask.KeyRelease | EventMask.ButtonPress | EventMask.ButtonRelease | EventMask.Exposure;

export interface ClientWindowOptions {
  /** The client that creates it (default: a new client). */
  readonly client?: ClientId;
  /** The id of a window destroyed before (the server gives a closed connection's ids to the
   *  next one); default the client's next id. */
  readonly id?: WindowId;
  /** Default: the root of `screen`. */
  readonly parent?: WindowId;
  readonly screen?: number;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly borderWidth?: number;
  readonly overrideRedirect?: boolean;
  readonly inputOnly?: boolean;
  /** What its client selects on it (default CLIENT_EVENTS). */
  readonly events?: number;
  /** _NET_WM_NAME (UTF-8). */
  readonly title?: string;
  /** WM_NAME (STRING, Latin-1). */
  readonly wmName?: string;
  /** WM_CLASS: instance, class. */
  readonly class?: readonly [string, string];
  readonly hints?: WmHintsValue;
  readonly normalHints?: NormalHintsValue;
  /** WM_PROTOCOLS by atom name (WM_DELETE_WINDOW, WM_TAKE_FOCUS). */
  readonly protocols?: readonly string[];
  readonly transientFor?: WindowId;
  /** _NET_WM_WINDOW_TYPE by atom name. */
  readonly types?: readonly string[];
  /** _NET_WM_STRUT: left, right, top, bottom. */
  readonly strut?: readonly [number, number, number, number];
  /** _NET_WM_STRUT_PARTIAL (12 values; missing ones are 0). */
  readonly strutPartial?: readonly [number, number, number, number, ...number[]];
  /** _NET_WM_STATE by atom name. */
  readonly netState?: readonly string[];
  readonly pid?: number;
  /** Any other property, by name. */
  readonly properties?: Readonly<Record<string, PropertyValue>>;
  /** Map it once created (through the redirect, as a client would). */
  readonly map?: boolean;
}

export type FakeXOptions = FakeConnectionOptions;

export class FakeX extends FakeConnection {
  private nextClient = WM + 1;
  private readonly clientIds = new Map<ClientId, number>();

  constructor(o: FakeXOptions = {}) { super(o); }

  // ---- other clients ----
  newClient(): ClientId { return this.nextClient++; }

  createClientWindow(o: ClientWindowOptions = {}): WindowId {
    const client = o.client ?? this.newClient();
    const n = (this.clientIds.get(client) ?? 0) + 1;
    this.clientIds.set(client, n);
    const parent = this.win(o.parent ?? this.screens[o.screen ?? 0]!.root);
    const w = this.createWin(client, o.id ?? client * ID_BASE + n, parent, {
      x: o.x ?? 0, y: o.y ?? 0, width: o.width ?? 640, height: o.height ?? 480, borderWidth: o.borderWidth ?? 0,
    }, { overrideRedirect: o.overrideRedirect === true, inputOnly: o.inputOnly === true, eventMask: o.events ?? CLIENT_EVENTS });
    const a = (names: readonly string[]): number[] => names.map((name) => this.atom(name));
    const props: Record<string, PropertyValue | undefined> = {
      _NET_WM_NAME: o.title === undefined ? undefined : utf8(o.title),
      WM_NAME: o.wmName === undefined ? undefined : latin1(o.wmName),
      WM_CLASS: o.class === undefined ? undefined : wmClass(...o.class),
      WM_HINTS: o.hints === undefined ? undefined : wmHints(o.hints),
      WM_NORMAL_HINTS: o.normalHints === undefined ? undefined : normalHints(o.normalHints),
      WM_PROTOCOLS: o.protocols === undefined ? undefined : atoms(a(o.protocols)),
      WM_TRANSIENT_FOR: o.transientFor === undefined ? undefined : windows([o.transientFor]),
      _NET_WM_WINDOW_TYPE: o.types === undefined ? undefined : atoms(a(o.types)),
      _NET_WM_STRUT: o.strut === undefined ? undefined : cardinals(o.strut),
      _NET_WM_STRUT_PARTIAL: o.strutPartial === undefined ? undefined : strutPartial(o.strutPartial),
      _NET_WM_STATE: o.netState === undefined ? undefined : atoms(a(o.netState)),
      _NET_WM_PID: o.pid === undefined ? undefined : cardinals([o.pid]),
      ...o.properties,
    };
    for (const [name, value] of Object.entries(props)) if (value !== undefined) this.clientSetProperty(w.id, name, value);
    if (o.map === true) this.clientMap(w.id);
    return w.id;
  }

  /** The client that created `w`. */
  clientOf(w: WindowId): ClientId { return this.win(w).owner; }

  /** The client maps `w`: a MapRequest to the window manager when it redirects, else mapped. */
  clientMap(w: WindowId): void { const win = this.win(w); this.mapWin(win.owner, win); }

  /** The client unmaps `w`; `synthetic` adds ICCCM's UnmapNotify sent to the root (a withdrawal). */
  clientUnmap(w: WindowId, o: { synthetic?: boolean } = {}): void {
    const win = this.win(w);
    this.unmapWin(win.owner, win);
    if (o.synthetic !== true) return;
    const root = this.roots[win.screen]!;
    this.sendEvent(root, { kind: 'UnmapNotify', window: w, event: root.id, synthetic: true },
      EventMask.SubstructureRedirect | EventMask.SubstructureNotify);
  }

  clientDestroy(w: WindowId): void { const win = this.win(w); this.destroyWin(win.owner, win); }

  /** The client sets a property of its window (by name; a string is UTF8_STRING). */
  clientSetProperty(w: WindowId, name: string, value: PropertyValue | string, mode: number = PropMode.Replace): void {
    const win = this.win(w);
    const v = typeof value === 'string' ? utf8(value) : value;
    this.setProp(win.owner, win, this.atom(name), this.atom(v.type), v.format, v.data, mode);
  }

  clientDeleteProperty(w: WindowId, name: string): void { const win = this.win(w); this.deleteProp(win.owner, win, this.atom(name)); }

  /** The client's ConfigureWindow: a ConfigureRequest to the window manager when it redirects. */
  clientConfigureRequest(w: WindowId, values: ValueList): void { const win = this.win(w); this.configureWin(win.owner, win, values); }

  clientReparent(w: WindowId, parent: WindowId, x = 0, y = 0): void {
    const win = this.win(w);
    this.reparentWin(win.owner, win, this.win(parent), x, y);
  }

  /** What the client of `w` selects on it from now on. */
  clientSelectInput(w: WindowId, mask: number): void { const win = this.win(w); this.selectInput(win.owner, win, mask); }

  /** The client of `w` (or a new client, for PointerRoot and None) sets the input focus. */
  clientSetFocus(target: WindowId | 0 | 1, revertTo: number = RevertTo.PointerRoot): void {
    const client = target === None || target === PointerRoot ? this.newClient() : this.win(target).owner;
    this.setFocus(client, target, revertTo);
  }

  /** `client` grabs the keyboard on `w`; the status GrabKeyboard answers. */
  clientGrabKeyboard(client: ClientId, w: WindowId): number { return this.grabKbd(client, this.win(w)); }
  clientUngrabKeyboard(client: ClientId): void { this.ungrabKbd(client); }

  /** A client (a new one unless given) takes a selection, by name, with a window of its own. */
  clientTakeSelection(selection: string, o: { client?: ClientId; window?: WindowId } = {}): WindowId {
    const window = o.window ?? this.createClientWindow(o.client === undefined ? {} : { client: o.client });
    this.setSelection(this.clientOf(window), window, this.atom(selection), 0);
    return window;
  }

  /** The client's connection closes (it exits, or is killed): its windows are destroyed. */
  clientExit(client: ClientId): void { this.closeDown(client); }

  /** SendEvent of a ClientMessage to a root, as a client would (FION_SYNC, _NET_ACTIVE_WINDOW ...). */
  sendClientMessageToRoot(window: WindowId, type: string | Atom, data: readonly number[],
    o: { mask?: number; screen?: number } = {}): void {
    const t = typeof type === 'string' ? this.atom(type) : type;
    const ev: XEvent = { kind: 'ClientMessage', window, type: t, format: 32, data: Array.from({ length: 5 }, (_, i) => (data[i] ?? 0) >>> 0) };
    this.sendEvent(this.roots[o.screen ?? 0]!, ev, o.mask ?? EventMask.SubstructureRedirect | EventMask.SubstructureNotify);
  }

  /** Any event sent with SendEvent by a client (a forged MapRequest, say). */
  clientSendEvent(destination: WindowId, ev: XEvent, mask: number): void { this.sendEvent(this.win(destination), ev, mask); }

  // ---- input ----
  /** A key pressed and released with modifier `state`: to a grab if one catches it, else to the focus. */
  pressKey(keycode: number, state = 0): void {
    if (keycode < MIN_KEYCODE || keycode > MAX_KEYCODE) throw new Error(`keycode ${keycode} out of range`);
    this.pressAndRelease(keycode, state);
  }

  /** The pointer moves to `x, y` inside `w` and clicks `button` there. */
  click(w: WindowId, button = 1, x = 0, y = 0, state = 0): void {
    const win = this.win(w);
    const o = this.origin(win);
    this.movePointer(o.x + x, o.y + y, win.screen);
    this.clickHere(button, state);
  }

  /** A click of `button` where the pointer is, with modifier `state`. */
  override clickHere(button = 1, state = 0): void { super.clickHere(button, state); }

  /** The pointer moves to root coordinates `x, y` (no crossing events are sent). */
  movePointer(x: number, y: number, screen = 0): void { this.pointer = { screen, x, y }; }

  /** The keyboard or modifier map changed (xmodmap): every client hears MappingNotify. */
  remapKeyboard(request: number = MappingRequest.Keyboard): void {
    const ev: XEvent = request === MappingRequest.Keyboard
      ? { kind: 'MappingNotify', request, firstKeycode: MIN_KEYCODE, count: MAX_KEYCODE - MIN_KEYCODE + 1 }
      : { kind: 'MappingNotify', request, firstKeycode: 0, count: 0 };
    for (let c = WM; c < this.nextClient; c++) this.deliver(c, ev);
  }

  /** The screen changes size (RandR): its root's geometry, and a ConfigureNotify to whoever watches the root. */
  resizeScreen(index: number, width: number, height: number): void {
    const s = this.screens[index];
    if (s === undefined) throw new Error(`no screen ${index}`);
    this.screens[index] = { ...s, width, height };
    const root = this.roots[index]!;
    root.width = width;
    root.height = height;
    this.structureEvent(root, (event) => ({ kind: 'ConfigureNotify', window: root.id, event, x: 0, y: 0, width, height }));
  }

  /** The server drops the window manager's connection (it died, or killed it). */
  dropConnection(): void { if (!this.closed) this.disconnect(); }

  // ---- looking ----
  atom(name: string): Atom { return this.atoms.get(name); }
  atomName(atom: number): string | undefined { return this.atoms.name(atom); }
  exists(w: number): boolean { return this.windows.has(w); }
  isMapped(w: WindowId): boolean { return this.win(w).mapped; }
  isViewable(w: WindowId): boolean { return this.viewable(this.win(w)); }
  geometry(w: WindowId): WindowGeometry {
    const { x, y, width, height, borderWidth } = this.win(w);
    return { x, y, width, height, borderWidth };
  }
  parentOf(w: WindowId): WindowId | null { return this.win(w).parent?.id ?? null; }
  /** Children of `w`, bottom to top. */
  childrenOf(w: WindowId): WindowId[] { return this.win(w).children.map((c) => c.id); }
  overrideRedirect(w: WindowId): boolean { return this.win(w).overrideRedirect; }
  /** A property as GetProperty would return it in full; null when unset. */
  property(w: WindowId, atom: Atom | string): Property | null {
    const p = this.win(w).props.get(typeof atom === 'string' ? this.atom(atom) : atom);
    return p === undefined ? null : { ...p, data: Buffer.from(p.data) };
  }
  /** A format-32 property's values (CARDINAL, ATOM, WINDOW ...); null when unset. */
  cardinals(w: WindowId, atom: Atom | string): number[] | null {
    const p = this.property(w, atom);
    if (p === null) return null;
    return Array.from({ length: Math.floor(p.data.length / 4) }, (_, i) => p.data.readUInt32LE(i * 4));
  }
  /** What `client` (default the window manager) selected on `w`. */
  eventMask(w: WindowId, client: ClientId = WM): number { return this.win(w).masks.get(client) ?? 0; }
  inSaveSet(w: WindowId, client: ClientId = WM): boolean { return this.saveSets.get(client)?.has(w) ?? false; }
  /** The window manager's passive key grabs on `w`. */
  passiveKeyGrabs(w: WindowId): { modifiers: number; keycode: number }[] {
    return (this.keyGrabs.get(w) ?? []).filter((g) => g.client === WM).map(({ modifiers, keycode }) => ({ modifiers, keycode }));
  }
  /** Whether the window manager has a passive button grab on `w`. */
  buttonsGrabbed(w: WindowId): boolean { return (this.buttonGrabs.get(w) ?? []).some((g) => g.client === WM); }
  /** The client holding the keyboard grab, or null. */
  get keyboardGrabber(): ClientId | null { return this.keyboardGrab?.client ?? null; }
  /** The input focus: a window, PointerRoot (1) or None (0). */
  get focus(): number { return this.focusTarget; }
  get focusRevertTo(): number { return this.revertTo; }
  /** Whether a click waits for the window manager's ReplayPointer. */
  get pointerFrozen(): boolean { return this.frozen !== null; }
  selectionOwner(selection: string): WindowId { return this.selectionOwnerOf(this.atom(selection)); }
  /** Events the client (or the creator of a window, even a destroyed one) has received, oldest first. */
  inbox(of: { client: ClientId } | WindowId): readonly XEvent[] {
    const client = typeof of === 'number' ? clientOfId(of) : of.client;
    return this.inboxes.get(client) ?? [];
  }
  clientAlive(client: ClientId): boolean { return !this.gone.has(client); }
  get isClosed(): boolean { return this.closed; }
  /** The window manager's drawing resources now (a leak shows as growth). */
  get drawingResources(): { pixmaps: number; gcs: number; fonts: number } {
    return { pixmaps: this.pixmaps.size, gcs: this.gcs.size, fonts: this.fonts.size };
  }

  /** The requests of these names, in order. */
  requestsNamed(...names: RequestRecord['request'][]): RequestRecord[] { return this.requests.filter((r) => names.includes(r.request)); }
  clearRequests(): void { this.requests.length = 0; }

  /**
   * Let everything on its way arrive and be handled: returns once nothing is queued and
   * neither a request nor an arrival happened for a few turns of the event loop.
   */
  async settle(maxTurns = 100_000): Promise<void> {
    let quiet = 0;
    for (let turn = 0; turn < maxTurns; turn++) {
      const before = this.activity + this.socket.delivered;
      await new Promise<void>((r) => setImmediate(r));
      const still = this.socket.pending === 0 && this.activity + this.socket.delivered === before;
      quiet = still ? quiet + 1 : 0;
      if (quiet >= 3) return;
    }
    throw new Error(`FakeX.settle: still busy after ${maxTurns} turns`);
  }
}
