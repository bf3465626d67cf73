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
import type { Config, ConfigError, LoadResult } from '../config/index.js';
import { barsFromConfig, refuse, type Model } from '../model/index.js';
import type { LayoutTheme } from '../layout/index.js';
import { Renderer, type Hit } from '../render/push.js';
import type { Painter, Font } from '../render/paint.js';
import type { Strip } from '../render/scene.js';
import { refresh } from '../render/refresh.js';
import { Bars } from '../bar/redraw.js';
import { KeyInput } from '../keys/input.js';
import { Registry } from '../manage/registry.js';
import { EwmhPublisher } from '../manage/ewmh.js';
import { FocusGuard } from '../manage/focus.js';
import { dispatch, type EventContext } from '../manage/events.js';
import { manage, settleRestored } from '../manage/adopt.js';
import { closeWindow } from '../manage/clients.js';
import type { Activation } from '../manage/messages.js';
import type { Job } from '../manage/context.js';
import type { Ownership } from '../manage/takeover.js';
import { AutoSave } from '../persist/autosave.js';
import { Loop } from './loop.js';
import { runCommands, type CommandHost, type CommandReport } from './commands.js';
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
  readonly theme: LayoutTheme;
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
}

/** Who hears of renders and of the end (the control socket). */
export interface WmListener {
  rendered?(): void;
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
  readonly theme: LayoutTheme;
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
  readonly activation: Activation = 'smart';
  readonly ownership: readonly Ownership[];
  readonly monitors: Monitors | undefined;
  readonly restartHooks: RestartHooks | undefined;
  readonly reloadConfig: (() => LoadResult) | undefined;
  readonly screen: Renderer;
  /** The layout kept on disk for a Fion started after a crash (supervised only). */
  private readonly autosave: AutoSave | null;
  private readonly listeners: WmListener[] = [];

  constructor(private readonly o: WmOptions) {
    this.x = o.x;
    this.atoms = o.atoms;
    this.config = o.config;
    this.theme = o.theme;
    this.font = o.font;
    this.ownership = o.ownership;
    this.monitors = o.monitors;
    this.restartHooks = o.restart;
    this.reloadConfig = o.reloadConfig;
    this.configRead = { path: o.configPath ?? '', errors: o.configErrors, reads: 1 };
    this.configMessage = configErrorText(o.configErrors);
    this.model = barsFromConfig(o.model, o.config.bar.hidden);
    this.reg = new Registry(o.atoms.WM_TAKE_FOCUS);
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
    const r = o.restart;
    this.autosave = r?.supervised === true ? new AutoSave(r.statePath, o.x.name, () => this.model) : null;
  }

  /** The config file, the errors of its last read (a reload that failed: that attempt's), how many reads. */
  get configInfo(): { path: string; errors: readonly ConfigError[]; reads: number } { return this.configRead; }
  get display(): string { return this.x.name; }

  listen(l: WmListener): void { this.listeners.push(l); }

  /** Grab keys, adopt `existing` windows (with the root each is on), start the clock.
   *  `afterCrash`: the last Fion crashed, and map requests may have died with it (manage). */
  async start(existing: readonly { window: WindowId; root: WindowId }[], early: readonly XEvent[], afterCrash = false): Promise<void> {
    await this.keys.setup();
    this.grabMouse();
    const how = afterCrash ? 'found-after-crash' : 'found';
    for (const e of existing) this.enqueue(manage(this, e.window, e.root, how), `adopting 0x${e.window.toString(16)}`);
    if (this.o.restored === true) this.enqueue(() => settleRestored(this), 'restored windows that are gone');
    // Events that arrived while starting up (a MapRequest must never be lost), then live ones.
    for (const ev of early) dispatch(this, ev);
    this.x.onEvent((ev) => dispatch(this, ev));
    this.bars.start();
    this.loop.requestRender();
    await this.loop.idle();
  }

  /** Fonts for characters the bar's font lacks arrived: measure and draw everything again. */
  setFallbackFonts(fonts: readonly Font[]): void {
    if (fonts.length === 0 || this.stopping) return;
    this.font.fallbacks = fonts;
    this.renderer.repaintAll();
    this.loop.requestRender();
  }

  // ---- what the parts ask of the whole ----
  enqueue(job: Job, what: string): void { this.loop.enqueue(job, what); }
  requestRender(): void { this.loop.requestRender(); }
  renderNow(): void { this.loop.renderNow(); }
  stopLoop(): void { this.loop.stop(); }
  say(text: string): void { this.model = refuse(this.model, text); }
  modeText(): string | null { return this.keys.modeText(); }
  pushBarsOnly(strips: readonly Strip[]): boolean { return this.renderer.pushStripsOnly(strips); }
  rendered(): void {
    this.pointerFocus.rendered();
    this.autosave?.changed();
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
  keyboardChanged(): void { this.enqueue(this.keys.setup().then(() => () => this.grabMouse()), 'MappingNotify'); }
  closeWindow(w: WindowId): void {
    const c = this.reg.clients.get(w);
    if (c !== undefined) log.info(`close 0x${w.toString(16)}: ${closeWindow(this.x, this.atoms, c, Date.now())}`);
  }
  replaced(): void { void this.shutdown(0); }
  enterMode(name: string): void { this.keys.enterMode(name); }
  openPrompt(command: string): void { this.keys.openPrompt(command); }
  releaseKeyboard(): void { this.keys.release(); }
  stopBars(ms: number): Promise<void> | undefined { return this.bars.stop(ms); }
  destroyStrips(): void { this.renderer.destroyAll(); }
  configChanged(old: Config, c: Config): void {
    this.keys.configChanged(c);
    this.grabMouse();
    this.bars.configChanged(old, c);
    this.renderer.repaintAll(); // colours
  }

  // ---- commands and the ends of a run ----
  /** A command from a key, a click or a prompt: failures are logged and shown in the bar. */
  runCommand(text: string, source: string): void { runCommands(this, text, source); }
  /** Commands from the control socket: each says whether it worked and why not. */
  runCommandsReport(text: string, source: string): CommandReport[] { return runCommands(this, text, source); }
  restart(): Promise<string | null> { return restart(this); }
  reload(): string | null { return reload(this); }
  shutdown(code: number): Promise<void> { return shutdown(this, code); }
}
