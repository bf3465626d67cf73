// Verbs that mostly ask the X side or Wm for something: programs, closing, leaving,
// reloading, key binding modes and the bar's prompt.
import { quoteWord } from '../../text/words.js';
import { actions, args, fail, oneOf, restWords, word } from '../grammar.js';
import { LEVELS } from '../../log.js';
import type { Grammar } from '../grammar.js';
import { closeFocused, only } from '../outcome.js';
import { refuse, windowId } from '../../model/index.js';
import { optionalWindowNumber } from './words.js';
import { verb } from '../verb.js';

export const terminal = verb({
  word: 'terminal',
  help: 'terminal — open a terminal',
  examples: ['terminal'],
  grammar: args({}),
  run: (model) => ({ model, effects: [{ kind: 'terminal' }] }),
});

export const exec = verb({
  word: 'exec',
  help: 'exec PROGRAM ARGS... — run a program (quotes group words; no shell)',
  examples: ['exec rofi -show run', `exec sh -c 'echo "hi"; ls'`, `exec x ''`],
  grammar: args({ argv: restWords('a program to run') }),
  run: (model, command) => ({ model, effects: [{ kind: 'spawn', argv: command.argv }] }),
});

export const close = verb({
  word: 'close',
  help: 'close [WINDOW] — ask the focused window (or the window with that X id) to close',
  examples: ['close', 'close 0x400001'],
  grammar: args({ window: optionalWindowNumber }),
  run(model, command) {
    if (command.window === null) return closeFocused(model);
    const id = windowId(command.window);
    if (!model.clients.has(id)) return only(refuse(model, `close: Fion manages no window 0x${command.window.toString(16)}`));
    return { model, effects: [{ kind: 'close', window: id }] };
  },
});

export const exit = verb({
  word: 'exit',
  help: 'exit — quit Fion',
  examples: ['exit'],
  grammar: args({}),
  run: (model) => ({ model, effects: [{ kind: 'exit' }] }),
});

export const restart = verb({
  word: 'restart',
  help: 'restart — restart Fion in place, keeping windows',
  examples: ['restart'],
  grammar: args({}),
  run: (model) => ({ model, effects: [{ kind: 'restart' }] }),
});

export const reload = verb({
  word: 'reload',
  help: 'reload — reload the configuration',
  examples: ['reload'],
  grammar: args({}),
  run: (model) => ({ model, effects: [{ kind: 'reload' }] }),
});

export const logLevel = verb({
  word: 'log',
  help: 'log level error|warn|info|debug — log that much from now on (debug: everything)',
  examples: ['log level debug', 'log level info'],
  grammar: actions({ level: { level: oneOf(LEVELS) } }),
  run: (model, command) => ({ model, effects: [{ kind: 'log-level', level: command.level }] }),
});

export const nop = verb({
  word: 'nop',
  help: 'nop — do nothing',
  examples: ['nop'],
  grammar: args({}),
  run: only,
});

export const mode = verb({
  word: 'mode',
  help: 'mode NAME — switch key binding mode',
  examples: ['mode resize', 'mode default'],
  grammar: args({ name: word('a mode name') }),
  run: (model, command) => ({ model, effects: [{ kind: 'mode', name: command.name }] }),
});

/** The rest of the line is a command that the typed text completes, so it must parse with
 *  a word added. It is kept as text (re-quoted), for the prompt to append to. */
const completedCommand: Grammar<string> = {
  read(words, at) {
    if (words.length === 0) return fail(`${at.prefix}: expected the command the text completes, e.g. prompt workspace rename`);
    const command = words.map(quoteWord).join(' ');
    const error = at.commandError(`${command} x`);
    return error === null ? { ok: true, value: command, rest: [] } : fail(`${at.prefix}: ${error}`);
  },
  write: (value) => [value],
};

export const prompt = verb({
  word: 'prompt',
  help: 'prompt COMMAND... — read a line in the bar, then run COMMAND with it (prompt workspace rename)',
  examples: ['prompt workspace rename', 'prompt exec notify-send'],
  grammar: args({ command: completedCommand }),
  run: (model, command) => ({ model, effects: [{ kind: 'prompt', command: command.command }] }),
});
