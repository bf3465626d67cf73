// Typed values that cross the X boundary.

/** An X window id. Same brand as the model's WindowId. */
export type WindowId = number & { readonly __brand: 'WindowId' };
export type Atom = number & { readonly __brand: 'Atom' };

export interface Geometry {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A request that failed on the server: a value, never an exception. */
export class XFailure {
  constructor(
    readonly code: number,
    readonly name: string,
    readonly badValue: number,
    readonly majorOpcode: number,
  ) {}
  toString(): string {
    return `${this.name} (code ${this.code}, value 0x${this.badValue.toString(16)}, request ${this.majorOpcode})`;
  }
}

export type Reply<T> = T | XFailure;

export const isFailure = <T>(r: Reply<T>): r is XFailure => r instanceof XFailure;

/** X core error codes Fion cares to name. */
export const ErrorCode = {
  BadWindow: 3,
  BadAtom: 5,
  BadMatch: 8,
  BadDrawable: 9,
  BadAccess: 10,
  BadValue: 2,
  BadName: 15,
  BadLength: 16,
} as const;

/** Event masks (core protocol). */
export const EventMask = {
  KeyPress: 1 << 0,
  KeyRelease: 1 << 1,
  ButtonPress: 1 << 2,
  ButtonRelease: 1 << 3,
  EnterWindow: 1 << 4,
  LeaveWindow: 1 << 5,
  PointerMotion: 1 << 6,
  Exposure: 1 << 15,
  StructureNotify: 1 << 17,
  SubstructureNotify: 1 << 19,
  SubstructureRedirect: 1 << 20,
  FocusChange: 1 << 21,
  PropertyChange: 1 << 22,
} as const;

export const CurrentTime = 0;
export const None = 0;
