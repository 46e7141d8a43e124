// vscode-json-languageservice's own AST node classes and document class, which its package types do not describe;
// strictJson.ts builds the very nodes its parser builds. The constructors are those of lib/esm/parser/jsonParser.js.
declare module 'vscode-json-languageservice/lib/esm/parser/jsonParser.js' {
  import type { ASTNode, JSONDocument as ParsedDocument, PropertyASTNode, StringASTNode } from 'vscode-json-languageservice';

  interface NodeFields {
    offset: number;
    length: number;
    parent: ASTNode | undefined;
  }

  export class ObjectASTNodeImpl implements NodeFields {
    constructor(parent: ASTNode | undefined, offset: number);
    offset: number;
    length: number;
    parent: ASTNode | undefined;
    readonly type: 'object';
    properties: PropertyASTNode[];
    readonly children: ASTNode[];
  }

  export class PropertyASTNodeImpl implements NodeFields {
    constructor(parent: ASTNode | undefined, offset: number, keyNode: StringASTNode);
    offset: number;
    length: number;
    parent: ASTNode | undefined;
    readonly type: 'property';
    keyNode: StringASTNode;
    valueNode?: ASTNode;
    colonOffset: number;
    readonly children: ASTNode[];
  }

  export class ArrayASTNodeImpl implements NodeFields {
    constructor(parent: ASTNode | undefined, offset: number);
    offset: number;
    length: number;
    parent: ASTNode | undefined;
    readonly type: 'array';
    items: ASTNode[];
    readonly children: ASTNode[];
  }

  export class StringASTNodeImpl implements NodeFields {
    constructor(parent: ASTNode | undefined, offset: number, length?: number);
    offset: number;
    length: number;
    parent: ASTNode | undefined;
    readonly type: 'string';
    value: string;
  }

  export class NumberASTNodeImpl implements NodeFields {
    constructor(parent: ASTNode | undefined, offset: number);
    offset: number;
    length: number;
    parent: ASTNode | undefined;
    readonly type: 'number';
    value: number;
    isInteger: boolean;
  }

  export class BooleanASTNodeImpl implements NodeFields {
    constructor(parent: ASTNode | undefined, value: boolean, offset: number);
    offset: number;
    length: number;
    parent: ASTNode | undefined;
    readonly type: 'boolean';
    value: boolean;
  }

  export class NullASTNodeImpl implements NodeFields {
    constructor(parent: ASTNode | undefined, offset: number);
    offset: number;
    length: number;
    parent: ASTNode | undefined;
    readonly type: 'null';
    value: null;
  }

  /** The parser's document: `syntaxErrors` are Diagnostics, `comments` Ranges; both empty for strict JSON. */
  export class JSONDocument implements ParsedDocument {
    constructor(root: ASTNode | undefined, syntaxErrors?: unknown[], comments?: unknown[]);
    root: ASTNode | undefined;
    getNodeFromOffset(offset: number, includeRightBound?: boolean): ASTNode | undefined;
  }
}
