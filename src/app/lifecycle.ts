// The ends of a run and the changes in between: restart in place (check the code on disk,
// save the model, hand over), reload the config, and shutdown. Restart and shutdown let go
// through one release path; they differ only in what they leave for whoever comes next.
import type { XPort } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import { PointerRoot, RevertTo } from '../x/protocol.js';
import { formatConfigError } from '../config/load.js';
import type { Config, ConfigError, LoadResult } from '../config/index.js';
import { barsFromConfig, refuse, renameConfigured, type Model } from '../model/index.js';
import { EXIT_RESTART } from '../restart/exit.js';
import { releaseOnExit } from '../manage/clients.js';
import type { Registry } from '../manage/registry.js';
import type { Ownership } from '../manage/takeover.js';
import { log } from '../log.js';

export interface RestartHooks {
  /** Started by bin/fion's supervisor, which runs Fion again when it exits with EXIT_RESTART. */
  readonly supervised: boolean;
  readonly statePath: string;
  /** Whether the code on disk starts: null, or what is wrong. */
  readonly check: () => Promise<string | null>;
}

export interface LifecycleHost {
  model: Model;
  config: Config;
  configMessage: string | null;
  configRead: { path: string; errors: readonly ConfigError[]; reads: number };
  stopping: boolean;
  restarting: boolean;
  readonly x: XPort;
  readonly atoms: Atoms;
  readonly reg: Registry;
  readonly ownership: readonly Ownership[];
  readonly restartHooks: RestartHooks | undefined;
  readonly reloadConfig: (() => LoadResult) | undefined;
  enqueue(job: () => void, what: string): void;
  requestRender(): void;
  /** Stop handling events and rendering. */
  stopLoop(): void;
  /** The parts that follow the config (keys, bars, colours). */
  configChanged(old: Config, c: Config): void;
  /** Stop the bars' clock and status command; resolves when the command is gone. */
  stopBars(ms: number): Promise<void> | undefined;
  releaseKeyboard(): void;
  destroyStrips(): void;
  /** Write the layout to the state file now (throws when it cannot). */
  saveState(): void;
  /** Fion stops on purpose: no state to come back to. */
  discardState(): void;
  /** Tell listeners (the control socket) that Fion is going. */
  announceShutdown(how: 'restart' | 'exit'): void;
  exit(code: number): void;
}

/** The first config error, as the bar shows it. */
export function configErrorText(errors: readonly ConfigError[]): string | null {
  const first = errors[0];
  if (first === undefined) return null;
  return `config error: ${formatConfigError(first)}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`;
}

/**
 * Check the code on disk, save the model, and exit for the supervisor to run Fion again.
 * Resolves to null when handing over, else to why not (also shown in the bar).
 */
export function restart(h: LifecycleHost): Promise<string | null> {
  const r = h.restartHooks;
  if (r === undefined || !r.supervised) {
    const why = 'restart failed: Fion was not started by bin/fion, which restarts it';
    h.model = refuse(h.model, why);
    h.requestRender();
    return Promise.resolve(why);
  }
  if (h.restarting || h.stopping) return Promise.resolve('restart failed: already restarting');
  h.restarting = true;
  log.info('restart: checking that the code on disk starts');
  return new Promise((resolve) => void r.check().then((problem) => h.enqueue(() => {
    h.restarting = false;
    if (problem === null) {
      try {
        h.saveState();
      } catch (e) {
        problem = `cannot write ${r.statePath}: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if (problem !== null) {
      log.warn(`restart failed: ${problem}`);
      h.model = refuse(h.model, `restart failed: ${problem}`);
      resolve(`restart failed: ${problem}`);
      return;
    }
    log.info(`restart: state saved to ${r.statePath}; handing over`);
    resolve(null);
    void release(h, 'restart', EXIT_RESTART);
  }, 'restart')));
}

/** Leave the display as it was before Fion: every client mapped and unmanaged. */
export function shutdown(h: LifecycleHost, code: number): Promise<void> {
  return release(h, 'exit', code);
}

/**
 * Let go of the display. For a restart, touch no window: the next Fion adopts them all
 * where they are. For an exit, every client is left mapped and unmanaged, and Fion's
 * windows, grabs and root properties go.
 */
async function release(h: LifecycleHost, how: 'restart' | 'exit', code: number): Promise<void> {
  if (h.stopping) return;
  h.stopping = true;
  // Subscribers hear `shutdown`; the socket closes now, so a next Fion can listen at once.
  try { h.announceShutdown(how); } catch (err) { log.error(`shutdown hook: ${err instanceof Error ? err.message : String(err)}`); }
  // Waited for at the end (half a second at most), while the windows are let go.
  const statusGone = h.stopBars(500);
  h.stopLoop();
  const x = h.x;
  if (how === 'restart') {
    // Closing the connection maps every unmapped window of the save-set: hidden ones leave
    // it first. They keep WM_STATE Iconic, which is how the next Fion knows to adopt them.
    for (const w of h.reg.clients.keys()) if (!h.reg.shown.has(w)) x.removeFromSaveSet(w);
  } else {
    h.discardState();
    for (const w of h.reg.clients.keys()) releaseOnExit(x, w);
    h.destroyStrips();
  }
  // Never leave the keyboard grabbed behind (a mode may be active).
  h.releaseKeyboard();
  if (how === 'exit') {
    for (const s of x.screens) {
      x.ungrabAllKeys(s.root);
      x.deleteProperty(s.root, h.atoms._NET_CLIENT_LIST);
      x.deleteProperty(s.root, h.atoms._NET_ACTIVE_WINDOW);
      x.deleteProperty(s.root, h.atoms._NET_SUPPORTING_WM_CHECK);
    }
    for (const o of h.ownership) x.destroyWindow(o.window);
    x.setInputFocus(PointerRoot, RevertTo.PointerRoot);
  }
  try {
    await x.sync();
  } finally {
    await statusGone;
    await x.close();
    h.exit(code);
  }
}

/** Read the config file again and apply it; null when applied, else the error (the old config stays). */
export function reload(h: LifecycleHost): string | null {
  const read = h.reloadConfig;
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
  if (loaded !== null && loaded.errors.length > 0) {
    for (const e of loaded.errors) log.warn(`config: ${formatConfigError(e)}`);
    error = configErrorText(loaded.errors);
  }
  h.configRead = { path: loaded?.path ?? h.configRead.path, errors: loaded?.errors ?? [], reads: h.configRead.reads + 1 };
  if (error !== null || loaded === null) {
    h.configMessage = error;
    log.warn(`reload: ${error ?? 'failed'}; keeping the running config`);
    h.requestRender();
    return error ?? 'reload failed';
  }
  applyConfig(h, loaded.config);
  h.configMessage = null;
  log.info(`reloaded ${loaded.path}`);
  h.requestRender();
  return null;
}

/** Rules, terminal, resize step and colours are read where used; the rest follows here. */
function applyConfig(h: LifecycleHost, c: Config): void {
  const old = h.config;
  h.config = c;
  h.model = { ...renameConfigured(h.model, old.workspaceNames, c.workspaceNames), shownElsewhere: c.monitors.shownElsewhere, placement: c.placement };
  if (JSON.stringify(c.bar.hidden) !== JSON.stringify(old.bar.hidden)) h.model = barsFromConfig(h.model, c.bar.hidden);
  h.configChanged(old, c);
  if (c.font !== old.font) log.warn('reload: a new font applies from the next restart');
  if (c.monitors.source !== old.monitors.source) log.warn('reload: a new monitors.source applies from the next restart');
}
