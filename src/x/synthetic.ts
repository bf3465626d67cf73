// Events Fion sends itself (SendEvent), packed as the wire has them.
import { EventCode, None } from './protocol.js';
import type { WindowGeometry } from './port.js';
import type { Atom, WindowId } from './types.js';

/** A ClientMessage with 32-bit data (five values, missing ones 0). */
export function clientMessageEvent(window: WindowId, type: Atom, data: readonly number[]): Buffer {
  const ev = Buffer.alloc(32);
  ev[0] = EventCode.ClientMessage;
  ev[1] = 32;
  ev.writeUInt32LE(window >>> 0, 4);
  ev.writeUInt32LE(type >>> 0, 8);
  for (let i = 0; i < 5; i++) ev.writeUInt32LE((data[i] ?? 0) >>> 0, 12 + i * 4);
  return ev;
}

/** A ConfigureNotify telling a client its real geometry (ICCCM 4.1.5). */
export function configureNotifyEvent(w: WindowId, g: WindowGeometry): Buffer {
  const ev = Buffer.alloc(32);
  ev[0] = EventCode.ConfigureNotify;
  ev.writeUInt32LE(w >>> 0, 4);
  ev.writeUInt32LE(w >>> 0, 8);
  ev.writeUInt32LE(None, 12); // above-sibling
  ev.writeInt16LE(g.x, 16);
  ev.writeInt16LE(g.y, 18);
  ev.writeUInt16LE(Math.max(1, g.width), 20);
  ev.writeUInt16LE(Math.max(1, g.height), 22);
  ev.writeUInt16LE(g.borderWidth, 24);
  ev[26] = 0; // override-redirect
  return ev;
}
