// Window properties as the server keeps them: bytes with a type and a
// format, changed by Replace/Prepend/Append and read back by GetProperty with
// its type check and length limit.
import type { Property } from '../../src/x/port.js';
import { AnyPropertyType, ErrorCode, PropMode } from '../../src/x/protocol.js';
import type { Atom } from '../../src/x/types.js';

/** A request the server refuses: the error code and the value it names. */
export class ProtocolError extends Error {
  constructor(readonly code: number, readonly value: number) {
    super(`X error ${code} (value 0x${value.toString(16)})`);
  }
}

/** Property data as the x11 package packs it: numbers are `format` bits wide, little-endian. */
export function packData(format: number, data: Buffer | readonly number[]): Buffer {
  if (Buffer.isBuffer(data)) return Buffer.from(data);
  const width = format / 8;
  const b = Buffer.alloc(data.length * width);
  data.forEach((v, i) => {
    if (width === 4) b.writeUInt32LE(v >>> 0, i * 4);
    else if (width === 2) b.writeUInt16LE(v & 0xffff, i * 2);
    else b[i] = v & 0xff;
  });
  return b;
}

/** ChangeProperty on one window's properties. Throws the server's errors. */
export function changeProperty(props: Map<Atom, Property>, property: Atom, type: Atom, format: number, data: Buffer, mode: number): void {
  if (format !== 8 && format !== 16 && format !== 32) throw new ProtocolError(ErrorCode.BadValue, format);
  if (mode !== PropMode.Replace && mode !== PropMode.Prepend && mode !== PropMode.Append) throw new ProtocolError(ErrorCode.BadValue, mode);
  if (data.length % (format / 8) !== 0) throw new ProtocolError(ErrorCode.BadLength, 0);
  const old = props.get(property);
  if (old === undefined || mode === PropMode.Replace) {
    props.set(property, { type, format, data: Buffer.from(data) });
    return;
  }
  if (old.type !== type || old.format !== format) throw new ProtocolError(ErrorCode.BadMatch, property);
  const joined = mode === PropMode.Append ? Buffer.concat([old.data, data]) : Buffer.concat([data, old.data]);
  props.set(property, { type, format, data: joined });
}

/**
 * GetProperty (offset 0, no delete): null when absent (type None); a property of another
 * type than asked comes back with its type and format but no data; at most `maxLongs`
 * 32-bit units of data come back.
 */
export function getProperty(props: ReadonlyMap<Atom, Property>, property: Atom, type: number, maxLongs: number): Property | null {
  const p = props.get(property);
  if (p === undefined) return null;
  if (type !== AnyPropertyType && type !== p.type) return { type: p.type, format: p.format, data: Buffer.alloc(0) };
  const length = Math.min(p.data.length, 4 * Math.max(0, maxLongs));
  return { type: p.type, format: p.format, data: Buffer.from(p.data.subarray(0, length)) };
}
