// Records what Xvfb does in each scenario of scenarios.ts into traces.ts, the
// reference the fake is tested against. Run after changing a scenario:
//   npx tsc -p . && node dist/test/fake/record-traces.js
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XConnection } from '../../src/x/connection.js';
import { EventCode, EventMask } from '../../src/x/protocol.js';
import { isFailure, type WindowId } from '../../src/x/types.js';
import { startXvfb } from '../harness/xvfb.js';
import { SCENARIOS } from './scenarios.js';
import { CLIENT_SELECTS, Stage, type OtherClient, type StepTrace, type WindowSpec } from './stage.js';

interface XTest { FakeInput(type: number, detail: number, time: number, root: number, x: number, y: number): void }

async function otherClient(cl: XConnection): Promise<OtherClient> {
  const xtest = (await cl.extension('xtest')) as unknown as XTest | null;
  if (xtest === null) throw new Error('Xvfb without XTest');
  const done = (): Promise<void> => cl.sync();
  const root = cl.screens[0]!.root;
  return {
    async window(spec: WindowSpec = {}) {
      const w = cl.createWindow(cl.allocId(), spec.parent ?? root, spec.x ?? 0, spec.y ?? 0, spec.width ?? 100, spec.height ?? 100,
        { eventMask: CLIENT_SELECTS, ...(spec.overrideRedirect === true ? { overrideRedirect: 1 } : {}) });
      await done();
      return w;
    },
    map: (w) => { cl.map(w); return done(); },
    unmap: (w) => { cl.unmap(w); return done(); },
    destroy: (w) => { cl.destroyWindow(w); return done(); },
    configure: (w, v) => { cl.configure(w, v); return done(); },
    reparent: (w, p, x, y) => { cl.reparent(w, p, x, y); return done(); },
    withdraw: (w) => {
      const ev = Buffer.alloc(32);
      ev[0] = EventCode.UnmapNotify;
      ev.writeUInt32LE(root, 4);
      ev.writeUInt32LE(w, 8);
      cl.sendRaw((c) => c.SendEvent(root, 0, EventMask.SubstructureRedirect | EventMask.SubstructureNotify, ev));
      return done();
    },
    sendToRoot: (w, type, data, mask) => { cl.sendClientMessage(root, w, type, data, mask); return done(); },
    grabKeyboard: async (w: WindowId) => { const r = await cl.grabKeyboard(w, 0); return isFailure(r) ? -1 : r; },
    ungrabKeyboard: () => { cl.ungrabKeyboard(0); return done(); },
    pressKey: (keycode) => {
      cl.sendRaw(() => { xtest.FakeInput(EventCode.KeyPress, keycode, 0, root, 0, 0); xtest.FakeInput(EventCode.KeyRelease, keycode, 0, root, 0, 0); });
      return done();
    },
    click: (x, y, button) => {
      cl.sendRaw(() => {
        xtest.FakeInput(EventCode.MotionNotify, 0, 0, root, x, y);
        xtest.FakeInput(EventCode.ButtonPress, button, 0, root, 0, 0);
        xtest.FakeInput(EventCode.ButtonRelease, button, 0, root, 0, 0);
      });
      return done();
    },
  };
}

async function record(name: string, run: (s: Stage) => Promise<void>): Promise<StepTrace[]> {
  const xvfb = await startXvfb();
  try {
    const wm = await XConnection.connect(xvfb.display);
    const cl = await XConnection.connect(xvfb.display);
    // A killed client's connection closes under its round trip: it then answers nothing.
    const clientSync = (): Promise<unknown> => Promise.race([cl.sync(), new Promise((r) => setTimeout(r, 500))]);
    const stage = new Stage(wm, await otherClient(cl), async () => { await clientSync(); await wm.sync(); await clientSync(); });
    cl.onEvent((ev) => stage.clientReceived(ev));
    await run(stage);
    await wm.close();
    await cl.close();
    process.stdout.write(`${name}: ${stage.trace.length} steps\n`);
    return stage.trace;
  } finally {
    await xvfb.stop();
  }
}

const traces: Record<string, StepTrace[]> = {};
for (const [name, run] of Object.entries(SCENARIOS)) traces[name] = await record(name, run);
/** One line per step label and per event, so that a change of behaviour is a readable diff. */
const lines = (list: readonly unknown[]): string => list.map((e) => `\n        ${JSON.stringify(e)},`).join('');
const body = Object.entries(traces).map(([name, steps]) => `  ${JSON.stringify(name)}: [\n${steps.map((t) =>
  `    {\n      step: ${JSON.stringify(t.step)},\n      wm: [${lines(t.wm)}\n      ],\n      client: [${lines(t.client)}\n      ],\n    },\n`).join('')}  ],\n`).join('');
const out = fileURLToPath(new URL('../../../test/fake/traces.ts', import.meta.url));
writeFileSync(out, `// What Xvfb did in each scenario of scenarios.ts (written by record-traces.ts; do not edit).
import type { StepTrace } from './stage.js';

export const TRACES: Record<string, readonly StepTrace[]> = {\n${body}};
`);
process.stdout.write(`wrote ${out}\n`);
