// node-x11 4.2.2 fires the callbacks of void requests once a later packet shows
// the server got past them (XClient._sweepVoid). Its sweep is a for...in over
// every pending reply on every packet received: with hundreds of requests in
// flight (a burst of windows being managed) that is quadratic, and a profile of
// such a burst put it at 15% of Fion's time. The replacement below keeps the
// same outcome (every void request with a callback, up to the given sequence
// number, that has not failed hears `null`, in ascending order) but visits each
// sequence number once over the connection's life: sequence numbers are
// contiguous and packets arrive in non-decreasing order.
import type { XClient } from 'x11';

interface SweepInternals {
  replies: Record<number, [unknown, (err: null) => unknown, ...unknown[]] | undefined>;
  seq2stack?: Record<number, unknown>;
  options: { debug?: boolean };
  _recv_seq: number;
  _sweepVoid: (uptoSeq: number) => void;
}

/** Replace `client`'s sweep by a linear one (see above). Call before any request with a callback is in flight. */
export function installLinearVoidSweep(client: XClient): void {
  const c = client as unknown as SweepInternals;
  if (typeof c._sweepVoid !== 'function' || typeof c.replies !== 'object') return; // another node-x11: leave it
  // Every packet up to here was swept by the original.
  let swept = Number.isFinite(c._recv_seq) ? c._recv_seq : 0;
  c._sweepVoid = function sweepVoid(this: SweepInternals, uptoSeq: number): void {
    if (uptoSeq <= swept) return;
    let done: ((err: null) => unknown)[] | null = null;
    for (let seq = swept + 1; seq <= uptoSeq; seq++) {
      const handler = this.replies[seq];
      if (handler === undefined || handler[0]) continue; // nothing pending, or resolved by its own reply
      delete this.replies[seq];
      if (this.options.debug === true && this.seq2stack !== undefined) delete this.seq2stack[seq];
      (done ??= []).push(handler[1]);
    }
    swept = uptoSeq;
    if (done !== null) for (const callback of done) callback(null);
  };
}
