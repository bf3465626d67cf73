export type * from './types.js';
export {
  layout,
  nodeRects,
  monitorParts,
  minTileSize,
  minShare,
  focusedGeometry,
  visibleTileRect,
  DEFAULT_MIN_TILE_SIZE,
  MIN_TAB_WIDTH,
  TAB_ICON_PAD,
  tabIconRect,
  tiledClientRect,
  placeFloat,
} from './layout.js';
export { monitorTheme, scaleIn, scaleOf } from './scale.js';
export { tileParts, tileGeometry, spacing, type TileGeometry } from './tile.js';
export { applySizeHints, type SizeHintOptions } from './sizehints.js';
export { distribute, splitRect, cutTop, area, contains, intersects, sameRect, inset, gapRect, borderParts } from './geometry.js';
export { trayMonitor, trayIconSize, trayWidth, trayIconRects, type TrayCandidate } from './tray.js';
export { nearestCorner, movedRect, resizedRect, borders, borderAt, borderFraction, type Edges, type Border } from './drag.js';
