// The model's public surface: types and pure operations.
export type * from './types.js';
export { tileId, workspaceId, windowId } from './core/ids.js';
export { createModel } from './create.js';
export { newWorkspace, showWorkspace } from './core/workspace.js';
export {
  setMonitors,
  focusMonitor,
  moveWorkspaceToMonitor,
  moveClientToMonitor,
  setReserved,
  reservedFromStruts,
  pinWorkspaces,
  focusMonitorNamed,
  type Strut,
} from './monitors.js';
export { usableRect, clampInsets, keepOnMonitor, NO_INSETS, MAX_RESERVED_SHARE, DEFAULT_FLOAT_SIZE, FLOAT_MIN_VISIBLE } from './core/rects.js';
export { clearMessage, refuse } from './core/message.js';
export { barHidden, setBar, barsFromConfig } from './bars.js';
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
  updateClient,
  type ClientPlace,
} from './core/queries.js';
export { tiles, findTile, pathTo, firstTile, lastTile, MIN_RATIO } from './core/tree.js';
export { shownTab } from './core/tile.js';
export { addClient, removeClient, type AddOptions } from './clients.js';
export { focusClient, focusTileById, transientsOf } from './core/focus.js';
export { moveClientTo } from './core/move.js';
export {
  toggleFloating,
  moveFloating,
  raiseFloating,
  setFullscreen,
  focusUrgent,
  clientsInOrder,
} from './floating.js';
export {
  splitTile,
  splitTileAuto,
  killTile,
  focusTile,
  resizeTile,
  NO_MIN_SHARE,
  type MinShare,
  type SplitHow,
  type Direction,
} from './tiles.js';
export type { Cycle } from './core/step.js';
export { showTab, showTabAt, moveTab } from './tabs.js';
export { tileToward, focusToward, moveTabToward } from './toward.js';
export { saveLayout, loadLayout, parseSavedLayout, claimWaiting, matchesClient, SAVED_LIMITS, type SavedLayout, type SavedNode } from './saved.js';
export {
  createWorkspace,
  destroyWorkspace,
  switchWorkspace,
  gotoWorkspace,
  renameWorkspace,
  moveClientToWorkspace,
  setWorkspaceCount,
  ensureWorkspace,
} from './workspaces.js';
export { modelToJson, modelFromJson, type ModelJson } from './serialize.js';
export { renameConfigured } from './names.js';
