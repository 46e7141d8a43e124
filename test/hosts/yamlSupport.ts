/** Helpers shared by the YAML host tests: a HostValue as JSON, spans found by substring markers. */
import type { Span } from '../../server/src/policy/model';
import type { HostValue, JsonValue } from '../../server/src/hosts/types';

/** The tree as JSON: opaque values as `<opaque text>`, templates as their parts with holes in `<...>`. */
export function hostToJson(value: HostValue | undefined): JsonValue | undefined {
  if (!value) return undefined;
  switch (value.kind) {
    case 'scalar':
      return value.value;
    case 'opaque':
      return `<opaque ${value.text}>`;
    case 'template':
      return value.parts.map((p) => ('hole' in p ? `<${p.hole}>` : p.text)).join('');
    case 'sequence':
      return value.items.map((item) => hostToJson(item) ?? null);
    case 'mapping': {
      const out: { [key: string]: JsonValue } = {};
      for (const entry of value.entries) out[entry.key] = hostToJson(entry.value) ?? null;
      return out;
    }
  }
}

/** The span of the `occurrence`-th (from 0) appearance of `marker` in `text`. */
export function spanOf(text: string, marker: string, occurrence = 0): Span {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(marker, offset + 1);
    if (offset < 0) throw new Error(`marker ${JSON.stringify(marker)} #${occurrence} not in the text`);
  }
  return { offset, length: marker.length };
}

/** The text a span covers. */
export function textAt(text: string, span: Span): string {
  return text.slice(span.offset, span.offset + span.length);
}
