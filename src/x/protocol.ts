// Numbers of the X protocol (and of ICCCM and EWMH) by name. Values are the
// wire values of the core protocol specification; nothing here depends on
// the x11 package, so code past src/x and the tests can use them freely.

/** The time argument meaning "now, by the server's clock". */
export const CurrentTime = 0;
/** The resource id meaning "no window / no atom / nothing". */
export const None = 0;
/** SetInputFocus's focus argument meaning "wherever the pointer is". */
export const PointerRoot = 1;
/** GetProperty's type argument meaning "whatever type it has". */
export const AnyPropertyType = 0;
/** Grab and UngrabKey/UngrabButton wildcards. */
export const AnyKey = 0;
export const AnyButton = 0;
export const AnyModifier = 0x8000;

/** Core error codes. */
export const ErrorCode = {
  BadRequest: 1,
  BadValue: 2,
  BadWindow: 3,
  BadPixmap: 4,
  BadAtom: 5,
  BadCursor: 6,
  BadFont: 7,
  BadMatch: 8,
  BadDrawable: 9,
  BadAccess: 10,
  BadAlloc: 11,
  BadColor: 12,
  BadGC: 13,
  BadIDChoice: 14,
  BadName: 15,
  BadLength: 16,
  BadImplementation: 17,
} as const;

const errorNames = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));
/** An error code's name as the protocol spells it ("BadWindow"). */
export const errorName = (code: number): string => errorNames.get(code) ?? `X error ${code}`;

/** Event masks (ChangeWindowAttributes' eventMask, SendEvent's event-mask). */
export const EventMask = {
  KeyPress: 1 << 0,
  KeyRelease: 1 << 1,
  ButtonPress: 1 << 2,
  ButtonRelease: 1 << 3,
  EnterWindow: 1 << 4,
  LeaveWindow: 1 << 5,
  PointerMotion: 1 << 6,
  Exposure: 1 << 15,
  VisibilityChange: 1 << 16,
  StructureNotify: 1 << 17,
  ResizeRedirect: 1 << 18,
  SubstructureNotify: 1 << 19,
  SubstructureRedirect: 1 << 20,
  FocusChange: 1 << 21,
  PropertyChange: 1 << 22,
} as const;
/** SendEvent with no mask: the event goes to the client that created the destination window. */
export const NoEventMask = 0;

/** Core event codes (the first byte of an event; 0x80 is added when it was sent by SendEvent). */
export const EventCode = {
  KeyPress: 2,
  KeyRelease: 3,
  ButtonPress: 4,
  ButtonRelease: 5,
  MotionNotify: 6,
  EnterNotify: 7,
  LeaveNotify: 8,
  FocusIn: 9,
  FocusOut: 10,
  Expose: 12,
  CreateNotify: 16,
  DestroyNotify: 17,
  UnmapNotify: 18,
  MapNotify: 19,
  MapRequest: 20,
  ReparentNotify: 21,
  ConfigureNotify: 22,
  ConfigureRequest: 23,
  PropertyNotify: 28,
  SelectionClear: 29,
  ClientMessage: 33,
  MappingNotify: 34,
} as const;

/** Major opcodes of the core requests Fion sends (an XFailure's majorOpcode names one). */
export const Opcode = {
  CreateWindow: 1,
  ChangeWindowAttributes: 2,
  GetWindowAttributes: 3,
  DestroyWindow: 4,
  ChangeSaveSet: 6,
  ReparentWindow: 7,
  MapWindow: 8,
  UnmapWindow: 10,
  ConfigureWindow: 12,
  GetGeometry: 14,
  QueryTree: 15,
  InternAtom: 16,
  GetAtomName: 17,
  ChangeProperty: 18,
  DeleteProperty: 19,
  GetProperty: 20,
  SetSelectionOwner: 22,
  GetSelectionOwner: 23,
  SendEvent: 25,
  GrabPointer: 26,
  UngrabPointer: 27,
  GrabButton: 28,
  UngrabButton: 29,
  GrabKeyboard: 31,
  UngrabKeyboard: 32,
  GrabKey: 33,
  UngrabKey: 34,
  AllowEvents: 35,
  GrabServer: 36,
  UngrabServer: 37,
  SetInputFocus: 42,
  GetInputFocus: 43,
  QueryPointer: 38,
  WarpPointer: 41,
  OpenFont: 45,
  QueryFont: 47,
  CreatePixmap: 53,
  FreePixmap: 54,
  CreateGC: 55,
  ChangeGC: 56,
  CopyArea: 62,
  PolyFillRectangle: 70,
  PutImage: 72,
  ImageText16: 77,
  GetKeyboardMapping: 101,
  GetModifierMapping: 119,
  KillClient: 113,
} as const;

/** CreateWindow's class. */
export const WindowClass = { CopyFromParent: 0, InputOutput: 1, InputOnly: 2 } as const;

/** GetWindowAttributes' map-state. */
export const MapState = { Unmapped: 0, Unviewable: 1, Viewable: 2 } as const;

/** ConfigureWindow's value-mask, also the `mask` of a ConfigureRequest: which fields are set. */
export const ConfigMask = {
  X: 1 << 0,
  Y: 1 << 1,
  Width: 1 << 2,
  Height: 1 << 3,
  BorderWidth: 1 << 4,
  Sibling: 1 << 5,
  StackMode: 1 << 6,
} as const;
/** The fields of a ConfigureRequest that move or resize (X, Y, Width, Height). */
export const ConfigGeometryMask = ConfigMask.X | ConfigMask.Y | ConfigMask.Width | ConfigMask.Height;

/** ConfigureWindow's stack-mode. */
export const StackMode = { Above: 0, Below: 1, TopIf: 2, BottomIf: 3, Opposite: 4 } as const;

/** ChangeProperty's mode. */
export const PropMode = { Replace: 0, Prepend: 1, Append: 2 } as const;

/** FocusIn/FocusOut `detail`. */
export const FocusDetail = {
  Ancestor: 0,
  Virtual: 1,
  Inferior: 2,
  Nonlinear: 3,
  NonlinearVirtual: 4,
  Pointer: 5,
  PointerRoot: 6,
  None: 7,
} as const;

/** FocusIn/FocusOut (and Enter/Leave) `mode`. */
export const FocusMode = { Normal: 0, Grab: 1, Ungrab: 2, WhileGrabbed: 3 } as const;

/** SetInputFocus's revert-to. */
export const RevertTo = { None: 0, PointerRoot: 1, Parent: 2 } as const;

/** GrabKeyboard's (and GrabPointer's) reply status. */
export const GrabStatus = { Success: 0, AlreadyGrabbed: 1, InvalidTime: 2, NotViewable: 3, Frozen: 4 } as const;

/** Grab requests' pointer-mode and keyboard-mode. */
export const GrabMode = { Sync: 0, Async: 1 } as const;

/** AllowEvents' mode. */
export const AllowEventsMode = {
  AsyncPointer: 0,
  SyncPointer: 1,
  ReplayPointer: 2,
  AsyncKeyboard: 3,
  SyncKeyboard: 4,
  ReplayKeyboard: 5,
  AsyncBoth: 6,
  SyncBoth: 7,
} as const;

/** MappingNotify's `request`: what changed. */
export const MappingRequest = { Modifier: 0, Keyboard: 1, Pointer: 2 } as const;

/** Modifier and button bits of a key or button event's `state` (and of grabs' modifiers). */
export const ModMask = {
  Shift: 1 << 0,
  Lock: 1 << 1,
  Control: 1 << 2,
  Mod1: 1 << 3,
  Mod2: 1 << 4,
  Mod3: 1 << 5,
  Mod4: 1 << 6,
  Mod5: 1 << 7,
  Button1: 1 << 8,
  Button2: 1 << 9,
  Button3: 1 << 10,
  Button4: 1 << 11,
  Button5: 1 << 12,
} as const;

/** Pointer buttons, as a ButtonPress's `button`. */
export const Button = { Left: 1, Middle: 2, Right: 3, WheelUp: 4, WheelDown: 5 } as const;

/** WM_STATE's state field (ICCCM 4.1.3.1). */
export const WmState = { Withdrawn: 0, Normal: 1, Iconic: 3 } as const;

/** WM_HINTS flags (ICCCM 4.1.2.4). */
export const WmHintsFlag = {
  Input: 1 << 0,
  State: 1 << 1,
  IconPixmap: 1 << 2,
  IconWindow: 1 << 3,
  IconPosition: 1 << 4,
  IconMask: 1 << 5,
  WindowGroup: 1 << 6,
  Urgency: 1 << 8,
} as const;

/** WM_NORMAL_HINTS flags (ICCCM 4.1.2.3). */
export const SizeHintsFlag = {
  USPosition: 1 << 0,
  USSize: 1 << 1,
  PPosition: 1 << 2,
  PSize: 1 << 3,
  PMinSize: 1 << 4,
  PMaxSize: 1 << 5,
  PResizeInc: 1 << 6,
  PAspect: 1 << 7,
  PBaseSize: 1 << 8,
  PWinGravity: 1 << 9,
} as const;

/** _NET_WM_STATE client message's action (data[0]). */
export const NetWmStateAction = { Remove: 0, Add: 1, Toggle: 2 } as const;

/** EWMH source indication (data[0] of _NET_ACTIVE_WINDOW, data[2] of _NET_WM_STATE ...). */
export const SourceIndication = { Unknown: 0, Application: 1, Pager: 2 } as const;

/** _NET_WM_DESKTOP's "on every desktop". */
export const AllDesktops = 0xffffffff;

/** The System Tray Protocol's opcodes (data[1] of a _NET_SYSTEM_TRAY_OPCODE message). */
export const TrayOpcode = { RequestDock: 0, BeginMessage: 1, CancelMessage: 2 } as const;
/** XEMBED: the message telling a client it was embedded, the protocol version spoken, and
 *  the _XEMBED_INFO flag by which a client asks to be shown. */
export const Xembed = { EmbeddedNotify: 0, Version: 0, FlagMapped: 1 } as const;
/** _NET_WM_MOVERESIZE's direction (data[2]): resize from a corner or side, move, by keys, or stop. */
export const MoveResizeDirection = {
  SizeTopLeft: 0,
  SizeTop: 1,
  SizeTopRight: 2,
  SizeRight: 3,
  SizeBottomRight: 4,
  SizeBottom: 5,
  SizeBottomLeft: 6,
  SizeLeft: 7,
  Move: 8,
  SizeKeyboard: 9,
  MoveKeyboard: 10,
  Cancel: 11,
} as const;

/** 32-bit words as the connection's byte order (little-endian) carries them. */
export function encodeWords(words: Uint32Array | readonly number[]): Buffer {
  const data = Buffer.alloc(words.length * 4);
  for (let i = 0; i < words.length; i++) data.writeUInt32LE(words[i]! >>> 0, i * 4);
  return data;
}
