// What window management needs from the running Fion: the X connection, the one registry of
// per-window state, the model (replaced, never mutated), the config, the event queue, and
// the few X actions on shown windows that belong to the renderer.
import type { XPort } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import type { WindowId } from '../x/types.js';
import type { Config } from '../config/index.js';
import type { Model } from '../model/index.js';
import type { Monitors } from '../x/randr.js';
import type { Registry } from './registry.js';
import type { Ownership } from './takeover.js';
import type { XEvent } from '../x/events.js';
import type { ClientInfo } from './clientinfo.js';
import type { Launch, WindowOrigin } from './launches.js';

/** Work that may wait on replies, then applies its result synchronously, in event order. */
export type Job = Apply | Promise<Apply | null>;
/** A job's change to the model and the registry; false: nothing on screen changed, no render. */
export type Apply = () => void | false;

/** The system tray as the rest of window management sees it (src/manage/tray.ts). */
export interface TrayDock {
  /** Whether Fion holds the tray selection. */
  readonly running: boolean;
  /** Fion's own window that holds the tray selection. */
  isOwner(w: WindowId): boolean;
  /** An event about the tray or one of its icons: handled (queued) here, true; else false. */
  event(ev: XEvent): boolean;
  /** Dock `w`, an icon a Fion had docked, found on a root after a restart or a crash. */
  dockFound(w: WindowId): void;
  /** `w` was destroyed (a job, in event order): an icon docked since the event was read goes. */
  destroyed(w: WindowId): void;
}

export interface ManageContext {
  readonly x: XPort;
  readonly atoms: Atoms;
  readonly reg: Registry;
  model: Model;
  readonly config: Config;
  /** The windows that make Fion the manager (WM_Sn owners): never managed. */
  readonly ownership: readonly Ownership[];
  /** RandR/Xinerama monitor source; absent: the monitors never change. */
  readonly monitors: Monitors | undefined;
  /** `aside`: the screen need not wait for it (a render may go out before it applies). */
  enqueue(job: Job, what: string, aside?: boolean): void;
  /** The system tray, once it is set up. */
  readonly tray?: TrayDock;
  /** Run a rule's commands for a window that just appeared, with it as their target
   *  (absent: rules' commands are not run). */
  runForWindow?(w: WindowId, commands: string): void;
  /** Move a new tiled client, a tab of the focused tile, where the `placement` setting says
   *  (absent: it stays a tab). */
  placeNew?(model: Model, w: WindowId): Model;
  /** The launch by Fion a new window belongs to (absent: none ever does). */
  launchOf?(info: ClientInfo): Launch | null;
  /** Where a new window comes from (startup id, process ancestry), for filling placeholders. */
  originOf?(info: ClientInfo): WindowOrigin;
  readonly screen: {
    /** Map-state work on clients Fion shows: the renderer's. */
    adoptMapped(w: WindowId): void;
    unmapReleased(w: WindowId): void;
    refocus(w: WindowId | null, screen: number): void;
    reassertFocus(): void;
    /** A bar, tab bar or empty tile of Fion's own. */
    isOwnWindow(w: WindowId): boolean;
  };
}

/** Roots and Fion's own windows: never managed, whatever a client sends. */
export function isOurs(ctx: ManageContext, w: WindowId): boolean {
  return ctx.screen.isOwnWindow(w) || ctx.x.screens.some((s) => s.root === w) || ctx.ownership.some((o) => o.window === w) ||
    ctx.tray?.isOwner(w) === true;
}

/** The index of the X screen whose root is `root`, if it is one. */
export function screenOfRoot(ctx: ManageContext, root: WindowId): number | undefined {
  const i = ctx.x.screens.findIndex((s) => s.root === root);
  return i < 0 ? undefined : i;
}
