// Where the monitors are: RandR 1.5 monitors, else the CRTCs of connected outputs,
// else Xinerama, else the root window. And the RandR events that say they changed.
import type { XExtension, XProtocolError } from 'x11';
import type { XConnection } from './connection.js';
import type { XEvent } from './events.js';
import { isFailure, XFailure, type Reply, type WindowId } from './types.js';
import { sha256Hex } from './sha256.js';

export interface RawRect { readonly x: number; readonly y: number; readonly width: number; readonly height: number }
/** One monitor of one X screen, in that screen's root coordinates; `edid`: a hash of the
 *  EDID of its (first) output, when the output has one. */
export interface RawMonitor { readonly name: string; readonly rect: RawRect; readonly primary?: boolean; readonly edid?: string }

/** An EDID block as a short stable name: the same screen gives the same name on any port. */
export function edidHash(edid: Buffer): string {
  return sha256Hex(edid).slice(0, 16);
}
export type MonitorSource = 'monitors' | 'crtcs' | 'xinerama' | 'root';
/** 'auto' tries the sources in order; naming one uses it alone (the root if it gives nothing). */
export type MonitorSourceChoice = 'auto' | MonitorSource;

/** RRSelectInput mask: ScreenChange | CrtcChange | OutputChange. */
const NOTIFY_MASK = 1 | 2 | 4;

type Fn = (...args: never[]) => void;
const fn = (ext: XExtension, name: string): Fn | null => (typeof ext[name] === 'function' ? (ext[name] as Fn) : null);

export class Monitors {
  private constructor(
    private readonly x: XConnection,
    private readonly randr: XExtension | null,
    private readonly xinerama: XExtension | null,
    private readonly choice: MonitorSourceChoice,
  ) {}

  /** The EDID atom (0: the server had none when last asked). */
  private edidAtom = 0;

  /** Load RandR and Xinerama (either may be missing). */
  static async open(x: XConnection, choice: MonitorSourceChoice = 'auto'): Promise<Monitors> {
    const randr = await x.extension('randr');
    const xinerama = x.screens.length === 1 ? await x.extension('xinerama') : null;
    return new Monitors(x, randr, xinerama, choice);
  }

  get randrVersion(): string | null {
    return this.randr === null ? null : `${this.randr.major_version ?? 0}.${this.randr.minor_version ?? 0}`;
  }

  private get hasGetMonitors(): boolean {
    const r = this.randr;
    if (r === null) return false;
    const maj = r.major_version ?? 0;
    const min = r.minor_version ?? 0;
    return maj > 1 || (maj === 1 && min >= 5);
  }

  /** Ask for RandR screen, CRTC and output change events on every root. */
  selectEvents(): void {
    const r = this.randr;
    const select = r === null ? null : fn(r, 'SelectInput');
    if (select === null) return;
    for (const s of this.x.screens) this.x.sendRaw(() => (select as (w: number, m: number) => void)(s.root, NOTIFY_MASK));
  }

  /** Whether an event is a RandR notification (RRScreenChangeNotify or RRNotify). */
  isChange(ev: XEvent): boolean {
    if (this.randr === null || ev.kind !== 'other') return false;
    return ev.name === 'RRScreenChangeNotify' || ev.code === this.randr.firstEvent || ev.code === this.randr.firstEvent + 1;
  }

  /** The monitors of each X screen (never empty: the root window at worst), with where they came from. */
  async read(): Promise<{ monitors: RawMonitor[]; source: MonitorSource; root: RawRect }[]> {
    const out: { monitors: RawMonitor[]; source: MonitorSource; root: RawRect }[] = [];
    for (const s of this.x.screens) {
      const g = await this.x.getGeometry(s.root);
      const root = isFailure(g) ? { x: 0, y: 0, width: s.width, height: s.height } : { x: 0, y: 0, width: g.width, height: g.height };
      this.x.setScreenSize(s.index, root.width, root.height);
      const got = await this.readScreen(s.root);
      out.push(got === null ? { monitors: [{ name: `screen${s.index}`, rect: root }], source: 'root', root } : { ...got, root });
    }
    return out;
  }

  private async readScreen(root: WindowId): Promise<{ monitors: RawMonitor[]; source: MonitorSource } | null> {
    const usable = (ms: RawMonitor[]): boolean => ms.some((m) => m.rect.width > 0 && m.rect.height > 0);
    const keep = (ms: RawMonitor[]): RawMonitor[] => ms.filter((m) => m.rect.width > 0 && m.rect.height > 0);
    const tries = (source: MonitorSource): boolean => this.choice === 'auto' || this.choice === source;
    if (this.hasGetMonitors && tries('monitors')) {
      const ms = await this.getMonitors(root);
      if (!isFailure(ms) && usable(ms)) return { monitors: keep(ms), source: 'monitors' };
    }
    if (this.randr !== null && tries('crtcs')) {
      const ms = await this.crtcMonitors(root);
      if (!isFailure(ms) && usable(ms)) return { monitors: keep(ms), source: 'crtcs' };
    }
    if (this.xinerama !== null && tries('xinerama')) {
      const ms = await this.xineramaScreens();
      if (!isFailure(ms) && usable(ms)) return { monitors: keep(ms), source: 'xinerama' };
    }
    return null;
  }

  /** RRGetMonitors (RandR 1.5, request 42): node-x11 lacks it, so it is packed here. */
  getMonitors(root: WindowId): Promise<Reply<RawMonitor[]>> {
    const r = this.randr;
    if (r === null) return Promise.resolve(new XFailure(-1, 'NoRandR', 0, 0));
    return this.x.request<{ atom: number; primary: boolean; rect: RawRect; output: number }[]>((X, cb) => {
      X.seq_num++;
      const b = Buffer.alloc(12);
      b.writeUInt8(r.majorOpcode, 0);
      b.writeUInt8(42, 1);
      b.writeUInt16LE(3, 2);
      b.writeUInt32LE(root >>> 0, 4);
      b.writeUInt8(1, 8); // get_active
      X.pack_stream.put(b);
      X.replies[X.seq_num] = [
        (buf: Buffer) => {
          const n = buf.readUInt32LE(4);
          const list: { atom: number; primary: boolean; rect: RawRect; output: number }[] = [];
          let pos = 24;
          for (let i = 0; i < n && pos + 24 <= buf.length; i++) {
            const outputs = buf.readUInt16LE(pos + 6);
            list.push({
              atom: buf.readUInt32LE(pos), primary: buf.readUInt8(pos + 4) !== 0,
              rect: { x: buf.readInt16LE(pos + 8), y: buf.readInt16LE(pos + 10), width: buf.readUInt16LE(pos + 12), height: buf.readUInt16LE(pos + 14) },
              output: outputs > 0 && pos + 28 <= buf.length ? buf.readUInt32LE(pos + 24) : 0,
            });
            pos += 24 + outputs * 4;
          }
          return list;
        },
        cb as (err: XProtocolError | null, r: never) => boolean,
      ];
      X.pack_stream.submit(true);
    }).then(async (list) => {
      if (isFailure(list)) return list;
      const out: RawMonitor[] = [];
      for (const m of list) {
        const name = m.atom === 0 ? null : await this.x.getAtomName(m.atom as never);
        const edid = m.output === 0 ? null : await this.edid(m.output);
        out.push({
          name: name === null || isFailure(name) ? `monitor${out.length}` : name, rect: m.rect,
          ...(m.primary ? { primary: true } : {}), ...(edid === null ? {} : { edid }),
        });
      }
      return out;
    });
  }

  /** Monitors from RandR 1.2+: one per CRTC that drives a connected output, named by its first output. */
  async crtcMonitors(root: WindowId): Promise<Reply<RawMonitor[]>> {
    const r = this.randr;
    const resources = r === null ? null : fn(r, 'GetScreenResourcesCurrent') ?? fn(r, 'GetScreenResources');
    const outputInfo = r === null ? null : fn(r, 'GetOutputInfo');
    const crtcInfo = r === null ? null : fn(r, 'GetCrtcInfo');
    if (resources === null || outputInfo === null || crtcInfo === null) return new XFailure(-1, 'NoRandR', 0, 0);
    type Res = { config_timestamp: number; outputs: number[] };
    type Out = { crtc: number; connection: number; name: string };
    type Crtc = { x: number; y: number; width: number; height: number; mode: number };
    const res = await this.x.request<Res>((_, cb) => (resources as (w: number, cb: unknown) => void)(root, cb));
    if (isFailure(res)) return res;
    const out: RawMonitor[] = [];
    const seen = new Set<number>();
    for (const o of res.outputs) {
      const info = await this.x.request<Out>((_, cb) => (outputInfo as (o: number, t: number, cb: unknown) => void)(o, res.config_timestamp, cb));
      if (isFailure(info) || info.connection !== 0 || info.crtc === 0 || seen.has(info.crtc)) continue;
      seen.add(info.crtc);
      const c = await this.x.request<Crtc>((_, cb) => (crtcInfo as (c: number, t: number, cb: unknown) => void)(info.crtc, res.config_timestamp, cb));
      if (isFailure(c) || c.mode === 0) continue;
      const edid = await this.edid(o);
      out.push({ name: info.name, rect: { x: c.x, y: c.y, width: c.width, height: c.height }, ...(edid === null ? {} : { edid }) });
    }
    return out;
  }

  /** The hash of an output's EDID property (RandR 1.2 GetOutputProperty), or null: none, or unreadable. */
  async edid(output: number): Promise<string | null> {
    const r = this.randr;
    const get = r === null ? null : fn(r, 'GetOutputProperty');
    if (get === null) return null;
    if (this.edidAtom === 0) {
      // Asked again while it does not exist: a screen plugged in later may bring it.
      const a = await this.x.internAtom('EDID', true);
      this.edidAtom = isFailure(a) ? 0 : a;
    }
    const atom = this.edidAtom;
    if (atom === 0) return null; // no output anywhere has one
    type Prop = { format: number; data: Buffer };
    // 512 bytes: the base block and three extensions, plenty to tell screens apart.
    const p = await this.x.request<Prop>((_, cb) => (get as (...a: unknown[]) => void)(output, atom, 0, 0, 128, false, false, cb));
    return isFailure(p) || p.format !== 8 || p.data.length < 128 ? null : edidHash(p.data);
  }

  /** Xinerama heads (one X screen only). */
  async xineramaScreens(): Promise<Reply<RawMonitor[]>> {
    const q = this.xinerama === null ? null : fn(this.xinerama, 'QueryScreens');
    if (q === null) return new XFailure(-1, 'NoXinerama', 0, 0);
    const heads = await this.x.request<RawRect[]>((_, cb) => (q as (cb: unknown) => void)(cb));
    return isFailure(heads) ? heads : heads.map((rect, i) => ({ name: `xinerama${i}`, rect }));
  }
}
