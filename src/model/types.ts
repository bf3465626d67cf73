// The model's vocabulary. Plain immutable data: no X, no I/O. Every operation
// in src/model/ takes a Model and returns a new one.

/** An X window id as the model knows it. Same brand as src/x's WindowId. */
export type WindowId = number & { readonly __brand: 'WindowId' };
/** Identifies a tile or split inside the model; never reused within a run. */
export type TileId = number & { readonly __brand: 'TileId' };
/** Identifies a workspace; stable while the workspace exists, never reused. */
export type WorkspaceId = number & { readonly __brand: 'WorkspaceId' };

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An X client as the model sees it: what the bar, tab bars and rules need. */
export interface Client {
  readonly id: WindowId;
  /** _NET_WM_NAME, else WM_NAME, already decoded to a JS string. */
  readonly title: string;
  /** WM_CLASS instance and class ('' when absent). */
  readonly instance: string;
  readonly class: string;
  readonly urgent: boolean;
}

/** A leaf of the tile tree: holds tabs, one of them shown. */
export interface Tile {
  readonly kind: 'tile';
  readonly id: TileId;
  /** Tabs in tab-bar order. */
  readonly tabs: readonly WindowId[];
  /** Tabs most recently shown first; tabs[...] as a set equals recent as a set.
   *  recent[0] is the shown tab (null-free: an empty tile has recent = []). */
  readonly recent: readonly WindowId[];
}

/**
 * An inner node: children laid out along one axis.
 * 'row': children side by side, left to right (made by a vertical dividing line).
 * 'column': children stacked, top to bottom (made by a horizontal dividing line).
 */
export interface Split {
  readonly kind: 'split';
  readonly id: TileId;
  readonly axis: 'row' | 'column';
  readonly children: readonly Node[];
  /** One per child, each > 0, summing to 1. */
  readonly ratios: readonly number[];
}

export type Node = Tile | Split;

export interface Workspace {
  readonly id: WorkspaceId;
  readonly name: string;
  readonly root: Node;
  /** The focused tile of this workspace (always a Tile in root). */
  readonly focus: TileId;
}

/** A rectangle of the screen that shows one workspace and one bar. */
export interface Monitor {
  /** Output name ('screen0' etc. when unknown). */
  readonly name: string;
  /** X screen number the monitor belongs to. */
  readonly screen: number;
  readonly rect: Rect;
  /** The workspace it shows. Two monitors never show the same workspace. */
  readonly workspace: WorkspaceId;
}

export interface Model {
  readonly clients: ReadonlyMap<WindowId, Client>;
  /** In user order (index 0 is workspace 1 in the bar). */
  readonly workspaces: readonly Workspace[];
  readonly monitors: readonly Monitor[];
  /** Index into monitors. */
  readonly focusedMonitor: number;
  /** Counter for fresh TileIds / WorkspaceIds. */
  readonly nextId: number;
  /** A short message for the bar ("can't kill the last tile"), or null. */
  readonly message: string | null;
}
