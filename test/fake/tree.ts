// The fake server's windows: the tree and its stacking order, geometry, map
// state, event selections per client, properties, save-sets and selection
// owners, and the events a change sends to whoever selected them. Every
// operation names the client doing it: the window manager's requests are not
// redirected to itself, other clients' maps and configures are.
import type { XEvent } from '../../src/x/events.js';
import type { Property, Screen, ValueList } from '../../src/x/port.js';
import { ConfigMask, CurrentTime, ErrorCode, EventMask, StackMode } from '../../src/x/protocol.js';
import type { Atom, WindowId } from '../../src/x/types.js';
import { AtomTable } from './atoms.js';
import { ProtocolError, changeProperty } from './props.js';

export type ClientId = number;
/** Roots belong to the server itself. */
export const SERVER: ClientId = 0;
/** The connection under test: the window manager's. */
export const WM: ClientId = 1;
/** A client's resource ids are its number times this, plus what it picks (as Xvfb gives them). */
export const ID_BASE = 0x200000;
export const clientOfId = (id: number): ClientId => Math.floor((id >>> 0) / ID_BASE);

export interface Win {
  readonly id: WindowId;
  readonly owner: ClientId;
  readonly screen: number;
  parent: Win | null;
  /** Bottom to top. */
  readonly children: Win[];
  x: number;
  y: number;
  width: number;
  height: number;
  borderWidth: number;
  mapped: boolean;
  overrideRedirect: boolean;
  readonly inputOnly: boolean;
  /** What each client selected on this window. */
  readonly masks: Map<ClientId, number>;
  readonly props: Map<Atom, Property>;
}

export interface ScreenOptions {
  readonly root?: number;
  readonly width?: number;
  readonly height?: number;
}

/** Only one client at a time may select these on a window. */
const EXCLUSIVE = [EventMask.SubstructureRedirect, EventMask.ResizeRedirect, EventMask.ButtonPress];

export class Tree {
  readonly atoms = new AtomTable();
  readonly screens: Screen[];
  protected readonly windows = new Map<number, Win>();
  protected readonly roots: Win[];
  protected readonly inboxes = new Map<ClientId, XEvent[]>();
  protected readonly saveSets = new Map<ClientId, Set<number>>();
  protected readonly selections = new Map<number, { window: number; client: ClientId; time: number }>();
  protected readonly gone = new Set<ClientId>();
  /** The server's clock (milliseconds), ticking once per timestamped event. */
  protected time = 1000;

  constructor(screens: readonly ScreenOptions[]) {
    this.screens = screens.map((s, index) => ({
      index, root: (s.root ?? 0x50d + index * 0x100) as WindowId, width: s.width ?? 1280, height: s.height ?? 800,
      depth: 24, visual: 0x21, colormap: 0x20, black: 0, white: 0xffffff,
    }));
    this.roots = this.screens.map((s) => this.add({
      id: s.root, owner: SERVER, screen: s.index, parent: null, x: 0, y: 0, width: s.width, height: s.height,
      borderWidth: 0, overrideRedirect: false, inputOnly: false,
    }, true));
  }

  private add(w: Omit<Win, 'children' | 'masks' | 'props' | 'mapped'>, mapped: boolean): Win {
    const win: Win = { ...w, children: [], masks: new Map(), props: new Map(), mapped };
    this.windows.set(win.id, win);
    win.parent?.children.push(win);
    return win;
  }

  protected now(): number { return ++this.time; }

  protected win(id: number, code: number = ErrorCode.BadWindow): Win {
    const w = this.windows.get(id);
    if (w === undefined) throw new ProtocolError(code, id);
    return w;
  }

  protected validAtom(a: number): Atom {
    if (!this.atoms.exists(a)) throw new ProtocolError(ErrorCode.BadAtom, a);
    return a as Atom;
  }

  /** An event for `client`: other clients' events are kept in their inboxes. */
  protected deliver(client: ClientId, ev: XEvent): void {
    if (client === SERVER || this.gone.has(client)) return;
    let box = this.inboxes.get(client);
    if (box === undefined) this.inboxes.set(client, (box = []));
    box.push(ev);
  }

  /** To every client that selected `bit` on `w`. */
  protected toSelectors(w: Win, bit: number, ev: XEvent): void {
    for (const [client, mask] of w.masks) if (mask & bit) this.deliver(client, ev);
  }

  /** StructureNotify on the window itself, then SubstructureNotify on its parent. */
  protected structureEvent(w: Win, make: (event: WindowId) => XEvent, parent: Win | null = w.parent): void {
    this.toSelectors(w, EventMask.StructureNotify, make(w.id));
    if (parent !== null) this.toSelectors(parent, EventMask.SubstructureNotify, make(parent.id));
  }

  private redirector(parent: Win, actor: ClientId): ClientId | undefined {
    for (const [client, mask] of parent.masks) {
      if (mask & EventMask.SubstructureRedirect && client !== actor) return client;
    }
    return undefined;
  }

  protected viewable(w: Win): boolean {
    for (let v: Win | null = w; v !== null; v = v.parent) if (!v.mapped) return false;
    return true;
  }

  /** `w` and its mapped descendants under mapped parents: what is viewable with it. */
  protected shownWith(w: Win): Win[] {
    const out = [w];
    for (const c of w.children) if (c.mapped) out.push(...this.shownWith(c));
    return out;
  }

  protected isInferior(w: Win, of: Win): boolean {
    for (let p = w.parent; p !== null; p = p.parent) if (p === of) return true;
    return false;
  }

  /** Where `w`'s inside starts, in its root's coordinates. */
  protected origin(w: Win): { x: number; y: number } {
    let x = 0;
    let y = 0;
    for (let v: Win | null = w; v !== null && v.parent !== null; v = v.parent) {
      x += v.x + v.borderWidth;
      y += v.y + v.borderWidth;
    }
    return { x, y };
  }

  /** Called with the windows that stopped being viewable (grabs and focus care). */
  protected unrealized(_wins: readonly Win[]): void {}
  /** Called as a window is destroyed, after its DestroyNotify. */
  protected destroyed(_w: Win): void {}

  // ---- requests, each done by `actor` ----
  protected selectInput(actor: ClientId, w: Win, mask: number): void {
    for (const bit of EXCLUSIVE) {
      if (!(mask & bit)) continue;
      for (const [c, m] of w.masks) if (c !== actor && m & bit) throw new ProtocolError(ErrorCode.BadAccess, w.id);
    }
    if (mask === 0) w.masks.delete(actor);
    else w.masks.set(actor, mask);
  }

  protected createWin(actor: ClientId, id: number, parent: Win, g: { x: number; y: number; width: number; height: number; borderWidth: number },
    o: { overrideRedirect?: boolean; inputOnly?: boolean; eventMask?: number }): Win {
    if (this.windows.has(id) || clientOfId(id) !== actor || id % ID_BASE === 0) throw new ProtocolError(ErrorCode.BadIDChoice, id);
    if (g.width <= 0 || g.height <= 0) throw new ProtocolError(ErrorCode.BadValue, 0);
    if (o.inputOnly === true ? g.borderWidth !== 0 : parent.inputOnly) throw new ProtocolError(ErrorCode.BadMatch, id);
    const w = this.add({
      id: id as WindowId, owner: actor, screen: parent.screen, parent, ...g,
      overrideRedirect: o.overrideRedirect === true, inputOnly: o.inputOnly === true,
    }, false);
    if (o.eventMask !== undefined && o.eventMask !== 0) this.selectInput(actor, w, o.eventMask);
    this.toSelectors(parent, EventMask.SubstructureNotify, { kind: 'CreateNotify', window: w.id, parent: parent.id, overrideRedirect: w.overrideRedirect });
    return w;
  }

  protected mapWin(actor: ClientId, w: Win): void {
    const parent = w.parent;
    if (w.mapped || parent === null) return;
    const holder = w.overrideRedirect ? undefined : this.redirector(parent, actor);
    if (holder !== undefined) {
      this.deliver(holder, { kind: 'MapRequest', window: w.id, parent: parent.id, synthetic: false });
      return;
    }
    w.mapped = true;
    this.structureEvent(w, (event) => ({ kind: 'MapNotify', window: w.id, event, overrideRedirect: w.overrideRedirect }));
    if (!this.viewable(w)) return;
    for (const v of this.shownWith(w)) {
      if (!v.inputOnly) this.toSelectors(v, EventMask.Exposure, { kind: 'Expose', window: v.id, count: 0 });
    }
  }

  protected unmapWin(_actor: ClientId, w: Win): void {
    if (!w.mapped || w.parent === null) return;
    const hidden = this.viewable(w) ? this.shownWith(w) : [];
    w.mapped = false;
    this.structureEvent(w, (event) => ({ kind: 'UnmapNotify', window: w.id, event, synthetic: false }));
    if (hidden.length > 0) this.unrealized(hidden);
  }

  protected destroyWin(actor: ClientId, w: Win): void {
    const parent = w.parent;
    if (parent === null || !this.windows.has(w.id)) return;
    this.unmapWin(actor, w);
    const order: Win[] = [];
    const walk = (v: Win): void => { for (const c of v.children) walk(c); order.push(v); };
    walk(w);
    for (const v of order) this.structureEvent(v, (event) => ({ kind: 'DestroyNotify', window: v.id, event }));
    parent.children.splice(parent.children.indexOf(w), 1);
    for (const v of order) {
      this.windows.delete(v.id);
      for (const set of this.saveSets.values()) set.delete(v.id);
      for (const [sel, s] of this.selections) if (s.window === v.id) this.selections.delete(sel);
      this.destroyed(v);
    }
  }

  protected configureWin(actor: ClientId, w: Win, v: ValueList): void {
    const parent = w.parent;
    if (parent === null) return;
    const has = (k: string): boolean => v[k] !== undefined;
    if ((has('width') && v.width! <= 0) || (has('height') && v.height! <= 0)) throw new ProtocolError(ErrorCode.BadValue, 0);
    if (has('stackMode') && !(v.stackMode! >= StackMode.Above && v.stackMode! <= StackMode.Opposite)) {
      throw new ProtocolError(ErrorCode.BadValue, v.stackMode!);
    }
    let sibling: Win | null = null;
    if (has('sibling')) {
      if (!has('stackMode')) throw new ProtocolError(ErrorCode.BadMatch, w.id);
      sibling = this.win(v.sibling!);
      if (sibling.parent !== parent || sibling === w) throw new ProtocolError(ErrorCode.BadMatch, w.id);
    }
    const holder = w.overrideRedirect ? undefined : this.redirector(parent, actor);
    if (holder !== undefined) {
      const bits = [['x', ConfigMask.X], ['y', ConfigMask.Y], ['width', ConfigMask.Width], ['height', ConfigMask.Height],
        ['borderWidth', ConfigMask.BorderWidth], ['sibling', ConfigMask.Sibling], ['stackMode', ConfigMask.StackMode]] as const;
      this.deliver(holder, {
        kind: 'ConfigureRequest', window: w.id, parent: parent.id, x: v.x ?? w.x, y: v.y ?? w.y, width: v.width ?? w.width,
        height: v.height ?? w.height, borderWidth: v.borderWidth ?? w.borderWidth, sibling: (v.sibling ?? 0) as WindowId,
        stackMode: v.stackMode ?? StackMode.Above, mask: bits.reduce((m, [k, bit]) => (has(k) ? m | bit : m), 0),
      });
      return;
    }
    const g = { x: v.x ?? w.x, y: v.y ?? w.y, width: v.width ?? w.width, height: v.height ?? w.height, borderWidth: v.borderWidth ?? w.borderWidth };
    const moved = g.x !== w.x || g.y !== w.y || g.width !== w.width || g.height !== w.height || g.borderWidth !== w.borderWidth;
    Object.assign(w, g);
    const restacked = has('stackMode') && this.restack(w, sibling, v.stackMode!);
    if (!moved && !restacked) return;
    this.structureEvent(w, (event) => ({ kind: 'ConfigureNotify', window: w.id, event, x: w.x, y: w.y, width: w.width, height: w.height }));
  }

  /** Move `w` in its siblings' stacking order; whether the order changed. */
  private restack(w: Win, sibling: Win | null, mode: number): boolean {
    const list = w.parent!.children;
    const others = list.filter((c) => c !== w);
    const index = list.indexOf(w);
    const overlaps = (a: Win, b: Win): boolean => b.mapped && a.x < b.x + b.width + 2 * b.borderWidth &&
      b.x < a.x + a.width + 2 * a.borderWidth && a.y < b.y + b.height + 2 * b.borderWidth && b.y < a.y + a.height + 2 * a.borderWidth;
    const candidates = (side: Win[]): Win[] => (sibling === null ? side : side.filter((s) => s === sibling));
    const occluded = candidates(list.slice(index + 1)).some((s) => overlaps(w, s));
    const occludes = candidates(list.slice(0, index)).some((s) => overlaps(w, s));
    let at: number;
    if (mode === StackMode.Above) at = sibling === null ? others.length : others.indexOf(sibling) + 1;
    else if (mode === StackMode.Below) at = sibling === null ? 0 : others.indexOf(sibling);
    else if ((mode === StackMode.TopIf || mode === StackMode.Opposite) && occluded) at = others.length;
    else if ((mode === StackMode.BottomIf || mode === StackMode.Opposite) && occludes) at = 0;
    else return false;
    others.splice(at, 0, w);
    const changed = others.some((c, i) => c !== list[i]);
    list.splice(0, list.length, ...others);
    return changed;
  }

  protected reparentWin(actor: ClientId, w: Win, parent: Win, x: number, y: number): void {
    const old = w.parent;
    if (old === null || parent === w || this.isInferior(parent, w) || parent.screen !== w.screen) {
      throw new ProtocolError(ErrorCode.BadMatch, w.id);
    }
    const wasMapped = w.mapped;
    this.unmapWin(actor, w);
    old.children.splice(old.children.indexOf(w), 1);
    parent.children.push(w);
    w.parent = parent;
    w.x = x;
    w.y = y;
    const ev = (event: WindowId): XEvent => ({ kind: 'ReparentNotify', window: w.id, event, parent: parent.id, overrideRedirect: w.overrideRedirect });
    this.structureEvent(w, ev, old);
    if (parent !== old) this.toSelectors(parent, EventMask.SubstructureNotify, ev(parent.id));
    if (wasMapped) this.mapWin(actor, w);
  }

  protected changeSaveSet(actor: ClientId, w: Win, insert: boolean): void {
    if (w.owner === actor) throw new ProtocolError(ErrorCode.BadMatch, w.id);
    let set = this.saveSets.get(actor);
    if (set === undefined) this.saveSets.set(actor, (set = new Set()));
    if (insert) set.add(w.id);
    else set.delete(w.id);
  }

  protected setProp(_actor: ClientId, w: Win, property: number, type: number, format: number, data: Buffer, mode: number): void {
    changeProperty(w.props, this.validAtom(property), this.validAtom(type), format, data, mode);
    this.toSelectors(w, EventMask.PropertyChange, { kind: 'PropertyNotify', window: w.id, atom: property as Atom, time: this.now(), deleted: false });
  }

  protected deleteProp(_actor: ClientId, w: Win, property: number): void {
    if (!w.props.delete(this.validAtom(property))) return;
    this.toSelectors(w, EventMask.PropertyChange, { kind: 'PropertyNotify', window: w.id, atom: property as Atom, time: this.now(), deleted: true });
  }

  protected setSelection(actor: ClientId, owner: number, selection: number, time: number): void {
    if (owner !== 0) this.win(owner);
    this.validAtom(selection);
    const current = this.selections.get(selection);
    const t = time === CurrentTime ? this.time : time;
    if (t > this.time || (current !== undefined && t < current.time)) return; // a stale or future time: ignored
    if (current !== undefined && (owner === 0 || current.client !== actor)) {
      this.deliver(current.client, { kind: 'SelectionClear', owner: current.window as WindowId, selection: selection as Atom, time: t });
    }
    if (owner === 0) this.selections.delete(selection);
    else this.selections.set(selection, { window: owner, client: actor, time: t });
  }

  protected selectionOwnerOf(selection: number): WindowId {
    this.validAtom(selection);
    return (this.selections.get(selection)?.window ?? 0) as WindowId;
  }

  /** SendEvent (no propagation): to the window's creator when `mask` is empty, else to whoever selected any of it. */
  protected sendEvent(dest: Win, ev: XEvent, mask: number): void {
    const sent: XEvent = ev.kind === 'MapRequest' || ev.kind === 'UnmapNotify' ? { ...ev, synthetic: true } : ev;
    if (mask === 0) {
      this.deliver(dest.owner, sent);
      return;
    }
    for (const [client, m] of dest.masks) if (m & mask) this.deliver(client, sent);
  }

  /** A client's connection closes: its save-set is saved, then everything it made is destroyed. */
  protected closeDown(client: ClientId): void {
    if (this.gone.has(client)) return;
    this.gone.add(client);
    for (const id of this.saveSets.get(client) ?? []) {
      const w = this.windows.get(id);
      if (w === undefined) continue;
      let keeper = w.parent;
      while (keeper !== null && keeper.owner === client) keeper = keeper.parent;
      if (keeper !== null && keeper !== w.parent) {
        const at = this.origin(w);
        const base = this.origin(keeper);
        this.reparentWin(client, w, keeper, at.x - base.x - w.borderWidth, at.y - base.y - w.borderWidth);
      }
      this.mapWin(client, w);
    }
    this.saveSets.delete(client);
    const tops = [...this.windows.values()].filter((w) => w.owner === client && w.parent?.owner !== client);
    for (const w of tops) this.destroyWin(client, w);
    for (const w of this.windows.values()) w.masks.delete(client);
    for (const [sel, s] of this.selections) if (s.client === client) this.selections.delete(sel);
  }
}
