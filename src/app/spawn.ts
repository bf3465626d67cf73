// Starting programs: detached from Fion (they outlive a restart), on Fion's display, with
// the environment Fion's children get (see sessionenv.ts) plus what the caller adds.
import { childProcess } from '../childprocess.js';
import { log } from '../log.js';

export interface StartOptions {
  readonly display: string;
  /** Added to the environment (DESKTOP_STARTUP_ID). */
  readonly env?: Readonly<Record<string, string>>;
  /** Started instead when the program is not found (the terminal falls back to xterm). */
  readonly fallback?: readonly string[] | null;
  /** Told the pid of the process that started. */
  readonly onStart?: (pid: number) => void;
  /** The working folder (default: Fion's). */
  readonly cwd?: string;
  /** Told why it could not start (after the fallback, if any, could not either). */
  readonly onFail?: (why: string) => void;
  /** Told when the process ends (its exit code, or the signal's name). */
  readonly onExit?: (how: number | string) => void;
}

/** Start `argv` (no shell); failures are logged, never thrown. */
export function startProgram(argv: readonly string[], o: StartOptions): void {
  const [cmd, ...args] = argv;
  if (cmd === undefined) return;
  try {
    const child = childProcess().spawn(cmd, args, { detached: true, stdio: 'ignore', env: { ...process.env, ...o.env, DISPLAY: o.display }, ...(o.cwd === undefined ? {} : { cwd: o.cwd }) });
    child.on('error', (err) => {
      log.warn(`cannot start ${cmd}: ${err.message}`);
      if (o.fallback != null) startProgram(o.fallback, { ...o, fallback: null });
      else o.onFail?.(err.message);
    });
    if (o.onExit !== undefined) child.on('exit', (code, signal) => { if (child.pid !== undefined) o.onExit?.(code ?? signal ?? -1); });
    if (child.pid !== undefined) o.onStart?.(child.pid);
    child.unref();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    log.warn(`cannot start ${cmd}: ${why}`);
    o.onFail?.(why);
  }
}
