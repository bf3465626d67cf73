// What the screen should look like, as data: the renderer diffs one Scene
// against the last one it pushed and sends only the difference.
import type { Cell } from './paint.js';
import type { Rect, WindowId } from '../model/types.js';

/** A strip Fion draws itself: a monitor's bar or a tile's tab bar. */
export interface Strip {
  /** Stable identity: 'bar:<monitor>' or 'tabs:<tile id>'. */
  readonly key: string;
  readonly screen: number;
  readonly rect: Rect;
  readonly bg: number;
  readonly cells: readonly (Cell & { readonly tag?: string })[];
  /** _NET_WM_NAME to publish (the bar's text), if any. */
  readonly name?: string;
  /** WM_CLASS instance, class. */
  readonly wmClass: readonly [string, string];
}

export interface Scene {
  readonly strips: readonly Strip[];
  /** Visible clients and where they go. Everything managed and absent here is hidden. */
  readonly clients: ReadonlyMap<WindowId, Rect>;
  readonly focus: WindowId | null;
  /** Clients above the tiles and Fion's strips (floats, then fullscreen), bottom to top. */
  readonly raised: readonly WindowId[];
}
