// The status bar as a user meets it: every workspace listed and clickable,
// urgent ones marked, the mode's keys, clocks in two zones, status blocks from
// a status command (i3bar protocol with colours and clicks, plain lines, one
// that dies, one that floods, one that hangs), Unicode titles, hiding the bar.
// Bar text is matched by content only (the format may change).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { startFion, repoRoot } from '../harness/fion.js';
import { key, runTool } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { sleep, waitFor } from '../harness/wait.js';
import { XConnection } from '../../src/x/connection.js';
import { EventMask } from '../../src/x/types.js';

let s: Session;
const dir = tempDir('fion-statusbar-');
const clickLog = join(dir, 'clicks.log');
const fixture = (name: string): string => `${JSON.stringify(process.execPath)} ${JSON.stringify(join(repoRoot, 'test/fixtures', name))}`;
const open: TinyClient[] = [];

/** Start (or restart) Fion with this config text. */
async function withConfig(text: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  await s.fion?.stop();
  for (const c of open.splice(0)) await c.close().catch(() => {});
  const config = join(dir, `config-${Date.now()}.yaml`);
  writeFileSync(config, text);
  s.fion = await startFion(s.display, { args: ['--config', config], env });
  await s.obs.sync();
}

const bar = async (): Promise<string> => { await s.obs.sync(); return s.obs.barText(); };
/** The workspace list: the bar text's first part. */
const workspaces = async (): Promise<string> => (await bar()).split(' | ')[0] ?? '';

/** The bar's pixels as x -> colour ("#RRGGBB") along row y. */
async function barRow(y: number): Promise<string[]> {
  const g = (await s.obs.geometry(await s.obs.bar()))!;
  const txt = await new Promise<string>((resolve, reject) => {
    execFile('sh', ['-c', `xwd -root -display ${s.display} | convert xwd:- -crop ${g.width}x1+0+${y} +repage txt:-`],
      { maxBuffer: 1 << 24 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
  const row: string[] = [];
  for (const line of txt.split('\n')) {
    const m = /^(\d+),\d+:.*(#[0-9A-F]{6})/i.exec(line);
    if (m !== null) row[Number(m[1])] = m[2]!.toUpperCase();
  }
  return row;
}

/** Every colour in the bar (or in its columns from..to). */
async function barColours(from = 0, to = Infinity): Promise<Set<string>> {
  const g = (await s.obs.geometry(await s.obs.bar()))!;
  const out = new Set<string>();
  for (let y = 0; y < g.height; y += 2) {
    (await barRow(y)).forEach((c, x) => { if (c !== undefined && x >= from && x < to) out.add(c); });
  }
  return out;
}

/** The first pixel (x, y) of the bar in this colour, or null. */
async function findInBar(colour: string): Promise<[number, number] | null> {
  const g = (await s.obs.geometry(await s.obs.bar()))!;
  for (let y = 1; y < g.height; y++) {
    const x = (await barRow(y)).indexOf(colour);
    if (x >= 0) return [x, y];
  }
  return null;
}

async function click(x: number, y: number, button = 1): Promise<void> {
  const r = await runTool(s.display, 'xdotool', ['mousemove', String(x), String(y), 'click', String(button)]);
  assert.equal(r.code, 0, r.stderr);
  await s.obs.sync();
}

/** A second X connection counting PropertyNotify of the bar's _NET_WM_NAME: one per redraw that changed its text. */
async function barRedrawCounter(): Promise<{ count(): number; stop(): Promise<number> }> {
  const x = await XConnection.connect(s.display);
  x.onError(() => {});
  const barWindow = await s.obs.bar();
  const name = await s.obs.atom('_NET_WM_NAME');
  let n = 0;
  x.onEvent((ev) => { if (ev.kind === 'PropertyNotify' && ev.window === barWindow && ev.atom === name) n++; });
  x.changeAttributes(barWindow, { eventMask: EventMask.PropertyChange });
  await x.sync();
  return { count: () => n, stop: async () => { await x.close(); return n; } };
}

/** Bar redraws in the next `ms` milliseconds. */
async function countBarRedraws(ms: number): Promise<number> {
  const counter = await barRedrawCounter();
  await sleep(ms);
  return counter.stop();
}

/**
 * How many bytes wait unread in process `pid`'s stdin: Node gives a child a socket pair,
 * whose receive queue `ss` shows (the Recv-Q of the socket whose inode fd 0 names).
 */
function stdinQueued(pid: number): number {
  const inode = /socket:\[(\d+)\]/.exec(readlinkSync(`/proc/${pid}/fd/0`))?.[1];
  assert.ok(inode !== undefined, 'its stdin is a socket');
  for (const line of execFileSync('ss', ['-x', '-a', '-n']).toString().split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[5] === inode) return Number(f[2]);
  }
  throw new Error(`socket ${inode} not found by ss`);
}

before(async () => {
  s = await openSession({ startFion: false });
});
after(async () => {
  for (const c of open) await c.close().catch(() => {});
  await s.close();
});

const MAIN = `
bindings:
  super+b: bar toggle
  super+ctrl+h: bar hide all
  super+ctrl+s: bar show all
bar:
  clock: "'here' HH:mm"
  clocks: [{format: "'utc' HH:mm", zone: UTC}]
  status_command: ${JSON.stringify(`${fixture('status-i3bar.mjs')} ${JSON.stringify(clickLog)}`)}
`;

test('every workspace is listed, the shown one marked; clicking one goes there; the wheel walks them', async () => {
  await withConfig(MAIN, { TZ: 'Asia/Tokyo' });
  await key(s.display, 'super+shift+a', 'super+shift+a'); // three workspaces, the third shown
  await s.obs.sync();
  assert.match(await workspaces(), /^1 2 \[3\]$/);
  // Click the leftmost pixel of the bar: workspace 1.
  await click(2, 5);
  assert.match(await workspaces(), /^\[1\] 2 3$/);
  // Workspace 2 starts where workspace 1's highlight ends.
  const row = await barRow(2);
  const current = row[2]!;
  const end = row.findIndex((c, x) => x > 2 && c !== current);
  await click(end + 3, 5);
  assert.match(await workspaces(), /^1 \[2\] 3$/);
  await click(400, 5, 5);
  assert.match(await workspaces(), /^1 2 \[3\]$/, 'wheel down: next');
  await click(400, 5, 4);
  await click(400, 5, 4);
  assert.match(await workspaces(), /^\[1\] 2 3$/, 'wheel up twice: previous, previous');
});

test('a workspace whose window asks for attention is marked urgent, in the text and in red', async () => {
  const c = await TinyClient.open(s.display, { title: 'pager' });
  open.push(c);
  await s.obs.sync();
  await key(s.display, 'super+2');
  await s.obs.sync();
  // The status command's urgent block (ALARM) is red too, but it lies in the right part of
  // the bar (at most 60% of it): the left 40% holds the workspaces, and is red only for them.
  const g = (await s.obs.geometry(await s.obs.bar()))!;
  const left = (): Promise<Set<string>> => barColours(0, Math.floor(g.width * 0.4));
  assert.ok(!(await left()).has('#CC241D'), 'no urgent colour among the workspaces before any window is urgent');
  c.x.changeProperty(c.window, c.atoms.WM_HINTS, c.atoms.WM_HINTS, 32, [256, 0, 0, 0, 0, 0, 0, 0, 0]);
  await c.x.sync();
  await waitFor('workspace 1 marked urgent', async () => /^1! \[2\] 3$/.test(await workspaces()));
  assert.equal((await barRow(2))[2], '#CC241D', "workspace 1's cell (the bar's left end) in the urgent colour");
  await key(s.display, 'super+u'); // focus the urgent window
  await waitFor('no longer urgent once focused', async () => /^\[1\] 2 3$/.test(await workspaces()));
  assert.ok(!(await left()).has('#CC241D'), 'the urgent colour gone from the workspaces once focused');
});

test('a mode shows its name and keys in the bar', async () => {
  await key(s.display, 'super+t');
  assert.match(await bar(), /tile: .*\bn p\b.*Esc/);
  assert.ok((await barColours()).has('#D79921'), 'in the mode colour');
  await key(s.display, 'Escape');
  assert.doesNotMatch(await bar(), /tile: /);
});

test('two clocks in two zones; a format without seconds redraws once a minute at most', async () => {
  const fmt = (zone: string): string => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
  await waitFor('both clocks right', async () => {
    const text = await bar();
    return text.includes(`utc ${fmt('UTC')}`) && text.includes(`here ${fmt('Asia/Tokyo')}`);
  });
  assert.ok((await bar()).indexOf('utc ') < (await bar()).indexOf('here '), 'the extra clock is left of the main one');
  // Stop the status command's updates from counting: compare with a seconds clock below.
  await withConfig('bar:\n  clock: "HH:mm"\n');
  const minute = await countBarRedraws(3000);
  await withConfig('bar:\n  clock: "HH:mm:ss"\n');
  const second = await countBarRedraws(3000);
  console.log(`bar redraws in 3 s: ${minute} with HH:mm, ${second} with HH:mm:ss`);
  assert.ok(minute <= 1, `HH:mm: ${minute} redraws in 3 s (a minute boundary allows one)`);
  assert.ok(second >= 2, `HH:mm:ss: ${second} redraws in 3 s`);
});

test('i3bar status command: blocks in their colours, urgent, and clicks sent back on its stdin', async () => {
  await withConfig(MAIN);
  await waitFor('the status blocks', async () => /CPU 12%.*disk 42G.*ALARM/.test(await bar()));
  const colours = await barColours();
  assert.ok(colours.has('#00FF00'), 'CPU in green');
  assert.ok(colours.has('#FF8800'), 'disk in orange');
  assert.ok(colours.has('#CC241D'), 'the urgent block in the urgent colour');
  // Click the green text (found again after each answer: a longer text moves the blocks).
  const g = (await s.obs.geometry(await s.obs.bar()))!;
  const green = async (): Promise<[number, number]> => {
    let x = -1;
    let y = 0;
    for (y = 2; y < g.height && x < 0; y++) x = (await barRow(y)).indexOf('#00FF00');
    assert.ok(x >= 0, 'found the CPU block');
    return [x, y];
  };
  await click(...await green(), 1);
  await waitFor('the command answered the first click', async () => /clicked cpu button 1/.test(await bar()));
  await click(...await green(), 3);
  await waitFor('the clicks in the log', () => existsSync(clickLog) && readFileSync(clickLog, 'utf8').trim().split('\n').length >= 2);
  const events = readFileSync(clickLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(events.map((e) => [e.name, e.button]), [['cpu', 1], ['cpu', 3]]);
  assert.equal(typeof events[0]!.relative_x, 'number');
  await waitFor('the command answered the click', async () => /clicked cpu button 3/.test(await bar()));
});

test('plain-text status command: each line is the status', async () => {
  await withConfig(`bar:\n  status_command: ${JSON.stringify(fixture('status-plain.mjs'))}\n`);
  const first = await waitFor('a plain status', async () => /plain status (\d+) ünïcödé/.exec(await bar())?.[1]);
  await waitFor('the next line', async () => (/plain status (\d+)/.exec(await bar())?.[1] ?? first) !== first);
});

test('a status command that dies is shown as dead and started again', async () => {
  await withConfig(`bar:\n  status_command: ${JSON.stringify(fixture('status-dies.mjs'))}\n`);
  const pid = await waitFor('its first line', async () => /alive pid (\d+)/.exec(await bar())?.[1]);
  await waitFor('the bar saying it exited', async () => /exited \(3\).*restarting/.test(await bar()));
  await waitFor('a new one', async () => { const p = /alive pid (\d+)/.exec(await bar())?.[1]; return p !== undefined && p !== pid; }, 8000);
});

test('a status command that keeps dying is started again after 1, 2, then 4 s, as the bar says', { timeout: 60_000 }, async () => {
  const starts = join(dir, 'starts.log');
  await withConfig(`bar:\n  status_command: ${JSON.stringify(`${fixture('status-exits.mjs')} ${JSON.stringify(starts)}`)}\n`);
  const said: string[] = [];
  const times = (): number[] => (existsSync(starts) ? readFileSync(starts, 'utf8').trim().split('\n').map(Number) : []);
  await waitFor('four starts', async () => {
    const pause = /restarting in (\d+) s/.exec(await s.obs.barText())?.[1];
    if (pause !== undefined && said[said.length - 1] !== pause) said.push(pause);
    return times().length >= 4;
  }, 20000, 50);
  assert.deepEqual(said.slice(0, 3), ['1', '2', '4'], 'the bar says each pause');
  const t = times();
  const gaps = t.slice(1).map((v, i) => v - t[i]!);
  console.log(`pauses between starts: ${gaps.join(', ')} ms`);
  // Each pause at least the one said; starting Node adds some (up to a second on a busy
  // machine) to each alike, so the growth from one to the next is the back-off's own.
  [1000, 2000, 4000].forEach((want, i) => assert.ok(gaps[i]! >= want, `pause ${i + 1}: ${gaps[i]} ms, shorter than ${want}`));
  assert.ok(gaps[1]! - gaps[0]! >= 500 && gaps[2]! - gaps[1]! >= 1500, `pauses ${gaps.join(', ')} ms do not double`);
  assert.ok(gaps[2]! < 8000, `third pause ${gaps[2]} ms: the fourth one's`);
});

test('status_shell: true runs the status command through /bin/sh; without it, no shell sees the line', async () => {
  const command = `${fixture('status-args.mjs')} shell $((6*7))`;
  await withConfig(`bar:\n  status_command: ${JSON.stringify(command)}\n  status_shell: true\n`);
  await waitFor('the shell\'s expansion', async () => /args: shell 42/.test(await bar()));
  await withConfig(`bar:\n  status_command: ${JSON.stringify(command)}\n`);
  // Split into words, the command gets them as they are.
  await waitFor('the words as written', async () => /args: shell \$\(\(6\*7\)\)/.test(await bar()));
});

test('a status command that cannot run is shown in the bar; Fion goes on', async () => {
  await withConfig('bar:\n  status_command: "/nonexistent/status --flag"\n');
  await waitFor('the bar saying so', async () => /cannot run \/nonexistent\/status.*restarting/.test(await bar()));
  const c = await TinyClient.open(s.display, { title: 'after a bad status command' });
  open.push(c);
  await waitFor('a window managed', async () => /after a bad status command/.test(await bar()));
});

test('a status command that floods: the newest line wins and the bar keeps ticking', async () => {
  await withConfig(`bar:\n  status_command: ${JSON.stringify(`${fixture('status-floods.mjs')} 200000`)}\n`);
  const started = Date.now();
  const redraws = await barRedrawCounter();
  // Polled without a sync barrier: each barrier is an event to Fion, and its render would
  // draw the newest status too, a redraw the flood did not ask for.
  await waitFor('the last line', async () => /flood done/.test(await s.obs.barText()), 30000);
  const ms = Date.now() - started;
  const n = await redraws.stop();
  console.log(`200000 lines of flood shown through in ${ms} ms, in ${n} bar redraws`);
  // At most 20 status redraws a second, and the clock's one: allow twice that. One redraw per
  // line, or per read from the pipe, would be thousands.
  assert.ok(n <= 2 * (ms / 1000) * 21 + 10, `${n} bar redraws in ${ms} ms of flood`);
  const a = /(\d\d:\d\d:\d\d)$/.exec(await bar())?.[1];
  await waitFor('the clock moving on', async () => /(\d\d:\d\d:\d\d)$/.exec(await bar())?.[1] !== a, 3000);
});

test('a status command that hangs (never writes, never reads, ignores SIGTERM) stalls nothing and ends with Fion', async () => {
  await withConfig(`bar:\n  status_command: ${JSON.stringify(fixture('status-hangs.mjs'))}\n`);
  const pid = Number(await waitFor('its one block', async () => /before the hang \(pid (\d+)\)/.exec(await bar())?.[1]));
  const seen = new Set<string>();
  await waitFor('three distinct seconds', async () => {
    seen.add(/(\d\d:\d\d:\d\d)$/.exec(await bar())?.[1] ?? '');
    return seen.size >= 3;
  }, 5000);
  // Clicks to a command that doesn't read are dropped, never block. Clicked on its block
  // (cyan), 3000 of them: some 450 KB of click events, far more than its stdin holds (a
  // socket pair's buffer), so a Fion that waited for its writes would hang here.
  const at = await findInBar('#00FFFF');
  assert.ok(at !== null, 'found the status block');
  const r = await runTool(s.display, 'xdotool', ['mousemove', String(at[0]), String(at[1]), 'click', '--repeat', '3000', '--delay', '0', '1']);
  assert.equal(r.code, 0, r.stderr);
  await s.obs.sync();
  const c = await TinyClient.open(s.display, { title: 'still managing' });
  open.push(c);
  await waitFor('a new window managed', async () => /still managing/.test(await bar()));
  // The clicks reached the command and fill its stdin, unread: a socket buffer of small
  // writes holds some 30 KB here (each write costs its payload and more), i.e. hundreds of
  // clicks, far beyond what 20 clicks (the old test) could ever put there.
  const queued = stdinQueued(pid);
  console.log(`${queued} bytes of clicks wait unread in the hung command's stdin`);
  assert.ok(queued >= 16 * 1024, `the clicks fill its stdin (${queued} bytes queued)`);
  // And it ends with Fion.
  await s.fion.stop();
  await waitFor('the status command gone with Fion', () => { try { process.kill(pid, 0); return false; } catch { return true; } });
});

test('UTF-8 titles with CJK and emoji: the text is kept, missing glyphs drawn as boxes', async () => {
  await withConfig('bar:\n  clock: "HH:mm:ss"\n');
  const title = '東京 ☀ 🌧 café';
  const c = await TinyClient.open(s.display, { title });
  open.push(c);
  await waitFor('the title in the bar', async () => (await bar()).includes(title));
  assert.ok((await barColours()).has('#FE8019'), 'placeholder boxes for what the font lacks');
});

test('the bar hides and shows per monitor and for all; tiles take the space; config can hide it', async () => {
  await withConfig(MAIN);
  const c = await TinyClient.open(s.display, { title: 'tall' });
  open.push(c);
  await s.obs.sync();
  const barWindow = await s.obs.bar();
  const before = (await s.obs.geometry(c.window))!;
  assert.ok(before.y > 0);
  await key(s.display, 'super+b');
  await s.obs.sync();
  assert.equal(await s.obs.mapState(barWindow), 'unmapped');
  const hidden = (await s.obs.geometry(c.window))!;
  assert.equal(hidden.y, before.y - (await s.obs.geometry(barWindow))!.height, 'the tile moved up into the bar\'s place');
  await key(s.display, 'super+b');
  await s.obs.sync();
  assert.equal(await s.obs.mapState(barWindow), 'viewable');
  assert.deepEqual(await s.obs.geometry(c.window), before);
  await key(s.display, 'super+ctrl+h');
  await s.obs.sync();
  assert.equal(await s.obs.mapState(barWindow), 'unmapped');
  await key(s.display, 'super+ctrl+s');
  await s.obs.sync();
  assert.equal(await s.obs.mapState(barWindow), 'viewable');

  await withConfig('bar:\n  hidden: true\n');
  assert.deepEqual((await s.obs.findByClass('fion-bar')).length, 0, 'no bar at all');
});
