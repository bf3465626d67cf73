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

// The protocol's constants live in protocol.ts; these names stay importable from here.
export { ErrorCode, EventMask, CurrentTime, None } from './protocol.js';
