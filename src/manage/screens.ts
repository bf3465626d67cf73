// The screen's edges at run time: monitors re-read on a hot-plug or a resize, and the
// edges docks reserve with their struts.
import type { WindowId } from '../x/types.js';
import { isFailure } from '../x/types.js';
import { decodeStrut } from '../x/props.js';
import { monitorSetKey, pinWorkspaces, recallMonitors, reservedFromStruts, setMonitors, setReserved } from '../model/index.js';
import { monitorInfos, sameMonitors } from './monitors.js';
import type { ManageContext } from './context.js';
import { log } from '../log.js';

/** Recompute every monitor's reserved edges from the struts of the docks on its X screen
 *  (a strut is relative to its own root's edges). */
export function updateReserved(ctx: ManageContext): void {
  const docks = [...ctx.reg.docks.values()];
  const monitors = ctx.model.monitors;
  for (const screen of ctx.x.screens) {
    const struts = docks.flatMap((d) => (d.strut === null || d.screen !== screen.index ? [] : [d.strut]));
    const mine = monitors.flatMap((m, i) => (m.screen === screen.index ? [i] : []));
    const insets = reservedFromStruts(mine.map((i) => monitors[i]!.rect), screen, struts);
    insets.forEach((ins, k) => { ctx.model = setReserved(ctx.model, mine[k]!, ins); });
  }
}

/** A dock changed its strut: read it and reserve its edge anew. */
export function onStrut(ctx: ManageContext, w: WindowId): Promise<(() => void) | null> {
  const a = ctx.atoms;
  return Promise.all([ctx.x.getProperty(w, a._NET_WM_STRUT_PARTIAL, 0, 12), ctx.x.getProperty(w, a._NET_WM_STRUT, 0, 4)])
    .then(([p, q]) => () => {
      const d = ctx.reg.docks.get(w);
      if (d === undefined) return;
      d.strut = decodeStrut(isFailure(p) ? null : p, isFailure(q) ? null : q);
      updateReserved(ctx);
    });
}

/** Read the monitors again (hot-plug, resize); apply them in event order. Workspaces of
 *  vanished monitors stay; a new monitor gets a workspace of its own (setMonitors), or, in
 *  a set of monitors connected before, the one it showed then (recallMonitors). */
export function rereadMonitors(ctx: ManageContext, why: string): void {
  const source = ctx.monitors;
  if (source === undefined) return;
  ctx.enqueue(source.read().then((read) => () => {
    const infos = monitorInfos(read);
    if (sameMonitors(infos, ctx.model.monitors)) return;
    log.info(`${why}: monitors ${infos.map((m) => `${m.name} ${m.rect.width}x${m.rect.height}+${m.rect.x}+${m.rect.y}`).join(', ')}`);
    const before = new Set(ctx.model.monitors.map((m) => m.name));
    const previous = ctx.model.monitors;
    ctx.model = setMonitors(ctx.model, infos);
    // A set of monitors connected before: the monitors that came show again what they showed.
    if (ctx.config.monitors.remember && monitorSetKey(ctx.model.monitors) !== monitorSetKey(previous)) {
      ctx.model = recallMonitors(ctx.model, ctx.config.workspaceOutputs, previous);
    }
    // An output that (re)appears takes the workspaces pinned to it.
    const added = new Set(infos.map((m) => m.name).filter((n) => !before.has(n)));
    if (added.size > 0) ctx.model = pinWorkspaces(ctx.model, ctx.config.workspaceOutputs, added);
    updateReserved(ctx);
  }), why);
}
