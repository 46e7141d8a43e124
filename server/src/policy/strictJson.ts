/**
 * The fast path of parsing: text that is strict JSON (RFC 8259 with no duplicate key, nested at most `maxDepth`
 * levels) read in one pass into vscode-json-languageservice's own AST node classes, with the very fields its parser
 * sets, so nothing downstream can tell the two apart. Anything else (comments, trailing commas, duplicate keys, a
 * byte order mark, other whitespace, errors of any kind, no value at all) answers undefined, and the caller parses
 * with vscode-json-languageservice as before: everything it reports stays its own.
 */
import { getLanguageService, type ASTNode } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ArrayASTNodeImpl,
  BooleanASTNodeImpl,
  JSONDocument,
  NullASTNodeImpl,
  NumberASTNodeImpl,
  ObjectASTNodeImpl,
  PropertyASTNodeImpl,
  StringASTNodeImpl,
} from 'vscode-json-languageservice/lib/esm/parser/jsonParser.js';

/** Deeper than any policy; parse.ts refuses such a document before the (recursive) fallback parser sees it. */
export const maxDepth = 1000;

const jsonService = getLanguageService({});

/**
 * A JSON document's parse: strict JSON through the fast path below, anything else by vscode-json-languageservice (its
 * syntax errors, its recovery). The readers of hosts, fixes and the project config take it; parsePolicy has its own
 * fallback (a byte order mark, documents nested too deep).
 */
export function parseJsonDocument(document: TextDocument): JSONDocument {
  return parseStrictJson(document.getText()) ?? jsonService.parseJSONDocument(document);
}

/** jsonls's `parseJSONDocument` (comments collected, none found, no syntax error) for strict JSON; else undefined. */
export function parseStrictJson(text: string): JSONDocument | undefined {
  try {
    const reader = new StrictJsonReader(text);
    const root = reader.value(undefined);
    if (root === undefined) return undefined;
    reader.skipWhitespace();
    return reader.pos === text.length ? new JSONDocument(root, [], []) : undefined;
  } catch {
    // Never expected (nesting is capped well below the stack's limit); the fallback parser reports whatever it is.
    return undefined;
  }
}

/** The key a property is made with before its own is read, as jsonls does; always replaced. */
const keyPlaceholder = new StringASTNodeImpl(undefined, 0, 0);

/** From this many properties on, an object checks a new key against a Set; below, a scan of its keys is cheaper. */
const linearKeyCheck = 16;

class StrictJsonReader {
  pos = 0;
  private depth = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** Skips JSON's four whitespace characters; answers the code at the new position (NaN at the end). */
  skipWhitespace(): number {
    const text = this.text;
    let pos = this.pos;
    let code = text.charCodeAt(pos);
    // space, line feed, carriage return, tab
    while (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) code = text.charCodeAt(++pos);
    this.pos = pos;
    return code;
  }

  value(parent: ASTNode | undefined): ASTNode | undefined {
    const code = this.skipWhitespace();
    switch (code) {
      case 0x7b: // {
        return this.object(parent);
      case 0x5b: // [
        return this.array(parent);
      case 0x22: // "
        return this.string(parent);
      case 0x74: // t
        return this.word('true') ? this.finish(new BooleanASTNodeImpl(parent, true, this.pos), 4) : undefined;
      case 0x66: // f
        return this.word('false') ? this.finish(new BooleanASTNodeImpl(parent, false, this.pos), 5) : undefined;
      case 0x6e: // n
        return this.word('null') ? this.finish(new NullASTNodeImpl(parent, this.pos), 4) : undefined;
      default:
        // - or a digit
        return code === 0x2d || (code >= 0x30 && code <= 0x39) ? this.number(parent) : undefined;
    }
  }

  /** What follows a word (or a number) is checked by its reader's caller: only `,` `]` `}`, whitespace or the end. */
  private word(expected: string): boolean {
    return this.text.startsWith(expected, this.pos);
  }

  private finish<T extends BooleanASTNodeImpl | NullASTNodeImpl>(node: T, length: number): T {
    node.length = length;
    this.pos += length;
    return node;
  }

  private object(parent: ASTNode | undefined): ObjectASTNodeImpl | undefined {
    if (++this.depth > maxDepth) return undefined;
    const node = new ObjectASTNodeImpl(parent, this.pos);
    const properties = node.properties;
    let keys: Set<string> | undefined;
    this.pos++;
    let code = this.skipWhitespace();
    if (code !== 0x7d) {
      for (;;) {
        if (code !== 0x22) return undefined;
        const property = new PropertyASTNodeImpl(node, this.pos, keyPlaceholder);
        const keyNode = this.string(property);
        if (keyNode === undefined) return undefined;
        property.keyNode = keyNode;
        const key = keyNode.value;
        // jsonls lets "//" repeat (a convention for comments in JSON that allows none); any other repeat is a warning.
        if (key !== '//') {
          if (keys !== undefined) {
            if (keys.has(key)) return undefined;
            keys.add(key);
          } else if (properties.length < linearKeyCheck) {
            for (let i = 0; i < properties.length; i++) if (properties[i]!.keyNode.value === key) return undefined;
          } else {
            keys = new Set(properties.map((seen) => seen.keyNode.value));
            if (keys.has(key)) return undefined;
            keys.add(key);
          }
        }
        if (this.skipWhitespace() !== 0x3a) return undefined; // :
        property.colonOffset = this.pos++;
        const valueNode = this.value(property);
        if (valueNode === undefined) return undefined;
        property.valueNode = valueNode;
        property.length = valueNode.offset + valueNode.length - property.offset;
        properties.push(property);
        code = this.skipWhitespace();
        if (code === 0x7d) break; // }
        if (code !== 0x2c) return undefined; // ,
        this.pos++;
        code = this.skipWhitespace();
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    this.depth--;
    return node;
  }

  private array(parent: ASTNode | undefined): ArrayASTNodeImpl | undefined {
    if (++this.depth > maxDepth) return undefined;
    const node = new ArrayASTNodeImpl(parent, this.pos);
    const items = node.items;
    this.pos++;
    if (this.skipWhitespace() !== 0x5d) {
      for (;;) {
        const item = this.value(node);
        if (item === undefined) return undefined;
        items.push(item);
        const code = this.skipWhitespace();
        if (code === 0x5d) break; // ]
        if (code !== 0x2c) return undefined; // ,
        this.pos++;
      }
    }
    this.pos++;
    node.length = this.pos - node.offset;
    this.depth--;
    return node;
  }

  /** At a `"`. The node spans both quotes; its value is the text between them, decoded as jsonc-parser's scanner does. */
  private string(parent: ASTNode | undefined): StringASTNodeImpl | undefined {
    const text = this.text;
    const end = text.length;
    const start = this.pos;
    let pos = start + 1;
    let code = 0;
    while (pos < end) {
      code = text.charCodeAt(pos);
      if (code === 0x22 || code === 0x5c || code < 0x20) break;
      pos++;
    }
    if (pos >= end || code < 0x20) return undefined; // unterminated, or a control character
    let value: string;
    if (code === 0x22) value = text.slice(start + 1, pos);
    else {
      const decoded = this.decodeEscapes(start + 1, pos);
      if (decoded === undefined) return undefined;
      value = decoded;
      pos = this.pos;
    }
    const node = new StringASTNodeImpl(parent, start, pos + 1 - start);
    node.value = value;
    this.pos = pos + 1;
    return node;
  }

  /**
   * The value of a string whose first backslash is at `backslash`; leaves `pos` at its closing quote. A `\u` escape
   * is one UTF-16 unit, as jsonc-parser reads it, so a lone surrogate stays one (JSON allows it).
   */
  private decodeEscapes(contentStart: number, backslash: number): string | undefined {
    const text = this.text;
    const end = text.length;
    let value = text.slice(contentStart, backslash);
    let pos = backslash;
    let chunk = pos;
    while (pos < end) {
      const code = text.charCodeAt(pos);
      if (code === 0x22) {
        this.pos = pos;
        return value + text.slice(chunk, pos);
      }
      if (code < 0x20) return undefined;
      if (code !== 0x5c) {
        pos++;
        continue;
      }
      value += text.slice(chunk, pos);
      switch (text.charCodeAt(pos + 1)) {
        case 0x22:
          value += '"';
          break;
        case 0x5c:
          value += '\\';
          break;
        case 0x2f:
          value += '/';
          break;
        case 0x62: // b
          value += '\b';
          break;
        case 0x66: // f
          value += '\f';
          break;
        case 0x6e: // n
          value += '\n';
          break;
        case 0x72: // r
          value += '\r';
          break;
        case 0x74: // t
          value += '\t';
          break;
        case 0x75: {
          // u and exactly four hex digits
          const unit = hexUnit(text, pos + 2);
          if (unit < 0) return undefined;
          value += String.fromCharCode(unit);
          pos += 4;
          break;
        }
        default:
          return undefined;
      }
      pos += 2;
      chunk = pos;
    }
    return undefined;
  }

  /** JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
  private number(parent: ASTNode | undefined): NumberASTNodeImpl | undefined {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    let code = text.charCodeAt(pos);
    if (code === 0x2d) code = text.charCodeAt(++pos); // -
    if (code === 0x30) code = text.charCodeAt(++pos); // a leading 0 stands alone
    else if (code >= 0x31 && code <= 0x39) {
      do code = text.charCodeAt(++pos);
      while (code >= 0x30 && code <= 0x39);
    } else return undefined;
    let isInteger = true;
    if (code === 0x2e) {
      // .
      isInteger = false;
      code = text.charCodeAt(++pos);
      if (!(code >= 0x30 && code <= 0x39)) return undefined;
      do code = text.charCodeAt(++pos);
      while (code >= 0x30 && code <= 0x39);
    }
    if (code === 0x65 || code === 0x45) {
      // e or E, then an optional sign
      code = text.charCodeAt(++pos);
      if (code === 0x2b || code === 0x2d) code = text.charCodeAt(++pos);
      if (!(code >= 0x30 && code <= 0x39)) return undefined;
      do code = text.charCodeAt(++pos);
      while (code >= 0x30 && code <= 0x39);
    }
    const node = new NumberASTNodeImpl(parent, start);
    // jsonls takes JSON.parse of the token; for a token of JSON's grammar, Number() gives the same double (and -0).
    node.value = Number(text.slice(start, pos));
    node.isInteger = isInteger;
    node.length = pos - start;
    this.pos = pos;
    return node;
  }
}

/** The value of four hex digits at `at`, or -1. */
function hexUnit(text: string, at: number): number {
  let unit = 0;
  for (let i = at; i < at + 4; i++) {
    const code = text.charCodeAt(i);
    let digit: number;
    if (code >= 0x30 && code <= 0x39) digit = code - 0x30;
    else if (code >= 0x41 && code <= 0x46) digit = code - 0x37; // A-F
    else if (code >= 0x61 && code <= 0x66) digit = code - 0x57; // a-f
    else return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}
