// The status command's output read as bytes: a UTF-8 character cut between two reads
// of its pipe is still one character (a real command, each piece in a read of its own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { StatusCommand } from '../../src/bar/status.js';
import { repoRoot } from '../harness/fion.js';
import { waitFor } from '../harness/wait.js';

test('a multi-byte character cut between two reads of the status pipe comes out whole', { timeout: 60_000 }, async () => {
  // Every way to cut a 2-, 3- and 4-byte character: after its 1st, 2nd or 3rd byte.
  const text = 'ü 東京 ☀ 🌧 café';
  const cuts: { char: string; after: number }[] = [];
  for (const char of new Set(text)) {
    const n = Buffer.byteLength(char);
    for (let after = 1; after < n; after++) cuts.push({ char, after });
  }
  assert.ok(cuts.length >= 7);
  // One block array per cut, its text cut inside that character; each piece ends one array
  // (so its update shows that the piece was read) and starts the next, cut there.
  const lines = cuts.map((_, k) => Buffer.from(`[{"full_text":${JSON.stringify(`${k} ${text}`)}}]\n,`));
  const pieces: Buffer[] = [];
  let carry = Buffer.from('{"version":1,"click_events":true}\n[\n[{"full_text":"start"}]\n,');
  cuts.forEach((c, k) => {
    const line = lines[k]!;
    const at = line.indexOf(Buffer.from(c.char)) + c.after;
    pieces.push(Buffer.concat([carry, line.subarray(0, at)]));
    carry = line.subarray(at);
  });
  pieces.push(Buffer.concat([carry, Buffer.from('\n')]));
  const sc = new StatusCommand({
    command: `${process.execPath} ${join(repoRoot, 'test/fixtures/status-pieces.mjs')} ${pieces.map((p) => p.toString('base64')).join(' ')}`,
    shell: false, env: process.env, onChange: () => {},
  });
  try {
    sc.start();
    // Piece 0 shows "start"; piece k (k >= 1) completes array k - 1. A click asks for the next.
    await waitFor('the first array', () => sc.blocks[0]?.fullText === 'start');
    sc.click(0, 1, 0, 0, 0, 0, 10, 10);
    for (let k = 1; k <= cuts.length; k++) {
      const want = `${k - 1} ${text}`;
      await waitFor(`array ${k - 1} (cut after byte ${cuts[k - 1]!.after} of ${cuts[k - 1]!.char})`,
        () => sc.blocks[0]?.fullText === want, 5000).catch(() => {
        assert.deepEqual(sc.blocks.map((b) => b.fullText), [want], `the text of array ${k - 1}, cut inside ${cuts[k - 1]!.char}`);
      });
      sc.click(0, 1, 0, 0, 0, 0, 10, 10);
    }
  } finally {
    await sc.stop(500);
  }
});
