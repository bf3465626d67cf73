// Drags by the mouse: a float moved or resized with the modifier held (i3's
// floating_modifier), a tiled window dropped onto another tile (i3's tiling_drag), a border
// between tiles pulled, and the same moves and resizes asked for by a client
// (_NET_WM_MOVERESIZE). A drag holds an active pointer grab from the press to the release.
// Motion is coalesced: however many MotionNotify events arrive in one turn of the loop,
// the model is changed once, with the latest position, so a busy Fion never lags behind.
import type { XPort } from '../x/port.js';
import type { EventOf } from '../x/events.js';
import type { WindowId } from '../x/types.js';
import { isFailure } from '../x/types.js';
import { CurrentTime, GrabStatus, ModMask } from '../x/protocol.js';
import { lockVariants, type KeyboardMap } from '../x/keyboard.js';
import { maskOf, relevantMask } from '../keys/grabs.js';
import type { Config } from '../config/index.js';
import {
  dropOnTile, findClient, focusClient, moveClientTo, moveFloating, setBorder, type Model, type Rect,
} from '../model/index.js';
import {
  borderAt, borderFraction, borders, layout, minShare, movedRect, nearestCorner, resizedRect, type Border, type Edges,
  type LayoutTheme,
} from '../layout/index.js';
import type { Job } from '../manage/context.js';
import type { MessageEffect } from '../manage/messages.js';
import { log } from '../log.js';

/** How close to a border between tiles (px, either side) a press grabs it. */
export const BORDER_SLACK = 4;
const ANY_BUTTON_HELD = ModMask.Button1 | ModMask.Button2 | ModMask.Button3 | ModMask.Button4 | ModMask.Button5;

export interface DragHost {
  model: Model;
  readonly x: XPort;
  readonly config: Config;
  readonly theme: LayoutTheme;
  enqueue(job: Job, what: string): void;
  enterMode(name: string): void;
}

/** The mode `_NET_WM_MOVERESIZE`'s keyboard move and resize enter, when the config has it. */
export const FLOAT_MODE = 'float';

type Drag =
  | { readonly kind: 'move'; readonly window: WindowId; readonly start: Rect; readonly fromX: number; readonly fromY: number }
  | { readonly kind: 'resize'; readonly window: WindowId; readonly start: Rect; readonly edges: Edges; readonly fromX: number; readonly fromY: number }
  | { readonly kind: 'tile'; readonly window: WindowId }
  | { readonly kind: 'border'; readonly border: Border };

type Press = EventOf<'ButtonPress'>;

/** How a client asked to be dragged (_NET_WM_MOVERESIZE), decoded. */
export type ClientDrag = { readonly how: 'move' } | { readonly how: 'resize'; readonly edges: Edges };

export class Drags {
  private drag: Drag | null = null;
  /** The newest pointer position not applied yet, and whether a job to apply it is queued. */
  private latest: { x: number; y: number } | null = null;
  private queued = false;
  /** MotionNotify events seen, and the newest one's point (kept after it is applied). */
  private motions = 0;
  private pointer: { x: number; y: number } | null = null;
  private grabbed: { root: WindowId; modifiers: number; button: number }[] = [];
  private modifier = 0;
  private relevant = 0xff;

  constructor(private readonly host: DragHost) {}

  get active(): boolean { return this.drag !== null; }

  /** Grab modifier+button on every root (with the Lock and Num Lock variants); again after a
   *  keyboard mapping change or a reload. */
  setup(kb: KeyboardMap): void {
    const x = this.host.x;
    for (const g of this.grabbed) x.ungrabButton(g.root, g.modifiers, g.button);
    this.grabbed = [];
    const m = this.host.config.mouse;
    this.modifier = maskOf(kb, m.modifier);
    this.relevant = relevantMask(kb);
    const buttons = [...new Set([m.moveButton, m.resizeButton])];
    for (const s of x.screens) {
      for (const button of buttons) {
        for (const v of lockVariants(kb)) {
          x.grabButton(s.root, this.modifier | v, button);
          this.grabbed.push({ root: s.root, modifiers: this.modifier | v, button });
        }
      }
    }
  }

  /**
   * A press: with the modifier on a client, it starts a move, a resize or a tile drag; with
   * no modifier near a border between tiles (on a tab bar or at a client's edge), a border
   * drag. True when a drag started: the press is the drag's and goes nowhere else.
   */
  press(ev: Press, onClient: WindowId | null): boolean {
    if (this.drag !== null) return true;
    const mods = ev.state & this.relevant;
    const m = this.host.config.mouse;
    if (mods === this.modifier && this.host.x.screens.some((s) => s.root === ev.window)) {
      const w = ev.child;
      if (ev.button === m.moveButton) return this.begin(w, { how: 'move' }, ev.rootX, ev.rootY, ev.window, ev.time);
      if (ev.button === m.resizeButton) return this.beginResizeNearest(w, ev);
      return false;
    }
    if (mods !== 0 || ev.button !== 1) return false;
    const border = this.borderNear(ev.rootX, ev.rootY);
    if (border === null) return false;
    if (onClient !== null) this.host.x.thawPointer(ev.time); // the click is Fion's, not the client's
    this.start({ kind: 'border', border }, ev.root, ev.time);
    return true;
  }

  /** A client asked to be moved or resized (_NET_WM_MOVERESIZE) from root point (x, y). */
  fromClient(w: WindowId, how: ClientDrag, x: number, y: number): void {
    if (this.drag !== null) return;
    const root = this.host.x.screens[0]?.root;
    if (root === undefined) return;
    this.begin(w, how, x, y, root, CurrentTime);
  }

  /** A client's _NET_WM_MOVERESIZE (a drag by the pointer, by the keys, or its end) or
   *  _NET_MOVERESIZE_WINDOW (floats only: a tiled window's place is its tile's). */
  clientMessage(e: Extract<MessageEffect, { kind: 'moveResize' | 'moveResizeWindow' }>): void {
    const w = e.window;
    if (e.kind === 'moveResizeWindow') {
      const model = this.host.model;
      const at = findClient(model, w);
      const now = this.visibleRect(w);
      if (at === null || !at.floating || now === null) return;
      this.host.model = moveFloating(model, w, {
        x: e.x ?? now.x, y: e.y ?? now.y, width: e.width ?? now.width, height: e.height ?? now.height,
      });
      return;
    }
    const r = e.request;
    if (r.how === 'cancel') this.cancel(w);
    else if (r.how === 'move') this.fromClient(w, { how: 'move' }, r.x, r.y);
    else if (r.how === 'resize') this.fromClient(w, { how: 'resize', edges: r.edges }, r.x, r.y);
    else {
      // By the keys: a float is focused and the float mode (arrows move, shift+arrows
      // resize) is entered, when the config has one; a tiled window only takes the focus.
      const at = findClient(this.host.model, w);
      if (at === null) return;
      this.host.model = focusClient(this.host.model, w);
      if (at.floating && this.host.config.modes.some((m) => m.name === FLOAT_MODE)) this.host.enterMode(FLOAT_MODE);
    }
  }

  /** _NET_WM_MOVERESIZE_CANCEL: the client's own drag stops where it is. */
  cancel(w: WindowId): void {
    const d = this.drag;
    if (d !== null && d.kind !== 'border' && d.window === w) this.end(null);
  }

  /** Motion during a grab. Not applied at once: the press that starts the drag may still
   *  be queued, and a burst of motion costs one change of the model, with its newest point. */
  motion(ev: EventOf<'MotionNotify'>): void {
    this.latest = { x: ev.rootX, y: ev.rootY };
    this.pointer = this.latest;
    this.motions++;
    if (this.queued) return;
    this.queued = true;
    this.host.enqueue(() => {
      this.queued = false;
      const p = this.latest;
      this.latest = null;
      if (p !== null && this.drag !== null) this.apply(p.x, p.y, false);
    }, 'pointer motion');
  }

  release(ev: EventOf<'ButtonRelease'>): void {
    // Released with other buttons still down: the drag goes on until the last one is up.
    const others = ev.state & ANY_BUTTON_HELD & ~(ModMask.Button1 << (ev.button - 1));
    if (others !== 0) return;
    this.host.enqueue(() => {
      if (this.drag === null) return;
      this.latest = null;
      this.end({ x: ev.rootX, y: ev.rootY });
    }, 'pointer release');
  }

  private beginResizeNearest(w: WindowId, ev: Press): boolean {
    const rect = this.visibleRect(w);
    if (rect === null) return false;
    return this.begin(w, { how: 'resize', edges: nearestCorner(rect, ev.rootX, ev.rootY) }, ev.rootX, ev.rootY, ev.window, ev.time);
  }

  private begin(w: WindowId, how: ClientDrag, x: number, y: number, root: WindowId, time: number): boolean {
    const model = this.host.model;
    const at = findClient(model, w);
    const c = model.clients.get(w);
    if (at === null || c === undefined || c.fullscreen === true) return false;
    const start = this.visibleRect(w);
    if (start === null) return false;
    this.host.model = focusClient(model, w);
    if (!at.floating) {
      if (how.how !== 'move') return false;
      this.start({ kind: 'tile', window: w }, root, time);
      return true;
    }
    const drag: Drag = how.how === 'move'
      ? { kind: 'move', window: w, start, fromX: x, fromY: y }
      : { kind: 'resize', window: w, start, edges: how.edges, fromX: x, fromY: y };
    this.start(drag, root, time);
    return true;
  }

  private start(drag: Drag, root: WindowId, time: number): void {
    log.debug(`drag: ${drag.kind} starts`);
    this.drag = drag;
    const x = this.host.x;
    void x.grabPointer(root, time).then((status) => {
      if (isFailure(status) || status !== GrabStatus.Success) {
        log.info(`pointer grab for a drag refused (${String(status)}); no drag`);
        this.host.enqueue(() => { if (this.drag === drag) this.end(null); }, 'drag refused');
      }
    });
    // Motion and a release that came before the grab went elsewhere: where the pointer is once
    // the grab holds goes on from there, and with no button held any more the drag ends.
    // Motion reported meanwhile wins over the query's position: a press into a client freezes
    // the pointer, and the motion queued behind it is replayed to the grab while the server
    // may still answer the query with the point of the press.
    const seen = this.motions;
    void x.queryPointer(root).then((p) => {
      if (isFailure(p)) return;
      this.host.enqueue(() => {
        if (this.drag !== drag) return;
        const moved = this.motions !== seen ? this.pointer : null;
        if ((p.mask & ANY_BUTTON_HELD) === 0) this.end(moved ?? { x: p.rootX, y: p.rootY });
        else if (moved === null) this.apply(p.rootX, p.rootY, false);
      }, 'pointer at the start of a drag');
    });
  }

  /** The drag applied at root point (x, y); `done`: it ends there (a tile is dropped). */
  private apply(px: number, py: number, done: boolean): void {
    const d = this.drag;
    if (d === null) return;
    const model = this.host.model;
    if (d.kind === 'border') {
      const area = layout(model, this.host.theme).monitors.find((m) => contains(m.area, px, py))?.area
        ?? layout(model, this.host.theme).monitors[model.focusedMonitor]?.area;
      const min = area === undefined ? { width: 0, height: 0 } : minShare(this.host.theme, area);
      this.host.model = setBorder(model, d.border.split, d.border.index, borderFraction(d.border, px, py), min);
      return;
    }
    if (findClient(model, d.window) === null) { this.drag = null; return; } // it went away meanwhile
    if (d.kind === 'tile') {
      if (!done) return;
      const tile = layout(model, this.host.theme).tiles.find((t) => contains(t.rect, px, py));
      if (tile !== undefined) this.host.model = dropOnTile(model, d.window, tile.tile);
      return;
    }
    const dx = px - d.fromX;
    const dy = py - d.fromY;
    const rect = d.kind === 'move' ? movedRect(d.start, dx, dy)
      : resizedRect(d.start, d.edges, dx, dy, model.clients.get(d.window)?.sizeHints);
    let next = model;
    if (d.kind === 'move') {
      // Carried onto another monitor: it floats on the workspace shown there.
      const lay = layout(model, this.host.theme);
      const here = lay.monitors.find((m) => contains(m.rect, px, py));
      const at = findClient(model, d.window);
      if (here !== undefined && at !== null && here.workspace !== at.workspace) {
        next = focusClient(moveClientTo(next, d.window, here.workspace), d.window);
      }
    }
    this.host.model = moveFloating(next, d.window, rect);
  }

  /** The drag ends, at (x, y) or where it was (null: cancelled or refused). */
  private end(at: { x: number; y: number } | null): void {
    if (this.drag === null) return;
    if (at !== null) this.apply(at.x, at.y, true);
    log.debug(`drag: ${this.drag?.kind ?? 'gone'} ends ${at === null ? 'cancelled' : `at ${at.x},${at.y}`}`);
    this.drag = null;
    this.latest = null;
    this.host.x.ungrabPointer();
  }

  private visibleRect(w: WindowId): Rect | null {
    return layout(this.host.model, this.host.theme).clients.get(w) ?? null;
  }

  private borderNear(x: number, y: number): Border | null {
    const model = this.host.model;
    for (const m of layout(model, this.host.theme).monitors) {
      if (!contains(m.area, x, y)) continue;
      const ws = model.workspaces.find((w) => w.id === m.workspace);
      // With gaps, the border line runs down the middle of the gap: reach it from the tiles.
      const slack = BORDER_SLACK + Math.ceil((this.host.theme.gaps?.inner ?? 0) / 2);
      return ws === undefined ? null : borderAt(borders(ws.root, m.area), x, y, slack);
    }
    return null;
  }
}

const contains = (r: Rect, x: number, y: number): boolean => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
