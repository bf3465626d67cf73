// The tests' eyes: a plain X connection that looks at what Fion did (window
// geometry, map state, properties, input focus) the way any other client
// could, plus FION_SYNC, the barrier that says Fion has handled everything
// sent before it.
import { XConnection } from '../../src/x/connection.js';
import { internAtoms, type Atoms } from '../../src/x/atoms.js';
import { decodeCardinals, decodeClass } from '../../src/x/props.js';
import { EventMask, isFailure, type Atom, type WindowId } from '../../src/x/types.js';
import { waitFor } from './wait.js';

export interface Geometry { x: number; y: number; width: number; height: number }

export class Observer {
  private syncWindow: WindowId;
  private cookie = 1;

  private constructor(readonly x: XConnection, readonly atoms: Atoms) {
    const root = x.screens[0]!.root;
    this.syncWindow = x.createWindow(x.allocId(), root, -5, -5, 1, 1, { overrideRedirect: 1 });
  }

  static async open(display: string): Promise<Observer> {
    const x = await XConnection.connect(display);
    x.onError(() => {}); // windows come and go under a test's feet
    return new Observer(x, await internAtoms(x));
  }

  close(): Promise<void> { return this.x.close(); }

  root(screen = 0): WindowId { return this.x.screens[screen]!.root; }

  /** Returns once Fion has handled (and rendered) everything sent to the server before this call. */
  async sync(timeoutMs = 5000): Promise<void> {
    const cookie = this.cookie++;
    const reply = this.x.waitForEvent(
      (ev) => ev.kind === 'ClientMessage' && ev.type === this.atoms.FION_SYNC && ev.data[1] === cookie, timeoutMs);
    this.x.sendClientMessage(this.root(), this.syncWindow, this.atoms.FION_SYNC, [this.syncWindow, cookie],
      EventMask.SubstructureRedirect | EventMask.SubstructureNotify);
    await this.x.flush();
    if ((await reply) === null) throw new Error('FION_SYNC: no answer from Fion');
  }

  async atom(name: string): Promise<Atom> {
    const a = await this.x.internAtom(name);
    if (isFailure(a)) throw new Error(`intern ${name}: ${a}`);
    return a;
  }

  async geometry(w: WindowId): Promise<Geometry | null> {
    const g = await this.x.getGeometry(w);
    return isFailure(g) ? null : { x: g.x, y: g.y, width: g.width, height: g.height };
  }

  async mapState(w: WindowId): Promise<'unmapped' | 'unviewable' | 'viewable' | 'gone'> {
    const a = await this.x.getWindowAttributes(w);
    return isFailure(a) ? 'gone' : a.mapState;
  }

  async isViewable(w: WindowId): Promise<boolean> { return (await this.mapState(w)) === 'viewable'; }

  async focus(): Promise<WindowId> {
    const f = await this.x.getInputFocus();
    if (isFailure(f)) throw new Error(String(f));
    return f;
  }

  /** The top-level window holding the input focus (clients may focus a child of their own). */
  async focusedTopLevel(): Promise<WindowId> {
    let w = await this.focus();
    for (let i = 0; i < 32 && w > 1; i++) {
      const t = await this.x.queryTree(w);
      if (isFailure(t) || t.parent === t.root || t.parent === 0) return w;
      w = t.parent;
    }
    return w;
  }

  async text(w: WindowId, property = '_NET_WM_NAME'): Promise<string | null> {
    const p = await this.x.getProperty(w, await this.atom(property));
    if (isFailure(p) || p === null) return null;
    return p.type === this.atoms.UTF8_STRING ? p.data.toString('utf8') : p.data.toString('latin1');
  }

  async cardinals(w: WindowId, property: string): Promise<number[]> {
    const p = await this.x.getProperty(w, await this.atom(property));
    return isFailure(p) ? [] : decodeCardinals(p);
  }

  async wmClass(w: WindowId): Promise<{ instance: string; class: string }> {
    const p = await this.x.getProperty(w, this.atoms.WM_CLASS);
    return decodeClass(isFailure(p) ? null : p);
  }

  /** Top-level windows of a screen, bottom to top. */
  async children(screen = 0): Promise<WindowId[]> {
    const t = await this.x.queryTree(this.root(screen));
    return isFailure(t) ? [] : t.children;
  }

  async findByClass(klass: string, screen = 0): Promise<WindowId[]> {
    const out: WindowId[] = [];
    for (const w of await this.children(screen)) {
      if ((await this.wmClass(w)).class === klass || (await this.wmClass(w)).instance === klass) out.push(w);
    }
    return out;
  }

  async waitForClass(klass: string, screen = 0, timeoutMs = 10000): Promise<WindowId> {
    return waitFor(`a window of class ${klass}`, async () => {
      for (const w of await this.findByClass(klass, screen)) if (await this.isViewable(w)) return w;
      return null;
    }, timeoutMs);
  }

  /** The bar window of a screen (WM_CLASS fion-bar). */
  async bar(screen = 0): Promise<WindowId> {
    return waitFor(`the bar on screen ${screen}`, async () => (await this.findByClass('fion-bar', screen))[0], 5000);
  }

  async barText(screen = 0): Promise<string> {
    return (await this.text(await this.bar(screen))) ?? '';
  }

  /** Visible tab bars (one per visible tile), left to right then top to bottom, with their text. */
  async tabBars(screen = 0): Promise<{ window: WindowId; geometry: Geometry; text: string }[]> {
    const out: { window: WindowId; geometry: Geometry; text: string }[] = [];
    for (const w of await this.findByClass('fion-tabs', screen)) {
      if (!(await this.isViewable(w))) continue;
      const geometry = await this.geometry(w);
      if (geometry !== null) out.push({ window: w, geometry, text: (await this.text(w)) ?? '' });
    }
    return out.sort((a, b) => a.geometry.y - b.geometry.y || a.geometry.x - b.geometry.x);
  }

  /** Viewable managed clients with their geometry. */
  async visibleClients(): Promise<{ window: WindowId; geometry: Geometry }[]> {
    const out: { window: WindowId; geometry: Geometry }[] = [];
    for (const w of await this.clientList()) {
      if (!(await this.isViewable(w))) continue;
      const geometry = await this.geometry(w);
      if (geometry !== null) out.push({ window: w, geometry });
    }
    return out;
  }

  async clientList(): Promise<WindowId[]> {
    return (await this.cardinals(this.root(), '_NET_CLIENT_LIST')) as WindowId[];
  }
}
