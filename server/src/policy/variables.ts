/**
 * Policy variables in a string: `${aws:username}`, `${aws:userid, 'anonymous'}` (with a default), and the escapes
 * `${*}`, `${?}`, `${$}` that stand for the literal characters. Also the malformed shapes IAM rejects: an opening
 * `${` that is never closed, `${}`, and a variable name with a space in it. A placeholder (`${BucketName}`, see
 * placeholders.ts) is its own kind: no variable, so the variable rules leave it to unfilled-placeholder.
 */
import { isPlaceholderName } from './placeholders';

export type VariableKind = 'variable' | 'escape' | 'unclosed' | 'empty' | 'space' | 'placeholder';

export interface VariableToken {
  readonly kind: VariableKind;
  /** Index of `$` in the string. */
  readonly start: number;
  /** Index just past `}` (or where the unclosed variable stops). */
  readonly end: number;
  /** The name inside the braces, without the default value (trimmed for `space`). */
  readonly name: string;
}

const escapes = new Set(['*', '?', '$']);

export function findVariables(text: string): VariableToken[] {
  const tokens: VariableToken[] = [];
  let from = text.indexOf('${');
  while (from >= 0) {
    const close = text.indexOf('}', from + 2);
    const nextOpen = text.indexOf('${', from + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const end = nextOpen >= 0 ? nextOpen : text.length;
      tokens.push({ kind: 'unclosed', start: from, end, name: text.slice(from + 2, end) });
      from = nextOpen;
      continue;
    }
    const content = text.slice(from + 2, close);
    const comma = content.indexOf(',');
    const name = comma >= 0 ? content.slice(0, comma) : content;
    let kind: VariableKind;
    if (content === '') kind = 'empty';
    else if (escapes.has(content)) kind = 'escape';
    else if (/\s/.test(name)) kind = 'space';
    else if (isPlaceholderName(content)) kind = 'placeholder';
    else kind = 'variable';
    tokens.push({ kind, start: from, end: close + 1, name: kind === 'space' ? name.trim() : name });
    from = text.indexOf('${', close + 1);
  }
  return tokens;
}
