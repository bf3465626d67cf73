// Marks: names the user gives windows (`mark mail`), as i3's marks. A mark names one window
// at most: marking another window with it moves it there. Criteria find windows by them
// (`[con_mark="mail"] focus`), and a window can be sent to a marked window's tile.
import { detachFloats, focusBack, focusWithin } from './core/focus.js';
import { findClient, focusedClient, parentOf, updateClient, updateTile, updateWorkspace, workspaceById } from './core/queries.js';
import { withTabAs, withoutTab } from './core/tile.js';
import type { Model, WindowId } from './types.js';

export type MarkHow = 'replace' | 'add' | 'toggle';

/** The window holding mark `name`, or null. */
export function windowOfMark(model: Model, name: string): WindowId | null {
  for (const c of model.clients.values()) if (c.marks?.includes(name) === true) return c.id;
  return null;
}

/** Every mark, in no particular order (i3's GET_MARKS). */
export function allMarks(model: Model): string[] {
  return [...model.clients.values()].flatMap((c) => c.marks ?? []);
}

/** `name` taken off every window (absent: every mark of every window). */
export function unmark(model: Model, name: string | null, only: WindowId | null = null): Model {
  let next = model;
  for (const c of model.clients.values()) {
    if (c.marks === undefined || c.marks.length === 0 || (only !== null && c.id !== only)) continue;
    const kept = name === null ? [] : c.marks.filter((m) => m !== name);
    if (kept.length !== c.marks.length) next = updateClient(next, c.id, { marks: kept });
  }
  return next;
}

/**
 * Mark window `id` with `name`: `replace` makes it the window's only mark, `add` adds it,
 * `toggle` takes it off if the window has it, else adds it (with `add`'s rule: other marks
 * stay; i3's `mark --toggle` without `--add` replaces them, see `toggleReplaces`).
 * The mark leaves whichever window had it.
 */
export function mark(model: Model, id: WindowId, name: string, how: MarkHow, toggleReplaces = true): Model {
  const c = model.clients.get(id);
  if (c === undefined || name === '') return model;
  const had = c.marks ?? [];
  if (how === 'toggle' && had.includes(name)) return updateClient(model, id, { marks: had.filter((m) => m !== name) });
  const cleared = unmark(model, name);
  const now = cleared.clients.get(id)?.marks ?? [];
  const replace = how === 'replace' || (how === 'toggle' && toggleReplaces);
  return updateClient(cleared, id, { marks: replace ? [name] : [...now, name] });
}

/**
 * Move window `id` into the tile of the window marked `name`, as its newest tab (a float
 * is tiled there; the floats transient for it stay on their workspace). The reason instead
 * when the mark names no window or a floating one (a float has no tile).
 */
export function moveToMark(model: Model, id: WindowId, name: string): Model | string {
  const target = windowOfMark(model, name);
  if (target === null) return `no window is marked "${name}"`;
  const to = findClient(model, target);
  const at = findClient(model, id);
  if (to === null || at === null) return `no window is marked "${name}"`;
  if (to.floating) return `the window marked "${name}" floats: it has no tile to move to`;
  if (target === id || (!at.floating && at.tile === to.tile)) return model;
  const focused = focusedClient(model) === id;
  let next = at.floating
    ? detachFloats(model, at.workspace, [id], parentOf(model, id), false)
    : updateWorkspace(model, at.workspace, (w) => updateTile(w, at.tile, (t) => withoutTab(t, id)));
  if (!at.floating) next = focusBack(next, workspaceById(model, at.workspace)!, new Set([id])) ?? next;
  const minimised = model.clients.get(id)?.minimised === true;
  next = updateWorkspace(next, to.workspace, (w) => updateTile(w, to.tile, (t) => withTabAs(t, id, minimised)));
  // Moved within its workspace while focused, it keeps the focus where it went.
  return focused && to.workspace === at.workspace && !minimised ? focusWithin(next, id) : next;
}
