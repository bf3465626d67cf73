// Before a restart gives up control, the code on disk must show it can start:
// a child Node runs the CLI's hidden `self-check`, which imports every module
// the window manager needs and reads the config. If that fails, Fion stays.
import { childProcess } from '../childprocess.js';

/** null when `cli` (a built cli.js) starts; else what went wrong, in one line. */
export function checkNewCode(cli: string, configPath: string | undefined, timeoutMs = 20_000): Promise<string | null> {
  const args = [cli, 'self-check', ...(configPath === undefined ? [] : ['--config', configPath])];
  return new Promise((resolve) => {
    childProcess().execFile(process.execPath, args, { timeout: timeoutMs, maxBuffer: 1 << 20, env: { ...process.env } }, (err, stdout, stderr) => {
      if (err === null && /^self-check ok/m.test(stdout)) { resolve(null); return; }
      const killed = err !== null && (err as { killed?: boolean }).killed === true;
      const lines = `${stderr}\n${stdout}`.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      // The first line saying what is wrong (a stack's message line, not its "at ..." frames).
      const what = lines.find((l) => /error|cannot|not found|fion:/i.test(l) && !l.startsWith('at ')) ?? lines[0];
      resolve(killed ? `the new code did not answer within ${Math.round(timeoutMs / 1000)} s`
        : (what ?? `the new code exited with ${err?.code ?? 'no answer'}`).slice(0, 200));
    });
  });
}
