// node:child_process, loaded the first time Fion starts a program. Required at start (with
// the dgram and cluster modules it pulls in) it cost ~2 ms of the way to the first frame
// under bin/fion's V8 flags, which keep Node from using the code it caches for its own
// modules; a start with its font answers kept and no status command runs no program
// before its first frame.
import { createRequire } from 'node:module';

type ChildProcessModule = typeof import('node:child_process');
let loaded: ChildProcessModule | undefined;

export function childProcess(): ChildProcessModule {
  return (loaded ??= createRequire(import.meta.url)('node:child_process') as ChildProcessModule);
}
