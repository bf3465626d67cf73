// Fion at run time: the parts of one running window manager, wired together. It owns the
// model (replaced, never mutated) and hands each part what it needs: X events go through
// the table in src/manage/events.ts, keys to src/keys, commands to one runner, and every
// turn of the event loop that changed anything ends in one refresh (src/render/refresh.ts).
import type { XPort } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import type { EventOf, XEvent } from '../x/events.js';
import type { WindowId } from '../x/types.js';
import { None } from '../x/protocol.js';
import type { Monitors } from '../x/randr.js';
import type { KeyboardLayouts, LayoutState } from '../x/xkb.js';
import type { Config, ConfigError, LoadResult } from '../config/index.js';
import { barsFromConfig, placeNew, refuse, rememberMonitors, type Model } from '../model/index.js';
import { focusedGeometry, minShare, type Layout } from '../layout/index.js';
import { followConfig, type Theme, type ThemeBase } from './theme.js';
import { readScale } from './dpi.js';
import { Renderer, type Hit } from '../render/push.js';
import { TabIcons } from '../render/icons.js';
import type { Painter, Font } from '../render/paint.js';
import type { Strip } from '../render/scene.js';
import { refresh } from '../render/refresh.js';
import { Bars } from '../bar/redraw.js';
import { KeyInput, type BindingRun } from '../keys/input.js';
import { Registry } from '../manage/registry.js';
import { EwmhPublisher } from '../manage/ewmh.js';
import { FocusGuard } from '../manage/focus.js';
import { Tray } from '../manage/tray.js';
import { dispatch, type EventContext } from '../manage/events.js';
import { manage, settleRestored } from '../manage/adopt.js';
import { closeWindow } from '../manage/clients.js';
import type { Activation } from '../manage/messages.js';
import type { Job } from '../manage/context.js';
import type { Ownership } from '../manage/takeover.js';
import { AutoSave } from '../persist/autosave.js';
import { GiveBack } from './giveback.js';
import type { MonitorFile } from '../persist/monitorfile.js';
import { Loop } from './loop.js';
import { Launcher } from './launcher.js';
import { Sessions } from './sessions.js';
import type { WindowOrigin } from '../manage/launches.js';
import type { ClientInfo } from '../manage/clientinfo.js';
import type { Launch } from '../manage/launches.js';
import { runCommands, type CommandHost, type CommandReport } from './commands.js';
import { splitStatements } from '../text/words.js';
import { onButton } from './pointer.js';
import { Drags } from './drag.js';
import { PointerFocus } from './pointerfocus.js';
import { configErrorText, reload, restart, shutdown, type LifecycleHost, type RestartHooks } from './lifecycle.js';
import { log } from '../log.js';

export type { CommandReport, RestartHooks };

export interface WmOptions {
  readonly x: XPort;
  readonly atoms: Atoms;
  readonly config: Config;
  readonly configErrors: readonly ConfigError[];
  readonly model: Model;
  readonly theme: Theme;
  /** What the theme's sizes come from (the font's height, Xft.dpi's scale); absent: the
   *  theme's bar height at scale 1. */
  readonly themeBase?: ThemeBase;
  readonly font: Font;
  readonly painter: Painter;
  readonly ownership: readonly Ownership[];
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
  /** The RandR primary output at start-up (the system tray's default bar). */
  readonly primary?: string;
  /** The keyboard's layouts (XKB); absent without the extension. */
  readonly layouts?: KeyboardLayouts;
  /** Where the monitor memory is kept across runs; absent: only in the model. */
  readonly monitorFile?: MonitorFile;
}

/** Who hears of renders and of the end (the control socket). */
export interface WmListener {
  rendered?(): void;
  /** A key binding ran its command. */
  binding?(run: BindingRun): void;
  shutdown?(how: 'restart' | 'exit'): void;
}

export class Wm implements EventContext, CommandHost, LifecycleHost {
  model: Model;
  config: Config;
  configMessage: string | null;
  configRead: { path: string; errors: readonly ConfigError[]; reads: number };
  stopping = false;
  restarting = false;
  readonly x: XPort;
  readonly atoms: Atoms;
  readonly theme: Theme;
  readonly themeBase: ThemeBase;
  readonly font: Font;
  readonly reg: Registry;
  readonly loop: Loop;
  readonly renderer: Renderer;
  readonly ewmh: EwmhPublisher;
  readonly bars: Bars;
  readonly keys: KeyInput;
  readonly drags: Drags;
  readonly pointerFocus: PointerFocus;
  readonly focusGuard: FocusGuard;
  readonly tray: Tray;
  readonly activation: Activation = 'smart';
  readonly ownership: readonly Ownership[];
  readonly monitors: Monitors | undefined;
  readonly restartHooks: RestartHooks | undefined;
  readonly reloadConfig: (() => LoadResult) | undefined;
  readonly screen: Renderer;
  /** The layout kept on disk for a Fion started after a crash (supervised only). */
  private readonly autosave: AutoSave | null;
  /** A full collection after many windows close (their objects would stay otherwise). */
  private readonly giveBack = new GiveBack();
  private readonly listeners: WmListener[] = [];
  /** The keyboard's layouts and the active one, as last read. */
  private layoutState: LayoutState | null = null;
  /** keyboard_layout_per_window: each window's group when it was last focused. */
  private readonly windowGroups = new Map<WindowId, number>();
  private layoutFocus: WindowId | null = null;
  private readonly launcher = new Launcher(this);
  private replies: Promise<void> = Promise.resolve();
  readonly sessions: Sessions;

  constructor(private readonly o: WmOptions) {
    this.x = o.x;
    this.atoms = o.atoms;
    this.config = o.config;
    this.theme = o.theme;
    this.themeBase = o.themeBase ?? { height: o.theme.barHeight, scale: 1 };
    this.font = o.font;
    this.ownership = o.ownership;
    this.monitors = o.monitors;
    this.restartHooks = o.restart;
    this.reloadConfig = o.reloadConfig;
    this.configRead = { path: o.configPath ?? '', errors: o.configErrors, reads: 1 };
    this.configMessage = configErrorText(o.configErrors);
    this.model = barsFromConfig(o.model, o.config.bar.hidden);
    this.reg = new Registry(o.atoms.WM_TAKE_FOCUS);
    o.painter.icons = new TabIcons(o.x, (w) => this.reg.icons.get(w));
    this.renderer = new Renderer(o.x, o.atoms, o.painter, this.reg,
      (screen) => o.ownership[screen]?.window ?? o.ownership[0]?.window ?? (None as WindowId));
    this.screen = this.renderer;
    this.ewmh = new EwmhPublisher(o.x, o.atoms, this.reg);
    this.loop = new Loop(() => refresh(this));
    this.bars = new Bars(this);
    this.keys = new KeyInput(this);
    this.drags = new Drags(this);
    this.pointerFocus = new PointerFocus(this);
    this.focusGuard = new FocusGuard(this);
    this.tray = new Tray(this);
    this.renderer.beforeDestroy = (w) => this.tray.rescue(w);
    const r = o.restart;
    this.autosave = r?.supervised === true ? new AutoSave(r.statePath, o.x.name, () => this.model) : null;
    this.sessions = new Sessions(this);
  }

  /** The config file, the errors of its last read (a reload that failed: that attempt's), how many reads. */
  get configInfo(): { path: string; errors: readonly ConfigError[]; reads: number } { return this.configRead; }
  get display(): string { return this.x.name; }

  listen(l: WmListener): void { this.listeners.push(l); }

  /** Grab keys, adopt `existing` windows (with the root each is on), start the clock.
   *  `afterCrash`: the last Fion crashed, and map requests may have died with it (manage). */
  async start(existing: readonly { window: WindowId; root: WindowId }[], early: readonly XEvent[], afterCrash = false): Promise<void> {
    // The tray first: icons found on the root after a restart go back into it.
    await Promise.all([this.keys.setup(), this.tray.start(this.o.primary, this.theme.barHeight)]);
    this.grabMouse();
    const how = afterCrash ? 'found-after-crash' : 'found';
    for (const e of existing) this.enqueue(manage(this, e.window, e.root, how), `adopting 0x${e.window.toString(16)}`);
    if (this.o.restored === true) this.enqueue(() => settleRestored(this), 'restored windows that are gone');
    // Events that arrived while starting up (a MapRequest must never be lost), then live ones.
    for (const ev of early) dispatch(this, ev);
    this.x.onEvent((ev) => {
      const layouts = this.o.layouts;
      if (layouts?.isChange(ev) === true) {
        if (layouts.isKeymapChange(ev)) this.keyboardChanged();
        this.readLayouts();
      } else dispatch(this, ev);
    });
    this.readLayouts();
    this.bars.start();
    this.loop.requestRender();
    await this.loop.idle();
    // The first frame goes out now, before whatever the caller does next (autostart's
    // programs take milliseconds each to spawn), not at the end of this turn.
    this.loop.renderNow();
    void this.x.flush();
  }

  /** Fonts for characters the bar's font lacks arrived: measure and draw everything again. */
  setFallbackFonts(fonts: readonly Font[]): void {
    if (fonts.length === 0 || this.stopping) return;
    this.font.fallbacks = fonts;
    this.fontsChanged();
  }

  /** A face arrived for characters drawn as boxes so far: measure and draw everything again. */
  fontsChanged(): void {
    if (this.stopping) return;
    this.renderer.repaintAll();
    this.loop.requestRender();
  }

  // ---- what the parts ask of the whole ----
  enqueue(job: Job, what: string, aside = false): void { this.loop.enqueue(job, what, aside); }
  requestRender(): void { this.loop.requestRender(); }
  renderNow(): void { this.loop.renderNow(); }
  /** Send a socket reply after every earlier one. After a command, the render goes out and
   * the reply waits one round trip: when a script reads it, the X server has carried out
   * what the command changed (the focus, a map), so its next X query sees the result. */
  replyInOrder(send: () => void, afterCommand: boolean): void {
    if (afterCommand) this.renderNow();
    const barrier = afterCommand && !this.stopping ? this.x.sync() : null;
    this.replies = this.replies.then(() => barrier).then(send).catch((e: unknown) => {
      log.warn(`while answering a socket: ${e instanceof Error ? e.message : String(e)}`);
    });
  }
  /** Close a socket once every reply queued so far is sent, the next turn's included: the
   *  command that asked for an exit or a restart is answered before its socket goes. */
  closeAfterReplies(close: () => void): void {
    setImmediate(() => { void this.replies.then(close); });
  }
  stopLoop(): void { this.loop.stop(); this.giveBack.stop(); }
  say(text: string): void { this.model = refuse(this.model, text); }
  modeText(): string | null { return this.keys.modeText(); }
  pushBarsOnly(strips: readonly Strip[]): boolean {
    if (!this.renderer.pushStripsOnly(strips)) return false;
    this.tray.place(this.renderer.trayRoom()); // the status blocks' width moves the tray
    return true;
  }
  trayRoom(lay: Layout): { monitor: number; width: number } | undefined {
    return this.tray.room(lay.monitors.map((m) => ({ name: m.name, barHeight: m.bar.height })), this.o.primary);
  }
  keyboardText(): string | undefined {
    const k = this.layoutState;
    return k === null || k.layouts.length < 2 ? undefined : (k.layouts[k.group] ?? `group ${k.group + 1}`);
  }
  nextLayout(): void {
    const k = this.layoutState;
    if (k !== null && k.layouts.length > 1) this.o.layouts?.lock((k.group + 1) % k.layouts.length);
  }
  /** The active layout or the set of layouts changed: read them, redraw the bars. */
  private readLayouts(): void {
    this.o.layouts?.read().then((k) => {
      if (k === null || this.stopping) { log.debug('keyboard layouts: unreadable'); return; }
      if (this.layoutState === null) log.info(`keyboard layouts: ${k.layouts.join(', ') || 'none'}`);
      const before = this.keyboardText();
      this.layoutState = k;
      if (this.keyboardText() !== before) this.bars.redraw();
    }, (e: unknown) => log.warn(`keyboard layouts: ${String(e)}`));
  }
  /** keyboard_layout_per_window: the focus moved; remember the group the last window had and
   *  give the new one its own (a window never focused keeps the layout in use). */
  private followFocusLayout(): void {
    const f = this.reg.focused ?? null;
    if (f === this.layoutFocus) return;
    const k = this.layoutState;
    if (k !== null && this.layoutFocus !== null && this.reg.clients.has(this.layoutFocus)) this.windowGroups.set(this.layoutFocus, k.group);
    // A window that came and lost the focus between two renders keeps the layout in use when it came.
    if (k !== null) for (const w of this.reg.clients.keys()) if (!this.windowGroups.has(w)) this.windowGroups.set(w, k.group);
    this.layoutFocus = f;
    if (this.windowGroups.size > 2 * this.reg.clients.size + 16) {
      for (const w of this.windowGroups.keys()) if (!this.reg.clients.has(w)) this.windowGroups.delete(w);
    }
    const g = f === null ? undefined : this.windowGroups.get(f);
    if (k !== null && g !== undefined && g !== k.group && g < k.layouts.length) this.o.layouts?.lock(g);
  }
  rendered(): void {
    if (this.config.keyboardLayoutPerWindow) this.followFocusLayout();
    this.tray.place(this.renderer.trayRoom());
    this.pointerFocus.rendered();
    // What the monitors show now is what this set of monitors will show when it comes back.
    if (this.config.monitors.remember) {
      this.model = rememberMonitors(this.model);
      this.o.monitorFile?.save(this.model.monitorMemory);
    }
    this.autosave?.changed();
    this.giveBack.count(this.reg.clients.size);
    for (const l of this.listeners) l.rendered?.();
  }
  /** Only a supervised Fion restarts, and only it keeps a state file. */
  saveState(): void { this.autosave?.flush(); }
  discardState(): void { this.autosave?.discard(); }
  announceShutdown(how: 'restart' | 'exit'): void { for (const l of this.listeners) l.shutdown?.(how); }
  exit(code: number): void { this.o.onExit(code); }

  key(keycode: number, modifiers: number): void { this.keys.press(keycode, modifiers); }
  click(ev: EventOf<'ButtonPress'>): void { onButton(this, ev); }
  pointerMotion(ev: EventOf<'MotionNotify'>): void { this.drags.motion(ev); }
  pointerRelease(ev: EventOf<'ButtonRelease'>): void { this.drags.release(ev); }
  pointerEntered(ev: EventOf<'EnterNotify'>): void { this.pointerFocus.entered(ev); }
  clientMoveResize(e: Parameters<Drags['clientMessage']>[0]): void { this.drags.clientMessage(e); }
  /** The modifier's button grabs, for the keyboard map KeyInput read. */
  private grabMouse(): void {
    const kb = this.keys.keyboardMap;
    if (kb !== null) this.drags.setup(kb);
  }
  hit(w: WindowId, x: number): Hit | null { return this.renderer.hit(w, x); }
  statusClick(block: number, button: number, rootX: number, rootY: number, relX: number, relY: number, width: number, height: number): void {
    this.bars.click(block, button, rootX, rootY, relX, relY, width, height);
  }
  expose(w: WindowId): void { this.renderer.expose(w); }
  /** The root's X resources changed (`xrdb -merge`): sizes follow a new Xft.dpi. */
  resourcesChanged(): void {
    this.enqueue(readScale(this.x, this.atoms).then((scale) => () => {
      const base = this.themeBase;
      if (scale === base.scale) return;
      log.info(`Xft.dpi ${Math.round(scale * 96)}: sizes scaled by ${scale}`);
      base.scale = scale;
      followConfig(this.theme, this.config, base);
      // Anti-aliased faces open again at the new size; every strip is drawn with them.
      if (this.font.aa?.setDpi(scale) === true) this.renderer.repaintAll();
      this.requestRender();
    }), 'RESOURCE_MANAGER');
  }
  keyboardChanged(): void { this.enqueue(this.keys.setup().then(() => () => this.grabMouse()), 'MappingNotify'); }
  closeWindow(w: WindowId): void {
    const c = this.reg.clients.get(w);
    if (c !== undefined) log.info(`close 0x${w.toString(16)}: ${closeWindow(this.x, this.atoms, c, Date.now())}`);
  }
  replaced(): void { void this.shutdown(0); }
  enterMode(name: string): void { this.keys.enterMode(name); }
  openPrompt(command: string): void { this.keys.openPrompt(command); }
  launch(argv: readonly string[], fallback: readonly string[] | null): void { this.launcher.launch(argv, fallback); }
  launchOf(info: ClientInfo): Launch | null { return this.launcher.launchOf(info); }
  placeNew(model: Model, w: WindowId): Model {
    if (this.config.placement === 'tab') return model;
    const g = focusedGeometry(model, this.theme);
    return g === null ? model : placeNew(model, w, this.config.placement, { tile: g.tile, min: minShare(this.theme, g.area) });
  }
  originOf(info: ClientInfo): WindowOrigin { return this.launcher.originOf(info); }
  askQuestion(label: string, answers: Readonly<Record<string, string>>): void { this.keys.openQuestion(label, answers); }
  get asking(): boolean { return this.keys.asking; }
  session(action: 'save' | 'restore' | 'forget'): string | null {
    switch (action) {
      case 'save':
        void this.sessions.save().then((why) => {
          if (why === null) return;
          this.say(`session save: ${why}`);
          this.requestRender();
        });
        return null;
      case 'restore':
        return this.sessions.restore();
      case 'forget':
        return this.sessions.forget();
    }
  }
  releaseKeyboard(): void { this.keys.release(); }
  stopBars(ms: number): Promise<void> | undefined { return this.bars.stop(ms); }
  destroyStrips(): void {
    this.tray.release(); // the icons go back to the root before their bar goes
    this.renderer.destroyAll();
  }
  configChanged(old: Config, c: Config): void {
    this.keys.configChanged(c);
    this.grabMouse();
    this.bars.configChanged(old, c);
    followConfig(this.theme, c, this.themeBase); // gaps, borders, tab bars
    this.renderer.repaintAll(); // colours
  }

  // ---- commands and the ends of a run ----
  /** A command from a key, a click or a prompt: failures are logged and shown in the bar. */
  runCommand(text: string, source: string): void { runCommands(this, text, source); }
  bindingRan(run: BindingRun): void { for (const l of this.listeners) l.binding?.(run); }
  /** Commands from the control socket: each says whether it worked and why not. */
  runCommandsReport(text: string, source: string): CommandReport[] { return runCommands(this, text, source); }
  /** A rule's `run:` for a window that just appeared: each command with the window as target. */
  runForWindow(w: WindowId, commands: string): void {
    const id = `0x${w.toString(16)}`;
    runCommands(this, splitStatements(commands).filter((c) => c.trim() !== '').map((c) => `[id=${id}] ${c.trim()}`).join('; '), `rule for ${id}`);
  }
  restart(): Promise<string | null> { return restart(this); }
  reload(): string | null { return reload(this); }
  /** Exit (the `exit` command, SIGTERM): the session is saved first. */
  async shutdown(code: number): Promise<void> {
    if (this.stopping) return;
    await this.sessions.saveBeforeExit();
    return shutdown(this, code);
  }
}
