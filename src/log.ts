// One line per noteworthy event, to stderr. --verbose adds debug lines.
export type Level = 'error' | 'warn' | 'info' | 'debug';
const order: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3 };
let threshold: Level = 'info';

export function setLogLevel(l: Level): void { threshold = l; }
export const isDebug = (): boolean => threshold === 'debug';

function write(level: Level, msg: string): void {
  if (order[level] > order[threshold]) return;
  const t = new Date().toISOString().slice(11, 23);
  process.stderr.write(`fion ${t} ${level}: ${msg}\n`);
}

export const log = {
  error: (m: string): void => write('error', m),
  warn: (m: string): void => write('warn', m),
  info: (m: string): void => write('info', m),
  debug: (m: string): void => write('debug', m),
};
