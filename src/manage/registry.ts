// Every piece of per-window X state Fion keeps, in one place: the windows it manages (how
// each takes focus and closes), the docks, what the screen shows and where, the unmaps
// Fion sent whose echo has not come back yet, map requests to honour later, and the client
// Fion last gave the focus. Policy lives in the files that use it; this only records.
import type { Atom, WindowId } from '../x/types.js';
import type { Rect } from '../model/index.js';
import type { Strut } from '../x/props.js';
import type { IconImage } from '../x/icon.js';

/** A property's value as Fion last wrote it (32-bit values, or the bytes of an 8-bit one). */
export type Published = readonly number[] | Buffer;

export interface ClientState {
  readonly window: WindowId;
  protocols: ReadonlySet<Atom>;
  /** WM_HINTS input field; null when the client didn't say (ICCCM: assume true). */
  input: boolean | null;
  /** When a polite close was last asked for: a second close soon after forces it. */
  closeAskedAt: number | null;
  /** Fion marked it urgent (it opened where it was launched, away from the user): its own
   *  hints do not clear that until it has been focused. */
  attention?: boolean;
}

/** A panel: mapped where it asks, never tiled; its strut reserves a screen edge. */
export interface Dock {
  readonly screen: number;
  strut: Strut | null;
}

/** An icon docked in Fion's system tray (XEMBED): a window of an applet's, never a client. */
export interface TrayIcon {
  /** Its client wants it shown: _XEMBED_INFO's mapped flag, or no _XEMBED_INFO at all. */
  wanted: boolean;
  /** The window Fion last put it in: a bar, or the tray's own hidden window. */
  parent: WindowId;
  /** Its square in that parent, as Fion last set it (null: not placed yet). */
  rect: Rect | null;
  /** Whether Fion has mapped it. */
  mapped: boolean;
  /** UnmapNotify events still to come from Fion's own unmaps and reparents. */
  echoes: number;
}

/** How a client takes focus (ICCCM 4.1.7). */
export interface FocusModel {
  /** Whether SetInputFocus should be used (input hint true or absent). */
  readonly input: boolean;
  /** Whether WM_TAKE_FOCUS should be sent. */
  readonly takeFocus: boolean;
}

export class Registry {
  /** Managed clients, in the order they were managed (_NET_CLIENT_LIST's order). */
  readonly clients = new Map<WindowId, ClientState>();
  readonly docks = new Map<WindowId, Dock>();
  /** Icons docked in the system tray, left to right. */
  readonly tray = new Map<WindowId, TrayIcon>();
  /** Clients Fion has mapped, with the geometry it gave them. */
  readonly shown = new Map<WindowId, Rect>();
  /** Windows whose MapRequest came after their client moved them off the root: mapped
   *  (managed) if they come back to a root. */
  readonly mapAsked = new Set<WindowId>();
  /** Dropdowns whose program Fion started, by name, with when: the next window that
   *  matches one becomes it (see dropdowns.ts). */
  readonly dropdownsAsked = new Map<string, number>();
  /** Top-level windows created lately (when) that have not asked for a map: marked seen
   *  once they are a little older (seen.ts). */
  readonly fresh = new Map<WindowId, number>();
  /** The sweep that marks them, while any are fresh. */
  freshSweep: ReturnType<typeof setTimeout> | null = null;
  /** Title reads on their way, per window: true when another change came meanwhile (one
   *  more read follows, which sees the newest title). */
  readonly titleReads = new Map<WindowId, boolean>();
  /** Icon reads on their way, the same way (icons are large: a client changing its icon
   *  often costs a few reads). */
  readonly iconReads = new Map<WindowId, boolean>();
  /** Managed clients' icons (_NET_WM_ICON), with the serial the model knows each by (Client.icon). */
  readonly icons = new Map<WindowId, { readonly serial: number; readonly images: readonly IconImage[] }>();
  /** The last icon serial given out: every icon read gets a new one. */
  iconSerial = 0;
  /** The client Fion last focused (null: none, undefined: not decided yet). */
  focused: WindowId | null | undefined = undefined;
  /** Set when a client came or went: _NET_CLIENT_LIST is due. */
  clientsChanged = true;
  /** The EWMH values last written on each window (roots too), per property: a property is
   *  written only when its value changes. */
  readonly published = new Map<WindowId, Map<Atom, Published>>();
  /** Unmaps Fion sent whose UnmapNotify hasn't come back (ICCCM: they are not withdrawals).
   *  Kept apart from the client records: they outlive a withdrawal. */
  private readonly unmaps = new Map<WindowId, number>();

  constructor(private readonly takeFocusAtom: Atom) {}

  isManaged(w: WindowId): boolean { return this.clients.has(w); }

  /** Fion is about to unmap `w`: its echo is not the client withdrawing. */
  countUnmap(w: WindowId): void { this.unmaps.set(w, (this.unmaps.get(w) ?? 0) + 1); }

  /** True (and consumed) when an UnmapNotify for `w` is the echo of Fion's own unmap. */
  consumeUnmap(w: WindowId): boolean {
    const n = this.unmaps.get(w) ?? 0;
    if (n === 0) return false;
    if (n === 1) this.unmaps.delete(w); else this.unmaps.set(w, n - 1);
    return true;
  }

  /**
   * `w` is no longer on screen as a client of Fion's (destroyed, withdrawn, moved off the
   * root). Unless `unmapsToo`, its unmaps still on their way stay counted: a withdrawn
   * window's UnmapNotify may come after its client mapped it again and Fion manages it anew,
   * and must not withdraw it then. A destroy or a reparent away clears them: no echo can
   * come any more, and the id may be reused.
   */
  forgetShown(w: WindowId, unmapsToo: boolean): void {
    this.shown.delete(w);
    if (unmapsToo) this.unmaps.delete(w);
    if (this.focused === w) this.focused = undefined;
  }

  /** Stop managing `w`; false when it was not managed. */
  release(w: WindowId): boolean {
    if (!this.clients.delete(w)) return false;
    this.published.delete(w);
    this.icons.delete(w);
    this.clientsChanged = true;
    return true;
  }

  focusModel(w: WindowId): FocusModel {
    const c = this.clients.get(w);
    // ICCCM 4.1.7: input false + WM_TAKE_FOCUS is "globally active": only the message.
    return { input: c === undefined || c.input !== false, takeFocus: c !== undefined && c.protocols.has(this.takeFocusAtom) };
  }

  /** Managed clients, those still in `order` first in that order, then the rest as managed:
   *  after a restart _NET_CLIENT_LIST keeps the saved order, not the adoption order. */
  reorder(order: Iterable<WindowId>): void {
    const adopted = new Map(this.clients);
    this.clients.clear();
    for (const w of [...order, ...adopted.keys()]) {
      const state = adopted.get(w);
      if (state !== undefined && !this.clients.has(w)) this.clients.set(w, state);
    }
    this.clientsChanged = true;
  }
}
