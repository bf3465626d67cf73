// The pointer and the focus: focus follows the mouse (mouse.focus_follows), and the pointer
// follows the focus to another monitor (mouse.warp).
//
// Only real pointer motion focuses. A window that moves or maps under a still pointer also
// sends EnterNotify; so, as dwm does, the EnterNotify events that Fion's own changes cause
// are dropped: after each render (and each warp) a round trip marks where they end, and an
// EnterNotify that arrives before its answer is not taken as motion.
import type { XPort } from '../x/port.js';
import type { EventOf } from '../x/events.js';
import { isFailure, type WindowId } from '../x/types.js';
import { FocusDetail, FocusMode } from '../x/protocol.js';
import type { Config } from '../config/index.js';
import { findClient, focusClient, focusedClient, type Model } from '../model/index.js';
import { layout, type LayoutTheme } from '../layout/index.js';
import type { Job } from '../manage/context.js';

export interface PointerFocusHost {
  model: Model;
  readonly x: XPort;
  readonly config: Config;
  readonly theme: LayoutTheme;
  readonly drags: { readonly active: boolean };
  enqueue(job: Job, what: string): void;
}

export class PointerFocus {
  /** Round trips still out since Fion moved windows or the pointer. */
  private settling = 0;
  private lastMonitor: number | null = null;

  constructor(private readonly host: PointerFocusHost) {}

  entered(ev: EventOf<'EnterNotify'>): void {
    if (!this.host.config.mouse.focusFollows || this.settling > 0 || this.host.drags.active) return;
    if (ev.mode !== FocusMode.Normal || ev.detail === FocusDetail.Inferior) return;
    const w = ev.window;
    this.host.enqueue(() => {
      const model = this.host.model;
      if (this.host.drags.active || focusedClient(model) === w || findClient(model, w) === null) return;
      this.host.model = focusClient(model, w);
    }, 'EnterNotify');
  }

  /** After each render: mark the end of the crossing events it caused; take the pointer to
   *  a monitor the focus moved to. */
  rendered(): void {
    const { x, config, model } = this.host;
    if (config.mouse.focusFollows) this.settle();
    const monitor = model.focusedMonitor;
    const moved = this.lastMonitor !== null && this.lastMonitor !== monitor;
    this.lastMonitor = monitor;
    if (!moved || !config.mouse.warp || this.host.drags.active) return;
    const lay = layout(model, this.host.theme);
    const m = lay.monitors.find((l) => l.index === monitor);
    const screen = x.screens[m?.screen ?? 0];
    if (m === undefined || screen === undefined) return;
    const target = (lay.focus === null ? undefined : lay.clients.get(lay.focus)) ?? m.area;
    void x.queryPointer(screen.root).then((p) => {
      if (isFailure(p)) return;
      const r = m.rect;
      // Already there (the focus came by the pointer, a click): it stays where it is.
      if (p.root === screen.root && p.rootX >= r.x && p.rootX < r.x + r.width && p.rootY >= r.y && p.rootY < r.y + r.height) return;
      x.warpPointer(screen.root as WindowId, target.x + Math.floor(target.width / 2), target.y + Math.floor(target.height / 2));
      this.settle();
    });
  }

  private settle(): void {
    this.settling++;
    void this.host.x.sync().then(() => { this.settling--; }, () => { this.settling--; });
  }
}
