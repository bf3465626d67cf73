// EWMH and ICCCM client messages, turned into model operations. Pure: the
// atoms come in as numbers, the result is a new model plus what only the X
// side can do (close a window, set a window's frame extents).
import type { Atoms } from '../x/atoms.js';
import type { WindowId } from '../x/types.js';
import { AllDesktops, MoveResizeDirection, None, NetWmStateAction, SourceIndication, WmState } from '../x/protocol.js';
import {
  focusClient, gotoWorkspace, moveClientTo, setFullscreen, setMaximised, setModal, setWorkspaceCount, updateClient, findClient,
  monitorShowing, minimiseClient, restoreClient, setSticky, setLayer, inScratchpad, scratchpadShow, type Model,
} from '../model/index.js';

/** What _NET_ACTIVE_WINDOW from an application (not a pager) does: i3's focus_on_window_activation. */
export type Activation = 'focus' | 'urgent' | 'smart';

/** Which sides a resize moves: -1 left (top), 1 right (bottom), 0 neither. */
export interface DragEdges { readonly x: -1 | 0 | 1; readonly y: -1 | 0 | 1 }

/** What _NET_WM_MOVERESIZE asks: a drag by the pointer from root point (x, y), by the
 *  keys, or the end of one. */
export type MoveResize =
  | { readonly how: 'move'; readonly x: number; readonly y: number }
  | { readonly how: 'resize'; readonly edges: DragEdges; readonly x: number; readonly y: number }
  | { readonly how: 'keyboard' }
  | { readonly how: 'cancel' };

export type MessageEffect =
  | { readonly kind: 'close'; readonly window: WindowId }
  | { readonly kind: 'frameExtents'; readonly window: WindowId }
  | { readonly kind: 'moveResize'; readonly window: WindowId; readonly request: MoveResize }
  /** _NET_MOVERESIZE_WINDOW: the fields given (absolute root coordinates); absent ones stay. */
  | { readonly kind: 'moveResizeWindow'; readonly window: WindowId; readonly x?: number; readonly y?: number;
      readonly width?: number; readonly height?: number };

export interface MessageOutcome {
  readonly model: Model;
  readonly effects: readonly MessageEffect[];
}

function stateChange(model: Model, w: WindowId, action: number, prop: number, a: Atoms): Model {
  const how = action === NetWmStateAction.Add ? 'add' : action === NetWmStateAction.Toggle ? 'toggle'
    : action === NetWmStateAction.Remove ? 'remove' : null;
  if (how === null) return model; // garbage action: ignore
  if (prop === a._NET_WM_STATE_FULLSCREEN) return setFullscreen(model, w, how);
  if (prop === a._NET_WM_STATE_MODAL) return setModal(model, w, how);
  if (prop === a._NET_WM_STATE_MAXIMIZED_VERT) return setMaximised(model, w, 'vert', how);
  if (prop === a._NET_WM_STATE_MAXIMIZED_HORZ) return setMaximised(model, w, 'horz', how);
  if (prop === a._NET_WM_STATE_STICKY) return setSticky(model, w, how);
  // ABOVE and BELOW are about stacking, not about floating: whether a window floats is
  // Fion's decision (its type, transient-for, size hints, rules, the user), and floats are
  // kept above the tiles anyway. Toolkits drop ABOVE from their dialogs right after
  // mapping them (Java's JDialog); taking that as "tile it" would hide the parent. They
  // order the floats among themselves (see the layout).
  if (prop === a._NET_WM_STATE_ABOVE) return setLayer(model, w, 'above', how);
  if (prop === a._NET_WM_STATE_BELOW) return setLayer(model, w, 'below', how);
  // HIDDEN is Fion's to set (it means minimised): a client minimises with WM_CHANGE_STATE,
  // and a request to change HIDDEN is ignored, as EWMH advises.
  if (prop === a._NET_WM_STATE_DEMANDS_ATTENTION) {
    const c = model.clients.get(w);
    if (c === undefined) return model;
    const urgent = how === 'toggle' ? !c.urgent : how === 'add';
    return updateClient(model, w, { urgent });
  }
  return model;
}

const EDGES: readonly DragEdges[] = [
  { x: -1, y: -1 }, { x: 0, y: -1 }, { x: 1, y: -1 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }, { x: -1, y: 1 }, { x: -1, y: 0 },
];

/** _NET_WM_MOVERESIZE's data: x_root, y_root, direction, button, source. Null: a direction
 *  EWMH does not define. */
export function decodeMoveResize(data: readonly number[]): MoveResize | null {
  const x = (data[0] ?? 0) | 0;
  const y = (data[1] ?? 0) | 0;
  const dir = data[2] ?? -1;
  const edges = EDGES[dir];
  if (edges !== undefined) return { how: 'resize', edges, x, y };
  if (dir === MoveResizeDirection.Move) return { how: 'move', x, y };
  if (dir === MoveResizeDirection.SizeKeyboard || dir === MoveResizeDirection.MoveKeyboard) return { how: 'keyboard' };
  if (dir === MoveResizeDirection.Cancel) return { how: 'cancel' };
  return null;
}

/** _NET_MOVERESIZE_WINDOW's data: gravity and flags (bits 8-11: x, y, width, height given), then
 *  x, y, width, height. Fion has no frames, so every gravity places the client itself there. */
function decodeMoveResizeWindow(window: WindowId, data: readonly number[]): MessageEffect {
  const flags = data[0] ?? 0;
  const signed = (i: number): number => (data[i] ?? 0) | 0;
  return {
    kind: 'moveResizeWindow', window,
    ...(flags & (1 << 8) ? { x: signed(1) } : {}),
    ...(flags & (1 << 9) ? { y: signed(2) } : {}),
    ...(flags & (1 << 10) ? { width: signed(3) } : {}),
    ...(flags & (1 << 11) ? { height: signed(4) } : {}),
  };
}

/** The desktop a client is on is visible on some monitor. */
const visible = (model: Model, w: WindowId): boolean => {
  const at = findClient(model, w);
  return at !== null && monitorShowing(model, at.workspace) >= 0;
};

export function handleClientMessage(
  model: Model, a: Atoms, window: WindowId, type: number, data: readonly number[], activation: Activation,
): MessageOutcome {
  const d = (i: number): number => data[i] ?? 0;
  const managed = model.clients.has(window);
  const none: MessageOutcome = { model, effects: [] };
  switch (type) {
    case a._NET_CURRENT_DESKTOP:
      return { model: gotoWorkspace(model, d(0) + 1), effects: [] };
    case a._NET_NUMBER_OF_DESKTOPS:
      return { model: setWorkspaceCount(model, d(0)), effects: [] };
    case a._NET_WM_DESKTOP: {
      if (!managed) return none;
      // AllDesktops: sticky (a float then stays on its monitor); a desktop: that one only.
      if (d(0) === AllDesktops) return { model: setSticky(model, window, 'add'), effects: [] };
      const target = model.workspaces[d(0)];
      return target !== undefined ? { model: moveClientTo(setSticky(model, window, 'remove'), window, target.id), effects: [] } : none;
    }
    case a._NET_ACTIVE_WINDOW: {
      if (!managed) return none;
      const fromPager = d(0) === SourceIndication.Pager;
      const focus = fromPager || activation === 'focus' || (activation === 'smart' && visible(model, window));
      // A hidden scratchpad window comes here, as `scratchpad show` would bring it.
      const hiddenScratch = model.clients.get(window)?.minimised === true && inScratchpad(model, window);
      if (focus && hiddenScratch) return { model: scratchpadShow(model, window), effects: [] };
      return focus ? { model: focusClient(model, window), effects: [] }
        : { model: updateClient(model, window, { urgent: true }), effects: [] };
    }
    case a._NET_CLOSE_WINDOW:
      return managed ? { model, effects: [{ kind: 'close', window }] } : none;
    case a._NET_WM_STATE: {
      if (!managed) return none;
      let m = stateChange(model, window, d(0), d(1), a);
      if (d(2) !== None && d(2) !== d(1)) m = stateChange(m, window, d(0), d(2), a);
      return { model: m, effects: [] };
    }
    case a.WM_CHANGE_STATE:
      // ICCCM 4.1.4: Iconic minimises. Normal is not in ICCCM (a client maps its window
      // again for that), but meaning "bring it back" is the only sensible reading.
      if (!managed) return none;
      if (d(0) === WmState.Iconic) return { model: minimiseClient(model, window), effects: [] };
      if (d(0) === WmState.Normal) return { model: restoreClient(model, window), effects: [] };
      return none;
    case a._NET_WM_MOVERESIZE: {
      const request = managed ? decodeMoveResize(data) : null;
      return request === null ? none : { model, effects: [{ kind: 'moveResize', window, request }] };
    }
    case a._NET_MOVERESIZE_WINDOW:
      return managed ? { model, effects: [decodeMoveResizeWindow(window, data)] } : none;
    case a._NET_REQUEST_FRAME_EXTENTS:
      return { model, effects: [{ kind: 'frameExtents', window }] };
    default:
      return none;
  }
}
