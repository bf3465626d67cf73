// The benchmark script works end to end: a tiny run for Fion alone prints the
// table and writes its JSON and chart. Nothing here is timed; the full run is
// `npm run bench` (docs/bench/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../harness/tmp.js';
import { repoRoot } from '../harness/fion.js';

test('npm run bench, tiny, Fion only: a table on stdout, bench.json and the chart written', async () => {
  const out = tempDir('fion-bench-');
  const args = ['--only', 'fion,fion-split', '--counts', '1,3', '--samples', '3', '--settle', '30', '--idle', '0.5', '--idle-after-start', '0', '--after-close', '0.5', '--burst', '5',
    '--switch-windows', '3', '--switch-samples', '2', '--startups', '1', '--out', out];
  const p = spawn(process.execPath, [join(repoRoot, 'dist', 'scripts', 'bench.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const code = await new Promise<number | null>((resolve) => p.on('exit', resolve));
  process.stdout.write(stdout.split('\n').filter((l) => /map@|start-up|RSS|burst/.test(l)).map((l) => `${l}\n`).join(''));
  assert.equal(code, 0, stdout + stderr);
  for (const row of ['map@1 ready p50', 'map@3 ready p50', 'start-up p50', 'first frame p50', 'node -e 0 p50', 'start-up / node -e 0', 'first frame / node -e 0', 'msg version p50', 'msg workspace next p50',
    'key split to screen p50', 'idle CPU of a bare node', 'RSS idle', 'RSS 0.5 s after they closed', 'burst 5']) assert.match(stdout, new RegExp(row));
  const json = JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8')) as { sessions: { wm: string; ok: boolean; map: Record<string, unknown[]> }[] };
  assert.equal(json.sessions.length, 2);
  assert.equal(json.sessions[0]!.wm, 'fion');
  assert.ok(json.sessions[0]!.ok);
  assert.ok((json.sessions[0]!.map['3'] ?? []).length > 0, 'map samples at 3 windows');
  assert.ok(json.sessions[1]!.ok);
  assert.match(stdout, /Tabbed[^]*fion[^]*Every window shown[^]*fion-split/, 'the two groups, each with its own table');
  assert.ok(existsSync(join(out, 'bench-map-latency.svg')));
});

test('npm run bench -- --startup-only: start-ups alone, each beside a node -e 0, in bench-startup.json', async () => {
  const out = tempDir('fion-bench-');
  const args = ['--only', 'fion', '--startup-only', '--startups', '2', '--out', out];
  const p = spawn(process.execPath, [join(repoRoot, 'dist', 'scripts', 'bench.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const code = await new Promise<number | null>((resolve) => p.on('exit', resolve));
  assert.equal(code, 0, stdout + stderr);
  assert.match(stdout, /start-up \/ node -e 0 before it, p50 +\d+\.\d\d/);
  assert.match(stdout, /first frame \/ node -e 0 before it, p50 +\d+\.\d\d/);
  assert.doesNotMatch(stdout, /map@|idle CPU|RSS/, 'no other rows');
  assert.ok(!existsSync(join(out, 'bench.json')), 'a full run\'s file is left alone');
  const json = JSON.parse(readFileSync(join(out, 'bench-startup.json'), 'utf8')) as { sessions: { ok: boolean; startupMs: number[]; firstFrameMs: number[]; startupNodeMs: number[]; idle: unknown }[] };
  const s = json.sessions[0]!;
  assert.ok(s.ok);
  assert.equal(s.idle, null);
  assert.equal(s.startupMs.length, 2);
  assert.equal(s.firstFrameMs.length, 2);
  assert.equal(s.startupNodeMs.length, 2);
});
