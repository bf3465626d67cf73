// Reading a whole file that Fion did not necessarily write (a config, a saved
// layout, a restart's state) with a size cap: a wrong path pointing at a huge
// file, a device or a directory must cost a message, never a stalled start or
// a process out of memory. Never throws.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type FileRead =
  | { readonly kind: 'text'; readonly text: string }
  /** No such file (ENOENT); message is the system's. */
  | { readonly kind: 'missing'; readonly message: string }
  /** The file is there but not read: not a regular file, over the cap, or it grew while read. */
  | { readonly kind: 'refused'; readonly reason: 'not-a-file' | 'too-large' | 'grew'; readonly message: string }
  /** Any other system error; code is its errno name ("EACCES") when it has one. */
  | { readonly kind: 'failed'; readonly code: string | undefined; readonly message: string };

/** The file at `path` as UTF-8 text, if it is a regular file of at most maxBytes bytes. */
export function readFileCapped(path: string, maxBytes: number): FileRead {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) return { kind: 'refused', reason: 'not-a-file', message: 'not a regular file' };
    if (st.size > maxBytes) return { kind: 'refused', reason: 'too-large', message: `larger than ${maxBytes} bytes` };
    // One byte more than allowed: reading it means the file grew past what fstat said.
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
      if (length >= buf.length) return { kind: 'refused', reason: 'grew', message: 'file grew while being read' };
    }
    return { kind: 'text', text: buf.subarray(0, length).toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = e instanceof Error ? e.message : String(e);
    return code === 'ENOENT' ? { kind: 'missing', message } : { kind: 'failed', code, message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
