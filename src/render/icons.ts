// Windows' icons in the tabs: each icon is scaled and flattened onto a tab colour once, kept
// in a pixmap of the server's, and copied into the tab bar whenever the bar is painted. The
// pixmaps of a window go when its icon changes or it goes away (prune, after each push).
import type { XPort, Screen } from '../x/port.js';
import type { WindowId } from '../x/types.js';
import type { IconImage } from '../x/icon.js';
import type { IconPainter, IconRef } from './paint.js';
import { blendOver, pickIcon, scaleIcon } from './iconimage.js';

/** A window's icon as its X state keeps it: the images, and the serial the model knows it by. */
export interface IconSet {
  readonly serial: number;
  readonly images: readonly IconImage[];
}

/** Pixmaps kept per window (one per size, screen and background): tab colours are few, but a
 *  window whose tab cycles through many (urgency, focus, reloads) starts over past this. */
const MAX_PIXMAPS_PER_WINDOW = 8;

interface Uploaded {
  readonly serial: number;
  /** `${screen}:${size}:${bg}` -> pixmap. */
  readonly pixmaps: Map<string, number>;
}

export class TabIcons implements IconPainter {
  private readonly uploaded = new Map<WindowId, Uploaded>();
  /** Icons scaled and sent so far (tests and benchmarks: each once per size and colour). */
  uploads = 0;

  constructor(private readonly x: XPort, private readonly iconOf: (w: WindowId) => IconSet | undefined) {}

  draw(screen: Screen, dst: number, gc: number, icon: IconRef, x: number, y: number, bg: number): void {
    const set = this.iconOf(icon.window);
    if (set === undefined || set.serial !== icon.serial || icon.size < 1) return; // changed since the layout: the next push draws the new one
    let up = this.uploaded.get(icon.window);
    if (up !== undefined && (up.serial !== set.serial || up.pixmaps.size >= MAX_PIXMAPS_PER_WINDOW)) {
      this.free(icon.window, up);
      up = undefined;
    }
    if (up === undefined) {
      up = { serial: set.serial, pixmaps: new Map() };
      this.uploaded.set(icon.window, up);
    }
    const key = `${screen.index}:${icon.size}:${bg}`;
    let pm = up.pixmaps.get(key);
    if (pm === undefined) {
      const img = pickIcon(set.images, icon.size);
      if (img === null) return;
      const pixels = blendOver(scaleIcon(img, icon.size), bg);
      pm = this.x.createPixmap(screen.root, screen.depth, icon.size, icon.size);
      this.x.putImage(pm, gc, 0, 0, icon.size, icon.size, screen.depth, pixels);
      up.pixmaps.set(key, pm);
      this.uploads++;
    }
    this.x.copyArea(pm, dst, gc, 0, 0, x, y, icon.size, icon.size);
  }

  /** Free the pixmaps of windows whose icon changed or that are gone. */
  prune(): void {
    for (const [w, up] of [...this.uploaded]) {
      if (this.iconOf(w)?.serial !== up.serial) this.free(w, up);
    }
  }

  /** How many pixmaps are kept (tests). */
  get kept(): number {
    let n = 0;
    for (const up of this.uploaded.values()) n += up.pixmaps.size;
    return n;
  }

  private free(w: WindowId, up: Uploaded): void {
    for (const pm of up.pixmaps.values()) this.x.freePixmap(pm);
    this.uploaded.delete(w);
  }
}
