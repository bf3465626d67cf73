// The order of urgency: which urgent window asked for attention first and which last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as M from '../../src/model/index.js';
import { applyOp, monitorsArb, opsArb, startState } from './ops.js';
import { client, monitor, w } from './support.js';

function three(): M.Model {
  let m = M.createModel([monitor('A')]);
  for (const n of [1, 2, 3]) m = M.addClient(m, client(n));
  return m;
}

test('clients are ordered by when they became urgent, not by id or place', () => {
  let m = three();
  m = M.updateClient(m, w(3), { urgent: true });
  m = M.updateClient(m, w(1), { urgent: true });
  m = M.updateClient(m, w(2), { urgent: true });
  assert.deepEqual(M.urgentClients(m), [w(3), w(1), w(2)]);
  // Saying urgent again keeps the place; losing it and regaining it goes last.
  m = M.updateClient(m, w(3), { urgent: true, title: 'again' });
  assert.deepEqual(M.urgentClients(m), [w(3), w(1), w(2)]);
  m = M.updateClient(m, w(3), { urgent: false });
  assert.equal(m.clients.get(w(3))?.urgentSince, undefined);
  m = M.updateClient(m, w(3), { urgent: true });
  assert.deepEqual(M.urgentClients(m), [w(1), w(2), w(3)]);
});

test('a client urgent when it appears comes after the ones urgent before it', () => {
  let m = M.updateClient(three(), w(2), { urgent: true });
  m = M.addClient(m, { ...client(4), urgent: true });
  assert.deepEqual(M.urgentClients(m), [w(2), w(4)]);
});

test('focusing the urgent window clears it from the order', () => {
  let m = M.updateClient(three(), w(1), { urgent: true });
  m = M.updateClient(m, w(2), { urgent: true });
  m = M.focusUrgent(m);
  assert.deepEqual(M.urgentClients(m), [w(2)]);
});

test('the order survives a restart (serialisation)', () => {
  let m = M.updateClient(three(), w(3), { urgent: true });
  m = M.updateClient(m, w(1), { urgent: true });
  const back = M.modelFromJson(JSON.parse(JSON.stringify(M.modelToJson(m))));
  assert.ok(back.ok);
  assert.deepEqual(M.urgentClients(back.model), [w(3), w(1)]);
});

test('after any operations, only urgent clients are ranked, ranks are distinct, and a newly urgent client ranks last', () => {
  fc.assert(
    fc.property(monitorsArb, opsArb, fc.nat(), (monitors, ops, n) => {
      let state = startState(monitors);
      for (const op of ops) state = applyOp(state, op);
      const m = state.model;
      const ranks: number[] = [];
      for (const c of m.clients.values()) {
        if (!c.urgent) assert.equal(c.urgentSince, undefined, `${c.id} is not urgent but ranked`);
        else if (c.urgentSince !== undefined) ranks.push(c.urgentSince);
      }
      assert.equal(new Set(ranks).size, ranks.length, 'two urgent clients share a rank');
      const calm = [...m.clients.values()].filter((c) => !c.urgent);
      if (calm.length === 0) return;
      const id = calm[n % calm.length]!.id;
      const after = M.updateClient(m, id, { urgent: true });
      assert.equal(M.urgentClients(after).at(-1), id);
      assert.deepEqual(M.urgentClients(after).slice(0, -1), M.urgentClients(m));
    }),
    { numRuns: 200 },
  );
});
