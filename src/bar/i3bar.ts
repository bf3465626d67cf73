// The i3bar protocol, read incrementally: a JSON header line, then an endless
// JSON array of block arrays. Output that does not start with a header is plain
// text, one status per line (what `i3status -c` with output_format none or a
// shell loop prints). Pure and tolerant: garbage becomes an error update, never
// an exception, and the parser finds its feet again at the next line.

export interface StatusBlock {
  readonly fullText: string;
  readonly shortText?: string;
  /** 0xRRGGBB, when the block gave a valid colour. */
  readonly color?: number;
  readonly background?: number;
  readonly border?: number;
  /** Draw a separator after the block (default true). */
  readonly separator: boolean;
  /** Pixels after the block (default 9, as i3bar). */
  readonly separatorBlockWidth: number;
  /** A minimum width: pixels, or a text whose width is the minimum. */
  readonly minWidth?: number | string;
  readonly align: 'left' | 'center' | 'right';
  readonly urgent: boolean;
  readonly name?: string;
  readonly instance?: string;
}

export interface StatusHeader {
  readonly version: number;
  readonly clickEvents: boolean;
}

export type StatusUpdate =
  | { readonly kind: 'header'; readonly header: StatusHeader }
  | { readonly kind: 'blocks'; readonly blocks: readonly StatusBlock[] }
  | { readonly kind: 'error'; readonly message: string };

/** Longest single value (header line, block array, plain line) kept; longer ones are dropped. */
export const MAX_VALUE = 256 * 1024;

/** A "#rrggbb" or "#rrggbbaa" colour as 0xRRGGBB; undefined for anything else. */
export function parseColor(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?$/.exec(v.trim());
  if (m === null) {
    const s = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(v.trim());
    if (s === null) return undefined;
    return parseInt(`${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`, 16);
  }
  return parseInt(m[1]!, 16);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** One block of the protocol as Fion keeps it; null when it has no full_text. */
export function toBlock(v: unknown): StatusBlock | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const fullText = str(o.full_text);
  if (fullText === undefined) return null;
  const shortText = str(o.short_text);
  const color = parseColor(o.color);
  const background = parseColor(o.background);
  const border = parseColor(o.border);
  const minWidth = typeof o.min_width === 'number' && Number.isFinite(o.min_width) ? Math.max(0, Math.min(10000, o.min_width))
    : typeof o.min_width === 'string' ? o.min_width : undefined;
  const sbw = o.separator_block_width;
  const name = str(o.name);
  const instance = str(o.instance);
  return {
    fullText,
    ...(shortText === undefined ? {} : { shortText }),
    ...(color === undefined ? {} : { color }),
    ...(background === undefined ? {} : { background }),
    ...(border === undefined ? {} : { border }),
    separator: o.separator !== false,
    separatorBlockWidth: typeof sbw === 'number' && Number.isFinite(sbw) ? Math.max(0, Math.min(1000, Math.round(sbw))) : 9,
    ...(minWidth === undefined ? {} : { minWidth }),
    align: o.align === 'center' || o.align === 'right' ? o.align : 'left',
    urgent: o.urgent === true,
    ...(name === undefined ? {} : { name }),
    ...(instance === undefined ? {} : { instance }),
  };
}

const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t';

export class I3barParser {
  private mode: 'start' | 'plain' | 'body' = 'start';
  /** Text of the current line (start, plain) or the current block array (body). */
  private buf = '';
  /** Body: 0 outside the endless array, 1 inside it, 2+ inside a block array. */
  private depth = 0;
  private inString = false;
  private escape = false;
  /** Body: skipping the rest of a bad line. */
  private skipping = false;
  private tooLong = false;

  get protocol(): 'unknown' | 'plain' | 'i3bar' {
    return this.mode === 'start' ? 'unknown' : this.mode === 'plain' ? 'plain' : 'i3bar';
  }

  /** Feed any piece of the stream; returns what it completed, in order. */
  feed(chunk: string): StatusUpdate[] {
    const out: StatusUpdate[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.mode === 'body') {
        i = this.body(chunk, i, out);
        continue;
      }
      const nl = chunk.indexOf('\n', i);
      const piece = nl < 0 ? chunk.slice(i) : chunk.slice(i, nl);
      i = nl < 0 ? chunk.length : nl + 1;
      if (!this.tooLong) {
        this.buf += piece;
        if (this.buf.length > MAX_VALUE) {
          this.tooLong = true;
          this.buf = '';
        }
      }
      if (nl < 0) break;
      const line = this.buf;
      this.buf = '';
      if (this.tooLong) {
        this.tooLong = false;
        out.push({ kind: 'error', message: `status line longer than ${MAX_VALUE} bytes dropped` });
        continue;
      }
      this.line(line.replace(/\r$/, ''), out);
    }
    return out;
  }

  private line(line: string, out: StatusUpdate[]): void {
    if (this.mode === 'start') {
      if (line.trim() === '') return;
      const header = parseHeader(line);
      if (header !== null) {
        this.mode = 'body';
        out.push({ kind: 'header', header });
        return;
      }
      this.mode = 'plain';
    }
    out.push({ kind: 'blocks', blocks: line === '' ? [] : [plainBlock(line)] });
  }

  /** Scans the endless array from `i`; returns where it stopped. */
  private body(s: string, i: number, out: StatusUpdate[]): number {
    for (; i < s.length; i++) {
      const c = s[i]!;
      if (this.skipping) {
        if (c === '\n') this.skipping = false;
        continue;
      }
      if (this.depth <= 1) {
        if (isSpace(c) || c === ',') continue;
        if (c === '[') {
          if (this.depth === 0) { this.depth = 1; continue; }
          this.depth = 2;
          this.buf = '[';
          this.inString = false;
          this.escape = false;
          continue;
        }
        if (c === ']' && this.depth === 1) { this.depth = 0; continue; } // the endless array ended; a new one may start
        out.push({ kind: 'error', message: `status: unexpected ${JSON.stringify(c)} between block arrays` });
        this.skipping = c !== '\n';
        continue;
      }
      // Inside a block array: find its end, minding strings.
      const start = i;
      for (; i < s.length; i++) {
        const d = s[i]!;
        if (this.inString) {
          if (this.escape) this.escape = false;
          else if (d === '\\') this.escape = true;
          else if (d === '"') this.inString = false;
          continue;
        }
        if (d === '"') this.inString = true;
        else if (d === '[' || d === '{') this.depth++;
        else if (d === ']' || d === '}') {
          this.depth--;
          if (this.depth === 1) break;
        }
      }
      const end = Math.min(i + 1, s.length);
      if (this.buf.length + (end - start) > MAX_VALUE) {
        out.push({ kind: 'error', message: `status: block array longer than ${MAX_VALUE} bytes dropped` });
        this.reset(true);
        // Resume after the next newline in what is left.
        continue;
      }
      this.buf += s.slice(start, end);
      if (this.depth === 1) {
        out.push(parseBlocks(this.buf));
        this.buf = '';
      }
    }
    return i;
  }

  private reset(skip: boolean): void {
    this.buf = '';
    this.depth = 1;
    this.inString = false;
    this.escape = false;
    this.skipping = skip;
  }
}

function parseHeader(line: string): StatusHeader | null {
  const t = line.trim();
  if (!t.startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(t);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    const o = v as Record<string, unknown>;
    if (typeof o.version !== 'number') return null;
    return { version: o.version, clickEvents: o.click_events === true };
  } catch {
    return null;
  }
}

function parseBlocks(text: string): StatusUpdate {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { kind: 'error', message: `status: bad JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!Array.isArray(v)) return { kind: 'error', message: 'status: expected an array of blocks' };
  const blocks: StatusBlock[] = [];
  for (const b of v) {
    const block = toBlock(b);
    if (block !== null) blocks.push(block);
  }
  return { kind: 'blocks', blocks };
}

function plainBlock(line: string): StatusBlock {
  return { fullText: line, separator: true, separatorBlockWidth: 9, align: 'left', urgent: false };
}

/** A click on a block, as the i3bar protocol sends it to the status command's stdin. */
export function clickEvent(b: StatusBlock, button: number, x: number, y: number, relX: number, relY: number, width: number, height: number): string {
  return JSON.stringify({
    ...(b.name === undefined ? {} : { name: b.name }),
    ...(b.instance === undefined ? {} : { instance: b.instance }),
    button, modifiers: [], x, y, relative_x: relX, relative_y: relY, output_x: relX, output_y: relY, width, height,
  });
}
