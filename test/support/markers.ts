/**
 * Inline-document markers: `|` is the cursor, `[|...|]` an expected range. Both are stripped from the text.
 * Throws on a malformed fixture so a typo in a test fails loudly instead of testing nothing.
 */
import type { Span } from '../../server/src/policy/model';

export function cursor(source: string, marker = '|'): { text: string; offset: number } {
  const offset = source.indexOf(marker);
  if (offset < 0) throw new Error(`no cursor marker "${marker}" in: ${source}`);
  if (source.indexOf(marker, offset + 1) >= 0) throw new Error(`more than one cursor marker "${marker}" in: ${source}`);
  return { text: source.slice(0, offset) + source.slice(offset + marker.length), offset };
}

export function ranges(source: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = '';
  let rest = source;
  for (;;) {
    const open = rest.indexOf('[|');
    if (open < 0) break;
    const close = rest.indexOf('|]', open + 2);
    if (close < 0) throw new Error(`unclosed range marker in: ${source}`);
    text += rest.slice(0, open);
    const inner = rest.slice(open + 2, close);
    if (inner.includes('[|')) throw new Error(`nested range markers in: ${source}`);
    spans.push({ offset: text.length, length: inner.length });
    text += inner;
    rest = rest.slice(close + 2);
  }
  if (rest.includes('|]')) throw new Error(`stray "|]" in: ${source}`);
  return { text: text + rest, spans };
}
