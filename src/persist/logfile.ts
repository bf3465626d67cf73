// Fion's log file, beside stderr: $XDG_STATE_HOME/fion/fion.log (else
// ~/.local/state/fion/fion.log), where a user looks when something went wrong, whatever
// their display manager does with stderr. A new session moves the last one's log to
// fion.log.1; a restart or a crash keeps writing to the same file, so the lines before a
// crash stay beside the ones after it. At MAX_LOG_BYTES the file is rotated the same way,
// so the log never takes more than twice that.
import { closeSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { LogSink } from '../log.js';
import { xdgHome } from './xdg.js';

export const MAX_LOG_BYTES = 4 * 1024 * 1024;

export function logFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(xdgHome('XDG_STATE_HOME', env), 'fion', 'fion.log');
}

/**
 * Open the log for appending; `newSession`: move an earlier session's log aside first.
 * Returns the sink, or the reason it cannot be written (Fion then logs to stderr alone).
 */
let inUse: string | null = null;
/** The log file this Fion writes to, if any. */
export const logFileInUse = (): string | null => inUse;

export function openLogFile(path: string, newSession: boolean, maxBytes = MAX_LOG_BYTES): LogSink | string {
  let fd: number;
  let size = 0;
  try {
    mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true, mode: 0o700 });
    if (newSession) rotate(path);
    fd = openSync(path, 'a', 0o600);
    size = statSync(path).size;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  inUse = path;
  return (line) => {
    if (size >= maxBytes) {
      closeSync(fd);
      rotate(path);
      fd = openSync(path, 'a', 0o600);
      size = 0;
    }
    size += writeSync(fd, line);
  };
}

function rotate(path: string): void {
  try {
    if (statSync(path).size > 0) renameSync(path, `${path}.1`);
  } catch { /* none yet */ }
}
