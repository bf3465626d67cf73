// Command -> model operation + effects. Each verb's handler says what its commands do;
// here is what holds for every command (messages, running several in a row).
import { clearMessage, recordStep } from '../model/index.js';
import type { Model } from '../model/index.js';
import type { CommandContext, Effect, Outcome } from './outcome.js';
import { handlerOf } from './verbs/index.js';
import type { Command } from './verbs/index.js';

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
