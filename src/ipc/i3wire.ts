// i3's IPC framing (i3's docs/ipc): "i3-ipc", a 32-bit payload length and a 32-bit type,
// both in the host's byte order, then the payload (JSON). Replies carry their request's
// type; events have the high bit set. A peer's bytes are untrusted: the reader copes with
// any split of the stream, and stops for good at the first bad header or oversized length.
import { endianness } from 'node:os';

export const I3_MAGIC = Buffer.from('i3-ipc', 'ascii');
export const I3_HEADER_BYTES = I3_MAGIC.length + 8;
/** The largest payload Fion reads (a command list or a tick); a longer one ends the peer. */
export const I3_MAX_PAYLOAD = 1024 * 1024;

export const I3_MESSAGES = {
  RUN_COMMAND: 0, GET_WORKSPACES: 1, SUBSCRIBE: 2, GET_OUTPUTS: 3, GET_TREE: 4, GET_MARKS: 5, GET_BAR_CONFIG: 6,
  GET_VERSION: 7, GET_BINDING_MODES: 8, GET_CONFIG: 9, SEND_TICK: 10, SYNC: 11, GET_BINDING_STATE: 12,
} as const;

/** Event names in the order of their numbers (workspace is 0, tick is 7). */
export const I3_EVENTS = ['workspace', 'output', 'mode', 'window', 'barconfig_update', 'binding', 'shutdown', 'tick'] as const;
export type I3EventName = (typeof I3_EVENTS)[number];

export const I3_EVENT_BIT = 0x80000000;

const little = endianness() === 'LE';

function writeU32(buf: Buffer, value: number, at: number): void {
  if (little) buf.writeUInt32LE(value >>> 0, at);
  else buf.writeUInt32BE(value >>> 0, at);
}

function readU32(buf: Buffer, at: number): number {
  return little ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
}

/** One framed message: header then payload. */
export function encodeI3(type: number, payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const out = Buffer.allocUnsafe(I3_HEADER_BYTES + body.length);
  I3_MAGIC.copy(out, 0);
  writeU32(out, body.length, I3_MAGIC.length);
  writeU32(out, type, I3_MAGIC.length + 4);
  body.copy(out, I3_HEADER_BYTES);
  return out;
}

export const encodeI3Event = (event: I3EventName, payload: string): Buffer =>
  encodeI3((I3_EVENT_BIT | I3_EVENTS.indexOf(event)) >>> 0, payload);

export interface I3Frame {
  readonly type: number;
  readonly payload: Buffer;
}

/** What a push of bytes yields: whole messages, then possibly the reason the stream is bad. */
export interface I3Read {
  readonly frames: readonly I3Frame[];
  readonly error: string | null;
}

/** Splits a byte stream into frames, holding at most one header and one capped payload. */
export class I3Reader {
  private parts: Buffer[] = [];
  private size = 0;
  private broken: string | null = null;

  constructor(private readonly maxPayload = I3_MAX_PAYLOAD) {}

  push(chunk: Buffer): I3Read {
    if (this.broken !== null) return { frames: [], error: this.broken };
    this.parts.push(chunk);
    this.size += chunk.length;
    const frames: I3Frame[] = [];
    while (this.size >= I3_HEADER_BYTES) {
      const head = this.peek(I3_HEADER_BYTES);
      if (!head.subarray(0, I3_MAGIC.length).equals(I3_MAGIC)) return this.fail(frames, 'bad magic (expected "i3-ipc")');
      const length = readU32(head, I3_MAGIC.length);
      if (length > this.maxPayload) return this.fail(frames, `payload of ${length} bytes is over the limit of ${this.maxPayload}`);
      if (this.size < I3_HEADER_BYTES + length) break;
      const whole = this.take(I3_HEADER_BYTES + length);
      frames.push({ type: readU32(whole, I3_MAGIC.length + 4), payload: whole.subarray(I3_HEADER_BYTES) });
    }
    // A partial magic that cannot become "i3-ipc" is known bad before its header is whole.
    if (this.size > 0 && this.size < I3_HEADER_BYTES) {
      const start = this.peek(Math.min(this.size, I3_MAGIC.length));
      if (!start.equals(I3_MAGIC.subarray(0, start.length))) return this.fail(frames, 'bad magic (expected "i3-ipc")');
    }
    return { frames, error: null };
  }

  private fail(frames: I3Frame[], error: string): I3Read {
    this.broken = error;
    this.parts = [];
    this.size = 0;
    return { frames, error };
  }

  /** The first n buffered bytes (n <= size), joining parts only when needed. */
  private peek(n: number): Buffer {
    if (this.parts[0]!.length < n) this.parts = [Buffer.concat(this.parts)];
    return this.parts[0]!.subarray(0, n);
  }

  private take(n: number): Buffer {
    const first = this.peek(n);
    const whole = Buffer.from(first);
    const rest = this.parts[0]!.subarray(n);
    this.parts = rest.length > 0 ? [rest, ...this.parts.slice(1)] : this.parts.slice(1);
    this.size -= n;
    return whole;
  }
}
