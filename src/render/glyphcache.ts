// Which glyphs the server holds, pure: each (face, glyph) is rasterised once and uploaded
// once into the glyph set under an id of its own; drawing only names ids. Bounded: past
// MAX_GLYPHS (titles in many scripts) the set is dropped and filled again as text needs.
import type { GlyphImage } from '../x/render.js';
import type { Raster } from './faces.js';

export const MAX_GLYPHS = 4096;

export interface CachedGlyph {
  readonly id: number;
  readonly advance: number;
}

export class GlyphCache {
  private readonly glyphs = new Map<string, CachedGlyph | null>();
  private uploads: GlyphImage[] = [];
  private nextId = 1;
  /** Rasterisations so far (each glyph once, unless the cache was reset). */
  rasterised = 0;
  /** Times the glyph set was dropped for being full. */
  resets = 0;

  /** Glyph `gi` of face `face`, rasterised by `raster` the first time it is seen; null when it cannot be. */
  get(face: number, gi: number, raster: () => Raster | null): CachedGlyph | null {
    const key = `${face}:${gi}`;
    const known = this.glyphs.get(key);
    if (known !== undefined) return known;
    if (this.glyphs.size >= MAX_GLYPHS) this.reset();
    const r = raster();
    this.rasterised++;
    const g = r === null ? null : { id: this.nextId++, advance: r.advance };
    this.glyphs.set(key, g);
    if (r !== null && g !== null) this.uploads.push({ ...r, id: g.id });
    return g;
  }

  /** Glyphs to send before the next draw (AddGlyphs), oldest first; the list is emptied. */
  takeUploads(): GlyphImage[] {
    const u = this.uploads;
    this.uploads = [];
    return u;
  }

  /** Whether the glyph set must be made anew (a reset happened since the last call). */
  private fresh = false;
  takeFresh(): boolean {
    const f = this.fresh;
    this.fresh = false;
    return f;
  }

  get size(): number { return this.glyphs.size; }

  private reset(): void {
    this.glyphs.clear();
    this.uploads = [];
    this.nextId = 1;
    this.resets++;
    this.fresh = true;
  }
}
