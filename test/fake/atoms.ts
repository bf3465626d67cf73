// The fake server's atom table: the 68 predefined atoms at their protocol
// numbers (WM_NAME is 39, STRING 31, ...: Fion's decoders and clients rely on
// them), then every interned name in order, from where a real server's own
// start-up interning leaves off.
import type { Atom } from '../../src/x/types.js';

const PREDEFINED = `
PRIMARY SECONDARY ARC ATOM BITMAP CARDINAL COLORMAP CURSOR CUT_BUFFER0 CUT_BUFFER1 CUT_BUFFER2 CUT_BUFFER3
CUT_BUFFER4 CUT_BUFFER5 CUT_BUFFER6 CUT_BUFFER7 DRAWABLE FONT INTEGER PIXMAP POINT RECTANGLE RESOURCE_MANAGER
RGB_COLOR_MAP RGB_BEST_MAP RGB_BLUE_MAP RGB_DEFAULT_MAP RGB_GRAY_MAP RGB_GREEN_MAP RGB_RED_MAP STRING
VISUALID WINDOW WM_COMMAND WM_HINTS WM_CLIENT_MACHINE WM_ICON_NAME WM_ICON_SIZE WM_NAME WM_NORMAL_HINTS
WM_SIZE_HINTS WM_ZOOM_HINTS MIN_SPACE NORM_SPACE MAX_SPACE END_SPACE SUPERSCRIPT_X SUPERSCRIPT_Y SUBSCRIPT_X
SUBSCRIPT_Y UNDERLINE_POSITION UNDERLINE_THICKNESS STRIKEOUT_ASCENT STRIKEOUT_DESCENT ITALIC_ANGLE X_HEIGHT
QUAD_WIDTH WEIGHT POINT_SIZE RESOLUTION COPYRIGHT NOTICE FONT_NAME FAMILY_NAME FULL_NAME CAP_HEIGHT WM_CLASS
WM_TRANSIENT_FOR`.trim().split(/\s+/);

/** The number of the last predefined atom (WM_TRANSIENT_FOR). */
export const LAST_PREDEFINED = PREDEFINED.length;

export class AtomTable {
  private readonly byName = new Map<string, Atom>();
  private readonly names = new Map<Atom, string>();
  /** Xvfb has interned a few hundred names of its own before any client connects. */
  private next = 300;

  constructor() {
    PREDEFINED.forEach((n, i) => this.add(n, (i + 1) as Atom));
  }

  private add(name: string, atom: Atom): Atom {
    this.byName.set(name, atom);
    this.names.set(atom, name);
    return atom;
  }

  /** InternAtom: the atom of `name`, created unless `onlyIfExists` (then None when absent). */
  intern(name: string, onlyIfExists = false): Atom {
    const a = this.byName.get(name);
    if (a !== undefined) return a;
    return onlyIfExists ? (0 as Atom) : this.add(name, this.next++ as Atom);
  }

  /** The atom of `name` (interned if new): for tests, which know their names. */
  get(name: string): Atom { return this.intern(name); }

  name(atom: number): string | undefined { return this.names.get(atom as Atom); }
  exists(atom: number): boolean { return this.names.has(atom as Atom); }
}
