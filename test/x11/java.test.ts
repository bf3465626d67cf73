// Java Swing under a non-reparenting manager: AWT draws only grey unless it
// knows the manager doesn't reparent. Fion tells the programs it starts.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { key, runTool } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor, sleep } from '../harness/wait.js';
import type { WindowId } from '../../src/x/types.js';

const SWING = `import javax.swing.*;
import java.awt.*;
public class Swing {
  public static void main(String[] a) {
    SwingUtilities.invokeLater(() -> {
      JFrame f = new JFrame("swing test");
      JPanel p = new JPanel();
      p.setBackground(new Color(0xcc, 0x22, 0x11));
      p.add(new JLabel("hello from swing"));
      f.setContentPane(p);
      f.setSize(400, 300);
      f.setVisible(true);
    });
  }
}
`;

// A JDialog over its frame: Java maps it, then sends _NET_WM_STATE "remove ABOVE".
const DIALOG = `import javax.swing.*;
public class Dialog {
  public static void main(String[] a) {
    SwingUtilities.invokeLater(() -> {
      JFrame f = new JFrame("swing parent");
      f.setSize(400, 300);
      f.setVisible(true);
      JDialog d = new JDialog(f, "swing dialog", false);
      d.add(new JLabel("a dialog"));
      d.setSize(300, 150);
      d.setVisible(true);
    });
  }
}
`;

let s: Session;
let dir: string;
before(async () => {
  dir = tempDir('fion-java-');
  writeFileSync(join(dir, 'Swing.java'), SWING);
  writeFileSync(join(dir, 'Dialog.java'), DIALOG);
  const javac = await runTool(':0', 'javac', ['-d', dir, join(dir, 'Swing.java'), join(dir, 'Dialog.java')]);
  assert.equal(javac.code, 0, `javac: ${javac.stderr}`);
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `bindings:\n  super+j: exec java -cp ${dir} Swing\n  super+k: exec java -cp ${dir} Dialog\n`);
  s = await openSession({ fion: { args: ['--config', config] } });
});
after(async () => { await s.close(); });

/** The colour of one pixel of the screen, as #rrggbb. */
async function pixel(x: number, y: number): Promise<string> {
  const r = await runTool(s.display, 'sh', ['-c', `xwd -root | convert xwd:- -crop 1x1+${x}+${y} txt:-`]);
  return /#([0-9A-F]{6})/i.exec(r.stdout)?.[0]?.toLowerCase() ?? r.stderr;
}

test('a Swing window started from Fion shows its content, not a grey rectangle', async () => {
  await key(s.display, 'super+j');
  const w = await waitFor('the Swing window', async () => {
    for (const c of await s.obs.clientList()) if ((await s.obs.text(c)) === 'swing test' && (await s.obs.isViewable(c))) return c;
    return null;
  }, 30000);
  await s.obs.sync();
  const g = (await s.obs.geometry(w))!;
  // Inside the 400x300 the frame asked for, away from the label: painted however the
  // resize to the tile raced with Swing's start-up.
  const [cx, cy] = [g.x + 20, g.y + 150];
  // Java paints asynchronously after mapping: give it a moment, then require the panel's red.
  let seen = '';
  for (let i = 0; i < 50 && seen !== '#cc2211'; i++) { seen = await pixel(cx, cy); if (seen !== '#cc2211') await sleep(200); }
  assert.equal(seen, '#cc2211', 'the panel is painted in its own colour');
});

test('a Swing JDialog floats over its frame, which stays shown (Java drops _NET_WM_STATE_ABOVE from it)', async () => {
  await key(s.display, 'super+k');
  const byTitle = (title: string): Promise<WindowId> => waitFor(`the window "${title}"`, async () => {
    for (const c of await s.obs.clientList()) if ((await s.obs.text(c)) === title && (await s.obs.isViewable(c))) return c;
    return null;
  }, 30000);
  const frame = await byTitle('swing parent');
  const dialog = await byTitle('swing dialog');
  // Java's state message comes after the map: give it time to arrive and be handled.
  await sleep(1500);
  await s.obs.sync();
  assert.equal(await s.obs.mapState(frame), 'viewable', 'the frame stays shown under its dialog');
  assert.equal(await s.obs.mapState(dialog), 'viewable');
  const g = (await s.obs.geometry(dialog))!;
  assert.deepEqual([g.width, g.height], [300, 150], 'the dialog floats at its own size');
});
