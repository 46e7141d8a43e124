/**
 * IAM wildcard matching: `*` matches any run of characters (also none), `?` exactly one. Everything else is literal.
 *
 * No regular expression is built from user text. The pattern is split on `*` into segments; the first segment is
 * anchored at the start, the last at the end, and each middle segment is found at its leftmost position after the
 * previous one. Leftmost placement is always safe because the `*` that follows can absorb whatever a later placement
 * would have skipped, so there is never any backtracking across segments: the worst case is O(n·m) character steps
 * (text length × pattern length), typically linear.
 */

export interface GlobOptions {
  /** Compare ASCII letters without regard to case (IAM action names and condition keys are ASCII). */
  readonly ignoreCase?: boolean;
}

export function matchGlob(pattern: string, text: string, options: GlobOptions = {}): boolean {
  return compileGlob(pattern, options)(text);
}

/** The pattern split once, for matching many texts (e.g. every action name of every service). */
export function compileGlob(pattern: string, options: GlobOptions = {}): (text: string) => boolean {
  const ignoreCase = options.ignoreCase ?? false;
  const segments = pattern.split('*');
  if (segments.length === 1) {
    return (text) => pattern.length === text.length && segmentMatchesAt(pattern, text, 0, ignoreCase);
  }
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((segment) => segment.length > 0);
  return (text) => {
    if (first.length + last.length > text.length) return false;
    if (!segmentMatchesAt(first, text, 0, ignoreCase)) return false;
    if (!segmentMatchesAt(last, text, text.length - last.length, ignoreCase)) return false;
    // Middle segments must fit, in order, between the anchored ends.
    let position = first.length;
    const end = text.length - last.length;
    for (const segment of middle) {
      const found = findSegment(segment, text, position, end, ignoreCase);
      if (found < 0) return false;
      position = found + segment.length;
    }
    return true;
  };
}

/** True when the pattern contains a wildcard character. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Leftmost index in [from, end - segment.length] where the segment matches, or -1. */
function findSegment(segment: string, text: string, from: number, end: number, ignoreCase: boolean): number {
  for (let start = from; start + segment.length <= end; start++) {
    if (segmentMatchesAt(segment, text, start, ignoreCase)) return start;
  }
  return -1;
}

/** A `*`-free segment (literals and `?`) against the text at a fixed offset. */
function segmentMatchesAt(segment: string, text: string, offset: number, ignoreCase: boolean): boolean {
  for (let i = 0; i < segment.length; i++) {
    const p = segment.charCodeAt(i);
    if (p === QUESTION) continue;
    const t = text.charCodeAt(offset + i);
    if (p !== t && !(ignoreCase && foldAscii(p) === foldAscii(t))) return false;
  }
  return true;
}

const QUESTION = 0x3f;

function foldAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}
