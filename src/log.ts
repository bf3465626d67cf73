// One line per noteworthy event, to stderr and the log file (persist/logfile.ts), with the
// last lines kept in memory for `fion msg -t log`. --verbose or `log level debug` adds
// debug lines.
export type Level = 'error' | 'warn' | 'info' | 'debug';
export const LEVELS: readonly Level[] = ['error', 'warn', 'info', 'debug'];
const order: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3 };
let threshold: Level = 'info';

export function setLogLevel(l: Level): void { threshold = l; }
export const logLevel = (): Level => threshold;
export const isDebug = (): boolean => threshold === 'debug';

/** Somewhere else a line goes (the log file); one that throws is dropped. */
export type LogSink = (line: string) => void;
const sinks: LogSink[] = [];
export function addLogSink(s: LogSink): void { sinks.push(s); }

/** The last lines logged, oldest first. */
const RECENT = 300;
const recent: string[] = [];
export const recentLines = (): readonly string[] => recent;

// A reader that went away (a closed pipe, a dead terminal) makes stderr fail with EPIPE.
// Unheard, that error would be uncaught, logged, fail again, and spin forever: Fion stops
// writing there instead and carries on with its other sinks.
let stderrOpen = true;
process.stderr.on('error', () => { stderrOpen = false; });

function write(level: Level, msg: string): void {
  if (order[level] > order[threshold]) return;
  const line = `fion ${new Date().toISOString().slice(11, 23)} ${level}: ${msg}\n`;
  recent.push(line.slice(0, -1));
  if (recent.length > RECENT) recent.splice(0, recent.length - RECENT);
  if (stderrOpen) {
    try { process.stderr.write(line); } catch { stderrOpen = false; }
  }
  for (let i = 0; i < sinks.length; i++) {
    try {
      sinks[i]!(line);
    } catch (e) {
      sinks.splice(i--, 1);
      if (stderrOpen) process.stderr.write(`fion: log file: ${e instanceof Error ? e.message : String(e)}; logging to stderr alone\n`);
    }
  }
}

export const log = {
  error: (m: string): void => write('error', m),
  warn: (m: string): void => write('warn', m),
  info: (m: string): void => write('info', m),
  debug: (m: string): void => write('debug', m),
};
