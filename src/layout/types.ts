// What the layout produces: every rectangle render needs, in integer pixels.
import type { Rect, TileId, WindowId, WorkspaceId } from '../model/types.js';

export interface LayoutTheme {
  /** Height of the bar at the top of each monitor (0: no bar). */
  readonly barHeight: number;
  /** Height of each tile's tab bar (at least 1 px is used). */
  readonly tabBarHeight: number;
  /** Smallest tile width/height splits and resizes keep (default 40 px). */
  readonly minTileSize?: number;
  /** Space between tiles (inner) and between the tiles and the area's edges (outer), in
   *  pixels; smart: none on a workspace holding a single tile. Absent: no gaps. */
  readonly gaps?: Gaps;
  /** Width of the border drawn around each tile; smart: none on a workspace holding a
   *  single tile. Absent: no borders. */
  readonly borders?: Borders;
  /** A tile holding one window, shown, has no tab bar: the window gets its height. */
  readonly hideSingleTab?: boolean;
  /** Narrowest a tab gets (default MIN_TAB_WIDTH): more tabs than fit are cut to the shown one's neighbourhood. */
  readonly minTabWidth?: number;
  /** Tabs of windows with an icon show it before the title (default false). */
  readonly tabIcons?: boolean;
  /** Output name -> factor for the sizes above on that monitor (absent: 1); see monitorTheme. */
  readonly monitorScale?: Readonly<Record<string, number>>;
}

export interface Gaps {
  readonly inner: number;
  readonly outer: number;
  readonly smart: boolean;
}

export interface Borders {
  readonly width: number;
  readonly smart: boolean;
}

export interface MonitorLayout {
  readonly index: number;
  readonly name: string;
  readonly screen: number;
  readonly rect: Rect;
  /** Top strip of the monitor, barHeight high. */
  readonly bar: Rect;
  readonly workspace: WorkspaceId;
  /** The monitor's rect minus docks' reserved edges minus the bar: what the tiles cover. */
  readonly area: Rect;
}

/** A floating or fullscreen client's place (absolute root coordinates). */
export interface ClientPlacement {
  readonly client: WindowId;
  readonly rect: Rect;
  readonly monitor: number;
}

export interface TabLayout {
  readonly client: WindowId;
  readonly title: string;
  /** Inside the tab bar; equal widths, together exactly covering it. */
  readonly rect: Rect;
  readonly shown: boolean;
  readonly urgent: boolean;
  /** The client is minimised: hidden, but its tab stays to bring it back. */
  readonly minimised: boolean;
  /** Its marks (absent: none). */
  readonly marks?: readonly string[];
  /** The square its window's icon is drawn in, at the tab's left, and which icon (Client.icon);
   *  absent: no icon (none, icons off, or a tab too small), and the title has the whole tab. */
  readonly icon?: { readonly rect: Rect; readonly serial: number };
}

export interface TileLayout {
  readonly workspace: WorkspaceId;
  readonly monitor: number;
  readonly tile: TileId;
  /** The tile's share of the area: cells of a workspace exactly cover its area, and their
   *  shared edges are the splits' boundaries. Gaps included. */
  readonly cell: Rect;
  /** What the tile covers on screen: its cell less the gaps (the cell itself without gaps);
   *  its border, tab bar and client lie inside. */
  readonly rect: Rect;
  /** Width of the border inside `rect` (0: none), and its four sides: top, bottom, left,
   *  right (empty when none). */
  readonly border: number;
  readonly borderRects: readonly Rect[];
  /** What the border leaves: the tab bar on top, the client's place below (`rect` without a border). */
  readonly inside: Rect;
  /** Top tabBarHeight px inside the border; empty tiles have one too. Height 0 when hidden
   *  (hideSingleTab and one shown window). */
  readonly tabBar: Rect;
  /** One of the tile's tabs (shown in the tab bar or not) asks for attention. */
  readonly urgent: boolean;
  /** Focused tile of the focused monitor (false while a float there has the focus). */
  readonly focused: boolean;
  /** The tabs the tab bar shows: all of them, or as many as fit (MIN_TAB_WIDTH) around the shown one. */
  readonly tabs: readonly TabLayout[];
  /** Index of tabs[0] among the tile's tabs, and how many the tile has. */
  readonly firstTab: number;
  readonly tabCount: number;
}

export interface Layout {
  readonly monitors: readonly MonitorLayout[];
  readonly tiles: readonly TileLayout[];
  /** Every visible client: the shown tab of each visible tile (tile rect minus tab bar,
   *  adjusted by size hints), floats of shown workspaces that are not minimised,
   *  fullscreen clients (their monitor's whole rect). */
  readonly clients: ReadonlyMap<WindowId, Rect>;
  /** The focused monitor's workspace's focused float, else its focused tile's shown tab. */
  readonly focus: WindowId | null;
  /** Visible floats (not fullscreen ones), bottom to top per workspace. */
  readonly floating: readonly ClientPlacement[];
  /** Visible fullscreen clients: each covers its monitor's rect. */
  readonly fullscreen: readonly ClientPlacement[];
  /** Every visible client exactly once, bottom to top (see layout()). */
  readonly stacking: readonly WindowId[];
}
