// Start-up and wiring, once src/boot.ts has connected and taken over: read the
// config, build the first model, adopt the windows already there, run.
import type { XConnection } from '../x/connection.js';
import type { Atoms } from '../x/atoms.js';
import type { XEvent } from '../x/events.js';
import { isFailure, type WindowId } from '../x/types.js';
import { encodeUtf8 } from '../x/props.js';
import { AnotherWmRunning, type Ownership } from '../manage/takeover.js';
import { EwmhPublisher } from '../manage/ewmh.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/index.js';
import { parseCommand } from '../commands/index.js';
import { createModel, focusMonitorNamed, pinWorkspaces, recallMonitors, refuse } from '../model/index.js';
import { MonitorFile, monitorFilePath } from '../persist/monitorfile.js';
import { KeyboardLayouts } from '../x/xkb.js';
import { Monitors } from '../x/randr.js';
import { monitorInfos } from '../manage/monitors.js';
import { Painter } from '../render/paint.js';
import { keepFontAnswers, matchOnce, openBarFont, openFallbacks, type FontsAhead, type Match } from './fonts.js';
import { fontconfigMissing, fontProblem, matchSync } from '../render/fontconfig.js';
import { Wm } from './wm.js';
import { clocksNeedLuxon, loadLuxon } from '../bar/luxon.js';
import { themeFrom } from './theme.js';
import { readScale } from './dpi.js';
import { startControl } from './control.js';
import { exportToSession, setSessionEnvironment } from './sessionenv.js';
import { runAutostart } from './autostart.js';
import { startProgram } from './spawn.js';
import { startI3 } from './i3.js';
import { log } from '../log.js';
import { fileURLToPath } from 'node:url';
import { stateFilePath } from '../persist/statefile.js';
import { crashNotice, safeConfig } from '../restart/crash.js';
import { startingModel } from '../restart/restore.js';
import { checkNewCode } from '../restart/selfcheck.js';
import { inBundle } from '../version.js';
import { saveCodeCache } from '../codecache.js';

export interface RunOptions {
  readonly display?: string;
  readonly configPath?: string;
  readonly replace: boolean;
}

/** What boot.ts hands over: a connection that owns the root, and the events seen so far. */
export interface TakenOver {
  readonly x: XConnection;
  readonly atoms: Atoms;
  readonly owned: Ownership[];
  /** Events that arrived before Fion was ready for them, oldest first; still filled until wm.start. */
  readonly early: XEvent[];
  readonly supervisor: Supervisor;
  /** fontconfig's files known before the config is read: the last start's answers, else the
   *  default fonts asked while Fion loaded (fonts.ts). */
  readonly fontsAsked?: Promise<FontsAhead>;
}

/** What bin/fion's supervisor told this process (see boot.ts). */
export interface Supervisor {
  /** Run by the supervisor: `restart` can hand over to the next Fion. */
  readonly supervised: boolean;
  /** Run again after a restart: restore the state file. */
  readonly restarted: boolean;
  /** The restored start failed, or Fion crashed again and again: ignore (and keep) the state
   *  file, adopt every window. */
  readonly plain: boolean;
  /** Crashed even so: the shipped config, no status command. */
  readonly safe: boolean;
  /** Crashes in a row before this start (0: not started after a crash). */
  readonly crashes: number;
}

/** The config as Fion runs it: command strings are checked by the command language, font
 *  names by fontconfig (through `match`; no fontconfig on the system is no error). */
export function loadRunConfig(path?: string, match: Match = matchSync): ReturnType<typeof loadConfig> {
  const font = (n: string): string | null => {
    const problem = fontProblem(n, match);
    return problem !== null && fontconfigMissing() ? null : problem;
  };
  return loadConfig({
    ...(path === undefined ? {} : { path }),
    validators: { command: (t) => { const r = parseCommand(t); return r.ok ? null : r.error; }, font },
  });
}

/** EWMH identification: a check window naming Fion, and the hints Fion honours. */
function announce(x: XConnection, atoms: Atoms, owned: readonly Ownership[]): void {
  const supported = EwmhPublisher.supported(atoms);
  for (const o of owned) {
    const root = x.screens[o.screen]?.root;
    if (root === undefined) continue;
    x.changeProperty(o.window, atoms._NET_SUPPORTING_WM_CHECK, atoms.WINDOW, 32, [o.window]);
    x.changeProperty(o.window, atoms._NET_WM_NAME, atoms.UTF8_STRING, 8, encodeUtf8('fion'));
    x.changeProperty(root, atoms._NET_SUPPORTING_WM_CHECK, atoms.WINDOW, 32, [o.window]);
    x.changeProperty(root, atoms._NET_SUPPORTED, atoms.ATOM, 32, supported);
  }
}

/** Top-level windows that exist now, per root, in stacking order. */
async function existingWindows(x: XConnection): Promise<{ window: WindowId; root: WindowId }[]> {
  const out: { window: WindowId; root: WindowId }[] = [];
  for (const s of x.screens) {
    const t = await x.queryTree(s.root);
    if (!isFailure(t)) for (const w of t.children) out.push({ window: w, root: s.root });
  }
  return out;
}

/** Runs Fion, once boot.ts has taken over, until it exits; resolves to the exit code. */
export async function run(opts: RunOptions, taken: TakenOver): Promise<number> {
  // Java's AWT assumes a reparenting manager unless told otherwise, and then
  // draws nothing but grey; XDG_CURRENT_DESKTOP=Fion and XDG_SESSION_TYPE=x11 name the
  // session. Everything Fion starts inherits them; the session's D-Bus and systemd
  // activation environments get them too.
  setSessionEnvironment();
  exportToSession();
  const { x, atoms, owned, early, supervisor } = taken;
  announce(x, atoms, owned);

  const ahead = await taken.fontsAsked;
  const match = matchOnce(matchSync, ahead?.answers);
  const loaded = supervisor.safe ? safeConfig() : loadRunConfig(opts.configPath, match);
  for (const e of loaded.errors) log.warn(`config: ${e.file}:${e.line}:${e.column}: ${e.message}`);
  if (loaded.usedDefault && loaded.errors.length > 0) log.warn('using the default configuration');
  const config: Config = loaded.config;
  log.info(`config ${loaded.path}`);
  // A clock with names, AM/PM or a time zone: luxon formats it from the first frame on.
  const clockLibrary = clocksNeedLuxon(config.bar) ? loadLuxon().catch((e: unknown) => log.warn(`luxon: ${String(e)}`)) : null;

  const scale = await readScale(x, atoms);
  const font = await openBarFont(x, config, scale, match);
  // An anti-aliased face is sized for the dpi already; the theme scales the bar's height.
  const textHeight = font.metrics.ascent + font.metrics.descent;
  const themeBase = { height: (font.aa === undefined ? textHeight : Math.round(textHeight / scale)) + 6, scale };
  if (themeBase.scale !== 1) log.info(`Xft.dpi ${Math.round(themeBase.scale * 96)}: sizes scaled by ${themeBase.scale}`);
  const theme = themeFrom(config, themeBase);
  // Monitors from RandR (1.5 monitors, else CRTCs), else Xinerama, else each root window.
  // Select the change events first, so no change between reading and listening is missed.
  const monitors = await Monitors.open(x, config.monitors.source === 'randr' ? 'monitors' : config.monitors.source);
  monitors.selectEvents();
  const read = await monitors.read();
  log.info(`RandR ${monitors.randrVersion ?? 'absent'}; monitors from ${read.map((r) => r.source).join(', ')}`);
  // A set of monitors seen in an earlier run shows what it showed then (the workspaces that
  // exist at start); workspaces pinned to outputs in the config start there; the RandR
  // primary starts focused.
  const monitorFile = new MonitorFile(monitorFilePath());
  const memory = config.monitors.remember ? monitorFile.load() : null;
  const created = createModel(monitorInfos(read), config.workspaceNames);
  const recalled = memory === null ? created : recallMonitors({ ...created, monitorMemory: memory }, config.workspaceOutputs);
  const pinned = pinWorkspaces(recalled, config.workspaceOutputs);
  const primary = read.flatMap((r) => r.monitors).find((m) => m.primary === true)?.name;
  const model = { ...(primary === undefined ? pinned : focusMonitorNamed(pinned, primary)), shownElsewhere: config.monitors.shownElsewhere, placement: config.placement };
  const statePath = stateFilePath(x.name);
  const start = startingModel(model, monitorInfos(read), statePath, x.name, supervisor);
  const notice = crashNotice(supervisor);
  if (notice !== null) log.warn(notice);

  const painter = new Painter(x, font);
  const layouts = await KeyboardLayouts.open(x);
  if (layouts === null) log.info('no XKB: the keyboard layout is not shown');
  const existing = await existingWindows(x);
  await clockLibrary;
  const own = new Set<number>(owned.map((o) => o.window));

  return new Promise<number>((resolve) => {
    const wm = new Wm({
      x, atoms, config, configErrors: loaded.errors, configPath: loaded.path, themeBase, model: { ...(notice === null ? start.model : refuse(start.model, notice)), shownElsewhere: config.monitors.shownElsewhere, placement: config.placement }, theme, font, painter, ownership: owned, monitors,
      onExit: (code) => resolve(code),
      restored: start.restored,
      monitorFile,
      ...(primary === undefined ? {} : { primary }),
      ...(layouts === null ? {} : { layouts }),
      restart: {
        supervised: supervisor.supervised,
        statePath,
        // The bundle's CLI is fion.cjs beside this chunk; in dist/ the CLI is cli.js, one folder up.
        check: () => checkNewCode(fileURLToPath(new URL(inBundle ? './fion.cjs' : '../cli.js', import.meta.url)), opts.configPath),
      },
      reloadConfig: () => loadRunConfig(opts.configPath),
    });
    // The control socket (after take-over: a refused second Fion never touches it).
    void startControl(wm, x, atoms, theme);
    void startI3(wm, x, atoms, theme);
    // Fallback fonts only once a character the font lacks is drawn: a CJK face is a large
    // QueryFont reply, parsed at a cost only users who need it pay.
    if (font.aa !== undefined) font.aa.onChange = () => wm.fontsChanged();
    else painter.onMissing = () => {
      painter.onMissing = null;
      openFallbacks(x, config, font).then((fs) => wm.setFallbackFonts(fs), (e: unknown) => log.warn(`fallback fonts: ${String(e)}`));
    };
    x.onClose(() => {
      if (wm.stopping) return; // our own close at the end of shutdown
      log.error('lost the connection to the X server');
      resolve(1);
    });
    const stop = (sig: string): void => {
      log.info(`${sig}: exiting, leaving every window visible`);
      void wm.shutdown(0);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGHUP', () => stop('SIGHUP'));
    wm.start(existing.filter((e) => !own.has(e.window)), early, supervisor.crashes > 0).then(
      () => {
        const cpu = process.cpuUsage();
        log.info(`managing ${x.name} (${x.screens.length} screen${x.screens.length > 1 ? 's' : ''})`);
        log.debug(`first frame ${(process.uptime() * 1000).toFixed(0)} ms after the process started (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms of CPU)`);
        // What the start compiled is the code cache of the next one (the bundle's).
        saveCodeCache();
        // At session start only: after a restart or a crash these programs run already.
        if (!supervisor.restarted) runAutostart(config.autostart, (argv) => startProgram(argv, { display: x.name }));
        // fontconfig's answers for the next start, once this one's frame is out.
        if (ahead !== undefined) void keepFontAnswers(ahead, match.answers);
        // The saved session: offered back at a session start; written from now on.
        wm.sessions.started(!supervisor.restarted && supervisor.crashes === 0);
      },
      (e: unknown) => log.error(`start-up: ${e instanceof Error ? e.message : String(e)}`),
    );
  });
}

export { AnotherWmRunning };
