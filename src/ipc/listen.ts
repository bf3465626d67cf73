// Listening on a private UNIX socket, shared by Fion's control socket and its i3 socket:
// the folder made private (0700), a stale socket file replaced, a live one never touched,
// the socket created 0600 from the start (umask) and checked so.
import { createServer, type Server } from 'node:net';
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { clearStale, ensurePrivateDir } from './paths.js';
import { log } from '../log.js';

/** Another live process already listens on the socket path. */
export class SocketBusy extends Error {}

export interface Listening {
  readonly server: Server;
  /** Removes the socket file, only if it is still the one made here (a newer Fion may own the path). */
  unlink(): void;
}

export async function listenPrivate(path: string): Promise<Listening> {
  ensurePrivateDir(dirname(path));
  if ((await clearStale(path)) === 'live') throw new SocketBusy(`another process listens on ${path}`);
  const server = createServer();
  const oldMask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => { server.off('error', reject); resolve(); });
    });
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'EADDRINUSE') throw new SocketBusy(`another process listens on ${path}`);
    throw e;
  } finally {
    process.umask(oldMask);
  }
  chmodSync(path, 0o600);
  const inode = lstatSync(path).ino;
  server.on('error', (e) => log.warn(`ipc: ${e.message}`));
  return {
    server,
    unlink() {
      try {
        if (lstatSync(path).ino === inode) unlinkSync(path);
      } catch { /* already gone */ }
    },
  };
}
