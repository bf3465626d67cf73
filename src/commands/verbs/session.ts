// The saved session: written on exit and every few minutes, brought back at a session start
// (the session.restore setting), or by hand. The file and the programs are Wm's: commands do
// no I/O.
import { actions } from '../grammar.js';
import { verb } from '../verb.js';

export const session = verb({
  word: 'session',
  help: 'session save — write the workspaces, tiles and how to start each window to the session file; '
    + 'session restore — bring them back: tiles wait for their windows, windows already open fill theirs, the others are started; '
    + 'session forget — delete the session file',
  examples: ['session save', 'session restore', 'session forget'],
  grammar: actions({ save: {}, restore: {}, forget: {} }),
  run: (model, command) => ({ model, effects: [{ kind: 'session', action: command.action }] }),
});
