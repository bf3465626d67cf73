// The benchmark client: one typed connection (src/x/connection.ts) that creates,
// maps and destroys plain windows and timestamps every event about them, plus a
// raw `x11` probe connection for what XConnection doesn't expose (the root's
// all-event-masks, XTest key presses).
import { performance } from 'node:perf_hooks';
import x11 from 'x11';
import type { XClient } from 'x11';
import { XConnection } from '../../src/x/connection.js';
import type { XEvent } from '../../src/x/events.js';
import { EventMask, isFailure, type Atom, type WindowId } from '../../src/x/types.js';

export const now = (): number => performance.now();

export type What = 'map' | 'unmap' | 'conf' | 'reparent' | 'fmap' | 'funmap' | 'fconf';
export interface Ev { readonly t: number; readonly what: What; readonly rect?: { x: number; y: number; width: number; height: number } }

interface Tracked {
  readonly id: WindowId;
  frame: WindowId | 0;
  readonly log: Ev[];
}

const ATOMS = ['_NET_SUPPORTED', '_NET_CURRENT_DESKTOP', '_NET_NUMBER_OF_DESKTOPS', '_NET_CLIENT_LIST',
  '_NET_SUPPORTING_WM_CHECK', 'WM_NAME', 'STRING', 'WM_CLASS'] as const;
type AtomName = typeof ATOMS[number];

function reparentOf(ev: XEvent): { window: number; event: number; parent: number } | null {
  const e = ev as unknown as { kind: string; name?: string; raw?: Record<string, unknown>; window?: number; event?: number; parent?: number };
  if (e.kind === 'ReparentNotify') return { window: Number(e.window), event: Number(e.event), parent: Number(e.parent) };
  if (e.kind === 'other' && e.name === 'ReparentNotify' && e.raw !== undefined) {
    return { window: Number(e.raw.wid), event: Number(e.raw.event), parent: Number(e.raw.parent) };
  }
  return null;
}

export class BenchClient {
  private readonly windows = new Map<WindowId, Tracked>();
  private readonly frames = new Map<WindowId, WindowId>(); // frame -> client
  /** Time of the last event on a benchmark window or its frame. */
  lastActivity = 0;
  private lastListNotify = 0;
  /** Arrival of the last _NET_CLIENT_LIST PropertyNotify. */
  get lastListChange(): number { return this.lastListNotify; }
  private listWaiters = new Set<() => void>();
  private activityWaiters = new Set<() => void>();
  private seq = 0;
  readonly root: WindowId;
  errors = 0;

  private constructor(readonly x: XConnection, readonly atoms: Record<AtomName, Atom>) {
    this.root = x.screens[0]!.root;
    x.onEvent((ev) => this.onEvent(ev, now()));
    x.onError(() => { this.errors++; });
  }

  static async connect(display: string): Promise<BenchClient> {
    const x = await XConnection.connect(display);
    const atoms = {} as Record<AtomName, Atom>;
    for (const n of ATOMS) {
      const a = await x.internAtom(n);
      if (isFailure(a)) throw new Error(`InternAtom ${n}: ${a.name}`);
      atoms[n] = a;
    }
    const c = new BenchClient(x, atoms);
    // Frames of reparenting managers are children of the root: watch them there.
    const f = await x.selectInputChecked(c.root, EventMask.SubstructureNotify | EventMask.PropertyChange);
    if (f !== null) throw new Error(`select on root: ${f.name}`);
    return c;
  }

  private onEvent(ev: XEvent, t: number): void {
    const touch = (w: Tracked, what: What): void => {
      w.log.push(ev.kind === 'ConfigureNotify' ? { t, what, rect: { x: ev.x, y: ev.y, width: ev.width, height: ev.height } } : { t, what });
      this.lastActivity = t;
      for (const f of this.activityWaiters) f();
    };
    switch (ev.kind) {
      case 'MapNotify':
      case 'UnmapNotify':
      case 'ConfigureNotify': {
        const what = ev.kind === 'MapNotify' ? 'map' : ev.kind === 'UnmapNotify' ? 'unmap' : 'conf';
        if (ev.event === ev.window) {
          // StructureNotify on the window itself (each such event comes once this way).
          const w = this.windows.get(ev.window);
          if (w !== undefined) touch(w, what);
        } else if (ev.event === this.root) {
          const client = this.frames.get(ev.window);
          const w = client === undefined ? undefined : this.windows.get(client);
          if (w !== undefined) touch(w, `f${what}` as What);
        }
        return;
      }
      case 'DestroyNotify':
        if (ev.event === this.root) this.frames.delete(ev.window);
        return;
      case 'PropertyNotify':
        if (ev.window === this.root && ev.atom === this.atoms._NET_CLIENT_LIST) {
          this.lastListNotify = t;
          for (const f of this.listWaiters) f();
        }
        return;
      default: {
        // ReparentNotify: a typed kind in newer src/x/events.ts, 'other' with the raw event before.
        const rep = reparentOf(ev);
        if (rep === null) return;
        const w = this.windows.get(rep.window as WindowId);
        if (w !== undefined && rep.event === rep.window) {
          if (w.frame !== 0) this.frames.delete(w.frame);
          w.frame = (rep.parent === this.root ? 0 : rep.parent) as WindowId | 0;
          if (w.frame !== 0) this.frames.set(w.frame, w.id);
          touch(w, 'reparent');
        }
        return;
      }
    }
  }

  /** Create (unmapped) benchmark windows: 10x10 at 0,0 so every tiler has to move and resize them. */
  create(n: number): WindowId[] {
    const out: WindowId[] = [];
    const s = this.x.screens[0]!;
    for (let i = 0; i < n; i++) {
      const id = this.x.createWindow(this.x.allocId(), this.root, 0, 0, 10, 10,
        { backgroundPixel: s.white, eventMask: EventMask.StructureNotify });
      const name = `bench ${++this.seq}`;
      this.x.changeProperty(id, this.atoms.WM_NAME, this.atoms.STRING, 8, Buffer.from(name, 'latin1'));
      this.x.changeProperty(id, this.atoms.WM_CLASS, this.atoms.STRING, 8, Buffer.from('bench\0Bench\0', 'latin1'));
      this.windows.set(id, { id, frame: 0, log: [] });
      out.push(id);
    }
    return out;
  }

  map(ids: readonly WindowId[]): void { for (const w of ids) this.x.map(w); void this.x.flush(); }

  destroy(ids: readonly WindowId[]): void {
    for (const w of ids) {
      this.x.destroyWindow(w);
      const t = this.windows.get(w);
      if (t !== undefined && t.frame !== 0) this.frames.delete(t.frame);
      this.windows.delete(w);
    }
    void this.x.flush();
  }

  log(w: WindowId): readonly Ev[] { return this.windows.get(w)?.log ?? []; }
  frameOf(w: WindowId): WindowId | 0 { return this.windows.get(w)?.frame ?? 0; }
  tracked(): WindowId[] { return [...this.windows.keys()]; }

  /** Resolves when `pred` holds (checked on every tracked event), or false after `timeoutMs`. */
  until(pred: () => boolean, timeoutMs: number): Promise<boolean> {
    if (pred()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = (): void => { if (pred()) done(true); };
      const t = setTimeout(() => done(false), timeoutMs);
      const done = (v: boolean): void => { clearTimeout(t); this.activityWaiters.delete(check); resolve(v); };
      this.activityWaiters.add(check);
    });
  }

  /** Resolves once no event has touched a benchmark window (or its frame) for `q` ms (at most `maxMs`). */
  quiet(q: number, maxMs = 30000): Promise<boolean> {
    const start = now();
    return new Promise((resolve) => {
      const check = (): void => {
        const t = now();
        const idle = t - Math.max(this.lastActivity, start);
        if (idle >= q) return resolve(true);
        if (t - start > maxMs) return resolve(false);
        setTimeout(check, Math.max(1, q - idle + 0.5));
      };
      check();
    });
  }

  async clientList(): Promise<Set<number>> {
    const p = await this.x.getProperty(this.root, this.atoms._NET_CLIENT_LIST, 0, 1 << 16);
    const out = new Set<number>();
    if (isFailure(p) || p === null || p.format !== 32) return out;
    for (let i = 0; i + 4 <= p.data.length; i += 4) out.add(p.data.readUInt32LE(i));
    return out;
  }

  /**
   * Waits until the root's _NET_CLIENT_LIST holds all of `ids` (or none of them, with `absent`).
   * Resolves to the arrival time of the last _NET_CLIENT_LIST PropertyNotify received before the
   * first reply showing that state (events and replies arrive in order, so that notify is the one
   * that completed it, or one that came during the read: an upper bound within a round trip and
   * a read), or null after `timeoutMs`.
   */
  waitListed(ids: readonly WindowId[], timeoutMs: number, absent = false): Promise<number | null> {
    const ok = (list: Set<number>): boolean => absent ? ids.every((w) => !list.has(w)) : ids.every((w) => list.has(w));
    return new Promise((resolve) => {
      let settled = false;
      const finish = (v: number | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        this.listWaiters.delete(read);
        resolve(v);
      };
      // One read in flight at a time; notifies meanwhile cause one more read after it. (dwm
      // rewrites the whole list on every unmanage: a read per notify is quadratic.)
      let inFlight = false;
      let again = false;
      const read = (): void => {
        if (settled) return;
        if (inFlight) { again = true; return; }
        inFlight = true;
        void this.clientList().then((list) => {
          inFlight = false;
          const before = this.lastListNotify;
          if (ok(list)) finish(before);
          else if (again) { again = false; read(); }
        });
      };
      const timer = setTimeout(() => finish(null), timeoutMs);
      // A notify triggers a read; a slow poll covers a manager that sets the list before we listened.
      const poll = setInterval(read, 250);
      this.listWaiters.add(read);
      read();
    });
  }

  async supports(atom: Atom): Promise<boolean> {
    const p = await this.x.getProperty(this.root, this.atoms._NET_SUPPORTED, 0, 4096);
    if (isFailure(p) || p === null) return false;
    for (let i = 0; i + 4 <= p.data.length; i += 4) if (p.data.readUInt32LE(i) === atom) return true;
    return false;
  }

  async cardinal(atom: Atom): Promise<number | null> {
    const p = await this.x.getProperty(this.root, atom, 0, 1);
    if (isFailure(p) || p === null || p.data.length < 4) return null;
    return p.data.readUInt32LE(0);
  }

  /** EWMH: ask the manager to show desktop `index`. */
  requestDesktop(index: number): void {
    this.x.sendClientMessage(this.root, this.root, this.atoms._NET_CURRENT_DESKTOP, [index, 0],
      EventMask.SubstructureRedirect | EventMask.SubstructureNotify);
    void this.x.flush();
  }

  /** keysym -> keycode, from the core keyboard mapping. */
  async keycodes(): Promise<Map<number, number>> {
    const m = await this.x.getKeyboardMapping();
    const out = new Map<number, number>();
    if (isFailure(m)) return out;
    m.forEach((syms, i) => { for (const s of syms) if (s !== 0 && !out.has(s)) out.set(s, this.x.minKeycode + i); });
    return out;
  }

  close(): Promise<void> { return this.x.close(); }
}

// ---- the raw probe ----
interface XTest { FakeInput(type: number, keycode: number, time: number, wid: number, x: number, y: number): void }
type RawClient = XClient & { require(name: string, cb: (err: Error | null, ext: unknown) => void): void };

export class Probe {
  private constructor(private readonly c: RawClient, readonly root: number, private readonly xtest: XTest | null) {}

  static connect(display: string): Promise<Probe> {
    return new Promise((resolve, reject) => {
      const client = x11.createClient({ display }, (err, d) => {
        if (err) return reject(err);
        const c = d.client as RawClient;
        c.on('error', () => { /* probe errors are not fatal */ });
        c.require('xtest', (e, ext) => resolve(new Probe(c, d.screen[0]!.root, e ? null : ext as XTest)));
      });
      client.on('error', (e: Error) => reject(e));
    });
  }

  /** Whether some client holds SubstructureRedirect on the root: no side effect (GetWindowAttributes). */
  redirectOwned(): Promise<boolean> {
    return new Promise((resolve) => {
      this.c.GetWindowAttributes(this.root, (err, r) => {
        resolve(err ? false : (r.allEventMasks & EventMask.SubstructureRedirect) !== 0);
        return true;
      });
    });
  }

  get hasXTest(): boolean { return this.xtest !== null; }

  /** Press the modifiers and the key, release them in reverse order; one flush. */
  chord(keycodes: readonly number[]): void {
    if (this.xtest === null) throw new Error('no XTest');
    for (const k of keycodes) this.xtest.FakeInput(2, k, 0, this.root, 0, 0);
    for (const k of [...keycodes].reverse()) this.xtest.FakeInput(3, k, 0, this.root, 0, 0);
    void this.c.flush();
  }

  close(): Promise<void> {
    return new Promise((resolve) => { const t = setTimeout(resolve, 500); this.c.close(() => { clearTimeout(t); resolve(); }); });
  }
}
