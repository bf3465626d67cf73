// Sessions at run time: the session file written on exit and every few minutes (when the
// layout changed), offered back at a session start (session.restore), and the programs of a
// restored session started again, once each, with a startup id their placeholder waits for.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { hostname } from 'node:os';
import type { XPort } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import { decodeCardinals, decodeText } from '../x/props.js';
import { isFailure, type Reply, type WindowId } from '../x/types.js';
import type { Property } from '../x/port.js';

const prop = (r: Reply<Property | null>): Property | null => (isFailure(r) ? null : r);
import type { Config } from '../config/index.js';
import { dropPlaceholderLaunch, restoreSession, setPlaceholderPid, waitsForLaunch, type Model, type Recipe } from '../model/index.js';
import { startupId } from '../manage/launches.js';
import { textTypes } from '../manage/clientinfo.js';
import { readSessionFile, removeSessionFile, sessionFilePath, sessionOf, writeSessionFile } from '../persist/session.js';
import { chooseRecipe, decodeWmCommand, desktopExecFor, readProcess } from '../persist/recipe.js';
import { autostartCommands } from './autostart.js';
import { startProgram } from './spawn.js';
import { log } from '../log.js';

/** How often the session is written while Fion runs (when the layout changed). */
export const SESSION_SAVE_MS = 3 * 60_000;
/** What the bar asks at a session start with session.restore: ask. */
export const RESTORE_QUESTION = 'restore the last session?';

export interface SessionHost {
  model: Model;
  readonly x: XPort;
  readonly atoms: Atoms;
  readonly display: string;
  readonly config: Config;
  readonly stopping: boolean;
  requestRender(): void;
  say(text: string): void;
  /** Ask in the bar; each key runs its command ('' none). */
  askQuestion(label: string, answers: Readonly<Record<string, string>>): void;
  /** Whether a question is open (its answer may restore the session: do not write over it). */
  readonly asking: boolean;
}

export class Sessions {
  private saved: Model | null = null;
  private timer: NodeJS.Timeout | null = null;
  private counter = 0;
  private saving: Promise<string | null> | null = null;

  constructor(private readonly host: SessionHost, readonly path = sessionFilePath()) {}

  /** Fion manages the display: offer the session back (a session start only), write it from now on. */
  started(sessionStart: boolean): void {
    this.saved = this.host.model;
    this.timer = setInterval(() => { if (this.host.model !== this.saved && !this.host.asking) void this.save(); }, SESSION_SAVE_MS);
    this.timer.unref();
    if (!sessionStart) return;
    const how = this.host.config.session.restore;
    if (how === 'never') return;
    const read = readSessionFile(this.path);
    if (read.kind === 'none') return;
    if (read.kind === 'bad') { this.host.say(`session: ${this.path}: ${read.why}`); log.warn(`session ${this.path}: ${read.why}`); return; }
    if (read.session.workspaces.length === 0) return;
    if (how === 'always') this.restore(true);
    else this.host.askQuestion(RESTORE_QUESTION, { y: 'session restore', n: '' });
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Write the session now; resolves to null, or why it could not be written. */
  save(): Promise<string | null> {
    this.saving ??= this.write().finally(() => { this.saving = null; });
    return this.saving;
  }

  /** Before Fion exits: write the session, giving up after `ms` (a dead server must not hold the exit). */
  async saveBeforeExit(ms = 3000): Promise<void> {
    this.stop();
    if (this.host.asking) return; // the last session was never answered: keep it
    const why = await Promise.race([this.save(), new Promise<string>((r) => setTimeout(() => r(`not written within ${ms} ms`), ms).unref())]);
    if (why !== null) log.warn(`session not saved: ${why}`);
  }

  forget(): string | null {
    removeSessionFile(this.path);
    log.info(`session ${this.path} forgotten`);
    return null;
  }

  /** Bring the saved session back; `atStart`: programs autostart has just started are not started again. */
  restore(atStart = false): string | null {
    const read = readSessionFile(this.path);
    if (read.kind === 'none') return `no saved session (${this.path})`;
    if (read.kind === 'bad') return `${this.path}: ${read.why}`;
    const autostarted = new Set(atStart ? autostartCommands(this.host.config.autostart).map((c) => basename(c.argv[0] ?? '')) : []);
    const r = restoreSession(this.host.model, read.session.workspaces,
      (recipe) => startupId(process.pid, ++this.counter, recipe.argv[0] ?? '', Date.now()),
      (recipe) => !autostarted.has(basename(recipe.argv[0] ?? '')));
    this.host.model = r.model;
    log.info(`session restored from ${this.path}: ${r.launches.length} program(s) to start`);
    for (const l of r.launches) this.launch(l.startupId, l.recipe);
    this.host.requestRender();
    return null;
  }

  private launch(id: string, recipe: Recipe): void {
    const h = this.host;
    const what = recipe.argv.join(' ').slice(0, 80);
    const failed = (why: string): void => {
      if (h.stopping || !waitsForLaunch(h.model, id)) return;
      h.model = dropPlaceholderLaunch(h.model, id);
      const text = `session: ${what}: ${why}`;
      log.warn(text);
      h.say(text);
      h.requestRender();
    };
    log.info(`session: starting ${what}${recipe.cwd === undefined ? '' : ` in ${recipe.cwd}`}`);
    startProgram(recipe.argv, {
      display: h.display, env: { DESKTOP_STARTUP_ID: id },
      // A folder that is gone would fail the start as if the program were missing.
      ...(recipe.cwd !== undefined && existsSync(recipe.cwd) ? { cwd: recipe.cwd } : {}),
      onStart: (pid) => { h.model = setPlaceholderPid(h.model, id, pid); },
      onFail: (why) => failed(`cannot start (${why})`),
      onExit: (how) => failed(`exited (${how}) before its window appeared`),
    });
  }

  /** Each client's recipe, read from X and /proc, then the file written. */
  private async write(): Promise<string | null> {
    const { x, atoms } = this.host;
    const model = this.host.model;
    const ids = [...model.clients.keys()];
    const here = hostname();
    const recipes = new Map<WindowId, Recipe | null>();
    // One process with several windows (a browser, an editor's frames) is started once: its
    // first window gets the recipe, the others wait by description.
    const started = new Set<number>();
    await Promise.all(ids.map(async (w) => {
      const [pidP, machineP, commandP] = await Promise.all([
        x.getProperty(w, atoms._NET_WM_PID, 0, 1),
        x.getProperty(w, atoms.WM_CLIENT_MACHINE, 0, 64),
        x.getProperty(w, atoms.WM_COMMAND, 0, 4096),
      ]);
      const pid = decodeCardinals(prop(pidP), 1)[0];
      const machine = decodeText(prop(machineP), textTypes(atoms)) ?? '';
      const process = pid !== undefined && pid > 0 && machine === here ? readProcess(pid) : null;
      const c = model.clients.get(w)!;
      if (pid !== undefined && started.has(pid)) { recipes.set(w, null); return; }
      if (pid !== undefined) started.add(pid);
      recipes.set(w, chooseRecipe({
        class: c.class, process, wmCommand: decodeWmCommand(prop(commandP)?.data ?? null),
        desktopExec: process === null ? desktopExecFor(c.class) : [],
      }));
    }));
    try {
      writeSessionFile(this.path, sessionOf(model, (w) => recipes.get(w) ?? null));
      this.saved = model;
      log.info(`session saved to ${this.path} (${ids.length} window(s))`);
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }
}
