/** Snippet text (VS Code / LSP snippet syntax) as the editor inserts it, for tests of snippets and snippet edits. */

/**
 * A snippet body with every tab stop filled by its default, as VS Code inserts it when the user tabs through
 * without typing: `${1:text}` -> text (nested placeholders expanded), `${1|a,b|}` -> a, `$1` / `${1}` -> the text of
 * the same tab stop elsewhere (mirrors), `$0` -> nothing; `\$`, `\}`, `\\` (and `\,` `\|` in choices) unescaped.
 * Variables (`$TM_FILENAME`) do not occur in our snippets and are rejected.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  const marker = '\u0000';
  // A mirror is left as a marker and filled once every default is known (it may come before its placeholder).
  const mirror = (stop: string) => `${marker}${stop}${marker}`;
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${i} in snippet body: ${body}`);
  };
  // Reads text up to one of the stop characters (not consumed), expanding what it meets.
  const readUntil = (stops: string): string => {
    let text = '';
    while (i < body.length && !stops.includes(body[i]!)) {
      const ch = body[i]!;
      if (ch === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1]!)) {
        text += body[i + 1];
        i += 2;
      } else if (ch === '$') {
        text += readTabStop();
      } else {
        text += ch;
        i++;
      }
    }
    return text;
  };
  const readTabStop = (): string => {
    i++; // $
    const braced = body[i] === '{';
    if (braced) i++;
    const stop = /^\d+/.exec(body.slice(i))?.[0];
    if (stop === undefined) return fail('a variable or a stray "$"');
    i += stop.length;
    if (!braced) return stop === '0' ? '' : mirror(stop);
    let text = '';
    if (body[i] === ':') {
      i++;
      text = readUntil('}');
    } else if (body[i] === '|') {
      i++;
      text = readUntil('|,');
      readUntil('|'); // the other choices
      if (body[i] !== '|') fail('an unclosed choice');
      i++;
    } else if (body[i] === '}') {
      text = stop === '0' ? '' : mirror(stop);
    } else {
      fail('an unsupported tab stop');
    }
    if (body[i] !== '}') fail('an unclosed tab stop');
    i++;
    if (text !== '' && !text.includes(marker) && !defaults.has(stop)) defaults.set(stop, text);
    return text;
  };
  const text = readUntil('');
  return text.split(marker).map((part, i) => (i % 2 === 1 ? (defaults.get(part) ?? '') : part)).join('');
}
