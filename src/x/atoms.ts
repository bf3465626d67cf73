// Every atom Fion uses, interned once at start-up in one pipelined batch.
import type { XPort } from './port.js';
import { isFailure, type Atom } from './types.js';

const NAMES = [
  'WM_PROTOCOLS', 'WM_DELETE_WINDOW', 'WM_TAKE_FOCUS', 'WM_STATE', 'WM_CHANGE_STATE', 'WM_CLASS', 'WM_NAME',
  'WM_HINTS', 'WM_NORMAL_HINTS', 'WM_TRANSIENT_FOR', 'WM_CLIENT_MACHINE', 'WM_COMMAND', 'MANAGER',
  'UTF8_STRING', 'STRING', 'COMPOUND_TEXT', 'ATOM', 'CARDINAL', 'WINDOW',
  '_NET_SUPPORTED', '_NET_SUPPORTING_WM_CHECK', '_NET_WM_NAME', '_NET_ACTIVE_WINDOW', '_NET_CLIENT_LIST',
  '_NET_CLIENT_LIST_STACKING', '_NET_NUMBER_OF_DESKTOPS', '_NET_DESKTOP_NAMES', '_NET_CURRENT_DESKTOP',
  '_NET_DESKTOP_VIEWPORT', '_NET_DESKTOP_GEOMETRY', '_NET_WORKAREA', '_NET_WM_DESKTOP', '_NET_CLOSE_WINDOW',
  '_NET_WM_STATE', '_NET_WM_STATE_FULLSCREEN', '_NET_WM_STATE_DEMANDS_ATTENTION', '_NET_WM_STATE_HIDDEN',
  '_NET_WM_STATE_FOCUSED', '_NET_WM_STATE_MODAL', '_NET_WM_STATE_ABOVE',
  '_NET_WM_STATE_BELOW', '_NET_WM_STATE_STICKY',
  '_NET_WM_STATE_MAXIMIZED_VERT', '_NET_WM_STATE_MAXIMIZED_HORZ',
  '_NET_WM_WINDOW_TYPE', '_NET_WM_WINDOW_TYPE_DOCK', '_NET_WM_WINDOW_TYPE_DIALOG', '_NET_WM_WINDOW_TYPE_SPLASH',
  '_NET_WM_WINDOW_TYPE_UTILITY', '_NET_WM_WINDOW_TYPE_NOTIFICATION', '_NET_WM_WINDOW_TYPE_TOOLBAR',
  '_NET_WM_WINDOW_TYPE_MENU', '_NET_WM_WINDOW_TYPE_DROPDOWN_MENU', '_NET_WM_WINDOW_TYPE_POPUP_MENU',
  '_NET_WM_WINDOW_TYPE_TOOLTIP', '_NET_WM_WINDOW_TYPE_NORMAL', '_NET_WM_WINDOW_TYPE_DESKTOP',
  '_NET_WM_STRUT', '_NET_WM_STRUT_PARTIAL', '_NET_WM_PID', '_NET_WM_PING', '_NET_WM_ALLOWED_ACTIONS',
  '_NET_FRAME_EXTENTS', '_NET_REQUEST_FRAME_EXTENTS', '_NET_WM_ACTION_CLOSE', '_NET_WM_ACTION_FULLSCREEN',
  '_NET_SYSTEM_TRAY_OPCODE', '_NET_SYSTEM_TRAY_ORIENTATION', '_NET_SYSTEM_TRAY_VISUAL', '_XEMBED', '_XEMBED_INFO',
  'VISUALID', 'FION_SYNC', 'FION_MAP_REQUESTED', 'FION_TRAY_ICON',
  'RESOURCE_MANAGER',
  'WM_WINDOW_ROLE',
  '_NET_STARTUP_ID',
  '_NET_WM_MOVERESIZE', '_NET_MOVERESIZE_WINDOW',
  '_NET_WM_ICON',
] as const;

export type AtomName = (typeof NAMES)[number];
export type Atoms = Readonly<Record<AtomName, Atom>>;

/** Interns every atom in NAMES; throws only if the server refuses (it never should). */
export async function internAtoms(x: XPort): Promise<Atoms> {
  const replies = await Promise.all(NAMES.map((n) => x.internAtom(n)));
  const out: Partial<Record<AtomName, Atom>> = {};
  NAMES.forEach((n, i) => {
    const r = replies[i];
    if (r === undefined || isFailure(r)) throw new Error(`cannot intern atom ${n}: ${String(r)}`);
    out[n] = r;
  });
  return out as Atoms;
}

/** The per-screen window manager selection WM_Sn (ICCCM 2.8). */
export async function managerSelection(x: XPort, screen: number): Promise<Atom> {
  const r = await x.internAtom(`WM_S${screen}`);
  if (isFailure(r)) throw new Error(`cannot intern WM_S${screen}: ${r}`);
  return r;
}
