// The plain run path's hand-written option reader must agree with yargs on
// everything it accepts, and hand everything else to yargs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import yargs from 'yargs';
import { msgRunArgs, plainRunArgs } from '../../src/app/cliargs.js';

/** What yargs (configured as src/cli.ts configures it) makes of `args` for the run command, or null. */
async function viaYargs(args: readonly string[]): Promise<{ display?: string; config?: string; replace: boolean; verbose: boolean } | null> {
  let ran: { display?: string; config?: string; replace: boolean; verbose: boolean } | null = null;
  try {
    await yargs([...args])
      .option('display', { type: 'string' })
      .option('config', { type: 'string' })
      .option('replace', { type: 'boolean', default: false })
      .option('verbose', { type: 'boolean', default: false })
      .command('$0', 'run', () => {}, (a) => {
        ran = { replace: a.replace, verbose: a.verbose, ...(a.display === undefined ? {} : { display: a.display }), ...(a.config === undefined ? {} : { config: a.config }) };
      })
      .command('check-config <file>', 'check', () => {}, () => {})
      .alias('h', 'help').alias('V', 'version')
      .strict().exitProcess(false).fail((msg, err) => { throw err ?? new Error(msg); })
      .help(false).version(false)
      .parseAsync();
  } catch {
    return null;
  }
  return ran;
}

test('the common shapes', () => {
  assert.deepEqual(plainRunArgs([]), { replace: false, verbose: false });
  assert.deepEqual(plainRunArgs(['--display', ':1']), { display: ':1', replace: false, verbose: false });
  assert.deepEqual(plainRunArgs(['--display=:1', '--config', '/a b.yaml', '--replace', '--verbose']),
    { display: ':1', config: '/a b.yaml', replace: true, verbose: true });
  for (const bad of [['--help'], ['-h'], ['--version'], ['check-config', 'x'], ['--display'], ['--display', '--replace'],
    ['--nope'], ['--display', ':1', '--display', ':2'], ['--replace=false'], ['--no-replace'], ['x']]) {
    assert.equal(plainRunArgs(bad), null, bad.join(' '));
  }
});

test('whatever it accepts, yargs reads the same way', async () => {
  const token = fc.constantFrom('--display', '--config', ':1', ':0.0', 'f.yaml', '--display=:2', '--config=c.yaml', '--config=',
    '--replace', '--verbose', '--no-verbose', '-v', '-h', '--help', '12', '1e3', '-', '--', 'check-config', '--display=-1', 'true');
  await fc.assert(fc.asyncProperty(fc.array(token, { maxLength: 6 }), async (args) => {
    const mine = plainRunArgs(args);
    if (mine === null) return;
    assert.deepEqual(mine, await viaYargs(args), args.join(' '));
  }), { numRuns: 400 });
});

test('msgRunArgs: the shapes `fion msg` takes without yargs', () => {
  assert.deepEqual(msgRunArgs(['workspace', 'next']), { type: 'command', args: ['workspace', 'next'], raw: false });
  assert.deepEqual(msgRunArgs(['-t', 'version']), { type: 'version', args: [], raw: false });
  assert.deepEqual(msgRunArgs(['-ttree', '--raw']), { type: 'tree', args: [], raw: true });
  assert.deepEqual(msgRunArgs(['--type=subscribe', 'workspace', '--socket', '/s']), { type: 'subscribe', args: ['workspace'], raw: false, socket: '/s' });
  assert.deepEqual(msgRunArgs(['--socket=/s', 'exec', '--', 'xterm', '-e', 'top']), { type: 'command', args: ['exec', 'xterm', '-e', 'top'], raw: false, socket: '/s' });
  assert.deepEqual(msgRunArgs([]), { type: 'command', args: [], raw: false });
  assert.deepEqual(msgRunArgs(['--display', ':1', '-t', 'version']), { type: 'version', args: [], raw: false, display: ':1' });
  assert.deepEqual(msgRunArgs(['--display=:0.0', 'workspace', 'next']), { type: 'command', args: ['workspace', 'next'], raw: false, display: ':0.0' });
});

test('msgRunArgs: help, unknown options, repeats and odd values go to yargs', () => {
  for (const args of [['--help'], ['-h'], ['--bogus'], ['-t'], ['-t', '-x'], ['-t', 'a', '-t', 'b'], ['--raw', '--raw'], ['--socket'], ['-t', '5'], ['--display', ':1', '--display', ':2'], ['--display']]) {
    assert.equal(msgRunArgs(args), null, args.join(' '));
  }
});
