// Programs Fion does not start itself (D-Bus-activated ones, systemd user services) take
// their environment from the session bus and systemd's user manager, not from Fion. Java's
// AWT needs _JAVA_AWT_WM_NONREPARENTING there too, or it draws a grey window; portals and
// autostart entries read XDG_CURRENT_DESKTOP (OnlyShowIn=Fion) and XDG_SESSION_TYPE. DISPLAY is
// left alone: the session exports it already, and a Fion run on a nested display (Xephyr)
// must not point the whole session's services at it.
import { childProcess } from '../childprocess.js';
import { log } from '../log.js';

/** The variables Fion sets for its children and hands on to the session, with their values. */
export const SESSION_ENVIRONMENT = { _JAVA_AWT_WM_NONREPARENTING: '1', XDG_CURRENT_DESKTOP: 'Fion', XDG_SESSION_TYPE: 'x11' } as const;
export const SESSION_VARIABLES = Object.keys(SESSION_ENVIRONMENT) as readonly (keyof typeof SESSION_ENVIRONMENT)[];

/** Set them in Fion's own environment, which every program it starts inherits. */
export function setSessionEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  Object.assign(env, SESSION_ENVIRONMENT);
}
export const UPDATE_PROGRAM = 'dbus-update-activation-environment';

/**
 * Fire and forget: `dbus-update-activation-environment --systemd NAMES`, when a session bus
 * is there. A missing program, a failing one or one that hangs delays and harms nothing:
 * nothing waits for it, it is not kept alive for, and what happens is logged at debug.
 */
export function exportToSession(env: NodeJS.ProcessEnv = process.env): void {
  if ((env.DBUS_SESSION_BUS_ADDRESS ?? '') === '') {
    log.debug('no session bus: the activation environment is left alone');
    return;
  }
  try {
    const child = childProcess().spawn(UPDATE_PROGRAM, ['--systemd', ...SESSION_VARIABLES], { stdio: 'ignore', env });
    child.on('error', (e) => log.debug(`${UPDATE_PROGRAM}: ${e.message}`)); // ENOENT: not installed
    child.on('exit', (code, signal) => log.debug(`${UPDATE_PROGRAM} ${SESSION_VARIABLES.join(' ')}: exit ${code ?? signal}`));
    child.unref();
  } catch (e) {
    log.debug(`${UPDATE_PROGRAM}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
