// The painter against a recording connection: whatever GC changes it leaves out, every
// fill and every text is drawn with the colours and font its cell asks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Painter, type Cell, type Font } from '../../src/render/paint.js';
import type { XConnection, Screen } from '../../src/x/connection.js';
import type { WindowId } from '../../src/x/types.js';

type Draw = { op: 'fill' | 'text'; fg: number | undefined; bg: number | undefined; font: number | undefined; text?: string };

/** A connection that keeps each GC's values as the server would, and records every drawing
 *  with the values in force. */
function recorder(): { x: XConnection; draws: Draw[]; changes: () => number } {
  const gcs = new Map<number, Record<string, number>>();
  const draws: Draw[] = [];
  let next = 100;
  let changes = 0;
  const at = (gc: number, op: Draw['op'], text?: string): void => {
    const v = gcs.get(gc)!;
    draws.push({ op, fg: v['foreground'], bg: v['background'], font: v['font'], ...(text === undefined ? {} : { text }) });
  };
  const x = {
    createGC: (_d: number, values: Record<string, number>) => { gcs.set(++next, { ...values }); return next; },
    changeGC: (gc: number, values: Record<string, number>) => { changes++; Object.assign(gcs.get(gc)!, values); },
    createPixmap: () => ++next,
    freePixmap: () => {},
    copyArea: () => {},
    fillRect: (_d: number, gc: number) => at(gc, 'fill'),
    imageText16: (_d: number, gc: number, _x: number, _y: number, text: string) => at(gc, 'text', text),
  };
  return { x: x as unknown as XConnection, draws, changes: () => changes };
}

const screen = { index: 0, root: 1, depth: 24 } as unknown as Screen;
const font: Font = { id: 7, metrics: { ascent: 10, descent: 3, charWidth: 7 } };

test('property: cells are filled and written in their own colours, however few GC changes are sent', () => {
  const colour = fc.constantFrom(0x111111, 0x222222, 0x333333);
  const cell = fc.record({ text: fc.string({ maxLength: 4 }), fg: colour, bg: colour, separator: fc.option(colour, { nil: undefined }), border: fc.option(colour, { nil: undefined }) });
  fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 3 }), (paints) => {
    const { x, draws } = recorder();
    const painter = new Painter(x, font);
    for (const specs of paints) {
      const cells: Cell[] = specs.map((c, i) => ({
        x: i * 40, width: 40, text: c.text, fg: c.fg, bg: c.bg,
        ...(c.separator === undefined ? {} : { separator: c.separator }), ...(c.border === undefined ? {} : { border: c.border }),
      }));
      draws.length = 0;
      painter.paint(screen, 5 as WindowId, 40 * cells.length + 1, 20, 0x444444, cells);
      assert.equal(draws[0]?.fg, 0x444444, 'the strip background');
      // Each cell: its background fill first, and every text in its colours and the font.
      let i = 1;
      for (const c of cells) {
        assert.equal(draws[i]?.op, 'fill');
        assert.equal(draws[i]?.fg, c.bg);
        i++;
        if (c.border !== undefined) for (let k = 0; k < 4; k++, i++) assert.equal(draws[i]?.fg, c.border);
        if (c.separator !== undefined) { assert.equal(draws[i]?.fg, c.separator); i++; }
        while (draws[i]?.op === 'text') {
          assert.deepEqual([draws[i]!.fg, draws[i]!.bg, draws[i]!.font], [c.fg, c.bg, font.id]);
          i++;
        }
      }
      assert.equal(i, draws.length);
    }
  }), { numRuns: 300 });
});

test('a strip of cells in one colour sets the GC once per colour, not once per cell', () => {
  const { x, changes } = recorder();
  const painter = new Painter(x, font);
  const cells: Cell[] = Array.from({ length: 50 }, (_, i) => ({ x: i * 2, width: 2, text: '', fg: 0x111111, bg: 0x222222 }));
  painter.paint(screen, 5 as WindowId, 100, 20, 0x222222, cells);
  assert.equal(changes(), 1);
});
