// Types for the parts of the untyped `x11` package (node-x11 4.2) that Fion
// uses. Only src/x/ may import 'x11'; everything past src/x/ sees Fion's own
// typed wrappers.

declare module 'x11' {
  import type { EventEmitter } from 'node:events';

  export interface XScreen {
    root: number;
    default_colormap: number;
    white_pixel: number;
    black_pixel: number;
    pixel_width: number;
    pixel_height: number;
    root_visual: number;
    root_depth: number;
  }

  export interface XDisplay {
    client: XClient;
    screen: XScreen[];
    min_keycode: number;
    max_keycode: number;
    resource_mask: number;
  }

  export interface XProtocolError extends Error {
    error: number;
    seq: number;
    badParam: number;
    minorOpcode: number;
    majorOpcode: number;
  }

  /** An event as node-x11 parses it: a name plus fields that depend on it. */
  export interface RawEvent {
    name?: string;
    type: number;
    seq?: number;
    rawData?: Buffer;
    [field: string]: unknown;
  }

  /** Reply callbacks: returning true stops the error being re-emitted. */
  type Cb<T> = (err: XProtocolError | null, result: T) => boolean | void;
  type VoidCb = (err: XProtocolError | null) => boolean | void;

  export interface WindowAttributesReply {
    mapState: number;
    overrideRedirect: number;
    klass: number;
    allEventMasks: number;
  }
  export interface GeometryReply {
    xPos: number;
    yPos: number;
    width: number;
    height: number;
    borderWidth: number;
  }
  export interface PropertyReply {
    type: number;
    format: number;
    bytesAfter: number;
    data: Buffer;
  }
  export interface QueryTreeReply {
    root: number;
    parent: number;
    children: number[];
  }
  export interface CharInfo {
    leftSideBearing: number;
    rightSideBearing: number;
    characterWidth: number;
    ascent: number;
    descent: number;
  }
  export interface FontInfoReply {
    maxBounds: CharInfo;
    minBounds: CharInfo;
    fontAscent: number;
    fontDescent: number;
    minCharOrByte2?: number;
    maxCharOrByte2?: number;
    minByte1?: number;
    maxByte1?: number;
    defaultChar?: number;
    charInfos?: CharInfo[];
  }
  export interface InputFocusReply {
    focus: number;
    revertTo: number;
  }
  export interface QueryPointerReply {
    root: number;
    child: number;
    rootX: number;
    rootY: number;
    keyMask?: number;
  }

  export type ValueList = Record<string, number>;

  /** An extension as lib/ext modules return it: opcodes plus request functions (untyped). */
  export interface XExtension {
    present: number | boolean;
    majorOpcode: number;
    firstEvent: number;
    firstError: number;
    major_version?: number;
    minor_version?: number;
    [request: string]: unknown;
  }

  export interface XClient extends EventEmitter {
    AllocID(): number;
    ReleaseID(id: number): void;
    sync(): Promise<void>;
    flush(): Promise<void>;
    close(cb?: (err?: Error) => void): void;
    terminate(): void;

    CreateWindow(id: number, parent: number, x: number, y: number, width: number, height: number,
      borderWidth: number, depth: number, klass: number, visual: number, values: ValueList, cb?: VoidCb): void;
    ChangeWindowAttributes(wid: number, values: ValueList, cb?: VoidCb): void;
    GetWindowAttributes(wid: number, cb: Cb<WindowAttributesReply>): void;
    DestroyWindow(wid: number, cb?: VoidCb): void;
    ChangeSaveSet(isInsert: number, wid: number, cb?: VoidCb): void;
    MapWindow(wid: number, cb?: VoidCb): void;
    UnmapWindow(wid: number, cb?: VoidCb): void;
    ConfigureWindow(wid: number, values: ValueList, cb?: VoidCb): void;
    QueryTree(wid: number, cb: Cb<QueryTreeReply>): void;
    GetGeometry(drawable: number, cb: Cb<GeometryReply>): void;
    InternAtom(onlyIfExists: boolean, name: string, cb: Cb<number>): void;
    GetAtomName(atom: number, cb: Cb<string>): void;
    ChangeProperty(mode: number, wid: number, property: number, type: number, format: number,
      data: Buffer | number[], cb?: VoidCb): void;
    DeleteProperty(wid: number, property: number, cb?: VoidCb): void;
    GetProperty(del: number, wid: number, property: number, type: number, longOffset: number,
      longLength: number, cb: Cb<PropertyReply>): void;
    SetSelectionOwner(owner: number, selection: number, time: number, cb?: VoidCb): void;
    GetSelectionOwner(selection: number, cb: Cb<number>): void;
    SendEvent(destination: number, propagate: number, eventMask: number, event: Buffer, cb?: VoidCb): void;
    GrabKey(wid: number, ownerEvents: number, modifiers: number, keycode: number, pointerMode: number,
      keyboardMode: number, cb?: VoidCb): void;
    UngrabKey(wid: number, keycode: number, modifiers: number, cb?: VoidCb): void;
    GrabKeyboard(wid: number, ownerEvents: number, time: number, pointerMode: number, keyboardMode: number,
      cb: Cb<number>): void;
    UngrabKeyboard(time: number, cb?: VoidCb): void;
    GrabButton(wid: number, ownerEvents: number, eventMask: number, pointerMode: number, keyboardMode: number,
      confineTo: number, cursor: number, button: number, modifiers: number, cb?: VoidCb): void;
    UngrabButton(wid: number, button: number, modifiers: number, cb?: VoidCb): void;
    AllowEvents(mode: number, time: number, cb?: VoidCb): void;
    SetInputFocus(wid: number, revertTo: number, cb?: VoidCb): void;
    GetInputFocus(cb: Cb<InputFocusReply>): void;
    QueryPointer(wid: number, cb: Cb<QueryPointerReply>): void;
    GrabPointer(wid: number, ownerEvents: number, eventMask: number, pointerMode: number, keyboardMode: number,
      confineTo: number, cursor: number, time: number, cb: Cb<number>): void;
    UngrabPointer(time: number, cb?: VoidCb): void;
    WarpPointer(srcWin: number, dstWin: number, srcX: number, srcY: number, srcWidth: number, srcHeight: number,
      dstX: number, dstY: number, cb?: VoidCb): void;
    KillClient(resource: number, cb?: VoidCb): void;
    GetKeyboardMapping(firstKeycode: number, count: number, cb: Cb<number[][]>): void;
    GetModifierMapping(cb: Cb<number[][]>): void;
    OpenFont(fid: number, name: string, cb?: VoidCb): void;
    CloseFont(fid: number, cb?: VoidCb): void;
    QueryFont(fontable: number, cb: Cb<FontInfoReply>): void;
    ListFontsWithInfo(pattern: string, max: number, cb: Cb<FontInfoReply[]>): void;
    CreateGC(gc: number, drawable: number, values: ValueList, cb?: VoidCb): void;
    ChangeGC(gc: number, values: ValueList, cb?: VoidCb): void;
    FreeGC(gc: number, cb?: VoidCb): void;
    CreatePixmap(pid: number, drawable: number, depth: number, width: number, height: number, cb?: VoidCb): void;
    FreePixmap(pid: number, cb?: VoidCb): void;
    CopyArea(src: number, dst: number, gc: number, srcX: number, srcY: number, dstX: number, dstY: number,
      width: number, height: number, cb?: VoidCb): void;
    PolyFillRectangle(drawable: number, gc: number, coords: number[], cb?: VoidCb): void;
    ImageText16(drawable: number, gc: number, x: number, y: number, text: string, cb?: VoidCb): void;
    PutImage(format: number, drawable: number, gc: number, width: number, height: number, dstX: number, dstY: number,
      leftPad: number, depth: number, data: Buffer, cb?: VoidCb): void;
    ReparentWindow(w: number, parent: number, x: number, y: number, cb?: VoidCb): void;
    GrabServer(cb?: VoidCb): void;
    UngrabServer(cb?: VoidCb): void;

    /** Loads an extension module of lib/ext (QueryExtension + the module's own set-up). */
    require(name: string, cb: (err: Error | null | undefined, ext: unknown) => void): void;
    // Request plumbing, for requests packed by hand (RandR GetMonitors).
    seq_num: number;
    pack_stream: { put(b: Buffer): void; submit(expectsReply?: boolean): void };
    replies: Record<number, [(buf: Buffer, opt: number) => unknown, (err: XProtocolError | null, result: never) => boolean | void]>;
  }

  export interface CreateClientOptions {
    display?: string;
    bufferRequests?: boolean | { maxSize?: number; maxDelay?: number; flushOnReply?: boolean };
  }

  export function createClient(opts: CreateClientOptions, cb: (err: Error | null | undefined, display: XDisplay) => void): XClient;
  export function packEvent(event: Record<string, unknown>): Buffer;
  export const eventMask: Record<string, number>;

  const x11: {
    createClient: typeof createClient;
    packEvent: typeof packEvent;
    eventMask: typeof eventMask;
  };
  export default x11;
}
