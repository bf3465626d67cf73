// One line per noteworthy event, to stderr. --verbose adds debug lines.
export type Level = 'error' | 'warn' | 'info' | 'debug';
const order: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3 };
let threshold: Level = 'info';

export function setLogLevel(l: Level): void { threshold = l; }
export const isDebug = (): boolean => threshold === 'debug';

// A reader that went away (a closed pipe, a dead terminal) makes stderr fail with EPIPE.
// Unheard, that error would be uncaught, logged, fail again, and spin forever: Fion stops
// writing instead and carries on without a log.
let stderrOpen = true;
process.stderr.on('error', () => { stderrOpen = false; });

function write(level: Level, msg: string): void {
  if (order[level] > order[threshold] || !stderrOpen) return;
  const t = new Date().toISOString().slice(11, 23);
  try {
    process.stderr.write(`fion ${t} ${level}: ${msg}\n`);
  } catch {
    stderrOpen = false;
  }
}

export const log = {
  error: (m: string): void => write('error', m),
  warn: (m: string): void => write('warn', m),
  info: (m: string): void => write('info', m),
  debug: (m: string): void => write('debug', m),
};
