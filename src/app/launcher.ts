// Starting programs for the user (exec, the terminal, the run mode) with a startup id, and
// remembering where each was started from (src/manage/launches.ts), so its windows open
// there: matched by _NET_STARTUP_ID, else by _NET_WM_PID's ancestry in /proc (a client on
// this host only).
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { focusedWorkspace, type Model } from '../model/index.js';
import { ancestry, expired, launchOf, startupId, type Launch, type Launches, type WindowOrigin } from '../manage/launches.js';
import type { ClientInfo } from '../manage/clientinfo.js';
import { startProgram } from './spawn.js';
import { log } from '../log.js';

function readStat(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // gone, or no /proc: no ancestry
  }
}

export class Launcher {
  private table: Launches = new Map();
  private counter = 0;

  constructor(private readonly host: { readonly model: Model; readonly display: string; readonly config: { readonly launchTimeout: number } }) {}

  private get timeoutMs(): number { return this.host.config.launchTimeout * 1000; }

  /** Start `argv` (`fallback` if it is not found) and remember where it was started from. */
  launch(argv: readonly string[], fallback: readonly string[] | null): void {
    const now = Date.now();
    const id = startupId(process.pid, ++this.counter, argv[0] ?? '', now);
    const ws = focusedWorkspace(this.host.model);
    const table = new Map(expired(this.table, now, this.timeoutMs));
    table.set(id, { pid: null, workspace: ws.id, tile: ws.focus, at: now });
    this.table = table;
    startProgram(argv, {
      display: this.host.display, fallback, env: { DESKTOP_STARTUP_ID: id },
      onStart: (pid) => {
        const l = this.table.get(id);
        if (l !== undefined) this.table = new Map(this.table).set(id, { ...l, pid });
      },
    });
  }

  /** Where a new window comes from: its startup id, and its process's ancestry when local. */
  originOf(info: ClientInfo): WindowOrigin {
    const local = info.pid !== null && info.machine !== '' && info.machine === hostname();
    return { startupId: info.startupId, pids: local ? ancestry(info.pid!, readStat) : [] };
  }

  /** The launch a new window belongs to, if any. */
  launchOf(info: ClientInfo): Launch | null {
    if (this.table.size === 0) return null;
    const local = info.pid !== null && info.machine !== '' && info.machine === hostname();
    const l = launchOf(this.table, { startupId: info.startupId, pids: local ? ancestry(info.pid!, readStat) : [] }, Date.now(), this.timeoutMs);
    if (l !== null) log.debug(`0x${info.window.toString(16)} was launched from workspace ${l.workspace}, tile ${l.tile}`);
    return l;
  }
}
