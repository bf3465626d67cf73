// The one place that pushes the screen to X. It remembers what it sent and
// sends only what changed: ConfigureWindow for moved clients, MapWindow for
// newly shown ones before UnmapWindow for newly hidden ones (so a workspace
// switch never shows bare root in between), repaints for changed strips.
import type { XPort, Screen } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import { EventMask, type WindowId } from '../x/types.js';
import { CurrentTime, NoEventMask, None, RevertTo, StackMode, WmState } from '../x/protocol.js';
import { encodeClass, encodeUtf8 } from '../x/props.js';
import type { Painter } from './paint.js';
import type { Rect } from '../model/types.js';
import { stripKey, type CellTarget, type Scene, type Strip, type StripTarget } from './scene.js';
import { changedCells, sameRect, samePixels } from './diff.js';

/** What the renderer reads and records of the clients it shows: src/manage's registry of
 *  per-window state, the one owner of it. */
export interface ShownWindows {
  /** Clients Fion has mapped, with the geometry it gave them. */
  readonly shown: Map<WindowId, Rect>;
  /** The client Fion last focused (null: none, undefined: not decided yet). */
  focused: WindowId | null | undefined;
  /** Fion is about to unmap a client: its UnmapNotify is no withdrawal. */
  countUnmap(w: WindowId): void;
  /** How the client takes focus (ICCCM 4.1.7). */
  focusModel(w: WindowId): { readonly input: boolean; readonly takeFocus: boolean };
}

/** A click on one of Fion's strips: which strip, which cell, and the cell's place. */
export interface Hit {
  readonly strip: StripTarget;
  readonly cell: CellTarget | undefined;
  readonly cellX: number;
  readonly cellWidth: number;
  readonly height: number;
}

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

/** Where an adopted window is before the renderer has placed it: nowhere it knows. */
const UNPLACED: Rect = Object.freeze({ x: -1, y: -1, width: 0, height: 0 });

export class Renderer {
  private readonly strips = new Map<string, PushedStrip>();
  private readonly stripByWindow = new Map<WindowId, PushedStrip>();
  private raised: readonly WindowId[] = [];
  private stripsMapped = false;
  /** placeClients mapped a client since the last push: the raised ones go on top again. */
  private clientsMapped = false;
  /** The clients placeClients placed since the last push: the push need not compare them again. */
  private placed: ReadonlyMap<WindowId, Rect> | null = null;
  /** Called before one of Fion's strip windows is destroyed: windows of others inside it
   *  (tray icons) must leave first, or they would be destroyed with it. */
  beforeDestroy: ((w: WindowId) => void) | null = null;

  constructor(
    private readonly x: XPort,
    private readonly atoms: Atoms,
    private readonly painter: Painter,
    private readonly windows: ShownWindows,
    private readonly noFocusWindow: (screen: number) => WindowId,
  ) {}

  /** Unmap a window Fion showed and is releasing (a withdrawal Fion heard of only from the
   *  client's synthetic UnmapNotify): counted as Fion's own, like a hide. */
  unmapReleased(w: WindowId): void {
    if (!this.windows.shown.delete(w)) return;
    this.windows.countUnmap(w);
    this.x.unmap(w);
  }

  /** A window that was already mapped when Fion adopted it: it's ours to move or hide from now on. */
  adoptMapped(w: WindowId): void {
    if (this.windows.shown.has(w)) return;
    this.windows.shown.set(w, UNPLACED); // the next push places it, and hides it if it is not to be seen
    this.setWmState(w, WmState.Normal);
  }

  isOwnWindow(w: WindowId): boolean { return this.stripByWindow.has(w); }

  /** The room a shown bar leaves for the tray's icons: its window, where, how high. */
  trayRoom(): { window: WindowId; x: number; height: number } | null {
    for (const p of this.strips.values()) {
      if (!p.mapped || p.strip.target.kind !== 'bar') continue;
      const cell = p.strip.cells.find((c) => c.target?.kind === 'tray');
      if (cell !== undefined) return { window: p.window, x: cell.x, height: p.rect.height };
    }
    return null;
  }

  /** What a click at `x` in one of Fion's windows hit (a tab bar or a bar), or null. */
  hit(w: WindowId, x: number): Hit | null {
    const s = this.stripByWindow.get(w);
    if (s === undefined) return null;
    const cell = s.strip.cells.find((c) => x >= c.x && x < c.x + c.width);
    return { strip: s.strip.target, cell: cell?.target, cellX: cell?.x ?? 0, cellWidth: cell?.width ?? 0, height: s.rect.height };
  }

  /**
   * Push only these strips (the bars, on a clock tick or a status line): nothing else is
   * compared or sent. False when one of them is new or moved, or not shown: then the
   * caller renders everything instead.
   */
  pushStripsOnly(strips: readonly Strip[]): boolean {
    for (const s of strips) {
      const p = this.strips.get(stripKey(s.target));
      if (p === undefined || !p.mapped || p.screen !== s.screen || !sameRect(p.rect, s.rect)) return false;
    }
    for (const s of strips) this.pushStrip(s);
    return true;
  }

  /**
   * Steps 1 and 2 of a push, which the refresh takes first: show, move and hide the clients,
   * and send those requests at once. The server shows a new window (and tells its client)
   * while Fion builds and paints the bars, not after. The push that follows finds them done.
   */
  placeClients(clients: ReadonlyMap<WindowId, Rect>): void {
    if (clients === this.placed) return;
    this.placed = clients;
    const shown = this.windows.shown;
    let mapped = false;
    let changed = false;
    // 1. Show and move what is visible now. (forEach: without the optimising compiler, a
    //    for-of over a Map allocates an entry at every step, 500 of them at 500 windows.)
    clients.forEach((r, w) => {
      const old = shown.get(w);
      if (old === undefined || !sameRect(old, r)) {
        this.x.configure(w, { x: r.x, y: r.y, width: Math.max(1, r.width), height: Math.max(1, r.height), borderWidth: 0 });
        changed = true;
      }
      // An adopted window is mapped again too: seen mapped when it was read, it may have been
      // unmapped since by a request of Fion's sent before it was managed again.
      if (old === undefined || old === UNPLACED) {
        mapped = true;
        this.x.map(w);
        this.setWmState(w, WmState.Normal);
      }
      shown.set(w, r);
    });
    // 2. Hide what is no longer visible (after mapping, so nothing flashes). A Map's forEach
    //    goes on past the entry its callback deletes.
    shown.forEach((_, w) => {
      if (clients.has(w)) return;
      this.hide(w);
      changed = true;
    });
    if (mapped) this.clientsMapped = true;
    if (changed) void this.x.flush();
  }

  push(scene: Scene): void {
    this.placeClients(scene.clients); // at once when the refresh placed them already
    const mapped = this.clientsMapped;
    this.clientsMapped = false;
    this.placed = null;
    // 3. Strips.
    const seen = new Set<string>();
    const strips = scene.strips;
    for (let i = 0; i < strips.length; i++) {
      const s = strips[i]!;
      const key = stripKey(s.target);
      seen.add(key);
      this.pushStrip(s, key);
    }
    this.strips.forEach((p, key) => {
      if (!seen.has(key) && p.mapped) {
        this.x.unmap(p.window);
        p.mapped = false;
      }
    });
    this.pruneStrips(seen.size);
    // 4. Stacking: anything mapped lands on top, so floats and fullscreen windows are raised
    //    again, in order, whenever something was mapped or their order changed.
    if (mapped || this.stripsMapped || !sameList(this.raised, scene.raised)) {
      for (const w of scene.raised) this.x.configure(w, { stackMode: StackMode.Above });
    }
    this.raised = scene.raised;
    this.stripsMapped = false;
    // 5. Focus.
    if (scene.focus !== this.windows.focused) this.focus(scene.focus, scene.strips[0]?.screen ?? 0);
    this.painter.icons?.prune();
  }

  /** Give focus to `w` again even if Fion thinks it has it (a client that stole it, a
   *  client that came to take input another way). */
  refocus(w: WindowId | null, screen: number): void { this.focus(w, screen); }

  /** The focus went somewhere Fion didn't put it (a popup took it and died): put it back. */
  reassertFocus(): void {
    const f = this.windows.focused;
    if (f !== undefined) this.focus(f, 0);
  }

  private setWmState(w: WindowId, state: number): void {
    this.x.changeProperty(w, this.atoms.WM_STATE, this.atoms.WM_STATE, 32, [state, 0]);
  }

  private hide(w: WindowId): void {
    this.windows.shown.delete(w);
    this.windows.countUnmap(w);
    this.x.unmap(w);
    this.setWmState(w, WmState.Iconic);
  }

  private focus(w: WindowId | null, screen: number): void {
    this.windows.focused = w;
    const root = this.x.screens[screen]?.root ?? this.x.screens[0]?.root;
    if (w === null) {
      // Nothing to focus: keep keys away from whatever was under the pointer.
      this.x.setInputFocus(this.noFocusWindow(screen), RevertTo.PointerRoot);
      if (root !== undefined) this.x.changeProperty(root, this.atoms._NET_ACTIVE_WINDOW, this.atoms.WINDOW, 32, [None]);
      return;
    }
    const fm = this.windows.focusModel(w);
    // A client that takes no input from the manager (ICCCM 4.1.7) is still the active one:
    // the keys must not stay with the window focused before it, so they rest on Fion's own
    // window (a globally active client then takes the focus itself on WM_TAKE_FOCUS).
    this.x.setInputFocus(fm.input ? w : this.noFocusWindow(screen), RevertTo.PointerRoot);
    if (fm.takeFocus) {
      this.x.sendClientMessage(w, w, this.atoms.WM_PROTOCOLS, [this.atoms.WM_TAKE_FOCUS, CurrentTime], NoEventMask);
    }
    for (const s of this.x.screens) {
      this.x.changeProperty(s.root, this.atoms._NET_ACTIVE_WINDOW, this.atoms.WINDOW, 32, [w]);
    }
  }

  private pushStrip(s: Strip, key = stripKey(s.target)): void {
    let p = this.strips.get(key);
    const screen = this.x.screens[s.screen] as Screen | undefined;
    if (screen === undefined) return;
    if (p !== undefined && p.screen !== s.screen) {
      this.destroyStrip(key, p);
      p = undefined;
    }
    if (p === undefined) {
      const window = this.x.createWindow(this.x.allocId(), screen.root, s.rect.x, s.rect.y, s.rect.width, s.rect.height, {
        backgroundPixel: s.bg, overrideRedirect: 1, eventMask: EventMask.Exposure | EventMask.ButtonPress,
      });
      this.x.changeProperty(window, this.atoms.WM_CLASS, this.atoms.STRING, 8, encodeClass(s.wmClass[0], s.wmClass[1]));
      p = { window, screen: s.screen, rect: s.rect, mapped: false, painted: false, name: undefined, strip: s };
      this.strips.set(key, p);
      this.stripByWindow.set(window, p);
    } else if (!sameRect(p.rect, s.rect)) {
      this.x.configure(p.window, { x: s.rect.x, y: s.rect.y, width: Math.max(1, s.rect.width), height: Math.max(1, s.rect.height) });
      p.rect = s.rect;
    }
    const before = p.strip;
    p.strip = s;
    if (s.name !== undefined && s.name !== p.name) {
      this.x.changeProperty(p.window, this.atoms._NET_WM_NAME, this.atoms.UTF8_STRING, 8, encodeUtf8(s.name));
      p.name = s.name;
    }
    if (!p.mapped) {
      this.x.map(p.window);
      p.mapped = true;
      this.stripsMapped = true;
    }
    if (!p.painted || !samePixels(before, s)) {
      const changed = !p.painted ? null : changedCells(before, s);
      if (changed === null) this.paintStrip(p);
      else if (changed.length > 0) {
        const scr = this.x.screens[p.screen];
        if (scr !== undefined) this.painter.paintCells(scr, p.window, p.rect.height, changed, p.strip.scale);
      }
      p.painted = true;
    }
  }

  private paintStrip(p: PushedStrip): void {
    const screen = this.x.screens[p.screen];
    if (screen === undefined) return;
    this.painter.paint(screen, p.window, p.rect.width, p.rect.height, p.strip.bg, p.strip.cells, p.strip.scale);
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
    for (const [key, p] of [...this.strips]) {
      if (!p.mapped) this.destroyStrip(key, p);
    }
  }

  private destroyStrip(key: string, p: PushedStrip): void {
    this.beforeDestroy?.(p.window);
    this.x.destroyWindow(p.window);
    this.strips.delete(key);
    this.stripByWindow.delete(p.window);
  }

  destroyAll(): void {
    for (const [key, p] of [...this.strips]) this.destroyStrip(key, p);
  }
}

const sameList = (a: readonly WindowId[], b: readonly WindowId[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);
