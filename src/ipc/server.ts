// The control socket: a node:net server on a private UNIX socket. Each peer has its own
// line buffer (capped) and its own output backlog (capped): a peer that sends garbage gets
// an error line, a peer that stops reading is dropped. Fion never waits on a peer.
import type { Server, Socket } from 'node:net';
import { Subscribers } from './subscribers.js';
import { listenPrivate, SocketBusy, type Listening } from './listen.js';
import {
  LineSplitter, MAX_LINE_BYTES, MAX_PEER_BACKLOG_BYTES, MAX_PEER_PENDING, parseRequest, type EventKind, type Request, type RequestId,
} from './protocol.js';
import { log } from '../log.js';

/** A reply or event body; serialised with JSON.stringify. */
export type Message = { readonly [k: string]: unknown };

export interface IpcHandler {
  /** Answer a request, now or later (`reply` exactly once). `subscribe` is the server's own. */
  handle(request: Exclude<Request, { type: 'subscribe' }>, reply: (body: Message) => void): void;
}

export { SocketBusy };

export interface ServerOptions {
  readonly maxLine?: number;
  readonly maxBacklog?: number;
}

interface Slot { body: Message | null }

class Peer {
  readonly events = new Set<EventKind>();
  private readonly splitter: LineSplitter;
  /** Replies in request order: a slow reply holds back the ones after it. */
  private readonly slots: Slot[] = [];
  closed = false;

  constructor(readonly socket: Socket, readonly name: string, maxLine: number, private readonly maxBacklog: number,
    private readonly onLine: (peer: Peer, line: string | null) => void) {
    this.splitter = new LineSplitter(maxLine);
    socket.on('data', (chunk: Buffer) => {
      for (const item of this.splitter.push(chunk)) {
        if (this.closed) return;
        this.onLine(this, 'line' in item ? item.line : null);
      }
    });
  }

  /** Reserve the next place in the reply order. */
  slot(): Slot {
    const s: Slot = { body: null };
    this.slots.push(s);
    if (this.slots.length >= MAX_PEER_PENDING && !this.socket.isPaused()) this.socket.pause();
    return s;
  }

  fill(slot: Slot, body: Message): void {
    slot.body = body;
    while (this.slots[0]?.body != null) this.send(this.slots.shift()!.body!);
    if (this.slots.length < MAX_PEER_PENDING / 2 && this.socket.isPaused() && !this.closed) this.socket.resume();
  }

  /** Write one line, unless the peer's unread backlog is already over the cap: then drop it. */
  send(body: Message): void {
    if (this.closed) return;
    if (this.socket.writableLength > this.maxBacklog) {
      log.warn(`ipc: ${this.name} does not read its replies (${this.socket.writableLength} bytes waiting); dropping it`);
      this.drop();
      return;
    }
    this.socket.write(`${JSON.stringify(body)}\n`);
  }

  drop(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

export class IpcServer {
  private readonly peers = new Subscribers<EventKind, Peer>();
  private counter = 0;
  private closed = false;
  private readonly server: Server;

  private constructor(readonly path: string, private readonly listening: Listening, private readonly handler: IpcHandler,
    private readonly opts: ServerOptions) {
    this.server = listening.server;
  }

  /**
   * Listen on `path` (its folder made private, the socket 0600). A stale socket file is
   * replaced; a live one is never touched: SocketBusy.
   */
  static async listen(path: string, handler: IpcHandler, opts: ServerOptions = {}): Promise<IpcServer> {
    const listening = await listenPrivate(path);
    const ipc = new IpcServer(path, listening, handler, opts);
    listening.server.on('connection', (socket) => ipc.accept(socket));
    return ipc;
  }

  get subscriberCount(): number { return this.peers.subscriberCount; }

  /** Whether anyone listens for `kind` (spares building events nobody wants). */
  wants(kind: EventKind): boolean { return this.peers.wants(kind); }

  /** Send an event line to every peer subscribed to its kind. */
  broadcast(kind: EventKind, payload: Message): void {
    this.peers.broadcast(kind, () => ({ type: 'event', event: kind, ...payload }), (p, body) => p.send(body));
  }

  /** Stop listening, end every peer (their pending lines are flushed) and remove the socket
   *  file — only if it is still the one this server made (a newer Fion may have replaced it). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.server.close();
    for (const p of this.peers) { p.closed = true; p.socket.end(); }
    this.peers.clear();
    this.listening.unlink();
  }

  private accept(socket: Socket): void {
    if (this.closed) { socket.destroy(); return; }
    const name = `peer ${++this.counter}`;
    const peer = new Peer(socket, name, this.opts.maxLine ?? MAX_LINE_BYTES, this.opts.maxBacklog ?? MAX_PEER_BACKLOG_BYTES,
      (p, line) => this.onLine(p, line));
    this.peers.add(peer);
    const gone = (): void => { peer.closed = true; this.peers.delete(peer); };
    socket.on('close', gone);
    socket.on('error', (e) => { log.debug(`ipc: ${name}: ${e.message}`); gone(); });
    log.debug(`ipc: ${name} connected`);
  }

  private onLine(peer: Peer, line: string | null): void {
    const slot = peer.slot();
    const answer = (body: Message, id?: RequestId): void => peer.fill(slot, id === undefined ? body : { ...body, id });
    if (line === null) {
      answer({ type: 'error', success: false, error: `request line longer than ${this.opts.maxLine ?? MAX_LINE_BYTES} bytes; skipped` });
      return;
    }
    if (line.trim() === '') { answer({ type: 'error', success: false, error: 'empty request line' }); return; }
    const parsed = parseRequest(line);
    if (!parsed.ok) { answer({ type: 'error', success: false, error: parsed.error }, parsed.id); return; }
    const r = parsed.request;
    if (r.type === 'subscribe') {
      for (const e of r.events) peer.events.add(e);
      answer({ type: 'subscribe', success: true, events: [...peer.events] }, r.id);
      return;
    }
    let replied = false;
    try {
      this.handler.handle(r, (body) => {
        if (replied) return;
        replied = true;
        answer({ type: r.type, ...body }, r.id);
      });
    } catch (e) {
      log.error(`ipc: ${r.type}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!replied) { replied = true; answer({ type: r.type, success: false, error: 'internal error' }, r.id); }
    }
  }
}
