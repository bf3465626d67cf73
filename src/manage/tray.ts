// The system tray (freedesktop's System Tray Protocol over XEMBED): applets' icons in
// Fion's bar. Fion owns _NET_SYSTEM_TRAY_Sn on the screen of the bar that shows the tray
// (unless another tray host holds it), docks the windows applets ask it to, and puts them
// in the room the bar leaves for them (src/bar/content.ts); until then, and whenever no bar
// can hold them, they wait inside the tray's own unmapped window. Each icon is in Fion's
// save-set and carries FION_TRAY_ICON: a restart or a crash hands it back to the root,
// where the next Fion finds it and docks it again, without the applet doing anything.
import type { XEvent } from '../x/events.js';
import { EventMask, isFailure, type Atom, type WindowId } from '../x/types.js';
import { CurrentTime, NoEventMask, None, TrayOpcode, Xembed } from '../x/protocol.js';
import { decodeCardinals } from '../x/props.js';
import { sameRect, trayIconRects, trayMonitor, trayWidth } from '../layout/index.js';
import type { Rect } from '../model/index.js';
import type { TrayIcon } from './registry.js';
import { serverTime } from './takeover.js';
import { manage } from './adopt.js';
import { isOurs, type ManageContext, type TrayDock } from './context.js';
import { log } from '../log.js';

/** Where the bar leaves room for the icons: its window, the room's left edge, its height. */
export interface TrayRoom {
  readonly window: WindowId;
  readonly x: number;
  readonly height: number;
}

/** More size fights than this in a second: the icon is left at the size it insists on. */
const MAX_FIGHTS_PER_SECOND = 10;
const hex = (w: number): string => `0x${w.toString(16)}`;

export class Tray implements TrayDock {
  /** Holds the selection, and the icons no bar holds (it is never mapped). */
  private owner: WindowId | null = null;
  private selection: Atom | null = null;
  private screen = 0;
  private readonly fights = new Map<WindowId, { at: number; n: number }>();

  constructor(private readonly ctx: ManageContext) {}

  get running(): boolean { return this.owner !== null; }
  isOwner(w: WindowId): boolean { return w === this.owner; }

  /** Become the tray host of the screen whose bar shows the tray (bar.tray_output), unless
   *  it is "none", or another host has it and bar.tray_replace is off. */
  async start(primary: string | undefined, barHeight: number): Promise<void> {
    const ctx = this.ctx;
    const bar = ctx.config.bar;
    const monitors = ctx.model.monitors;
    const at = trayMonitor(monitors.map((m) => ({ name: m.name, barHeight })), bar.trayOutput, primary);
    if (at < 0) return;
    const screen = ctx.x.screens[monitors[at]?.screen ?? 0];
    if (screen === undefined) return;
    const selection = await ctx.x.internAtom(`_NET_SYSTEM_TRAY_S${screen.index}`);
    if (isFailure(selection)) return;
    const before = await ctx.x.getSelectionOwner(selection);
    if (!isFailure(before) && before !== None && !bar.trayReplace) {
      log.info(`another tray host (${hex(before)}) holds the system tray; Fion leaves it (bar.tray_replace: true takes it)`);
      return;
    }
    const a = ctx.atoms;
    const owner = ctx.x.createWindow(ctx.x.allocId(), screen.root, -1, -1, 1, 1,
      { overrideRedirect: 1, eventMask: EventMask.PropertyChange });
    const time = await serverTime(ctx.x, a, owner);
    ctx.x.changeProperty(owner, a._NET_SYSTEM_TRAY_ORIENTATION, a.CARDINAL, 32, [0 /* horizontal */]);
    // The screen's own visual: without a compositor, an icon drawn with alpha in a 32-bit
    // window would show black where it is transparent.
    ctx.x.changeProperty(owner, a._NET_SYSTEM_TRAY_VISUAL, a.VISUALID, 32, [screen.visual]);
    ctx.x.setSelectionOwner(owner, selection, time);
    const now = await ctx.x.getSelectionOwner(selection);
    if (isFailure(now) || now !== owner) {
      log.warn('could not take the system tray selection');
      ctx.x.destroyWindow(owner);
      return;
    }
    this.owner = owner;
    this.selection = selection;
    this.screen = screen.index;
    // Applets waiting for a tray dock their icons when they hear of it.
    ctx.x.sendClientMessage(screen.root, screen.root, a.MANAGER, [time, selection, owner, 0, 0], EventMask.StructureNotify);
    log.info(`system tray on screen ${screen.index}`);
  }

  /** The bar's room for the icons: the monitor and width, or undefined for none. */
  room(monitors: readonly { readonly name: string; readonly barHeight: number }[], primary: string | undefined): { monitor: number; width: number } | undefined {
    if (!this.running) return undefined;
    const bar = this.ctx.config.bar;
    const at = trayMonitor(monitors, bar.trayOutput, primary);
    const m = monitors[at];
    if (m === undefined || this.ctx.model.monitors[at]?.screen !== this.screen) return undefined;
    return { monitor: at, width: trayWidth(this.wanted().length, m.barHeight, bar.trayPadding) };
  }

  /** Put each icon where the bar left room for it (after every push of the bars); with no
   *  room, the icons wait in the tray's own window. */
  place(room: TrayRoom | null): void {
    const owner = this.owner;
    if (owner === null) return;
    const x = this.ctx.x;
    const wanted = this.wanted();
    const rects = room === null ? [] : trayIconRects(room.x, wanted.length, room.height, this.ctx.config.bar.trayPadding);
    wanted.forEach(([w, icon], i) => {
      const r = rects[i];
      if (r === undefined || room === null) { this.moveTo(w, icon, owner, null); return; }
      this.moveTo(w, icon, room.window, r);
      if (!icon.mapped) { x.map(w); icon.mapped = true; }
    });
    for (const [w, icon] of this.ctx.reg.tray) {
      if (icon.wanted || !icon.mapped) continue;
      icon.echoes++;
      x.unmap(w);
      icon.mapped = false;
    }
  }

  /** A bar window is about to go: its icons wait in the tray's window (a destroyed window
   *  takes its children with it). */
  rescue(bar: WindowId): void {
    const owner = this.owner;
    if (owner === null) return;
    for (const [w, icon] of this.ctx.reg.tray) if (icon.parent === bar) this.moveTo(w, icon, owner, null);
  }

  /** Fion exits, or another tray host took the selection: every icon goes back to the root,
   *  unmapped, for the next tray host to dock; the selection goes with the tray's window. */
  release(): void {
    const x = this.ctx.x;
    const root = x.screens[this.screen]?.root;
    for (const [w, icon] of this.ctx.reg.tray) {
      if (icon.mapped) { x.unmap(w); icon.mapped = false; }
      if (root !== undefined) x.reparent(w, root, 0, 0);
      x.removeFromSaveSet(w);
      x.deleteProperty(w, this.ctx.atoms.FION_TRAY_ICON);
      x.changeAttributes(w, { eventMask: NoEventMask });
    }
    this.ctx.reg.tray.clear();
    if (this.owner !== null) x.destroyWindow(this.owner);
    this.owner = null;
    this.selection = null;
  }

  dockFound(w: WindowId): void { this.ctx.enqueue(this.dock(w, 'found on the root'), `tray icon found ${hex(w)}`); }

  /** Either copy of its DestroyNotify, handled in event order with window management's
   *  (src/manage/adopt.ts): the root's may be the only one, when the dock's StructureNotify
   *  selection reached the server after the window was gone; and a window that left the tray
   *  may have become a client by the time the event's job runs. */
  destroyed(w: WindowId): void {
    // A dock whose replies came before the destroy (the window was there when asked) applies
    // before this job: without this, the icon would hold its room in the bar, and the next
    // window given its id would be taken for the icon and never managed.
    if (this.ctx.reg.tray.has(w)) log.debug(`tray icon ${hex(w)} destroyed as it docked`);
    this.forget(w);
  }

  event(ev: XEvent): boolean {
    const ctx = this.ctx;
    const a = ctx.atoms;
    switch (ev.kind) {
      case 'ClientMessage':
        if (this.owner === null || ev.window !== this.owner || ev.type !== a._NET_SYSTEM_TRAY_OPCODE) return false;
        if (ev.data[1] === TrayOpcode.RequestDock) ctx.enqueue(this.dock((ev.data[2] ?? 0) as WindowId, 'asked by its applet'), 'tray dock request');
        // Balloon messages (BEGIN/CANCEL_MESSAGE) are not shown: applets also send them as
        // desktop notifications, which a notification daemon shows better.
        return true;
      case 'SelectionClear':
        if (this.selection === null || ev.selection !== this.selection) return false;
        log.info('another tray host took the system tray; its icons go to it');
        ctx.enqueue(() => this.release(), 'tray selection lost');
        return true;
      case 'UnmapNotify':
        return this.about(ev.window, ev.event, (icon) => {
          if (ev.synthetic) return;
          if (icon.echoes > 0) { icon.echoes--; return; }
          icon.mapped = false; // its client unmapped it itself: shown again when it asks
          icon.wanted = false;
        });
      case 'MapNotify':
        return this.about(ev.window, ev.event, (icon) => {
          if (icon.mapped) return;
          icon.mapped = true; // its client mapped it itself: it wants to be seen
          icon.wanted = true;
        });
      case 'ReparentNotify':
        // Which move this is (Fion's own, an applet's, two crossing on the way) is read off
        // the tree once the event is handled: the icon is still in the tray while its parent
        // is a window of Fion's, and has left it otherwise.
        // The root's copy goes on to window management (adopt.ts): an icon whose map request
        // came while it was in the tray is managed when it comes back to the root.
        if (!ctx.reg.tray.has(ev.window) || ev.event !== ev.window) return false;
        ctx.enqueue(this.whereNow(ev.window), 'tray icon moved');
        return true;
      case 'ConfigureNotify':
        return this.about(ev.window, ev.event, (icon) => { this.keepSize(ev.window, icon, ev.width, ev.height); });
      case 'PropertyNotify':
        if (!ctx.reg.tray.has(ev.window)) return false;
        if (ev.atom === a._XEMBED_INFO) ctx.enqueue(this.readInfo(ev.window), 'tray icon _XEMBED_INFO');
        return true;
      default:
        return false;
    }
  }

  /** Icons whose clients want them shown, left to right. */
  private wanted(): [WindowId, TrayIcon][] {
    return [...this.ctx.reg.tray].filter(([, icon]) => icon.wanted);
  }

  /** An event on an icon: `apply` in event order, from the icon's own StructureNotify only.
   *  Its parent's copy of the same event is the root's, or none: the root's goes on to window
   *  management, which decides when its job runs whether the window is a client by then. */
  private about(w: WindowId, event: WindowId, apply: (icon: TrayIcon) => void): boolean {
    if (!this.ctx.reg.tray.has(w) || event !== w) return false;
    this.ctx.enqueue(() => {
      const icon = this.ctx.reg.tray.get(w);
      if (icon !== undefined) apply(icon);
    }, 'tray icon event');
    return true;
  }

  private forget(w: WindowId): void {
    this.ctx.reg.tray.delete(w);
    this.fights.delete(w);
  }

  /** Move an icon into `parent` at `r` (or to its corner when parked), telling its client
   *  whenever it lands in a bar (XEMBED_EMBEDDED_NOTIFY names the embedder). */
  private moveTo(w: WindowId, icon: TrayIcon, parent: WindowId, r: Rect | null): void {
    const x = this.ctx.x;
    if (icon.parent !== parent) {
      // The server unmaps a mapped window before moving it, and maps it again after.
      if (icon.mapped) icon.echoes++;
      x.reparent(w, parent, r?.x ?? 0, r?.y ?? 0);
      icon.parent = parent;
      icon.rect = null;
      if (parent !== this.owner) {
        x.sendClientMessage(w, w, this.ctx.atoms._XEMBED, [CurrentTime, Xembed.EmbeddedNotify, 0, parent, Xembed.Version], NoEventMask);
      }
    }
    if (r !== null && (icon.rect === null || !sameRect(icon.rect, r))) {
      x.configure(w, { x: r.x, y: r.y, width: r.width, height: r.height, borderWidth: 0 });
      icon.rect = r;
    }
  }

  /** Where an icon is now that it moved: still in the tray, or gone from it. */
  private whereNow(w: WindowId): Promise<(() => void) | null> {
    return this.ctx.x.queryTree(w).then((tree) => () => {
      const icon = this.ctx.reg.tray.get(w);
      if (icon === undefined || isFailure(tree)) return; // gone: its DestroyNotify follows
      if (tree.parent === this.owner || (tree.parent !== None && isOurs(this.ctx, tree.parent) && !this.ctx.x.screens.some((s) => s.root === tree.parent))) {
        if (tree.parent !== icon.parent) { icon.parent = tree.parent; icon.rect = null; } // placed again at the next render
        return;
      }
      log.debug(`tray icon ${hex(w)} left the tray`);
      this.ctx.x.removeFromSaveSet(w);
      this.ctx.x.deleteProperty(w, this.ctx.atoms.FION_TRAY_ICON); // not an icon of Fion's any more
      // Its own events stop too: if it becomes a client, the root's copies are the ones.
      this.ctx.x.changeAttributes(w, { eventMask: NoEventMask });
      this.forget(w);
    });
  }

  /** An icon that resized itself is put back to its square, unless it keeps fighting. */
  private keepSize(w: WindowId, icon: TrayIcon, width: number, height: number): void {
    const r = icon.rect;
    if (r === null || (width === r.width && height === r.height)) return;
    const now = Date.now();
    const f = this.fights.get(w);
    const fight = f === undefined || now - f.at > 1000 ? { at: now, n: 1 } : { at: f.at, n: f.n + 1 };
    this.fights.set(w, fight);
    if (fight.n > MAX_FIGHTS_PER_SECOND) {
      if (fight.n === MAX_FIGHTS_PER_SECOND + 1) log.warn(`tray icon ${hex(w)} keeps resizing itself; left as it is`);
      return;
    }
    this.ctx.x.configure(w, { width: r.width, height: r.height });
  }

  /** The icon's _XEMBED_INFO changed: whether it wants to be shown. */
  private readInfo(w: WindowId): Promise<(() => void) | null> {
    return this.ctx.x.getProperty(w, this.ctx.atoms._XEMBED_INFO, 0, 2).then((p) => () => {
      const icon = this.ctx.reg.tray.get(w);
      if (icon !== undefined && !isFailure(p)) icon.wanted = wantsShowing(p === null ? null : decodeCardinals(p, 2));
    });
  }

  /** Dock `w`: an applet's request, or an icon found on the root. Never a root, a window
   *  of Fion's, a managed client or dock, nor a window of another screen. */
  private dock(w: WindowId, how: string): Promise<(() => void) | null> {
    const ctx = this.ctx;
    const reg = ctx.reg;
    if (w === None || isOurs(ctx, w) || reg.clients.has(w) || reg.docks.has(w) || reg.tray.has(w)) {
      log.debug(`tray: not docking ${hex(w)}`);
      return Promise.resolve(null);
    }
    return Promise.all([
      ctx.x.getWindowAttributes(w), ctx.x.queryTree(w), ctx.x.getProperty(w, ctx.atoms._XEMBED_INFO, 0, 2),
    ]).then(([attrs, tree, info]) => () => {
      const owner = this.owner;
      if (owner === null || isFailure(attrs) || isFailure(tree) || attrs.inputOnly) return;
      if (reg.clients.has(w) || reg.docks.has(w) || reg.tray.has(w)) return;
      if (tree.root !== ctx.x.screens[this.screen]?.root) { log.warn(`tray: ${hex(w)} is on another screen`); return; }
      const x = ctx.x;
      // Checked: a window that is not the root's child (inside another client window) has no
      // DestroyNotify of the root's; if it was destroyed before this selection reached the
      // server, the selection's failure is the only word of it. Else its client's next window
      // with that id would be taken for the icon and never managed; one that asked for a map
      // while taken so is looked at again.
      void x.selectInputChecked(w, EventMask.StructureNotify | EventMask.PropertyChange).then((failure) => {
        if (failure === null) return;
        ctx.enqueue(() => {
          if (!reg.tray.has(w)) return;
          log.debug(`tray icon ${hex(w)} was gone as it docked`);
          this.forget(w);
          const root = ctx.x.screens[this.screen]?.root;
          if (root !== undefined) ctx.enqueue(manage(ctx, w, root, 'found'), `id ${hex(w)} after a failed dock`);
        }, 'tray icon gone');
      });
      x.addToSaveSet(w);
      x.changeProperty(w, ctx.atoms.FION_TRAY_ICON, ctx.atoms.CARDINAL, 32, [1]);
      const mapped = attrs.mapState !== 'unmapped';
      const icon: TrayIcon = {
        wanted: wantsShowing(isFailure(info) || info === null ? null : decodeCardinals(info, 2)),
        parent: tree.parent, rect: null, mapped, echoes: 0,
      };
      reg.tray.set(w, icon);
      this.moveTo(w, icon, owner, null);
      log.info(`tray: docked ${hex(w)} (${how})`);
    });
  }
}

/** XEMBED: a client without _XEMBED_INFO is shown; one with it, when its mapped flag is set. */
function wantsShowing(info: readonly number[] | null): boolean {
  return info === null || info.length < 2 || ((info[1] ?? 0) & Xembed.FlagMapped) !== 0;
}
