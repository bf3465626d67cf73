// Starting again after a crash: what the bar says about it, and the safe mode's config
// (the shipped one, no status command) for a Fion that crashed again and again.
import { loadDefaults } from '../config/load.js';
import type { LoadResult } from '../config/index.js';
import { defaultConfigPath } from '../config/paths.js';
import { parseCommand } from '../commands/index.js';

/** What bin/fion's supervisor said about this start. */
export interface CrashStart {
  readonly crashes: number;
  readonly plain: boolean;
  readonly safe: boolean;
}

/** The bar's message after a crash, or null after none. */
export function crashNotice(s: CrashStart): string | null {
  if (s.crashes <= 0) return null;
  const times = s.crashes === 1 ? 'a crash' : `${s.crashes} crashes in a row`;
  if (s.safe) return `Fion restarted in safe mode (shipped config, no status command) after ${times}; see the log`;
  if (s.plain) return `Fion restarted after ${times}, without the saved layout; see the log`;
  return `Fion restarted after ${times}; see the log`;
}

/** The shipped config alone, without the status command: nothing of the user's can crash it. */
export function safeConfig(): LoadResult {
  const path = defaultConfigPath();
  const d = loadDefaults({ command: (t) => { const r = parseCommand(t); return r.ok ? null : r.error; } }, path);
  return { config: { ...d.config, bar: { ...d.config.bar, statusCommand: null } }, path, errors: d.errors, usedDefault: true };
}
