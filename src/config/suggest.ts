// "Did you mean": the known word nearest to a misspelt key or value.

/** ' (did you mean "x"?)' for a near miss, else ''. The first of equally near words wins. */
export function suggest(word: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  // Up to a third of the known word may differ ("hiden" is "hidden"); further off is no suggestion.
  const limit = Math.max(1, Math.floor((best?.length ?? 0) / 3));
  return best !== null && bestDistance <= limit ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}

/** Levenshtein distance; Infinity for words too long to be a misspelt key. */
export function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? Infinity;
}
