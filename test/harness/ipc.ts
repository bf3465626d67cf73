// A raw control-socket peer for tests: writes whatever it is given, reads JSON lines.
import { connect, type Socket } from 'node:net';

export type Line = { readonly [k: string]: unknown };

export class RawPeer {
  private buf = '';
  private readonly lines: Line[] = [];
  private wake: (() => void) | null = null;
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buf += d.toString('utf8');
      let nl: number;
      while ((nl = this.buf.indexOf('\n')) >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        this.lines.push(JSON.parse(line) as Line);
      }
      this.wake?.();
    });
    socket.on('close', () => { this.closed = true; this.wake?.(); });
    socket.on('error', () => { this.closed = true; this.wake?.(); });
  }

  static open(path: string): Promise<RawPeer> {
    return new Promise((resolve, reject) => {
      const s = connect(path);
      s.once('connect', () => resolve(new RawPeer(s)));
      s.once('error', reject);
    });
  }

  /** Send a request object (or a raw string, sent as is with a newline). */
  send(request: Line | string): void {
    this.socket.write(`${typeof request === 'string' ? request : JSON.stringify(request)}\n`);
  }

  /** The next line that matches, skipping others; throws after the deadline. */
  async next(match: (l: Line) => boolean = () => true, timeoutMs = 10000): Promise<Line> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.lines.findIndex(match);
      if (i >= 0) return this.lines.splice(i, 1)[0]!;
      if (this.closed) throw new Error('the socket closed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching line within ${timeoutMs} ms; have ${JSON.stringify(this.lines).slice(0, 500)}`);
      await new Promise<void>((r) => { this.wake = r; setTimeout(r, Math.min(left, 200)); });
      this.wake = null;
    }
  }

  /** Send a request and wait for its reply (matched by a fresh id). */
  private static counter = 0;
  async ask(request: Line, timeoutMs = 10000): Promise<Line> {
    const id = `q${++RawPeer.counter}`;
    this.send({ ...request, id });
    return this.next((l) => l.id === id, timeoutMs);
  }

  /** Event lines of one kind received so far (removed from the queue). */
  event(kind: string, timeoutMs = 10000): Promise<Line> {
    return this.next((l) => l.type === 'event' && l.event === kind, timeoutMs);
  }

  close(): void { this.socket.destroy(); }
}
