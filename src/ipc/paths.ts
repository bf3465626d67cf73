// Where the control socket lives, and whether a socket file there belongs to a live Fion.
import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

/** The root window property that names the socket (like i3's I3_SOCKET_PATH). */
export const SOCKET_PATH_PROPERTY = 'FION_SOCKET_PATH';

/** The display name as a file name: ":1" -> "1", "host:0.0" -> "host_0.0". */
export function displayTag(display: string): string {
  const tag = display.replace(/^:/, '').replace(/[^A-Za-z0-9._-]/g, '_');
  return tag === '' ? '0' : tag;
}

/** The folder holding Fion's sockets: $XDG_RUNTIME_DIR/fion, else /tmp/fion-UID. */
export function socketDir(env: NodeJS.ProcessEnv = process.env, uid: number = process.getuid?.() ?? 0): string {
  const runtime = env.XDG_RUNTIME_DIR;
  return runtime !== undefined && runtime !== '' ? join(runtime, 'fion') : join('/tmp', `fion-${uid}`);
}

export function defaultSocketPath(display: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(socketDir(env), `${displayTag(display)}.sock`);
}

/**
 * Make the socket's folder private (0700). A folder that exists but is not ours, or is
 * not a folder (a symlink planted in /tmp), is refused: another user could read or
 * replace the socket there.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new Error(`${dir} is not a folder`);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) throw new Error(`${dir} belongs to another user`);
  if ((st.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}

/** 'live': a process accepts connections there; 'stale': a socket file nobody listens on; 'absent'. */
export type SocketState = 'live' | 'stale' | 'absent';

export function probeSocket(path: string, timeoutMs = 1000): Promise<SocketState> {
  let exists: boolean;
  try {
    exists = lstatSync(path).isSocket();
  } catch {
    return Promise.resolve('absent');
  }
  if (!exists) return Promise.resolve('live'); // not a socket: never ours to remove
  return new Promise((resolve) => {
    const s = connect(path);
    const done = (state: SocketState): void => { clearTimeout(timer); s.destroy(); resolve(state); };
    // A listener too busy to accept within the deadline is still alive: never steal it.
    const timer = setTimeout(() => done('live'), timeoutMs);
    s.once('connect', () => done('live'));
    s.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? 'stale' : 'live'));
  });
}

/** Remove a stale socket file; a live one is left alone. Returns the state found. */
export async function clearStale(path: string): Promise<SocketState> {
  const state = await probeSocket(path);
  if (state === 'stale') {
    try { unlinkSync(path); } catch { /* gone already */ }
  }
  return state;
}

/** The root window property i3's tools read the i3 socket's path from. */
export const I3_SOCKET_PATH_PROPERTY = 'I3_SOCKET_PATH';

/** The i3 socket: beside the control socket, in the same private folder. */
export function i3SocketPath(display: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(socketDir(env), `${displayTag(display)}.i3.sock`);
}
