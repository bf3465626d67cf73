// The screen's pixels as a user sees them: a root screenshot (xwd) cut to a rect by
// ImageMagick, as rows of "#RRGGBB".
import { execFile } from 'node:child_process';
import type { Geometry } from './observer.js';

export async function pixels(display: string, g: Geometry): Promise<string[][]> {
  const txt = await new Promise<string>((resolve, reject) => {
    execFile('sh', ['-c', `xwd -root -display ${display} | convert xwd:- -crop ${g.width}x${g.height}+${g.x}+${g.y} +repage txt:-`],
      { maxBuffer: 1 << 26 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
  const rows: string[][] = [];
  for (const line of txt.split('\n')) {
    const m = /^(\d+),(\d+):.*(#[0-9A-F]{6})/i.exec(line);
    if (m !== null) (rows[Number(m[2])] ??= [])[Number(m[1])] = m[3]!.toUpperCase();
  }
  return rows;
}

/** The colours found in a rect, each once, sorted. */
export async function colours(display: string, g: Geometry): Promise<string[]> {
  return [...new Set((await pixels(display, g)).flat())].sort();
}
