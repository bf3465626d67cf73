// The fake's side of the WM's socket: events, errors and replies leave in
// the order the server produced them and arrive later, never during the
// request that caused them. By default one arrives per turn of Node's event
// loop (every reply's continuations run before the next event); 'burst'
// delivers all that is queued in one turn, as one large read would.

export type Delivery = 'one-per-turn' | 'burst';

interface Item {
  readonly arrive: () => void;
  /** What happens instead when the connection closes first (a reply's caller still hears). */
  readonly drop?: () => void;
}

export class Socket {
  private items: Item[] = [];
  private head = 0;
  private scheduled = false;
  /** Bumped by every delivery: settle() watches it. */
  delivered = 0;

  constructor(private readonly delivery: Delivery = 'one-per-turn') {}

  get pending(): number { return this.items.length - this.head; }

  push(arrive: () => void, drop?: () => void): void {
    this.items.push(drop === undefined ? { arrive } : { arrive, drop });
    this.schedule();
  }

  /** The connection closed: nothing more arrives; replies still on their way are dropped. */
  close(): void {
    const left = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    for (const item of left) item.drop?.();
  }

  private schedule(): void {
    if (this.scheduled || this.pending === 0) return;
    this.scheduled = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    this.scheduled = false;
    let n = this.delivery === 'burst' ? this.pending : 1;
    try {
      while (n-- > 0 && this.pending > 0) {
        const item = this.items[this.head]!;
        this.items[this.head++] = ARRIVED;
        this.delivered++;
        item.arrive();
      }
    } finally {
      // A handler that throws fails its test, but what follows it still arrives.
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      this.schedule();
    }
  }
}

const ARRIVED: Item = { arrive: () => {} };
