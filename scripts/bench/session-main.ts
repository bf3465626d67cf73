// One benchmark session in its own process. node-x11 caches interned atoms in a
// module-level object shared by every client of the process (lib/xcore.js:
// `this.atoms = stdatoms`), so a second X server in the same process would get the
// first server's atom ids. A fresh process per Xvfb avoids that, and keeps the
// sessions' memory apart too.
import { installExitHandlers, keepChildrenInMyGroup } from './procs.js';
import { runSession, type Params } from './measure.js';
import { byName } from './wms.js';

installExitHandlers();
keepChildrenInMyGroup();
// The parent went away (killed hard): stop what this session started.
process.on('disconnect', () => process.exit(1));
const arg = JSON.parse(process.argv[2] ?? '{}') as { wm: string; params: Params; round: number };
const spec = byName(arg.wm);
if (spec === undefined) throw new Error(`unknown window manager ${arg.wm}`);
const result = await runSession(spec, arg.params, arg.round, (m) => process.stdout.write(`${m}\n`));
process.send?.(result, () => process.exit(0));
