// Random operation sequences for property tests: every model operation, with arguments
// resolved against the model at the time they run (e.g. "remove the 3rd client").
import fc from 'fast-check';
import * as M from '../../src/model/index.js';
import type { Model, WindowId } from '../../src/model/index.js';
import type { MonitorInfo, Rect } from '../../src/model/index.js';
import { focusedGeometry, minShare } from '../../src/layout/index.js';
import type { LayoutTheme } from '../../src/layout/index.js';

export const THEME: LayoutTheme = { barHeight: 20, tabBarHeight: 18, minTileSize: 40 };

type Cycle = 'next' | 'prev';
/** Who a new or changed client is transient for: nobody, itself, an id nobody has, or
 *  the pick-th managed client (cycles welcome). */
export type ParentPick = 'none' | 'self' | 'unknown' | { pick: number };
export type Op =
  | { op: 'add'; screen: number | null }
  | { op: 'addPlaced'; screen: number | null; how: M.NewPlacement }
  | {
      op: 'addFloat';
      screen: number | null;
      parent: ParentPick;
      floating: boolean | null;
      requested: M.Rect | null;
      hints: M.SizeHints | null;
      fullscreen: boolean;
      modal: boolean;
    }
  | { op: 'setTransient'; pick: number; parent: ParentPick }
  | { op: 'setHints'; pick: number; hints: M.SizeHints | null }
  | { op: 'toggleFloating'; pick: number | null }
  | { op: 'setFullscreen'; pick: number | null; how: 'add' | 'remove' | 'toggle' }
  | { op: 'setModal'; pick: number; how: 'add' | 'remove' | 'toggle' }
  | { op: 'moveFloating'; pick: number; rect: M.Rect }
  | { op: 'setReserved'; monitor: number; insets: M.Insets }
  | { op: 'focusUrgent' }
  | { op: 'remove'; pick: number }
  | { op: 'update'; pick: number; urgent: boolean }
  | { op: 'focusClient'; pick: number }
  | { op: 'split'; how: 'horizontal' | 'vertical' | 'auto' }
  | { op: 'kill' }
  | { op: 'focusTile'; to: Cycle }
  | { op: 'focusTileById'; pick: number }
  | { op: 'resize'; direction: 'left' | 'right' | 'up' | 'down'; step: number }
  | { op: 'showTab'; to: Cycle }
  | { op: 'showTabAt'; pick: number; index: number }
  | { op: 'moveTab'; to: Cycle }
  | { op: 'dropOnTile'; pick: number; tile: number }
  | { op: 'setBorder'; split: number; index: number; fraction: number }
  | { op: 'createWorkspace'; name: string | null }
  | { op: 'destroyWorkspace' }
  | { op: 'switchWorkspace'; to: Cycle }
  | { op: 'gotoWorkspace'; n: number; swap: boolean }
  | { op: 'renameWorkspace'; name: string }
  | { op: 'moveClientToWorkspace'; to: Cycle }
  | { op: 'moveClientTo'; client: number; workspace: number }
  | { op: 'setWorkspaceCount'; n: number }
  | { op: 'setMonitors'; monitors: MonitorInfo[] }
  | { op: 'minimise'; pick: number | null }
  | { op: 'restore'; pick: number }
  | { op: 'maximise'; pick: number | null; axis: 'vert' | 'horz'; how: 'add' | 'remove' | 'toggle' }
  | { op: 'clearMessage' }
  | { op: 'sticky'; pick: number | null; how: 'add' | 'remove' | 'toggle' }
  | { op: 'layer'; pick: number | null; layer: 'above' | 'below'; how: 'add' | 'remove' | 'toggle' }
  | { op: 'scratchpadMove'; pick: number | null }
  | { op: 'scratchpadShow'; pick: number | null }
  | { op: 'dropdown'; pick: number; place: M.Placement };

const cycle = fc.constantFrom<Cycle>('next', 'prev');
const pick = fc.nat({ max: 1000 });

/**
 * How monitors sit: side by side at y = 0, stacked, in a row with gaps and vertical
 * offsets, or in a 2-wide grid with gaps; never overlapping (cloned outputs count once).
 */
export type Arrangement = 'row' | 'column' | 'gapped' | 'grid';

const monitorSizesArb = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom('A', 'B', 'C', 'D'),
    screen: fc.integer({ min: 0, max: 1 }),
    width: fc.integer({ min: 320, max: 1920 }),
    height: fc.integer({ min: 240, max: 1200 }),
    gap: fc.integer({ min: 0, max: 400 }),
    offset: fc.integer({ min: 0, max: 900 }),
  }),
  { minLength: 1, maxLength: 3, selector: (m) => m.name },
);

/** Monitors placed by `arrangement`, from `origin` (X screens may start anywhere on their root). */
export function arrange(
  ms: readonly { name: string; screen: number; width: number; height: number; gap: number; offset: number }[],
  arrangement: Arrangement,
  origin: { x: number; y: number } = { x: 0, y: 0 },
): MonitorInfo[] {
  let x = origin.x;
  let y = origin.y;
  let rowHeight = 0;
  return ms.map((m, i) => {
    let rect: Rect;
    switch (arrangement) {
      case 'row': rect = { x, y: origin.y, width: m.width, height: m.height }; x += m.width; break;
      case 'column': rect = { x: origin.x, y, width: m.width, height: m.height }; y += m.height; break;
      case 'gapped': rect = { x, y: origin.y + m.offset, width: m.width, height: m.height }; x += m.width + m.gap; break;
      case 'grid': {
        if (i % 2 === 0 && i > 0) { x = origin.x; y += rowHeight + m.gap; rowHeight = 0; }
        rect = { x, y, width: m.width, height: m.height };
        x += m.width + m.gap;
        rowHeight = Math.max(rowHeight, m.height);
        break;
      }
    }
    return { name: m.name, screen: m.screen, rect };
  });
}

export const monitorsArb: fc.Arbitrary<MonitorInfo[]> = fc
  .tuple(monitorSizesArb, fc.constantFrom<Arrangement>('row', 'column', 'gapped', 'grid'),
    fc.record({ x: fc.constantFrom(0, 0, 100, 1920), y: fc.constantFrom(0, 0, 50, 1080) }))
  .map(([ms, arrangement, origin]) => arrange(ms, arrangement, origin));

/** Numbers a misbehaving client or a buggy decoder might send. */
export const wildNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: -3000, max: 3000 }), weight: 6 },
  fc.constantFrom(0, -1, 1, NaN, Infinity, -Infinity, 1e9, -1e9, 2 ** 31, Number.MAX_SAFE_INTEGER),
  fc.double(),
);
// fc.record may build null-prototype objects; spread them so structuredClone compares equal.
const plain = <T extends object>(o: T): T => ({ ...o });
const wildRect: fc.Arbitrary<M.Rect> = fc.record({ x: wildNumber, y: wildNumber, width: wildNumber, height: wildNumber }).map(plain);
const saneRect: fc.Arbitrary<M.Rect> = fc.record({
  x: fc.integer({ min: -100, max: 3000 }),
  y: fc.integer({ min: -100, max: 2000 }),
  width: fc.integer({ min: 1, max: 2500 }),
  height: fc.integer({ min: 1, max: 1500 }),
}).map(plain);
const hintValue = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 900 }), weight: 5 }, wildNumber);
const aspect = fc.tuple(fc.oneof(fc.integer({ min: 1, max: 20 }), wildNumber), fc.oneof(fc.integer({ min: 1, max: 20 }), wildNumber));
export const hintsArb: fc.Arbitrary<M.SizeHints> = fc.record(
  {
    minWidth: hintValue,
    minHeight: hintValue,
    maxWidth: hintValue,
    maxHeight: hintValue,
    widthInc: fc.oneof(fc.integer({ min: 1, max: 20 }), wildNumber),
    heightInc: fc.oneof(fc.integer({ min: 1, max: 20 }), wildNumber),
    baseWidth: fc.oneof(fc.integer({ min: 0, max: 50 }), wildNumber),
    baseHeight: fc.oneof(fc.integer({ min: 0, max: 50 }), wildNumber),
    minAspect: aspect,
    maxAspect: aspect,
  },
  { requiredKeys: [] },
).map(plain);
const parentArb: fc.Arbitrary<ParentPick> = fc.oneof(
  fc.constantFrom<ParentPick>('none', 'self', 'unknown'),
  { arbitrary: pick.map((p): ParentPick => ({ pick: p })), weight: 4 },
);
const insetsArb: fc.Arbitrary<M.Insets> = fc.record({
  top: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 60 }), weight: 3 }, wildNumber),
  bottom: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 60 }), weight: 3 }, wildNumber),
  left: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 60 }), weight: 3 }, wildNumber),
  right: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 60 }), weight: 3 }, wildNumber),
}).map(plain);

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('addPlaced' as const), screen: fc.option(fc.nat(2)), how: fc.constantFrom<M.NewPlacement>('tab', 'split', 'master') }), weight: 4 },
  {
    arbitrary: fc.record({
      op: fc.constant('addFloat' as const),
      screen: fc.option(fc.integer({ min: 0, max: 2 })),
      parent: parentArb,
      floating: fc.option(fc.boolean()),
      requested: fc.option(fc.oneof({ arbitrary: saneRect, weight: 3 }, wildRect)),
      hints: fc.option(hintsArb),
      fullscreen: fc.boolean(),
      modal: fc.boolean(),
    }),
    weight: 4,
  },
  fc.record({ op: fc.constant('setTransient' as const), pick, parent: parentArb }),
  fc.record({ op: fc.constant('setHints' as const), pick, hints: fc.option(hintsArb) }),
  { arbitrary: fc.record({ op: fc.constant('toggleFloating' as const), pick: fc.option(pick) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('setFullscreen' as const), pick: fc.option(pick), how: fc.constantFrom('add' as const, 'remove' as const, 'toggle' as const) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('setModal' as const), pick, how: fc.constantFrom('add' as const, 'remove' as const, 'toggle' as const) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('moveFloating' as const), pick, rect: fc.oneof(saneRect, wildRect) }), weight: 2 },
  fc.record({ op: fc.constant('setReserved' as const), monitor: fc.integer({ min: -1, max: 3 }), insets: insetsArb }),
  fc.record({ op: fc.constant('focusUrgent' as const) }),
  { arbitrary: fc.record({ op: fc.constant('add' as const), screen: fc.option(fc.integer({ min: 0, max: 2 })) }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), pick }), weight: 3 },
  fc.record({ op: fc.constant('update' as const), pick, urgent: fc.boolean() }),
  fc.record({ op: fc.constant('focusClient' as const), pick }),
  { arbitrary: fc.record({ op: fc.constant('split' as const), how: fc.constantFrom('horizontal' as const, 'vertical' as const, 'auto' as const) }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('kill' as const) }), weight: 3 },
  fc.record({ op: fc.constant('focusTile' as const), to: cycle }),
  fc.record({ op: fc.constant('focusTileById' as const), pick }),
  {
    arbitrary: fc.record({
      op: fc.constant('resize' as const),
      direction: fc.constantFrom('left' as const, 'right' as const, 'up' as const, 'down' as const),
      step: fc.integer({ min: 1, max: 40 }).map((n) => n / 100),
    }),
    weight: 3,
  },
  fc.record({ op: fc.constant('showTab' as const), to: cycle }),
  fc.record({ op: fc.constant('showTabAt' as const), pick, index: fc.integer({ min: -1, max: 4 }) }),
  { arbitrary: fc.record({ op: fc.constant('moveTab' as const), to: cycle }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('dropOnTile' as const), pick, tile: pick }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('setBorder' as const), split: pick, index: fc.integer({ min: -1, max: 3 }),
      fraction: fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.constantFrom(Number.NaN, Infinity)),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('createWorkspace' as const), name: fc.option(fc.constantFrom('web', 'mail', '2', ' x ')) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('destroyWorkspace' as const) }), weight: 2 },
  fc.record({ op: fc.constant('switchWorkspace' as const), to: cycle }),
  fc.record({ op: fc.constant('gotoWorkspace' as const), n: fc.integer({ min: 0, max: 6 }), swap: fc.boolean() }),
  fc.record({ op: fc.constant('renameWorkspace' as const), name: fc.constantFrom('web', 'mail', '1', '', 'x y') }),
  { arbitrary: fc.record({ op: fc.constant('moveClientToWorkspace' as const), to: cycle }), weight: 2 },
  fc.record({ op: fc.constant('moveClientTo' as const), client: pick, workspace: fc.integer({ min: -1, max: 6 }) }),
  fc.record({ op: fc.constant('setWorkspaceCount' as const), n: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.constant(Number.NaN)) }),
  fc.record({ op: fc.constant('setMonitors' as const), monitors: monitorsArb }),
  fc.record({ op: fc.constant('clearMessage' as const) }),
  { arbitrary: fc.record({ op: fc.constant('minimise' as const), pick: fc.option(pick) }), weight: 3 },
  fc.record({ op: fc.constant('restore' as const), pick }),
  fc.record({ op: fc.constant('maximise' as const), pick: fc.option(pick), axis: fc.constantFrom('vert' as const, 'horz' as const), how: fc.constantFrom('add' as const, 'remove' as const, 'toggle' as const) }),
);

const howArb = fc.constantFrom('add' as const, 'remove' as const, 'toggle' as const);
const fraction = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => n / 100), weight: 5 }, wildNumber);

/** Sticky floats, stacking layers and the scratchpad. */
export const windowOpArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('sticky' as const), pick: fc.option(pick), how: howArb }), weight: 3 },
  fc.record({ op: fc.constant('layer' as const), pick: fc.option(pick), layer: fc.constantFrom('above' as const, 'below' as const), how: howArb }),
  { arbitrary: fc.record({ op: fc.constant('scratchpadMove' as const), pick: fc.option(pick) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('scratchpadShow' as const), pick: fc.option(pick) }), weight: 3 },
  fc.record({ op: fc.constant('dropdown' as const), pick, place: fc.record({ x: fraction, y: fraction, width: fraction, height: fraction }).map(plain) }),
);

export const opsArb = fc.array(fc.oneof({ arbitrary: opArb, weight: 9 }, windowOpArb), { maxLength: 60, size: 'max' });

/** The state a run carries: the model and what must be in it. */
export interface RunState {
  readonly model: Model;
  readonly expected: ReadonlySet<WindowId>;
  readonly nextWindow: number;
}

/** A fresh run; `placement` as the setting sets it (absent: the model's default, tab). */
export function startState(monitors: readonly MonitorInfo[], placement?: M.NewPlacement): RunState {
  const model = M.createModel(monitors, ['one']);
  return { model: placement === undefined ? model : { ...model, placement }, expected: new Set(), nextWindow: 1 };
}

function nth<T>(items: readonly T[], i: number): T | undefined {
  return items.length === 0 ? undefined : items[i % items.length];
}

function parentId(model: Model, p: ParentPick, self: WindowId): WindowId | null {
  if (p === 'none') return null;
  if (p === 'self') return self;
  if (p === 'unknown') return M.windowId(999_999);
  return nth([...model.clients.keys()], p.pick) ?? null;
}

function allSplitIds(model: Model): M.TileId[] {
  const out: M.TileId[] = [];
  const walk = (n: M.Node): void => {
    if (n.kind === 'split') { out.push(n.id); n.children.forEach(walk); }
  };
  for (const ws of model.workspaces) walk(ws.root);
  return out;
}

function allTileIds(model: Model): M.TileId[] {
  return model.workspaces.flatMap((ws) => M.tiles(ws.root).map((t) => t.id));
}

/** Apply one op. Splits and resizes get the pixel minimum the layout implies, as the
 *  command executor does. */
export function applyOp(state: RunState, op: Op): RunState {
  const { model } = state;
  const clientIds = [...model.clients.keys()];
  const geometry = focusedGeometry(model, THEME);
  const min = geometry ? minShare(THEME, geometry.area) : M.NO_MIN_SHARE;
  const same = (m: Model): RunState => ({ ...state, model: m });
  switch (op.op) {
    case 'add': {
      const id = M.windowId(state.nextWindow);
      const client = { id, title: `c${state.nextWindow}`, instance: 'i', class: 'C', urgent: false };
      return {
        model: M.addClient(model, client, op.screen ?? undefined),
        expected: new Set([...state.expected, id]),
        nextWindow: state.nextWindow + 1,
      };
    }
    case 'addPlaced': {
      const id = M.windowId(state.nextWindow);
      const added = M.addClient(model, { id, title: `p${state.nextWindow}`, instance: 'i', class: 'C', urgent: false }, op.screen ?? undefined);
      const g = focusedGeometry(added, THEME);
      return {
        model: g === null ? added : M.placeNew(added, id, op.how, { tile: g.tile, min: minShare(THEME, g.area) }),
        expected: new Set([...state.expected, id]),
        nextWindow: state.nextWindow + 1,
      };
    }
    case 'addFloat': {
      const id = M.windowId(state.nextWindow);
      const client: M.Client = {
        id,
        title: `f${state.nextWindow}`,
        instance: 'i',
        class: 'C',
        urgent: false,
        transientFor: parentId(model, op.parent, id),
        ...(op.requested ? { requested: op.requested } : {}),
        ...(op.hints ? { sizeHints: op.hints } : {}),
        ...(op.fullscreen ? { fullscreen: true } : {}),
        ...(op.modal ? { modal: true } : {}),
      };
      return {
        model: M.addClient(model, client, op.screen ?? undefined, op.floating === null ? undefined : { floating: op.floating }),
        expected: new Set([...state.expected, id]),
        nextWindow: state.nextWindow + 1,
      };
    }
    case 'setTransient': {
      const id = nth(clientIds, op.pick);
      return id === undefined ? state : same(M.updateClient(model, id, { transientFor: parentId(model, op.parent, id) }));
    }
    case 'setHints': {
      const id = nth(clientIds, op.pick);
      return id === undefined ? state : same(M.updateClient(model, id, { sizeHints: op.hints ?? {} }));
    }
    case 'toggleFloating': {
      if (op.pick === null) return same(M.toggleFloating(model));
      const id = nth(clientIds, op.pick);
      return id === undefined ? state : same(M.toggleFloating(model, id));
    }
    case 'setFullscreen': {
      const id = op.pick === null ? M.focusedClient(model) : nth(clientIds, op.pick);
      return id == null ? state : same(M.setFullscreen(model, id, op.how));
    }
    case 'setModal': {
      const id = nth(clientIds, op.pick);
      return id === undefined ? state : same(M.setModal(model, id, op.how));
    }
    case 'moveFloating': {
      const floats = model.workspaces.flatMap((ws) => ws.floating ?? []);
      const id = nth(floats.length > 0 ? floats : clientIds, op.pick);
      return id === undefined ? state : same(M.moveFloating(model, id, op.rect));
    }
    case 'setReserved':
      return same(M.setReserved(model, op.monitor, op.insets));
    case 'focusUrgent':
      return same(M.focusUrgent(model));
    case 'remove': {
      const id = nth(clientIds, op.pick);
      if (id === undefined) return state;
      const expected = new Set(state.expected);
      expected.delete(id);
      return { ...state, model: M.removeClient(model, id), expected };
    }
    case 'update': {
      const id = nth(clientIds, op.pick);
      return id === undefined ? state : same(M.updateClient(model, id, { urgent: op.urgent, title: 'changed' }));
    }
    case 'focusClient': {
      const id = nth(clientIds, op.pick);
      return id === undefined ? state : same(M.focusClient(model, id));
    }
    case 'split':
      if (op.how === 'auto') return same(M.splitTileAuto(model, geometry?.tile ?? { x: 0, y: 0, width: 1, height: 1 }, min));
      return same(M.splitTile(model, op.how, min));
    case 'kill':
      return same(M.killTile(model));
    case 'focusTile':
      return same(M.focusTile(model, op.to));
    case 'focusTileById': {
      const id = nth(allTileIds(model), op.pick);
      return id === undefined ? state : same(M.focusTileById(model, id));
    }
    case 'resize':
      return same(M.resizeTile(model, op.direction, op.step, min));
    case 'showTab':
      return same(M.showTab(model, op.to));
    case 'showTabAt': {
      const id = nth(allTileIds(model), op.pick);
      return id === undefined ? state : same(M.showTabAt(model, id, op.index));
    }
    case 'moveTab':
      return same(M.moveTab(model, op.to));
    case 'dropOnTile': {
      const id = nth(clientIds, op.pick);
      const tile = nth(allTileIds(model), op.tile);
      return id === undefined || tile === undefined ? state : same(M.dropOnTile(model, id, tile));
    }
    case 'setBorder': {
      const id = nth(allSplitIds(model), op.split);
      return id === undefined ? state : same(M.setBorder(model, id, op.index, op.fraction, min));
    }
    case 'createWorkspace':
      return same(M.createWorkspace(model, op.name ?? undefined));
    case 'destroyWorkspace':
      return same(M.destroyWorkspace(model));
    case 'switchWorkspace':
      return same(M.switchWorkspace(model, op.to));
    case 'gotoWorkspace': {
      // With either policy for a workspace shown elsewhere; the policy itself is not state.
      const { shownElsewhere: _, ...next } = M.gotoWorkspace({ ...model, shownElsewhere: op.swap ? 'swap' : 'focus' }, op.n);
      return same(next);
    }
    case 'renameWorkspace':
      return same(M.renameWorkspace(model, op.name));
    case 'moveClientToWorkspace':
      return same(M.moveClientToWorkspace(model, op.to));
    case 'moveClientTo': {
      const id = nth([...model.clients.keys()], op.client);
      const ws = model.workspaces[op.workspace];
      return id === undefined || ws === undefined ? state : same(M.moveClientTo(model, id, ws.id));
    }
    case 'setWorkspaceCount':
      return same(M.setWorkspaceCount(model, op.n));
    case 'setMonitors':
      return same(M.setMonitors(model, op.monitors));
    case 'clearMessage':
      return same(M.clearMessage(model));
    case 'minimise': {
      const id = op.pick === null ? M.focusedClient(model) : nth(clientIds, op.pick);
      return id == null ? state : same(M.minimiseClient(model, id));
    }
    case 'maximise': {
      const id = op.pick === null ? M.focusedClient(model) : nth(clientIds, op.pick);
      return id == null ? state : same(M.setMaximised(model, id, op.axis, op.how));
    }
    case 'sticky': {
      const id = op.pick === null ? M.focusedClient(model) : nth(clientIds, op.pick);
      return id == null ? state : same(M.setSticky(model, id, op.how));
    }
    case 'layer': {
      const id = op.pick === null ? M.focusedClient(model) : nth(clientIds, op.pick);
      return id == null ? state : same(M.setLayer(model, id, op.layer, op.how));
    }
    case 'scratchpadMove': {
      const id = op.pick === null ? null : nth(clientIds, op.pick);
      return same(M.scratchpadMove(model, id));
    }
    case 'scratchpadShow': {
      const ids = M.scratchpadWindows(model);
      return same(M.scratchpadShow(model, op.pick === null ? null : (nth(ids.length > 0 ? ids : clientIds, op.pick) ?? null)));
    }
    case 'dropdown': {
      const id = nth(clientIds, op.pick);
      return id === undefined ? state : same(M.toggleDropdown(model, id, op.place));
    }
    case 'restore': {
      const minimised = clientIds.filter((c) => M.isMinimised(model, c));
      const id = nth(minimised.length > 0 ? minimised : clientIds, op.pick);
      return id === undefined ? state : same(M.restoreClient(model, id));
    }
  }
}
