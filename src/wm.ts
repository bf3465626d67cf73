// Fion at run time: the state one running window manager holds, and the
// glue between X events, commands, the model and the renderer.
import { spawn } from 'node:child_process';
import type { XConnection } from './x/connection.js';
import type { Atoms } from './x/atoms.js';
import type { XEvent } from './x/events.js';
import { isFailure, type WindowId } from './x/types.js';
import { readKeyboard, type KeyboardMap } from './x/keyboard.js';
import { decodeWmHints, decodeAtoms, decodeNormalHints, decodeStrut, type NormalHints, type Strut } from './x/props.js';
import type { BarConfig, Config, ConfigError, LoadResult } from './config/index.js';
import { formatConfigError } from './config/index.js';
import {
  addClient, removeClient, updateClient, focusClient, showTabAt, focusedClient, findClient, refuse, moveFloating,
  isFloating, setReserved, reservedFromStruts, ensureWorkspace, moveClientTo, setMonitors, pinWorkspaces, type Model, type TileId, type SizeHints,
  renameConfigured,
  barsFromConfig,
} from './model/index.js';
import { writeStateFile } from './persist/statefile.js';
import { EXIT_RESTART } from './restart/exit.js';
import { layout, type LayoutTheme } from './layout/index.js';
import { executeCommand, executeCommands, parseCommand, parseCommands, type Effect } from './commands/index.js';
import { splitStatements } from './text/words.js';
import { claimWaiting, loadLayout } from './model/index.js';
import { readLayoutFile, writeLayoutFile } from './persist/layoutfile.js';
import { barSegments, formatClock, showsSeconds, withClocks, type BarState, type Segment } from './bar/content.js';
import { StatusCommand } from './bar/status.js';
import { buildBars, buildScene, retimeBars, type Look } from './render/build.js';
import type { Strip } from './render/scene.js';
import type { Layout } from './layout/index.js';
import { Renderer } from './render/render.js';
import type { Monitors } from './x/randr.js';
import { monitorInfos, sameMonitors } from './manage/monitors.js';
import { shapeOf, type Font } from './render/paint.js';
import { measure } from './render/text.js';
import { Loop, Clock } from './loop.js';
import { grabAll, lookup, resolveBindings, type GrabTable } from './keys/grabs.js';
import {
  buildModeTables, enterMode, grabFailed, modeEnterBindings, modeText, pressKey, NORMAL,
  type KeyResult, type ModeState, type ModeTables,
} from './keys/modes.js';
import { keySpecOf, typedKey } from './keys/keypress.js';
import { promptKey, promptText, type Prompt } from './keys/prompt.js';
import { fetchClientInfo, titleOf } from './manage/clientinfo.js';
import { closeWindow, manageWindow, releaseOnExit, releaseWithdrawn, wantsManagement, type ClientState } from './manage/clients.js';
import type { Ownership } from './manage/takeover.js';
import { EwmhPublisher } from './manage/ewmh.js';
import { handleClientMessage, type Activation } from './manage/messages.js';
import { natureOf, ruleActions } from './manage/rules.js';
import { log } from './log.js';

export interface WmOptions {
  readonly x: XConnection;
  readonly atoms: Atoms;
  readonly config: Config;
  readonly configErrors: readonly ConfigError[];
  readonly model: Model;
  readonly theme: LayoutTheme;
  readonly font: Font;
  readonly ownership: readonly Ownership[];
  readonly renderer: Renderer;
  /** RandR/Xinerama monitor source; absent: the monitors never change. */
  readonly monitors?: Monitors;
  readonly onExit: (code: number) => void;
  /** Restart in place; absent: `restart` is refused with a message. */
  readonly restart?: RestartHooks;
  /** The model came from a restart's state file: its windows that are not adopted are dropped. */
  readonly restored?: boolean;
  /** Read the config file again (`reload`); absent: `reload` is refused with a message. */
  readonly reloadConfig?: () => LoadResult;
  /** The config file read (reported by the control socket). */
  readonly configPath?: string;
}

export interface RestartHooks {
  /** Started by bin/fion's supervisor, which runs Fion again when it exits with EXIT_RESTART. */
  readonly supervised: boolean;
  readonly statePath: string;
  /** Whether the code on disk starts: null, or what is wrong. */
  readonly check: () => Promise<string | null>;
}

/** What one command of a `;`-separated list did (for the control socket). */
export interface CommandReport {
  readonly command: string;
  readonly success: boolean;
  readonly error?: string;
}

export class Wm {
  model: Model;
  readonly loop: Loop;
  private readonly x: XConnection;
  private readonly atoms: Atoms;
  private config: Config;
  private readonly renderer: Renderer;
  private readonly clients = new Map<WindowId, ClientState>();
  /** Managed windows in the order they were managed (for _NET_CLIENT_LIST). */
  private clientListDirty = true;
  private readonly ewmh: EwmhPublisher;
  /** Dock windows (panels): mapped where they ask, never tiled; their struts reserve screen edges. */
  private readonly docks = new Map<WindowId, { screen: number; strut: Strut | null }>();
  private lastClients: Model['clients'] | null = null;
  private lastWorkspaces: Model['workspaces'] | null = null;
  private lastFloating = new Set<WindowId>();
  private lastStacking: readonly WindowId[] = [];
  private clientList: readonly WindowId[] = [];
  private stackingList: readonly WindowId[] = [];
  private readonly activation: Activation = 'smart';
  private keyboard: KeyboardMap | null = null;
  private grabs: GrabTable = new Map();
  private modes: ModeTables;
  /** Normal mode, or the mode Fion is in (holding the keyboard grab). */
  private modeState: ModeState = NORMAL;
  /** A line being typed in the bar (renaming a workspace), holding the keyboard grab. */
  private prompt: Prompt | null = null;
  /** Bumped on every keyboard grab and ungrab, so a late GrabKeyboard reply knows it is stale. */
  private grabEpoch = 0;
  private readonly clock: Clock;
  private now = new Date();
  private configMessage: string | null;
  private configRead: { path: string; errors: readonly ConfigError[]; reads: number };
  private stopping = false;
  /** Called after every render (the control socket derives its events there). */
  onRendered: (() => void) | null = null;
  /** Called first thing on shutdown (the control socket says goodbye and closes). */
  onShutdown: (() => void) | null = null;
  private status: StatusCommand | null;
  /** The layout and model of the last full render: a bars-only redraw draws against them. */
  private lastLayout: Layout | null = null;
  private lastModel: Model | null = null;
  private barsPending = false;
  /** The bars a bars-only redraw built last, with what they were built from: a tick that
   *  changes only the clocks reuses their segments and cells (no model queries, no layout of
   *  the bar), replacing the clock texts alone. */
  private barCache: {
    readonly layout: Layout; readonly model: Model; readonly look: Look;
    readonly mode: string | null; readonly message: string | null; readonly status: BarState['status'];
    readonly segments: readonly (readonly Segment[])[]; readonly strips: readonly Strip[];
  } | null = null;
  private clockCache: { readonly now: Date; readonly bar: BarConfig; readonly texts: readonly string[] } | null = null;
  private lookCache: { readonly colors: Config['colors']; readonly fallbacks: Font['fallbacks']; readonly look: Look } | null = null;
  /** Bars-only redraws done (clock ticks, status lines), for tests and benchmarks. */
  barRedraws = 0;

  constructor(private readonly o: WmOptions) {
    this.x = o.x;
    this.atoms = o.atoms;
    this.config = o.config;
    this.model = o.model;
    this.renderer = o.renderer;
    this.configRead = { path: o.configPath ?? '', errors: o.configErrors, reads: 1 };
    const first = o.configErrors[0];
    this.configMessage = first === undefined ? null
      : `config error: ${formatConfigError(first)}${o.configErrors.length > 1 ? ` (+${o.configErrors.length - 1} more)` : ''}`;
    const modes = buildModeTables(o.config.modes);
    for (const p of modes.problems) log.warn(p);
    this.modes = modes.tables;
    this.ewmh = new EwmhPublisher(o.x, o.atoms);
    this.loop = new Loop(() => this.render());
    this.model = barsFromConfig(this.model, o.config.bar.hidden);
    // A tick redraws the bars alone; formats without seconds wake once a minute.
    this.clock = new Clock((now) => { this.now = now; this.redrawBars(); }, clockPeriod(o.config.bar));
    this.status = this.statusCommand(o.config.bar);
  }

  get isStopping(): boolean { return this.stopping; }
  get currentConfig(): Config { return this.config; }
  /** The config file, the errors of its last read (a reload that failed: that attempt's), how many reads. */
  get configInfo(): { path: string; errors: readonly ConfigError[]; reads: number } { return this.configRead; }
  /** The active mode's name; 'default' in normal mode. */
  get modeName(): string { return this.modeState.kind === 'mode' ? this.modeState.mode : 'default'; }
  isManaged(w: WindowId): boolean { return this.clients.has(w); }
  clientState(w: WindowId): ClientState | undefined { return this.clients.get(w); }

  /** Grab keys, adopt `existing` windows (with the root each is on), start the clock. */
  async start(existing: readonly { window: WindowId; root: WindowId }[], early: readonly XEvent[]): Promise<void> {
    await this.setupKeys();
    for (const e of existing) this.loop.enqueue(this.manage(e.window, e.root, true), `adopting 0x${e.window.toString(16)}`);
    if (this.o.restored === true) this.loop.enqueue(() => this.settleRestored(), 'restored windows that are gone');
    // Events that arrived while starting up (a MapRequest must never be lost), then live ones.
    for (const ev of early) this.onEvent(ev);
    this.x.onEvent((ev) => this.onEvent(ev));
    this.clock.start();
    this.status?.start();
    this.loop.requestRender();
    await this.loop.idle();
  }

  // ---- rendering ----
  private barState(model: Model): BarState {
    return {
      clocks: this.clockTexts(),
      mode: this.prompt !== null ? promptText(this.prompt) : modeText(this.modes, this.modeState),
      message: model.message ?? this.configMessage,
      status: this.status?.blocks ?? NO_BLOCKS,
    };
  }

  /** The clocks' texts at `now`, formatted once per tick: the renders between two ticks
   *  (a burst of windows) reuse them. */
  private clockTexts(): readonly string[] {
    const b = this.config.bar;
    const c = this.clockCache;
    if (c !== null && c.now === this.now && c.bar === b) return c.texts;
    const texts = [...b.clocks.map((k) => formatClock(this.now, k.format, k.zone)), formatClock(this.now, b.clock, b.zone)];
    this.clockCache = { now: this.now, bar: b, texts };
    return texts;
  }

  /** The bar's status command (not started yet), or null when the config has none. */
  private statusCommand(bar: BarConfig): StatusCommand | null {
    const cmd = bar.statusCommand;
    return cmd === null ? null : new StatusCommand({
      command: cmd, shell: bar.statusShell, env: { ...process.env, DISPLAY: this.x.name },
      onChange: () => this.redrawBars(),
    });
  }

  /** Colours and text measure of the strips; the same object until the colours or fonts change. */
  private look(): Look {
    const colors = this.config.colors;
    const fallbacks = this.o.font.fallbacks;
    const c = this.lookCache;
    if (c !== null && c.colors === colors && c.fallbacks === fallbacks) return c.look;
    const shape = shapeOf(this.o.font);
    const look: Look = { colors, charWidth: shape.charWidth, measure: (t) => measure(shape, t) };
    this.lookCache = { colors, fallbacks, look };
    return look;
  }

  /** Fonts for characters the bar's font lacks arrived: measure and draw everything again. */
  setFallbackFonts(fonts: readonly Font[]): void {
    if (fonts.length === 0 || this.stopping) return;
    this.o.font.fallbacks = fonts;
    this.renderer.repaintAll();
    this.loop.requestRender();
  }

  private render(): void {
    const lay = layout(this.model, this.o.theme);
    const state = this.barState(this.model);
    const bars = lay.monitors.map((_, i) => barSegments(this.model, i, state));
    this.renderer.push(buildScene(lay, bars, this.look()));
    this.lastLayout = lay;
    this.lastModel = this.model;
    // EWMH: lists (hidden windows first, then the visible ones bottom to top), desktops, per-client state.
    // The lists are rebuilt only when a client came or went or the visible stacking changed.
    if (this.clientListDirty || !sameIds(lay.stacking, this.lastStacking)) {
      this.clientListDirty = false;
      this.lastStacking = lay.stacking;
      const visible = new Set(lay.stacking);
      this.clientList = [...this.clients.keys()];
      this.stackingList = [...this.clientList.filter((w) => !visible.has(w)), ...lay.stacking];
    }
    this.ewmh.publish(this.model, {
      clients: this.clientList,
      stacking: this.stackingList,
      areas: lay.monitors.map((m) => m.area),
    });
    if (this.model.clients !== this.lastClients || this.model.workspaces !== this.lastWorkspaces) {
      const before = this.lastClients;
      this.lastClients = this.model.clients;
      this.lastWorkspaces = this.model.workspaces;
      // Floats are kept above the tiles: _NET_WM_STATE_ABOVE says so to pagers and scripts.
      // Only clients whose record or float status changed are written again.
      const floating = new Set(this.model.workspaces.flatMap((ws) => ws.floating ?? []));
      const floatChanged = new Set<WindowId>();
      for (const w of floating) if (!this.lastFloating.has(w)) floatChanged.add(w);
      for (const w of this.lastFloating) if (!floating.has(w)) floatChanged.add(w);
      this.lastFloating = floating;
      for (const c of this.model.clients.values()) {
        if (before?.get(c.id) === c && !floatChanged.has(c.id)) continue;
        const states = [];
        if (c.fullscreen === true) states.push(this.atoms._NET_WM_STATE_FULLSCREEN);
        if (c.urgent) states.push(this.atoms._NET_WM_STATE_DEMANDS_ATTENTION);
        if (floating.has(c.id)) states.push(this.atoms._NET_WM_STATE_ABOVE);
        this.ewmh.publishState(c.id, states);
      }
    }
    this.onRendered?.();
  }

  /**
   * The clock ticked or the status changed: only the bars' text differs. Redraw the bars
   * against the last full render's layout and model (so they never run ahead of the rest
   * of the screen), painting only a bar whose pixels change. Anything pending for a full
   * render waits for it instead.
   */
  private redrawBars(): void {
    if (this.stopping || this.barsPending) return;
    this.barsPending = true;
    setImmediate(() => {
      this.barsPending = false;
      if (this.stopping) return;
      const lay = this.lastLayout;
      const model = this.lastModel;
      if (lay === null || model === null || model !== this.model) { this.loop.requestRender(); return; }
      const strips = this.barStrips(lay, model);
      this.barRedraws++;
      if (!this.renderer.pushStripsOnly(strips)) this.loop.requestRender();
    });
  }

  /** The bars for a bars-only redraw: only the clock cells anew when nothing but the time
   *  changed since the last one, else built in full (and remembered for the next tick). */
  private barStrips(lay: Layout, model: Model): readonly Strip[] {
    const state = this.barState(model);
    const look = this.look();
    const status = state.status;
    const c = this.barCache;
    if (c !== null && c.layout === lay && c.model === model && c.look === look && c.mode === state.mode &&
      c.message === state.message && c.status === status) {
      const strips = retimeBars(c.strips, c.segments.map((s) => withClocks(s, state.clocks)), look);
      if (strips !== null) {
        this.barCache = { ...c, strips };
        return strips;
      }
    }
    const segments = lay.monitors.map((_, i) => barSegments(model, i, { ...state, clocks: [] }));
    const strips = buildBars(lay, segments.map((s) => withClocks(s, state.clocks)), look);
    this.barCache = { layout: lay, model, look, mode: state.mode, message: state.message, status, segments, strips };
    return strips;
  }

  /** The hints Fion honours (_NET_SUPPORTED). */
  supported(): number[] { return this.ewmh.supported(); }

  // ---- events ----
  private onEvent(ev: XEvent): void {
    if (this.o.monitors?.isChange(ev) === true) {
      this.rereadMonitors('RandR change');
      return;
    }
    switch (ev.kind) {
      case 'ConfigureNotify':
        if (ev.window === ev.event && this.screenOfRoot(ev.window) !== undefined) this.rereadMonitors('root ConfigureNotify');
        return;
      case 'MapRequest':
        // Whether it is managed already is decided when the job runs: an UnmapNotify queued
        // before this request may yet release it (a client that unmaps and maps at once).
        if (this.isOurs(ev.window)) return;
        this.loop.enqueue(this.manage(ev.window, ev.parent, false, ev.synthetic === true), `MapRequest 0x${ev.window.toString(16)}`);
        return;
      case 'ReparentNotify':
        this.loop.enqueue(this.onReparent(ev.window, ev.parent, ev.overrideRedirect), 'ReparentNotify');
        return;
      case 'FocusIn':
        // Normal (0) or WhileGrabbed (3: focus moved while a keyboard grab is active, a key
        // binding being pressed, say); not the pseudo-moves of a grab starting or ending.
        if (ev.mode === 0 || ev.mode === 3) this.loop.enqueue(() => this.onFocusIn(ev.window, ev.detail), 'FocusIn');
        return;
      case 'UnmapNotify':
        this.loop.enqueue(() => this.onUnmap(ev.window, ev.synthetic), 'UnmapNotify');
        return;
      case 'DestroyNotify':
        // Forgotten by the renderer even when no longer managed: a count of unmaps on their way
        // must not outlive the window, or a later window with the same id would inherit it.
        this.loop.enqueue(() => { this.mapAsked.delete(ev.window); this.renderer.forget(ev.window, true); this.unmanage(ev.window, false); }, 'DestroyNotify');
        return;
      case 'ConfigureRequest':
        // Only a forged one can name a root or Fion's own windows (bars, check window).
        if (this.isOurs(ev.window)) return;
        this.loop.enqueue(() => this.onConfigureRequest(ev), 'ConfigureRequest');
        return;
      case 'PropertyNotify':
        if (this.clients.has(ev.window) && (ev.atom === this.atoms.WM_NAME || ev.atom === this.atoms._NET_WM_NAME)) this.readTitle(ev.window);
        else if (this.clients.has(ev.window)) this.loop.enqueue(this.onProperty(ev.window, ev.atom), 'PropertyNotify');
        else if (this.docks.has(ev.window) && (ev.atom === this.atoms._NET_WM_STRUT || ev.atom === this.atoms._NET_WM_STRUT_PARTIAL)) {
          this.loop.enqueue(this.onStrut(ev.window), 'strut change');
        }
        return;
      case 'ClientMessage':
        this.loop.enqueue(() => this.onClientMessage(ev.window, ev.type, ev.data), 'ClientMessage');
        return;
      case 'KeyPress':
        this.loop.enqueue(() => this.onKey(ev.keycode, ev.state), 'KeyPress');
        return;
      case 'ButtonPress':
        this.loop.enqueue(() => this.onButton(ev.window, ev.x, ev.time, ev.button, ev.y, ev.rootX, ev.rootY), 'ButtonPress');
        return;
      case 'Expose':
        if (ev.count === 0) this.renderer.expose(ev.window);
        return;
      case 'MappingNotify':
        if (ev.request !== 2 /* pointer */) this.loop.enqueue(this.setupKeys().then(() => null), 'MappingNotify');
        return;
      case 'SelectionClear':
        if (this.o.ownership.some((o) => o.selection === ev.selection)) {
          log.info('another window manager is taking over; stepping aside');
          void this.shutdown(0);
        }
        return;
      default:
        return;
    }
  }

  /** Roots and Fion's own windows: never managed, whatever a client sends. */
  private isOurs(w: WindowId): boolean {
    return this.renderer.isOwnWindow(w) || this.x.screens.some((s) => s.root === w) || this.o.ownership.some((o) => o.window === w);
  }

  private manage(w: WindowId, parent: WindowId, adopting: boolean, forged = false): Promise<(() => void) | null> {
    return fetchClientInfo(this.x, this.atoms, w).then((info) => () => {
      if (info === null || this.clients.has(w) || this.docks.has(w) || this.isOurs(w)) return;
      // A forged MapRequest can name any window: only a root's children are top-level.
      if (!this.x.screens.some((s) => s.root === info.parent)) {
        // A real one whose window its client has since moved into a window of its own: not
        // Fion's to manage (nor to map: what Fion read may be stale already, and a map would
        // then land on the root, unmanaged). Remember the request, or the window would come
        // back to the root one day unmapped and lost.
        if (!adopting && !forged && info.parent !== null) this.mapAsked.add(w);
        return;
      }
      // Asked to be mapped, and back on a root since: manage it, mapped or not.
      const asked = this.mapAsked.delete(w);
      if (!wantsManagement(info)) {
        // Input-only, or made override-redirect since it asked to be mapped: not Fion's to
        // manage, but its client asked for a map and must not be left waiting forever.
        if (!adopting) this.x.map(w);
        return;
      }
      if (adopting && !asked && info.mapState !== 'viewable' && info.wmState !== 3 /* Iconic: hidden by a manager before us */) return;
      const screen = this.screenOfRoot(parent);
      const rule = ruleActions(this.config.rules, info);
      const natural = natureOf(info, this.atoms);
      const nature = natural === 'dock' || rule.float === undefined ? natural : rule.float ? 'float' : 'tile';
      if (nature === 'dock') {
        // Panels place themselves; their struts keep tiles off the edge they sit on.
        this.docks.set(w, { screen: screen ?? 0, strut: info.strut });
        this.x.changeAttributes(w, { eventMask: 1 << 22 /* PropertyChange: strut updates */ });
        this.x.map(w);
        this.updateReserved();
        return;
      }
      const state = manageWindow(this.x, this.atoms, info);
      this.clients.set(w, state);
      this.clientListDirty = true;
      const transientFor = info.transientFor !== null && info.transientFor !== w ? info.transientFor : null;
      if (this.model.clients.has(w)) {
        // Restored after a restart: it keeps its place and states; what X says now refreshes the rest.
        this.model = updateClient(this.model, w, {
          title: info.title, instance: info.instance, class: info.class, transientFor, sizeHints: sizeHintsOf(info.normalHints),
        });
        if (info.mapState === 'viewable') this.renderer.adoptMapped(w);
        log.debug(`re-adopted 0x${w.toString(16)} "${info.title}"`);
        return;
      }
      this.model = addClient(this.model, {
        id: w, title: info.title, instance: info.instance, class: info.class, urgent: info.hints.urgent,
        transientFor, sizeHints: sizeHintsOf(info.normalHints),
        fullscreen: info.netState.includes(this.atoms._NET_WM_STATE_FULLSCREEN),
        ...(info.geometry === null ? {} : { requested: info.geometry }),
      }, screen, { floating: nature === 'float' });
      if (rule.workspace !== undefined) {
        const target = ensureWorkspace(this.model, rule.workspace);
        this.model = moveClientTo(target.model, w, target.id);
      } else if (nature === 'tile' && !adopting) {
        // A tile of a loaded layout may be waiting for this window.
        this.model = claimWaiting(this.model, w);
      }
      if (adopting && info.mapState === 'viewable') {
        // Already mapped before Fion: the renderer must know so it can hide it when needed.
        this.renderer.adoptMapped(w);
      }
      log.debug(`managing 0x${w.toString(16)} "${info.title}" (${info.class}) as ${nature}`);
    });
  }

  /** Read the monitors again (hot-plug, resize); apply them in event order. Workspaces of
   *  vanished monitors stay; a new monitor gets a workspace of its own (setMonitors). */
  private rereadMonitors(why: string): void {
    const source = this.o.monitors;
    if (source === undefined) return;
    this.loop.enqueue(source.read().then((read) => () => {
      const infos = monitorInfos(read);
      if (sameMonitors(infos, this.model.monitors)) return;
      log.info(`${why}: monitors ${infos.map((m) => `${m.name} ${m.rect.width}x${m.rect.height}+${m.rect.x}+${m.rect.y}`).join(', ')}`);
      const before = new Set(this.model.monitors.map((m) => m.name));
      this.model = setMonitors(this.model, infos);
      // An output that (re)appears takes the workspaces pinned to it.
      const added = new Set(infos.map((m) => m.name).filter((n) => !before.has(n)));
      if (added.size > 0) this.model = pinWorkspaces(this.model, this.config.workspaceOutputs, added);
      this.updateReserved();
    }), why);
  }

  /** Recompute every monitor's reserved edges from the struts of the docks on its X screen
   *  (a strut is relative to its own root's edges). */
  private updateReserved(): void {
    const docks = [...this.docks.values()];
    const monitors = this.model.monitors;
    for (const screen of this.x.screens) {
      const struts = docks.flatMap((d) => (d.strut === null || d.screen !== screen.index ? [] : [d.strut]));
      const mine = monitors.flatMap((m, i) => (m.screen === screen.index ? [i] : []));
      const insets = reservedFromStruts(mine.map((i) => monitors[i]!.rect), screen, struts);
      insets.forEach((ins, k) => { this.model = setReserved(this.model, mine[k]!, ins); });
    }
  }

  private screenOfRoot(root: WindowId): number | undefined {
    const i = this.x.screens.findIndex((s) => s.root === root);
    return i < 0 ? undefined : i;
  }

  private onUnmap(w: WindowId, synthetic: boolean): void {
    if (this.docks.delete(w)) { this.updateReserved(); return; }
    if (!this.clients.has(w)) return;
    if (!synthetic && this.renderer.consumeOwnUnmap(w)) return;
    this.unmanage(w, true, synthetic);
  }

  /**
   * `mayBeMapped`: only a synthetic UnmapNotify says so. After a real one (or a reparent away)
   * the client unmapped the window itself, and an unmap from Fion could only hit it where the
   * client has put it since (mapped again inside a window of its own).
   */
  private unmanage(w: WindowId, withdrawn: boolean, mayBeMapped = false): void {
    if (this.docks.delete(w)) { this.updateReserved(); return; }
    if (!this.clients.delete(w)) return;
    this.ewmh.forget(w);
    this.clientListDirty = true;
    if (withdrawn) {
      // A client that withdrew before Fion mapped it (ICCCM's synthetic UnmapNotify) is
      // still mapped by Fion: unmap it, or it would stay on screen, unmanaged.
      if (mayBeMapped) this.renderer.unmapReleased(w);
      releaseWithdrawn(this.x, this.atoms, w);
    }
    this.renderer.forget(w, !withdrawn);
    this.model = removeClient(this.model, w);
    log.debug(`unmanaged 0x${w.toString(16)} (${withdrawn ? 'withdrawn' : 'destroyed'})`);
  }

  private onConfigureRequest(ev: Extract<XEvent, { kind: 'ConfigureRequest' }>): void {
    if (this.clients.has(ev.window) && isFloating(this.model, ev.window) && (ev.mask & 15) !== 0) {
      // A floating window places itself; fields it didn't send keep their current value.
      const g = this.renderer.geometryOf(ev.window) ?? this.model.clients.get(ev.window)?.requested;
      const m = ev.mask;
      const rect = {
        x: m & 1 ? ev.x : (g?.x ?? 0), y: m & 2 ? ev.y : (g?.y ?? 0),
        width: m & 4 ? ev.width : (g?.width ?? 1), height: m & 8 ? ev.height : (g?.height ?? 1),
      };
      this.model = moveFloating(this.model, ev.window, rect);
      // The reply comes from the next render; a float that ends where it was still hears back.
      const now = this.renderer.geometryOf(ev.window);
      if (now !== undefined) this.x.sendConfigureNotify(ev.window, { ...now, borderWidth: 0 });
      return;
    }
    if (this.clients.has(ev.window)) {
      // A tiled window's geometry is the layout's: say so (ICCCM 4.1.5) without moving it.
      const g = this.renderer.geometryOf(ev.window);
      if (g !== undefined) {
        this.x.sendConfigureNotify(ev.window, { ...g, borderWidth: 0 });
        return;
      }
    }
    // Not ours to place: grant exactly the fields asked for.
    const values: Record<string, number> = {};
    const m = ev.mask;
    if (m & 1) values.x = ev.x;
    if (m & 2) values.y = ev.y;
    if (m & 4) values.width = Math.max(1, ev.width);
    if (m & 8) values.height = Math.max(1, ev.height);
    if (m & 16) values.borderWidth = ev.borderWidth;
    if (m & 32) values.sibling = ev.sibling;
    if (m & 64) values.stackMode = ev.stackMode;
    if (this.clients.has(ev.window)) { delete values.sibling; delete values.stackMode; }
    this.x.configure(ev.window, values);
  }

  private onProperty(w: WindowId, atom: number): Promise<(() => void) | null> | (() => void) {
    const a = this.atoms;
    if (atom === a.WM_NAME || atom === a._NET_WM_NAME) {
      return Promise.all([this.x.getProperty(w, a._NET_WM_NAME, 0, 1024), this.x.getProperty(w, a.WM_NAME, 0, 1024)])
        .then(([n, o]) => () => {
          if (!this.clients.has(w)) return;
          this.model = updateClient(this.model, w, { title: titleOf(isFailure(n) ? null : n, isFailure(o) ? null : o, a) });
        });
    }
    if (atom === a.WM_HINTS) {
      return this.x.getProperty(w, a.WM_HINTS, 0, 9).then((p) => () => {
        const c = this.clients.get(w);
        if (c === undefined) return;
        const hints = decodeWmHints(isFailure(p) ? null : p);
        const was = c.input;
        c.input = hints.input;
        if (was !== c.input) this.focusModelChanged(w);
        this.model = updateClient(this.model, w, { urgent: hints.urgent && focusedClient(this.model) !== w });
      });
    }
    if (atom === a.WM_NORMAL_HINTS) {
      return this.x.getProperty(w, a.WM_NORMAL_HINTS, 0, 18).then((p) => () => {
        if (!this.clients.has(w)) return;
        this.model = updateClient(this.model, w, { sizeHints: sizeHintsOf(decodeNormalHints(isFailure(p) ? null : p)) });
      });
    }
    if (atom === a.WM_PROTOCOLS) {
      return this.x.getProperty(w, a.WM_PROTOCOLS, 0, 64).then((p) => () => {
        const c = this.clients.get(w);
        if (c === undefined) return;
        const takeFocus = c.protocols.has(a.WM_TAKE_FOCUS);
        c.protocols = new Set(decodeAtoms(isFailure(p) ? null : p));
        if (takeFocus !== c.protocols.has(a.WM_TAKE_FOCUS)) this.focusModelChanged(w);
      });
    }
    return () => {};
  }

  /** The focused client now takes input another way (WM_HINTS input, WM_TAKE_FOCUS): focus it
   *  again that way, or a client that came to accept input would be left without the keys. */
  private focusModelChanged(w: WindowId): void {
    if (this.renderer.focusedClient === w) this.renderer.refocus(w, 0); // the screen matters only for no client
  }

  /**
   * Title changes, coalesced: while one read of a window's title is on its way, further
   * changes only ask for one more read after it (which sees the newest title). A client
   * renaming a window thousands of times a second costs a few reads, and keys pressed
   * meanwhile don't wait behind thousands of queued ones.
   */
  private readonly titleReads = new Map<WindowId, boolean>();
  /** Windows whose MapRequest came after their client moved them off the root (see manage). */
  private readonly mapAsked = new Set<WindowId>();
  private readTitle(w: WindowId): void {
    if (this.titleReads.has(w)) { this.titleReads.set(w, true); return; }
    this.titleReads.set(w, false);
    const read = this.onProperty(w, this.atoms._NET_WM_NAME) as Promise<(() => void) | null>;
    this.loop.enqueue(read.finally(() => {
      const again = this.titleReads.get(w) === true;
      this.titleReads.delete(w);
      if (again) this.readTitle(w);
    }), 'title change');
  }

  /** A client moved a window: out of the root it is no longer ours; into the root, it may be. */
  private onReparent(w: WindowId, parent: WindowId, overrideRedirect: boolean): Promise<(() => void) | null> | (() => void) {
    const root = this.x.screens.find((s) => s.root === parent);
    if (root === undefined) {
      return () => {
        // Hidden by Fion (a background tab, another workspace), its client never unmapped it:
        // its map still stands, or it would come back to the root one day unmapped and lost.
        // (Not mapped here: by the time the server sees a map, the client may have moved it
        // back to the root, where Fion's own map would show it unmanaged.) A shown window's
        // reparent already unmanaged it.
        if (this.clients.has(w) && !this.renderer.isShown(w)) this.mapAsked.add(w);
        // An unmap of Fion's still counted can no longer come back: one that reached the window
        // before the reparent came back before this event; one after it hit it off the root,
        // where Fion doesn't hear it.
        this.renderer.forget(w, true);
        this.unmanage(w, true);
      };
    }
    if (overrideRedirect) return () => {};
    // Whether it is managed is decided when the job runs (an earlier job may yet release it).
    return this.manage(w, parent, true); // adopted like a window found at start-up: only if mapped
  }

  /** Focus landed on the root, or on a client Fion didn't choose: put it back, at most every 100 ms. */
  private lastReassert = 0;
  private reassertPending = false;
  private onFocusIn(w: WindowId, detail: number): void {
    // On a root, Virtual (1) and NonlinearVirtual (4) mean the focus went into a window below it: fine.
    const onRoot = this.x.screens.some((s) => s.root === w) && detail !== 1 && detail !== 4;
    const strayClient = this.clients.has(w) && detail !== 2 /* Inferior: the client focused its own child */ &&
      this.renderer.focusedClient !== w;
    if (!onRoot && !strayClient) return;
    const wait = this.lastReassert + 100 - Date.now();
    if (wait <= 0) {
      this.lastReassert = Date.now();
      this.renderer.reassertFocus();
    } else if (!this.reassertPending) {
      // A client fighting for focus can't make Fion spin; it gets its answer a little later.
      this.reassertPending = true;
      setTimeout(() => this.loop.enqueue(() => {
        this.reassertPending = false;
        this.lastReassert = Date.now();
        this.renderer.reassertFocus();
      }, 'focus reassert'), wait);
    }
  }

  private onStrut(w: WindowId): Promise<(() => void) | null> {
    const a = this.atoms;
    return Promise.all([this.x.getProperty(w, a._NET_WM_STRUT_PARTIAL, 0, 12), this.x.getProperty(w, a._NET_WM_STRUT, 0, 4)])
      .then(([p, q]) => () => {
        const d = this.docks.get(w);
        if (d === undefined) return;
        d.strut = decodeStrut(isFailure(p) ? null : p, isFailure(q) ? null : q);
        this.updateReserved();
      });
  }

  private onClientMessage(w: WindowId, type: number, data: readonly number[]): void {
    const a = this.atoms;
    if (type === a.FION_SYNC) {
      // The sync barrier: everything before this message is handled; render it, then answer.
      this.loop.renderNow();
      // A focus taken back later (rate-limited) is part of "handled": take it back now.
      if (this.reassertPending) this.renderer.reassertFocus();
      const to = (data[0] ?? 0) as WindowId;
      if (to !== 0) this.x.sendClientMessage(to, to, a.FION_SYNC, data, 0);
      return;
    }
    const out = handleClientMessage(this.model, a, w, type, data, this.activation);
    this.model = out.model;
    for (const e of out.effects) {
      if (e.kind === 'close') this.perform({ kind: 'close', window: e.window });
      else this.x.changeProperty(e.window, a._NET_FRAME_EXTENTS, a.CARDINAL, 32, [0, 0, 0, 0]); // no frames
    }
  }

  private onKey(keycode: number, state: number): void {
    if (this.keyboard === null) return;
    if (this.prompt !== null) {
      const r = promptKey(this.prompt, typedKey(this.keyboard, keycode, state));
      this.prompt = r.kind === 'open' ? r.prompt : null;
      if (r.kind !== 'open') this.releaseKeyboard();
      if (r.kind === 'done') this.runCommand(r.command, 'prompt');
      this.loop.requestRender();
      return;
    }
    if (this.modeState.kind === 'mode') {
      // The keyboard is grabbed: every key comes here, and none goes on to a client.
      const press = keySpecOf(this.keyboard, keycode, state);
      this.applyMode(pressKey(this.modes, this.modeState, press), `mode ${this.modeState.mode} key ${press.spec}`);
      return;
    }
    const b = lookup(this.grabs, this.keyboard, keycode, state);
    if (b !== undefined) this.runCommand(b.command, `key ${b.keys}`);
  }

  private onButton(w: WindowId, x: number, time: number, button = 1, y = 0, rootX = 0, rootY = 0): void {
    const hit = this.renderer.hit(w, x);
    if (hit !== null) {
      const tile = /^tabs:(\d+)$/.exec(hit.key);
      const tab = /^tab:(\d+)$/.exec(hit.tag ?? '');
      if (tile !== null && tab !== null) this.model = showTabAt(this.model, Number(tile[1]) as TileId, Number(tab[1]));
      const bar = /^bar:(\d+)$/.exec(hit.key);
      if (bar !== null) this.onBarClick(Number(bar[1]), hit, button, x, y, rootX, rootY);
      return;
    }
    if (this.clients.has(w)) {
      // A click into a tile focuses it, then goes on to the client.
      if (focusedClient(this.model) !== w && findClient(this.model, w) !== null) this.model = focusClient(this.model, w);
      this.x.replayPointer(time);
    }
  }

  /** A click on a monitor's bar: a workspace goes there, the wheel walks the workspaces,
   *  a status block hears of it. */
  private onBarClick(monitor: number, hit: { tag: string | undefined; cellX: number; cellWidth: number; height: number },
    button: number, x: number, y: number, rootX: number, rootY: number): void {
    const tag = hit.tag ?? '';
    const status = /^status:(\d+)$/.exec(tag);
    if (status !== null) {
      this.status?.click(Number(status[1]), button, rootX, rootY, x - hit.cellX, y, hit.cellWidth, hit.height);
      return;
    }
    if (button !== 1 && button !== 4 && button !== 5) return;
    // The click acts on the monitor it landed on.
    if (monitor !== this.model.focusedMonitor && this.model.monitors[monitor] !== undefined) {
      this.model = { ...this.model, focusedMonitor: monitor };
    }
    const ws = /^ws:(\d+)$/.exec(tag);
    if (button === 1 && ws !== null) this.runCommand(`workspace goto ${Number(ws[1]) + 1}`, 'bar click');
    else if (button === 4) this.runCommand('workspace prev', 'bar wheel');
    else if (button === 5) this.runCommand('workspace next', 'bar wheel');
  }

  // ---- commands and their effects ----
  runCommand(text: string, source: string): string | null {
    const parsed = parseCommands(text);
    if (!parsed.ok) {
      log.warn(`${source}: ${parsed.error}`);
      return parsed.error;
    }
    const out = executeCommands(this.model, parsed.commands, { theme: this.o.theme, resizeStep: this.config.resizeStep });
    this.model = out.model;
    for (const e of out.effects) this.perform(e);
    this.loop.requestRender();
    return null;
  }

  /** Run `a; b; c` one command at a time, saying for each whether it worked and why not
   *  (a parse error, or the model's refusal). Later commands run even if one fails. */
  runCommandsReport(text: string, source: string): CommandReport[] {
    const statements = splitStatements(text).filter((s) => s.trim() !== '');
    if (statements.length === 0) return [{ command: text, success: false, error: 'empty command' }];
    const reports: CommandReport[] = [];
    for (const statement of statements) {
      const command = statement.trim();
      const parsed = parseCommand(command);
      if (!parsed.ok) {
        log.warn(`${source}: ${parsed.error}`);
        reports.push({ command, success: false, error: parsed.error });
        continue;
      }
      const out = executeCommand(this.model, parsed.command, { theme: this.o.theme, resizeStep: this.config.resizeStep });
      this.model = out.model;
      this.effectError = null;
      for (const e of out.effects) this.perform(e);
      const refusal = out.effects.find((e) => e.kind === 'message');
      const error = refusal?.text ?? this.effectError;
      reports.push(error === null ? { command, success: true } : { command, success: false, error });
    }
    this.loop.requestRender();
    return reports;
  }

  private perform(e: Effect): void {
    switch (e.kind) {
      case 'terminal':
        this.spawn(this.config.terminal, ['xterm']);
        return;
      case 'spawn':
        this.spawn(e.argv, null);
        return;
      case 'close': {
        const c = this.clients.get(e.window);
        if (c !== undefined) log.info(`close 0x${e.window.toString(16)}: ${closeWindow(this.x, this.atoms, c, Date.now())}`);
        return;
      }
      case 'exit':
        void this.shutdown(0);
        return;
      case 'restart':
        void this.restart();
        return;
      case 'reload':
        this.effectError = this.reload();
        return;
      case 'mode':
        this.applyMode(enterMode(this.modes, this.modeState, e.name), `mode ${e.name}`);
        return;
      case 'message':
        return; // already in model.message, shown by the bar
      case 'prompt':
        this.openPrompt(e.command);
        return;
      case 'layout-save': {
        const error = writeLayoutFile(e.path, e.layout);
        if (error !== null) this.effectFailed(`layout save: ${error}`);
        return;
      }
      case 'layout-load': {
        const r = readLayoutFile(e.path);
        if (!r.ok) this.effectFailed(`layout load: ${r.error}`);
        else this.model = loadLayout(this.model, r.layout);
        return;
      }
    }
  }

  /** An effect that failed: the bar says so, and so does the control socket's reply. */
  private effectError: string | null = null;
  private effectFailed(text: string): void {
    log.warn(text);
    this.effectError = text;
    this.model = refuse(this.model, text);
  }

  // ---- modes ----
  /** Take a step of the mode state machine: grab or release the keyboard, say what it says, run its command. */
  private applyMode(r: KeyResult, source: string): void {
    this.modeState = r.state;
    if (r.grab === 'release') this.releaseKeyboard();
    if (r.grab === 'acquire') this.acquireKeyboard();
    if (r.message !== undefined) this.model = refuse(this.model, r.message);
    // Last: the command may itself change the mode (`mode tile` bound inside a mode).
    if (r.command !== undefined) this.runCommand(r.command, source);
    this.loop.requestRender();
  }

  private acquireKeyboard(): void {
    const epoch = ++this.grabEpoch;
    const root = this.x.screens[0]?.root;
    if (root === undefined) return;
    this.loop.enqueue(this.x.grabKeyboard(root, 0 /* CurrentTime */).then((status) => () => {
      if (status === 0) return; // Success (an ungrab sent since then has undone it already)
      if (epoch !== this.grabEpoch || this.modeState.kind !== 'mode') return;
      const why = isFailure(status) ? `GrabKeyboard failed (${status.name})`
        : ['', 'another program holds the keyboard', 'GrabKeyboard: invalid time', 'the root window is not viewable',
          'the keyboard is frozen by another program'][status] ?? `GrabKeyboard status ${status}`;
      log.warn(`cannot enter mode ${this.modeState.mode}: ${why}`);
      this.grabEpoch++;
      this.applyMode(grabFailed(this.modeState, why), 'GrabKeyboard');
    }), 'GrabKeyboard');
  }

  /** Read a line in the bar; Return runs `command` with it. Keys come to Fion through a keyboard grab. */
  private openPrompt(command: string): void {
    const root = this.x.screens[0]?.root;
    if (root === undefined) return;
    this.prompt = { label: command, command, text: '' };
    const epoch = ++this.grabEpoch;
    this.loop.enqueue(this.x.grabKeyboard(root, 0).then((status) => () => {
      if (status === 0 || epoch !== this.grabEpoch || this.prompt === null) return;
      this.prompt = null;
      this.model = refuse(this.model, `${command}: another program holds the keyboard`);
    }), 'GrabKeyboard for a prompt');
  }

  private releaseKeyboard(): void {
    this.grabEpoch++;
    this.x.ungrabKeyboard(0);
  }

  /** Start a program detached from Fion (it outlives a restart); `fallback` if the first isn't found. */
  private spawn(argv: readonly string[], fallback: readonly string[] | null): void {
    const [cmd, ...args] = argv;
    if (cmd === undefined) return;
    try {
      const child = spawn(cmd, args, { detached: true, stdio: 'ignore', env: { ...process.env, DISPLAY: this.x.name } });
      child.on('error', (err) => {
        log.warn(`cannot start ${cmd}: ${err.message}`);
        if (fallback !== null) this.spawn(fallback, null);
      });
      child.unref();
    } catch (err) {
      log.warn(`cannot start ${cmd}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async setupKeys(): Promise<void> {
    this.keyboard = await readKeyboard(this.x);
    // A mode's enter key is a normal-mode binding of `mode NAME`.
    const { table, problems } = resolveBindings(this.keyboard, [...this.config.bindings, ...modeEnterBindings(this.config.modes)]);
    for (const p of problems) log.warn(`binding ${p}`);
    this.grabs = table;
    grabAll(this.x, this.keyboard, table);
  }

  // ---- restart in place and reload ----
  /** After a restart, windows of the saved layout that no longer exist (or were withdrawn) go. */
  private settleRestored(): void {
    for (const w of [...this.model.clients.keys()]) {
      if (this.clients.has(w)) continue;
      this.model = removeClient(this.model, w);
      log.info(`restored window 0x${w.toString(16)} is gone; dropped`);
    }
    // _NET_CLIENT_LIST keeps its order (the model's, which is the order of managing), not
    // the stacking order the windows were adopted in.
    const adopted = new Map(this.clients);
    this.clients.clear();
    for (const w of [...this.model.clients.keys(), ...adopted.keys()]) {
      const state = adopted.get(w);
      if (state !== undefined && !this.clients.has(w)) this.clients.set(w, state);
    }
    this.clientListDirty = true;
  }

  private restarting = false;
  /**
   * Check the code on disk, save the model, and exit for the supervisor to run Fion again.
   * Resolves to null when handing over, else to why not (also shown in the bar).
   */
  restart(): Promise<string | null> {
    const r = this.o.restart;
    if (r === undefined || !r.supervised) {
      const why = 'restart failed: Fion was not started by bin/fion, which restarts it';
      this.model = refuse(this.model, why);
      this.loop.requestRender();
      return Promise.resolve(why);
    }
    if (this.restarting || this.stopping) return Promise.resolve('restart failed: already restarting');
    this.restarting = true;
    log.info('restart: checking that the code on disk starts');
    return new Promise((resolve) => void r.check().then((problem) => this.loop.enqueue(() => {
      this.restarting = false;
      if (problem === null) {
        try {
          writeStateFile(r.statePath, this.model, this.x.name);
        } catch (e) {
          problem = `cannot write ${r.statePath}: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
      if (problem !== null) {
        log.warn(`restart failed: ${problem}`);
        this.model = refuse(this.model, `restart failed: ${problem}`);
        resolve(`restart failed: ${problem}`);
        return;
      }
      log.info(`restart: state saved to ${r.statePath}; handing over`);
      resolve(null);
      void this.exitForRestart();
    }, 'restart')));
  }

  /** Let go without touching any window: the next Fion adopts them all where they are. */
  private async exitForRestart(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    // Subscribers hear `shutdown`; the socket closes now, so the next Fion can listen at once.
    try { this.onShutdown?.(); } catch (err) { log.error(`shutdown hook: ${err instanceof Error ? err.message : String(err)}`); }
    this.clock.stop();
    const statusGone = this.status?.stop(500); // the next Fion starts its own
    this.loop.stop();
    // Closing the connection maps every unmapped window of the save-set: hidden ones leave
    // it first. They keep WM_STATE Iconic, which is how the next Fion knows to adopt them.
    for (const w of this.clients.keys()) if (!this.renderer.isShown(w)) this.x.removeFromSaveSet(w);
    this.x.ungrabKeyboard(0);
    try {
      await this.x.sync();
    } finally {
      await statusGone;
      await this.x.close();
      this.o.onExit(EXIT_RESTART);
    }
  }

  /** Read the config file again and apply it; null when applied, else the error (the old config stays). */
  reload(): string | null {
    const read = this.o.reloadConfig;
    let error: string | null = null;
    let loaded: LoadResult | null = null;
    if (read === undefined) error = 'reload is not available';
    else {
      try {
        loaded = read();
      } catch (e) {
        error = `config error: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    const first = loaded?.errors[0];
    if (loaded !== null && first !== undefined) {
      for (const e of loaded.errors) log.warn(`config: ${formatConfigError(e)}`);
      error = `config error: ${formatConfigError(first)}${loaded.errors.length > 1 ? ` (+${loaded.errors.length - 1} more)` : ''}`;
    }
    this.configRead = { path: loaded?.path ?? this.configRead.path, errors: loaded?.errors ?? [], reads: this.configRead.reads + 1 };
    if (error !== null || loaded === null) {
      this.configMessage = error;
      log.warn(`reload: ${error ?? 'failed'}; keeping the running config`);
      this.loop.requestRender();
      return error ?? 'reload failed';
    }
    this.applyConfig(loaded.config);
    this.configMessage = null;
    log.info(`reloaded ${loaded.path}`);
    this.loop.requestRender();
    return null;
  }

  /** Rules, terminal, resize step and colours are read where used; the rest is rebuilt here. */
  private applyConfig(c: Config): void {
    const old = this.config;
    this.config = c;
    const modes = buildModeTables(c.modes);
    for (const p of modes.problems) log.warn(p);
    this.modes = modes.tables;
    if (this.modeState.kind === 'mode' && !c.modes.some((m) => m.name === (this.modeState as { mode: string }).mode)) {
      this.modeState = NORMAL;
      this.releaseKeyboard();
    }
    this.loop.enqueue(this.setupKeys().then(() => null), 'key grabs after reload');
    this.clock.setPeriod(clockPeriod(c.bar));
    this.model = { ...renameConfigured(this.model, old.workspaceNames, c.workspaceNames), shownElsewhere: c.monitors.shownElsewhere };
    if (JSON.stringify(c.bar.hidden) !== JSON.stringify(old.bar.hidden)) this.model = barsFromConfig(this.model, c.bar.hidden);
    if (c.bar.statusCommand !== old.bar.statusCommand || c.bar.statusShell !== old.bar.statusShell) {
      void this.status?.stop();
      this.status = this.statusCommand(c.bar);
      this.status?.start();
    }
    this.renderer.repaintAll(); // colours
    if (c.font !== old.font) log.warn('reload: a new font applies from the next restart');
    if (c.monitors.source !== old.monitors.source) log.warn('reload: a new monitors.source applies from the next restart');
  }

  /** Leave the display as it was before Fion: every client mapped and unmanaged. */
  async shutdown(code: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    try { this.onShutdown?.(); } catch (err) { log.error(`shutdown hook: ${err instanceof Error ? err.message : String(err)}`); }
    this.clock.stop();
    // Waited for at the end (half a second at most), while the windows are let go.
    const statusGone = this.status?.stop(500);
    this.loop.stop();
    for (const w of this.clients.keys()) releaseOnExit(this.x, w);
    this.renderer.destroyAll();
    // Never leave the keyboard grabbed behind us (a mode may be active).
    this.modeState = NORMAL;
    this.x.ungrabKeyboard(0);
    for (const s of this.x.screens) {
      this.x.ungrabAllKeys(s.root);
      this.x.deleteProperty(s.root, this.atoms._NET_CLIENT_LIST);
      this.x.deleteProperty(s.root, this.atoms._NET_ACTIVE_WINDOW);
      this.x.deleteProperty(s.root, this.atoms._NET_SUPPORTING_WM_CHECK);
    }
    for (const o of this.o.ownership) this.x.destroyWindow(o.window);
    this.x.setInputFocus(1, 1);
    try {
      await this.x.sync();
    } finally {
      await statusGone;
      await this.x.close();
      this.o.onExit(code);
    }
  }
}

const sameIds = (a: readonly WindowId[], b: readonly WindowId[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);

/** The status of a bar without a status command: always this array, so that a bars-only
 *  redraw sees that it did not change. */
const NO_BLOCKS: BarState['status'] = [];

/** A clock showing seconds ticks every second, else every minute. */
function clockPeriod(bar: BarConfig): number {
  return [bar.clock, ...bar.clocks.map((c) => c.format)].some(showsSeconds) ? 1000 : 60_000;
}

/** ICCCM size hints as the model keeps them. */
function sizeHintsOf(h: NormalHints): SizeHints {
  const { position: _position, gravity: _gravity, ...hints } = h;
  return hints;
}
