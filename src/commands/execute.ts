// Command -> model operation + effects. The only place commands meet pixels: splits and
// resizes need the focused tile's rect and the minimum tile size, which the layout knows.
import {
  clearMessage,
  createWorkspace,
  destroyWorkspace,
  focusTile,
  focusUrgent,
  focusMonitor,
  moveClientToMonitor,
  moveWorkspaceToMonitor,
  focusedClient,
  gotoWorkspace,
  killTile,
  moveClientToWorkspace,
  moveTab,
  NO_MIN_SHARE,
  renameWorkspace,
  setBar,
  resizeTile,
  saveLayout,
  setFullscreen,
  showTab,
  splitTile,
  splitTileAuto,
  switchWorkspace,
  toggleFloating,
} from '../model/index.js';
import type { Model } from '../model/index.js';
import { focusedGeometry, minShare } from '../layout/index.js';
import { isDeclared } from './types.js';
import type { Command } from './types.js';
import { handlerOf } from './verbs/index.js';
import { closeFocused, only } from './outcome.js';
import type { CommandContext, Effect, Outcome } from './outcome.js';

function run(model: Model, command: Command, ctx: CommandContext): Outcome {
  if (isDeclared(command)) return handlerOf(command).run(model, command, ctx);
  switch (command.verb) {
    case 'workspace':
      switch (command.action) {
        case 'next':
        case 'prev':
          return only(switchWorkspace(model, command.action));
        case 'create':
          return only(createWorkspace(model, command.name ?? undefined));
        case 'destroy':
          return only(destroyWorkspace(model));
        case 'goto':
          return only(gotoWorkspace(model, command.number));
        case 'rename':
          return only(renameWorkspace(model, command.name));
        case 'move':
          return only(moveClientToWorkspace(model, command.to));
      }
    case 'tile': {
      const geometry = focusedGeometry(model, ctx.theme);
      const min = geometry ? minShare(ctx.theme, geometry.area) : NO_MIN_SHARE;
      switch (command.action) {
        case 'next':
        case 'prev':
          return only(focusTile(model, command.action));
        case 'kill':
          return only(killTile(model));
        case 'split':
          if (command.how === 'auto') {
            const rect = geometry?.tile ?? { x: 0, y: 0, width: 1, height: 1 };
            return only(splitTileAuto(model, rect, min));
          }
          return only(splitTile(model, command.how, min));
        case 'resize':
          return only(resizeTile(model, command.direction, ctx.resizeStep, min));
        case 'move':
          return only(moveTab(model, command.to));
      }
    }
    case 'tab':
      switch (command.action) {
        case 'next':
        case 'prev':
          return only(showTab(model, command.action));
        case 'move':
          return only(moveTab(model, command.to));
        case 'close':
          return closeFocused(model);
        case 'new':
          return { model, effects: [{ kind: 'terminal' }] };
        case 'float':
          return only(toggleFloating(model));
        case 'fullscreen': {
          const id = focusedClient(model);
          return only(id === null ? model : setFullscreen(model, id, 'toggle'));
        }
      }
    case 'focus':
      return only(focusUrgent(model));
    case 'monitor':
      switch (command.action) {
        case 'next':
        case 'prev':
          return only(focusMonitor(model, command.action));
        case 'move':
          return only(moveClientToMonitor(model, command.to));
        case 'workspace':
          return only(moveWorkspaceToMonitor(model, command.to));
      }
    case 'layout':
      // The file is Wm's to write and read: commands do no I/O.
      return command.action === 'save'
        ? { model, effects: [{ kind: 'layout-save', path: command.path, layout: saveLayout(model) }] }
        : { model, effects: [{ kind: 'layout-load', path: command.path }] };
    case 'bar':
      return only(setBar(model, command.action, command.all));
  }
}

/**
 * Run one command. A new command clears the previous message first; if the model refuses
 * (sets a message), the message is also returned as a 'message' effect so a control
 * socket can reply with it.
 */
export function executeCommand(model: Model, command: Command, ctx: CommandContext): Outcome {
  const out = run(clearMessage(model), command, ctx);
  return out.model.message === null
    ? out
    : { model: out.model, effects: [...out.effects, { kind: 'message', text: out.model.message }] };
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
