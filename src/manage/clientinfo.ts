// What Fion reads from a window before managing it, fetched in one
// pipelined batch: all requests go out together, one round trip in total.
import type { XPort, Property } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import {
  decodeAtoms, decodeCardinals, decodeClass, decodeNormalHints, decodeStrut, decodeText, decodeWindow, decodeWmHints,
  type NormalHints, type Strut, type WmHints,
} from '../x/props.js';
import { isFailure, type Atom, type Reply, type WindowId } from '../x/types.js';

export interface ClientInfo {
  readonly window: WindowId;
  readonly overrideRedirect: boolean;
  readonly inputOnly: boolean;
  readonly mapState: 'unmapped' | 'unviewable' | 'viewable';
  readonly title: string;
  readonly instance: string;
  readonly class: string;
  readonly protocols: ReadonlySet<Atom>;
  readonly hints: WmHints;
  readonly transientFor: WindowId | null;
  readonly windowTypes: readonly Atom[];
  /** WM_WINDOW_ROLE ('' when unset). */
  readonly role: string;
  /** WM_STATE's state field (1 Normal, 3 Iconic), null when unset. */
  readonly wmState: number | null;
  /** Its client asked for a map that a Fion received (FION_MAP_REQUESTED is 1), and has not
   *  withdrawn it since: a Fion that died before handling the request leaves this behind. */
  readonly mapRequested: boolean;
  /** A Fion has seen the window (FION_MAP_REQUESTED set at all, 0 when no map is asked):
   *  one that has not was created just before a crash or since, and its map request may
   *  have died unread with the Fion that crashed. */
  readonly seen: boolean;
  /** Its client set a title, a class, WM_HINTS or WM_NORMAL_HINTS, as toolkits do for a
   *  window they show (their hidden helper windows mostly go without). */
  readonly dressed: boolean;
  readonly normalHints: NormalHints;
  /** _NET_WM_STATE atoms the client set before mapping (fullscreen, ...). */
  readonly netState: readonly Atom[];
  readonly strut: Strut | null;
  readonly pid: number | null;
  /** _NET_STARTUP_ID: the launch the window belongs to ('' when unset). */
  readonly startupId: string;
  /** WM_CLIENT_MACHINE: the host its client runs on ('' when unset). */
  readonly machine: string;
  /** Its parent now: only children of a root are top-level windows Fion may manage. */
  readonly parent: WindowId | null;
  /** A Fion docked it in its tray (FION_TRAY_ICON): after a restart or a crash the window
   *  is back on the root, and goes back into the tray rather than becoming a client. */
  readonly trayIcon: boolean;
  /** Where and how big the window is now (its own request, before Fion placed it). */
  readonly geometry: { x: number; y: number; width: number; height: number } | null;
}

const prop = (r: Reply<Property | null>): Property | null => (isFailure(r) ? null : r);

export const textTypes = (a: Atoms): { utf8: Atom; string: Atom; compound: Atom } =>
  ({ utf8: a.UTF8_STRING, string: a.STRING, compound: a.COMPOUND_TEXT });

/** The title a tab shows: _NET_WM_NAME, else WM_NAME. */
export function titleOf(netName: Property | null, wmName: Property | null, atoms: Atoms): string {
  return decodeText(netName, textTypes(atoms)) ?? decodeText(wmName, textTypes(atoms)) ?? '';
}

/** null when the window vanished before we could look at it. */
export async function fetchClientInfo(x: XPort, atoms: Atoms, w: WindowId): Promise<ClientInfo | null> {
  const [attrs, netName, wmName, klass, protocols, hints, transient, types, state, normal, netState, strutP, strut, pid, requested, trayMark, geom, tree, role, startup, machine] = await Promise.all([
    x.getWindowAttributes(w),
    x.getProperty(w, atoms._NET_WM_NAME, 0, 1024),
    x.getProperty(w, atoms.WM_NAME, 0, 1024),
    x.getProperty(w, atoms.WM_CLASS, 0, 256),
    x.getProperty(w, atoms.WM_PROTOCOLS, 0, 64),
    x.getProperty(w, atoms.WM_HINTS, 0, 9),
    x.getProperty(w, atoms.WM_TRANSIENT_FOR, 0, 1),
    x.getProperty(w, atoms._NET_WM_WINDOW_TYPE, 0, 32),
    x.getProperty(w, atoms.WM_STATE, 0, 2),
    x.getProperty(w, atoms.WM_NORMAL_HINTS, 0, 18),
    x.getProperty(w, atoms._NET_WM_STATE, 0, 32),
    x.getProperty(w, atoms._NET_WM_STRUT_PARTIAL, 0, 12),
    x.getProperty(w, atoms._NET_WM_STRUT, 0, 4),
    x.getProperty(w, atoms._NET_WM_PID, 0, 1),
    x.getProperty(w, atoms.FION_MAP_REQUESTED, 0, 1),
    x.getProperty(w, atoms.FION_TRAY_ICON, 0, 1),
    x.getGeometry(w),
    x.queryTree(w),
    x.getProperty(w, atoms.WM_WINDOW_ROLE, 0, 64),
    x.getProperty(w, atoms._NET_STARTUP_ID, 0, 256),
    x.getProperty(w, atoms.WM_CLIENT_MACHINE, 0, 64),
  ]);
  if (isFailure(attrs)) return null;
  const wmState = prop(state);
  return {
    window: w,
    overrideRedirect: attrs.overrideRedirect,
    inputOnly: attrs.inputOnly,
    mapState: attrs.mapState,
    title: titleOf(prop(netName), prop(wmName), atoms),
    ...decodeClass(prop(klass)),
    protocols: new Set(decodeAtoms(prop(protocols))),
    hints: decodeWmHints(prop(hints)),
    transientFor: decodeWindow(prop(transient)),
    windowTypes: decodeAtoms(prop(types)),
    role: decodeText(prop(role), textTypes(atoms)) ?? '',
    wmState: wmState !== null && wmState.format === 32 && wmState.data.length >= 4 ? wmState.data.readUInt32LE(0) : null,
    mapRequested: decodeCardinals(prop(requested), 1)[0] === 1,
    seen: prop(requested) !== null,
    dressed: [hints, normal, netName, wmName, klass].some((p) => prop(p) !== null),
    normalHints: decodeNormalHints(prop(normal)),
    netState: decodeAtoms(prop(netState)),
    strut: decodeStrut(prop(strutP), prop(strut)),
    pid: decodeCardinals(prop(pid), 1)[0] ?? null,
    trayIcon: prop(trayMark) !== null,
    startupId: decodeText(prop(startup), textTypes(atoms)) ?? '',
    machine: decodeText(prop(machine), textTypes(atoms)) ?? '',
    geometry: isFailure(geom) ? null : { x: geom.x, y: geom.y, width: geom.width, height: geom.height },
    parent: isFailure(tree) ? null : tree.parent,
  };
}

/** The i3 name of a window's type (`normal`, `dialog`...): the first of its
 *  _NET_WM_WINDOW_TYPE atoms Fion knows, else `normal`, as i3 reports it. */
export function windowTypeName(types: readonly Atom[], a: Atoms): string {
  const names: ReadonlyMap<Atom, string> = new Map([
    [a._NET_WM_WINDOW_TYPE_NORMAL, 'normal'], [a._NET_WM_WINDOW_TYPE_DIALOG, 'dialog'], [a._NET_WM_WINDOW_TYPE_UTILITY, 'utility'],
    [a._NET_WM_WINDOW_TYPE_TOOLBAR, 'toolbar'], [a._NET_WM_WINDOW_TYPE_SPLASH, 'splash'], [a._NET_WM_WINDOW_TYPE_MENU, 'menu'],
    [a._NET_WM_WINDOW_TYPE_DROPDOWN_MENU, 'dropdown_menu'], [a._NET_WM_WINDOW_TYPE_POPUP_MENU, 'popup_menu'],
    [a._NET_WM_WINDOW_TYPE_TOOLTIP, 'tooltip'], [a._NET_WM_WINDOW_TYPE_NOTIFICATION, 'notification'],
    [a._NET_WM_WINDOW_TYPE_DOCK, 'dock'], [a._NET_WM_WINDOW_TYPE_DESKTOP, 'desktop'],
  ]);
  for (const t of types) {
    const n = names.get(t);
    if (n !== undefined) return n;
  }
  return 'normal';
}
