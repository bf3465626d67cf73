// Programs Fion started for the user, remembered for a while so that their first windows
// open where they were started from: the workspace and tile focused at the time, even if
// the user moved on meanwhile. A window belongs to a launch by its _NET_STARTUP_ID (the
// DESKTOP_STARTUP_ID Fion gave the program), else by its _NET_WM_PID descending from the
// launched process (only for a client on this host). Pure: the table is a plain map, and
// reading /proc is the caller's (see ancestry).
import type { TileId, WorkspaceId } from '../model/index.js';

export interface Launch {
  /** The started process (null until the spawn reports it). */
  readonly pid: number | null;
  readonly workspace: WorkspaceId;
  readonly tile: TileId;
  /** When it was started, ms since the epoch. */
  readonly at: number;
}

/** Launches by startup id, oldest first. */
export type Launches = ReadonlyMap<string, Launch>;

/**
 * A startup notification id (freedesktop startup-notification spec: anything unique, ending
 * in `_TIME<timestamp>`): Fion's name and pid, a counter, the program, the time in ms
 * (modulo 2^32, as X timestamps are).
 */
export function startupId(fionPid: number, counter: number, program: string, nowMs: number): string {
  const name = (program.split('/').pop() ?? '').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 32) || 'program';
  return `fion-${fionPid}-${counter}-${name}_TIME${nowMs % 2 ** 32}`;
}

/** The table without launches older than `timeoutMs`. */
export function expired(table: Launches, now: number, timeoutMs: number): Launches {
  let out: Map<string, Launch> | null = null;
  for (const [id, l] of table) {
    if (now - l.at <= timeoutMs) continue;
    out ??= new Map(table);
    out.delete(id);
  }
  return out ?? table;
}

/**
 * The parent chain of a process, itself first, from the `stat` text of each (`read`
 * returns null for a process that is gone). Stops at pid 1, a loop or 64 steps.
 */
export function ancestry(pid: number, read: (pid: number) => string | null): number[] {
  const out: number[] = [];
  for (let p = pid; p > 1 && out.length < 64 && !out.includes(p);) {
    out.push(p);
    const stat = read(p);
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses; the last ')' ends it.
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields?.[1]);
    if (!Number.isInteger(ppid) || ppid < 1) break;
    p = ppid;
  }
  return out;
}

/** What a new window says of itself, for matching it to a launch. */
export interface WindowOrigin {
  readonly startupId: string;
  /** Its process and that one's ancestors (empty when unknown, or on another host). */
  readonly pids: readonly number[];
}

/** The launch a window belongs to (the newest, if several fit), live ones only. */
export function launchOf(table: Launches, w: WindowOrigin, now: number, timeoutMs: number): Launch | null {
  const live = [...expired(table, now, timeoutMs)];
  const byId = live.find(([id]) => id === w.startupId);
  if (w.startupId !== '' && byId) return byId[1];
  for (let i = live.length - 1; i >= 0; i--) {
    const l = live[i]![1];
    if (l.pid !== null && w.pids.includes(l.pid)) return l;
  }
  return null;
}
