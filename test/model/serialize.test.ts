// The model as JSON and back (the state file carried across a restart): a round trip
// gives the same model, and garbage gives an error value, never a throw or a broken model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { modelFromJson, modelToJson, type Client, type Model, type Rect, type SizeHints } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opsArb, startState } from './ops.js';

const through = (m: Model): unknown => JSON.parse(JSON.stringify(modelToJson(m)));

/** What JSON can carry of a model: non-finite hints and rects are "none" (-0 is 0). */
function carried(m: Model): Model {
  const z = (n: number): number => (n === 0 ? 0 : n);
  const ok = (r: Rect | undefined): r is Rect => r !== undefined && [r.x, r.y, r.width, r.height].every(Number.isFinite);
  const rect = (r: Rect): Rect => ({ x: z(r.x), y: z(r.y), width: z(r.width), height: z(r.height) });
  const hints = (h: SizeHints): SizeHints => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(h)) {
      if (typeof v === 'number' && Number.isFinite(v)) out[k] = z(v);
      if (Array.isArray(v) && v.every((n) => Number.isFinite(n))) out[k] = v.map(z);
    }
    return out as SizeHints;
  };
  const clients = new Map([...m.clients].map(([id, c]): [typeof id, Client] => {
    const { requested, floatRect, sizeHints, ...rest } = c;
    return [id, {
      ...rest,
      ...(sizeHints === undefined ? {} : { sizeHints: hints(sizeHints) }),
      ...(ok(requested) ? { requested: rect(requested) } : {}),
      ...(ok(floatRect) ? { floatRect: rect(floatRect) } : {}),
    }];
  }));
  return { ...m, clients };
}

test('a model survives the round trip through JSON text, after any operations', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, (monitors, ops) => {
      let state = startState(monitors);
      for (const op of ops) state = applyOp(state, op);
      const back = modelFromJson(through(state.model));
      assert.ok(back.ok, back.ok ? '' : back.error);
      checkModel(back.model, state.expected);
      assert.deepEqual(back.model, carried(state.model));
    }),
    { numRuns: 300 },
  );
});

test('anything at all is an error value or a sound model, never a throw', () => {
  fc.assert(
    fc.property(fc.anything(), (v) => {
      const r = modelFromJson(v);
      if (r.ok) checkModel(r.model);
    }),
    { numRuns: 500 },
  );
});

/** Change one value somewhere inside a JSON value (by a path of indices). */
function mutate(v: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof v !== 'object' || v === null) return replacement;
  const [i, ...rest] = path as [number, ...number[]];
  if (Array.isArray(v)) {
    if (v.length === 0) return replacement;
    const k = i % v.length;
    return v.map((x, j) => (j === k ? mutate(x, rest, replacement) : x));
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return replacement;
  const key = keys[i % keys.length]!;
  const o = { ...(v as Record<string, unknown>) };
  if (replacement === 'DELETE' && rest.length === 0) delete o[key];
  else o[key] = mutate(o[key], rest, replacement);
  return o;
}

test('a valid state with one value changed is refused or still sound', () => {
  const replacement = fc.oneof(
    fc.constant('DELETE'), fc.constant(null), fc.integer({ min: -3, max: 40 }), fc.double(), fc.string(), fc.boolean(),
    fc.constant([]), fc.constant({}), fc.constant(0.5),
  );
  fc.assert(
    fc.property(monitorsArb, opsArb, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), replacement, (monitors, ops, path, rep) => {
      let state = startState(monitors);
      for (const op of ops) state = applyOp(state, op);
      const r = modelFromJson(mutate(through(state.model), path, rep));
      if (r.ok) checkModel(r.model);
      else assert.match(r.error, /^model/);
    }),
    { numRuns: 400 },
  );
});

test('errors name where the state is wrong', () => {
  const m = startState([{ name: 'A', screen: 0, rect: { x: 0, y: 0, width: 800, height: 600 } }]).model;
  const j = modelToJson(m) as unknown as { workspaces: { focus: number }[] };
  j.workspaces[0]!.focus = 9999;
  const r = modelFromJson(j);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.error, /model\.workspaces\[0\]\.focus/);
  assert.deepEqual(modelFromJson('nonsense'), { ok: false, error: 'model: expected an object' });
});
