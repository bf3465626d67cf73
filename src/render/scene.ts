// What the screen should look like, as data: the renderer diffs one Scene
// against the last one it pushed and sends only the difference.
import type { Cell } from './paint.js';
import type { Rect, TileId, WindowId } from '../model/types.js';

/** Which strip a window of Fion's is: a monitor's bar, a tile's tab bar, an empty tile's body
 *  or a side of a tile's border. */
export type StripTarget =
  | { readonly kind: 'bar'; readonly monitor: number }
  | { readonly kind: 'tabs'; readonly tile: TileId }
  | { readonly kind: 'body'; readonly tile: TileId }
  /** One side of a tile's border: 0 top, 1 bottom, 2 left, 3 right. */
  | { readonly kind: 'border'; readonly tile: TileId; readonly side: number };

/** What a click on a cell means, for the cells a click can mean something on. */
export type CellTarget =
  | { readonly kind: 'tab'; readonly index: number }
  | { readonly kind: 'workspace'; readonly index: number }
  | { readonly kind: 'status'; readonly block: number }
  | { readonly kind: 'clock' }
  /** The keyboard layout's name: a click switches to the next layout. */
  | { readonly kind: 'keyboard' }
  /** The room left for the system tray's icons (their own windows lie on top of it). */
  | { readonly kind: 'tray' }
  | { readonly kind: 'title' };

export type SceneCell = Cell & { readonly target?: CellTarget };

/** A strip Fion draws itself: a monitor's bar or a tile's tab bar. */
export interface Strip {
  readonly target: StripTarget;
  readonly screen: number;
  readonly rect: Rect;
  readonly bg: number;
  readonly cells: readonly SceneCell[];
  /** _NET_WM_NAME to publish (the bar's text), if any. */
  readonly name?: string;
  /** WM_CLASS instance, class. */
  readonly wmClass: readonly [string, string];
  /** The scale its text is drawn at: its monitor's (monitors.scale); absent: 1. */
  readonly scale?: number;
}

/** A strip's identity across scenes: the same bar or tile gets the same window. */
export function stripKey(t: StripTarget): string {
  return t.kind === 'bar' ? `bar:${t.monitor}` : t.kind === 'border' ? `border:${t.tile}:${t.side}` : `${t.kind}:${t.tile}`;
}

export interface Scene {
  readonly strips: readonly Strip[];
  /** Visible clients and where they go. Everything managed and absent here is hidden. */
  readonly clients: ReadonlyMap<WindowId, Rect>;
  readonly focus: WindowId | null;
  /** Clients above the tiles and Fion's strips (floats, then fullscreen), bottom to top. */
  readonly raised: readonly WindowId[];
}
