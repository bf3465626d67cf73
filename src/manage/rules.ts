// Which windows float rather than tile, decided from what the client says
// about itself (ICCCM, EWMH): dialogs, transients, splash screens, utility
// and notification windows, and windows that cannot be resized.
import type { Atoms } from '../x/atoms.js';
import type { ClientInfo } from './clientinfo.js';
import type { Rule } from '../config/types.js';
import { textMatches } from '../text/match.js';

export type Nature = 'dock' | 'float' | 'tile';

export function natureOf(info: Pick<ClientInfo, 'windowTypes' | 'transientFor' | 'normalHints'>, a: Atoms): Nature {
  const types = info.windowTypes;
  if (types.includes(a._NET_WM_WINDOW_TYPE_DOCK)) return 'dock';
  // EWMH: the first type the manager understands wins; NORMAL tiles even with a transient-for.
  for (const t of types) {
    if (t === a._NET_WM_WINDOW_TYPE_NORMAL) return fixedSize(info) ? 'float' : 'tile';
    if (t === a._NET_WM_WINDOW_TYPE_DIALOG || t === a._NET_WM_WINDOW_TYPE_SPLASH || t === a._NET_WM_WINDOW_TYPE_UTILITY ||
      t === a._NET_WM_WINDOW_TYPE_NOTIFICATION || t === a._NET_WM_WINDOW_TYPE_TOOLBAR || t === a._NET_WM_WINDOW_TYPE_MENU ||
      t === a._NET_WM_WINDOW_TYPE_DROPDOWN_MENU || t === a._NET_WM_WINDOW_TYPE_POPUP_MENU || t === a._NET_WM_WINDOW_TYPE_TOOLTIP) {
      return 'float';
    }
  }
  if (info.transientFor !== null) return 'float';
  return fixedSize(info) ? 'float' : 'tile';
}

/** min size == max size: the client can't be resized, so tiling it would only stretch its background. */
function fixedSize(info: Pick<ClientInfo, 'normalHints'>): boolean {
  const h = info.normalHints;
  return h.minWidth !== undefined && h.minWidth === h.maxWidth && h.minHeight !== undefined && h.minHeight === h.maxHeight;
}

/** What the config's rules say about a window: the first rule that matches and sets each
 *  action wins; `run` holds every matching rule's commands, in order. */
export function ruleActions(
  rules: readonly Rule[], w: { class: string; instance: string; title: string },
): Pick<Rule, 'float' | 'workspace' | 'sticky' | 'corner'> & { output?: string; run?: string[] } {
  const out: Pick<Rule, 'float' | 'workspace' | 'sticky' | 'corner'> & { output?: string; run?: string[] } = {};
  for (const r of rules) {
    if (!textMatches(r.match.class, w.class) || !textMatches(r.match.instance, w.instance) || !textMatches(r.match.title, w.title)) continue;
    if (out.float === undefined && r.float !== undefined) out.float = r.float;
    if (out.workspace === undefined && r.workspace !== undefined) out.workspace = r.workspace;
    if (out.sticky === undefined && r.sticky !== undefined) out.sticky = r.sticky;
    if (out.corner === undefined && r.corner !== undefined) out.corner = r.corner;
    if (out.output === undefined && r.output !== undefined) out.output = r.output;
    if (r.run !== undefined) out.run = [...(out.run ?? []), r.run];
  }
  return out;
}

