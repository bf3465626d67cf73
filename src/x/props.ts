// Property codecs: bytes from GetProperty to typed values and back. Every
// decoder accepts garbage (wrong type, format or length) and returns a safe
// default rather than throwing: clients write whatever they like.
import type { Property } from './port.js';
import type { Atom, WindowId } from './types.js';

const MAX_TEXT = 4096; // titles longer than this are cut: nobody reads them, everyone pays for them

/** Text properties: UTF8_STRING as UTF-8, STRING as Latin-1, COMPOUND_TEXT's ASCII/Latin-1 subset. */
export function decodeText(p: Property | null, types: { utf8: Atom; string: Atom; compound: Atom }): string | null {
  if (p === null || p.format !== 8) return null;
  let s: string;
  if (p.type === types.utf8) s = p.data.toString('utf8');
  else if (p.type === types.string) s = p.data.toString('latin1');
  else if (p.type === types.compound) s = decodeCompoundText(p.data);
  else return null;
  // a client may send several NUL-separated strings; the first is the name
  const nul = s.indexOf('\0');
  if (nul >= 0) s = s.slice(0, nul);
  return sanitize(s).slice(0, MAX_TEXT);
}

/** Control characters would draw as boxes or garbage in the bar: replace them. */
export function sanitize(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/**
 * COMPOUND_TEXT: keep the Latin-1 content and drop escape sequences; text in
 * other charsets (rare today: clients set _NET_WM_NAME) becomes '?'.
 */
function decodeCompoundText(b: Buffer): string {
  let out = '';
  let latin = true;
  for (let i = 0; i < b.length; i++) {
    const c = b[i] ?? 0;
    if (c === 0x1b) {
      // ESC ( B / ESC - A select ASCII / Latin-1 right half; anything else: unknown charset
      const a = b[i + 1];
      const f = b[i + 2];
      latin = (a === 0x28 && f === 0x42) || (a === 0x2d && f === 0x41);
      i += 2;
      continue;
    }
    if (c === 0x9b) { // CSI direction sequences: skip to the final byte
      while (i < b.length && !((b[i] ?? 0) >= 0x40 && (b[i] ?? 0) <= 0x7e && b[i] !== 0x9b)) i++;
      continue;
    }
    out += latin ? String.fromCharCode(c) : '?';
  }
  return out;
}

/** WM_CLASS: two NUL-terminated Latin-1 strings, instance then class. */
export function decodeClass(p: Property | null): { instance: string; class: string } {
  if (p === null || p.format !== 8) return { instance: '', class: '' };
  const parts = p.data.toString('latin1').split('\0');
  return { instance: sanitize(parts[0] ?? '').slice(0, 256), class: sanitize(parts[1] ?? '').slice(0, 256) };
}

/** A list of 32-bit values (ATOM, WINDOW, CARDINAL arrays). */
export function decodeCardinals(p: Property | null, max = 1024): number[] {
  if (p === null || p.format !== 32) return [];
  const n = Math.min(Math.floor(p.data.length / 4), max);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(p.data.readUInt32LE(i * 4));
  return out;
}

export const decodeAtoms = (p: Property | null): Atom[] => decodeCardinals(p) as Atom[];

export function decodeWindow(p: Property | null): WindowId | null {
  const v = decodeCardinals(p, 1)[0];
  return v === undefined || v === 0 ? null : (v as WindowId);
}

/** WM_HINTS (ICCCM 4.1.2.4): input and urgency are what a tiler needs. */
export interface WmHints {
  readonly input: boolean | null; // null: the client didn't say
  readonly urgent: boolean;
  readonly initialState: number | null;
}
export function decodeWmHints(p: Property | null): WmHints {
  const v = decodeCardinals(p, 9);
  const flags = v[0] ?? 0;
  return {
    input: flags & 1 ? (v[1] ?? 1) !== 0 : null,
    initialState: flags & 2 ? (v[2] ?? null) : null,
    urgent: (flags & 256) !== 0,
  };
}

/** UTF-8 text as a property value (for _NET_WM_NAME of Fion's own windows). */
export const encodeUtf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
/** WM_CLASS value. */
export const encodeClass = (instance: string, klass: string): Buffer => Buffer.from(`${instance}\0${klass}\0`, 'latin1');

/** WM_NORMAL_HINTS (ICCCM 4.1.2.3), the fields a window manager uses. */
export interface NormalHints {
  readonly position: { x: number; y: number } | null; // USPosition or PPosition
  readonly minWidth?: number;
  readonly minHeight?: number;
  readonly maxWidth?: number;
  readonly maxHeight?: number;
  readonly widthInc?: number;
  readonly heightInc?: number;
  readonly minAspect?: [number, number];
  readonly maxAspect?: [number, number];
  readonly baseWidth?: number;
  readonly baseHeight?: number;
  readonly gravity?: number;
}

const int32 = (v: number | undefined): number => (v === undefined ? 0 : v | 0);
/** A size from a client: positive, and bounded so that garbage can't overflow X's 16-bit sizes. */
const size = (v: number | undefined): number | undefined => {
  const n = int32(v);
  return n > 0 ? Math.min(n, 32767) : undefined;
};

export function decodeNormalHints(p: Property | null): NormalHints {
  const v = decodeCardinals(p, 18);
  const flags = v[0] ?? 0;
  const out: { -readonly [K in keyof NormalHints]: NormalHints[K] } = {
    position: flags & 0b101 ? { x: int32(v[1]), y: int32(v[2]) } : null,
  };
  if (flags & 16) { out.minWidth = size(v[5]); out.minHeight = size(v[6]); }
  if (flags & 32) { out.maxWidth = size(v[7]); out.maxHeight = size(v[8]); }
  if (flags & 64) { out.widthInc = size(v[9]); out.heightInc = size(v[10]); }
  if (flags & 128) {
    const [a, b, c, d] = [size(v[11]), size(v[12]), size(v[13]), size(v[14])];
    if (a !== undefined && b !== undefined) out.minAspect = [a, b];
    if (c !== undefined && d !== undefined) out.maxAspect = [c, d];
  }
  if (flags & 256) { out.baseWidth = size(v[15]); out.baseHeight = size(v[16]); }
  if (flags & 512) out.gravity = v[17];
  for (const k of Object.keys(out) as (keyof NormalHints)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** Struts (EWMH _NET_WM_STRUT_PARTIAL, else _NET_WM_STRUT): pixels reserved at each root edge,
 *  and with the partial form the stretch of that edge the reservation covers. */
export interface Strut {
  readonly left: number; readonly right: number; readonly top: number; readonly bottom: number;
  readonly leftStartY?: number; readonly leftEndY?: number; readonly rightStartY?: number; readonly rightEndY?: number;
  readonly topStartX?: number; readonly topEndX?: number; readonly bottomStartX?: number; readonly bottomEndX?: number;
}
export function decodeStrut(partial: Property | null, plain: Property | null): Strut | null {
  const v = decodeCardinals(partial, 12);
  const w = v.length >= 4 ? v : decodeCardinals(plain, 4);
  if (w.length < 4) return null;
  const clamp = (n: number | undefined): number => Math.min(Math.max(int32(n), 0), 10000);
  const edges = { left: clamp(w[0]), right: clamp(w[1]), top: clamp(w[2]), bottom: clamp(w[3]) };
  if (v.length < 12) return edges;
  // A stretch that is backwards, or 0..0 (panels that leave it unset), covers the whole edge.
  const range = (start: string, end: string, i: number): Record<string, number> => {
    const a = int32(v[i]);
    const b = int32(v[i + 1]);
    return a < 0 || b < a || (a === 0 && b === 0) ? {} : { [start]: a, [end]: b };
  };
  return {
    ...edges, ...range('leftStartY', 'leftEndY', 4), ...range('rightStartY', 'rightEndY', 6),
    ...range('topStartX', 'topEndX', 8), ...range('bottomStartX', 'bottomEndX', 10),
  };
}

/** UTF-8 strings, each NUL-terminated (_NET_DESKTOP_NAMES). */
export const encodeUtf8List = (list: readonly string[]): Buffer => Buffer.from(list.map((s) => `${s}\0`).join(''), 'utf8');
export function decodeUtf8List(p: Property | null): string[] {
  if (p === null || p.format !== 8) return [];
  const parts = p.data.toString('utf8').split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts.map(sanitize);
}
