// reload: a good config applies at once (a new binding works, a removed one no longer
// does, modes, clock, workspace names); a broken one keeps the running config and says
// file:line in the bar.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { openSession, pressKeys, type Session } from '../harness/session.js';
import { tempDir } from '../harness/tmp.js';
import { RawPeer, type Line } from '../harness/ipc.js';
import { waitFor } from '../harness/wait.js';
import { TinyClient } from '../harness/tinyclient.js';
import { checkInvariants } from '../harness/invariants.js';
import { repoRoot } from '../harness/fion.js';
import { defaultConfigPath } from '../../src/config/paths.js';

const config = join(tempDir('fion-reload-'), 'config.yaml');
writeFileSync(config, [
  'bar:',
  '  clock: "\'tick\'"',
  'bindings:',
  '  super+F1: workspace create',
  '',
].join('\n'));

const runtime = tempDir('fion-reload-run-');
let s: Session;
before(async () => { s = await openSession({ fion: { args: ['--config', config], env: { XDG_RUNTIME_DIR: runtime } } }); });
after(async () => { await s.close(); });

const press = (...keys: string[]): Promise<void> => pressKeys(s, ...keys);
const desktops = async (): Promise<number> => (await s.obs.cardinals(s.obs.root(), '_NET_NUMBER_OF_DESKTOPS'))[0] ?? 0;
const names = async (): Promise<string> => (await s.obs.text(s.obs.root(), '_NET_DESKTOP_NAMES')) ?? '';
const reload = (): Promise<void> => press('super+shift+c');

test('a good config applies at once: bindings, modes, clock, workspace names', async () => {
  await press('super+F1');
  assert.equal(await desktops(), 2, 'the first config\'s binding works');
  assert.match(await s.obs.barText(), /tick/);
  writeFileSync(config, [
    'bar:',
    '  clock: "\'tock\'"',
    'workspaces:',
    '  names: [alpha]',
    'bindings:',
    '  super+F2: workspace create',
    'modes:',
    '  demo:',
    '    enter: super+F6',
    '    keys:',
    '      c: workspace create',
    '',
  ].join('\n'));
  await reload();
  assert.match(await s.obs.barText(), /tock/);
  assert.doesNotMatch(await s.obs.barText(), /config error/);
  assert.match(await names(), /^alpha\0/, 'an unnamed workspace takes the new config\'s name');
  await press('super+F1');
  assert.equal(await desktops(), 2, 'a binding the config no longer has does nothing');
  await press('super+F2');
  assert.equal(await desktops(), 3, 'a new binding works');
  await press('super+F6', 'c');
  assert.equal(await desktops(), 4, 'a new mode works');
});

test('a broken config keeps the running one and says file:line in the bar', async () => {
  writeFileSync(config, [
    'bindings:',
    '  super+F3: workspace create',
    '  super+F4: frobnicate now',
    '',
  ].join('\n'));
  await reload();
  const bar = await s.obs.barText();
  assert.match(bar, /config error: .*config\.yaml:3:\d+: /);
  assert.match(bar, /tock/, 'the running config stays');
  assert.match(s.fion.log(), /reload: config error: .*config\.yaml:3/);
  const n = await desktops();
  await press('super+F3');
  assert.equal(await desktops(), n, 'nothing of the broken config applies');
  await press('super+F2');
  assert.equal(await desktops(), n + 1, 'the old bindings still work');

  // Fixed: the error goes away.
  writeFileSync(config, 'bindings:\n  super+F3: workspace create\n');
  await reload();
  assert.doesNotMatch(await s.obs.barText(), /config error/);
  await press('super+F3');
  assert.equal(await desktops(), n + 2);
});

/** The colour most of the bar's top row has: its background. */
async function barBackground(): Promise<string> {
  const g = (await s.obs.geometry(await s.obs.bar()))!;
  const txt = await new Promise<string>((resolve, reject) => {
    execFile('sh', ['-c', `xwd -root -display ${s.display} | convert xwd:- -crop ${g.width}x1+${g.x}+${g.y} +repage txt:-`],
      { maxBuffer: 1 << 24 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
  const counts = new Map<string, number>();
  for (const m of txt.matchAll(/#([0-9A-F]{6})/gi)) counts.set(m[1]!.toUpperCase(), (counts.get(m[1]!.toUpperCase()) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

test('reload applies colours, rules (for new windows), the terminal and the resize step', { timeout: 60_000 }, async () => {
  const open: TinyClient[] = [];
  const terminal = (klass: string): string => `${JSON.stringify(process.execPath)} ${JSON.stringify(join(repoRoot, 'dist/test/fixtures/window.js'))} term ${klass}`;
  const conf = (bg: string, floatClass: string, termClass: string, step: number): string => [
    'colors:', `  bar_background: "#${bg}"`,
    'rules:', `  - class: ${floatClass}`, '    float: true',
    `terminal: ${JSON.stringify(terminal(termClass))}`,
    'tiles:', `  resize_step: ${step}`, '',
  ].join('\n');
  const floats = async (klass: string): Promise<boolean> => {
    const c = await TinyClient.open(s.display, { title: klass, class: klass });
    open.push(c);
    await s.obs.sync();
    return (await s.obs.cardinals(c.window, '_NET_WM_STATE')).includes(await s.obs.atom('_NET_WM_STATE_ABOVE'));
  };
  /** How far one `tile resize right` moves the border between a client's tile and a new empty one. */
  const resizeMoves = async (): Promise<number> => {
    await press('super+shift+a'); // a fresh workspace: one empty tile
    const c = await TinyClient.open(s.display, { title: 'resized' });
    open.push(c);
    await s.obs.sync();
    await press('super+shift+v', 'super+shift+n'); // split; back to the client's tile
    const before = (await s.obs.geometry(c.window))!.width;
    await press('super+shift+Right');
    return (await s.obs.geometry(c.window))!.width - before;
  };
  const width = (await s.obs.geometry(s.obs.root()))!.width;
  const check = async (bg: string, floatClass: string, otherClass: string, termClass: string, step: number): Promise<void> => {
    writeFileSync(config, conf(bg, floatClass, termClass, step));
    await reload();
    assert.doesNotMatch(await s.obs.barText(), /config error/);
    assert.equal(await barBackground(), bg, 'the bar in the new colour');
    assert.ok(await floats(floatClass), `a new ${floatClass} window floats by the new rule`);
    assert.ok(!(await floats(otherClass)), `a new ${otherClass} window is tiled: the old rule is gone`);
    await press('super+Return');
    await s.obs.waitForClass(termClass);
    const moved = await resizeMoves();
    assert.ok(Math.abs(moved - step * width) <= 2, `the border moved ${moved} px, not ${step} of ${width}`);
  };
  await check('102030', 'RuleA', 'RuleB', 'TermA', 0.05);
  await check('302010', 'RuleB', 'RuleA', 'TermB', 0.25);
  for (const c of open) await c.close();
  for (const t of [...await s.obs.findByClass('TermA'), ...await s.obs.findByClass('TermB')]) s.obs.x.killClient(t);
  await s.obs.sync();
});

test('over the control socket: reload answers with its error, and subscribers hear a config event either way', async () => {
  const sock = join(runtime, 'fion', `${s.display.slice(1)}.sock`);
  await waitFor('the control socket', () => /ipc: listening on /.test(s.fion.log()), 15000);
  const sub = await RawPeer.open(sock);
  const driver = await RawPeer.open(sock);
  try {
    assert.equal((await sub.ask({ type: 'subscribe', events: ['config'] })).success, true);
    writeFileSync(config, 'bindings:\n  super+F5: nonsense\n');
    const bad = await driver.ask({ type: 'command', command: 'reload' });
    const [report] = bad.results as Line[];
    assert.equal(bad.success, false);
    assert.equal(report!.success, false);
    assert.match(String(report!.error), /config error: .*config\.yaml:2:\d+/);
    const ev1 = await sub.event('config');
    assert.match(JSON.stringify(ev1.errors), /config\.yaml:2/);
    assert.match(JSON.stringify((await driver.ask({ type: 'config' })).errors), /config\.yaml:2/, 'the config request says it too');

    writeFileSync(config, 'bindings:\n  super+F5: workspace create\n');
    const good = await driver.ask({ type: 'command', command: 'reload' });
    assert.equal(good.success, true, JSON.stringify(good));
    const ev2 = await sub.event('config');
    assert.deepEqual(ev2.errors, []);
    assert.equal(ev2.path, config);
  } finally {
    sub.close();
    driver.close();
  }
});

/** The shipped config, broken the ways an editor breaks a file: lines lost, doubled, moved, re-indented, a character changed. */
const mutated = (text: string): fc.Arbitrary<string> => fc.array(
  fc.tuple(fc.constantFrom('drop', 'double', 'swap', 'indent', 'dedent', 'char'), fc.nat(), fc.constantFrom(...' :-#"\'[]{}&*!|>\t\n0\u00e9\u0000'.split(''))),
  { minLength: 1, maxLength: 5 },
).map((edits) => {
  const lines = text.split('\n');
  for (const [op, at, ch] of edits) {
    const i = at % lines.length;
    const line = lines[i]!;
    if (op === 'drop') lines.splice(i, 1);
    else if (op === 'double') lines.splice(i, 0, line);
    else if (op === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
    else if (op === 'indent') lines[i] = `  ${line}`;
    else if (op === 'dedent') lines[i] = line.replace(/^ {1,2}/, '');
    else if (op === 'char' && line.length > 0) { const k = at % line.length; lines[i] = line.slice(0, k) + ch + line.slice(k + 1); }
  }
  return lines.join('\n');
});

test('reload of random, truncated and mangled configs: always an answer, never a crash, no window lost', { timeout: 240_000 }, async () => {
  const sock = join(runtime, 'fion', `${s.display.slice(1)}.sock`);
  await waitFor('the control socket', () => /ipc: listening on /.test(s.fion.log()), 15000);
  const shipped = readFileSync(defaultConfigPath(), 'utf8');
  const texts: (string | Buffer)[] = [
    ...fc.sample(fc.nat({ max: shipped.length }), { numRuns: 30, seed: 21 }).map((n) => shipped.slice(0, n)),
    ...fc.sample(mutated(shipped), { numRuns: 60, seed: 22 }),
    ...fc.sample(fc.string({ maxLength: 400 }), { numRuns: 10, seed: 23 }),
    ...fc.sample(fc.uint8Array({ maxLength: 400 }), { numRuns: 5, seed: 24 }).map((a) => Buffer.from(a)),
    '', '\n', '---\n...\n', 'bar: [', 'bindings:\n  super+x: exec\n', 'a: &a [*a]\n', `${'[' .repeat(5000)}`,
  ];
  const a = await TinyClient.open(s.display, { title: 'kept one' });
  const b = await TinyClient.open(s.display, { title: 'kept two' });
  const driver = await RawPeer.open(sock);
  let failed = 0;
  try {
    for (const [i, text] of texts.entries()) {
      writeFileSync(config, text);
      const r = await driver.ask({ type: 'command', command: 'reload' });
      const what = `config #${i}: ${JSON.stringify(String(text).slice(0, 200))} -> ${JSON.stringify(r).slice(0, 300)}`;
      assert.equal(typeof r.success, 'boolean', what);
      const [report] = r.results as Line[];
      if (r.success === false) {
        failed++;
        assert.match(String(report?.error), /config error: .*config\.yaml(:\d+:\d+)?/, what);
      }
      if (i % 25 === 24) assert.deepEqual(await checkInvariants(s.obs, { mapped: [a.window, b.window], checkBar: false }), [], what);
    }
    console.log(`reload fuzz: ${texts.length} configs, ${failed} refused with their error`);
    assert.equal(s.fion.process.exitCode, null, 'Fion still runs');
    assert.doesNotMatch(s.fion.log(), /while handling|while preparing|uncaught|unhandled rejection/, 'no handler failed');
    assert.ok(failed > 10 && failed < texts.length, `${failed} of ${texts.length} configs refused: some are fine, many are not`);
    // A good file again: it applies, and its bindings work.
    writeFileSync(config, 'bindings:\n  super+F7: workspace create\n');
    assert.equal((await driver.ask({ type: 'command', command: 'reload' })).success, true);
    assert.deepEqual(await checkInvariants(s.obs, { mapped: [a.window, b.window] }), []);
    const n = await desktops();
    await press('super+F7');
    assert.equal(await desktops(), n + 1, 'the binding of the good file works');
  } finally {
    driver.close();
    await a.close();
    await b.close();
  }
});
