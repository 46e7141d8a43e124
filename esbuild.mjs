// Builds the three bundles (client, server, CLI) and, with --tests, the node:test suites.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: parsed } = parseArgs({
  options: {
    production: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    tests: { type: 'boolean', default: false },
    tools: { type: 'boolean', default: false },
    e2e: { type: 'boolean', default: false },
    'vscode-tests': { type: 'boolean', default: false },
    bench: { type: 'boolean', default: false },
  },
});
const flags = { ...parsed, vscodeTests: parsed['vscode-tests'] };

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const catalogFile = join(root, 'generated', 'iam-catalog.json');

// The catalogue index is generated from the pinned data package; rebuild it when the package changed.
function ensureCatalog() {
  const dataPackage = join(root, 'node_modules', '@cloud-copilot', 'iam-data', 'package.json');
  const builder = join(root, 'scripts', 'build-catalog.mjs');
  const stale =
    !existsSync(catalogFile) ||
    statSync(catalogFile).mtimeMs < statSync(dataPackage).mtimeMs ||
    statSync(catalogFile).mtimeMs < statSync(builder).mtimeMs ||
    readdirSync(join(root, 'data')).some((f) => statSync(join(root, 'data', f)).mtimeMs > statSync(catalogFile).mtimeMs);
  if (stale) execFileSync(process.execPath, [builder], { stdio: 'inherit' });
}

/**
 * Resolves `generated:iam-catalog` to a module whose default export returns the generated index as a string.
 *
 * CommonJS bundles (the server, the CLI, the tools) read it from `iam-catalog.json` beside the bundle, copied there
 * with the WebAssembly files, as Latin-1 (the index is ASCII, so one byte per character): V8 then neither reads nor
 * scans 3 MB of catalogue as part of the bundle's source, which cost ~130 ms of every start (`--version`: 330 ms
 * against 200 ms, measured interleaved).
 *
 * The ESM test bundles keep it inside the bundle, in a comment inside a function read back with
 * Function.prototype.toString (V8 keeps the script's source anyway, so the text is held once; a string literal was
 * held twice). build-catalog.mjs writes no `*\/` into the index; `/*!` marks a legal comment, which the minifier keeps
 * in place with `legalComments: 'inline'`.
 */
const catalogFileName = 'iam-catalog.json';
const generatedData = {
  name: 'generated-data',
  setup(build) {
    const besideBundle = build.initialOptions.format === 'cjs';
    build.onResolve({ filter: /^generated:iam-catalog$/ }, () => ({ path: catalogFile, namespace: 'file' }));
    build.onLoad({ filter: /generated[\\/]iam-catalog\.json$/ }, async (args) => {
      if (besideBundle) {
        return {
          contents: [
            "import { readFileSync } from 'node:fs';",
            "import { join } from 'node:path';",
            'let text;',
            'export default function catalogText() {',
            '  if (text !== undefined) return text;',
            `  const file = join(__dirname, ${JSON.stringify(catalogFileName)});`,
            "  let read;",
            "  try { read = readFileSync(file, 'latin1'); } catch (error) { throw new Error(`the IAM catalogue ${file} cannot be read (${error.code ?? error}); reinstall iam-policy-lint`); }",
            "  if (!read.startsWith('{')) throw new Error(`${file} is not the IAM catalogue; reinstall iam-policy-lint`);",
            '  return (text = read);',
            '}',
          ].join('\n'),
          loader: 'js',
          resolveDir: root,
        };
      }
      const text = await readFile(args.path, 'utf8');
      if (text.includes('*/')) throw new Error(`${args.path} contains */; rebuild it with scripts/build-catalog.mjs`);
      return {
        contents: [
          `function iamCatalogSource() {/*!${text}*/}`,
          'const source = iamCatalogSource.toString();',
          "const text = source.slice(source.indexOf('/*!') + 3, source.lastIndexOf('*/'));",
          "if (!text.startsWith('{')) throw new Error('the IAM catalogue is missing from this bundle (esbuild.mjs must keep legal comments inline)');",
          'export default function catalogText() { return text; }',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

// vscode-jsonrpc requires node:crypto when it loads, only to name pipes; server/src/loader/cryptoOnDemand.ts loads it
// when first called instead (~2 MB of the server's RSS after load).
const cryptoOnDemand = {
  name: 'crypto-on-demand',
  setup(build) {
    build.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      /vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/.test(args.importer) ? { path: join(root, 'server', 'src', 'loader', 'cryptoOnDemand.ts') } : undefined,
    );
  },
};

// Prints errors in the form the VS Code watch task's problem matcher reads.
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (flags.watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (flags.watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // vscode-json-languageservice's UMD build requires its modules dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  minify: flags.production,
  sourcemap: !flags.production,
  sourcesContent: false,
  // The test bundles' IAM catalogue is a legal comment (generatedData above): keep it where it is.
  legalComments: 'inline',
  logLevel: 'warning',
  plugins: [generatedData, cryptoOnDemand, problemMatcher],
  // The server offers the snippet file's whole-policy templates to editors that lack VS Code's snippets.
  loader: { '.code-snippets': 'json' },
  define: { 'process.env.IAM_POLICY_LINT_VERSION': JSON.stringify(version) },
};

// The server's and the CLI's bundles (and the bench's build of the host readers). web-tree-sitter comes as its
// CommonJS build, which calls require() where its ES module build calls import(): the entries run these bundles as vm
// scripts (server/src/loader/codeCache.ts), where import() needs Node's experimental loader hook, and that hook is
// lost in functions restored from the code cache ("A dynamic import callback was not specified").
const cjsNode = {
  format: 'cjs',
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  // Its one import() left (Language.load of a path, which treeSitter.ts never calls) becomes require() too.
  supported: { 'dynamic-import': false },
};

function productOptions() {
  return [
    // Two client bundles: the small entry that activation loads, and the language client it loads when needed.
    { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', format: 'cjs', external: ['vscode'] },
    { ...common, entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/languageClient.js', format: 'cjs', external: ['vscode'] },
    // The server and the CLI: each a small entry (server/src/loader) that runs its bundle through V8's code cache.
    { ...common, ...cjsNode, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.bundle.js' },
    { ...common, ...cjsNode, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.bundle.js' },
    { ...common, entryPoints: ['server/src/loader/server.ts'], outfile: 'dist/server.js', format: 'cjs' },
    { ...common, entryPoints: ['server/src/loader/cli.ts'], outfile: 'dist/cli.js', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  ];
}

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'e2e' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// IAM_TEST_OUT (a folder under out/, or an absolute path) lets two checkouts' worth of test runs share one tree without wiping each other.
const unitTestDir = process.env.IAM_TEST_OUT ?? 'out/unit';

// Tests are bundled as ESM with code splitting so the catalogue lands in one shared chunk, not in every test file.
function testOptions() {
  return {
    ...common,
    entryPoints: findTests(join(root, 'test')),
    outdir: unitTestDir,
    outbase: 'test',
    format: 'esm',
    splitting: true,
    sourcemap: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // CommonJS dependencies call require(); give the ESM bundle a real one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    define: { ...common.define, 'process.env.IAM_POLICY_ROOT': JSON.stringify(resolve(root)) },
  };
}

// Development scripts written in TypeScript (they import the registry), bundled to out/tools.
function toolOptions() {
  return { ...common, entryPoints: ['scripts/sync-rules.ts', 'scripts/corpus.ts', 'scripts/exposure-candidates.ts'], outdir: 'out/tools', format: 'cjs', outExtension: { '.js': '.cjs' } };
}

// The end-to-end suite drives a browser; playwright-core stays a package (it locates its own files at run time).
function e2eOptions() {
  return {
    ...testOptions(),
    entryPoints: readdirSync(join(root, 'test', 'e2e')).filter((f) => f.endsWith('.test.ts')).map((f) => join(root, 'test', 'e2e', f)),
    outdir: 'out/e2e',
    outbase: 'test/e2e',
    external: ['playwright-core'],
  };
}

// The @vscode/test-electron suite: a runner (Node) and the extension-host suite (vscode external), as CommonJS.
function vscodeTestOptions() {
  return [
    { ...common, entryPoints: ['test/vscode/runTest.ts'], outfile: 'out/vscode/runTest.cjs', format: 'cjs', external: ['@vscode/test-electron'] },
    { ...common, entryPoints: ['test/vscode/suite/index.ts'], outfile: 'out/vscode/suite.cjs', format: 'cjs', external: ['vscode', 'mocha'] },
  ];
}

/**
 * The tree-sitter runtime and grammars (server/src/hosts/treeSitter.ts) are WebAssembly files read at run time from
 * `wasm/` beside the bundles: copied, not inlined, so they are not held twice as base64 text and the VSIX compresses
 * them. test/packaging.test.ts checks that every grammar the code names is here.
 */
const wasmFiles = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['@tree-sitter-grammars/tree-sitter-hcl', 'tree-sitter-terraform.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
  ['tree-sitter-python', 'tree-sitter-python.wasm'],
];

/** The files the bundles read at run time: the WebAssembly above, and the IAM catalogue (generatedData). */
function copyRuntimeFiles(outdir) {
  // resolve, as esbuild reads outdir: an absolute IAM_TEST_OUT gets its runtime files beside its bundles.
  const folder = resolve(root, outdir);
  mkdirSync(join(folder, 'wasm'), { recursive: true });
  for (const [packageName, file] of wasmFiles) copyFileSync(join(root, 'node_modules', packageName, file), join(folder, 'wasm', file));
  copyFileSync(catalogFile, join(folder, catalogFileName));
}

// For `npm run bench` (scripts/bench/hosts.mjs, simulate.mjs, diff.mjs): the host readers, the access evaluator and
// the policy diff alone, built like the server bundle, so their cost can be timed in-process, and the YAML phases (the
// yaml package's, then ours) to say where it goes.
function benchOptions() {
  const contents = [
    "export { mayBeHost, prepareHost, readHost } from './server/src/hosts/readHost';",
    "export { readYaml } from './server/src/hosts/yaml';",
    "export { readCloudFormation } from './server/src/hosts/cloudformation';",
    "export { Composer, Lexer, Parser } from 'yaml';",
    "export { hostModel } from './server/src/hosts/hostModel';",
    "export { renderPolicy } from './server/src/hosts/virtualPolicy';",
    "export { loadedParser } from './server/src/hosts/treeSitter';",
    "export { cutTerraform, readTerraformByPieces } from './server/src/hosts/terraformPieces';",
    "export { cutJsonTemplate, cutTemplate, readTemplateByPieces } from './server/src/hosts/templatePieces';",
    "export { createHostService } from './server/src/hosts/hostService';",
    "export { createPolicyService } from './server/src/service';",
    "export { createCatalog } from './server/src/catalog';",
    "export { lintText } from './server/src/cli/lintText';",
    "export { diffPolicies } from './server/src/access/diff';",
    "export { defaultSettings } from './shared/settings';",
    "export { TextDocument } from 'vscode-languageserver-textdocument';",
    "export { evaluateAccess } from './server/src/access/evaluate';",
    "export { createRequest } from './server/src/access/request';",
    "export { policySources } from './server/src/access/policySources';",
  ].join('\n');
  return { ...common, ...cjsNode, stdin: { contents, resolveDir: root, loader: 'ts' }, outfile: 'out/bench/hosts.cjs' };
}

ensureCatalog();
const builds = flags.bench
  ? [benchOptions()]
  : flags.vscodeTests
    ? vscodeTestOptions()
    : flags.tests ? [testOptions()] : flags.tools ? [toolOptions()] : flags.e2e ? [e2eOptions()] : productOptions();
if (flags.tests) rmSync(resolve(root, unitTestDir), { recursive: true, force: true });
if (flags.watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
copyRuntimeFiles(flags.bench ? 'out/bench' : flags.vscodeTests ? 'out/vscode' : flags.tests ? unitTestDir : flags.tools ? 'out/tools' : flags.e2e ? 'out/e2e' : 'dist');
