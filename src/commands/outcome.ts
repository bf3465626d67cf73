// What running a command yields: the new model, and the effects the model cannot carry
// out itself (spawning, closing windows, files). Verb handlers need only this, not the
// list of verbs, so it stands apart from it.
import { focusedClient } from '../model/index.js';
import type { Model, SavedLayout, WindowId } from '../model/index.js';
import type { LayoutTheme } from '../layout/index.js';
import type { Level } from '../log.js';

export type Effect =
  | { readonly kind: 'spawn'; readonly argv: readonly string[] }
  | { readonly kind: 'terminal' }
  | { readonly kind: 'close'; readonly window: WindowId }
  | { readonly kind: 'exit' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'reload' }
  | { readonly kind: 'mode'; readonly name: string }
  | { readonly kind: 'prompt'; readonly command: string }
  | { readonly kind: 'message'; readonly text: string }
  /** Say something in the bar that is not a refusal (`undo: tile kill`). */
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'log-level'; readonly level: Level }
  /** Write the layout to the file (Wm does the I/O). */
  | { readonly kind: 'layout-save'; readonly path: string; readonly layout: SavedLayout }
  /** Read a layout from the file and load it where the focused tile is. */
  | { readonly kind: 'layout-load'; readonly path: string }
  /** Save, restore or forget the session (Wm does the I/O and starts the programs). */
  | { readonly kind: 'session'; readonly action: 'save' | 'restore' | 'forget' }
  /** Show or hide the config's dropdown `name` (Wm knows the config, starts its program). */
  | { readonly kind: 'dropdown'; readonly name: string };

export interface CommandContext {
  readonly theme: LayoutTheme;
  /** Resize step as a fraction of the split that owns the border (e.g. 0.05). */
  readonly resizeStep: number;
  /** The window criteria picked for this run (`[class=x] mark m`), for verbs that act on
   *  a given window rather than the focused one (see executeForEach). */
  readonly target?: WindowId;
  /** `workspace goto N` of the focused workspace goes back to the previous one. */
  readonly autoBackAndForth?: boolean;
}

export interface Outcome {
  readonly model: Model;
  readonly effects: readonly Effect[];
}

/** The model changed (or not); nothing for the X side to do. */
export const only = (model: Model): Outcome => ({ model, effects: [] });

/** Ask the focused window to close; its removal arrives later as an event. */
export function closeFocused(model: Model): Outcome {
  const window = focusedClient(model);
  return { model, effects: window === null ? [] : [{ kind: 'close', window }] };
}
