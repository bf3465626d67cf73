// Publishing the model the way pagers, panels, wmctrl and xdotool read it
// (EWMH 1.5 root and client properties). Every property is written only
// when its value changed since the last publish.
import type { XPort } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import { encodeUtf8List } from '../x/props.js';
import type { Atom, WindowId } from '../x/types.js';
import { AllDesktops } from '../x/protocol.js';
import { tiles, type Model, type Rect } from '../model/index.js';
import type { Published, Registry } from './registry.js';

export interface EwmhFacts {
  /** Managed clients, oldest first. */
  readonly clients: readonly WindowId[];
  /** Managed clients, bottom to top. */
  readonly stacking: readonly WindowId[];
  /** The tiling area of each monitor (model order). */
  readonly areas: readonly Rect[];
}

/** The workspace index (0-based desktop number) of every managed client. */
export function desktopsOf(model: Model): Map<WindowId, number> {
  const out = new Map<WindowId, number>();
  model.workspaces.forEach((ws, i) => {
    for (const t of tiles(ws.root)) for (const w of t.tabs) out.set(w, i);
    const floating = (ws as { floating?: readonly WindowId[] }).floating ?? [];
    for (const w of floating) out.set(w, i);
  });
  return out;
}

/** The desktop shown on the focused monitor. */
export function currentDesktop(model: Model): number {
  const m = model.monitors[model.focusedMonitor];
  return Math.max(0, model.workspaces.findIndex((w) => w.id === m?.workspace));
}

/**
 * _NET_WORKAREA of one X screen: per desktop, the tiling area of the monitor showing it;
 * a hidden desktop gets the focused monitor's (where switching to it would show it).
 * Monitors of other X screens don't count; a screen without monitors gets its root.
 */
export function workareas(model: Model, areas: readonly Rect[], screen: number, root: Rect): Rect[] {
  const here = (i: number): boolean => model.monitors[i]?.screen === screen;
  const fallback = here(model.focusedMonitor) ? model.focusedMonitor : model.monitors.findIndex((m) => m.screen === screen);
  return model.workspaces.map((ws) => {
    const shownOn = model.monitors.findIndex((m) => m.workspace === ws.id);
    return areas[here(shownOn) ? shownOn : fallback] ?? root;
  });
}

export class EwmhPublisher {
  /** The workspaces as last published, by index: one that is the same object has the same clients. */
  private lastWorkspaces: readonly unknown[] = [];
  private lastLists = new Map<Atom, readonly WindowId[]>();
  /** The lists as last built, rebuilt only when a client came or went or the stacking changed. */
  private clientList: readonly WindowId[] = [];
  private stackingList: readonly WindowId[] = [];
  private lastStacking: readonly WindowId[] = [];
  /** What the clients' _NET_WM_STATE was last derived from. */
  private lastClients: Model['clients'] | null = null;
  private lastStateWorkspaces: Model['workspaces'] | null = null;
  private lastFloating = new Set<WindowId>();

  constructor(private readonly x: XPort, private readonly atoms: Atoms, private readonly reg: Registry) {}

  /** The hints Fion honours, for _NET_SUPPORTED. */
  static supported(a: Atoms): Atom[] {
    return [
      a._NET_SUPPORTED, a._NET_SUPPORTING_WM_CHECK, a._NET_WM_NAME, a._NET_ACTIVE_WINDOW, a._NET_CLIENT_LIST,
      a._NET_CLIENT_LIST_STACKING, a._NET_NUMBER_OF_DESKTOPS, a._NET_DESKTOP_NAMES, a._NET_CURRENT_DESKTOP,
      a._NET_DESKTOP_VIEWPORT, a._NET_DESKTOP_GEOMETRY, a._NET_WORKAREA, a._NET_WM_DESKTOP, a._NET_CLOSE_WINDOW,
      a._NET_WM_STATE, a._NET_WM_STATE_FULLSCREEN, a._NET_WM_STATE_DEMANDS_ATTENTION, a._NET_WM_STATE_ABOVE,
      a._NET_WM_STATE_MODAL, a._NET_WM_STATE_HIDDEN, a._NET_WM_STATE_STICKY, a._NET_WM_STATE_BELOW, a._NET_WM_STATE_MAXIMIZED_VERT, a._NET_WM_STATE_MAXIMIZED_HORZ,
      a._NET_WM_WINDOW_TYPE, a._NET_WM_WINDOW_TYPE_DOCK, a._NET_WM_WINDOW_TYPE_DIALOG, a._NET_WM_WINDOW_TYPE_SPLASH,
      a._NET_WM_WINDOW_TYPE_UTILITY, a._NET_WM_WINDOW_TYPE_NOTIFICATION, a._NET_WM_WINDOW_TYPE_NORMAL,
      a._NET_WM_STRUT, a._NET_WM_STRUT_PARTIAL, a._NET_FRAME_EXTENTS, a._NET_REQUEST_FRAME_EXTENTS,
      a._NET_WM_MOVERESIZE, a._NET_MOVERESIZE_WINDOW,
    ];
  }

  private set(w: WindowId, prop: Atom, type: Atom, format: 8 | 32, data: number[] | Buffer): void {
    let props = this.reg.published.get(w);
    if (props === undefined) this.reg.published.set(w, (props = new Map()));
    // Compared as they are: a string made of a 500-window list at every change is garbage.
    // (Every caller passes an array or buffer of its own, never one it changes later.)
    const old = props.get(prop);
    if (old !== undefined && (Buffer.isBuffer(data) ? Buffer.isBuffer(old) && data.equals(old) : !Buffer.isBuffer(old) && sameNumbers(data, old))) return;
    props.set(prop, data);
    this.x.changeProperty(w, prop, type, format, data);
  }

  /** One CARDINAL, compared before an array is made for it (one per window of a workspace). */
  private setCardinal(w: WindowId, prop: Atom, value: number): void {
    const old = this.reg.published.get(w)?.get(prop);
    if (old !== undefined && old.length === 1 && old[0] === value && !Buffer.isBuffer(old)) return;
    this.set(w, prop, this.atoms.CARDINAL, 32, [value]);
  }

  /**
   * Everything EWMH says about the model: the root's lists (hidden windows first, then the
   * visible ones bottom to top), desktops and work areas, and each client's desktop and state.
   * `stacking` is the layout's visible clients, bottom to top; `areas` each monitor's tiling area.
   */
  publish(model: Model, stacking: readonly WindowId[], areas: readonly Rect[]): void {
    if (this.reg.clientsChanged || !sameIds(stacking, this.lastStacking)) {
      this.reg.clientsChanged = false;
      this.lastStacking = stacking;
      const visible = new Set(stacking);
      // forEach and concat: a spread goes through an iterator, allocating at every window.
      const list: WindowId[] = [];
      this.reg.clients.forEach((_, w) => list.push(w));
      this.clientList = list;
      this.stackingList = list.filter((w) => !visible.has(w)).concat(stacking);
    }
    this.publishRoots(model, { clients: this.clientList, stacking: this.stackingList, areas });
    this.publishStates(model);
  }

  private publishRoots(model: Model, facts: EwmhFacts): void {    const a = this.atoms;
    const n = model.workspaces.length;
    for (const s of this.x.screens) {
      const r = s.root;
      this.set(r, a._NET_NUMBER_OF_DESKTOPS, a.CARDINAL, 32, [n]);
      this.set(r, a._NET_DESKTOP_NAMES, a.UTF8_STRING, 8, encodeUtf8List(model.workspaces.map((w) => w.name)));
      this.set(r, a._NET_CURRENT_DESKTOP, a.CARDINAL, 32, [currentDesktop(model)]);
      this.set(r, a._NET_DESKTOP_VIEWPORT, a.CARDINAL, 32, Array<number>(n * 2).fill(0));
      this.set(r, a._NET_DESKTOP_GEOMETRY, a.CARDINAL, 32, [s.width, s.height]);
      const wa = workareas(model, facts.areas, s.index, { x: 0, y: 0, width: s.width, height: s.height });
      this.set(r, a._NET_WORKAREA, a.CARDINAL, 32, wa.flatMap((w) => [w.x, w.y, w.width, w.height]));
      // The same list as last time (the caller keeps it until it changes): nothing to compare.
      if (this.lastLists.get(a._NET_CLIENT_LIST) !== facts.clients) this.set(r, a._NET_CLIENT_LIST, a.WINDOW, 32, [...facts.clients]);
      if (this.lastLists.get(a._NET_CLIENT_LIST_STACKING) !== facts.stacking) this.set(r, a._NET_CLIENT_LIST_STACKING, a.WINDOW, 32, [...facts.stacking]);
    }
    this.lastLists.set(a._NET_CLIENT_LIST, facts.clients).set(a._NET_CLIENT_LIST_STACKING, facts.stacking);
    // _NET_WM_DESKTOP of each client, for the workspaces that changed since the last publish:
    // a window mapped on one workspace costs nothing per window on the others.
    if (model.workspaces !== this.lastWorkspaces) {
      const all = model.workspaces.length !== this.lastWorkspaces.length;
      model.workspaces.forEach((ws, i) => {
        if (!all && ws === this.lastWorkspaces[i]) return;
        // Indexed loops: a for-of allocates at every step without the optimising compiler.
        const ts = tiles(ws.root);
        for (let j = 0; j < ts.length; j++) {
          const tabs = ts[j]!.tabs;
          for (let k = 0; k < tabs.length; k++) this.setCardinal(tabs[k]!, a._NET_WM_DESKTOP, i);
        }
        // A sticky float is on every desktop (EWMH: 0xFFFFFFFF).
        for (const w of (ws as { floating?: readonly WindowId[] }).floating ?? []) {
          this.set(w, a._NET_WM_DESKTOP, a.CARDINAL, 32, [model.clients.get(w)?.sticky === true ? AllDesktops : i]);
        }
      });
      this.lastWorkspaces = model.workspaces;
    }
  }

  private stickyDesktop(model: Model, w: WindowId, sticky: boolean): void {
    const i = model.workspaces.findIndex((ws) => (ws.floating ?? []).includes(w));
    if (i >= 0) this.set(w, this.atoms._NET_WM_DESKTOP, this.atoms.CARDINAL, 32, [sticky ? AllDesktops : i]);
  }

  /** _NET_WM_STATE of every client whose record or float status changed: the states Fion
   *  keeps for it. Floats are kept above the tiles, and _NET_WM_STATE_ABOVE says so, except
   *  for those asked to stay below the other floats (_NET_WM_STATE_BELOW);
   *  _NET_WM_STATE_HIDDEN marks a minimised one, _NET_WM_STATE_STICKY a sticky float. */
  private publishStates(model: Model): void {
    if (model.clients === this.lastClients && model.workspaces === this.lastStateWorkspaces) return;
    const before = this.lastClients;
    this.lastClients = model.clients;
    this.lastStateWorkspaces = model.workspaces;
    const a = this.atoms;
    const floating = new Set(model.workspaces.flatMap((ws) => ws.floating ?? []));
    const floatChanged = new Set<WindowId>();
    for (const w of floating) if (!this.lastFloating.has(w)) floatChanged.add(w);
    for (const w of this.lastFloating) if (!floating.has(w)) floatChanged.add(w);
    this.lastFloating = floating;
    model.clients.forEach((c) => {
      if (before?.get(c.id) === c && !floatChanged.has(c.id)) return;
      const states: Atom[] = [];
      if (c.fullscreen === true) states.push(a._NET_WM_STATE_FULLSCREEN);
      if (c.urgent) states.push(a._NET_WM_STATE_DEMANDS_ATTENTION);
      if (c.modal === true) states.push(a._NET_WM_STATE_MODAL);
      const floats = floating.has(c.id);
      if (floats) states.push(c.below === true ? a._NET_WM_STATE_BELOW : a._NET_WM_STATE_ABOVE);
      if (floats && c.sticky === true) states.push(a._NET_WM_STATE_STICKY);
      if (c.minimised === true) states.push(a._NET_WM_STATE_HIDDEN);
      if (c.maximisedVert === true) states.push(a._NET_WM_STATE_MAXIMIZED_VERT);
      if (c.maximisedHorz === true) states.push(a._NET_WM_STATE_MAXIMIZED_HORZ);
      this.set(c.id, a._NET_WM_STATE, a.ATOM, 32, states);
      // The desktop follows the sticky flag (the loop over workspaces sees only moves).
      if (floats && before?.get(c.id)?.sticky !== c.sticky) this.stickyDesktop(model, c.id, c.sticky === true);
    });
  }
}

const sameIds = (a: readonly WindowId[], b: readonly WindowId[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);
function sameNumbers(a: readonly number[], b: Published): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
