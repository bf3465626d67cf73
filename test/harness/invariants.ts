// "Nothing lost, nothing crashes": what must hold on a display Fion manages,
// checked from outside, through X only, the way any client could look. Used
// by X tests (assert the result is empty) and by the chaos client after every
// sync barrier. Each violation is one human-readable line.
//
// What is checked (per screen):
// - every top-level window that Fion should manage (not override-redirect, not
//   InputOnly, not a dock) and that is not withdrawn (it is mapped, or it is
//   unmapped with WM_STATE Iconic) is in the root's _NET_CLIENT_LIST, once;
// - every listed window exists, is a top-level window, and is reachable by the
//   user: viewable, or unmapped with WM_STATE Iconic (hidden in a tab or on
//   another workspace);
// - no duplicates in _NET_CLIENT_LIST;
// - the input focus is on a listed window; it may rest on Fion's check window,
//   a root, None or PointerRoot only when no listed window is viewable, when a
//   bar says the focused tile shows no window ("tab 0/N": empty, or, with N > 0,
//   every tab minimised, and then some listed window is minimised: unmapped,
//   Iconic, _NET_WM_STATE_HIDDEN), or when the active window refuses input focus
//   (WM_HINTS input = False, ICCCM 4.1.7);
// - _NET_ACTIVE_WINDOW is the focus when the focus is a client, and None when
//   nothing has the focus;
// - tiled viewable clients have a real size, lie on the screen, below (not under)
//   the bar, do not overlap each other and do not lie under a tab bar; floating
//   ones (by Fion's own rules, or named in `floating`) may overlap, but must stay
//   at least partly on screen;
// - each screen has a viewable bar (WM_CLASS fion-bar) whose _NET_WM_NAME says
//   "workspace N/M | tile N/M ...".
// Optionally (`mapped`), windows the caller knows it mapped and has not
// unmapped, destroyed or reparented since must be managed: not lost.
//
// Windows that are not Fion's to manage are left out: override-redirect ones
// (the observer's sync window, Fion's check window, bars and tab bars, menus),
// InputOnly ones, docks, and unmapped windows without WM_STATE (never mapped or
// withdrawn).
import type { Observer } from './observer.js';
import { decodeAtoms, decodeClass, decodeNormalHints, decodeWindow, decodeWmHints } from '../../src/x/props.js';
import { natureOf } from '../../src/manage/rules.js';
import { isFailure, type Atom, type WindowId } from '../../src/x/types.js';

export interface InvariantOptions {
  /** This is the second check, after a window vanished at the first (see the focus). */
  readonly again?: boolean;
  /** Run a FION_SYNC barrier first (default true). A missing answer is a violation. */
  readonly sync?: boolean;
  readonly syncTimeoutMs?: number;
  /** Windows to leave out of every check (the caller's own helper windows). */
  readonly ignore?: Iterable<number>;
  /**
   * Windows the caller mapped and has not since unmapped, destroyed or reparented:
   * each that still exists as a top-level window must be managed (or, if it is not
   * Fion's to manage, mapped). A window missing here is "lost".
   */
  readonly mapped?: Iterable<number>;
  /** Check the bar's presence and text (default true). */
  readonly checkBar?: boolean;
  /** Allow viewable clients to overlap (default false: only floating windows may). */
  readonly allowOverlap?: boolean;
  /**
   * Windows that may float although their properties don't say so now (toggled by a command,
   * or their hints changed after Fion managed them). Floating windows are told by the rules
   * Fion uses (src/manage/rules.ts: dialogs, transients, fixed-size windows ...); they may
   * overlap anything but must stay at least partly on screen.
   */
  readonly floating?: Iterable<number>;
  /**
   * Windows whose _NET_WM_WINDOW_TYPE changed after they were mapped: Fion decides on a dock
   * when it maps a window (EWMH: the type is set before mapping), so one of these, viewable
   * without WM_STATE, may be a dock whatever its type says now.
   */
  readonly docks?: Iterable<number>;
}

interface Rect { x: number; y: number; width: number; height: number }

interface TopLevel {
  readonly window: WindowId;
  readonly screen: number;
  readonly mapState: 'unmapped' | 'unviewable' | 'viewable';
  readonly overrideRedirect: boolean;
  readonly inputOnly: boolean;
  /** WM_STATE state field, null when unset or malformed. */
  readonly wmState: number | null;
  readonly klass: { instance: string; class: string };
  readonly types: readonly Atom[];
  readonly rect: Rect | null;
  readonly borderWidth: number;
  readonly name: string | null;
  /** WM_HINTS input field (null: unset). */
  readonly input: boolean | null;
  /** Floats by Fion's rules, judging by its properties now. */
  readonly floats: boolean;
  /** _NET_WM_STATE holds _NET_WM_STATE_HIDDEN (minimised). */
  readonly hidden: boolean;
}

const hex = (w: number): string => `0x${(w >>> 0).toString(16)}`;
const BAR_TEXT = /\[[^\]]+\].* \| tile \d+\/\d+/;
const intersects = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const showRect = (r: Rect): string => `${r.width}x${r.height}+${r.x}+${r.y}`;

async function describe(obs: Observer, w: WindowId, screen: number, isFions: (w: number) => boolean): Promise<TopLevel | null> {
  const { x, atoms } = obs;
  const [attrs, state, klass, types, geom, name, hints, transient, normal, netState] = await Promise.all([
    x.getWindowAttributes(w),
    x.getProperty(w, atoms.WM_STATE, 0, 2),
    x.getProperty(w, atoms.WM_CLASS, 0, 256),
    x.getProperty(w, atoms._NET_WM_WINDOW_TYPE, 0, 32),
    x.getGeometry(w),
    x.getProperty(w, atoms._NET_WM_NAME, 0, 1024),
    x.getProperty(w, atoms.WM_HINTS, 0, 9),
    x.getProperty(w, atoms.WM_TRANSIENT_FOR, 0, 1),
    x.getProperty(w, atoms.WM_NORMAL_HINTS, 0, 18),
    x.getProperty(w, atoms._NET_WM_STATE, 0, 32),
  ]);
  if (isFailure(attrs)) return null; // gone meanwhile
  const states = decodeAtoms(isFailure(netState) ? null : netState);
  const st = isFailure(state) || state === null || state.format !== 32 || state.data.length < 4 ? null : state.data.readUInt32LE(0);
  const k = decodeClass(isFailure(klass) ? null : klass);
  const windowTypes = decodeAtoms(isFailure(types) ? null : types);
  const own = attrs.overrideRedirect && isFions(w);
  return {
    window: w, screen, mapState: attrs.mapState, overrideRedirect: attrs.overrideRedirect, inputOnly: attrs.inputOnly,
    wmState: st, klass: k,
    types: windowTypes,
    rect: isFailure(geom) ? null : { x: geom.x, y: geom.y, width: geom.width, height: geom.height },
    borderWidth: isFailure(geom) ? 0 : geom.borderWidth,
    // Only Fion's own windows' names are read (a client's may be 1 MB of garbage).
    name: own && !isFailure(name) && name !== null ? name.data.toString('utf8') : null,
    input: decodeWmHints(isFailure(hints) ? null : hints).input,
    // Fion marks what it keeps above the tiles: floats (_NET_WM_STATE_ABOVE, or _BELOW for
    // those under the other floats) and fullscreen windows. Before Fion has managed a window,
    // its own properties are the best guess.
    floats: states.includes(atoms._NET_WM_STATE_ABOVE) || states.includes(atoms._NET_WM_STATE_BELOW) || states.includes(atoms._NET_WM_STATE_FULLSCREEN) ||
      (st === null && natureOf({
        windowTypes,
        transientFor: decodeWindow(isFailure(transient) ? null : transient),
        normalHints: decodeNormalHints(isFailure(normal) ? null : normal),
      }, atoms) === 'float'),
    hidden: states.includes(atoms._NET_WM_STATE_HIDDEN),
  };
}

/** Every invariant violation on the display `obs` looks at; empty when all is well. */
export async function checkInvariants(obs: Observer, opts: InvariantOptions = {}): Promise<string[]> {
  const out: string[] = [];
  const { x, atoms } = obs;
  if (opts.sync !== false) {
    try {
      await obs.sync(opts.syncTimeoutMs ?? 5000);
    } catch (e) {
      return [`Fion does not answer the FION_SYNC barrier: ${e instanceof Error ? e.message : String(e)}`];
    }
  }
  const ignore = new Set<number>(opts.ignore ?? []);
  const screens = x.screens;
  const roots = new Set<number>(screens.map((s) => s.root));

  // Root properties, the window tree, the focus: one pipelined batch.
  const [perScreen, focusReply, activeReply] = await Promise.all([
    Promise.all(screens.map(async (s) => {
      const [list, check, tree] = await Promise.all([
        x.getProperty(s.root, atoms._NET_CLIENT_LIST),
        x.getProperty(s.root, atoms._NET_SUPPORTING_WM_CHECK, 0, 1),
        x.queryTree(s.root),
      ]);
      const ids = (p: typeof list): number[] => {
        if (isFailure(p) || p === null || p.format !== 32) return [];
        const v: number[] = [];
        for (let i = 0; i + 4 <= p.data.length; i += 4) v.push(p.data.readUInt32LE(i));
        return v;
      };
      return { screen: s, list: ids(list), check: ids(check)[0] ?? 0, children: isFailure(tree) ? [] : tree.children };
    })),
    x.getInputFocus(),
    x.getProperty(screens[0]!.root, atoms._NET_ACTIVE_WINDOW, 0, 1),
  ]);
  const checkWindows = new Set<number>(perScreen.map((p) => p.check).filter((w) => w !== 0));
  // Fion's own windows (check window, bars, tab bars) are those its connection created: a
  // resource id carries its creator in the bits outside the resource mask. A client's window
  // with a forged WM_CLASS fion-bar is not Fion's.
  const creator = (w: number): number => (w & ~x.resourceMask) >>> 0;
  const fionCreators = new Set<number>([...checkWindows].map(creator));
  const isFions = (w: number): boolean => checkWindows.has(w) || fionCreators.has(creator(w));

  // Every top-level window, described.
  const described = await Promise.all(perScreen.flatMap((p) =>
    p.children.filter((w) => !ignore.has(w)).map((w) => describe(obs, w, p.screen.index, isFions))));
  const tops = described.filter((t): t is TopLevel => t !== null);
  const topById = new Map<number, TopLevel>(tops.map((t) => [t.window, t]));
  const mayDock = new Set<number>(opts.docks ?? []);
  const isDock = (t: TopLevel): boolean => t.types.includes(atoms._NET_WM_WINDOW_TYPE_DOCK) ||
    // (WM_STATE Withdrawn: left by an earlier management of the window, before its client
    // mapped it again typed as a dock; docks get no WM_STATE of their own.)
    (mayDock.has(t.window) && t.mapState === 'viewable' && (t.wmState === null || t.wmState === 0));
  const isOwn = (t: TopLevel): boolean => t.overrideRedirect && isFions(t.window);
  const manageable = (t: TopLevel): boolean => !t.overrideRedirect && !t.inputOnly && !isDock(t);

  // _NET_CLIENT_LIST of each root.
  const listed = new Set<number>();
  for (const p of perScreen) {
    const seen = new Set<number>();
    for (const w of p.list) {
      if (seen.has(w)) out.push(`_NET_CLIENT_LIST of screen ${p.screen.index} lists ${hex(w)} more than once`);
      seen.add(w);
      listed.add(w);
    }
    for (const t of tops) {
      if (t.screen !== p.screen.index || !manageable(t)) continue;
      const notWithdrawn = t.mapState === 'viewable' || t.wmState === 3;
      if (notWithdrawn && !seen.has(t.window)) {
        out.push(`${hex(t.window)} is ${t.mapState === 'viewable' ? 'viewable' : 'Iconic'} on screen ${p.screen.index} but not in _NET_CLIENT_LIST`);
      }
    }
  }

  // Listed windows: exist, top-level, reachable.
  const notTop = [...listed].filter((w) => !topById.has(w) && !ignore.has(w));
  const elsewhere = await Promise.all(notTop.map(async (w) => {
    const [a, t] = await Promise.all([x.getWindowAttributes(w as WindowId), x.queryTree(w as WindowId)]);
    return { w, exists: !isFailure(a), parent: isFailure(t) ? 0 : t.parent };
  }));
  // A window can vanish after the barrier without any request of a client: the server
  // destroys a dead connection's windows when it notices the socket closed, which may be
  // after Fion answered. Fion then drops it on its DestroyNotify, before a second barrier
  // returns; only a window still listed after that is a window Fion failed to forget.
  const vanished = elsewhere.filter((e) => !e.exists || e.parent === 0).map((e) => e.w);
  const stillListed = new Set<number>();
  if (vanished.length > 0) {
    let synced = opts.sync === false;
    if (!synced) synced = await obs.sync(opts.syncTimeoutMs ?? 5000).then(() => true, () => false);
    const again = await Promise.all(screens.map((s) => x.getProperty(s.root, atoms._NET_CLIENT_LIST)));
    for (const p of again) {
      if (isFailure(p) || p === null || p.format !== 32) continue;
      for (let i = 0; i + 4 <= p.data.length; i += 4) stillListed.add(p.data.readUInt32LE(i));
    }
    if (!synced) for (const w of vanished) stillListed.add(w);
  }
  for (const e of elsewhere) {
    if (!e.exists || e.parent === 0) {
      if (stillListed.has(e.w)) out.push(`_NET_CLIENT_LIST lists ${hex(e.w)}, which no longer exists`);
      continue;
    }
    out.push(`_NET_CLIENT_LIST lists ${hex(e.w)}, which is not a top-level window any more (parent ${hex(e.parent)}): unreachable`);
  }
  for (const w of listed) {
    const t = topById.get(w);
    if (t === undefined) continue;
    if (isOwn(t)) out.push(`_NET_CLIENT_LIST lists Fion's own window ${hex(w)} (${t.klass.instance})`);
    else if (t.mapState !== 'viewable' && t.wmState !== 3) {
      out.push(`listed ${hex(w)} is unreachable: ${t.mapState} with WM_STATE ${t.wmState ?? 'unset'} (neither viewable nor Iconic)`);
    }
  }

  // Windows the caller mapped must not be lost.
  for (const w of opts.mapped ?? []) {
    if (ignore.has(w)) continue;
    const t = topById.get(w);
    if (t === undefined) continue; // gone, or not top-level
    if (t.overrideRedirect || listed.has(w)) continue; // listed: the reachability check above covers it
    if (!manageable(t)) {
      if (t.mapState !== 'viewable') out.push(`${hex(w)} (${t.inputOnly ? 'InputOnly' : 'dock'}) was mapped by its client but is ${t.mapState}: lost`);
      continue;
    }
    out.push(`${hex(w)} was mapped by its client but is not managed (lost): ${t.mapState}, WM_STATE ${t.wmState ?? 'unset'}`);
  }

  // Geometry of what is on screen.
  const viewableClients = tops.filter((t) => listed.has(t.window) && t.mapState === 'viewable' && !isOwn(t));
  // A managed window that made itself override-redirect moves itself (its ConfigureWindow is not
  // redirected): its geometry is not Fion's doing.
  const placed = viewableClients.filter((t) => !t.overrideRedirect);
  const bars = tops.filter((t) => isOwn(t) && t.klass.instance === 'fion-bar' && t.mapState === 'viewable');
  const tabBars = tops.filter((t) => isOwn(t) && t.klass.instance === 'fion-tabs' && t.mapState === 'viewable');
  const mayFloat = new Set<number>(opts.floating ?? []);
  const floats = (t: TopLevel): boolean => t.floats || mayFloat.has(t.window);
  for (const s of screens) {
    const screenRect = { x: 0, y: 0, width: s.width, height: s.height };
    const mine = placed.filter((t) => t.screen === s.index);
    const tiled = mine.filter((t) => !floats(t));
    const myBars = bars.filter((b) => b.screen === s.index);
    for (const c of mine) {
      const r = c.rect;
      if (r === null) continue;
      const outer = { x: r.x, y: r.y, width: r.width + 2 * c.borderWidth, height: r.height + 2 * c.borderWidth };
      if (floats(c)) {
        // A floating window places itself, but the user must still be able to see it.
        if (!intersects(outer, screenRect)) out.push(`floating client ${hex(c.window)} ${showRect(outer)} is entirely off screen ${s.index} (${s.width}x${s.height})`);
        continue;
      }
      if (r.width <= 1 || r.height <= 1) out.push(`viewable client ${hex(c.window)} has a degenerate size ${showRect(r)}`);
      if (outer.x < 0 || outer.y < 0 || outer.x + outer.width > screenRect.width || outer.y + outer.height > screenRect.height) {
        out.push(`viewable client ${hex(c.window)} ${showRect(outer)} is not inside screen ${s.index} (${s.width}x${s.height})`);
      }
      for (const b of myBars) {
        if (b.rect !== null && intersects(outer, b.rect)) out.push(`viewable client ${hex(c.window)} ${showRect(outer)} is not below the bar ${showRect(b.rect)}`);
      }
      for (const tb of tabBars) {
        if (tb.screen === s.index && tb.rect !== null && intersects(outer, tb.rect)) {
          out.push(`viewable client ${hex(c.window)} ${showRect(outer)} lies under tab bar ${hex(tb.window)} ${showRect(tb.rect)}`);
        }
      }
    }
    if (opts.allowOverlap !== true) {
      for (let i = 0; i < tiled.length; i++) {
        for (let j = i + 1; j < tiled.length; j++) {
          const a = tiled[i]!;
          const b = tiled[j]!;
          if (a.rect !== null && b.rect !== null && intersects(a.rect, b.rect)) {
            out.push(`viewable clients ${hex(a.window)} ${showRect(a.rect)} and ${hex(b.window)} ${showRect(b.rect)} overlap`);
          }
        }
      }
    }
    if (opts.checkBar !== false) {
      if (myBars.length === 0) out.push(`screen ${s.index} has no viewable bar (WM_CLASS fion-bar)`);
      for (const b of myBars) {
        if (b.name === null || !BAR_TEXT.test(b.name)) out.push(`bar ${hex(b.window)} on screen ${s.index} says ${JSON.stringify(b.name)}`);
      }
    }
  }

  // Focus and _NET_ACTIVE_WINDOW.
  /**
   * Focus Fion need not take back: on a viewable window Fion doesn't manage by its nature
   * (an override-redirect menu or launcher focuses itself, an InputOnly window, a dock), or inside the active client (it focused a
   * child of its own), judged by the top-level window holding it.
   */
  const focusIsFine = async (w: number): Promise<boolean> => {
    let cur = w;
    for (let i = 0; i < 32; i++) {
      const t = topById.get(cur);
      if (t !== undefined) {
        // Not Fion's to manage (override-redirect, InputOnly, a dock): the client's business.
        if (!isOwn(t) && !manageable(t)) return t.mapState === 'viewable';
        // A client's window inside one of Fion's (a tray icon): its client may focus it itself,
        // as it may an override-redirect window. Fine while it is viewable.
        if (isOwn(t) && cur !== w && !isFions(w)) {
          const attrs = await x.getWindowAttributes(w as WindowId);
          return !isFailure(attrs) && attrs.mapState === 'viewable';
        }
        return listed.has(cur) && cur !== w && isFailure(activeReply) === false && activeReply !== null &&
          activeReply.data.length >= 4 && activeReply.data.readUInt32LE(0) === cur;
      }
      const tree = await x.queryTree(cur as WindowId);
      if (isFailure(tree) || tree.parent === 0 || roots.has(tree.parent) && !topById.has(cur)) return false;
      cur = tree.parent;
    }
    return false;
  };
  const activeOf = (r: typeof activeReply): number =>
    isFailure(r) || r === null || r.format !== 32 || r.data.length < 4 ? 0 : r.data.readUInt32LE(0);
  // A client may destroy the active window after Fion answered the barrier (an obedient
  // one closing on WM_DELETE_WINDOW, read late): the server reverts a focus it had at once
  // (to PointerRoot), and one it refused (input = False) stays where it was (a root, Fion's
  // check window); Fion moves it on at the DestroyNotify. Fion's move is two requests (the
  // focus, then _NET_ACTIVE_WINDOW), and this check's two reads may fall between them: the
  // focus on the next client, the property still naming the window just destroyed. Either
  // way, everything is judged again after a second barrier (once): what Fion does then
  // depends on the rest (a tile left empty, say). A mismatch that stays is still reported.
  const nowhere = (f: number): boolean => f === 0 || f === 1 || roots.has(f) || checkWindows.has(f);
  // (Nowhere, or on a client that is not the active one: either way not the active window.)
  const midMove = !isFailure(focusReply) && focusReply !== activeOf(activeReply);
  if (midMove && activeOf(activeReply) !== 0 && opts.sync !== false &&
      opts.again !== true && isFailure(await x.getWindowAttributes(activeOf(activeReply) as WindowId))) {
    return checkInvariants(obs, { ...opts, again: true });
  }
  if (isFailure(focusReply)) {
    out.push(`GetInputFocus failed: ${focusReply}`);
  } else {
    const focus = focusReply as number;
    const active = activeOf(activeReply);
    const activeTop = topById.get(active);
    // ICCCM 4.1.7: a client with input = False is never given the focus by the manager.
    const activeRefusesInput = activeTop !== undefined && activeTop.input === false;
    // A minimised window is unmapped, Iconic and HIDDEN: a tile whose tabs are all minimised shows none.
    const someMinimised = tops.some((t) => listed.has(t.window) && t.mapState === 'unmapped' && t.wmState === 3 && t.hidden);
    const emptyTileFocused = bars.some((b) => {
      const n = b.name === null ? null : /\| tab 0\/(\d+)/.exec(b.name)?.[1];
      return n != null && (n === '0' || someMinimised);
    });
    if (listed.has(focus)) {
      if (active !== focus) out.push(`focus is on client ${hex(focus)} but _NET_ACTIVE_WINDOW is ${hex(active)}`);
    } else if (nowhere(focus)) {
      const what = focus === 0 ? 'None' : focus === 1 ? 'PointerRoot' : roots.has(focus) ? 'the root' : "Fion's check window";
      if (viewableClients.length > 0 && !emptyTileFocused && !activeRefusesInput) {
        out.push(`focus is on ${what} although ${viewableClients.length} client(s) are viewable ` +
          `(${viewableClients.slice(0, 4).map((t) => hex(t.window)).join(', ')}) and the focused tile is not empty; _NET_ACTIVE_WINDOW ${hex(active)}`);
      }
      if (active !== 0 && !activeRefusesInput) out.push(`nothing has the focus (${what}) but _NET_ACTIVE_WINDOW is ${hex(active)}`);
    } else if (!ignore.has(focus) && !activeRefusesInput && !(await focusIsFine(focus))) {
      const t = topById.get(focus);
      const tree = t === undefined ? await x.queryTree(focus as WindowId) : null;
      const what = t !== undefined ? `a top-level ${t.overrideRedirect ? 'override-redirect ' : ''}window, ${t.mapState}, WM_STATE ${t.wmState ?? 'unset'}`
        : tree === null || isFailure(tree) ? 'gone' : `a child of ${hex(tree.parent)}${listed.has(tree.parent) ? ' (listed)' : ''}`;
      out.push(`focus is on ${hex(focus)} (${what}), which is neither a listed client nor Fion's; _NET_ACTIVE_WINDOW ${hex(active)}`);
    }
    if (active !== 0 && !listed.has(active)) out.push(`_NET_ACTIVE_WINDOW is ${hex(active)}, which is not a listed client`);
  }
  return out;
}
