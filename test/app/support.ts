// Fion's glue on a fake X server: what src/app/start.ts does, minus RandR, the config file
// and the control socket, so a test can drive a whole running Fion without Xvfb.
import type { TestContext } from 'node:test';
import { internAtoms } from '../../src/x/atoms.js';
import { isFailure } from '../../src/x/types.js';
import type { XEvent } from '../../src/x/events.js';
import { takeOver } from '../../src/manage/takeover.js';
import { fallbackConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/index.js';
import { createModel } from '../../src/model/index.js';
import { Painter } from '../../src/render/paint.js';
import { Wm, type RestartHooks } from '../../src/app/wm.js';
import { FakeX } from '../fake/xfake.js';

export interface FakeFion {
  readonly x: FakeX;
  readonly wm: Wm;
  /** Exit codes Fion asked for, in order. */
  readonly exits: number[];
}

/** Start Fion on a fake X server; it shuts down when the test `t` ends, failed or not
 *  (its clock would otherwise keep the test process alive). */
export async function startFakeFion(t: TestContext, o: { config?: Config; restart?: RestartHooks; x?: FakeX; adoptExisting?: boolean; afterCrash?: boolean; started?: (x: FakeX) => void } = {}): Promise<FakeFion> {
  const x = o.x ?? new FakeX();
  const early: XEvent[] = [];
  x.onEvent((ev) => early.push(ev));
  const atoms = await internAtoms(x);
  const owned = await takeOver(x, atoms, false);
  const config = o.config ?? fallbackConfig();
  const font = await x.openFont(config.font);
  if (isFailure(font)) throw new Error(`font: ${font.name}`);
  const h = font.metrics.ascent + font.metrics.descent + 6;
  const s = x.screens[0]!;
  const model = createModel([{ name: 'screen', screen: 0, rect: { x: 0, y: 0, width: s.width, height: s.height } }], config.workspaceNames);
  const exits: number[] = [];
  const wm = new Wm({
    x, atoms, config, configErrors: [], model, theme: { barHeight: h, tabBarHeight: h }, font,
    painter: new Painter(x, font), ownership: owned, onExit: (code) => exits.push(code),
    ...(o.restart === undefined ? {} : { restart: o.restart }),
  });
  t.after(() => wm.shutdown(0));
  // Windows already there, as start-up finds them (Fion's own check window aside).
  const root = x.screens[0]!.root;
  const own = new Set<number>(owned.map((w) => w.window));
  const existing = o.adoptExisting === true ? x.childrenOf(root).filter((w) => !own.has(w)).map((window) => ({ window, root })) : [];
  await wm.start(existing, early, o.afterCrash === true);
  o.started?.(x); // what start-up has sent by the time it resolves, before anything else runs
  await x.settle();
  return { x, wm, exits };
}
