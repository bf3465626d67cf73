// Every atom Fion uses, interned once at start-up in one pipelined batch.
import type { XConnection } from './connection.js';
import { isFailure, type Atom } from './types.js';

const NAMES = [
  'WM_PROTOCOLS', 'WM_DELETE_WINDOW', 'WM_TAKE_FOCUS', 'WM_STATE', 'WM_CHANGE_STATE', 'WM_CLASS', 'WM_NAME',
  'WM_HINTS', 'WM_NORMAL_HINTS', 'WM_TRANSIENT_FOR', 'WM_CLIENT_MACHINE', 'MANAGER',
  'UTF8_STRING', 'STRING', 'COMPOUND_TEXT', 'ATOM', 'CARDINAL', 'WINDOW',
  '_NET_SUPPORTED', '_NET_SUPPORTING_WM_CHECK', '_NET_WM_NAME', '_NET_ACTIVE_WINDOW', '_NET_CLIENT_LIST',
  '_NET_WM_WINDOW_TYPE', '_NET_WM_WINDOW_TYPE_DOCK', '_NET_WM_PID',
  'FION_SYNC',
] as const;

export type AtomName = (typeof NAMES)[number];
export type Atoms = Readonly<Record<AtomName, Atom>>;

/** Interns every atom in NAMES; throws only if the server refuses (it never should). */
export async function internAtoms(x: XConnection): Promise<Atoms> {
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
export async function managerSelection(x: XConnection, screen: number): Promise<Atom> {
  const r = await x.internAtom(`WM_S${screen}`);
  if (isFailure(r)) throw new Error(`cannot intern WM_S${screen}: ${r}`);
  return r;
}
