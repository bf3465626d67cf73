// node-x11's parsed events, narrowed to the typed union Fion handles.
import type { RawEvent } from 'x11';
import type { Atom, WindowId } from './types.js';

export type XEvent =
  | { kind: 'MapRequest'; window: WindowId; parent: WindowId; synthetic?: boolean }
  | { kind: 'ConfigureRequest'; window: WindowId; parent: WindowId; x: number; y: number; width: number;
      height: number; borderWidth: number; sibling: WindowId; stackMode: number; mask: number }
  | { kind: 'CreateNotify'; window: WindowId; parent: WindowId; overrideRedirect: boolean }
  | { kind: 'UnmapNotify'; window: WindowId; event: WindowId; synthetic: boolean }
  | { kind: 'DestroyNotify'; window: WindowId; event: WindowId }
  | { kind: 'MapNotify'; window: WindowId; event: WindowId; overrideRedirect: boolean }
  | { kind: 'ReparentNotify'; window: WindowId; event: WindowId; parent: WindowId; overrideRedirect: boolean }
  | { kind: 'ConfigureNotify'; window: WindowId; event: WindowId; x: number; y: number; width: number; height: number }
  | { kind: 'PropertyNotify'; window: WindowId; atom: Atom; time: number; deleted: boolean }
  | { kind: 'ClientMessage'; window: WindowId; type: Atom; format: number; data: number[] }
  | { kind: 'KeyPress' | 'KeyRelease'; keycode: number; state: number; time: number; root: WindowId; window: WindowId; child: WindowId }
  | { kind: 'ButtonPress' | 'ButtonRelease'; button: number; state: number; time: number; root: WindowId;
      window: WindowId; child: WindowId; x: number; y: number; rootX: number; rootY: number }
  | { kind: 'MotionNotify'; state: number; time: number; root: WindowId; window: WindowId; rootX: number; rootY: number }
  | { kind: 'Expose'; window: WindowId; count: number }
  | { kind: 'SelectionClear'; owner: WindowId; selection: Atom; time: number }
  | { kind: 'MappingNotify'; request: number; firstKeycode: number; count: number }
  | { kind: 'FocusIn' | 'FocusOut'; window: WindowId; detail: number; mode: number }
  | { kind: 'EnterNotify'; window: WindowId; mode: number; detail: number; rootX: number; rootY: number; time: number }
  | { kind: 'other'; name: string; code: number; raw: RawEvent };

type Narrow<E, K> = E extends { kind: infer EK } ? (K extends EK ? E : never) : never;
/** The event of one kind (KeyPress, say, although it shares its shape with KeyRelease). */
export type EventOf<K extends XEvent['kind']> = Narrow<XEvent, K>;

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const win = (v: unknown): WindowId => num(v) as WindowId;

/** Narrow one parsed event. Unknown kinds pass through as 'other'. */
export function decodeEvent(ev: RawEvent): XEvent {
  const synthetic = ev.rawData !== undefined && ((ev.rawData[0] ?? 0) & 0x80) !== 0;
  switch (ev.name) {
    case 'MapRequest':
      return { kind: 'MapRequest', window: win(ev.wid), parent: win(ev.parent), synthetic };
    case 'ConfigureRequest':
      return {
        kind: 'ConfigureRequest', window: win(ev.wid), parent: win(ev.parent), x: num(ev.x), y: num(ev.y),
        width: num(ev.width), height: num(ev.height), borderWidth: num(ev.borderWidth),
        sibling: win(ev.sibling), stackMode: num(ev.stackMode), mask: num(ev.mask),
      };
    case 'CreateNotify':
      return { kind: 'CreateNotify', window: win(ev.wid), parent: win(ev.parent), overrideRedirect: ev.overrideRedirect === true };
    case 'UnmapNotify':
      return { kind: 'UnmapNotify', window: win(ev.wid), event: win(ev.event), synthetic };
    case 'DestroyNotify':
      return { kind: 'DestroyNotify', window: win(ev.wid), event: win(ev.event) };
    case 'MapNotify':
      return { kind: 'MapNotify', window: win(ev.wid), event: win(ev.event), overrideRedirect: ev.overrideRedirect === true };
    case 'ReparentNotify':
      return { kind: 'ReparentNotify', window: win(ev.wid), event: win(ev.event), parent: win(ev.parent),
        overrideRedirect: ev.overrideRedirect === true };
    case 'ConfigureNotify':
      return { kind: 'ConfigureNotify', window: win(ev.wid1), event: win(ev.wid), x: num(ev.x), y: num(ev.y),
        width: num(ev.width), height: num(ev.height) };
    case 'PropertyNotify':
      return { kind: 'PropertyNotify', window: win(ev.wid), atom: num(ev.atom) as Atom, time: num(ev.time), deleted: num(ev.state) === 1 };
    case 'ClientMessage':
      return { kind: 'ClientMessage', window: win(ev.wid), type: num(ev.message_type) as Atom, format: num(ev.format),
        data: Array.isArray(ev.data) ? ev.data.map(num) : [] };
    case 'KeyPress':
    case 'KeyRelease':
      return { kind: ev.name, keycode: num(ev.keycode), state: num(ev.buttons), time: num(ev.time),
        root: win(ev.root), window: win(ev.wid), child: win(ev.child) };
    case 'ButtonPress':
    case 'ButtonRelease':
      return { kind: ev.name, button: num(ev.keycode), state: num(ev.buttons), time: num(ev.time), root: win(ev.root),
        window: win(ev.wid), child: win(ev.child), x: num(ev.x), y: num(ev.y), rootX: num(ev.rootx), rootY: num(ev.rooty) };
    case 'MotionNotify':
      return { kind: 'MotionNotify', state: num(ev.buttons), time: num(ev.time), root: win(ev.root), window: win(ev.wid),
        rootX: num(ev.rootx), rootY: num(ev.rooty) };
    case 'Expose':
      return { kind: 'Expose', window: win(ev.wid), count: num(ev.count) };
    case 'SelectionClear':
      return { kind: 'SelectionClear', owner: win(ev.owner), selection: num(ev.selection) as Atom, time: num(ev.time) };
    case 'MappingNotify':
      return { kind: 'MappingNotify', request: num(ev.request), firstKeycode: num(ev.firstKeyCode), count: num(ev.count) };
    case 'FocusIn':
    case 'FocusOut':
      return { kind: ev.name, window: win(ev.wid), detail: num(ev.detail), mode: num(ev.mode) };
    case 'EnterNotify':
      return { kind: 'EnterNotify', window: win(ev.wid), mode: num(ev.mode), detail: num(ev.detail),
        rootX: num(ev.rootx), rootY: num(ev.rooty), time: num(ev.time) };
    default:
      return { kind: 'other', name: ev.name ?? 'unknown', code: ev.type, raw: ev };
  }
}
