// Key presses through XTest on a test's own connection: unlike xdotool, they
// are ordered with that connection's other requests (a window mapped, then a
// key pressed, reach Fion in that order), and cost no process per key.
import type { XClient } from 'x11';
import type { XConnection } from '../../src/x/connection.js';
import { keycodesFor, readKeyboard, type KeyboardMap } from '../../src/x/keyboard.js';
import { keysymByName } from '../../src/x/keysyms.js';

interface XTest { FakeInput(type: number, keycode: number, time: number, wid: number, x: number, y: number): void }
const MODIFIERS: Record<string, string> = { super: 'Super_L', shift: 'Shift_L', ctrl: 'Control_L', alt: 'Alt_L' };

export class FakeKeys {
  private constructor(private readonly xtest: XTest, private readonly kb: KeyboardMap, private readonly root: number) {}

  static async open(x: XConnection): Promise<FakeKeys> {
    const c = (x as unknown as { c: XClient }).c;
    const xtest = await new Promise<XTest>((resolve, reject) => {
      c.require('xtest', (err, ext) => (err ? reject(err) : resolve(ext as XTest)));
    });
    return new FakeKeys(xtest, await readKeyboard(x), x.screens[0]!.root);
  }

  private code(name: string): number {
    const sym = keysymByName(name);
    const code = sym === undefined ? undefined : keycodesFor(this.kb, sym)[0]?.keycode;
    if (code === undefined) throw new Error(`no keycode for ${name}`);
    return code;
  }

  /** Press and release a chord such as `super+shift+a` (queued; the caller flushes). */
  press(spec: string): void {
    const codes = spec.split('+').map((p) => this.code(MODIFIERS[p] ?? p));
    for (const k of codes) this.xtest.FakeInput(2, k, 0, this.root, 0, 0);
    for (const k of [...codes].reverse()) this.xtest.FakeInput(3, k, 0, this.root, 0, 0);
  }
}
