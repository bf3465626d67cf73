// Named protocol numbers used outside src/x.
export const WmState = { Withdrawn: 0, Normal: 1, Iconic: 3 } as const;
export const ConfigMask = { X: 1, Y: 2, Width: 4, Height: 8, BorderWidth: 16, Sibling: 32, StackMode: 64 } as const;
export const StackMode = { Above: 0, Below: 1 } as const;
export const FocusDetail = { Ancestor: 0, Virtual: 1, Inferior: 2, Nonlinear: 3, NonlinearVirtual: 4, Pointer: 5, PointerRoot: 6, None: 7 } as const;
export const FocusMode = { Normal: 0, Grab: 1, Ungrab: 2, WhileGrabbed: 3 } as const;
export const GrabStatus = { Success: 0, AlreadyGrabbed: 1, InvalidTime: 2, NotViewable: 3, Frozen: 4 } as const;
export const RevertTo = { None: 0, PointerRoot: 1, Parent: 2 } as const;
export const PointerRoot = 1;
export const MappingRequest = { Modifier: 0, Keyboard: 1, Pointer: 2 } as const;
export const Button = { Left: 1, Middle: 2, Right: 3, WheelUp: 4, WheelDown: 5 } as const;
