// The model's public surface: types and pure operations.
export type * from './types.js';
export { tileId, workspaceId, windowId } from './ids.js';
export { createModel, newWorkspace, type MonitorInfo } from './create.js';
export { setMonitors, showWorkspace } from './monitors.js';
export { clearMessage, refuse } from './message.js';
export {
  focusedWorkspace,
  focusedTile,
  focusedClient,
  findClient,
  workspaceOf,
  workspaceOfTile,
  workspaceById,
  workspaceIndex,
  shownWorkspaces,
  monitorShowing,
  freeWorkspaceName,
} from './queries.js';
export { tiles, findTile, pathTo, firstTile, lastTile, MIN_RATIO } from './tree.js';
export { shownTab } from './tile.js';
export { addClient, removeClient, updateClient, focusClient } from './clients.js';
export {
  splitTile,
  splitTileAuto,
  killTile,
  focusTile,
  focusTileById,
  resizeTile,
  NO_MIN_SHARE,
  type MinShare,
  type SplitHow,
  type Direction,
  type Cycle,
} from './tiles.js';
export { showTab, showTabAt, moveTab } from './tabs.js';
export {
  createWorkspace,
  destroyWorkspace,
  switchWorkspace,
  gotoWorkspace,
  renameWorkspace,
  moveClientToWorkspace,
} from './workspaces.js';
