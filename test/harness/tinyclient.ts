// A tiny X client for precise cases: one window on its own connection (so
// KillClient ends only it), with the title, class and protocols a test asks
// for, answering WM_DELETE_WINDOW or ignoring it on purpose.
import { XConnection } from '../../src/x/connection.js';
import { internAtoms, type Atoms } from '../../src/x/atoms.js';
import { encodeClass, encodeUtf8 } from '../../src/x/props.js';
import { EventMask, type WindowId } from '../../src/x/types.js';
import type { XEvent } from '../../src/x/events.js';

export interface TinyOptions {
  readonly title?: string;
  readonly class?: string;
  readonly deleteWindow?: 'obey' | 'ignore' | false;
  readonly overrideRedirect?: boolean;
  readonly geometry?: { x: number; y: number; width: number; height: number };
  readonly map?: boolean;
  readonly screen?: number;
}

export class TinyClient {
  readonly events: XEvent[] = [];
  deleteRequests = 0;
  private constructor(readonly x: XConnection, readonly atoms: Atoms, readonly window: WindowId) {}

  static async open(display: string, o: TinyOptions = {}): Promise<TinyClient> {
    const x = await XConnection.connect(display);
    x.onError(() => {});
    const atoms = await internAtoms(x);
    const g = o.geometry ?? { x: 10, y: 10, width: 200, height: 100 };
    const screen = x.screens[o.screen ?? 0]!;
    const w = x.createWindow(x.allocId(), screen.root, g.x, g.y, g.width, g.height, {
      backgroundPixel: 0x808080,
      eventMask: EventMask.StructureNotify | EventMask.PropertyChange | EventMask.FocusChange,
      ...(o.overrideRedirect ? { overrideRedirect: 1 } : {}),
    });
    const c = new TinyClient(x, atoms, w);
    x.onEvent((ev) => c.onEvent(ev, o));
    const title = o.title ?? 'tiny';
    x.changeProperty(w, atoms._NET_WM_NAME, atoms.UTF8_STRING, 8, encodeUtf8(title));
    x.changeProperty(w, atoms.WM_NAME, atoms.STRING, 8, Buffer.from(title, 'latin1'));
    x.changeProperty(w, atoms.WM_CLASS, atoms.STRING, 8, encodeClass(o.class ?? 'tiny', o.class ?? 'Tiny'));
    if (o.deleteWindow !== false) x.changeProperty(w, atoms.WM_PROTOCOLS, atoms.ATOM, 32, [atoms.WM_DELETE_WINDOW]);
    if (o.map !== false) x.map(w);
    await x.sync();
    return c;
  }

  private onEvent(ev: XEvent, o: TinyOptions): void {
    this.events.push(ev);
    if (ev.kind === 'ClientMessage' && ev.type === this.atoms.WM_PROTOCOLS && ev.data[0] === this.atoms.WM_DELETE_WINDOW) {
      this.deleteRequests++;
      if (o.deleteWindow === 'obey' || o.deleteWindow === undefined) void this.close();
    }
  }

  setTitle(title: string): Promise<void> {
    this.x.changeProperty(this.window, this.atoms._NET_WM_NAME, this.atoms.UTF8_STRING, 8, encodeUtf8(title));
    return this.x.sync();
  }

  map(): Promise<void> { this.x.map(this.window); return this.x.sync(); }
  unmap(): Promise<void> { this.x.unmap(this.window); return this.x.sync(); }
  destroy(): Promise<void> { this.x.destroyWindow(this.window); return this.x.sync(); }
  configure(values: Record<string, number>): Promise<void> { this.x.configure(this.window, values); return this.x.sync(); }

  get closed(): boolean { return this.x.isClosed; }
  close(): Promise<void> { return this.x.close(); }
}
