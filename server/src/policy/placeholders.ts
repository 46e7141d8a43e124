/**
 * Placeholders: text that a template, a snippet or one of our own fixes leaves for the user to replace, and that no
 * real policy means. The unfilled-placeholder rule reports them; the code that inserts them builds them here, so the
 * two cannot drift apart. Three spellings:
 * - `${Name}`, a name that starts with a capital letter, without a colon: how the Service Authorization Reference
 *   writes the fields of an ARN format (`${BucketName}`, `${Region}`, `${Account}`) and what our fixes, refactorings
 *   and snippets insert. IAM reads `${…}` as a policy variable, but a variable names a condition key, which always has
 *   a colon (`${aws:username}`), or escapes one character (`${*}`, `${?}`, `${$}`); IAM cannot resolve a placeholder.
 *   Lower-case names (`${bucket_name}`, `${var.x}`) are left alone: they are other tools' template syntax.
 * - `<Name>`, as a whole ARN field or path segment: how our messages show an ARN format
 *   (`arn:<Partition>:s3:::<BucketName>`) and how many guides write one; no ARN holds `<` or `>`.
 * - The words and bucket-name prefixes of data/placeholders.json (`OWNER/REPO`, `amzn-s3-demo-bucket`).
 */
import placeholderData from '../../../data/placeholders.json';

export interface Placeholder {
  /** Index of its first character in the string. */
  readonly start: number;
  /** Index just past it. */
  readonly end: number;
  readonly text: string;
  /** What it stands for, in words: `bucket name`, `GitHub owner and repository`. */
  readonly meaning: string;
}

const fieldName = /^[A-Z][A-Za-z0-9_]*$/;

/** Whether `${content}` is a placeholder rather than a policy variable or an escape (see the module comment). */
export function isPlaceholderName(content: string): boolean {
  return fieldName.test(content);
}

/** The `${Name}` placeholder, as a fix writes it into a policy. */
export function placeholderField(name: string): string {
  if (!isPlaceholderName(name)) throw new Error(`Not a placeholder name: ${name}`);
  return `\${${name}}`;
}

const words = placeholderData.words;
const bucketPrefixes = placeholderData.bucketPrefixes;

/** A cheap test before the scan: most strings hold none of the characters a placeholder starts with. */
function mayHold(text: string): boolean {
  return (
    text.includes('${') ||
    text.includes('<') ||
    words.some((word) => text.includes(word.text)) ||
    bucketPrefixes.some((bucket) => text.includes(bucket.prefix))
  );
}

/**
 * Where the text is read from: a policy's string value (decoded), or source text that holds such values with their
 * quotes and punctuation (an edit's text, in JSON, YAML or HCL).
 */
export type PlaceholderContext = 'value' | 'source';

/**
 * Whether a placeholder may start after or end before the character at `at`: in a value, only at the ends or at an
 * ARN field or path segment boundary; in source text also at whatever is no part of a name (quotes, spaces, commas).
 */
function isBoundary(text: string, at: number, context: PlaceholderContext): boolean {
  if (at < 0 || at >= text.length) return true;
  const c = text[at]!;
  if (c === ':' || c === '/') return true;
  return context === 'source' && !/[A-Za-z0-9_.<>$-]/.test(c);
}

/** `BucketName` -> `bucket name`, `KMSKeyId` -> `KMS key id`, `account-id` -> `account id`. */
function inWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .map((word) => (/^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}

/** Every placeholder in a string, in order. */
export function findPlaceholders(text: string, context: PlaceholderContext = 'value'): Placeholder[] {
  if (!mayHold(text)) return [];
  const found: Placeholder[] = [];
  const add = (start: number, end: number, meaning: string) => found.push({ start, end, text: text.slice(start, end), meaning });
  // `${Name}`, read as findVariables reads `${…}`: up to the first `}`, unless another `${` opens before it.
  for (let open = text.indexOf('${'); open >= 0; ) {
    const close = text.indexOf('}', open + 2);
    const next = text.indexOf('${', open + 2);
    if (close < 0) break;
    if (next >= 0 && next < close) {
      open = next;
      continue;
    }
    const name = text.slice(open + 2, close);
    if (isPlaceholderName(name)) add(open, close + 1, inWords(name));
    open = text.indexOf('${', close + 1);
  }
  for (const match of text.matchAll(/<([A-Za-z][A-Za-z0-9_-]*)>/g)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isBoundary(text, start - 1, context) && isBoundary(text, end, context)) add(start, end, inWords(match[1]!));
  }
  for (const word of words) {
    for (let at = text.indexOf(word.text); at >= 0; at = text.indexOf(word.text, at + 1)) {
      if (isBoundary(text, at - 1, context) && isBoundary(text, at + word.text.length, context)) add(at, at + word.text.length, word.meaning);
    }
  }
  for (const bucket of bucketPrefixes) {
    for (let at = text.indexOf(bucket.prefix); at >= 0; at = text.indexOf(bucket.prefix, at + 1)) {
      // A bucket name opens the resource part of an S3 ARN (after `:::`) or is the whole value.
      if (at > 0 && text[at - 1] !== ':' && !(context === 'source' && isBoundary(text, at - 1, context))) continue;
      let end = at + bucket.prefix.length;
      while (end < text.length && /[A-Za-z0-9.-]/.test(text[end]!)) end++;
      add(at, end, bucket.meaning);
    }
  }
  found.sort((a, b) => a.start - b.start);
  return found.filter((p, i) => i === 0 || p.start >= found[i - 1]!.end);
}

export function hasPlaceholder(text: string, context: PlaceholderContext = 'value'): boolean {
  return findPlaceholders(text, context).length > 0;
}

/**
 * The text with each placeholder written as `name`: what other rules judge, as if the user had filled it in with
 * one plain name. A placeholder is no wildcard: once filled in, it names one thing.
 */
export function fillPlaceholders(text: string, name = 'name'): string {
  const found = findPlaceholders(text);
  if (found.length === 0) return text;
  let result = '';
  let from = 0;
  for (const placeholder of found) {
    result += text.slice(from, placeholder.start) + name;
    from = placeholder.end;
  }
  return result + text.slice(from);
}
