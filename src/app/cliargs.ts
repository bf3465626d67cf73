// The plain run path's options, read without yargs (it costs ~150 ms to load).
// Only the exact shapes below are accepted here; anything else returns null and
// goes to yargs, so help, errors and their exit codes stay yargs'.

export interface PlainRunArgs {
  display?: string;
  config?: string;
  replace: boolean;
  verbose: boolean;
}

/** `--display D`, `--display=D`, `--config F`, `--config=F`, `--replace`, `--verbose`, each at most once. */
export function plainRunArgs(args: readonly string[]): PlainRunArgs | null {
  const out: PlainRunArgs = { replace: false, verbose: false };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = /^--(display|config)=(.*)$/s.exec(a);
    let name: string;
    let value: string | undefined;
    if (eq !== null) {
      name = eq[1]!;
      value = eq[2]!;
    } else if (a === '--display' || a === '--config') {
      name = a.slice(2);
      value = args[i + 1];
      // A missing value, or one yargs might read as an option or a number: leave it to yargs.
      if (value === undefined || value.startsWith('-')) return null;
      i++;
    } else if (a === '--replace' || a === '--verbose') {
      name = a.slice(2);
    } else {
      return null;
    }
    if (seen.has(name)) return null;
    seen.add(name);
    if (value !== undefined && (value === '' || /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value))) return null;
    if (name === 'display' && value !== undefined) out.display = value;
    else if (name === 'config' && value !== undefined) out.config = value;
    else if (name === 'replace') out.replace = true;
    else out.verbose = true;
  }
  return out;
}

export interface MsgRunArgs {
  type: string;
  args: string[];
  raw: boolean;
  socket?: string;
  display?: string;
}

/**
 * `fion msg`'s arguments (after "msg") read without yargs, so a message costs little more
 * than Node's own start: `-t T`, `-tT`, `--type T`, `--type=T`, `--raw`, `--socket P`,
 * `--socket=P`, `--display D`, `--display=D`, each at most once, then words; after `--` everything is words. Help,
 * unknown options and values that look like options or numbers return null (yargs then).
 */
export function msgRunArgs(args: readonly string[]): MsgRunArgs | null {
  const out: MsgRunArgs = { type: 'command', args: [], raw: false };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { out.args.push(...args.slice(i + 1)); break; }
    if (!a.startsWith('-')) { out.args.push(a); continue; }
    if (a === '--raw') {
      if (seen.has('raw')) return null;
      seen.add('raw');
      out.raw = true;
      continue;
    }
    const eq = /^(?:--(type|socket|display)=|-(t))(.+)$/s.exec(a);
    let name: string;
    let value: string | undefined;
    if (eq !== null) {
      name = eq[1] ?? 'type';
      value = eq[3];
    } else if (a === '-t' || a === '--type' || a === '--socket' || a === '--display') {
      name = a === '-t' ? 'type' : a.slice(2);
      value = args[++i];
    } else {
      return null;
    }
    if (value === undefined || value === '' || value.startsWith('-') || /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value)) return null;
    if (seen.has(name)) return null;
    seen.add(name);
    if (name === 'type') out.type = value;
    else if (name === 'socket') out.socket = value;
    else out.display = value;
  }
  return out;
}
