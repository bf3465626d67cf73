// Branding casts live here so the rest of the model never writes `as TileId`.
import type { TileId, WindowId, WorkspaceId } from '../types.js';

export const tileId = (n: number): TileId => n as TileId;
export const workspaceId = (n: number): WorkspaceId => n as WorkspaceId;
export const windowId = (n: number): WindowId => n as WindowId;
