/** Keeps every rule's file, test table, doc page, setting and README row in step with the registry. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { rules } from '../server/src/rules';
import { fragmentRules, hostSyntaxErrorId } from '../server/src/hosts/hostService';
import { readmeRuleTable, ruleSettingsSchema } from '../scripts/rule-docs';
import { repoPath } from './support/paths';

/** The registry, the rule types and the runner's modules; every other file of server/src/rules is a rule (shared modules live in shared/). */
const registryFiles = new Set(['index.ts', 'types.ts', 'run.ts', 'statementFindings.ts']);
const docHeadings = ['## What it checks', '## Why it matters', '## Example', '## Use instead', '## Fix', '## References'];

function read(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

/** The TypeScript files under a folder of the repository, subfolders included. */
function sources(folder: string): string[] {
  return readdirSync(repoPath(folder), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => `${e.parentPath ?? folder}/${e.name}`);
}

/** `file:line` of every line of those folders' sources that `matches` picks (given the line before it too). */
function linesWhere(folders: readonly string[], matches: (line: string, previous: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of folders.flatMap(sources)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (matches(line, lines[i - 1] ?? '')) found.push(`${file}:${i + 1}`);
    });
  }
  return found;
}

suite('rule registry', () => {
  test('ids are unique, kebab-case and sorted', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.deepEqual(ids, [...ids].sort(), 'registry sorted by id');
  });

  test('every file of server/src/rules is a rule that defines the rule of its name and is registered', () => {
    const ids = new Set(rules.map((r) => r.id));
    const files = readdirSync(repoPath('server/src/rules'), { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts') && !registryFiles.has(e.name)).map((e) => e.name);
    for (const file of files) {
      const source = read('server/src/rules', file);
      assert.ok(source.includes('defineRule'), `${file} is a rule (modules the rules share belong in server/src/rules/shared/)`);
      const id = file.replace(/\.ts$/, '');
      assert.ok(source.includes(`id: '${id}'`), `${file} defines id '${id}'`);
      assert.ok(ids.has(id), `${id} is in server/src/rules/index.ts`);
    }
    for (const id of ids) assert.ok(existsSync(repoPath('server/src/rules', `${id}.ts`)), `server/src/rules/${id}.ts exists`);
  });

  test('a rule says what its findings depend on: a scope, or why it reads the whole policy', () => {
    for (const rule of rules) {
      const source = read('server/src/rules', `${rule.id}.ts`);
      if (rule.scope === undefined) {
        assert.match(source, /\/\/ Whole policy \(no scope\): \S/, `${rule.id} has no scope: a "// Whole policy (no scope): <why>" comment says why`);
      } else {
        // A scoped rule checks the statements it is given, itself or through a shared helper given its context (it may
        // still read others for a fix or a message).
        assert.match(source, /\bstatements\b|\(context\b/, `${rule.id} says scope '${rule.scope}': it checks context.statements`);
        assert.doesNotMatch(source, /Whole policy \(no scope\)/, `${rule.id} has a scope and a "Whole policy" comment`);
      }
    }
  });

  for (const rule of rules) {
    test(`${rule.id}: test table, doc page, summary, messages`, () => {
      const testFile = repoPath('test/rules', `${rule.id}.test.ts`);
      assert.ok(existsSync(testFile), `test/rules/${rule.id}.test.ts exists`);
      assert.match(readFileSync(testFile, 'utf8'), /runRuleTests\(/, 'the test runs a rule table');
      const docFile = repoPath('docs/rules', `${rule.id}.md`);
      assert.ok(existsSync(docFile), `docs/rules/${rule.id}.md exists`);
      const doc = readFileSync(docFile, 'utf8');
      assert.ok(doc.startsWith(`# ${rule.id}\n`), 'doc starts with the rule id as its title');
      for (const heading of docHeadings) assert.ok(doc.includes(`\n${heading}`), `doc has "${heading}"`);
      assert.match(doc, /https:\/\/docs\.aws\.amazon\.com\//, 'doc cites AWS documentation');
      assert.match(rule.summary, /^[A-Z`"].*\.$/, 'summary is one sentence');
      assert.ok(Object.keys(rule.messages).length > 0, 'has messages');
    });
  }
});

suite('facts', () => {
  // Issue 16: what a statement's actions are is computed once (policy/statementActions.ts) and read by every rule; a
  // rule that expands an action pattern itself says why, on the line before, with "Expands itself:".
  test('rules read the statement facts rather than expanding action patterns themselves', () => {
    const unexplained = linesWhere(
      ['server/src/rules'],
      (line, previous) => /\.expandAction(Ids)?\(/.test(line) && !/^\s*(\/\/|\*)/.test(line) && !/Expands itself: \S/.test(previous),
    );
    assert.deepEqual(unexplained, [], 'expanding without a reason on the line before');
  });
});

suite('memory', () => {
  // A WeakMap keyed by a document's objects kept its values (and through them the parse tree) alive through V8's
  // young-generation collections; such tables are DocumentMemos (policy/documentMemo.ts). The host readers' tables
  // per syntax node (YAML layouts, HCL shapes, a shifted copy's origin) stay WeakMaps: their values are layout facts
  // or the node a copy was made from, never the key's own tree, and defining a property on every node of a 1 MB
  // template would cost more than the WeakMap entries.
  test('memo tables keyed by a document\'s objects are DocumentMemos, not WeakMaps', () => {
    const documentTypes = /new WeakMap<\s*(?:readonly\s+)?(?:Statement|PolicyModel|ASTNode|StringValue|HostModel|EmbeddedPolicy)\b/;
    assert.deepEqual(
      linesWhere(['server/src'], (line) => documentTypes.test(line)),
      [],
    );
  });
});

suite('start-up', () => {
  // The first toLocaleString loads ICU's number formatting (~12 ms) and the first localeCompare its collator (~6 ms),
  // paid by every CLI run and by the server's first diagnostics; formatCount (shared/formatCount.ts) and code-unit
  // order on kebab-case ids give the same text and order.
  test('the engine formats and sorts without ICU', () => {
    const icu = /\.toLocale\w*String\(|\.localeCompare\(|\bIntl\./;
    assert.deepEqual(
      linesWhere(['server/src', 'shared'], (line) => icu.test(line) && !/^\s*(\/\/|\*|\/\*\*)/.test(line)),
      [],
    );
  });
});

suite('generated descriptions', () => {
  test('package.json iamPolicy.rules lists every rule (npm run sync-rules)', () => {
    const manifest = JSON.parse(read('package.json'));
    const properties = manifest.contributes.configuration.properties['iamPolicy.rules'].properties;
    assert.deepEqual(properties, ruleSettingsSchema());
  });

  test('README rule table matches the registry (npm run sync-rules)', () => {
    assert.ok(read('README.md').includes(readmeRuleTable()), 'README.md rule table is current');
  });

  test('the manifest declares every setting the server reads', () => {
    const manifest = JSON.parse(read('package.json'));
    const declared = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepEqual(declared, [
      'iamPolicy.filePatterns',
      'iamPolicy.maxFileSize',
      'iamPolicy.policyTypes',
      'iamPolicy.rules',
      'iamPolicy.trace.server',
      'iamPolicy.validate.enable',
    ]);
  });
});

suite('layering', () => {
  for (const folder of ['server/src/service', 'server/src/access', 'server/src/rules', 'server/src/policy', 'server/src/catalog', 'server/src/hosts', 'shared']) {
    test(`${folder} imports neither vscode nor a connection`, () => {
      for (const file of sources(folder)) {
        const text = readFileSync(file, 'utf8');
        assert.doesNotMatch(text, /from '(vscode|vscode-languageserver|vscode-languageserver\/node)'/, file);
      }
    });
  }
});

suite('hosts', () => {
  test('the rules that judge CDK fragments are rules of the registry', () => {
    const ids = new Set(rules.map((rule) => rule.id));
    assert.deepEqual([...fragmentRules].filter((id) => !ids.has(id)), []);
  });

  test('the host syntax finding has an id no rule has', () => {
    assert.ok(!rules.some((rule) => rule.id === hostSyntaxErrorId));
  });
});
