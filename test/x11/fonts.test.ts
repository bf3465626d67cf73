// Text as a user sees it: anti-aliased through RENDER (shades between the text colour and
// the background), CJK titles drawn with a fallback face fontconfig finds (no boxes), a
// font name that does not exist reported by check-config while the bar still draws with
// misc-fixed, and a server without RENDER drawing with core fonts.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { startFion, runCli } from '../harness/fion.js';
import { TinyClient } from '../harness/tinyclient.js';
import { pixels } from '../harness/pixels.js';
import { tempDir } from '../harness/tmp.js';
import { sleep, waitFor } from '../harness/wait.js';

const dir = tempDir('fion-fonts-');
/** Black and white, so any grey in the text is a shade of anti-aliasing; boxes in red. */
const COLOURS = `colors:
  bar_background: "#000000"
  bar_foreground: "#ffffff"
  bar_workspace_foreground: "#ffffff"
  bar_placeholder: "#ff0000"
bar:
  clock: "HH:mm:ss"
`;
let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession({ startFion: false }); });
after(async () => { for (const c of open) await c.close().catch(() => {}); await s.close(); });

function configFile(text: string): string {
  const path = join(dir, `config-${Date.now()}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return path;
}

async function withConfig(session: Session, text: string): Promise<void> {
  await session.fion?.stop();
  session.fion = await startFion(session.display, { args: ['--config', configFile(text)] });
  await session.obs.sync();
}

/** The colours of the bar's pixels, counted. */
async function barColours(session: Session): Promise<Map<string, number>> {
  const g = (await session.obs.geometry(await session.obs.bar()))!;
  const out = new Map<string, number>();
  for (const row of await pixels(session.display, g)) for (const c of row) if (c !== undefined) out.set(c, (out.get(c) ?? 0) + 1);
  return out;
}

/** Greys strictly between black and white: the shades only anti-aliased edges make. */
const shades = (cs: Map<string, number>): string[] =>
  [...cs.keys()].filter((c) => /^#(..)\1\1$/.test(c) && c !== '#000000' && c !== '#FFFFFF');

test('text in the bar is anti-aliased: shades between the text colour and the background', async () => {
  await withConfig(s, `font: "DejaVu Sans Mono 10"\n${COLOURS}`);
  assert.match(s.fion.log(), /DejaVuSansMono\.ttf .*anti-aliased/);
  const cs = await barColours(s);
  assert.ok(cs.has('#FFFFFF') && cs.has('#000000'), `text and background: ${[...cs.keys()].join(' ')}`);
  assert.ok(shades(cs).length >= 8, `anti-aliased edges give many greys, found ${shades(cs).length}`);
});

test('a CJK window title is drawn with real glyphs from a fallback face, not boxes', async () => {
  await withConfig(s, `font: "DejaVu Sans Mono 10"\n${COLOURS}`);
  const title = '中文標題 日本語';
  const c = await TinyClient.open(s.display, { title });
  open.push(c);
  await waitFor('the title in the bar', async () => { await s.obs.sync(); return (await s.obs.barText()).includes(title); });
  // The fallback face is found without blocking: boxes may show for a moment, then glyphs.
  const cs = await waitFor('the title drawn without boxes', async () => {
    const now = await barColours(s);
    return now.has('#FF0000') ? null : now;
  });
  assert.ok(shades(cs).length >= 8, 'drawn anti-aliased');
  assert.match(s.fion.log(), /info: managing/);
  await c.close();
});

test('a character no font on the system has is a box', async () => {
  const c = await TinyClient.open(s.display, { title: 'no glyph: \u{10FFFD}\uE000' });
  open.push(c);
  await waitFor('a box in the bar', async () => (await barColours(s)).has('#FF0000'));
  await c.close();
});

test('a font that does not exist: check-config says so; the bar draws with misc-fixed', async () => {
  const path = configFile(`font: "No Such Font 10"\n${COLOURS}`);
  const r = await runCli(['check-config', path]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /:1:1: font "No Such Font 10": no family "No Such Font" on this system/);
  await withConfig(s, `font: "No Such Font 10"\n${COLOURS}`);
  const cs = await barColours(s);
  // The bar says what is wrong, in the message colour, drawn by misc-fixed (no shades).
  assert.match(await s.obs.barText(), /config error: .*No Such Font/);
  assert.ok(cs.has('#FB4934'), `the message is drawn: ${[...cs.keys()].join(' ')}`);
  assert.deepEqual(shades(cs), [], 'by a core font (no shades)');
});

test('a start draws with the font fontconfig gave the last one; a changed answer shows at the next start', async () => {
  await s.fion?.stop();
  // fc-match as a script that gives what `answer` holds, in the real one's terms.
  const home = tempDir('fion-fc-');
  const file = (family: string): string => execFileSync('fc-match', ['-f', '%{file}', family], { encoding: 'utf8' });
  const mono = file('DejaVu Sans Mono');
  const sans = file('DejaVu Sans');
  assert.notEqual(mono, sans);
  const answer = join(home, 'answer');
  mkdirSync(join(home, 'bin'));
  writeFileSync(join(home, 'bin', 'fc-match'), `#!/bin/sh\ncat '${answer}'\n`, { mode: 0o755 });
  const gives = (f: string): void => writeFileSync(answer, `${f}\n0\nDejaVu\n`);
  const env = { PATH: `${join(home, 'bin')}:${process.env.PATH ?? ''}`, XDG_CACHE_HOME: join(home, 'cache'), XDG_DATA_HOME: join(home, 'data') };
  const kept = join(home, 'cache', 'fion', 'fonts.json');
  const start = async (): Promise<string> => {
    const f = await startFion(s.display, { env });
    s.fion = f;
    // The answers are kept once the first frame is out.
    await waitFor('fontconfig\'s answers kept', () => existsSync(kept) && /"monospace"/.test(readFileSync(kept, 'utf8')));
    await sleep(300);
    await f.stop();
    return f.log();
  };
  const fontLine = (log: string): string => /info: font monospace 10: (\S+)/.exec(log)?.[1] ?? `no font line in:\n${log}`;

  gives(mono);
  assert.equal(fontLine(await start()), mono);
  // fontconfig now answers otherwise, its inputs unchanged: this start draws with what the
  // last one was given, asks again after its first frame, and says what the next one uses.
  gives(sans);
  const second = await start();
  assert.equal(fontLine(second), mono);
  assert.match(second, new RegExp(`fontconfig now gives ${sans.replace(/\./g, '\\.')} for "monospace"`));
  assert.equal(fontLine(await start()), sans);
  // A font folder appears (fonts installed): fontconfig is asked before the first frame again.
  gives(mono);
  mkdirSync(join(home, 'data', 'fonts'), { recursive: true });
  assert.equal(fontLine(await start()), mono);
  s.fion = await startFion(s.display);
});

test('a server without RENDER: the default font falls back to misc-fixed, and text is drawn', async () => {
  const bare = await openSession({ xvfb: { extraArgs: ['-extension', 'RENDER'] }, startFion: false });
  try {
    await withConfig(bare, COLOURS);
    assert.match(bare.fion.log(), /no RENDER: text is drawn with core fonts/);
    const cs = await barColours(bare);
    assert.ok(cs.has('#FFFFFF'), 'text is drawn');
    assert.deepEqual(shades(cs), [], 'with a core font');
    assert.match(await bare.obs.barText(), /tile/);
  } finally {
    await bare.fion?.stop();
    await bare.obs.close().catch(() => {});
    await bare.xvfb.stop();
  }
});
