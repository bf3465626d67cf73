// Command -> model operation + effects. Each verb's handler says what its commands do;
// here is what holds for every command (messages, running several in a row).
import { clearMessage, focusClient, focusedClient, recordStep, refuse } from '../model/index.js';
import type { Model } from '../model/index.js';
import type { CommandContext, Effect, Outcome } from './outcome.js';
import { handlerOf } from './verbs/index.js';
import type { Command } from './verbs/index.js';
import { matchCriteria, type Criterion } from './criteria.js';

/**
 * Run one command. A new command clears the previous message first; if the model refuses
 * (sets a message), the message is also returned as a 'message' effect so a control
 * socket can reply with it. A command its verb calls undoable that changed the layout is
 * recorded for `undo`, under its printed form (`tile kill`).
 */
export function executeCommand(model: Model, command: Command, ctx: CommandContext): Outcome {
  const decl = handlerOf(command);
  const before = clearMessage(model);
  const out = decl.run(before, command, ctx);
  if (out.model.message !== null) return { model: out.model, effects: [...out.effects, { kind: 'message', text: out.model.message }] };
  return decl.undoable?.(command) === true ? { ...out, model: recordStep(before, out.model, decl.format(command)) } : out;
}

/** Run commands in order, collecting their effects. */
export function executeCommands(model: Model, commands: readonly Command[], ctx: CommandContext): Outcome {
  let current = model;
  const effects: Effect[] = [];
  for (const c of commands) {
    const out = executeCommand(current, c, ctx);
    current = out.model;
    effects.push(...out.effects);
  }
  return { model: current, effects };
}

/**
 * Run `command` for each window `criteria` match, in workspace order. `mark`, `unmark` and
 * `move` are handed the window (ctx.target). The other verbs act on the focused window,
 * so each match is focused for its command (showing it, as focusing does); afterwards the focus goes
 * back where it was, unless the command is `focus` (`[class=x] focus` leaves the last
 * match focused, as in i3) or the command moved the focus itself.
 */
export function executeForEach(model: Model, criteria: readonly Criterion[], text: string, command: Command, ctx: CommandContext): Outcome {
  const matched = matchCriteria(model, criteria);
  if (matched.length === 0) return refused(model, `no window matches ${text}`);
  let current = model;
  const effects: Effect[] = [];
  const before = focusedClient(model);
  for (const id of matched) {
    if (!current.clients.has(id)) continue; // closed by the command run for an earlier match
    const out = TAKES_TARGET.has(command.verb) ? executeCommand(current, command, { ...ctx, target: id })
      : executeCommand(focusClient(current, id), command, ctx);
    current = out.model;
    effects.push(...out.effects);
  }
  if (!movesFocus(command) && before !== null && current.clients.has(before) && focusedClient(current) !== before) {
    current = focusClient(current, before);
    // Visiting the matches' workspaces for them is no switch of the user's.
    const { previousWorkspace: _, ...rest } = current;
    current = model.previousWorkspace === undefined ? rest : { ...rest, previousWorkspace: model.previousWorkspace };
  }
  return { model: current, effects };
}

/** Verbs that act on ctx.target when given one: the focus need not move for them. */
const TAKES_TARGET: ReadonlySet<Command['verb']> = new Set(['mark', 'unmark', 'move']);

/** Commands whose point is where the focus goes: after them it stays. */
function movesFocus(command: Command): boolean {
  switch (command.verb) {
    case 'focus': return true;
    case 'workspace': return ['next', 'prev', 'goto', 'open', 'create'].includes(command.action);
    case 'monitor': return command.action === 'next' || command.action === 'prev';
    default: return false;
  }
}

function refused(model: Model, text: string): Outcome {
  const m = refuse(clearMessage(model), text);
  return { model: m, effects: [{ kind: 'message', text }] };
}
