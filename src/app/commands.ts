// Running commands, from a key, a click, a prompt or a socket: one runner. Each command of
// `a; b; c` is parsed and executed on the model in turn; the effects the model cannot carry
// out itself (start a program, close a window, a mode, a file) are performed here, and each
// command reports whether it worked and why not.
import type { XPort } from '../x/port.js';
import type { Config } from '../config/index.js';
import type { LayoutTheme } from '../layout/index.js';
import { loadLayout, refuse, toggleDropdown, type Model } from '../model/index.js';
import type { Registry } from '../manage/registry.js';
import { DROPDOWN_PATIENCE_MS, dropdownWindow } from '../manage/dropdowns.js';
import { executeCommand, executeForEach, parseCommand, splitStatements, type Effect } from '../commands/index.js';
import type { WindowId } from '../x/types.js';
import { readLayoutFile, writeLayoutFile } from '../persist/layoutfile.js';
import { log, setLogLevel } from '../log.js';
import { startProgram } from './spawn.js';

/** What one command of a `;`-separated list did (for the control socket). */
export interface CommandReport {
  readonly command: string;
  readonly success: boolean;
  readonly error?: string;
}

export interface CommandHost {
  model: Model;
  readonly x: XPort;
  readonly reg: Registry;
  readonly config: Config;
  readonly theme: LayoutTheme;
  requestRender(): void;
  shutdown(code: number): Promise<void>;
  /** Resolves to null when handing over to the next Fion, else why not. */
  restart(): Promise<string | null>;
  /** Null when the config was applied, else why not. */
  reload(): string | null;
  enterMode(name: string): void;
  /** Ask the window to close (WM_DELETE_WINDOW), or kill its client. */
  closeWindow(w: WindowId): void;
  openPrompt(command: string): void;
  /** Start a program for the user (`fallback` if it is not found). */
  launch(argv: readonly string[], fallback: readonly string[] | null): void;
  /** `session save|restore|forget`: null when done (or under way), else why not. */
  session(action: 'save' | 'restore' | 'forget'): string | null;
}

/** Run `a; b; c` one command at a time; later commands run even if one fails. */
export function runCommands(host: CommandHost, text: string, source: string): CommandReport[] {
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
    const ctx = { theme: host.theme, resizeStep: host.config.resizeStep, autoBackAndForth: host.config.autoBackAndForth };
    const out = parsed.targets === undefined ? executeCommand(host.model, parsed.command, ctx)
      : executeForEach(host.model, parsed.targets.criteria, parsed.targets.text, parsed.command, ctx);
    host.model = out.model;
    let failed: string | null = null;
    for (const e of out.effects) failed = perform(host, e) ?? failed;
    // The model's refusal first (it is what the bar shows), else an effect that failed.
    const error = out.effects.find((e) => e.kind === 'message')?.text ?? failed;
    reports.push(error === null ? { command, success: true } : { command, success: false, error });
  }
  host.requestRender();
  return reports;
}

/** Carry out one effect; null when it worked, else why not (also shown in the bar). */
function perform(host: CommandHost, e: Effect): string | null {
  switch (e.kind) {
    case 'terminal':
      host.launch(host.config.terminal, ['xterm']);
      return null;
    case 'spawn':
      host.launch(e.argv, null);
      return null;
    case 'close':
      host.closeWindow(e.window);
      return null;
    case 'exit':
      void host.shutdown(0);
      return null;
    case 'restart':
      void host.restart();
      return null;
    case 'reload':
      return host.reload();
    case 'mode':
      host.enterMode(e.name);
      return null;
    case 'message':
      return null; // already in model.message, shown by the bar
    case 'note':
      host.model = { ...host.model, message: e.text };
      return null;
    case 'log-level':
      log.info(`log level ${e.level}`);
      setLogLevel(e.level);
      return null;
    case 'prompt':
      host.openPrompt(e.command);
      return null;
    case 'layout-save': {
      const error = writeLayoutFile(e.path, e.layout);
      return error === null ? null : failed(host, `layout save: ${error}`);
    }
    case 'dropdown':
      return dropdown(host, e.name);
    case 'session': {
      const error = host.session(e.action);
      return error === null ? null : failed(host, `session ${e.action}: ${error}`);
    }
    case 'layout-load': {
      const r = readLayoutFile(e.path);
      if (!r.ok) return failed(host, `layout load: ${r.error}`);
      host.model = loadLayout(host.model, r.layout);
      return null;
    }
  }
}

/** A dropdown's key: its window shown or hidden, or its program started (once: until its
 *  window appears, or DROPDOWN_PATIENCE_MS have passed). */
function dropdown(host: CommandHost, name: string): string | null {
  const d = host.config.dropdowns.find((x) => x.name === name);
  if (d === undefined) return failed(host, `dropdown: the config has no dropdown "${name}"`);
  const w = dropdownWindow(host.model, d);
  if (w !== null) {
    host.reg.dropdownsAsked.delete(name);
    host.model = toggleDropdown(host.model, w, d.place);
    return null;
  }
  const asked = host.reg.dropdownsAsked.get(name);
  if (asked !== undefined && Date.now() - asked < DROPDOWN_PATIENCE_MS) return null;
  host.reg.dropdownsAsked.set(name, Date.now());
  // Not a launch (src/app/launcher.ts): the dropdown's window is the dropdown's, not a window
  // to open where the key was pressed.
  startProgram(d.command, { display: host.x.name });
  return null;
}

function failed(host: CommandHost, text: string): string {
  log.warn(text);
  host.model = refuse(host.model, text);
  return text;
}
