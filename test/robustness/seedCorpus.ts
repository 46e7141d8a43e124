/**
 * The documents the fuzzers start from, read from the repository at run time so that whatever other work adds
 * (examples, snippets, rule docs, rule tables) is fuzzed too:
 * - examples/*.json and test/e2e/workspace/*.json;
 * - the snippet bodies (snippets/*.code-snippets) with every tab stop filled by its default, alone and, for a
 *   statement snippet, inside a policy;
 * - the AWS managed policy sample in test/fixtures/managed-sample (see its README);
 * - the JSON blocks of docs/rules/*.md;
 * - JSON-looking string literals of the rule tables test/rules/*.test.ts, read as text (never imported: importing
 *   a table would register its tests), with the `[|...|]` range markers removed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { repoPath } from '../support/paths';

export interface SeedDocument {
  /** Where it came from, for failure reports (`examples/x.json`, `test/rules/y.test.ts#3`). */
  readonly name: string;
  readonly text: string;
}

function filesIn(folder: string, suffix: string): string[] {
  const path = repoPath(folder);
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => `${folder}/${file}`);
}

function read(file: string): string {
  return readFileSync(repoPath(file), 'utf8');
}

export function loadSeedCorpus(): SeedDocument[] {
  const seeds: SeedDocument[] = [];
  for (const folder of ['examples', 'test/e2e/workspace', 'test/fixtures/managed-sample']) {
    for (const file of filesIn(folder, '.json')) seeds.push({ name: file, text: read(file) });
  }
  for (const file of filesIn('snippets', '.code-snippets')) seeds.push(...snippetSeeds(file));
  for (const file of filesIn('docs/rules', '.md')) {
    [...read(file).matchAll(/```json[^\n]*\n([\s\S]*?)```/g)].forEach((match, i) => seeds.push({ name: `${file}#${i + 1}`, text: match[1]! }));
  }
  for (const file of filesIn('test/rules', '.test.ts')) {
    stringLiterals(read(file))
      .map(withoutRangeMarkers)
      .filter((text) => /^\s*[[{]/.test(text))
      .forEach((text, i) => seeds.push({ name: `${file}#${i + 1}`, text }));
  }
  // The same text from several sources is fuzzed once.
  const seen = new Set<string>();
  return seeds.filter((seed) => !seen.has(seed.text) && (seen.add(seed.text), true));
}

function withoutRangeMarkers(text: string): string {
  return text.replaceAll('[|', '').replaceAll('|]', '');
}

// --- snippets -------------------------------------------------------------------------------------------------

interface SnippetFile {
  readonly [name: string]: { readonly body?: string | readonly string[] };
}

function snippetSeeds(file: string): SeedDocument[] {
  const snippets = JSON.parse(withoutJsoncExtras(read(file))) as SnippetFile;
  const seeds: SeedDocument[] = [];
  for (const [name, snippet] of Object.entries(snippets)) {
    if (snippet.body === undefined) continue;
    const body = typeof snippet.body === 'string' ? snippet.body : snippet.body.join('\n');
    const text = expandSnippet(body);
    seeds.push({ name: `${file}#${name}`, text });
    // A fragment (a statement, a condition block) is also fuzzed where it belongs: inside a policy.
    if (!/"Statement"/.test(text) && /^\s*\{/.test(text)) {
      seeds.push({ name: `${file}#${name} in a policy`, text: `{\n\t"Version": "2012-10-17",\n\t"Statement": [\n${text}\n\t]\n}\n` });
    }
  }
  return seeds;
}

/**
 * A snippet body with each tab stop, placeholder, choice and variable replaced by its default: `${1:x}` -> x,
 * `${2|Allow,Deny|}` -> Allow, `$1` / `${3}` / `$TM_FILENAME` -> nothing, `${TM_FILENAME:x}` -> x; nested
 * placeholders are expanded from the inside out; `\$`, `\}` and `\\` are unescaped.
 */
export function expandSnippet(body: string): string {
  let i = 0;
  const parseUntil = (stop: string | undefined): string => {
    let text = '';
    while (i < body.length) {
      const ch = body[i]!;
      if (ch === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1]!)) {
        text += body[i + 1];
        i += 2;
      } else if (stop !== undefined && ch === stop) {
        return text;
      } else if (ch === '$' && body[i + 1] === '{') {
        i += 2;
        const name = /^[A-Za-z_0-9]+/.exec(body.slice(i))?.[0] ?? '';
        i += name.length;
        if (body[i] === ':') {
          i++;
          text += parseUntil('}');
          i++;
        } else if (body[i] === '|') {
          i++;
          const choices = parseUntil('|');
          text += choices.split(',')[0] ?? '';
          i += 2; // "|}"
        } else {
          // `${1}` or a transform (`${1/a/b/}`): no default text.
          const close = body.indexOf('}', i);
          i = close < 0 ? body.length : close + 1;
        }
      } else if (ch === '$' && /[A-Za-z_0-9]/.test(body[i + 1] ?? '')) {
        i++;
        while (i < body.length && /[A-Za-z_0-9]/.test(body[i]!)) i++;
      } else {
        text += ch;
        i++;
      }
    }
    return text;
  };
  return parseUntil(undefined);
}

/** Comments and trailing commas removed from JSONC (snippet files may have both), outside strings. */
function withoutJsoncExtras(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += ch;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

// --- string literals of TypeScript source -----------------------------------------------------------------------

/**
 * The values of the '...', "..." and `...` literals of a TypeScript file, best effort: comments are skipped,
 * template interpolations become `x`. Whatever a misread produces is still a fine fuzz input.
 */
export function stringLiterals(source: string): string[] {
  const literals: string[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let value = '';
      i++;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === '\\') {
          const [text, length] = unescape(source, i);
          value += text;
          i += length;
        } else if (ch === '`' && source[i] === '$' && source[i + 1] === '{') {
          let depth = 0;
          for (; i < source.length; i++) {
            if (source[i] === '{') depth++;
            else if (source[i] === '}' && --depth === 0) break;
          }
          value += 'x';
          i++;
        } else if (ch !== '`' && source[i] === '\n') {
          break; // an unterminated quote (a regular expression, most likely): not a string
        } else {
          value += source[i];
          i++;
        }
      }
      i++;
      literals.push(value);
    } else {
      i++;
    }
  }
  return literals;
}

/** One escape sequence at `at` (which holds the backslash): its value and its length in the source. */
function unescape(source: string, at: number): [string, number] {
  const next = source[at + 1] ?? '';
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };
  if (next in simple) return [simple[next]!, 2];
  if (next === 'x') return [String.fromCharCode(parseInt(source.slice(at + 2, at + 4), 16) || 0), 4];
  if (next === 'u' && source[at + 2] === '{') {
    const close = source.indexOf('}', at);
    const code = parseInt(source.slice(at + 3, close), 16);
    return [Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '', close - at + 1];
  }
  if (next === 'u') return [String.fromCharCode(parseInt(source.slice(at + 2, at + 6), 16) || 0), 6];
  return [next, 2];
}
