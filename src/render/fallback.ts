// Which face draws a character, pure but for what it is given: the configured faces in
// order, then faces found through fontconfig's coverage for characters none of them has
// (CJK, symbols). A lookup is asked lazily, only for such a character, one at a time and
// never waited for: until it answers the character is a box, then `onChange` asks for a
// redraw. Answers are kept, "nothing on this system has it" too.
import type { FontFile } from './fontconfig.js';

/** What the choice needs of a face: whether it has a code point. */
export interface Coverage { index(cp: number): number }

/** Lookups queued at most; characters beyond wait for a later draw to ask again. */
const MAX_QUEUED = 256;
/** Faces found this way at most (each a file kept open). */
const MAX_FOUND = 16;

export class FaceChoice<F extends Coverage> {
  readonly faces: F[];
  /** Per code point: the index in `faces`, or null when no face on the system has it. */
  private readonly known = new Map<number, number | null>();
  private readonly queue: number[] = [];
  private readonly queued = new Set<number>();
  private busy = false;
  private found = 0;
  /** A face arrived for characters drawn as boxes so far. */
  onChange: (() => void) | null = null;

  constructor(
    configured: readonly F[],
    private readonly find: (cp: number) => Promise<FontFile | null>,
    private readonly open: (file: FontFile) => F | null,
  ) {
    this.faces = [...configured];
  }

  /** The face for `cp` (its index in `faces`), or null while none is known to have it. */
  faceFor(cp: number): number | null {
    const k = this.known.get(cp);
    if (k !== undefined) return k;
    for (let i = 0; i < this.faces.length; i++) {
      if (this.faces[i]!.index(cp) !== 0) {
        this.remember(cp, i);
        return i;
      }
    }
    if (cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0)) this.ask(cp);
    return null;
  }

  /** Lookups not answered yet (tests, benchmarks). */
  get pending(): number { return this.queue.length + (this.busy ? 1 : 0); }

  private remember(cp: number, face: number | null): void {
    if (this.known.size >= 1 << 16) this.known.clear(); // bounded; what is cleared is asked again
    this.known.set(cp, face);
  }

  private ask(cp: number): void {
    if (this.queued.has(cp) || this.queue.length >= MAX_QUEUED) return;
    this.queued.add(cp);
    this.queue.push(cp);
    this.next();
  }

  private next(): void {
    if (this.busy) return;
    const cp = this.queue.shift();
    if (cp === undefined) return;
    this.busy = true;
    this.find(cp).then((file) => this.answer(cp, file), () => this.answer(cp, null));
  }

  private answer(cp: number, file: FontFile | null): void {
    this.busy = false;
    this.queued.delete(cp);
    let face: number | null = null;
    let added = false;
    // A face already open may be what fontconfig named (another character brought it).
    const same = file === null ? -1 : this.faces.findIndex((f) => sameFile(f, file));
    if (same >= 0 && this.faces[same]!.index(cp) !== 0) face = same;
    else if (file !== null && same < 0 && this.found < MAX_FOUND) {
      const f = this.open(file);
      if (f !== null && f.index(cp) !== 0) {
        this.faces.push(f);
        this.found++;
        face = this.faces.length - 1;
        added = true;
      }
    }
    this.remember(cp, face);
    // Characters still queued that the new face has need no lookup of their own.
    if (added) {
      for (const q of [...this.queue]) {
        if (this.faces[face!]!.index(q) !== 0) {
          this.remember(q, face);
          this.queue.splice(this.queue.indexOf(q), 1);
          this.queued.delete(q);
        }
      }
    }
    if (face !== null) this.onChange?.();
    this.next();
  }
}

const sameFile = (f: Coverage, file: FontFile): boolean => {
  const own = (f as Partial<{ file: FontFile }>).file;
  return own !== undefined && own.file === file.file && own.index === file.index;
};
