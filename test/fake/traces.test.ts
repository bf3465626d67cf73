// The fake against Xvfb: each scenario of scenarios.ts runs on a fresh FakeX, and what the
// window manager and the other client receive, step by step, must be what Xvfb sent them
// (traces.ts, recorded by record-traces.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCENARIOS } from './scenarios.js';
import { CLIENT_SELECTS, Stage, type OtherClient, type WindowSpec } from './stage.js';
import { TRACES } from './traces.js';
import { FakeX } from './xfake.js';

function otherClient(fake: FakeX): { client: OtherClient; id: number } {
  const id = fake.newClient();
  const client: OtherClient = {
    window: (spec: WindowSpec = {}) => Promise.resolve(fake.createClientWindow({
      client: id, x: spec.x ?? 0, y: spec.y ?? 0, width: spec.width ?? 100, height: spec.height ?? 100, events: CLIENT_SELECTS,
      ...(spec.parent === undefined ? {} : { parent: spec.parent }), overrideRedirect: spec.overrideRedirect === true,
    })),
    map: async (w) => fake.clientMap(w),
    unmap: async (w) => fake.clientUnmap(w),
    destroy: async (w) => fake.clientDestroy(w),
    configure: async (w, v) => fake.clientConfigureRequest(w, v),
    reparent: async (w, p, x, y) => fake.clientReparent(w, p, x, y),
    withdraw: async (w) => fake.clientUnmap(w, { synthetic: true }),
    sendToRoot: async (w, type, data, mask) => fake.sendClientMessageToRoot(w, type, data, { mask }),
    grabKeyboard: async (w) => fake.clientGrabKeyboard(id, w),
    ungrabKeyboard: async () => fake.clientUngrabKeyboard(id),
    pressKey: async (keycode) => fake.pressKey(keycode),
    click: async (x, y, button) => { fake.movePointer(x, y); fake.clickHere(button); },
  };
  return { client, id };
}

for (const [name, run] of Object.entries(SCENARIOS)) {
  test(`as on Xvfb: ${name}`, async () => {
    const fake = new FakeX();
    const { client, id } = otherClient(fake);
    let read = 0;
    const stage: Stage = new Stage(fake, client, async () => {
      await fake.settle();
      const box = fake.inbox({ client: id });
      for (; read < box.length; read++) stage.clientReceived(box[read]!);
    });
    await run(stage);
    const want = TRACES[name];
    assert.ok(want !== undefined, `no trace recorded for "${name}": run record-traces`);
    for (let i = 0; i < Math.max(want.length, stage.trace.length); i++) {
      assert.deepEqual(stage.trace[i], want[i], `step ${i + 1} of "${name}"`);
    }
  });
}
