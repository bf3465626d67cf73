// Taking windows under management and letting them go (ICCCM 4.1.3-4.1.4): a MapRequest,
// a window found at start-up, one that comes back to a root; a withdrawal, a destroy, a
// reparent away. Whether a job still applies is decided when it runs, in event order.
import type { WindowId } from '../x/types.js';
import { WmState } from '../x/protocol.js';
import { EventMask, isFailure } from '../x/types.js';
import type { NormalHints } from '../x/props.js';
import {
  addClient, claimWaiting, ensureWorkspace, moveClientTo, pinToCorner, placeLaunched, removeClient, restoreClient, setSticky, updateClient, type SizeHints,
} from '../model/index.js';
import { fetchClientInfo, windowTypeName, type ClientInfo } from './clientinfo.js';
import { manageWindow, markSeen, releaseWithdrawn, scrubSuccessor, wantsManagement } from './clients.js';
import { natureOf, ruleActions } from './rules.js';
import { takeDropdown } from './dropdowns.js';
import { updateReserved } from './screens.js';
import { readIcon } from './icon.js';
import { isOurs, screenOfRoot, type Job, type ManageContext } from './context.js';
import { log } from '../log.js';

/** The stacking states a client may set before it maps (EWMH): sticky, above, below. */
function statesAsked(net: readonly number[], a: ManageContext['atoms']): { sticky?: true; above?: true; below?: true } {
  const has = (atom: number): boolean => net.includes(atom);
  return {
    ...(has(a._NET_WM_STATE_STICKY) ? { sticky: true } : {}),
    ...(has(a._NET_WM_STATE_BELOW) ? { below: true } : has(a._NET_WM_STATE_ABOVE) ? { above: true } : {}),
  };
}

/** ICCCM size hints as the model keeps them. */
export function sizeHintsOf(h: NormalHints): SizeHints {
  const { position: _position, gravity: _gravity, ...hints } = h;
  return hints;
}

/**
 * How a window came to be considered: its client's MapRequest; a synthetic one (`forged`,
 * which can name any window); found at start-up or back on a root (`found`: managed only if
 * mapped, or Iconic: hidden by a manager before); found at a start after a crash, when an
 * unmapped window no Fion has seen may be one whose map request died with the last Fion;
 * `successor`: a window with the id of a client just destroyed (the server hands a closed
 * connection's ids to the next one), on which requests Fion sent for the old window may have
 * landed: managed only if mapped (by a map of Fion's), otherwise cleared of what Fion set.
 */
export type Arrival = 'request' | 'forged' | 'found' | 'found-after-crash' | 'successor';

/** Manage `w` (a child of `parent`, a root) once its properties are read. */
export function manage(ctx: ManageContext, w: WindowId, parent: WindowId, how: Arrival): Promise<(() => void) | null> {
  const adopting = how === 'found' || how === 'found-after-crash' || how === 'successor';
  const forged = how === 'forged';
  return fetchClientInfo(ctx.x, ctx.atoms, w).then((info) => () => {
    const reg = ctx.reg;
    // A minimised client maps its window again to bring it back (ICCCM 4.1.4).
    if (info !== null && reg.clients.has(w) && !adopting && !forged) ctx.model = restoreClient(ctx.model, w);
    if (info === null || reg.clients.has(w) || reg.docks.has(w) || reg.tray.has(w) || isOurs(ctx, w)) return;
    // An icon of Fion's tray, back on the root after a restart or a crash: into the tray again.
    // Only one found so: a window that asks for a map is a window to manage, whatever it was.
    if (adopting && info.trayIcon && !info.inputOnly && info.mapState === 'viewable' && !reg.mapAsked.has(w) &&
      ctx.tray?.running === true && ctx.x.screens.some((s) => s.root === info.parent)) {
      ctx.tray.dockFound(w);
      return;
    }
    // A forged MapRequest can name any window: only a root's children are top-level.
    if (!ctx.x.screens.some((s) => s.root === info.parent)) {
      // A real one whose window its client has since moved into a window of its own: not
      // Fion's to manage (nor to map: what Fion read may be stale already, and a map would
      // then land on the root, unmanaged). Remember the request, or the window would come
      // back to the root one day unmapped and lost.
      if (!adopting && !forged && info.parent !== null) reg.mapAsked.add(w);
      return;
    }
    // Asked to be mapped, and back on a root since: manage it, mapped or not.
    const asked = reg.mapAsked.delete(w);
    // Unmapped, it never asked (its own map request, if one comes, is handled after this):
    // a WM_STATE, the save-set or a grab left by Fion's requests for the old window would
    // have the next Fion adopt it, or the server map it when Fion dies.
    if (how === 'successor' && !asked && info.mapState !== 'viewable') {
      scrubSuccessor(ctx.x, ctx.atoms, w);
      log.debug(`0x${w.toString(16)}: a new window with a destroyed client's id; Fion's marks taken off`);
      return;
    }
    if (!wantsManagement(info)) {
      // Input-only, or made override-redirect since it asked to be mapped: not Fion's to
      // manage, but its client asked for a map and must not be left waiting forever (also
      // when the request was read while the window was inside another of its client's).
      if (!adopting || asked) ctx.x.map(w);
      return;
    }
    // Found unmapped: managed if a manager before hid it (Iconic), or if its client's map
    // request reached a Fion that died before handling it, or may have (lostRequest).
    if (adopting && !asked && info.mapState !== 'viewable' && info.wmState !== WmState.Iconic && !info.mapRequested) {
      if (!(how === 'found-after-crash' && lostRequest(ctx, info))) {
        if (!info.seen) markSeen(ctx.x, ctx.atoms, w);
        return;
      }
      log.info(`adopting unmapped 0x${w.toString(16)} "${info.title}": its map request may have died with the last Fion`);
    }
    const screen = screenOfRoot(ctx, info.parent ?? parent);
    const rule = ruleActions(ctx.config.rules, info);
    const natural = natureOf(info, ctx.atoms);
    const nature = natural === 'dock' || rule.float === undefined ? natural : rule.float ? 'float' : 'tile';
    if (nature === 'dock') {
      // Panels place themselves; their struts keep tiles off the edge they sit on.
      reg.docks.set(w, { screen: screen ?? 0, strut: info.strut });
      ctx.x.changeAttributes(w, { eventMask: EventMask.PropertyChange /* strut updates */ });
      ctx.x.map(w);
      updateReserved(ctx);
      return;
    }
    reg.clients.set(w, manageWindow(ctx.x, ctx.atoms, info));
    reg.clientsChanged = true;
    readIcon(ctx, w); // read apart: icons are large, and the window need not wait for one
    const transientFor = info.transientFor !== null && info.transientFor !== w ? info.transientFor : null;
    const fresh = !adopting && !forged && !ctx.model.clients.has(w) && (transientFor === null || !ctx.model.clients.has(transientFor));
    const launch = fresh ? (ctx.launchOf?.(info) ?? null) : null;
    if (ctx.model.clients.has(w)) {
      // Restored after a restart: it keeps its place and states; what X says now refreshes the rest.
      ctx.model = updateClient(ctx.model, w, {
        title: info.title, instance: info.instance, class: info.class, transientFor, sizeHints: sizeHintsOf(info.normalHints),
        modal: info.netState.includes(ctx.atoms._NET_WM_STATE_MODAL),
        role: info.role, windowType: windowTypeName(info.windowTypes, ctx.atoms),
      });
      if (info.mapState === 'viewable') ctx.screen.adoptMapped(w);
      log.debug(`re-adopted 0x${w.toString(16)} "${info.title}"`);
      return;
    }
    ctx.model = addClient(ctx.model, {
      id: w, title: info.title, instance: info.instance, class: info.class, urgent: info.hints.urgent,
      transientFor, sizeHints: sizeHintsOf(info.normalHints),
      fullscreen: info.netState.includes(ctx.atoms._NET_WM_STATE_FULLSCREEN),
      modal: info.netState.includes(ctx.atoms._NET_WM_STATE_MODAL),
      ...statesAsked(info.netState, ctx.atoms),
      role: info.role, windowType: windowTypeName(info.windowTypes, ctx.atoms),
      ...(info.geometry === null ? {} : { requested: info.geometry }),
    }, screen, { floating: nature === 'float' });
    if (rule.sticky !== undefined) ctx.model = setSticky(ctx.model, w, rule.sticky ? 'add' : 'remove');
    if (rule.corner !== undefined) ctx.model = pinToCorner(ctx.model, w, rule.corner);
    const onOutput = rule.output === undefined ? undefined : ctx.model.monitors.find((m) => m.name === rule.output)?.workspace;
    if (rule.workspace !== undefined) {
      const target = ensureWorkspace(ctx.model, rule.workspace);
      ctx.model = moveClientTo(target.model, w, target.id);
    } else if (onOutput !== undefined) {
      // Onto the workspace that output shows; an output not connected now sends nowhere.
      ctx.model = moveClientTo(ctx.model, w, onOutput);
    } else if (launch !== null) {
      // Started by Fion: where it was started from (not a dialog: it stays by its parent).
      ctx.model = placeLaunched(ctx.model, w, launch.workspace, launch.tile);
      if (ctx.model.clients.get(w)?.urgent === true && !info.hints.urgent) reg.clients.get(w)!.attention = true;
    } else if (nature === 'tile' && !adopting) {
      // A tile of a loaded layout or a restored session may be waiting for this window; if
      // none is, the placement policy.
      const before = ctx.model;
      ctx.model = claimWaiting(ctx.model, w, ctx.originOf?.(info));
      if (ctx.model === before && ctx.placeNew !== undefined) ctx.model = ctx.placeNew(ctx.model, w);
    }
    if (!adopting) takeDropdown(ctx, w, info);
    // Already mapped: found so at start-up, or mapped by Fion itself under an id its server
    // has since given to this window (a MapWindow for the window that had it, landing after
    // that one was destroyed). The renderer must know, or it would never hide it.
    if (info.mapState === 'viewable') ctx.screen.adoptMapped(w);
    // A rule's commands run once, when the window first appears (not when a restart or a
    // start-up adopts it again).
    if (rule.run !== undefined && !adopting) for (const r of rule.run) ctx.runForWindow?.(w, r);
    log.debug(`managing 0x${w.toString(16)} "${info.title}" (${info.class}) as ${nature}`);
  });
}

/**
 * After a crash: an unmapped window that no Fion has seen (created just before the crash, or
 * since) and that its client has dressed as toolkits dress a window they show (a title, a
 * class or hints; on a screen, larger than a pixel) most likely asked for a map the dead
 * Fion never read.
 * Hidden helper windows (a toolkit's client leader, clipboard owners) are unhinted, tiny or
 * off-screen, and were marked seen by whichever Fion ran when they appeared.
 */
function lostRequest(ctx: ManageContext, info: ClientInfo): boolean {
  const g = info.geometry;
  if (info.seen || info.wmState !== null || info.inputOnly || !info.dressed || g === null || g.width <= 1 || g.height <= 1) return false;
  return ctx.x.screens.some((s) => s.root === info.parent && g.x < s.width && g.y < s.height && g.x + g.width > 0 && g.y + g.height > 0);
}

/** An UnmapNotify: Fion's own unmap coming back, or the client withdrawing the window. */
export function onUnmap(ctx: ManageContext, w: WindowId, synthetic: boolean): void {
  if (ctx.reg.docks.delete(w)) { updateReserved(ctx); return; }
  if (!ctx.reg.clients.has(w)) {
    // The echo of an unmap Fion sent before it let the window go (a withdrawal it heard of
    // from the synthetic notice) is spent here: left counted, it would swallow the client's
    // next real withdrawal once the window is managed again.
    if (!synthetic) ctx.reg.consumeUnmap(w);
    return;
  }
  if (!synthetic && ctx.reg.consumeUnmap(w)) return;
  unmanage(ctx, w, true, synthetic);
}

/** A DestroyNotify: forgotten even when no longer managed (a count of unmaps on their way
 *  must not outlive the window, or a later window with the same id would inherit it). */
export function onDestroy(ctx: ManageContext, w: WindowId): void {
  ctx.tray?.destroyed(w);
  ctx.reg.mapAsked.delete(w);
  const touched = ctx.reg.shown.has(w) || ctx.reg.clients.has(w);
  ctx.reg.forgetShown(w, true);
  unmanage(ctx, w, false);
  // Requests of Fion's for this window (a map, WM_STATE, the save-set) may have reached the
  // server after it was gone and a new client's window got its id. A window mapped so may
  // get no MapRequest ever; one left unmapped would carry Fion's marks. Look at the id
  // (one request: mostly there is no window; a burst of closes must not cost a read each).
  // Aside: the screen after the close need not wait for the answer.
  const root = ctx.x.screens[0]?.root;
  if (!touched || root === undefined) return;
  const look = ctx.x.getWindowAttributes(w).then((a) => (isFailure(a) ? () => false as const : manage(ctx, w, root, 'successor')));
  ctx.enqueue(look, `id 0x${w.toString(16)} after its destroy`, true);
}

/**
 * Stop managing `w`. `withdrawn`: the client unmapped it (tell it, per ICCCM 4.1.4), rather
 * than destroying it. `mayBeMapped`: only a synthetic UnmapNotify says so. After a real one
 * (or a reparent away) the client unmapped the window itself, and an unmap from Fion could
 * only hit it where the client has put it since (mapped again inside a window of its own).
 */
export function unmanage(ctx: ManageContext, w: WindowId, withdrawn: boolean, mayBeMapped = false): void {
  if (ctx.reg.docks.delete(w)) { updateReserved(ctx); return; }
  if (!ctx.reg.release(w)) return;
  if (withdrawn) {
    // A client that withdrew before Fion mapped it (ICCCM's synthetic UnmapNotify) is
    // still mapped by Fion: unmap it, or it would stay on screen, unmanaged.
    if (mayBeMapped) ctx.screen.unmapReleased(w);
    releaseWithdrawn(ctx.x, ctx.atoms, w);
  }
  ctx.reg.forgetShown(w, !withdrawn);
  ctx.model = removeClient(ctx.model, w);
  log.debug(`unmanaged 0x${w.toString(16)} (${withdrawn ? 'withdrawn' : 'destroyed'})`);
}

/** A client moved a window: out of the root it is no longer ours; into the root, it may be. */
export function onReparent(ctx: ManageContext, w: WindowId, parent: WindowId, overrideRedirect: boolean): Job {
  if (!ctx.x.screens.some((s) => s.root === parent)) {
    return () => {
      // Hidden by Fion (a background tab, another workspace), its client never unmapped it:
      // its map still stands, or it would come back to the root one day unmapped and lost.
      // (Not mapped here: by the time the server sees a map, the client may have moved it
      // back to the root, where Fion's own map would show it unmanaged.) A shown window's
      // reparent already unmanaged it.
      if (ctx.reg.clients.has(w) && !ctx.reg.shown.has(w)) ctx.reg.mapAsked.add(w);
      // An unmap of Fion's still counted can no longer come back: one that reached the window
      // before the reparent came back before this event; one after it hit it off the root,
      // where Fion doesn't hear it.
      ctx.reg.forgetShown(w, true);
      unmanage(ctx, w, true);
    };
  }
  if (overrideRedirect) return () => {};
  // Whether it is managed is decided when the job runs (an earlier job may yet release it).
  return manage(ctx, w, parent, 'found'); // adopted like a window found at start-up: only if mapped
}

/** After a restart, windows of the saved layout that no longer exist (or were withdrawn) go,
 *  and _NET_CLIENT_LIST keeps the saved order (the order of managing), not the order the
 *  windows were adopted in. */
export function settleRestored(ctx: ManageContext): void {
  for (const w of [...ctx.model.clients.keys()]) {
    if (ctx.reg.clients.has(w)) continue;
    ctx.model = removeClient(ctx.model, w);
    log.info(`restored window 0x${w.toString(16)} is gone; dropped`);
  }
  ctx.reg.reorder(ctx.model.clients.keys());
}
