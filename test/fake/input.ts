// The fake server's input side: the keyboard focus (with the focus events a
// change sends), the pointer's position, keyboard grabs, passive key and
// button grabs, and where a key press or a click is delivered.
import { focusEvents, type FocusTarget, type FocusTree } from './focus.js';
import { Tree, type ClientId, type ScreenOptions, type Win } from './tree.js';
import { ProtocolError } from './props.js';
import {
  AnyButton, AnyKey, AnyModifier, ErrorCode, EventMask, FocusMode, GrabMode, GrabStatus, ModMask, None, PointerRoot, RevertTo,
} from '../../src/x/protocol.js';
import type { WindowId } from '../../src/x/types.js';
import { MAX_KEYCODE, MIN_KEYCODE } from './keymap.js';

interface KeyGrab { readonly client: ClientId; readonly modifiers: number; readonly keycode: number }
interface ButtonGrab { readonly client: ClientId; readonly modifiers: number; readonly button: number; readonly pointerMode: number; readonly eventMask: number }
interface PointerEvent { readonly button: number; readonly state: number; readonly source: Win }

const isWindow = (t: FocusTarget): boolean => t !== None && t !== PointerRoot;
const matches = (grabbed: number, any: number, actual: number): boolean => grabbed === any || grabbed === actual;

export class Input extends Tree {
  /** None (0), PointerRoot (1) or a window: where a real Xvfb starts, PointerRoot. */
  protected focusTarget: FocusTarget = PointerRoot;
  protected revertTo: number = RevertTo.None;
  protected keyboardGrab: { readonly client: ClientId; readonly window: Win } | null = null;
  protected readonly keyGrabs = new Map<number, KeyGrab[]>();
  protected readonly buttonGrabs = new Map<number, ButtonGrab[]>();
  /** The pointer, in its screen's root coordinates (Xvfb starts it in the middle). */
  protected pointer: { screen: number; x: number; y: number };
  /** A click a synchronous button grab holds until its client allows it on (ReplayPointer). */
  protected frozen: { readonly client: ClientId; readonly grab: Win; readonly press: PointerEvent } | null = null;
  private readonly heldClicks: (() => void)[] = [];
  /** The active pointer grab (GrabPointer), if any. */
  protected pointerGrab: { readonly client: ClientId; readonly window: Win } | null = null;

  constructor(screens: readonly ScreenOptions[]) {
    super(screens);
    const s = this.screens[0]!;
    this.pointer = { screen: 0, x: Math.floor(s.width / 2), y: Math.floor(s.height / 2) };
  }

  /** The deepest viewable window under the pointer. */
  protected pointerWindow(): Win {
    let w = this.roots[this.pointer.screen]!;
    let ox = 0;
    let oy = 0;
    for (;;) {
      const hit = [...w.children].reverse().find((c) => {
        const x = ox + c.x;
        const y = oy + c.y;
        return c.mapped && this.pointer.x >= x && this.pointer.x < x + c.width + 2 * c.borderWidth &&
          this.pointer.y >= y && this.pointer.y < y + c.height + 2 * c.borderWidth;
      });
      if (hit === undefined) return w;
      ox += hit.x + hit.borderWidth;
      oy += hit.y + hit.borderWidth;
      w = hit;
    }
  }

  private get focusTree(): FocusTree {
    return {
      parent: (w) => (this.windows.get(w)?.parent?.id ?? null),
      roots: this.roots.map((r) => r.id),
      pointerWindow: () => this.pointerWindow().id,
    };
  }

  protected focusMoved(from: FocusTarget, to: FocusTarget, mode: number): void {
    for (const ev of focusEvents(this.focusTree, from, to, mode)) {
      const w = this.windows.get(ev.window);
      if (w !== undefined) this.toSelectors(w, EventMask.FocusChange, ev);
    }
  }

  private get focusMode(): number { return this.keyboardGrab === null ? FocusMode.Normal : FocusMode.WhileGrabbed; }

  protected setFocus(_actor: ClientId, target: FocusTarget, revertTo: number): void {
    if (revertTo !== RevertTo.None && revertTo !== RevertTo.PointerRoot && revertTo !== RevertTo.Parent) {
      throw new ProtocolError(ErrorCode.BadValue, revertTo);
    }
    if (isWindow(target) && !this.viewable(this.win(target))) throw new ProtocolError(ErrorCode.BadMatch, target);
    const from = this.focusTarget;
    this.focusTarget = target;
    this.revertTo = revertTo;
    this.focusMoved(from, target, this.focusMode);
  }

  protected grabKbd(actor: ClientId, w: Win): number {
    const g = this.keyboardGrab;
    if (g !== null && g.client !== actor) return GrabStatus.AlreadyGrabbed;
    if (!this.viewable(w)) return GrabStatus.NotViewable;
    if (g?.window === w) return GrabStatus.Success;
    this.keyboardGrab = { client: actor, window: w };
    this.focusMoved(g?.window.id ?? this.focusTarget, w.id, FocusMode.Grab);
    return GrabStatus.Success;
  }

  protected ungrabKbd(actor: ClientId): void {
    const g = this.keyboardGrab;
    if (g === null || g.client !== actor) return;
    this.keyboardGrab = null;
    this.focusMoved(g.window.id, this.focusTarget, FocusMode.Ungrab);
  }

  protected grabKeyOn(actor: ClientId, w: Win, modifiers: number, keycode: number): void {
    if (keycode !== AnyKey && (keycode < MIN_KEYCODE || keycode > MAX_KEYCODE)) throw new ProtocolError(ErrorCode.BadValue, keycode);
    const list = this.keyGrabs.get(w.id) ?? [];
    const overlap = (g: KeyGrab): boolean => (g.keycode === AnyKey || keycode === AnyKey || g.keycode === keycode) &&
      (g.modifiers === AnyModifier || modifiers === AnyModifier || g.modifiers === modifiers);
    if (list.some((g) => g.client !== actor && overlap(g))) throw new ProtocolError(ErrorCode.BadAccess, w.id);
    const kept = list.filter((g) => !(g.client === actor && g.keycode === keycode && g.modifiers === modifiers));
    this.keyGrabs.set(w.id, [...kept, { client: actor, modifiers, keycode }]);
  }

  protected ungrabKeyOn(actor: ClientId, w: Win, keycode: number, modifiers: number): void {
    const gone = (g: KeyGrab): boolean => g.client === actor && matches(keycode, AnyKey, g.keycode) && matches(modifiers, AnyModifier, g.modifiers);
    this.keyGrabs.set(w.id, (this.keyGrabs.get(w.id) ?? []).filter((g) => !gone(g)));
  }

  protected grabButtonOn(actor: ClientId, w: Win, g: Omit<ButtonGrab, 'client'>): void {
    const list = this.buttonGrabs.get(w.id) ?? [];
    const overlap = (o: ButtonGrab): boolean => (o.button === AnyButton || g.button === AnyButton || o.button === g.button) &&
      (o.modifiers === AnyModifier || g.modifiers === AnyModifier || o.modifiers === g.modifiers);
    if (list.some((o) => o.client !== actor && overlap(o))) throw new ProtocolError(ErrorCode.BadAccess, w.id);
    const kept = list.filter((o) => !(o.client === actor && o.button === g.button && o.modifiers === g.modifiers));
    this.buttonGrabs.set(w.id, [...kept, { client: actor, ...g }]);
  }

  protected ungrabButtonOn(actor: ClientId, w: Win, button: number, modifiers: number): void {
    const gone = (g: ButtonGrab): boolean => g.client === actor && matches(button, AnyButton, g.button) && matches(modifiers, AnyModifier, g.modifiers);
    this.buttonGrabs.set(w.id, (this.buttonGrabs.get(w.id) ?? []).filter((g) => !gone(g)));
  }

  /** ReplayPointer: the held click goes on as if the grab had not been there, then the next held one. */
  protected replay(actor: ClientId): void {
    const f = this.frozen;
    if (f === null || f.client !== actor) return;
    this.frozen = null;
    this.deliverButton(f.press.source, f.press, 'ButtonPress');
    this.deliverButton(f.press.source, f.press, 'ButtonRelease');
    while (this.frozen === null && this.heldClicks.length > 0) this.heldClicks.shift()!();
  }

  /** AllowEvents AsyncPointer: the held click is the grabbing client's; nothing is replayed. */
  protected thaw(actor: ClientId): void {
    if (this.frozen === null || this.frozen.client !== actor) return;
    this.frozen = null;
    while (this.frozen === null && this.heldClicks.length > 0) this.heldClicks.shift()!();
  }

  protected grabPtr(actor: ClientId, w: Win): number {
    const g = this.pointerGrab;
    if (g !== null && g.client !== actor) return GrabStatus.AlreadyGrabbed;
    if (!this.viewable(w)) return GrabStatus.NotViewable;
    this.pointerGrab = { client: actor, window: w };
    return GrabStatus.Success;
  }

  protected ungrabPtr(actor: ClientId): void {
    if (this.pointerGrab?.client === actor) this.pointerGrab = null;
  }

  /** The chain of windows from the root down to `w`. */
  private topDown(w: Win): Win[] {
    const out: Win[] = [];
    for (let v: Win | null = w; v !== null; v = v.parent) out.unshift(v);
    return out;
  }

  /** The child of `w` on the way to the pointer window, or None. */
  private childTowardPointer(w: Win): WindowId {
    const path = this.topDown(this.pointerWindow());
    const i = path.indexOf(w);
    return (i >= 0 ? path[i + 1]?.id ?? None : None) as WindowId;
  }

  private keyEvent(kind: 'KeyPress' | 'KeyRelease', w: Win, keycode: number, state: number): void {
    const ev = { kind, keycode, state, time: this.now(), root: this.roots[w.screen]!.id, window: w.id, child: this.childTowardPointer(w) };
    return this.grabbedOrSelected(w, kind === 'KeyPress' ? EventMask.KeyPress : EventMask.KeyRelease, ev);
  }

  private grabbedOrSelected(w: Win, bit: number, ev: Parameters<Tree['deliver']>[1]): void {
    const g = this.keyboardGrab;
    if (g !== null && g.window === w) this.deliver(g.client, ev);
    else this.toSelectors(w, bit, ev);
  }

  /** A key pressed and released with `state` held: to the keyboard grab, a passive grab, or the focus. */
  protected pressAndRelease(keycode: number, state: number): void {
    const g = this.keyboardGrab;
    if (g !== null) {
      this.keyEvent('KeyPress', g.window, keycode, state);
      this.keyEvent('KeyRelease', g.window, keycode, state);
      return;
    }
    if (this.focusTarget === None) return;
    const pointer = this.pointerWindow();
    const focus = isWindow(this.focusTarget) ? this.win(this.focusTarget) : this.roots[this.pointer.screen]!;
    const source = pointer === focus || this.isInferior(pointer, focus) ? pointer : focus;
    for (const w of this.topDown(source)) {
      const grab = (this.keyGrabs.get(w.id) ?? []).find((k) => matches(k.keycode, AnyKey, keycode) && matches(k.modifiers, AnyModifier, state & 0xff));
      if (grab === undefined) continue;
      // Activated by the press, released with the key.
      this.keyboardGrab = { client: grab.client, window: w };
      this.focusMoved(this.focusTarget, w.id, FocusMode.Grab);
      this.keyEvent('KeyPress', w, keycode, state);
      this.keyEvent('KeyRelease', w, keycode, state);
      this.ungrabKbd(grab.client);
      return;
    }
    for (const kind of ['KeyPress', 'KeyRelease'] as const) {
      const bit = kind === 'KeyPress' ? EventMask.KeyPress : EventMask.KeyRelease;
      for (let w: Win | null = source; w !== null; w = w === focus ? null : w.parent) {
        if (![...w.masks.values()].some((m) => m & bit)) continue;
        this.keyEvent(kind, w, keycode, state);
        break;
      }
    }
  }

  /** To the first window from `source` up that selected it. */
  private deliverButton(source: Win, p: PointerEvent, kind: 'ButtonPress' | 'ButtonRelease'): void {
    const bit = kind === 'ButtonPress' ? EventMask.ButtonPress : EventMask.ButtonRelease;
    for (let w: Win | null = source; w !== null; w = w.parent) {
      if (![...w.masks.values()].some((m) => m & bit)) continue;
      this.toSelectors(w, bit, this.buttonEvent(kind, w, p));
      return;
    }
  }

  private buttonEvent(kind: 'ButtonPress' | 'ButtonRelease', w: Win, p: PointerEvent): Parameters<Tree['deliver']>[1] {
    const o = this.origin(w);
    const state = kind === 'ButtonRelease' ? p.state | (ModMask.Button1 << (p.button - 1)) : p.state;
    return {
      kind, button: p.button, state, time: this.now(), root: this.roots[w.screen]!.id, window: w.id, child: this.childTowardPointer(w),
      x: this.pointer.x - o.x, y: this.pointer.y - o.y, rootX: this.pointer.x, rootY: this.pointer.y,
    };
  }

  /** A click where the pointer is: to a passive grab (held while it is synchronous), else to the window that selected it. */
  protected clickHere(button: number, state: number): void {
    if (this.frozen !== null) {
      this.heldClicks.push(() => this.clickHere(button, state));
      return;
    }
    const source = this.pointerWindow();
    const press: PointerEvent = { button, state, source };
    for (const w of this.topDown(source)) {
      const g = (this.buttonGrabs.get(w.id) ?? []).find((b) => matches(b.button, AnyButton, button) && matches(b.modifiers, AnyModifier, state & 0xff));
      if (g === undefined) continue;
      this.deliver(g.client, this.buttonEvent('ButtonPress', w, press));
      if (g.pointerMode === GrabMode.Sync) this.frozen = { client: g.client, grab: w, press };
      else if (g.eventMask & EventMask.ButtonRelease) this.deliver(g.client, this.buttonEvent('ButtonRelease', w, press));
      return;
    }
    this.deliverButton(source, press, 'ButtonPress');
    this.deliverButton(source, press, 'ButtonRelease');
  }

  protected override unrealized(wins: readonly Win[]): void {
    const gone = new Set(wins);
    if (this.keyboardGrab !== null && gone.has(this.keyboardGrab.window)) this.ungrabKbd(this.keyboardGrab.client);
    if (this.frozen !== null && gone.has(this.frozen.grab)) this.frozen = null;
    const focus = this.windows.get(this.focusTarget);
    if (!isWindow(this.focusTarget) || focus === undefined || !gone.has(focus)) return;
    let to: FocusTarget = this.revertTo === RevertTo.PointerRoot ? PointerRoot : None;
    if (this.revertTo === RevertTo.Parent) {
      let p = focus.parent!;
      while (!this.viewable(p)) p = p.parent!;
      to = p.id;
      this.revertTo = RevertTo.None;
    }
    this.focusTarget = to;
    this.focusMoved(focus.id, to, this.focusMode);
  }

  protected override destroyed(w: Win): void {
    this.keyGrabs.delete(w.id);
    this.buttonGrabs.delete(w.id);
  }

  protected override closeDown(client: ClientId): void {
    if (this.keyboardGrab?.client === client) this.ungrabKbd(client);
    if (this.frozen?.client === client) this.frozen = null;
    if (this.pointerGrab?.client === client) this.pointerGrab = null;
    super.closeDown(client);
    for (const [w, list] of this.keyGrabs) this.keyGrabs.set(w, list.filter((g) => g.client !== client));
    for (const [w, list] of this.buttonGrabs) this.buttonGrabs.set(w, list.filter((g) => g.client !== client));
  }
}
