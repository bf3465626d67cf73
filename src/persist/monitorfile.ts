// The monitor memory across runs of Fion: $XDG_STATE_HOME/fion/monitors.json (beside the
// log), so the sets of monitors a laptop is docked to are known again after a reboot.
// Written whole or not at all (temp file + rename); a file that cannot be used costs a
// log line and is written over with what this run remembers.
import { dirname, join } from 'node:path';
import { memoryFromJson, memoryToJson, type MonitorMemory } from '../model/index.js';
import { logFilePath } from './logfile.js';
import { readFileCapped } from './readfile.js';
import { writeFileWhole } from './writefile.js';
import { log } from '../log.js';

const FORMAT = 'fion-monitors';
const VERSION = 1;
/** Sixteen sets of a few monitors are a few kilobytes; more is not a file Fion wrote. */
const MAX_BYTES = 256 * 1024;

export function monitorFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(logFilePath(env)), 'monitors.json');
}

/** The memory in the file, or null (none yet, or unusable: said in the log). */
export function readMonitorFile(path: string): MonitorMemory | null {
  const read = readFileCapped(path, MAX_BYTES);
  if (read.kind === 'missing') return null;
  const why = ((): string | MonitorMemory => {
    if (read.kind !== 'text') return read.message;
    let v: unknown;
    try { v = JSON.parse(read.text); } catch (e) { return `not JSON (${e instanceof Error ? e.message : String(e)})`; }
    const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    if (o.format !== FORMAT) return 'not a Fion monitor memory';
    if (o.version !== VERSION) return `format ${String(o.version)}, this Fion reads ${VERSION}`;
    const m = memoryFromJson(o.memory);
    return m.ok ? m.memory : m.error;
  })();
  if (typeof why !== 'string') return why;
  log.warn(`monitor memory ${path} ignored: ${why}`);
  return null;
}

/** Write the memory; throws when it cannot be written. */
export function writeMonitorFile(path: string, memory: MonitorMemory): void {
  writeFileWhole(path, `${JSON.stringify({ format: FORMAT, version: VERSION, memory: memoryToJson(memory) })}\n`);
}

/** The file as one run keeps it: read once at start, written when the memory changed. */
export class MonitorFile {
  private written: MonitorMemory | undefined;
  private failing = false;

  constructor(readonly path: string) {}

  load(): MonitorMemory | null {
    const m = readMonitorFile(this.path);
    this.written = m ?? undefined;
    return m;
  }

  /** Write `memory` if it is not what was written last. A failure is logged once until a write works. */
  save(memory: MonitorMemory | undefined): void {
    if (memory === undefined || memory === this.written) return;
    try {
      writeMonitorFile(this.path, memory);
      this.written = memory;
      this.failing = false;
    } catch (e) {
      if (!this.failing) log.warn(`cannot write the monitor memory ${this.path}: ${e instanceof Error ? e.message : String(e)}`);
      this.failing = true;
    }
  }
}
