// Random operation sequences for property tests: every model operation, with arguments
// resolved against the model at the time they run (e.g. "remove the 3rd client").
import fc from 'fast-check';
import * as M from '../../src/model/index.js';
import type { Model, WindowId } from '../../src/model/index.js';
import type { MonitorInfo } from '../../src/model/index.js';
import { focusedGeometry, minShare } from '../../src/layout/index.js';
import type { LayoutTheme } from '../../src/layout/index.js';

export const THEME: LayoutTheme = { barHeight: 20, tabBarHeight: 18, minTileSize: 40 };

type Cycle = 'next' | 'prev';
export type Op =
  | { op: 'add'; screen: number | null }
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
  | { op: 'createWorkspace'; name: string | null }
  | { op: 'destroyWorkspace' }
  | { op: 'switchWorkspace'; to: Cycle }
  | { op: 'gotoWorkspace'; n: number }
  | { op: 'renameWorkspace'; name: string }
  | { op: 'moveClientToWorkspace'; to: Cycle }
  | { op: 'setMonitors'; monitors: MonitorInfo[] }
  | { op: 'clearMessage' };

const cycle = fc.constantFrom<Cycle>('next', 'prev');
const pick = fc.nat({ max: 1000 });

export const monitorsArb: fc.Arbitrary<MonitorInfo[]> = fc
  .uniqueArray(
    fc.record({
      name: fc.constantFrom('A', 'B', 'C', 'D'),
      screen: fc.integer({ min: 0, max: 1 }),
      width: fc.integer({ min: 320, max: 1920 }),
      height: fc.integer({ min: 240, max: 1200 }),
    }),
    { minLength: 1, maxLength: 3, selector: (m) => m.name },
  )
  .map((ms) => {
    let x = 0;
    return ms.map((m) => {
      const info = { name: m.name, screen: m.screen, rect: { x, y: 0, width: m.width, height: m.height } };
      x += m.width;
      return info;
    });
  });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
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
  { arbitrary: fc.record({ op: fc.constant('createWorkspace' as const), name: fc.option(fc.constantFrom('web', 'mail', '2', ' x ')) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('destroyWorkspace' as const) }), weight: 2 },
  fc.record({ op: fc.constant('switchWorkspace' as const), to: cycle }),
  fc.record({ op: fc.constant('gotoWorkspace' as const), n: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ op: fc.constant('renameWorkspace' as const), name: fc.constantFrom('web', 'mail', '1', '', 'x y') }),
  { arbitrary: fc.record({ op: fc.constant('moveClientToWorkspace' as const), to: cycle }), weight: 2 },
  fc.record({ op: fc.constant('setMonitors' as const), monitors: monitorsArb }),
  fc.record({ op: fc.constant('clearMessage' as const) }),
);

export const opsArb = fc.array(opArb, { maxLength: 60, size: 'max' });

/** The state a run carries: the model and what must be in it. */
export interface RunState {
  readonly model: Model;
  readonly expected: ReadonlySet<WindowId>;
  readonly nextWindow: number;
}

export function startState(monitors: readonly MonitorInfo[]): RunState {
  return { model: M.createModel(monitors, ['one']), expected: new Set(), nextWindow: 1 };
}

function nth<T>(items: readonly T[], i: number): T | undefined {
  return items.length === 0 ? undefined : items[i % items.length];
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
    case 'createWorkspace':
      return same(M.createWorkspace(model, op.name ?? undefined));
    case 'destroyWorkspace':
      return same(M.destroyWorkspace(model));
    case 'switchWorkspace':
      return same(M.switchWorkspace(model, op.to));
    case 'gotoWorkspace':
      return same(M.gotoWorkspace(model, op.n));
    case 'renameWorkspace':
      return same(M.renameWorkspace(model, op.name));
    case 'moveClientToWorkspace':
      return same(M.moveClientToWorkspace(model, op.to));
    case 'setMonitors':
      return same(M.setMonitors(model, op.monitors));
    case 'clearMessage':
      return same(M.clearMessage(model));
  }
}
