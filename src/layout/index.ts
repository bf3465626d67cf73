export type * from './types.js';
export {
  layout,
  nodeRects,
  tileParts,
  monitorParts,
  minTileSize,
  minShare,
  focusedGeometry,
  visibleTileRect,
  DEFAULT_MIN_TILE_SIZE,
  MIN_TAB_WIDTH,
  tiledClientRect,
  placeFloat,
} from './layout.js';
export { applySizeHints, type SizeHintOptions } from './sizehints.js';
export { distribute, splitRect, cutTop, area, contains, intersects, sameRect } from './geometry.js';
export { nearestCorner, movedRect, resizedRect, borders, borderAt, borderFraction, type Edges, type Border } from './drag.js';
