// The command line: `fion` runs the window manager, `fion check-config FILE`
// validates a config, `fion import-i3` turns an i3 config into one, `fion msg` talks to a running Fion. Exit codes: 0 fine, 1 failure (another window
// manager, a bad config), 2 usage errors (yargs).
// Start-up time matters (exec to owning the root), and so does `fion msg` (bound to keys,
// run by scripts in loops): the plain run path and plain messages parse their few options
// by hand and load neither yargs nor the config code; anything else (help, version,
// check-config, errors) goes through yargs, loaded on demand.
import { setLogLevel, log } from './log.js';
import { msgRunArgs, plainRunArgs } from './app/cliargs.js';
import { fionVersion, inBundle } from './version.js';

async function runWm(argv: { display?: string | undefined; config?: string | undefined; replace: boolean; verbose: boolean }): Promise<void> {
  if (argv.verbose) setLogLevel('debug');
  // Before the window manager's chunks load: they are most of a start's compiling.
  if (inBundle) (await import('./codecache.js')).useCodeCache();
  const { boot, AnotherWmRunning } = await import('./app/boot.js');
  const display = argv.display ?? process.env.DISPLAY;
  if (display === undefined || display === '') {
    process.stderr.write('fion: no display: set $DISPLAY or pass --display :N\n');
    process.exit(1);
  }
  process.env.DISPLAY = display;
  try {
    const code = await boot({ display, replace: argv.replace, ...(argv.config === undefined ? {} : { configPath: argv.config }) });
    process.exit(code);
  } catch (e) {
    if (e instanceof AnotherWmRunning) {
      process.stderr.write(`fion: another window manager is already running on ${display}\n`);
    } else {
      process.stderr.write(`fion: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    process.exit(1);
  }
}

// A bug in one handler must not end the session: log it and go on.
process.on('uncaughtException', (e) => log.error(`uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => log.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

/** What the command line asks for. Not a top-level await: the bundle is CommonJS. */
async function main(): Promise<void> {
  const plain = plainRunArgs(process.argv.slice(2));
  const msg = process.argv[2] === 'msg' ? msgRunArgs(process.argv.slice(3)) : null;
  if (plain !== null) await runWm(plain);
  else if (msg !== null) process.exit(await (await import('./msg.js')).runMsg(msg));
  else if (process.argv[2] === '__complete') await (await import('./complete.js')).runComplete(process.argv.slice(3));
  else await runYargs();
}
void main();

async function runYargs(): Promise<void> {
  const [{ default: yargs }, { hideBin }, { checkConfigFile, formatConfigError }, { parseCommand }] = await Promise.all([
    import('yargs'), import('yargs/helpers'), import('./config/index.js'), import('./commands/index.js'),
  ]);
  const commandValidator = (t: string): string | null => { const r = parseCommand(t); return r.ok ? null : r.error; };
  await yargs(hideBin(process.argv))
  .scriptName('fion')
  .usage('$0 [options]\n\nFion: a modal tiling window manager for X11.')
  .option('display', { type: 'string', describe: 'X display to manage (default: $DISPLAY)' })
  .option('config', { type: 'string', describe: 'config file, merged over the shipped defaults (default: $XDG_CONFIG_HOME/fion/config.yaml or ~/.config/fion/config.yaml)' })
  .option('replace', { type: 'boolean', default: false, describe: 'replace the running window manager (ICCCM WM_Sn)' })
  .option('verbose', { type: 'boolean', default: false, describe: 'log debug lines to stderr' })
  .command('$0', 'run the window manager', () => {}, (argv) => runWm(argv))
  .command('check-config <file>', 'check a config file; print file:line:column: errors', (y) =>
    y.positional('file', { type: 'string', demandOption: true }), async (argv) => {
    const { fontProblem } = await import('./render/fontconfig.js');
    const errors = checkConfigFile(argv.file, { command: commandValidator, font: (n) => fontProblem(n) });
    for (const e of errors) process.stdout.write(`${formatConfigError(e)}\n`);
    if (errors.length === 0) process.stdout.write(`${argv.file}: ok\n`);
    process.exit(errors.length === 0 ? 0 : 1);
  })
  .command('import-i3 [file]', 'print a Fion config made from an i3 config (default: the one i3 would read); unsupported lines stay as comments', (y) => y
    .positional('file', { type: 'string', describe: 'the i3 config (default: ~/.config/i3/config, /etc/xdg/i3/config, ~/.i3/config, /etc/i3/config)' })
    .option('output', { alias: 'o', type: 'string', describe: 'write the Fion config to this file instead of stdout' })
    .option('force', { type: 'boolean', default: false, describe: 'replace the output file if it exists' }),
  async (argv) => {
    const { runImportI3 } = await import('./app/importi3.js');
    process.exit(runImportI3({ file: argv.file, out: argv.output, force: argv.force }));
  })
  // Hidden: a restart asks the code on disk whether it can start before handing over.
  .command('self-check', false, () => {}, async (argv) => {
    const { loadRunConfig } = await import('./app/start.js');
    const loaded = loadRunConfig(argv.config);
    process.stdout.write(`self-check ok: ${fionVersion()}, config ${loaded.path} (${loaded.errors.length} errors)\n`);
    process.exit(0);
  })
  .command('msg [words..]', 'talk to a running Fion over its control socket (fion msg workspace next; fion msg -t tree)', (y) => y
    .positional('words', { type: 'string', array: true, describe: 'the command (several separated by ";"), or the events to subscribe to' })
    .option('type', { alias: 't', type: 'string', default: 'command', describe: 'request: command, tree, workspaces, monitors, bindings, config, version, subscribe' })
    .option('raw', { type: 'boolean', default: false, describe: 'print the reply as one JSON line' })
    .option('socket', { type: 'string', describe: 'socket path (default: $FION_SOCK, the root window\'s FION_SOCKET_PATH, then $XDG_RUNTIME_DIR/fion/DISPLAY.sock)' }),
  async (argv) => {
    const { runMsg } = await import('./msg.js');
    // Words after `--` (a command with its own -options) land in argv._ after "msg".
    const args = [...(argv.words ?? []), ...argv._.slice(1)].map(String);
    process.exit(await runMsg({ type: argv.type, args, raw: argv.raw, socket: argv.socket, display: argv.display }));
  })
  .version(fionVersion())
  .alias('h', 'help')
  .alias('V', 'version')
  .strict()
  .fail((msg, err) => {
    // Usage errors exit 2, as command-line tools conventionally do.
    process.stderr.write(`fion: ${msg ?? err?.message ?? 'usage error'}\nTry 'fion --help'.\n`);
    process.exit(2);
  })
  .help()
  .parseAsync();
}
