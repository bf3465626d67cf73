// The one place that pushes the screen to X. It remembers what it sent and
// sends only what changed: ConfigureWindow for moved clients, MapWindow for
// newly shown ones before UnmapWindow for newly hidden ones (so a workspace
// switch never shows bare root in between), repaints for changed strips.
import type { XConnection, Screen } from '../x/connection.js';
import type { Atoms } from '../x/atoms.js';
import { EventMask, type WindowId } from '../x/types.js';
import { encodeClass, encodeUtf8 } from '../x/props.js';
import type { Painter } from './paint.js';
import type { Rect } from '../model/types.js';
import type { Scene, Strip } from './scene.js';

interface PushedStrip {
  readonly window: WindowId;
  screen: number;
  rect: Rect;
  mapped: boolean;
  /** Whether the window shows `strip`'s cells (false: never painted, or a repaint is due). */
  painted: boolean;
  name: string | undefined;
  strip: Strip;
}

/** How a client takes focus (ICCCM 4.1.7), supplied by the manage side. */
export interface FocusModel {
  /** Whether SetInputFocus should be used (input hint true or absent). */
  readonly input: boolean;
  /** Whether WM_TAKE_FOCUS should be sent. */
  readonly takeFocus: boolean;
}

const WM_STATE_NORMAL = 1;
const WM_STATE_ICONIC = 3;
const sameList = (a: readonly WindowId[], b: readonly WindowId[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);
const sameRect = (a: Rect, b: Rect): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

type StripCell = Strip['cells'][number];

/** Whether two cells draw the same (all their fields are primitives; an absent field and an
 *  undefined one are the same). Compared field by field: a tick allocates nothing for it. */
function sameCell(a: StripCell, b: StripCell): boolean {
  if (a === b) return true;
  for (const k in a) if (a[k as keyof StripCell] !== b[k as keyof StripCell]) return false;
  for (const k in b) if (!(k in a) && b[k as keyof StripCell] !== undefined) return false;
  return true;
}

/** Whether `b` paints exactly what `a` painted (same size, background and cells). */
function samePixels(a: Strip, b: Strip): boolean {
  if (a === b) return true;
  if (a.bg !== b.bg || a.rect.width !== b.rect.width || a.rect.height !== b.rect.height || a.cells.length !== b.cells.length) return false;
  for (let i = 0; i < a.cells.length; i++) if (!sameCell(a.cells[i]!, b.cells[i]!)) return false;
  return true;
}

/** The cells of `b` that differ from `a`'s, when only their contents changed (same strip
 *  size and background, same cell boxes); null when the whole strip must be painted. */
function changedCells(a: Strip, b: Strip): Strip['cells'] | null {
  if (a.bg !== b.bg || !sameRect(a.rect, b.rect) || a.cells.length !== b.cells.length) return null;
  const out: StripCell[] = [];
  for (let i = 0; i < b.cells.length; i++) {
    const x = a.cells[i]!;
    const y = b.cells[i]!;
    if (x.x !== y.x || x.width !== y.width) return null;
    if (!sameCell(x, y)) out.push(y);
  }
  return out.length * 2 > b.cells.length ? null : out;
}

export class Renderer {
  /** Clients we have mapped, with the geometry we gave them. */
  private readonly shown = new Map<WindowId, Rect>();
  /** Unmaps we caused and whose UnmapNotify hasn't come back yet (ICCCM: ours aren't withdrawals). */
  private readonly ourUnmaps = new Map<WindowId, number>();
  private readonly strips = new Map<string, PushedStrip>();
  private readonly stripByWindow = new Map<WindowId, PushedStrip>();
  private focused: WindowId | null | undefined = undefined;
  private raised: readonly WindowId[] = [];
  private stripsMapped = false;
  /** Count of requests sent, for tests and benchmarks of the diff. */
  requests = 0;

  constructor(
    private readonly x: XConnection,
    private readonly atoms: Atoms,
    private readonly painter: Painter,
    private readonly focusModel: (w: WindowId) => FocusModel,
    private readonly noFocusWindow: (screen: number) => WindowId,
  ) {}

  /** True (and consumed) when an UnmapNotify for `w` is the echo of our own unmap. */
  consumeOwnUnmap(w: WindowId): boolean {
    const n = this.ourUnmaps.get(w) ?? 0;
    if (n === 0) return false;
    if (n === 1) this.ourUnmaps.delete(w); else this.ourUnmaps.set(w, n - 1);
    return true;
  }

  /**
   * A client is gone (destroyed, withdrawn, moved off the root): forget it. Unless
   * `unmapsToo`, Fion's unmaps of it still on their way stay counted: a withdrawn window's
   * UnmapNotify may come after its client has mapped it again and Fion manages it anew, and
   * must not withdraw it then.
   */
  forget(w: WindowId, unmapsToo: boolean): void {
    this.shown.delete(w);
    if (unmapsToo) this.ourUnmaps.delete(w);
    if (this.focused === w) this.focused = undefined;
  }

  /** Unmap a window Fion showed and is releasing (a withdrawal Fion heard of only from the
   *  client's synthetic UnmapNotify): counted as Fion's own, like a hide. */
  unmapReleased(w: WindowId): void {
    if (!this.shown.delete(w)) return;
    this.ourUnmaps.set(w, (this.ourUnmaps.get(w) ?? 0) + 1);
    this.x.unmap(w);
    this.requests++;
  }

  /** A window that was already mapped when Fion adopted it: it's ours to move or hide from now on. */
  adoptMapped(w: WindowId): void {
    if (this.shown.has(w)) return;
    this.shown.set(w, { x: -1, y: -1, width: 0, height: 0 }); // forces a configure on the next push
    this.x.changeProperty(w, this.atoms.WM_STATE, this.atoms.WM_STATE, 32, [WM_STATE_NORMAL, 0]);
  }

  isShown(w: WindowId): boolean { return this.shown.has(w); }
  geometryOf(w: WindowId): Rect | undefined { return this.shown.get(w); }
  isOwnWindow(w: WindowId): boolean { return this.stripByWindow.has(w); }
  /** The strip key and the cell tag under x (a click on a tab bar or the bar), with the cell's place. */
  hit(w: WindowId, x: number): { key: string; tag: string | undefined; cellX: number; cellWidth: number; height: number } | null {
    const s = this.stripByWindow.get(w);
    if (s === undefined) return null;
    const cell = s.strip.cells.find((c) => x >= c.x && x < c.x + c.width);
    return { key: s.strip.key, tag: cell?.tag, cellX: cell?.x ?? 0, cellWidth: cell?.width ?? 0, height: s.rect.height };
  }

  /**
   * Push only these strips (the bars, on a clock tick or a status line): nothing else is
   * compared or sent. False when one of them is new or moved, or not shown: then the
   * caller renders everything instead.
   */
  pushStripsOnly(strips: readonly Strip[]): boolean {
    for (const s of strips) {
      const p = this.strips.get(s.key);
      if (p === undefined || !p.mapped || p.screen !== s.screen || !sameRect(p.rect, s.rect)) return false;
    }
    for (const s of strips) this.pushStrip(s);
    return true;
  }

  push(scene: Scene): void {
    let mapped = false;
    // 1. Show and move what is visible now.
    for (const [w, r] of scene.clients) {
      const old = this.shown.get(w);
      if (old === undefined || !sameRect(old, r)) {
        this.x.configure(w, { x: r.x, y: r.y, width: Math.max(1, r.width), height: Math.max(1, r.height), borderWidth: 0 });
        this.requests++;
      }
      if (old === undefined) {
        mapped = true;
        this.x.map(w);
        this.x.changeProperty(w, this.atoms.WM_STATE, this.atoms.WM_STATE, 32, [WM_STATE_NORMAL, 0]);
        this.requests += 2;
      }
      this.shown.set(w, r);
    }
    // 2. Hide what is no longer visible (after mapping, so nothing flashes).
    for (const w of [...this.shown.keys()]) {
      if (scene.clients.has(w)) continue;
      this.hide(w);
    }
    // 3. Strips.
    const seen = new Set<string>();
    for (const s of scene.strips) {
      seen.add(s.key);
      this.pushStrip(s);
    }
    for (const p of this.strips.values()) {
      if (!seen.has(p.strip.key) && p.mapped) {
        this.x.unmap(p.window);
        p.mapped = false;
        this.requests++;
      }
    }
    this.pruneStrips(seen.size);
    // 4. Stacking: anything mapped lands on top, so floats and fullscreen windows are raised
    //    again, in order, whenever something was mapped or their order changed.
    if (mapped || this.stripsMapped || !sameList(this.raised, scene.raised)) {
      for (const w of scene.raised) this.x.configure(w, { stackMode: 0 /* Above */ });
      this.requests += scene.raised.length;
    }
    this.raised = scene.raised;
    this.stripsMapped = false;
    // 5. Focus.
    if (scene.focus !== this.focused) this.focus(scene.focus, scene.strips[0]?.screen ?? 0);
  }

  /** Give focus to `w` again even if we think it has it (a click, a client that stole it). */
  refocus(w: WindowId | null, screen: number): void { this.focus(w, screen); }

  /** The focus went somewhere Fion didn't put it (a popup took it and died): put it back. */
  reassertFocus(): void {
    if (this.focused !== undefined) this.focus(this.focused, 0);
  }

  /** The client Fion last focused (null: none, undefined: not decided yet). */
  get focusedClient(): WindowId | null | undefined { return this.focused; }

  private hide(w: WindowId): void {
    this.shown.delete(w);
    this.ourUnmaps.set(w, (this.ourUnmaps.get(w) ?? 0) + 1);
    this.x.unmap(w);
    this.x.changeProperty(w, this.atoms.WM_STATE, this.atoms.WM_STATE, 32, [WM_STATE_ICONIC, 0]);
    this.requests += 2;
  }

  private focus(w: WindowId | null, screen: number): void {
    this.focused = w;
    const root = this.x.screens[screen]?.root ?? this.x.screens[0]?.root;
    if (w === null) {
      // Nothing to focus: keep keys away from whatever was under the pointer.
      this.x.setInputFocus(this.noFocusWindow(screen), 1);
      if (root !== undefined) this.x.changeProperty(root, this.atoms._NET_ACTIVE_WINDOW, this.atoms.WINDOW, 32, [0]);
      return;
    }
    const fm = this.focusModel(w);
    if (fm.input) this.x.setInputFocus(w, 1);
    if (fm.takeFocus) {
      this.x.sendClientMessage(w, w, this.atoms.WM_PROTOCOLS, [this.atoms.WM_TAKE_FOCUS, 0], 0);
    }
    for (const s of this.x.screens) {
      this.x.changeProperty(s.root, this.atoms._NET_ACTIVE_WINDOW, this.atoms.WINDOW, 32, [w]);
    }
    this.requests += 2;
  }

  private pushStrip(s: Strip): void {
    let p = this.strips.get(s.key);
    const screen = this.x.screens[s.screen] as Screen | undefined;
    if (screen === undefined) return;
    if (p !== undefined && p.screen !== s.screen) {
      this.destroyStrip(p);
      p = undefined;
    }
    if (p === undefined) {
      const window = this.x.createWindow(this.x.allocId(), screen.root, s.rect.x, s.rect.y, s.rect.width, s.rect.height, {
        backgroundPixel: s.bg, overrideRedirect: 1, eventMask: EventMask.Exposure | EventMask.ButtonPress,
      });
      this.x.changeProperty(window, this.atoms.WM_CLASS, this.atoms.STRING, 8, encodeClass(s.wmClass[0], s.wmClass[1]));
      p = { window, screen: s.screen, rect: s.rect, mapped: false, painted: false, name: undefined, strip: s };
      this.strips.set(s.key, p);
      this.stripByWindow.set(window, p);
      this.requests += 2;
    } else if (!sameRect(p.rect, s.rect)) {
      this.x.configure(p.window, { x: s.rect.x, y: s.rect.y, width: Math.max(1, s.rect.width), height: Math.max(1, s.rect.height) });
      p.rect = s.rect;
      this.requests++;
    }
    const before = p.strip;
    p.strip = s;
    if (s.name !== undefined && s.name !== p.name) {
      this.x.changeProperty(p.window, this.atoms._NET_WM_NAME, this.atoms.UTF8_STRING, 8, encodeUtf8(s.name));
      p.name = s.name;
      this.requests++;
    }
    if (!p.mapped) {
      this.x.map(p.window);
      p.mapped = true;
      this.stripsMapped = true;
      this.requests++;
    }
    if (!p.painted || !samePixels(before, s)) {
      const changed = !p.painted ? null : changedCells(before, s);
      if (changed === null) this.paintStrip(p);
      else if (changed.length > 0) {
        const scr = this.x.screens[p.screen];
        if (scr !== undefined) this.painter.paintCells(scr, p.window, p.rect.height, changed);
        this.requests++;
      }
      p.painted = true;
    }
  }

  private paintStrip(p: PushedStrip): void {
    const screen = this.x.screens[p.screen];
    if (screen === undefined) return;
    this.painter.paint(screen, p.window, p.rect.width, p.rect.height, p.strip.bg, p.strip.cells);
    this.requests++;
  }

  /** Paint every strip again on the next push, even if its cells are the same (a font changed). */
  repaintAll(): void {
    for (const p of this.strips.values()) p.painted = false;
  }

  /** Repaint after an Expose: the pixels are gone, the content isn't. */
  expose(w: WindowId): void {
    const p = this.stripByWindow.get(w);
    if (p !== undefined && p.mapped) this.paintStrip(p);
  }

  /** Unmapped strips of tiles on hidden workspaces are kept for reuse, within bounds. */
  private pruneStrips(visible: number): void {
    if (this.strips.size <= visible * 2 + 64) return;
    for (const p of [...this.strips.values()]) {
      if (!p.mapped) this.destroyStrip(p);
    }
  }

  private destroyStrip(p: PushedStrip): void {
    this.x.destroyWindow(p.window);
    this.strips.delete(p.strip.key);
    this.stripByWindow.delete(p.window);
    this.requests++;
  }

  /** Every client we hid, mapped again: for a clean exit that leaves clients visible. */
  revealAll(clients: Iterable<WindowId>): void {
    for (const w of clients) {
      if (this.shown.has(w)) continue;
      this.x.map(w);
      this.x.changeProperty(w, this.atoms.WM_STATE, this.atoms.WM_STATE, 32, [WM_STATE_NORMAL, 0]);
    }
  }

  destroyAll(): void {
    for (const p of [...this.strips.values()]) this.destroyStrip(p);
  }
}
