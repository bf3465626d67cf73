// Dropdowns on the X side: which managed window is a dropdown's, and taking the window
// of a dropdown whose program Fion started when it appears.
import type { WindowId } from '../x/types.js';
import type { Dropdown } from '../config/types.js';
import { inScratchpad, toggleDropdown, type Model } from '../model/index.js';
import { textMatches } from '../text/match.js';
import type { ManageContext } from './context.js';

/** How long a started program may take to show its window before a press starts it again. */
export const DROPDOWN_PATIENCE_MS = 10_000;

type Named = { readonly class: string; readonly instance: string; readonly title: string };

export function dropdownMatches(d: Dropdown, w: Named): boolean {
  return textMatches(d.match.class, w.class) && textMatches(d.match.instance, w.instance) && textMatches(d.match.title, w.title);
}

/** The dropdown's window: one in the scratchpad that matches, else any managed one that does. */
export function dropdownWindow(model: Model, d: Dropdown): WindowId | null {
  let any: WindowId | null = null;
  for (const c of model.clients.values()) {
    if (!dropdownMatches(d, c)) continue;
    if (inScratchpad(model, c.id)) return c.id;
    any ??= c.id;
  }
  return any;
}

/** A new window: if it matches a dropdown whose program Fion started, it becomes that
 *  dropdown, shown. */
export function takeDropdown(ctx: ManageContext, w: WindowId, info: Named): void {
  for (const name of ctx.reg.dropdownsAsked.keys()) {
    const d = ctx.config.dropdowns.find((x) => x.name === name);
    if (d === undefined) ctx.reg.dropdownsAsked.delete(name);
    else if (dropdownMatches(d, info)) {
      ctx.reg.dropdownsAsked.delete(name);
      ctx.model = toggleDropdown(ctx.model, w, d.place);
      return;
    }
  }
}
