/**
 * Tree-sitter grammars (WebAssembly) for the hosts that need a real grammar: Terraform's HCL and CDK code in
 * TypeScript and Python. Loading is asynchronous and happens once per grammar; parsing after that is synchronous, so
 * the server and the CLI load what a document needs before they parse it (`loadGrammar`) and the pure parse functions
 * ask `loadedGrammar`. The .wasm files ship beside the bundles in `wasm/` (esbuild.mjs copies them there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

export type GrammarName = 'terraform' | 'typescript' | 'tsx' | 'python';

/** Each grammar's file, as its package ships it; esbuild.mjs copies these into `wasm/`. */
export const grammarFiles: Readonly<Record<GrammarName, { readonly packageName: string; readonly file: string }>> = {
  terraform: { packageName: '@tree-sitter-grammars/tree-sitter-hcl', file: 'tree-sitter-terraform.wasm' },
  typescript: { packageName: 'tree-sitter-typescript', file: 'tree-sitter-typescript.wasm' },
  tsx: { packageName: 'tree-sitter-typescript', file: 'tree-sitter-tsx.wasm' },
  python: { packageName: 'tree-sitter-python', file: 'tree-sitter-python.wasm' },
};

export const runtimeFile = 'web-tree-sitter.wasm';

/** The folder of the running bundle: CommonJS bundles have __dirname; the ESM test bundles find the packages instead. */
function bundleFolder(): string | undefined {
  return typeof __dirname === 'string' ? __dirname : undefined;
}

/**
 * Where a .wasm file is: `wasm/` beside the bundle or a few folders up, or in the package itself (the ESM test
 * bundles, which know the repository's root).
 */
export function wasmPath(file: string, packageName?: string): string {
  let folder = bundleFolder();
  for (let up = 0; folder !== undefined && up < 4; up++) {
    const candidate = join(folder, 'wasm', file);
    if (existsSync(candidate)) return candidate;
    folder = dirname(folder);
  }
  const fromPackage = join(process.env.IAM_POLICY_ROOT ?? process.cwd(), 'node_modules', packageName ?? 'web-tree-sitter', file);
  if (existsSync(fromPackage)) return fromPackage;
  throw new Error(`${file} is missing: the bundle's wasm/ folder was not shipped`);
}

let runtime: Promise<void> | undefined;
const loading = new Map<GrammarName, Promise<Language>>();
const loaded = new Map<GrammarName, Language>();
const parsers = new Map<GrammarName, Parser>();

function initRuntime(): Promise<void> {
  runtime ??= Parser.init({ wasmBinary: readFileSync(wasmPath(runtimeFile)) });
  return runtime;
}

/** Loads a grammar (once); later calls answer at once. */
export function loadGrammar(name: GrammarName): Promise<Language> {
  let promise = loading.get(name);
  if (!promise) {
    const { packageName, file } = grammarFiles[name];
    promise = initRuntime()
      .then(() => Language.load(readFileSync(wasmPath(file, packageName))))
      .then((language) => {
        loaded.set(name, language);
        return language;
      });
    loading.set(name, promise);
    // A failed load may be retried (a missing file is reported by the caller each time, not cached as a rejection).
    promise.catch(() => loading.delete(name));
  }
  return promise;
}

/** A parser for a grammar that `loadGrammar` has loaded; undefined before that. One parser per grammar is reused. */
export function loadedParser(name: GrammarName): Parser | undefined {
  const language = loaded.get(name);
  if (!language) return undefined;
  let parser = parsers.get(name);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(name, parser);
  }
  return parser;
}
