// Writing a file Fion keeps (state, session, monitor memory, caches) whole or not at all:
// into a temp file beside it, then renamed over it, so a crash or a reader never meets half
// a file. Private: the folder made 0700 if it is new, the file 0600.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Throws when it cannot be written. */
export function writeFileWhole(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  chmodSync(tmp, 0o600); // an old temp file of the same name kept its mode
  renameSync(tmp, path);
}
