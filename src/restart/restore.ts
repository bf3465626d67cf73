// Starting from the state a restart or a crash left: the saved model on today's monitors.
import { existsSync, renameSync } from 'node:fs';
import { setMonitors, type Model, type MonitorInfo } from '../model/index.js';
import { readStateFile } from '../persist/statefile.js';
import { log } from '../log.js';

/**
 * The model to start with: the saved one if Fion was started again (a restart, a crash)
 * and `path` holds a usable state for `display` (monitors matched by name: setMonitors),
 * else `fresh`. A first start checks the file only to set aside one that is garbage: a
 * valid one belongs to an earlier run and is written over. `plain` (the supervisor's
 * fallback after a restored start failed or crashed) keeps the file as `<path>.failed`.
 */
export function startingModel(
  fresh: Model, monitors: readonly MonitorInfo[], path: string, display: string,
  how: { readonly restarted: boolean; readonly plain: boolean },
): { model: Model; restored: boolean } {
  if (how.plain) {
    if (existsSync(path)) {
      const keptAs = `${path}.failed`;
      try { renameSync(path, keptAs); } catch { /* gone meanwhile: nothing to keep */ }
      log.warn(`plain start: ignoring the saved state, kept as ${keptAs}`);
    }
    return { model: fresh, restored: false };
  }
  const read = readStateFile(path, display);
  if (read.kind === 'none') return { model: fresh, restored: false };
  if (read.kind === 'rejected') {
    log.warn(`state file ${path} not used: ${read.why}${read.keptAs === null ? '' : `; kept as ${read.keptAs}`}`);
    return { model: fresh, restored: false };
  }
  if (!how.restarted) {
    log.info(`state file ${path} is from an earlier run; starting afresh`);
    return { model: fresh, restored: false };
  }
  log.info(`restoring the layout saved ${Math.max(0, Date.now() - read.savedAt)} ms ago`);
  if (read.undoDropped !== undefined) log.warn(`the undo history in ${path} was not usable (${read.undoDropped}); starting with none`);
  return { model: { ...setMonitors(read.model, monitors), message: null }, restored: true };
}
