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

/**
 * WM_NORMAL_HINTS as the model uses them (ICCCM 4.1.2.3), in pixels. Every field is
 * optional: absent (or not a positive finite number) means "no constraint". See
 * src/layout/sizehints.ts for how they are applied.
 */
export interface SizeHints {
  readonly minWidth?: number;
  readonly minHeight?: number;
  readonly maxWidth?: number;
  readonly maxHeight?: number;
  /** Resize increments: sizes are base + i * inc. */
  readonly widthInc?: number;
  readonly heightInc?: number;
  /** Origin of the increments (falls back to the min size); subtracted before the
   *  aspect ratio is checked (only when given: the min size is not used for that). */
  readonly baseWidth?: number;
  readonly baseHeight?: number;
  /** Aspect ratio bounds as [numerator, denominator] = width / height. */
  readonly minAspect?: readonly [number, number];
  readonly maxAspect?: readonly [number, number];
}

/** Pixels taken from each edge of a monitor (by docks' struts). */
export interface Insets {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * An X client as the model sees it: what the bar, tab bars and rules need.
 *
 * Whether a client floats is not a field: it floats iff it is in some workspace's
 * `floating` list, tiled iff it is a tab of some tile — exactly one of the two.
 * The optional fields default as documented (absent = default), so code that builds a
 * Client with only the first five fields keeps working.
 */
export interface Client {
  readonly id: WindowId;
  /** _NET_WM_NAME, else WM_NAME, already decoded to a JS string. */
  readonly title: string;
  /** WM_CLASS instance and class ('' when absent). */
  readonly instance: string;
  readonly class: string;
  readonly urgent: boolean;
  /** While urgent: when it became urgent, as a rank (larger: more recently), kept by
   *  updateClient, so `[urgent=latest]` and `[urgent=oldest]` can pick one (default: none). */
  readonly urgentSince?: number;
  /** WM_TRANSIENT_FOR (default null). Only a *managed* client other than itself counts
   *  as a parent: a transient for one floats on the parent's workspace, centred over it,
   *  follows it to other workspaces and, if its workspace remembers no other client it
   *  focused, hands the focus back to it when it closes.
   *  Unknown ids, itself and cycles are tolerated (every walk up the chain is guarded). */
  readonly transientFor?: WindowId | null;
  /** _NET_WM_STATE_FULLSCREEN (default false): while visible, the client covers its whole
   *  monitor (bar and docks included) above everything else. */
  readonly fullscreen?: boolean;
  /** _NET_WM_STATE_MODAL (default false): while it is on its transient-for parent's
   *  workspace, the parent cannot hold the focus: focusing the parent focuses it (see
   *  settleFocus). It says nothing about floating. */
  readonly modal?: boolean;
  /** WM_NORMAL_HINTS (default: none). */
  readonly sizeHints?: SizeHints;
  /** The geometry the client asked for (at map time or by ConfigureRequest), absolute
   *  root coordinates; only the size is used, to size a float that is not pinned. */
  readonly requested?: Rect;
  /**
   * Where the client floats when pinned (moved by moveFloating, or floated without a
   * requested size), relative to the top-left corner of the rect of the monitor that
   * shows its workspace — so a workspace shown on another monitor keeps its floats at
   * the same place relative to it. Absent: the float is not pinned and the layout
   * centres it (over its parent if that is visible, else in the monitor's area).
   * Kept while the client is tiled, so floating it again puts it back where it was.
   */
  readonly floatRect?: Rect;
  /** Minimised (WM_CHANGE_STATE Iconic; default false): hidden but kept where it was, as a
   *  tab of its tile (left out of the tile's `recent`, so never its shown tab) or a float
   *  of its workspace (never its focused float). Focusing or picking it brings it back. */
  readonly minimised?: boolean;
  /** _NET_WM_STATE_MAXIMIZED_VERT / _HORZ (default false): a float fills its monitor's
   *  tiling area along that axis, and goes back to its own size when it is cleared; a tiled
   *  client already fills its tile, so for it the state is only kept. */
  readonly maximisedVert?: boolean;
  readonly maximisedHorz?: boolean;
  /** _NET_WM_STATE_STICKY, the `sticky` command (default false): a float that stays on its
   *  monitor, moving to whichever workspace the monitor shows (see sticky.ts). A tiled
   *  client keeps the flag, without effect until it floats. */
  readonly sticky?: boolean;
  /** _NET_WM_STATE_ABOVE / _BELOW (default false, never both): a float stacked over the other
   *  floats, or under them (still over the tiles). Kept, without effect, while tiled. */
  readonly above?: boolean;
  readonly below?: boolean;
  /** In the scratchpad (absent: not): a float that `scratchpad show` brings back. It is
   *  hidden while it is minimised; the number orders the hidden ones, the smallest (hidden
   *  longest ago) comes back first. See scratchpad.ts. */
  readonly scratchpad?: number;
  /** WM_WINDOW_ROLE (default ''), for criteria (`[window_role="pop-up"]`). */
  readonly role?: string;
  /** _NET_WM_WINDOW_TYPE as i3 names it (`normal`, `dialog`, `utility`...; default
   *  'normal'), for criteria and the i3 tree. */
  readonly windowType?: string;
  /** Marks (default none): names the user gave this window (`mark NAME`), each held by
   *  one window at most (see src/model/marks.ts). */
  readonly marks?: readonly string[];
  /** Its icon (_NET_WM_ICON) as a number that changes whenever the icon does (absent: it has
   *  none). The pixels stay with the window's X state; the layout only needs to know. */
  readonly icon?: number;
}

/** A window a tile waits for (from a loaded layout): every given field must match; each
 *  is exact text or /regex/. */
export interface TabMatch {
  readonly class?: string;
  readonly instance?: string;
  readonly title?: string;
}

/** A window a tile waits for: its description, and when Fion started a program for it
 *  (restoring a session), that launch's startup id and process, which match first. */
export interface Placeholder extends TabMatch {
  readonly startupId?: string;
  readonly pid?: number;
}

/** A tile tree as saved in a file (a layout, a session): splits with ratios, tiles with
 *  descriptions of the windows they held (T: TabMatch, or more for a session). */
export type SavedNode<T = TabMatch> =
  | { readonly kind: 'tile'; readonly tabs: readonly T[] }
  | { readonly kind: 'split'; readonly axis: Split['axis']; readonly ratios: readonly number[]; readonly children: readonly SavedNode<T>[] };

/** A leaf of the tile tree: holds tabs, one of them shown. */
export interface Tile {
  readonly kind: 'tile';
  readonly id: TileId;
  /** Tabs in tab-bar order. */
  readonly tabs: readonly WindowId[];
  /** The tabs that are not minimised, most recently shown first: recent[0] is the shown
   *  tab. A tile with no tab, or whose tabs are all minimised, shows none (recent = []). */
  readonly recent: readonly WindowId[];
  /** Windows this tile waits for (absent = none): a new tiled client matching one goes
   *  here first, using it up (see claimWaiting). */
  readonly waiting?: readonly Placeholder[];
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
  /** Floating clients in stacking order, the last on top (absent = none). */
  readonly floating?: readonly WindowId[];
  /**
   * Non-null: the workspace's focused client is this floating client (one of `floating`),
   * not the focused tile's shown tab. Tile and tab operations on the workspace clear it
   * (the focus goes back to the tiles). Absent = null.
   */
  readonly focusFloating?: WindowId | null;
  /**
   * The clients this workspace focused, most recent first (absent = none): its focus is
   * the first whenever it has one, and only clients on this workspace are named. When the
   * focused client closes or leaves, the focus goes back along it. See core/history.ts.
   */
  readonly history?: readonly WindowId[];
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
  /**
   * Pixels reserved by docks along each edge (absent = none), see setReserved. The
   * layout takes them off the rect first, then puts the bar at the top of what is left
   * and tiles the rest; fullscreen clients still cover the whole rect.
   */
  readonly reserved?: Insets;
  /** A hash of the EDID of the output behind it (absent: none known), which tells this
   *  physical monitor apart whatever port it is plugged into (see monitormemory.ts). */
  readonly edid?: string;
}

/** A monitor as the X side reports it, before it shows a workspace. */
export interface MonitorInfo {
  readonly name: string;
  readonly screen: number;
  readonly rect: Rect;
  /** As Monitor.edid. */
  readonly edid?: string;
}

/** One monitor of a remembered set: by identity (see monitorIdentities), the name of the
 *  workspace it showed, and those it showed before that no monitor shows, newest first. */
export interface RememberedMonitor {
  readonly id: string;
  readonly shown: string;
  readonly earlier: readonly string[];
}

/** A set of monitors connected together (key: their identities, sorted) and what each showed. */
export interface RememberedSet {
  readonly key: string;
  readonly monitors: readonly RememberedMonitor[];
}

/** What each set of monitors showed, the most recently connected set first (bounded). */
export interface MonitorMemory {
  readonly sets: readonly RememberedSet[];
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
  /**
   * Switching to a workspace another monitor shows: focus that monitor (i3, the default),
   * or swap the two workspaces so it comes here (xmonad's greedyView).
   */
  readonly shownElsewhere?: ShownElsewhere;
  /** Which monitors' bars are hidden (absent: none), see src/model/bars.ts. */
  readonly barsHidden?: BarsHidden;
  /** The workspace focused before the focused one (absent: none yet), for `workspace
   *  back_and_forth`. Every public operation that changes the focused workspace sets it. */
  readonly previousWorkspace?: WorkspaceId;
  /** Layout commands that can be undone and redone (absent: none), see src/model/undo.ts. */
  readonly undo?: UndoHistory;
  /** Which workspaces each set of monitors showed (absent: none remembered), see
   *  src/model/monitormemory.ts. */
  readonly monitorMemory?: MonitorMemory;
  /** The `placement` setting (absent: 'tab'). Under 'split' and 'master' a tile that its
   *  last window leaves goes, and its neighbours take its space (see core/emptied.ts); under
   *  'tab' it stays, empty, where the user made it. */
  readonly placement?: NewPlacement;
}

/** Where a new tiled window goes, and what becomes of the tile its last window leaves (see
 *  src/model/placement.ts and core/emptied.ts). tab: a tab of the focused tile; tiles are the
 *  user's own. split: the focused tile is cut in two along its longer side and the window
 *  takes the new half (bspwm, i3's autotiling). master: one large tile on the left and a
 *  stack of tiles on the right (dwm, xmonad). */
export type NewPlacement = 'tab' | 'split' | 'master';

/** The layout part of a model, as undo keeps it: plain data (JSON-safe). */
export interface LayoutSnapshot {
  readonly workspaces: readonly Workspace[];
  /** Which workspace each monitor showed, by output name, in monitor order. */
  readonly shown: readonly { readonly monitor: string; readonly workspace: WorkspaceId }[];
  /** The focused monitor's name (null: there was none). */
  readonly focusedMonitor: string | null;
  /** Where `workspace back_and_forth` went (absent: nowhere yet). */
  readonly previousWorkspace?: WorkspaceId;
  /** The clients' own layout state. */
  readonly clients: readonly LayoutFlags[];
}

/** A client's own part of the layout (each absent as in the Client). */
export type LayoutFlags = { readonly id: WindowId } & Pick<Client, 'fullscreen' | 'minimised' | 'maximisedVert' | 'maximisedHorz' | 'floatRect' | 'sticky' | 'above' | 'below' | 'scratchpad'>;

/** A command that changed the layout (`tile kill`) and the layout before it. */
export interface UndoStep {
  readonly label: string;
  readonly before: LayoutSnapshot;
}

/** One history for the whole desktop: `past` ends with the step undo takes back, `future`
 *  with the one redo applies again. */
export interface UndoHistory {
  readonly past: readonly UndoStep[];
  readonly future: readonly UndoStep[];
}

/** Bars hidden: every one when `all`, except on the outputs listed (or, without `all`, only those). */
export interface BarsHidden {
  readonly all: boolean;
  readonly outputs: readonly string[];
}

export type ShownElsewhere = 'focus' | 'swap';
