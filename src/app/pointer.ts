// Clicks: on a tab (show it), on the bar (a workspace, the wheel, a status block), or into
// a client (focus its tile, then let the click go on to the client).
import type { EventOf } from '../x/events.js';
import type { XPort } from '../x/port.js';
import { Button } from '../x/protocol.js';
import type { WindowId } from '../x/types.js';
import { findClient, focusClient, focusedClient, showTabAt, type Model } from '../model/index.js';
import type { Hit } from '../render/push.js';
import type { Registry } from '../manage/registry.js';
import type { Drags } from './drag.js';

export interface PointerHost {
  model: Model;
  readonly drags: Drags;
  readonly x: XPort;
  readonly reg: Registry;
  hit(w: WindowId, x: number): Hit | null;
  runCommand(text: string, source: string): void;
  /** Switch to the next keyboard layout (a click on its name in the bar). */
  nextLayout(): void;
  /** A click on status block `block` of the status command. */
  statusClick(block: number, button: number, rootX: number, rootY: number, relX: number, relY: number, width: number, height: number): void;
}

type ButtonPress = EventOf<'ButtonPress'>;

export function onButton(host: PointerHost, ev: ButtonPress): void {
  const hit = host.hit(ev.window, ev.x);
  // A drag: the modifier held (a grab on the root), or a border between tiles pressed on a
  // tab bar or at a client's edge.
  const client = host.reg.clients.has(ev.window) ? ev.window : null;
  if ((hit === null || hit.strip.kind === 'tabs') && host.drags.press(ev, client)) return;
  if (hit !== null) {
    if (hit.strip.kind === 'tabs' && hit.cell?.kind === 'tab') host.model = showTabAt(host.model, hit.strip.tile, hit.cell.index);
    if (hit.strip.kind === 'bar') onBarClick(host, hit.strip.monitor, hit, ev);
    return;
  }
  if (host.reg.clients.has(ev.window)) {
    // A click into a tile focuses it, then goes on to the client.
    const w = ev.window;
    if (focusedClient(host.model) !== w && findClient(host.model, w) !== null) host.model = focusClient(host.model, w);
    host.x.replayPointer(ev.time);
  }
}

/** A click on a monitor's bar: a workspace goes there, the wheel walks the workspaces,
 *  a status block hears of it. The click acts on the monitor it landed on. */
function onBarClick(host: PointerHost, monitor: number, hit: Hit, ev: ButtonPress): void {
  const cell = hit.cell;
  const button = ev.button;
  if (cell?.kind === 'status') {
    host.statusClick(cell.block, button, ev.rootX, ev.rootY, ev.x - hit.cellX, ev.y, hit.cellWidth, hit.height);
    return;
  }
  if (cell?.kind === 'keyboard' && button === Button.Left) { host.nextLayout(); return; }
  if (button !== Button.Left && button !== Button.WheelUp && button !== Button.WheelDown) return;
  if (monitor !== host.model.focusedMonitor && host.model.monitors[monitor] !== undefined) {
    host.model = { ...host.model, focusedMonitor: monitor };
  }
  if (button === Button.Left && cell?.kind === 'workspace') host.runCommand(`workspace goto ${cell.index + 1}`, 'bar click');
  else if (button === Button.WheelUp) host.runCommand('workspace prev', 'bar wheel');
  else if (button === Button.WheelDown) host.runCommand('workspace next', 'bar wheel');
}
