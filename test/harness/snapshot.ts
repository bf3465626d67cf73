// Everything a user (or a pager) can see of a session, to compare before and after a
// restart or a crash.
import type { Observer } from './observer.js';

/** Everything a user (or a pager) can see of the session. */
export async function sessionSnapshot(obs: Observer): Promise<Record<string, unknown>> {
  const root = obs.root();
  const windows: Record<string, unknown> = {};
  const list = await obs.clientList();
  for (const w of [...list].sort((a, b) => a - b)) {
    windows[`0x${w.toString(16)}`] = {
      title: await obs.text(w),
      geometry: await obs.geometry(w),
      map: await obs.mapState(w),
      wmState: (await obs.cardinals(w, 'WM_STATE'))[0],
      desktop: await obs.cardinals(w, '_NET_WM_DESKTOP'),
      netState: (await obs.cardinals(w, '_NET_WM_STATE')).sort(),
    };
  }
  const strips = async (klass: string): Promise<string[]> => {
    const out: { x: number; y: number; text: string }[] = [];
    for (const w of await obs.findByClass(klass)) {
      if (!(await obs.isViewable(w))) continue;
      const g = (await obs.geometry(w))!;
      out.push({ x: g.x, y: g.y, text: `${g.width}x${g.height}+${g.x}+${g.y} ${(await obs.text(w)) ?? ''}` });
    }
    return out.sort((a, b) => a.x - b.x || a.y - b.y).map((o) => o.text);
  };
  return {
    list,
    windows,
    focus: await obs.focus(),
    active: await obs.cardinals(root, '_NET_ACTIVE_WINDOW'),
    currentDesktop: await obs.cardinals(root, '_NET_CURRENT_DESKTOP'),
    desktops: await obs.cardinals(root, '_NET_NUMBER_OF_DESKTOPS'),
    names: await obs.text(root, '_NET_DESKTOP_NAMES'),
    bars: await strips('fion-bar'),
    tabBars: await strips('fion-tabs'),
  };
}

