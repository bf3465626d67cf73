// Starting from the state a restart left: the saved model on today's monitors.
import { existsSync } from 'node:fs';
import { setMonitors, type Model, type MonitorInfo } from '../model/index.js';
import { readStateFile } from '../persist/statefile.js';
import { log } from '../log.js';

/**
 * The model to start with: the saved one if `path` holds a usable state for `display`
 * (monitors matched by name: setMonitors), else `fresh`. `plain` (the supervisor's
 * fallback after a restarted Fion failed) ignores the file and leaves it in place.
 */
export function startingModel(fresh: Model, monitors: readonly MonitorInfo[], path: string, display: string, plain: boolean): { model: Model; restored: boolean } {
  if (plain) {
    if (existsSync(path)) log.warn(`plain start: ignoring the saved state, left in ${path}`);
    return { model: fresh, restored: false };
  }
  const read = readStateFile(path, display);
  if (read.kind === 'none') return { model: fresh, restored: false };
  if (read.kind === 'rejected') {
    log.warn(`state file ${path} not used: ${read.why}${read.keptAs === null ? '' : `; kept as ${read.keptAs}`}`);
    return { model: fresh, restored: false };
  }
  log.info(`restoring the layout saved ${Math.max(0, Date.now() - read.savedAt)} ms ago`);
  return { model: { ...setMonitors(read.model, monitors), message: null }, restored: true };
}
