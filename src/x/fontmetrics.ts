// A core font's metrics, read straight from a QueryFont reply: the widths of the characters
// it has, without turning 65536 character infos into objects.
import type { FontMetrics } from './port.js';

/**
 * A QueryFont reply body (after its 8-byte header) as FontMetrics: the widths of the BMP
 * code points the font has. A character whose metrics are all zero does not exist (0 in
 * the table); with no character infos at all, every character in range has max-bounds.
 */
export function fontMetricsFromReply(buf: Buffer): FontMetrics {
  const charWidth = buf.readInt16LE(16 + 4);
  const b2lo = buf.readUInt16LE(32), b2hi = buf.readUInt16LE(34), nProps = buf.readUInt16LE(38);
  const b1lo = buf.readUInt8(41), b1hi = buf.readUInt8(42);
  const metrics = { ascent: buf.readInt16LE(44), descent: buf.readInt16LE(46), charWidth };
  const n = buf.readUInt32LE(48);
  if (b2hi < b2lo || b1hi < b1lo) return metrics;
  const at = 52 + nProps * 8;
  const widths = new Int16Array(65536);
  const cols = b2hi - b2lo + 1;
  for (let b1 = b1lo; b1 <= b1hi; b1++) {
    for (let b2 = b2lo; b2 <= b2hi; b2++) {
      const cp = b1 * 256 + b2;
      if (n === 0) { widths[cp] = Math.max(1, charWidth); continue; }
      const off = at + ((b1 - b1lo) * cols + (b2 - b2lo)) * 12;
      if (off + 12 > buf.length) continue;
      const width = buf.readInt16LE(off + 4);
      const exists = width !== 0 || buf.readInt16LE(off) !== 0 || buf.readInt16LE(off + 2) !== 0 ||
        buf.readInt16LE(off + 6) !== 0 || buf.readInt16LE(off + 8) !== 0;
      if (exists) widths[cp] = Math.max(1, width);
    }
  }
  return { ...metrics, widths };
}
