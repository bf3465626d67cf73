// Xft.dpi, as i3 and GTK read it: from the X resources on the root window (RESOURCE_MANAGER,
// what `xrdb` sets). Fion's sizes in pixels are pixels at 96 dpi; this says how to scale them.
import type { XPort } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import { isFailure } from '../x/types.js';

/** The resources Fion reads at most (xrdb databases are a few KiB). */
const MAX_RESOURCE_BYTES = 256 * 1024;
/** Dots per inch Fion believes: anything outside is a typo, not a screen. */
const MIN_DPI = 48;
const MAX_DPI = 480;

/** Xft.dpi in X resources text ("Xft.dpi:\t192"), or null when absent or not a sane number. */
export function xftDpi(resources: string): number | null {
  let found: number | null = null;
  for (const line of resources.split('\n')) {
    const m = /^\s*Xft\.dpi\s*:\s*([0-9]+(?:\.[0-9]+)?)\s*$/.exec(line);
    if (m === null) continue;
    const dpi = Number(m[1]);
    if (Number.isFinite(dpi) && dpi >= MIN_DPI && dpi <= MAX_DPI) found = dpi; // the last one wins, as in xrdb
  }
  return found;
}

/** The scale of pixels-at-96-dpi on this display: Xft.dpi / 96, or 1 without one. */
export async function readScale(x: XPort, atoms: Atoms): Promise<number> {
  const root = x.screens[0]?.root;
  if (root === undefined) return 1;
  const p = await x.getProperty(root, atoms.RESOURCE_MANAGER, 0, MAX_RESOURCE_BYTES / 4);
  if (isFailure(p) || p === null || p.format !== 8) return 1;
  const dpi = xftDpi(p.data.toString('latin1'));
  return dpi === null ? 1 : dpi / 96;
}
