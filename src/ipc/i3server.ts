// The i3 socket: i3's binary framing on a private UNIX socket beside the control socket.
// Each peer has its own frame reader (capped payload), its own reply order and output
// backlog (capped): a peer that sends a bad header, an oversized length or stops reading
// is closed, and nothing it does reaches beyond its own connection.
import type { Socket } from 'node:net';
import { Subscribers } from './subscribers.js';
import { listenPrivate, type Listening } from './listen.js';
import {
  encodeI3, encodeI3Event, I3_EVENTS, I3_MAX_PAYLOAD, I3_MESSAGES, I3Reader, type I3EventName, type I3Frame,
} from './i3wire.js';
import { MAX_PEER_BACKLOG_BYTES, MAX_PEER_PENDING } from './protocol.js';
import { log } from '../log.js';

export interface I3Handler {
  /** Answer a message of `type` (any but SUBSCRIBE, which the server answers), by calling
   *  `reply` once with the JSON body; now or later. */
  handle(type: number, payload: string, reply: (body: unknown) => void): void;
}

export interface I3ServerOptions {
  readonly maxPayload?: number;
  readonly maxBacklog?: number;
}

interface Slot { type: number; body: Buffer | null }

class I3Peer {
  readonly events = new Set<I3EventName>();
  private readonly slots: Slot[] = [];
  /** Messages read but not yet handed on: one chunk can hold thousands, and each peer may
   *  have only MAX_PEER_PENDING in Fion's queue, so a flood cannot starve other peers. */
  private readonly waiting: I3Frame[] = [];
  closed = false;

  constructor(readonly socket: Socket, readonly name: string, private readonly maxBacklog: number,
    private readonly dispatch: (peer: I3Peer, frame: I3Frame) => void) {}

  /** Frames just read: handed on while this peer's pending replies are few, kept otherwise. */
  take(frames: readonly I3Frame[]): void {
    this.waiting.push(...frames);
    this.drain();
  }

  private draining = false;

  private drain(): void {
    // A reply given at once (SUBSCRIBE) drains again from inside dispatch: the loop below
    // goes on instead, so thousands of them never nest.
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.closed && this.waiting.length > 0 && this.slots.length < MAX_PEER_PENDING) this.dispatch(this, this.waiting.shift()!);
    } finally {
      this.draining = false;
    }
    const full = this.waiting.length > 0 || this.slots.length >= MAX_PEER_PENDING;
    if (full && !this.socket.isPaused()) this.socket.pause();
    else if (!full && this.socket.isPaused() && !this.closed) this.socket.resume();
  }

  /** Reserve the next place in the reply order. */
  slot(type: number): Slot {
    const s: Slot = { type, body: null };
    this.slots.push(s);
    return s;
  }

  fill(slot: Slot, body: unknown): void {
    slot.body = encodeI3(slot.type, JSON.stringify(body));
    while (this.slots[0]?.body != null) this.write(this.slots.shift()!.body!);
    this.drain();
  }

  /** Write a frame, unless the peer's unread backlog is already over the cap: then drop it. */
  write(frame: Buffer): void {
    if (this.closed) return;
    if (this.socket.writableLength > this.maxBacklog) {
      log.warn(`i3 ipc: ${this.name} does not read (${this.socket.writableLength} bytes waiting); dropping it`);
      this.drop();
      return;
    }
    this.socket.write(frame);
  }

  drop(): void {
    this.closed = true;
    this.waiting.length = 0;
    this.socket.destroy();
  }
}

export class I3Server {
  private readonly peers = new Subscribers<I3EventName, I3Peer>();
  private counter = 0;
  private closed = false;

  private constructor(readonly path: string, private readonly listening: Listening, private readonly handler: I3Handler,
    private readonly opts: I3ServerOptions) {}

  static async listen(path: string, handler: I3Handler, opts: I3ServerOptions = {}): Promise<I3Server> {
    const listening = await listenPrivate(path);
    const server = new I3Server(path, listening, handler, opts);
    listening.server.on('connection', (socket) => server.accept(socket));
    return server;
  }

  get subscriberCount(): number { return this.peers.subscriberCount; }

  wants(event: I3EventName): boolean { return this.peers.wants(event); }

  /** Send an event to every peer subscribed to it. */
  broadcast(event: I3EventName, payload: unknown): void {
    this.peers.broadcast(event, () => encodeI3Event(event, JSON.stringify(payload)), (p, frame) => p.write(frame));
  }

  /** Stop listening, end every peer (what is written is flushed) and remove the socket file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.listening.server.close();
    for (const p of this.peers) { p.closed = true; p.socket.end(); }
    this.peers.clear();
    this.listening.unlink();
  }

  private accept(socket: Socket): void {
    if (this.closed) { socket.destroy(); return; }
    const name = `i3 peer ${++this.counter}`;
    const peer = new I3Peer(socket, name, this.opts.maxBacklog ?? MAX_PEER_BACKLOG_BYTES,
      (p, f) => this.onMessage(p, f.type, f.payload.toString('utf8')));
    const reader = new I3Reader(this.opts.maxPayload ?? I3_MAX_PAYLOAD);
    this.peers.add(peer);
    const gone = (): void => { peer.closed = true; this.peers.delete(peer); };
    socket.on('close', gone);
    socket.on('error', (e) => { log.debug(`i3 ipc: ${name}: ${e.message}`); gone(); });
    socket.on('data', (chunk: Buffer) => {
      const { frames, error } = reader.push(chunk);
      peer.take(frames);
      if (error !== null && !peer.closed) {
        // The stream cannot be resynchronised after a bad header: the peer goes, alone.
        log.debug(`i3 ipc: ${name}: ${error}; closing it`);
        peer.drop();
        gone();
      }
    });
  }

  private onMessage(peer: I3Peer, type: number, payload: string): void {
    const slot = peer.slot(type);
    if (type === I3_MESSAGES.SUBSCRIBE) {
      const r = parseSubscribe(payload);
      if (r.ok) for (const e of r.events) peer.events.add(e);
      peer.fill(slot, r.ok ? { success: true } : { success: false, error: r.error });
      // i3 greets a new tick subscriber with a first tick.
      if (r.ok && r.events.includes('tick')) peer.write(encodeI3Event('tick', JSON.stringify({ first: true, payload: '' })));
      return;
    }
    let replied = false;
    const reply = (body: unknown): void => {
      if (replied) return;
      replied = true;
      peer.fill(slot, body);
    };
    try {
      this.handler.handle(type, payload, reply);
    } catch (e) {
      log.error(`i3 ipc: message ${type}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      reply({ success: false, error: 'internal error' });
    }
  }
}

/** SUBSCRIBE's payload: a JSON list of event names. */
export function parseSubscribe(payload: string): { ok: true; events: I3EventName[] } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { ok: false, error: 'subscribe: the payload is not JSON; expected a list such as ["window","workspace"]' };
  }
  if (!Array.isArray(value)) return { ok: false, error: 'subscribe: expected a list of event names' };
  const events: I3EventName[] = [];
  for (const v of value) {
    const known = I3_EVENTS.find((e) => e === v);
    if (known === undefined) return { ok: false, error: `subscribe: unknown event ${JSON.stringify(v)}; known: ${I3_EVENTS.join(', ')}` };
    if (!events.includes(known)) events.push(known);
  }
  return { ok: true, events };
}
