// How window rules and saved layouts name a window's class, instance or title:
// exact text, or /regex/ (a bad regex never matches). Imports nothing.

/** Whether `value` fits `pattern`; no pattern fits everything. */
export function textMatches(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined) return true;
  const re = /^\/(.*)\/$/s.exec(pattern);
  if (re === null) return pattern === value;
  try {
    return new RegExp(re[1] ?? '').test(value);
  } catch {
    return false;
  }
}
