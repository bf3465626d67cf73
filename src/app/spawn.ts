// Starting programs: detached from Fion (they outlive a restart), on Fion's display, with
// the environment Fion's children get (see sessionenv.ts) plus what the caller adds.
import { spawn } from 'node:child_process';
import { log } from '../log.js';

export interface StartOptions {
  readonly display: string;
  /** Added to the environment (DESKTOP_STARTUP_ID). */
  readonly env?: Readonly<Record<string, string>>;
  /** Started instead when the program is not found (the terminal falls back to xterm). */
  readonly fallback?: readonly string[] | null;
  /** Told the pid of the process that started. */
  readonly onStart?: (pid: number) => void;
}

/** Start `argv` (no shell); failures are logged, never thrown. */
export function startProgram(argv: readonly string[], o: StartOptions): void {
  const [cmd, ...args] = argv;
  if (cmd === undefined) return;
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore', env: { ...process.env, ...o.env, DISPLAY: o.display } });
    child.on('error', (err) => {
      log.warn(`cannot start ${cmd}: ${err.message}`);
      if (o.fallback != null) startProgram(o.fallback, { ...o, fallback: null });
    });
    if (child.pid !== undefined) o.onStart?.(child.pid);
    child.unref();
  } catch (err) {
    log.warn(`cannot start ${cmd}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
