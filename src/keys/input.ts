// The keyboard at run time: the bindings grabbed on every root, the mode Fion is in (holding
// the keyboard), and a line being typed in the bar. Key presses come here and leave as
// command strings: a binding is a command.
import type { XPort } from '../x/port.js';
import { CurrentTime, isFailure } from '../x/types.js';
import { GrabStatus } from '../x/protocol.js';
import { readKeyboard, type KeyboardMap } from '../x/keyboard.js';
import type { Config } from '../config/index.js';
import { grabAll, lookup, relevantMask, resolveBindings, type GrabTable } from './grabs.js';
import {
  buildModeTables, enterMode, grabFailed, keyOf, modeEnterBindings, modeText, pressKey, NORMAL,
  type KeyResult, type ModeState, type ModeTables,
} from './modes.js';
import { keySpecOf, typedKey } from './keypress.js';
import { normalizeKeySpec } from './keyspec.js';
import { promptKey, promptText, type Prompt } from './prompt.js';
import { log } from '../log.js';

/** A key binding that ran its command: what the i3 socket's `binding` event tells. */
export interface BindingRun {
  readonly command: string;
  /** The bound key's keysym name ("a", "Return"). */
  readonly symbol: string;
  /** The modifier bits held (X's state mask, Lock and Num Lock left out). */
  readonly mask: number;
  readonly keycode: number;
}

/** What the keyboard needs from the running Fion. */
export interface KeyHost {
  readonly x: XPort;
  readonly config: Config;
  /** Queue work behind every event before it (a grab's reply is applied in order). */
  enqueue(job: Promise<(() => void) | null>, what: string): void;
  runCommand(text: string, source: string): void;
  /** A key binding has run its command (after runCommand). */
  bindingRan?(run: BindingRun): void;
  /** Say something in the bar (a mode that could not be entered, a key a mode lacks). */
  say(text: string): void;
  requestRender(): void;
}

const GRAB_PROBLEMS: Readonly<Record<number, string>> = {
  [GrabStatus.AlreadyGrabbed]: 'another program holds the keyboard',
  [GrabStatus.InvalidTime]: 'GrabKeyboard: invalid time',
  [GrabStatus.NotViewable]: 'the root window is not viewable',
  [GrabStatus.Frozen]: 'the keyboard is frozen by another program',
};

export class KeyInput {
  private keyboard: KeyboardMap | null = null;
  private grabs: GrabTable = new Map();
  private modes: ModeTables;
  /** Normal mode, or the mode Fion is in (holding the keyboard grab). */
  private state: ModeState = NORMAL;
  /** A line being typed in the bar (renaming a workspace), holding the keyboard grab. */
  private prompt: Prompt | null = null;
  /** Bumped on every keyboard grab and ungrab, so a late GrabKeyboard reply knows it is stale. */
  private grabEpoch = 0;

  constructor(private readonly host: KeyHost) {
    this.modes = this.buildModes(host.config);
  }

  /** The keyboard map read by the last setup (null before it). */
  get keyboardMap(): KeyboardMap | null { return this.keyboard; }

  /** Whether a question waits for its answer in the bar. */
  get asking(): boolean { return this.prompt?.answers !== undefined; }

  /** The active mode's name; 'default' in normal mode. */
  get modeName(): string { return this.state.kind === 'mode' ? this.state.mode : 'default'; }

  /** What the bar's mode cell says: a prompt being typed, or the active mode's keys. */
  modeText(): string | null {
    return this.prompt !== null ? promptText(this.prompt) : modeText(this.modes, this.state);
  }

  /** Read the keyboard map and grab every normal-mode binding (again after a mapping change). */
  async setup(): Promise<void> {
    this.keyboard = await readKeyboard(this.host.x);
    const c = this.host.config;
    // A mode's enter key is a normal-mode binding of `mode NAME`.
    const { table, problems } = resolveBindings(this.keyboard, [...c.bindings, ...modeEnterBindings(c.modes)]);
    for (const p of problems) log.warn(`binding ${p}`);
    this.grabs = table;
    grabAll(this.host.x, this.keyboard, table);
  }

  /** A key went down: the prompt's, the mode's, or a binding's. */
  press(keycode: number, modifiers: number): void {
    const kb = this.keyboard;
    if (kb === null) return;
    if (this.prompt !== null) {
      const p = this.prompt;
      const r = promptKey(p, typedKey(kb, keycode, modifiers));
      // A question never stands in the way: a key binding pressed instead of an answer
      // leaves it unanswered and acts, as it would have without the question.
      const passed = r.kind === 'open' && p.answers !== undefined && lookup(this.grabs, kb, keycode, modifiers) !== undefined;
      this.prompt = r.kind === 'open' && !passed ? r.prompt : null;
      if (this.prompt === null) this.releaseKeyboard();
      if (r.kind === 'done') this.host.runCommand(r.command, 'prompt');
      this.host.requestRender();
      if (!passed) return;
      this.host.say(`${p.label} (not answered)`);
    }
    if (this.state.kind === 'mode') {
      // The keyboard is grabbed: every key comes here, and none goes on to a client.
      const press = keySpecOf(kb, keycode, modifiers);
      const r = pressKey(this.modes, this.state, press);
      this.step(r, `mode ${this.state.mode} key ${press.spec}`);
      if (r.command !== undefined && r.key !== undefined) this.ran(r.command, keyOf(r.key), keycode, modifiers);
      return;
    }
    const b = lookup(this.grabs, kb, keycode, modifiers);
    if (b === undefined) return;
    this.host.runCommand(b.command, `key ${b.keys}`);
    this.ran(b.command, keyOf(normalizeKeySpec(b.keys) ?? b.keys), keycode, modifiers);
  }

  /** Tell the host a binding ran: its command, bound keysym and the modifiers held. */
  private ran(command: string, symbol: string, keycode: number, modifiers: number): void {
    const kb = this.keyboard;
    if (kb === null || this.host.bindingRan === undefined) return;
    this.host.bindingRan({ command, symbol, mask: modifiers & relevantMask(kb), keycode });
  }

  /** The `mode NAME` command. */
  enterMode(name: string): void {
    this.step(enterMode(this.modes, this.state, name), `mode ${name}`);
  }

  /** Read a line in the bar; Return runs `command` with it. Keys come through a keyboard grab. */
  openPrompt(command: string): void {
    this.prompt = { label: command, command, text: '' };
    this.grabKeyboard('GrabKeyboard for a prompt', () => this.prompt !== null, () => {
      this.prompt = null;
      this.host.say(`${command}: another program holds the keyboard`);
    });
  }

  /** Ask a question in the bar, answered by one key: `answers` maps each key to its command. */
  openQuestion(label: string, answers: Readonly<Record<string, string>>): void {
    this.prompt = { label, command: '', text: '', answers };
    this.grabKeyboard('GrabKeyboard for a question', () => this.prompt !== null, () => {
      this.prompt = null;
      this.host.say(`${label}: another program holds the keyboard`);
    });
  }

  /** A new config: new modes (leaving one that is gone) and new grabs. */
  configChanged(c: Config): void {
    this.modes = this.buildModes(c);
    const s = this.state;
    if (s.kind === 'mode' && !c.modes.some((m) => m.name === s.mode)) {
      this.state = NORMAL;
      this.releaseKeyboard();
    }
    this.host.enqueue(this.setup().then(() => null), 'key grabs after reload');
  }

  /** Fion is going: back to normal mode and never leave the keyboard grabbed behind. */
  release(): void {
    this.state = NORMAL;
    this.prompt = null;
    this.releaseKeyboard();
  }

  private buildModes(c: Config): ModeTables {
    const modes = buildModeTables(c.modes);
    for (const p of modes.problems) log.warn(p);
    return modes.tables;
  }

  /** Take a step of the mode state machine: grab or release the keyboard, say what it says, run its command. */
  private step(r: KeyResult, source: string): void {
    this.state = r.state;
    if (r.grab === 'release') this.releaseKeyboard();
    if (r.grab === 'acquire') {
      this.grabKeyboard('GrabKeyboard', () => this.state.kind === 'mode', (why) => {
        log.warn(`cannot enter mode ${this.modeName}: ${why}`);
        this.step(grabFailed(this.state, why), 'GrabKeyboard');
      });
    }
    if (r.message !== undefined) this.host.say(r.message);
    // Last: the command may itself change the mode (`mode tile` bound inside a mode).
    if (r.command !== undefined) this.host.runCommand(r.command, source);
    this.host.requestRender();
  }

  /** Grab the keyboard for a mode or a prompt; `refused` runs if the server says no while
   *  the grab is still wanted (no ungrab or newer grab since). */
  private grabKeyboard(what: string, wanted: () => boolean, refused: (why: string) => void): void {
    const epoch = ++this.grabEpoch;
    const root = this.host.x.screens[0]?.root;
    if (root === undefined) return;
    this.host.enqueue(this.host.x.grabKeyboard(root, CurrentTime).then((status) => () => {
      // Success: an ungrab sent since then has undone it already.
      if (status === GrabStatus.Success || epoch !== this.grabEpoch || !wanted()) return;
      this.grabEpoch++;
      refused(isFailure(status) ? `GrabKeyboard failed (${status.name})` : GRAB_PROBLEMS[status] ?? `GrabKeyboard status ${status}`);
    }), what);
  }

  private releaseKeyboard(): void {
    this.grabEpoch++;
    this.host.x.ungrabKeyboard(CurrentTime);
  }
}
