// Carrying out the chaos ops on a live display: several X connections (the
// "clients"), each with its windows. Requests are pipelined, never awaited one
// by one: Fion sees bursts the way it would from real, busy clients. X errors
// the server sends back to the chaos clients are counted, not fatal.
import { spawn } from 'node:child_process';
import type { XClient } from 'x11';
import { XConnection } from '../../src/x/connection.js';
import { EventMask, isFailure, type WindowId } from '../../src/x/types.js';
import { Rng } from './prng.js';
import type { Op, PropKind } from './ops.js';
import { I3Peer } from './i3ops.js';
import {
  GARBAGE_ATOM_NAMES, atomListValue, changeStateMessage, netWmStateMessage, classValue, configureValues, hintsValue, normalHintsValue, textValue, windowListValue,
  type GarbageAtoms, type PropValue,
} from './garbage.js';

/** A window of Fion's, else the root: what a hostile dock request names. */
function stranger(fion: readonly number[], root: number): number { return fion[0] ?? root; }

/** node-x11 underneath an XConnection: for the few requests Fion's wrapper doesn't offer (ReparentWindow, raw SendEvent). */
const raw = (x: XConnection): XClient & { ReparentWindow(w: number, parent: number, x: number, y: number): void } =>
  (x as unknown as { c: XClient & { ReparentWindow(w: number, parent: number, x: number, y: number): void } }).c;

interface Slot {
  x: XConnection;
  /** Set when the server closed the connection (Fion's KillClient) or we cut it. */
  dead: boolean;
  readonly serial: number;
  /** Flushes that did not finish in time. */
  stalls: number;
}

interface RealWindow {
  readonly id: WindowId;
  readonly slot: Slot;
  /** The client's intent: mapped and not since unmapped (what "lost" is measured against). */
  mapped: boolean;
  top: boolean;
  or: boolean;
  readonly inputOnly: boolean;
  /** Answer WM_DELETE_WINDOW by destroying the window. */
  readonly obey: boolean;
  /** It was given WM_TRANSIENT_FOR / _NET_WM_WINDOW_TYPE / WM_NORMAL_HINTS: Fion may float it. */
  mayFloat: boolean;
  /** It was given a _NET_WM_WINDOW_TYPE: Fion may hold it as a dock whatever the type says now. */
  mayDock: boolean;
  gone: boolean;
}

/** Resolves true when `p` settles within `ms`, false after `ms` otherwise. */
const withTimeout = (p: Promise<unknown>, ms: number): Promise<boolean> => new Promise((resolve) => {
  const t = setTimeout(() => resolve(false), ms);
  void p.then(() => { clearTimeout(t); resolve(true); }, () => { clearTimeout(t); resolve(true); });
});

/** `p`'s value, or undefined when it has not settled within `ms` (or failed). A round trip on a
 *  connection Fion just killed may never be answered: no op may wait on one for ever. */
const within = <T>(p: Promise<T>, ms: number): Promise<T | undefined> => new Promise((resolve) => {
  const t = setTimeout(() => resolve(undefined), ms);
  void p.then((v) => { clearTimeout(t); resolve(v); }, () => { clearTimeout(t); resolve(undefined); });
});

const CHUNK = 200_000; // bytes per ChangeProperty: under the 256 KiB core request limit

export class Executor {
  private readonly slots: Slot[] = [];
  private readonly windows = new Map<number, RealWindow>();
  private atoms!: GarbageAtoms;
  private serial = 0;
  readonly xErrors = new Map<string, number>();
  /** Connections the server closed on us (Fion killed the client). */
  connectionsLost = 0;
  keyRuns = 0;
  keyFailures = 0;
  /** i3 ops go to Fion's i3 socket. */
  readonly i3: I3Peer;

  constructor(private readonly display: string, private readonly root: WindowId, private readonly fionWindows: () => readonly number[]) {
    this.i3 = new I3Peer(display);
  }

  static async open(display: string, slots: number, fionWindows: () => readonly number[]): Promise<Executor> {
    const first = await XConnection.connect(display);
    const e = new Executor(display, first.screens[0]!.root, fionWindows);
    e.slots.push(e.adopt(first));
    const names = await Promise.all(GARBAGE_ATOM_NAMES.map((n) => first.internAtom(n)));
    const atoms: Record<string, number> = {};
    GARBAGE_ATOM_NAMES.forEach((n, i) => {
      const r = names[i];
      if (r === undefined || isFailure(r)) throw new Error(`intern ${n} failed`);
      atoms[n] = r;
    });
    e.atoms = atoms as unknown as GarbageAtoms;
    for (let i = 1; i < slots; i++) e.slots.push(e.adopt(await XConnection.connect(display)));
    return e;
  }

  private adopt(x: XConnection): Slot {
    const slot: Slot = { x, dead: false, serial: this.serial++, stalls: 0 };
    const lost = (): void => {
      if (!slot.dead) this.connectionsLost++;
      slot.dead = true;
      for (const w of this.windows.values()) if (w.slot === slot) w.gone = true;
    };
    x.onError((f) => {
      this.xErrors.set(f.name, (this.xErrors.get(f.name) ?? 0) + 1);
      // A socket error (EPIPE after Fion's KillClient) ends the connection even if no 'close' follows.
      if (f.code === -1 && /EPIPE|ECONNRESET|ERR_STREAM|write after end/i.test(f.name)) lost();
    });
    x.onClose(lost);
    x.onEvent((ev) => {
      // WM_DELETE_WINDOW from Fion's `close`: obedient windows go.
      if (ev.kind === 'ClientMessage' && ev.type === this.atoms.WM_PROTOCOLS && ev.data[0] === this.atoms.WM_DELETE_WINDOW) {
        const w = [...this.windows.values()].find((r) => r.id === ev.window && r.slot === slot);
        if (w !== undefined && w.obey && !w.gone) {
          x.destroyWindow(w.id);
          w.gone = true;
        }
      }
    });
    return slot;
  }

  /** Windows the clients mapped and still want mapped, as top-level windows: none of them may be lost. */
  mappedTopLevels(): WindowId[] {
    return [...this.windows.values()].filter((w) => !w.gone && !w.slot.dead && w.mapped && w.top && !w.or).map((w) => w.id);
  }

  /** Windows whose properties ever said "float me": Fion may have floated them. */
  mayDock(): WindowId[] { return [...this.windows.values()].filter((w) => w.mayDock && !w.gone).map((w) => w.id); }

  mayFloat(): WindowId[] { return [...this.windows.values()].filter((w) => w.mayFloat && !w.gone).map((w) => w.id); }

  liveWindowCount(): number { return [...this.windows.values()].filter((w) => !w.gone && !w.slot.dead).length; }

  /** Every live connection has flushed and the server has handled all it sent. */
  async settle(timeoutMs = 3000): Promise<void> {
    await Promise.all(this.slots.filter((s) => !s.dead).map(async (s) => {
      if (!(await withTimeout(s.x.sync(), timeoutMs))) {
        if (!s.dead) this.connectionsLost++;
        s.dead = true;
        for (const w of this.windows.values()) if (w.slot === s) w.gone = true;
      }
    }));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.filter((s) => !s.dead).map(async (s) => { s.dead = true; await withTimeout(s.x.close(), 1000); }));
  }

  /** The X id behind a chaos window number (for traces), if it was ever created. */
  realId(w: number): number | undefined { return this.windows.get(w)?.id; }

  private win(w: number): RealWindow | undefined {
    const r = this.windows.get(w);
    return r === undefined || r.gone || r.slot.dead ? undefined : r;
  }

  private writeProp(x: XConnection, w: WindowId, prop: number, v: PropValue): void {
    if (v.delete === true) { x.deleteProperty(w, prop as never); return; }
    const fmt = v.format as 8 | 16 | 32;
    if (v.data.length <= CHUNK) { x.changeProperty(w, prop as never, v.type as never, fmt, v.data, 0); return; }
    const unit = Math.max(1, v.format / 8);
    const step = CHUNK - (CHUNK % unit);
    for (let off = 0; off < v.data.length; off += step) {
      x.changeProperty(w, prop as never, v.type as never, fmt, v.data.subarray(off, off + step), off === 0 ? 0 : 2);
    }
  }

  private setProp(r: RealWindow, what: PropKind, rng: Rng): void {
    const a = this.atoms;
    const x = r.slot.x;
    const ids = (): number[] => {
      const others = [...this.windows.values()].filter((o) => !o.gone).map((o) => o.id as number);
      const pick = (): number => rng.pick([r.id, r.id, 0, this.root, 0x7ffffff0, rng.u32(), ...(others.length > 0 ? [rng.pick(others)] : [])]);
      return [pick(), pick()];
    };
    // netState too: it overwrites the _NET_WM_STATE_ABOVE by which Fion marks a float.
    if (what === 'transient' || what === 'type' || what === 'normalHints' || what === 'netState') r.mayFloat = true;
    if (what === 'type') r.mayDock = true;
    // Predefined atoms: WM_HINTS 35, WM_NAME 39, WM_NORMAL_HINTS 40, WM_CLASS 67, WM_TRANSIENT_FOR 68.
    switch (what) {
      case 'title': this.writeProp(x, r.id, a._NET_WM_NAME, textValue(rng, a, a.UTF8_STRING)); break;
      case 'wmName': this.writeProp(x, r.id, 39, textValue(rng, a, rng.pick([a.STRING, a.COMPOUND_TEXT, a.UTF8_STRING]))); break;
      case 'class': this.writeProp(x, r.id, 67, classValue(rng, a)); break;
      case 'hints': this.writeProp(x, r.id, 35, hintsValue(rng, a)); break;
      case 'normalHints': this.writeProp(x, r.id, 40, normalHintsValue(rng, a)); break;
      case 'transient': this.writeProp(x, r.id, 68, windowListValue(rng, a, ids())); break;
      case 'protocols': this.writeProp(x, r.id, a.WM_PROTOCOLS,
        atomListValue(rng, a, [a.WM_DELETE_WINDOW, a.WM_TAKE_FOCUS, a._NET_WM_PING, a.CHAOS_JUNK_1])); break;
      case 'type': this.writeProp(x, r.id, a._NET_WM_WINDOW_TYPE, atomListValue(rng, a, [
        a._NET_WM_WINDOW_TYPE_DIALOG, a._NET_WM_WINDOW_TYPE_UTILITY, a._NET_WM_WINDOW_TYPE_SPLASH, a._NET_WM_WINDOW_TYPE_NOTIFICATION,
        a._NET_WM_WINDOW_TYPE_NORMAL, a._NET_WM_WINDOW_TYPE_DOCK, a.CHAOS_JUNK_2])); break;
      case 'netState': this.writeProp(x, r.id, a._NET_WM_STATE, atomListValue(rng, a, [
        a._NET_WM_STATE_FULLSCREEN, a._NET_WM_STATE_HIDDEN, a._NET_WM_STATE_ABOVE, a._NET_WM_STATE_MAXIMIZED_VERT,
        a._NET_WM_STATE_DEMANDS_ATTENTION])); break;
    }
  }

  private create(slot: Slot, w: number, g: readonly number[], o: { or: boolean; inputOnly: boolean; parent: WindowId | null; obey: boolean; map: boolean; seed: number }): void {
    const x = slot.x;
    const id = x.allocId() as WindowId;
    const values: Record<string, number> = o.inputOnly ? {} : { backgroundPixel: 0x404040 + (w * 0x1f3d) % 0xbfbfbf };
    if (o.or) values.overrideRedirect = 1;
    x.createWindow(id, o.parent ?? this.root, g[0]!, g[1]!, g[2]!, g[3]!, values, { inputOnly: o.inputOnly });
    const r: RealWindow = { id, slot, mapped: false, top: o.parent === null, or: o.or, inputOnly: o.inputOnly, obey: o.obey, gone: false, mayFloat: false, mayDock: false };
    this.windows.set(w, r);
    const rng = new Rng(o.seed);
    // Mostly sane start-up properties, like a real client sets before mapping.
    x.changeProperty(id, this.atoms.WM_PROTOCOLS as never, this.atoms.ATOM as never, 32,
      rng.bool(0.7) ? [this.atoms.WM_DELETE_WINDOW] : rng.bool() ? [this.atoms.WM_TAKE_FOCUS, this.atoms.WM_DELETE_WINDOW] : []);
    if (rng.bool(0.8)) x.changeProperty(id, 39 as never /* WM_NAME */, this.atoms.STRING as never, 8, Buffer.from(`chaos ${w}`, 'latin1'));
    if (rng.bool(0.8)) x.changeProperty(id, 67 as never /* WM_CLASS */, this.atoms.STRING as never, 8, Buffer.from(`chaos\0Chaos${w % 7}\0`, 'latin1'));
    if (rng.bool(0.15)) this.setProp(r, rng.pick(['title', 'hints', 'transient', 'type', 'class'] as const), rng);
    if (o.map) { x.map(id); r.mapped = true; }
  }

  private sendRaw(x: XConnection, dest: number, mask: number, ev: Buffer): void {
    try { raw(x).SendEvent(dest, 0, mask, ev); } catch { this.xErrors.set('RequestThrew', (this.xErrors.get('RequestThrew') ?? 0) + 1); }
  }

  /** Carries out `op`. Resolves when its requests are written (not answered). */
  async run(op: Op): Promise<void> {
    switch (op.k) {
      case 'create': {
        const slot = this.slots[op.slot];
        if (slot === undefined || slot.dead) return;
        const parent = op.parent === null ? null : this.win(op.parent);
        if (op.parent !== null && (parent === null || parent === undefined || parent.slot !== slot)) return;
        this.create(slot, op.w, op.g, { ...op, parent: parent?.id ?? null });
        break;
      }
      case 'burst': {
        const slot = this.slots[op.slot];
        if (slot === undefined || slot.dead) return;
        const rng = new Rng(op.seed);
        for (const w of op.ws) this.create(slot, w, [rng.int(0, 500), rng.int(0, 500), rng.int(50, 400), rng.int(50, 400)],
          { or: false, inputOnly: false, parent: null, obey: rng.bool(), map: true, seed: rng.fork() });
        break;
      }
      case 'map': { const r = this.win(op.w); if (!r) return; r.slot.x.map(r.id); r.mapped = true; break; }
      case 'unmap': { const r = this.win(op.w); if (!r) return; r.slot.x.unmap(r.id); r.mapped = false; break; }
      case 'withdraw': {
        const r = this.win(op.w);
        if (!r) return;
        r.slot.x.unmap(r.id);
        r.mapped = false;
        const ev = Buffer.alloc(32);
        ev[0] = 18; // UnmapNotify
        ev.writeUInt32LE(this.root, 4);
        ev.writeUInt32LE(r.id, 8);
        ev[12] = 0;
        this.sendRaw(r.slot.x, this.root, EventMask.SubstructureRedirect | EventMask.SubstructureNotify, ev);
        break;
      }
      case 'remap': { const r = this.win(op.w); if (!r) return; r.slot.x.unmap(r.id); r.slot.x.map(r.id); r.mapped = true; break; }
      case 'destroy': { const r = this.win(op.w); if (!r) return; r.slot.x.destroyWindow(r.id); this.destroyed(r); break; }
      case 'destroyBurst':
        for (const w of op.ws) { const r = this.win(w); if (r) { r.slot.x.destroyWindow(r.id); this.destroyed(r); } }
        break;
      case 'mapDestroy': {
        const slot = this.slots[op.slot];
        if (slot === undefined || slot.dead) return;
        this.create(slot, op.w, [0, 0, 100, 100], { or: false, inputOnly: false, parent: null, obey: false, map: true, seed: op.seed });
        const r = this.windows.get(op.w)!;
        slot.x.destroyWindow(r.id);
        this.destroyed(r);
        break;
      }
      case 'reparent': {
        const r = this.win(op.w);
        if (!r) return;
        const into = op.into === null ? null : this.win(op.into);
        if (op.into !== null && (into === null || into === undefined || into.slot !== r.slot)) return;
        try { raw(r.slot.x).ReparentWindow(r.id, into?.id ?? this.root, op.x, op.y); } catch { return; }
        r.top = into === null;
        break;
      }
      case 'prop': { const r = this.win(op.w); if (!r) return; this.setProp(r, op.what, new Rng(op.seed)); break; }
      case 'configure': {
        const r = this.win(op.w);
        if (!r) return;
        const rng = new Rng(op.seed);
        const others = [...this.windows.values()].filter((o) => !o.gone);
        const sibling = rng.pick([0, 0x7ffffff0, ...(others.length > 0 ? [rng.pick(others).id] : []), ...this.fionWindows()]);
        r.slot.x.configure(r.id, configureValues(rng, sibling));
        break;
      }
      case 'message': this.message(op.slot, op.about === null ? undefined : this.win(op.about), new Rng(op.seed)); break;
      case 'fake': this.fake(op.slot, op.about === null ? undefined : this.win(op.about), new Rng(op.seed)); break;
      case 'focus': { const r = this.win(op.w); if (!r) return; r.slot.x.setInputFocus(r.id, 1); break; }
      case 'netState': {
        const r = this.win(op.w);
        if (!r) return;
        r.mayFloat = true; // fullscreen covers the tiles
        this.sendRaw(r.slot.x, this.root, EventMask.SubstructureRedirect | EventMask.SubstructureNotify, netWmStateMessage(new Rng(op.seed), this.atoms, r.id));
        break;
      }
      case 'iconify': {
        const r = this.win(op.w);
        if (r) this.sendRaw(r.slot.x, this.root, EventMask.SubstructureRedirect | EventMask.SubstructureNotify, changeStateMessage(this.atoms, r.id, op.iconic));
        break;
      }
      case 'trayDock': {
        const r = this.win(op.w);
        if (!r) return;
        const x = r.slot.x;
        const a = this.atoms;
        if (op.info === 'shown' || op.info === 'hidden') x.changeProperty(r.id, a._XEMBED_INFO as never, a._XEMBED_INFO as never, 32, [0, op.info === 'shown' ? 1 : 0]);
        else if (op.info === 'garbage') x.changeProperty(r.id, a._XEMBED_INFO as never, a.CHAOS_JUNK_1 as never, 8, Buffer.from([1, 2, 3]));
        else x.deleteProperty(r.id, a._XEMBED_INFO as never);
        const owner = await within(x.getSelectionOwner(a._NET_SYSTEM_TRAY_S0 as never), 2000);
        if (owner === undefined) { this.stalled(r.slot); return; }
        if (isFailure(owner) || owner === 0) return;
        const w = op.stranger ? stranger(this.fionWindows(), this.root) : r.id;
        x.sendClientMessage(owner, owner, a._NET_SYSTEM_TRAY_OPCODE as never, [0, 0, w, 0, 0], 0);
        // Docked without XEMBED_MAPPED, the icon is to be hidden: its client's last word, as
        // an unmap would be. Taken back to a root later, it stays unmapped until mapped again.
        if (!op.stranger && op.info === 'hidden') r.mapped = false;
        break;
      }
      case 'kill': {
        const slot = this.slots[op.slot];
        if (slot === undefined) return;
        const orphans: WindowId[] = [];
        if (!slot.dead) {
          slot.dead = true;
          for (const w of this.windows.values()) if (w.slot === slot) { if (!w.gone) orphans.push(w.id); w.gone = true; }
          const stream = (raw(slot.x) as unknown as { stream?: { destroy(): void } }).stream;
          stream?.destroy();
        }
        try {
          const fresh = await Promise.race([XConnection.connect(this.display), new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
          if (fresh !== null) {
            this.slots[op.slot] = this.adopt(fresh);
            // The server destroys a dead connection's windows when it notices the socket
            // closed: wait for that (a few seconds at most), or the next check would race it.
            const deadline = Date.now() + 5000;
            for (const w of orphans) {
              while (Date.now() < deadline) {
                const attrs = await within(fresh.getWindowAttributes(w), 1000);
                if (attrs === undefined || isFailure(attrs)) break;
                await new Promise((r) => setTimeout(r, 10));
              }
            }
          }
        } catch { /* the server is gone: the engine notices */ }
        break;
      }
      case 'keys': await this.keys(op.keys); break;
      case 'drag': await this.drag(op); break;
      case 'i3': await this.i3.run(op); break;
      case 'setOR': {
        const r = this.win(op.w);
        if (!r) return;
        r.slot.x.changeAttributes(r.id, { overrideRedirect: op.on ? 1 : 0 });
        r.or = op.on;
        break;
      }
    }
    // Keep the pipes moving: flush what this op queued.
    // A connection the server just closed (Fion killed the client) may never finish a flush: don't wait on it for long.
    await Promise.all(this.slots.filter((s) => !s.dead).map(async (s) => {
      if (!(await withTimeout(s.x.flush().catch(() => {}), 1000))) {
        // A flush that doesn't finish: the socket is gone without a word (killed by Fion).
        this.stalled(s);
      }
    }));
  }

  /** A flush or round trip on `s` did not finish in time: the socket is likely gone without a word. */
  private stalled(s: Slot): void {
    const stream = (raw(s.x) as unknown as { stream?: { destroyed?: boolean; writable?: boolean } }).stream;
    if (stream === undefined || stream.destroyed === true || stream.writable === false || ++s.stalls >= 2) {
      if (!s.dead) this.connectionsLost++;
      s.dead = true;
      for (const w of this.windows.values()) if (w.slot === s) w.gone = true;
    }
  }

  private destroyed(r: RealWindow): void {
    // Windows reparented into it die with it; they are no longer top-level, so no check looks at them.
    r.gone = true;
  }

  private message(slotIndex: number, about: RealWindow | undefined, rng: Rng): void {
    const slot = this.slots[slotIndex];
    if (slot === undefined || slot.dead) return;
    const a = this.atoms;
    const x = slot.x;
    const target = (): number => rng.pick([about?.id ?? 0, about?.id ?? 0, 0, this.root, 0x7ffffff0, rng.u32(), ...this.fionWindows()]);
    const type = rng.pick([
      a._NET_ACTIVE_WINDOW, a._NET_ACTIVE_WINDOW, a._NET_WM_STATE, a._NET_WM_STATE, a.FION_SYNC, a._NET_CLOSE_WINDOW,
      a._NET_MOVERESIZE_WINDOW, a._NET_WM_MOVERESIZE, a._NET_CURRENT_DESKTOP, a._NET_NUMBER_OF_DESKTOPS, a._NET_SHOWING_DESKTOP,
      a._NET_REQUEST_FRAME_EXTENTS, a._NET_WM_DESKTOP, a.WM_CHANGE_STATE, a.WM_PROTOCOLS, a.CHAOS_JUNK_3, 0, rng.u32(),
    ]);
    // _NET_WM_STATE requests (ABOVE, FULLSCREEN) may float the window they name.
    if (type === a._NET_WM_STATE && about !== undefined) about.mayFloat = true;
    const data = (): number[] => {
      switch (type) {
        case a._NET_ACTIVE_WINDOW: return [rng.int(0, 3), rng.pick([0, rng.u32()]), target(), 0, 0];
        case a._NET_WM_STATE: return [rng.int(0, 3), rng.pick([a._NET_WM_STATE_FULLSCREEN, a._NET_WM_STATE_HIDDEN, a._NET_WM_STATE_ABOVE, 0, rng.u32()]),
          rng.pick([0, a._NET_WM_STATE_MAXIMIZED_VERT, rng.u32()]), rng.int(0, 2), 0];
        // FION_SYNC with garbage: an answer goes to whatever data[0] names.
        case a.FION_SYNC: return [target(), rng.u32(), rng.u32(), rng.u32(), rng.u32()];
        case a.WM_CHANGE_STATE: return [rng.pick([0, 1, 3, rng.u32()]), 0, 0, 0, 0];
        default: return Array.from({ length: 5 }, () => rng.pick([0, 1, -1 >>> 0, rng.u32(), target()]));
      }
    };
    const ev = Buffer.alloc(32);
    const format = rng.pick([32, 32, 32, 32, 8, 16, 0, 77]);
    ev[0] = 33;
    ev[1] = format;
    ev.writeUInt32LE(rng.bool(0.85) ? (about?.id ?? target()) : target(), 4);
    ev.writeUInt32LE(type >>> 0, 8);
    if (format === 32) data().forEach((v, i) => ev.writeUInt32LE(v >>> 0, 12 + i * 4));
    else for (let i = 12; i < 32; i++) ev[i] = rng.int(0, 255);
    const mask = rng.pick([EventMask.SubstructureRedirect | EventMask.SubstructureNotify, EventMask.SubstructureRedirect, 0xffffff & ~0x3 /* no key events */, 0]);
    this.sendRaw(x, this.root, mask, ev);
  }

  /** Synthetic MapRequest / ConfigureRequest events sent to the root: Fion must not trust them blindly. */
  private fake(slotIndex: number, about: RealWindow | undefined, rng: Rng): void {
    const slot = this.slots[slotIndex];
    if (slot === undefined || slot.dead) return;
    const w = rng.pick([about?.id ?? 0, about?.id ?? 0, 0x7ffffff0, this.root, ...this.fionWindows()]);
    const ev = Buffer.alloc(32);
    if (rng.bool()) {
      ev[0] = 20; // MapRequest
      ev.writeUInt32LE(this.root, 4);
      ev.writeUInt32LE(w >>> 0, 8);
    } else {
      ev[0] = 23; // ConfigureRequest
      ev[1] = rng.int(0, 4); // stack mode
      ev.writeUInt32LE(this.root, 4);
      ev.writeUInt32LE(w >>> 0, 8);
      ev.writeUInt32LE(rng.pick([0, rng.u32()]), 12);
      ev.writeInt16LE(rng.int(-32768, 32767), 16);
      ev.writeInt16LE(rng.int(-32768, 32767), 18);
      ev.writeUInt16LE(rng.int(0, 65535), 20);
      ev.writeUInt16LE(rng.int(0, 65535), 22);
      ev.writeUInt16LE(rng.int(0, 65535), 24);
      ev.writeUInt16LE(rng.int(0, 0x7f), 26);
    }
    this.sendRaw(slot.x, this.root, EventMask.SubstructureRedirect, ev);
  }

  private keys(keys: readonly string[]): Promise<void> {
    return this.xdotool(['key', '--delay', '0', ...keys]);
  }

  /** A pointer drag: each xdotool command ends with the button (and super) up again, so no
   *  later op runs with a button or the modifier held. */
  private async drag(op: Extract<Op, { k: 'drag' }>): Promise<void> {
    const [first, ...rest] = op.path;
    if (first === undefined) return;
    const button = op.how === 'resize' ? '3' : '1';
    const mod = op.how === 'border' ? [] : ['keydown', 'super'];
    const unmod = op.how === 'border' ? [] : ['keyup', 'super'];
    const moves = rest.flatMap(([x, y]) => ['mousemove', String(x), String(y)]);
    const press = ['mousemove', String(first[0]), String(first[1]), ...mod, 'mousedown', button];
    if (op.burst) { await this.xdotool([...press, ...moves, 'mouseup', button, ...unmod]); return; }
    await this.xdotool([...press, 'sleep', '0.02', ...moves, 'mouseup', button, ...unmod]);
  }

  private xdotool(args: readonly string[]): Promise<void> {
    this.keyRuns++;
    return new Promise((resolve) => {
      const p = spawn('xdotool', args, { stdio: 'ignore', env: { ...process.env, DISPLAY: this.display } });
      p.on('error', () => { this.keyFailures++; resolve(); });
      p.on('exit', (code) => { if (code !== 0) this.keyFailures++; resolve(); });
    });
  }
}
