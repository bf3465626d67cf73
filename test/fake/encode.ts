// Property values as clients write them, for the fake's clients: ICCCM hints,
// EWMH lists and struts, text. Each encoder gives the property's type (by atom
// name), format and bytes; text encoders are src/x/props.ts's own.
import { encodeClass, encodeUtf8 } from '../../src/x/props.js';
import { SizeHintsFlag, WmHintsFlag } from '../../src/x/protocol.js';
import { packData } from './props.js';

export interface PropertyValue {
  /** The type's atom name (CARDINAL, ATOM, WINDOW, STRING, UTF8_STRING, WM_HINTS ...). */
  readonly type: string;
  readonly format: 8 | 16 | 32;
  readonly data: Buffer;
}

const card32 = (type: string, values: readonly number[]): PropertyValue => ({ type, format: 32, data: packData(32, values) });

export const cardinals = (values: readonly number[]): PropertyValue => card32('CARDINAL', values);
export const windows = (values: readonly number[]): PropertyValue => card32('WINDOW', values);
/** An ATOM list; the atoms are numbers here (the fake's `atom(name)` gives them). */
export const atoms = (values: readonly number[]): PropertyValue => card32('ATOM', values);
/** UTF8_STRING (_NET_WM_NAME). */
export const utf8 = (s: string): PropertyValue => ({ type: 'UTF8_STRING', format: 8, data: encodeUtf8(s) });
/** STRING, Latin-1 (WM_NAME as old clients write it). */
export const latin1 = (s: string): PropertyValue => ({ type: 'STRING', format: 8, data: Buffer.from(s, 'latin1') });
/** WM_CLASS: instance and class. */
export const wmClass = (instance: string, klass: string): PropertyValue => ({ type: 'STRING', format: 8, data: encodeClass(instance, klass) });

/** WM_HINTS (ICCCM 4.1.2.4): the fields a window manager reads. */
export interface WmHintsValue {
  readonly input?: boolean;
  readonly initialState?: number;
  readonly urgent?: boolean;
}
export function wmHints(h: WmHintsValue): PropertyValue {
  let flags = 0;
  if (h.input !== undefined) flags |= WmHintsFlag.Input;
  if (h.initialState !== undefined) flags |= WmHintsFlag.State;
  if (h.urgent === true) flags |= WmHintsFlag.Urgency;
  return card32('WM_HINTS', [flags, h.input === false ? 0 : 1, h.initialState ?? 0, 0, 0, 0, 0, 0, 0]);
}

/** WM_NORMAL_HINTS (ICCCM 4.1.2.3); only the fields given are flagged. */
export interface NormalHintsValue {
  /** Program-specified position (PPosition), or user-specified with `userPosition`. */
  readonly position?: { x: number; y: number };
  readonly userPosition?: boolean;
  readonly minWidth?: number;
  readonly minHeight?: number;
  readonly maxWidth?: number;
  readonly maxHeight?: number;
  readonly widthInc?: number;
  readonly heightInc?: number;
  readonly minAspect?: readonly [number, number];
  readonly maxAspect?: readonly [number, number];
  readonly baseWidth?: number;
  readonly baseHeight?: number;
  readonly gravity?: number;
}
export function normalHints(h: NormalHintsValue): PropertyValue {
  const v = new Array<number>(18).fill(0);
  let flags = 0;
  if (h.position !== undefined) {
    flags |= h.userPosition === true ? SizeHintsFlag.USPosition : SizeHintsFlag.PPosition;
    [v[1], v[2]] = [h.position.x, h.position.y];
  }
  if (h.minWidth !== undefined || h.minHeight !== undefined) {
    flags |= SizeHintsFlag.PMinSize;
    [v[5], v[6]] = [h.minWidth ?? 0, h.minHeight ?? 0];
  }
  if (h.maxWidth !== undefined || h.maxHeight !== undefined) {
    flags |= SizeHintsFlag.PMaxSize;
    [v[7], v[8]] = [h.maxWidth ?? 0, h.maxHeight ?? 0];
  }
  if (h.widthInc !== undefined || h.heightInc !== undefined) {
    flags |= SizeHintsFlag.PResizeInc;
    [v[9], v[10]] = [h.widthInc ?? 0, h.heightInc ?? 0];
  }
  if (h.minAspect !== undefined || h.maxAspect !== undefined) {
    flags |= SizeHintsFlag.PAspect;
    [v[11], v[12]] = h.minAspect ?? [0, 0];
    [v[13], v[14]] = h.maxAspect ?? [0, 0];
  }
  if (h.baseWidth !== undefined || h.baseHeight !== undefined) {
    flags |= SizeHintsFlag.PBaseSize;
    [v[15], v[16]] = [h.baseWidth ?? 0, h.baseHeight ?? 0];
  }
  if (h.gravity !== undefined) {
    flags |= SizeHintsFlag.PWinGravity;
    v[17] = h.gravity;
  }
  v[0] = flags;
  return card32('WM_SIZE_HINTS', v);
}

/** _NET_WM_STRUT_PARTIAL: left, right, top, bottom, then the start and end of each edge's stretch. */
export const strutPartial = (v: readonly [number, number, number, number, ...number[]]): PropertyValue =>
  cardinals([...v, ...new Array<number>(Math.max(0, 12 - v.length)).fill(0)].slice(0, 12));
