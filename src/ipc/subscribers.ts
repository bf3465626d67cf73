// The peers of a socket and the events each subscribed to: shared by Fion's control socket
// and the i3 socket, which differ only in how an event is written.

/** The peers connected now; each names the events it subscribed to. */
export class Subscribers<E, P extends { readonly events: ReadonlySet<E> }> extends Set<P> {
  /** Peers subscribed to anything. */
  get subscriberCount(): number {
    let n = 0;
    for (const p of this) if (p.events.size > 0) n++;
    return n;
  }

  /** Whether anyone listens for `event` (spares building events nobody wants). */
  wants(event: E): boolean {
    for (const p of this) if (p.events.has(event)) return true;
    return false;
  }

  /** Hand `event` to `send` for every peer subscribed to it, made once by `make` if anyone is. */
  broadcast<B>(event: E, make: () => B, send: (peer: P, body: B) => void): void {
    if (!this.wants(event)) return;
    const body = make();
    for (const p of this) if (p.events.has(event)) send(p, body);
  }
}
