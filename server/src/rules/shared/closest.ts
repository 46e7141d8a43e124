/** "Did you mean": the candidate nearest by edit distance, when one is clearly nearest. */

/** Levenshtein distance, case-insensitive, with an early exit once `limit` is exceeded. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  // Two rows, reused between calls: "did you mean" compares a name with every service prefix or action name.
  if (previousRow.length < t.length + 1) {
    previousRow = new Int32Array(t.length + 1);
    currentRow = new Int32Array(t.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= t.length; j++) previous[j] = j;
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowMin = i;
    const c = s.charCodeAt(i - 1);
    for (let j = 1; j <= t.length; j++) {
      const cost = c === t.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[t.length]!;
}

let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * The closest candidate within a distance that scales with the name's length (a third of it, at least 1, at most 4),
 * and only when no other candidate is as close: an ambiguous guess is worse than none.
 */
export function findClosest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(4, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && candidate.toLowerCase() !== best?.toLowerCase()) {
      tie = true;
    }
  }
  return bestDistance <= limit && !tie ? best : undefined;
}

/**
 * True when the correction is the same word written another way (case, surrounding spaces): a fix with one reading.
 * Any other "did you mean" is a guess among readings, offered as a suggestion so fix-all never picks one.
 */
export function respellsOnly(written: string, correction: string): boolean {
  return written.trim().toLowerCase() === correction.toLowerCase();
}
