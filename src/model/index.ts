// The model's public surface: types and pure operations.
//
// Every operation here that returns a Model is settled (core/settle.ts): a modal dialog
// keeps the focus from its parent, each workspace's focus history records the focus the
// operation leaves, sticky floats follow their monitors (sticky.ts), and under `placement:
// split` or `master` the tiles its windows left are gone (core/emptied.ts). Inside
// src/model the operations call each other unsettled, so only where an operation ends counts.
import * as bars from './bars.js';
import * as clients from './clients.js';
import * as focus from './core/focus.js';
import * as message from './core/message.js';
import * as move from './core/move.js';
import * as queries from './core/queries.js';
import * as workspace from './core/workspace.js';
import * as floating from './floating.js';
import * as launched from './launched.js';
import * as minimise from './minimise.js';
import * as marks from './marks.js';
import * as toward from './toward.js';
import * as monitors from './monitors.js';
import * as monitorMemory from './monitormemory.js';
import * as pointer from './pointer.js';
import * as placement from './placement.js';
import * as names from './names.js';
import * as saved from './saved.js';
import * as placeholders from './placeholders.js';
import * as tabs from './tabs.js';
import * as tiles from './tiles.js';
import * as workspaces from './workspaces.js';
import * as sticky from './sticky.js';
import * as scratchpad from './scratchpad.js';
import { settleFocus } from './core/settle.js';
import { pruneEmptied } from './core/emptied.js';
import type { Model, WindowId } from './types.js';

export type * from './types.js';

function settled<A extends unknown[]>(op: (model: Model, ...args: A) => Model): (model: Model, ...args: A) => Model {
  return (model, ...args) => {
    const next = op(model, ...args);
    return next === model ? model : remembered(model, settleFocus(model, sticky.carrySticky(model, pruneEmptied(model, next))));
  };
}

/** For the user's moves: a scratchpad window they tile or send elsewhere leaves the scratchpad. */
function leaving<A extends unknown[]>(op: (model: Model, ...args: A) => Model): (model: Model, ...args: A) => Model {
  return (model, ...args) => {
    const next = op(model, ...args);
    return next === model ? model : scratchpad.leftScratchpad(model, next);
  };
}

/** `after` remembering the workspace `before` focused, if the focus left it (and it lives). */
function remembered(before: Model, after: Model): Model {
  const was = before.monitors[before.focusedMonitor]?.workspace;
  const now = after.monitors[after.focusedMonitor]?.workspace;
  const lives = (id: number | undefined): boolean => after.workspaces.some((w) => w.id === id);
  if (was !== undefined && was !== now && lives(was)) return { ...after, previousWorkspace: was };
  if (after.previousWorkspace === undefined || (lives(after.previousWorkspace) && after.previousWorkspace !== now)) return after;
  // Gone, or the one focused now: nothing to go back to.
  const { previousWorkspace: _, ...rest } = after;
  return rest;
}

/** Go to the workspace focused before this one (`workspace back_and_forth`). */
export function backAndForth(model: Model): Model {
  const at = model.workspaces.findIndex((w) => w.id === model.previousWorkspace);
  return at < 0 ? refuse(model, 'workspace back_and_forth: no workspace was focused before this one') : gotoWorkspace(model, at + 1);
}

export { tileId, workspaceId, windowId } from './core/ids.js';
export { createModel } from './create.js';
export { newWorkspace } from './core/workspace.js';
export const showWorkspace = settled(workspace.showWorkspace);
export { reservedFromStruts, type Strut } from './monitors.js';
export const setMonitors = settled(monitors.setMonitors);
export const focusMonitor = settled(monitors.focusMonitor);
export const moveWorkspaceToMonitor = settled(monitors.moveWorkspaceToMonitor);
export const moveClientToMonitor = settled(leaving(monitors.moveClientToMonitor));
export const setReserved = settled(monitors.setReserved);
export const pinWorkspaces = settled(monitors.pinWorkspaces);
export const focusMonitorNamed = settled(monitors.focusMonitorNamed);
export const recallMonitors = settled(monitorMemory.recallMonitors);
export { rememberMonitors, monitorIdentities, monitorSetKey } from './monitormemory.js';
export { MAX_REMEMBERED_SETS } from './core/remembered.js';
export { usableRect, clampInsets, keepOnMonitor, NO_INSETS, MAX_RESERVED_SHARE, DEFAULT_FLOAT_SIZE, FLOAT_MIN_VISIBLE } from './core/rects.js';
export const clearMessage = settled(message.clearMessage);
export const refuse = settled(message.refuse);
export { barHidden } from './bars.js';
export const setBar = settled(bars.setBar);
export const barsFromConfig = settled(bars.barsFromConfig);
export {
  focusedWorkspace,
  focusedTile,
  focusedClient,
  findClient,
  isFloating,
  floatingOf,
  parentOf,
  workspaceFocus,
  workspaceOf,
  workspaceOfTile,
  workspaceById,
  workspaceIndex,
  shownWorkspaces,
  monitorShowing,
  freeWorkspaceName,
  urgentClients,
  type ClientPlace,
} from './core/queries.js';
export const updateClient = settled(queries.updateClient);
export { tiles, findTile, pathTo, firstTile, lastTile, MIN_RATIO } from './core/tree.js';
export { shownTab } from './core/tile.js';
export { HISTORY_LIMIT } from './core/history.js';
export type { AddOptions } from './clients.js';
export const addClient = settled(clients.addClient);
export const removeClient = settled(clients.removeClient);
export const setModal = settled(clients.setModal);
export { transientsOf } from './core/focus.js';
export const focusClient = settled(focus.focusClient);
export const focusTileById = settled(focus.focusTileById);
export const moveClientTo = settled(leaving(move.moveClientTo));
export { clientsInOrder } from './floating.js';
export const toggleFloating = settled(leaving(floating.toggleFloating));
export const moveFloating = settled(floating.moveFloating);
export const raiseFloating = settled(floating.raiseFloating);
export const setFullscreen = settled(floating.setFullscreen);
export const setMaximised = settled(floating.setMaximised);
export { CORNERS, type Corner } from './floating.js';
export const pinToCorner = settled(floating.pinToCorner);
export { isStickyFloat, type How } from './sticky.js';
export const setSticky = settled(sticky.setSticky);
export const setLayer = settled(sticky.setLayer);
export { inScratchpad, scratchpadWindows, type Placement } from './scratchpad.js';
export const scratchpadMove = settled(scratchpad.scratchpadMove);
export const scratchpadShow = settled(scratchpad.scratchpadShow);
export const toggleDropdown = settled(scratchpad.toggleDropdown);
export const focusUrgent = settled(floating.focusUrgent);
export { NO_MIN_SHARE, type MinShare, type SplitHow, type Direction } from './tiles.js';
export const splitTile = settled(tiles.splitTile);
export const splitTileAuto = settled(tiles.splitTileAuto);
export { type PlaceGeometry } from './placement.js';
export const placeNew = settled(placement.placeNew);
export const killTile = settled(tiles.killTile);
export const focusTile = settled(tiles.focusTile);
export const resizeTile = settled(tiles.resizeTile);
export const growTile = settled(tiles.growTile);
export type { Cycle } from './core/step.js';
export const showTab = settled(tabs.showTab);
export const showTabAt = settled(tabs.showTabAt);
export const moveTab = settled(tabs.moveTab);
export { tileToward } from './toward.js';
export const focusToward = settled(toward.focusToward);
export const moveTabToward = settled(toward.moveTabToward);
export const dropOnTile = settled(pointer.dropOnTile);
export const setBorder = settled(pointer.setBorder);
export { isMinimised } from './minimise.js';
export const minimiseClient = settled(minimise.minimiseClient);
export const restoreClient = settled(minimise.restoreClient);
export { saveLayout, parseSavedLayout, parseSavedTree, readTabMatch, isRecord, SAVED_LIMITS, type SavedLayout, type SavedNode } from './saved.js';
export { matchesClient } from './core/build.js';
export const loadLayout = settled(saved.loadLayout);
export const claimWaiting = settled(placeholders.claimWaiting);
export const setPlaceholderPid = placeholders.setPlaceholderPid;
export const dropPlaceholderLaunch = placeholders.dropPlaceholderLaunch;
export { waitsForLaunch, type Origin, type Recipe, type SessionTab, type SessionWorkspace, type RestoreLaunch } from './placeholders.js';
export function restoreSession(...a: Parameters<typeof placeholders.restoreSession>): ReturnType<typeof placeholders.restoreSession> {
  const r = placeholders.restoreSession(...a);
  return { ...r, model: settleFocus(null, r.model) };
}
export { ensureWorkspace } from './workspaces.js';
export const createWorkspace = settled(workspaces.createWorkspace);
export const destroyWorkspace = settled(workspaces.destroyWorkspace);
export const switchWorkspace = settled(workspaces.switchWorkspace);
export const gotoWorkspace = settled(workspaces.gotoWorkspace);
export const renameWorkspace = settled(workspaces.renameWorkspace);
export const moveClientToWorkspace = settled(leaving(workspaces.moveClientToWorkspace));
export const setWorkspaceCount = settled(workspaces.setWorkspaceCount);
export { modelToJson, modelJsonText, modelFromJson, memoryToJson, memoryFromJson, type ModelJson } from './serialize.js';
export const renameConfigured = settled(names.renameConfigured);
export const mark = settled(marks.mark);
export const unmark = settled(marks.unmark);
export { windowOfMark, allMarks, type MarkHow } from './marks.js';
/** The model with the window moved, or why it cannot be. */
export function moveToMark(model: Model, id: WindowId, name: string): Model | string {
  const next = marks.moveToMark(model, id, name);
  return typeof next === 'string' || next === model ? next : settleFocus(model, pruneEmptied(model, next));
}
export { undo, redo, recordStep, restoreSnapshot, snapshotOf, sameLayout, nothingTo, UNDO_LIMIT } from './undo.js';
export const placeLaunched = settled(launched.placeLaunched);
