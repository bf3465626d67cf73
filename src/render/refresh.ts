// One refresh of the screen: the layout of the model, the scene built from it and the
// bars' segments, the difference pushed to X, EWMH told, and whoever listens notified.
// Every turn of the event loop that changed anything ends here, once.
import { layout, type Layout, type LayoutTheme } from '../layout/index.js';
import type { Model } from '../model/index.js';
import type { Segment } from '../bar/content.js';
import { buildScene, type Look } from './build.js';
import type { Renderer } from './push.js';
import type { EwmhPublisher } from '../manage/ewmh.js';

export interface RefreshHost {
  readonly model: Model;
  readonly theme: LayoutTheme;
  readonly renderer: Renderer;
  readonly ewmh: EwmhPublisher;
  readonly bars: {
    segments(lay: Layout, model: Model): Segment[][];
    look(): Look;
    /** Bars-only redraws draw against this render from now on. */
    rendered(lay: Layout, model: Model): void;
  };
  /** After the push (the control socket derives its events here). */
  rendered(): void;
}

export function refresh(h: RefreshHost): void {
  const model = h.model;
  const lay = layout(model, h.theme);
  // The clients first, in a write of their own: a new window is shown while its tab bar and
  // the bars are still being built.
  h.renderer.placeClients(lay.clients);
  h.renderer.push(buildScene(lay, h.bars.segments(lay, model), h.bars.look()));
  h.bars.rendered(lay, model);
  h.ewmh.publish(model, lay.stacking, lay.monitors.map((m) => m.area));
  h.rendered();
}
