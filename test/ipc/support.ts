// i3 commands as the i3 socket runs them: translated to Fion's language, parsed, executed.
import assert from 'node:assert/strict';
import type { Model } from '../../src/model/index.js';
import { executeCommand, parseCommand, type CommandContext } from '../../src/commands/index.js';
import { translateI3 } from '../../src/ipc/i3commands.js';

export const I3_CONTEXT: CommandContext = { theme: { barHeight: 20, tabBarHeight: 18 }, resizeStep: 0.1 };

/** The model after i3 command `text` (one command), in context `ctx`. */
export function runI3(m: Model, text: string, ctx: CommandContext = I3_CONTEXT): Model {
  const t = translateI3({ modes: [] }, text);
  assert.ok(t.ok, t.ok ? '' : t.error);
  const r = parseCommand(t.fion);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return executeCommand(m, r.command, ctx).model;
}
