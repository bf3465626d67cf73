// A stage for scenarios that run the same way against Xvfb and against the
// fake: the window manager's connection (an XPort), one other client, and a
// trace of what each of them received, step by step. The traces recorded
// on Xvfb (traces.ts, by record-traces.ts) are what the fake must reproduce.
import type { XEvent } from '../../src/x/events.js';
import type { ValueList, XPort } from '../../src/x/port.js';
import { EventMask } from '../../src/x/protocol.js';
import { XFailure, type Atom, type WindowId } from '../../src/x/types.js';

/** What the other client selects on its windows. */
export const CLIENT_SELECTS = EventMask.StructureNotify | EventMask.PropertyChange | EventMask.FocusChange |
  EventMask.KeyPress | EventMask.KeyRelease | EventMask.ButtonPress | EventMask.ButtonRelease;

export interface WindowSpec {
  readonly parent?: WindowId;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly overrideRedirect?: boolean;
}

/** What the other client can do; each call has reached the server when it resolves. */
export interface OtherClient {
  /** A window of its own, selecting CLIENT_SELECTS; named c1, c2 ... */
  window(spec?: WindowSpec): Promise<WindowId>;
  map(w: WindowId): Promise<void>;
  unmap(w: WindowId): Promise<void>;
  destroy(w: WindowId): Promise<void>;
  configure(w: WindowId, values: ValueList): Promise<void>;
  reparent(w: WindowId, parent: WindowId, x: number, y: number): Promise<void>;
  /** ICCCM's synthetic UnmapNotify, sent to the root. */
  withdraw(w: WindowId): Promise<void>;
  sendToRoot(window: WindowId, type: Atom, data: readonly number[], mask: number): Promise<void>;
  grabKeyboard(w: WindowId): Promise<number>;
  ungrabKeyboard(): Promise<void>;
  /** A key pressed and released with no modifier held (the user, through XTest on Xvfb). */
  pressKey(keycode: number): Promise<void>;
  /** The pointer moved to root coordinates x, y, and a click of `button` there. */
  click(x: number, y: number, button: number): Promise<void>;
}

/** One step: its label and what each connection received during it. */
export interface StepTrace {
  readonly step: string;
  readonly wm: readonly unknown[];
  readonly client: readonly unknown[];
}

export class Stage {
  readonly trace: StepTrace[] = [];
  private readonly names = new Map<number, string>();
  private readonly atomNames = new Map<number, string>();
  private wmSeen: unknown[] = [];
  private clientSeen: unknown[] = [];

  constructor(readonly wm: XPort, readonly client: OtherClient, private readonly settle: () => Promise<void>) {
    this.names.set(wm.screens[0]!.root, 'root');
    wm.onEvent((ev) => this.wmSeen.push(this.event(ev)));
    wm.onError((f) => this.wmSeen.push(this.failure(f)));
  }

  get root(): WindowId { return this.wm.screens[0]!.root; }

  /** A window of the other client, traced as c1, c2 ... */
  async window(spec?: WindowSpec): Promise<WindowId> {
    const w = await this.client.window(spec);
    this.nameNext(w, 'c');
    return w;
  }

  /** A window of the window manager's own, traced as own1, own2 ... */
  ownWindow(spec: WindowSpec & { eventMask?: number } = {}): WindowId {
    const w = this.wm.createWindow(this.wm.allocId(), spec.parent ?? this.root, spec.x ?? 0, spec.y ?? 0, spec.width ?? 100,
      spec.height ?? 20, { overrideRedirect: spec.overrideRedirect === false ? 0 : 1, eventMask: spec.eventMask ?? 0 });
    this.nameNext(w, 'own');
    return w;
  }

  /** Windows are traced by name, not by number (numbers differ between servers). */
  name(w: number, name: string): void { this.names.set(w, name); }
  nameNext(w: number, prefix: string): void {
    let n = 1;
    while ([...this.names.values()].includes(`${prefix}${n}`)) n++;
    this.names.set(w, `${prefix}${n}`);
  }

  async atom(name: string): Promise<Atom> {
    const a = await this.wm.internAtom(name);
    if (a instanceof XFailure) throw new Error(`cannot intern ${name}`);
    this.atomNames.set(a, name);
    return a;
  }

  /** The client's connection delivers here. */
  clientReceived(ev: XEvent): void { this.clientSeen.push(this.event(ev)); }

  /** Let everything arrive, then close the step. */
  async step(label: string): Promise<void> {
    await this.settle();
    this.trace.push({ step: label, wm: this.wmSeen, client: this.clientSeen });
    this.wmSeen = [];
    this.clientSeen = [];
  }

  /** A reply, as the trace shows it. */
  log(label: string, value: unknown): void { this.wmSeen.push({ [label]: this.value(value) }); }

  private win(v: unknown): unknown {
    return typeof v === 'number' ? (this.names.get(v) ?? (v === 0 ? 'None' : v === 1 ? 'PointerRoot' : `0x${v.toString(16)}`)) : v;
  }

  private failure(f: XFailure): unknown {
    return { error: f.name, request: f.majorOpcode, value: this.win(f.badValue) };
  }

  private value(v: unknown): unknown {
    if (v instanceof XFailure) return this.failure(v);
    if (Buffer.isBuffer(v)) return v.toString('hex');
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = ['window', 'event', 'parent', 'root', 'child', 'owner', 'sibling'].includes(k) ? this.win(x)
        : k === 'children' && Array.isArray(x) ? x.map((c) => this.win(c)) : this.value(x);
    }
    return out;
  }

  private event(ev: XEvent): unknown {
    if (ev.kind === 'other') return { kind: 'other', name: ev.name };
    // Announced before the call that creates it returns, so before it has a name here.
    if (ev.kind === 'CreateNotify') return { kind: ev.kind, parent: this.win(ev.parent), overrideRedirect: ev.overrideRedirect };
    const { time: _time, ...rest } = ev as XEvent & { time?: number };
    const v = this.value(rest) as Record<string, unknown>;
    if (ev.kind === 'PropertyNotify') v.atom = this.atomNames.get(ev.atom) ?? ev.atom;
    if (ev.kind === 'ClientMessage') {
      v.type = this.atomNames.get(ev.type) ?? ev.type;
      v.data = ev.data.map((d) => (this.names.has(d) ? this.names.get(d) : d));
    }
    return v;
  }
}
