// A display that forwards to a test server, so a test can put a race in a fixed
// order: hold one client's requests from a chosen one on (say Fion's MapWindow of a
// window), let other clients act meanwhile, then release them in order. It reads
// the client-to-server stream as X requests (the setup, then [opcode, data,
// length] headers; length 0 means a BIG-REQUESTS length word follows) in the byte order
// node-x11 speaks, little-endian; the server's replies and events pass untouched.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { existsSync } from 'node:fs';

export interface HeldRequest { readonly opcode: number; readonly body: Buffer }

export class XProxy {
  /** Connections from clients, in the order they came. */
  readonly clients: Socket[] = [];
  private holdWhen: ((r: HeldRequest) => boolean) | null = null;
  private holding = false;
  private held: Buffer[] = [];
  private onHeld: (() => void) | null = null;
  private upstreams: Socket[] = [];

  private constructor(private readonly server: Server, readonly display: string) {}

  /** A proxy for `target` (":N") on the first free display number from 400 up. */
  static async open(target: string): Promise<XProxy> {
    const n = [...Array(400).keys()].map((i) => 400 + i).find((d) => !existsSync(`/tmp/.X11-unix/X${d}`));
    if (n === undefined) throw new Error('no free display number for a proxy');
    let proxy: XProxy | null = null;
    const server = createServer((down) => proxy!.accept(down, target));
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(`/tmp/.X11-unix/X${n}`, resolve); });
    proxy = new XProxy(server, `:${n}`);
    return proxy;
  }

  /** Hold the first connection's requests from the first one `when` matches; resolves once one is held. */
  holdFrom(when: (r: HeldRequest) => boolean): Promise<void> {
    this.holdWhen = when;
    return new Promise((resolve) => { this.onHeld = resolve; });
  }

  /** Send what was held, in order, and forward everything again. */
  release(): void {
    this.holdWhen = null;
    this.holding = false;
    const up = this.upstreams[0];
    for (const b of this.held) up?.write(b);
    this.held = [];
  }

  async close(): Promise<void> {
    for (const s of [...this.clients, ...this.upstreams]) s.destroy();
    await new Promise((r) => this.server.close(r));
  }

  private accept(down: Socket, target: string): void {
    const up = connect(`/tmp/.X11-unix/X${target.slice(1)}`);
    const first = this.clients.length === 0;
    this.clients.push(down);
    this.upstreams.push(up);
    up.pipe(down);
    up.on('error', () => down.destroy());
    down.on('error', () => up.destroy());
    down.on('close', () => up.destroy());
    if (!first) { down.pipe(up); return; }
    // The first client's requests, one at a time, so one can be held.
    let buf = Buffer.alloc(0);
    let setupDone = false;
    down.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        let size: number;
        if (!setupDone) {
          if (buf.length < 12) return;
          const le = buf[0] === 0x6c;
          const nameLen = le ? buf.readUInt16LE(6) : buf.readUInt16BE(6);
          const dataLen = le ? buf.readUInt16LE(8) : buf.readUInt16BE(8);
          size = 12 + pad4(nameLen) + pad4(dataLen);
        } else {
          if (buf.length < 4) return;
          const len = buf.readUInt16LE(2);
          if (len === 0) {
            if (buf.length < 8) return;
            size = buf.readUInt32LE(4) * 4;
          } else size = len * 4;
        }
        if (buf.length < size) return;
        const req = buf.subarray(0, size);
        buf = buf.subarray(size);
        if (setupDone) this.forward(up, req);
        else up.write(req);
        setupDone = true;
      }
    });
  }

  private forward(up: Socket, req: Buffer): void {
    if (!this.holding && this.holdWhen?.({ opcode: req[0]!, body: req })) {
      this.holding = true;
      const h = this.onHeld;
      this.onHeld = null;
      queueMicrotask(() => h?.());
    }
    if (this.holding) this.held.push(Buffer.from(req));
    else up.write(req);
  }
}

const pad4 = (n: number): number => (n + 3) & ~3;
