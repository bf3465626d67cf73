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
} from './layout.js';
export { distribute, splitRect, cutTop, area, contains, intersects, sameRect } from './geometry.js';
export { largeModel } from './fixture.js';
