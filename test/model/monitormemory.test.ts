// Monitor memory: each set of monitors gets back the workspaces it showed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addClient, createModel, createWorkspace, destroyWorkspace, focusMonitor, gotoWorkspace, memoryFromJson, memoryToJson,
  modelFromJson, modelToJson, monitorIdentities, monitorSetKey, recallMonitors, rememberMonitors, setMonitors, MAX_REMEMBERED_SETS,
} from '../../src/model/index.js';
import type { Model, MonitorInfo } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { applyOp, opArb, windowOpArb, type RunState } from './ops.js';
import { client, monitor, shownNames } from './support.js';

const LEFT = monitor('LEFT');
const RIGHT = monitor('RIGHT', { x: 1000 });

/** What the window manager does on a hot-plug: the new monitors, then the memory of that set. */
const plug = (m: Model, infos: readonly MonitorInfo[], pins?: Record<string, string>): Model =>
  rememberMonitors(recallMonitors(setMonitors(m, infos), pins, m.monitors));

/** Show the workspace called `name` (as `workspace goto` does), then remember. */
const goto = (m: Model, name: string): Model => rememberMonitors(gotoWorkspace(m, m.workspaces.findIndex((w) => w.name === name) + 1));

/** LEFT shows 2 (1 before it), RIGHT shows 4 (3 before it); the focus on LEFT. */
function docked(): Model {
  let m = rememberMonitors(focusMonitor(createModel([LEFT, RIGHT]), 'next'));
  m = rememberMonitors(createWorkspace(m, '3'));
  m = rememberMonitors(createWorkspace(m, '4'));
  m = rememberMonitors(focusMonitor(m, 'next'));
  m = goto(m, '2');
  assert.deepEqual(shownNames(m), ['2', '4']);
  assert.equal(m.focusedMonitor, 0);
  return m;
}

test('identities: the EDID hash when there is one, else output name and size; twins told apart by name', () => {
  assert.deepEqual(monitorIdentities([LEFT, { ...RIGHT, edid: 'abc' }]), ['output:LEFT:1000x800', 'edid:abc']);
  assert.deepEqual(monitorIdentities([{ ...LEFT, edid: 'e' }, { ...RIGHT, edid: 'e' }]), ['edid:e@LEFT', 'edid:e@RIGHT']);
  assert.equal(monitorSetKey([LEFT, RIGHT]), monitorSetKey([RIGHT, LEFT]), 'the order on screen does not matter');
  assert.notEqual(monitorSetKey([LEFT]), monitorSetKey([monitor('LEFT', { width: 1920 })]), 'another size is another monitor');
});

test('unplug and replug: the workspaces come back to the monitor that showed them, showing what it showed', () => {
  let m = addClient(docked(), client(1));
  m = plug(m, [LEFT]);
  assert.deepEqual(shownNames(m), ['2'], 'RIGHT is gone; LEFT keeps its workspace');
  m = goto(goto(m, '4'), '1');
  m = plug(m, [LEFT, RIGHT]);
  assert.deepEqual(shownNames(m), ['1', '4'], 'RIGHT shows 4 again; LEFT, which stayed, keeps what it shows');
  assert.equal(m.focusedMonitor, 0, 'the focus stays on LEFT');
  checkModel(m);
  assert.deepEqual(m.monitorMemory!.sets[0]!.monitors.find((r) => r.id.includes('RIGHT'))!.earlier, ['3'], 'RIGHT still counts 3 as its own');
  const away = plug(m, [LEFT]);
  assert.deepEqual(shownNames(away), ['1'], 'unplugging changes nothing on the monitor that stays');
  const from4 = plug(goto(away, '4'), [LEFT, RIGHT]);
  assert.deepEqual(shownNames(from4), ['1', '4'], 'RIGHT takes 4 back from LEFT; LEFT gets the workspace RIGHT was given');
  checkModel(from4);
});

test('a monitor whose workspace is gone shows the newest of its earlier ones', () => {
  let m = plug(docked(), [LEFT]);
  m = rememberMonitors(destroyWorkspace(goto(m, '4')));
  assert.ok(!m.workspaces.some((w) => w.name === '4'));
  m = plug(m, [LEFT, RIGHT]);
  assert.equal(shownNames(m)[1], '3');
  checkModel(m);
});

test('the same monitor on another port (same EDID) is the same set; another screen on the same port is not', () => {
  const edid = (info: MonitorInfo, e: string): MonitorInfo => ({ ...info, edid: e });
  let m = rememberMonitors(focusMonitor(createModel([LEFT, edid(RIGHT, 'dell')]), 'next'));
  m = rememberMonitors(createWorkspace(m, '3'));
  assert.equal(shownNames(m)[1], '3');
  m = plug(m, [LEFT]);
  const other = plug(m, [LEFT, edid(monitor('DP-2', { x: 1000 }), 'dell')]);
  assert.equal(shownNames(other)[1], '3', 'the Dell on DP-2 still shows 3');
  const stranger = plug(m, [LEFT, edid(RIGHT, 'lg')]);
  assert.notEqual(shownNames(stranger)[1], '3', 'another screen on RIGHT is a new set: nothing forced');
  assert.deepEqual(shownNames(stranger), shownNames(setMonitors(m, [LEFT, edid(RIGHT, 'lg')])));
});

test('pinned workspaces are left to their pins', () => {
  let m = plug(docked(), [LEFT]);
  assert.equal(shownNames(plug(m, [LEFT, RIGHT], { 4: 'HDMI-9' }))[1], '4', 'a pin to an absent output changes nothing');
  m = plug(m, [LEFT, RIGHT], { 4: 'LEFT' });
  assert.equal(shownNames(m)[1], '3', 'RIGHT shows its other workspace, 4 is for its pin');
});

test('remembering the same thing twice is the same model; at most the newest sets are kept', () => {
  const m = docked();
  assert.equal(rememberMonitors(m), m);
  let n = m;
  for (let i = 0; i < MAX_REMEMBERED_SETS + 4; i++) n = plug(n, [monitor(`M${i}`)]);
  assert.equal(n.monitorMemory!.sets.length, MAX_REMEMBERED_SETS);
  assert.equal(n.monitorMemory!.sets[0]!.key, monitorSetKey([monitor(`M${MAX_REMEMBERED_SETS + 3}`)]));
  assert.ok(!n.monitorMemory!.sets.some((s) => s.key === monitorSetKey([LEFT, RIGHT])), 'the oldest set is forgotten');
});

test('the memory survives JSON, alone and in the model; garbage is refused, or dropped from a model', () => {
  const m = docked();
  const back = memoryFromJson(JSON.parse(JSON.stringify(memoryToJson(m.monitorMemory!))));
  assert.deepEqual(back, { ok: true, memory: m.monitorMemory });
  const model = modelFromJson(JSON.parse(JSON.stringify(modelToJson({ ...m, monitors: m.monitors.with(1, { ...m.monitors[1]!, edid: 'ab12' }) }))));
  assert.ok(model.ok);
  assert.deepEqual(model.model.monitorMemory, m.monitorMemory);
  assert.equal(model.model.monitors[1]!.edid, 'ab12');
  for (const bad of [null, 3, { sets: 1 }, { sets: [{ key: 1 }] }, { sets: [{ key: 'k', monitors: [{ id: 'a', shown: 2, earlier: [] }] }] }]) {
    assert.equal(memoryFromJson(bad).ok, false, JSON.stringify(bad));
  }
  const garbage = modelFromJson({ ...modelToJson(m), monitorMemory: { sets: 'x' } });
  assert.ok(garbage.ok && garbage.model.monitorMemory === undefined);
});

// ---- property: random plugging, unplugging, moving and switching ----

const POOL: MonitorInfo[][] = [
  [LEFT, RIGHT],
  [LEFT],
  [RIGHT],
  [monitor('LEFT', { width: 1920 })],
  [LEFT, RIGHT, monitor('TOP', { y: 800 })],
  [{ ...monitor('HDMI-1'), edid: 'e1' }, { ...monitor('DP-1', { x: 1000 }), edid: 'e2' }],
  [{ ...monitor('DP-3'), edid: 'e2' }, { ...monitor('HDMI-2', { x: 1000 }), edid: 'e1' }],
];
/** Ops that leave the monitors alone: the plugging is the test's. */
const innerOps = fc.array(fc.oneof({ arbitrary: opArb, weight: 6 }, windowOpArb).filter((o) => o.op !== 'setMonitors'), { maxLength: 12 });
const stepArb = fc.record({ set: fc.integer({ min: 0, max: POOL.length - 1 }), ops: innerOps });

test('property: no window is ever lost, and a monitor plugged in again shows what it showed when its set was last connected', () => {
  fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 8 }), (steps) => {
    let state: RunState = { model: rememberMonitors(createModel(POOL[0]!, ['one'])), expected: new Set(), nextWindow: 1 };
    /** Per set key: the workspace names it showed, by identity, when it was last connected. */
    const left = new Map<string, Map<string, string>>();
    const snapshot = (m: Model): Map<string, string> => {
      const ids = monitorIdentities(m.monitors);
      return new Map(shownNames(m).map((n, i) => [ids[i]!, n]));
    };
    for (const s of steps) {
      left.set(monitorSetKey(state.model.monitors), snapshot(state.model));
      const infos = POOL[s.set]!;
      const previous = state.model.monitors;
      state = { ...state, model: plug(state.model, infos) };
      checkModel(state.model, state.expected);
      const before = left.get(monitorSetKey(infos));
      if (before !== undefined) {
        const ids = monitorIdentities(state.model.monitors);
        const stayed = new Set(monitorIdentities(previous));
        const now = shownNames(state.model);
        ids.forEach((id, i) => {
          const want = stayed.has(id) ? undefined : before.get(id);
          if (want !== undefined && state.model.workspaces.some((w) => w.name === want)) assert.equal(now[i], want, `monitor ${id}`);
        });
      }
      for (const op of s.ops) {
        state = applyOp(state, op);
        state = { ...state, model: rememberMonitors(state.model) };
      }
      checkModel(state.model, state.expected);
    }
  }), { numRuns: 300 });
});
