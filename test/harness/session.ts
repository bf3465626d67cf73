// One test display: Xvfb, Fion on it, an observer; torn down together.
import { startXvfb, type Xvfb, type XvfbOptions } from './xvfb.js';
import { startFion, stopAllFions, type Fion, type FionOptions } from './fion.js';
import { Observer } from './observer.js';
import { key, stopClients } from './clients.js';
import { TinyClient } from './tinyclient.js';

export interface Session {
  readonly xvfb: Xvfb;
  readonly display: string;
  fion: Fion;
  readonly obs: Observer;
  close(): Promise<void>;
}

export async function openSession(o: { xvfb?: XvfbOptions; fion?: FionOptions; startFion?: boolean } = {}): Promise<Session> {
  const xvfb = await startXvfb(o.xvfb);
  try {
    const fion = o.startFion === false ? null : await startFion(xvfb.display, o.fion);
    const obs = await Observer.open(xvfb.display);
    const s: Session = {
      xvfb, display: xvfb.display, fion: fion as Fion, obs,
      async close() {
        await stopClients();
        await obs.close().catch(() => {});
        await stopAllFions();
        await xvfb.stop();
      },
    };
    return s;
  } catch (e) {
    await xvfb.stop();
    throw e;
  }
}

/** Press keys one by one, each handled by Fion before the next (a mode's keyboard grab is asynchronous). */
export async function pressKeys(s: Session, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    await key(s.display, k);
    await s.obs.sync();
  }
}

/** A client window titled `title`, once Fion has handled its map; kept in `open` so the
 *  test can close it at the end. */
export async function openClient(s: Session, open: TinyClient[], title: string): Promise<TinyClient> {
  const c = await TinyClient.open(s.display, { title });
  open.push(c);
  await s.obs.sync();
  return c;
}

/** How many times `re` matches `text` (log lines, say). */
export const countMatches = (text: string, re: RegExp): number => (text.match(new RegExp(re.source, 'g')) ?? []).length;
