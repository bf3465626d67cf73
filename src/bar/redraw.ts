// The bars between full renders: the clock's tick and the status command's lines change
// only the bars' text, so they are redrawn alone, against the last full render's layout and
// model (never running ahead of the rest of the screen), with caches that make a tick cost
// the clock cells and nothing else.
import type { BarConfig, Config } from '../config/index.js';
import type { Layout } from '../layout/index.js';
import type { Model } from '../model/index.js';
import { barSegments, formatClock, showsSeconds, withClocks, type BarState, type Segment } from './content.js';
import { StatusCommand } from './status.js';
import { Clock } from './clock.js';
import { log } from '../log.js';
import { clocksNeedLuxon, loadedLuxon, loadLuxon } from './luxon.js';
import { buildBars, retimeBars, type Look } from '../render/build.js';
import type { Strip } from '../render/scene.js';
import { shapeOf, type Font } from '../render/paint.js';
import { measure } from '../render/text.js';
import { scaleIn } from '../layout/index.js';

/** What the bars need from the running Fion. */
export interface BarHost {
  readonly config: Config;
  readonly model: Model;
  readonly font: Font;
  readonly display: string;
  readonly stopping: boolean;
  /** The mode line (the active mode's keys, or a prompt being typed), or null. */
  modeText(): string | null;
  /** A config problem to show when the model has no message of its own. */
  readonly configMessage: string | null;
  requestRender(): void;
  /** Push these bar strips alone; false when they must wait for a full render. */
  pushBarsOnly(strips: readonly Strip[]): boolean;
  /** The active keyboard layout's name, when more than one is set. */
  keyboardText(): string | undefined;
  /** The room the system tray takes in the bars of `lay`, if any. */
  trayRoom(lay: Layout): BarState['tray'];
}

/** The status of a bar without a status command: always this array, so that a bars-only
 *  redraw sees that it did not change. */
const NO_BLOCKS: BarState['status'] = [];

/** A clock showing seconds ticks every second, else every minute. */
function clockPeriod(bar: BarConfig): number {
  return [bar.clock, ...bar.clocks.map((c) => c.format)].some(showsSeconds) ? 1000 : 60_000;
}

export class Bars {
  private now = new Date();
  private readonly clock: Clock;
  private status: StatusCommand | null;
  /** The layout and model of the last full render: a bars-only redraw draws against them. */
  private lastLayout: Layout | null = null;
  private lastModel: Model | null = null;
  private pending = false;
  /** The bars a bars-only redraw built last, with what they were built from: a tick that
   *  changes only the clocks reuses their segments and cells (no model queries, no layout of
   *  the bar), replacing the clock texts alone. */
  private barCache: {
    readonly layout: Layout; readonly model: Model; readonly look: Look;
    readonly mode: string | null; readonly message: string | null; readonly status: BarState['status']; readonly tray: BarState['tray']; readonly keyboard: BarState['keyboard'];
    readonly segments: readonly (readonly Segment[])[]; readonly strips: readonly Strip[];
  } | null = null;
  private clockCache: { readonly now: Date; readonly bar: BarConfig; readonly texts: readonly string[] } | null = null;
  private lookCache: { readonly colors: Config['colors']; readonly fallbacks: Font['fallbacks']; readonly scales: Config['monitors']['scale']; readonly look: Look } | null = null;

  constructor(private readonly host: BarHost) {
    this.clock = new Clock((now) => { this.now = now; this.redraw(); }, clockPeriod(host.config.bar));
    this.status = this.statusCommand(host.config.bar);
    this.clockLibrary(host.config.bar);
  }

  /** A clock luxon formats, luxon not loaded yet (a reload that asks for one): load it, then
   *  draw the clocks again. */
  private clockLibrary(bar: BarConfig): void {
    if (loadedLuxon() !== null || !clocksNeedLuxon(bar)) return;
    loadLuxon().then(() => {
      this.clockCache = null;
      if (!this.host.stopping) this.host.requestRender();
    }, (e: unknown) => log.warn(`luxon: ${String(e)}`));
  }

  start(): void {
    this.clock.start();
    this.status?.start();
  }

  /** Stop the clock and the status command; resolves when the command has gone (at most `ms`). */
  stop(ms: number): Promise<void> | undefined {
    this.clock.stop();
    return this.status?.stop(ms);
  }

  /** A new config: the clock's period, and a new status command if its line changed. */
  configChanged(old: Config, c: Config): void {
    this.clock.setPeriod(clockPeriod(c.bar));
    this.clockLibrary(c.bar);
    if (c.bar.statusCommand !== old.bar.statusCommand || c.bar.statusShell !== old.bar.statusShell) {
      void this.status?.stop();
      this.status = this.statusCommand(c.bar);
      this.status?.start();
    }
  }

  /** A click on status block `block`, for a command that asked for click events. */
  click(block: number, button: number, rootX: number, rootY: number, relX: number, relY: number, width: number, height: number): void {
    this.status?.click(block, button, rootX, rootY, relX, relY, width, height);
  }

  /** What the bars say now, for a full render of `model` laid out as `lay`. */
  state(model: Model, lay: Layout): BarState {
    const tray = this.host.trayRoom(lay);
    const keyboard = this.host.keyboardText();
    return {
      clocks: this.clockTexts(),
      mode: this.host.modeText(),
      message: model.message ?? this.host.configMessage,
      status: this.status?.blocks ?? NO_BLOCKS,
      ...(tray === undefined ? {} : { tray }),
      ...(keyboard === undefined ? {} : { keyboard }),
    };
  }

  /** The segments of every monitor's bar, for a full render of `lay`. */
  segments(lay: Layout, model: Model): Segment[][] {
    const state = this.state(model, lay);
    return lay.monitors.map((_, i) => barSegments(model, i, state));
  }

  /** A full render happened: bars-only redraws draw against it from now on. */
  rendered(lay: Layout, model: Model): void {
    this.lastLayout = lay;
    this.lastModel = model;
  }

  /** Colours and text measure of the strips; the same object until the colours or fonts change. */
  look(): Look {
    const colors = this.host.config.colors;
    const font = this.host.font;
    const showMarks = this.host.config.showMarks;
    const c = this.lookCache;
    const scales = this.host.config.monitors.scale;
    if (c !== null && c.colors === colors && c.fallbacks === font.fallbacks && c.scales === scales && c.look.showMarks === showMarks) return c.look;
    const shape = shapeOf(font);
    // Anti-aliased text has a size per monitor scale (and per Xft.dpi: asked as measured);
    // a core font has one.
    const aa = font.aa;
    const look: Look = {
      colors, charWidth: shape.charWidth, showMarks,
      measure: aa === undefined ? (t) => measure(shape, t) : (t, scale) => measure(aa.shape(scale), t),
      scaleOf: (name) => scaleIn(scales, name),
    };
    this.lookCache = { colors, fallbacks: font.fallbacks, scales, look };
    return look;
  }

  /**
   * The clock ticked or the status changed: redraw the bars alone, once this turn of the
   * event loop is done, painting only a bar whose pixels change. Anything pending for a
   * full render waits for it instead.
   */
  redraw(): void {
    if (this.host.stopping || this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      if (this.host.stopping) return;
      const lay = this.lastLayout;
      const model = this.lastModel;
      if (lay === null || model === null || model !== this.host.model) { this.host.requestRender(); return; }
      if (!this.host.pushBarsOnly(this.strips(lay, model))) this.host.requestRender();
    });
  }

  /** The clocks' texts at `now`, formatted once per tick: the renders between two ticks
   *  (a burst of windows) reuse them. */
  private clockTexts(): readonly string[] {
    const b = this.host.config.bar;
    const c = this.clockCache;
    if (c !== null && c.now === this.now && c.bar === b) return c.texts;
    const texts = [...b.clocks.map((k) => formatClock(this.now, k.format, k.zone)), formatClock(this.now, b.clock, b.zone)];
    this.clockCache = { now: this.now, bar: b, texts };
    return texts;
  }

  /** The bars for a bars-only redraw: only the clock cells anew when nothing but the time
   *  changed since the last one, else built in full (and remembered for the next tick). */
  private strips(lay: Layout, model: Model): readonly Strip[] {
    const state = this.state(model, lay);
    const look = this.look();
    const status = state.status;
    const c = this.barCache;
    if (c !== null && c.layout === lay && c.model === model && c.look === look && c.mode === state.mode &&
      c.message === state.message && c.status === status && c.tray?.width === state.tray?.width && c.tray?.monitor === state.tray?.monitor && c.keyboard === state.keyboard) {
      const strips = retimeBars(c.strips, c.segments.map((s) => withClocks(s, state.clocks)), look);
      if (strips !== null) {
        this.barCache = { ...c, strips };
        return strips;
      }
    }
    const segments = lay.monitors.map((_, i) => barSegments(model, i, { ...state, clocks: [] }));
    const strips = buildBars(lay, segments.map((s) => withClocks(s, state.clocks)), look);
    this.barCache = { layout: lay, model, look, mode: state.mode, message: state.message, status, tray: state.tray, keyboard: state.keyboard, segments, strips };
    return strips;
  }

  /** The bar's status command (not started yet), or null when the config has none. */
  private statusCommand(bar: BarConfig): StatusCommand | null {
    const cmd = bar.statusCommand;
    return cmd === null ? null : new StatusCommand({
      command: cmd, shell: bar.statusShell, env: { ...process.env, DISPLAY: this.host.display },
      onChange: () => this.redraw(),
    });
  }
}
