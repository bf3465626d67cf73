// The bounds of the monitor memory (see ../monitormemory.ts), kept however the memory was
// made: by remembering, or read from a file.
import type { MonitorMemory } from '../types.js';

/** How many sets of monitors are remembered; the one connected longest ago is forgotten first. */
export const MAX_REMEMBERED_SETS = 16;
/** How many earlier workspaces a monitor remembers. */
export const MAX_EARLIER = 32;

/** The memory with its limits applied: at most MAX_REMEMBERED_SETS sets, of distinct keys. */
export function boundedMemory(memory: MonitorMemory): MonitorMemory {
  const seen = new Set<string>();
  const sets = memory.sets.filter((s) => !seen.has(s.key) && seen.add(s.key) !== undefined).slice(0, MAX_REMEMBERED_SETS)
    .map((s) => ({ key: s.key, monitors: s.monitors.map((m) => ({ id: m.id, shown: m.shown, earlier: m.earlier.slice(0, MAX_EARLIER) })) }));
  return { sets };
}
