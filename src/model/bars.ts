// Which monitors show a bar. Hidden bars give their rows to the tiles (for users
// of an external panel, or a moment of full height). Kept by output name, so a
// monitor that comes back keeps its choice.
import type { BarsHidden, Model } from './types.js';

const NONE: BarsHidden = { all: false, outputs: [] };

/** Whether the bar of monitor `index` is hidden: `all` flips the default, a listed output flips it back. */
export function barHidden(model: Model, index: number): boolean {
  const h = model.barsHidden ?? NONE;
  const name = model.monitors[index]?.name;
  return h.all !== (name !== undefined && h.outputs.includes(name));
}

/** `bar show|hide|toggle` on the focused monitor, or on every monitor with `all`. */
export function setBar(model: Model, action: 'show' | 'hide' | 'toggle', all: boolean): Model {
  const h = model.barsHidden ?? NONE;
  if (all) {
    const anyShown = model.monitors.some((_, i) => !barHidden(model, i));
    const hide = action === 'hide' || (action === 'toggle' && anyShown);
    return { ...model, barsHidden: { all: hide, outputs: [] } };
  }
  const name = model.monitors[model.focusedMonitor]?.name;
  if (name === undefined) return model;
  const hidden = barHidden(model, model.focusedMonitor);
  const hide = action === 'hide' || (action === 'toggle' && !hidden);
  if (hide === hidden) return model;
  // Flipping this output's membership flips its bar, whatever `all` says.
  const outputs = h.outputs.includes(name) ? h.outputs.filter((o) => o !== name) : [...h.outputs, name];
  return { ...model, barsHidden: { all: h.all, outputs } };
}

/** The config's `bar.hidden`: true (every bar) or a list of outputs. */
export function barsFromConfig(model: Model, hidden: boolean | readonly string[]): Model {
  return { ...model, barsHidden: hidden === true ? { all: true, outputs: [] } : { all: false, outputs: hidden === false ? [] : [...hidden] } };
}
