// Fion's manual pages, made from the declarations they describe so they cannot disagree with
// the code: fion(1) (command line, the shipped key bindings, the command language's verbs,
// files, environment, exit status, signals), fion-msg(1) (the client and its request types)
// and fion(5) (every setting, from the settings table). `node dist/scripts/man.js --write`
// writes man/; test/cli/man.test.ts fails while man/ is out of date or groff warns.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { SETTINGS } from '../src/config/settings.js';
import { loadDefaults } from '../src/config/index.js';
import { VERBS } from '../src/commands/verbs/index.js';
import { REQUEST_TYPES, EVENT_KINDS } from '../src/ipc/protocol.js';
import { fionVersion } from '../src/version.js';

const DATE = '2026';

/** Text safe in a roff line: backslashes, hyphens of options, and a leading control character. */
export function roff(text: string): string {
  const t = text.replace(/\\/g, '\\e').replace(/-/g, '\\-')
    .replace(/[^\x00-\x7f]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
  return /^[.']/.test(t) ? `\\&${t}` : t;
}

const header = (name: string, section: number, what: string): string[] => [
  `.TH ${name.toUpperCase()} ${section} "${DATE}" "fion ${fionVersion()}" "${section === 5 ? 'File Formats' : 'User Commands'}"`,
  '.SH NAME', `${name} \\- ${roff(what)}`,
];
const tagged = (tag: string, body: string): string[] => ['.TP', tag, roff(body)];
const yamlLine = (v: unknown): string => stringify(v, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();

export function fion1(): string {
  const { config } = loadDefaults();
  const keys = config.bindings.flatMap((b) => tagged(`.B ${roff(b.keys)}`, b.command));
  const modes = config.modes.flatMap((m) => [
    '.SS', `Mode ${roff(m.name)} (${m.enter === null ? 'entered by command' : roff(m.enter)}${m.sticky ? ', stays until Escape' : ''})`,
    ...m.keys.flatMap((b) => tagged(`.B ${roff(b.keys)}`, b.command)),
  ]);
  const verbs = VERBS.flatMap((v) => ['.TP', `.B ${roff(v.word)}`, roff(v.help), '.br', `For example: ${v.examples.map((e) => `\\fB${roff(e)}\\fR`).join(', ')}.`]);
  return [
    ...header('fion', 1, 'a modal tiling window manager for X11'),
    '.SH SYNOPSIS',
    '.B fion', '[\\fB\\-\\-display\\fR \\fIDISPLAY\\fR] [\\fB\\-\\-config\\fR \\fIFILE\\fR] [\\fB\\-\\-replace\\fR] [\\fB\\-\\-verbose\\fR]', '.br',
    '.B fion check\\-config', '\\fIFILE\\fR', '.br',
    '.B fion msg', '[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR...]',
    '.SH DESCRIPTION',
    roff('Fion manages the windows of an X display: each monitor shows a workspace, a workspace is split into tiles, and a tile holds windows as tabs. Keys are modal: a few bindings work everywhere, and modes (tile, tab, workspace, resize) give single keys a meaning until they are left. Every binding is a command of one command language, which fion msg and the control socket speak too.'),
    '.PP',
    roff('Started as fion (the installed program, or bin/fion in a checkout), Fion runs under a small supervisor that starts it again in place on restart and after a crash, restoring every window to its tile, tab, workspace and float state.'),
    '.SH OPTIONS',
    ...tagged('\\fB\\-\\-display\\fR \\fIDISPLAY\\fR', 'The X display to manage (default: $DISPLAY).'),
    ...tagged('\\fB\\-\\-config\\fR \\fIFILE\\fR', 'The config file, merged over the shipped defaults (default: $XDG_CONFIG_HOME/fion/config.yaml, else ~/.config/fion/config.yaml).'),
    ...tagged('\\fB\\-\\-replace\\fR', 'Replace the running window manager (ICCCM WM_Sn selection).'),
    ...tagged('\\fB\\-\\-verbose\\fR', 'Log debug lines too (the command log level debug does it at run time).'),
    ...tagged('\\fB\\-h\\fR, \\fB\\-\\-help\\fR', 'Show the options and exit.'),
    ...tagged('\\fB\\-V\\fR, \\fB\\-\\-version\\fR', 'Print the version and exit.'),
    '.SH SUBCOMMANDS',
    ...tagged('\\fBcheck\\-config\\fR \\fIFILE\\fR', 'Check a config file; print FILE: ok, or each error as file:line:column: message. Exit status 0 or 1.'),
    ...tagged('\\fBmsg\\fR [\\fIOPTIONS\\fR] [\\fICOMMAND\\fR...]', 'Talk to the running Fion over its control socket; see fion-msg(1).'),
    '.SH KEYS',
    roff('The shipped bindings (config/fion.yaml beside the program); your config can change any of them.'),
    ...keys, ...modes,
    '.SH COMMANDS',
    roff('The command language of key bindings, fion msg and the control socket. Several commands are separated by ";".'),
    ...verbs,
    '.SH FILES',
    ...tagged('\\fI$XDG_CONFIG_HOME/fion/config.yaml\\fR, \\fI~/.config/fion/config.yaml\\fR', 'Your config, read over the shipped one; see fion(5).'),
    ...tagged('\\fI/etc/xdg/fion/config.yaml\\fR', 'The system\'s config (fion/config.yaml in each directory of $XDG_CONFIG_DIRS, default /etc/xdg), read over the shipped one and under yours. The Debian package installs the shipped config there.'),
    ...tagged('\\fIconfig/fion.yaml\\fR', 'The shipped config, beside the program (in the checkout or the installed package), read first.'),
    ...tagged('\\fI$XDG_STATE_HOME/fion/fion.log\\fR, \\fI~/.local/state/fion/fion.log\\fR', 'The log, also written to stderr. A new session keeps the last one as fion.log.1; rotated at 4 MiB.'),
    ...tagged('\\fI$XDG_RUNTIME_DIR/fion/DISPLAY.sock\\fR, \\fI/tmp/fion\\-UID/DISPLAY.sock\\fR', 'The control socket (0600), also named by the root window property FION_SOCKET_PATH.'),
    ...tagged('\\fI$XDG_RUNTIME_DIR/fion/DISPLAY.state.json\\fR', 'The layout kept for a restart or after a crash; removed when Fion stops on purpose.'),
    ...tagged('\\fI$XDG_CACHE_HOME/fion/\\fR, \\fI~/.cache/fion/\\fR', 'What a start keeps for the next, to start sooner: fonts.json, the font files fontconfig gave (asked again after the first frame), and v8/, the compiled code of the installed program. Safe to delete.'),
    '.SH ENVIRONMENT',
    ...tagged('.B DISPLAY', 'The display to manage when --display is not given.'),
    ...tagged('.B XDG_CONFIG_HOME, XDG_CONFIG_DIRS, XDG_STATE_HOME, XDG_CACHE_HOME, XDG_RUNTIME_DIR', 'Where your config, the system\'s config, the log, the caches, and the socket and state file are.'),
    ...tagged('.B FION_SOCK', 'The socket fion msg talks to, before the root window property and the default path.'),
    ...tagged('.B FION_NODE', 'The node program the supervisor runs (default: node on PATH).'),
    ...tagged('.B FION_CRASH_WINDOW', 'Seconds a Fion must run for its crash not to count as one more in a row (default 30).'),
    '.SH EXIT STATUS',
    ...tagged('.B 0', 'A normal exit (the exit command, SIGTERM, SIGINT, SIGHUP).'),
    ...tagged('.B 1', 'Another window manager is running (without --replace), no display, the X server went away, or check-config found errors.'),
    ...tagged('.B 2', 'A usage error.'),
    ...tagged('.B 75', 'Fion asks its supervisor to run it again (restart); not seen outside the supervisor.'),
    '.SH SIGNALS',
    roff('SIGTERM, SIGINT and SIGHUP stop Fion cleanly, leaving every window mapped. Any other way Fion dies (SIGKILL, the OOM killer, a native crash) is a crash: the supervisor starts it again at once with the saved layout; the third and fourth crash in a row start plain (no saved layout), the fifth in safe mode (shipped config, no status command), and after a sixth the supervisor gives up and the X server maps every window.'),
    '.SH SEE ALSO',
    '.BR fion\\-msg (1),', '.BR fion (5),', '.BR Xvfb (1)',
    '',
  ].join('\n');
}

export function fionMsg1(): string {
  const types = REQUEST_TYPES.map((t) => `\\fB${t}\\fR`).join(', ');
  return [
    ...header('fion-msg', 1, 'talk to a running Fion'),
    '.SH SYNOPSIS',
    '.B fion msg', '[\\fB\\-t\\fR \\fITYPE\\fR] [\\fB\\-\\-raw\\fR] [\\fB\\-\\-socket\\fR \\fIPATH\\fR] [\\fIWORDS\\fR...]',
    '.SH DESCRIPTION',
    roff('fion msg sends one request to the running Fion over its control socket and prints the reply as indented JSON. Without -t, its words are commands of Fion\'s command language (several separated by ";"), run as if bound to a key: fion msg workspace next.'),
    '.SH OPTIONS',
    '.TP', '\\fB\\-t\\fR, \\fB\\-\\-type\\fR \\fITYPE\\fR', `The request: ${types}.`,
    '.RS',
    ...tagged('.B command', 'Run the words as commands (the default).'),
    ...tagged('.B tree, workspaces, monitors', 'The model: every workspace with its tiles, tabs and floating windows; the workspaces; the monitors.'),
    ...tagged('.B bindings, config, version', 'The key bindings and modes in force; the config file and its errors; the version.'),
    ...tagged('.B log', 'The running Fion\'s last 300 log lines, printed as in the log file.'),
    ...tagged('.B subscribe', `Stream events as JSON lines until Fion exits; the words name them: ${EVENT_KINDS.join(', ')}.`),
    '.RE',
    ...tagged('\\fB\\-\\-raw\\fR', 'Print each reply as one JSON line.'),
    ...tagged('\\fB\\-\\-socket\\fR \\fIPATH\\fR', 'The socket (default: $FION_SOCK, the root window\'s FION_SOCKET_PATH, then $XDG_RUNTIME_DIR/fion/DISPLAY.sock).'),
    ...tagged('\\fB\\-\\-display\\fR \\fIDISPLAY\\fR', 'The display whose root window names the socket (default: $DISPLAY).'),
    '.SH EXIT STATUS',
    ...tagged('.B 0', 'Fion answered, and every command worked.'),
    ...tagged('.B 1', 'Fion answered with a failure (each failed command is printed to stderr with its reason).'),
    ...tagged('.B 2', 'No Fion to talk to, a usage error, or the connection was lost.'),
    '.SH EXAMPLES',
    '.EX', 'fion msg workspace next', 'fion msg \'tile split vertical; terminal\'', 'fion msg \\-t tree', 'fion msg \\-t subscribe workspace focus', '.EE',
    '.SH SEE ALSO',
    '.BR fion (1),', '.BR fion (5)',
    '',
  ].join('\n');
}

export function fion5(): string {
  // A long default (an XLFD) may break after its dashes (\\: is a break point without a hyphen).
  const breakable = (t: string): string => t.replace(/\\-/g, '\\-\\:');
  const rows = SETTINGS.flatMap((s) => ['.TP', `.B ${roff(s.path)}`, `${roff(s.type)}, default \\fB${breakable(roff(yamlLine(s.defaultYaml)))}\\fR.`, roff(s.doc)]);
  return [
    ...header('fion', 5, 'the Fion configuration file'),
    '.SH SYNOPSIS',
    '\\fI$XDG_CONFIG_HOME/fion/config.yaml\\fR, \\fI~/.config/fion/config.yaml\\fR',
    '.SH DESCRIPTION',
    roff('Fion reads its shipped config first, then the system\'s (/etc/xdg/fion/config.yaml, or fion/config.yaml in each directory of $XDG_CONFIG_DIRS), then yours on top, key by key: a file holding just "terminal: foot" keeps every other default. The format is YAML. Errors are reported as file:line:column; a bad entry is skipped and the rest applies. fion check-config FILE checks a file; the reload command applies an edited one at once (one with errors is not applied, and the bar shows the first error).'),
    '.PP',
    roff('Besides the settings below, the config holds bindings (key spec to command), modes (name, enter key, sticky, their own keys), rules (match windows by class, instance, title or type; float them or send them to a workspace), workspace names and their outputs; the shipped config/fion.yaml shows each with comments.'),
    '.SH SETTINGS',
    ...rows,
    '.SH SEE ALSO',
    '.BR fion (1),', '.BR fion\\-msg (1)',
    '',
  ].join('\n');
}

export const PAGES: Readonly<Record<string, () => string>> = { 'fion.1': fion1, 'fion-msg.1': fionMsg1, 'fion.5': fion5 };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../../man/', import.meta.url));
  if (process.argv.includes('--write')) {
    mkdirSync(dir, { recursive: true });
    for (const [name, make] of Object.entries(PAGES)) writeFileSync(`${dir}${name}`, make());
  } else {
    for (const make of Object.values(PAGES)) process.stdout.write(make());
  }
}
