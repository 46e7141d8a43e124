/**
 * The TextMate grammar (syntaxes/iam-policy.tmLanguage.json), checked as a structure: it is layered on VS Code's JSON
 * grammar, every include resolves, every regex compiles, scopes follow the naming, and the IAM scopes themes can
 * colour are there. Tokenizing sample lines needs vscode-textmate + vscode-oniguruma, which are not dependencies;
 * the regexes that decide the IAM scopes are exercised directly instead.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { repoPath } from './support/paths';

interface Rule {
  readonly name?: string;
  readonly contentName?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly include?: string;
  readonly patterns?: readonly Rule[];
  readonly captures?: Record<string, Rule>;
  readonly beginCaptures?: Record<string, Rule>;
  readonly endCaptures?: Record<string, Rule>;
}

interface Grammar extends Rule {
  readonly scopeName: string;
  readonly repository: Record<string, Rule>;
}

const grammar = JSON.parse(readFileSync(repoPath('syntaxes', 'iam-policy.tmLanguage.json'), 'utf8')) as Grammar;
const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
  contributes: { grammars: { language: string; scopeName: string; path: string }[] };
};

/**
 * The repository of VS Code's JSON grammar (extensions/json/syntaxes/JSON.tmLanguage.json, scope `source.json`,
 * as shipped with VS Code 1.100), which ours includes by name.
 */
const jsonRepository = new Set(['array', 'comments', 'constant', 'number', 'object', 'string', 'objectkey', 'stringcontent', 'value']);

/** Every rule of the grammar with where it is, including capture rules and their nested patterns. */
function allRules(): { path: string; rule: Rule; inCapture: boolean }[] {
  const found: { path: string; rule: Rule; inCapture: boolean }[] = [];
  const visit = (rule: Rule, path: string, inCapture: boolean) => {
    found.push({ path, rule, inCapture });
    rule.patterns?.forEach((child, i) => visit(child, `${path}/patterns/${i}`, inCapture));
    for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
      for (const [group, capture] of Object.entries(rule[key] ?? {})) visit(capture, `${path}/${key}/${group}`, true);
    }
  };
  visit(grammar, '', false);
  for (const [name, rule] of Object.entries(grammar.repository)) visit(rule, `#${name}`, false);
  return found;
}

/** Oniguruma -> JS for a compile check: `\G` (anchor at the previous match end) has no JS equivalent. */
function jsRegExp(source: string): RegExp {
  return new RegExp(source.replaceAll('\\G', ''), 'u');
}

function regex(rule: string, field: 'match' | 'begin' = 'match'): RegExp {
  const found = allRules().find((r) => r.path === rule);
  assert.ok(found?.rule[field], `${rule} has a ${field}`);
  return jsRegExp(found.rule[field]!);
}

suite('TextMate grammar', () => {
  test('registered in the manifest for the iam-policy language, layered on source.json', () => {
    const entry = manifest.contributes.grammars.find((g) => g.language === 'iam-policy');
    assert.deepEqual(entry, { language: 'iam-policy', scopeName: grammar.scopeName, path: './syntaxes/iam-policy.tmLanguage.json' });
    assert.equal(grammar.scopeName, 'source.json.iam-policy');
    assert.ok(grammar.patterns?.some((p) => p.include === 'source.json'), 'the top level includes source.json');
  });

  test('every include resolves, and every repository rule is used', () => {
    const used = new Set<string>();
    for (const { path, rule } of allRules()) {
      const include = rule.include;
      if (include === undefined) continue;
      if (include.startsWith('#')) {
        assert.ok(grammar.repository[include.slice(1)], `${path}: ${include} is in the repository`);
        used.add(include.slice(1));
      } else if (include.startsWith('source.json#')) {
        assert.ok(jsonRepository.has(include.slice('source.json#'.length)), `${path}: ${include} is in VS Code's JSON grammar`);
      } else {
        assert.ok(include === 'source.json' || include === '$self', `${path}: ${include}`);
      }
    }
    assert.deepEqual(Object.keys(grammar.repository).filter((name) => !used.has(name)), []);
  });

  test('every regex compiles; begin rules end; capture patterns use no anchors', () => {
    for (const { path, rule, inCapture } of allRules()) {
      for (const field of ['match', 'begin', 'end'] as const) {
        const source = rule[field];
        if (source === undefined) continue;
        assert.doesNotThrow(() => jsRegExp(source), `${path}/${field}: ${source}`);
        // A capture's patterns run on the captured text as if it were a line of its own, where ^ and \G never match.
        if (inCapture) assert.doesNotMatch(source, /(?<!\[)\^|\\G/, `${path}/${field}`);
      }
      assert.equal(rule.begin === undefined, rule.end === undefined, `${path}: begin and end go together`);
      assert.ok(!(rule.match && rule.begin), `${path}: match or begin/end, not both`);
    }
  });

  test('scope names: dotted lower-case words ending in .json (JSON parity) or .iam-policy (ours)', () => {
    const names = new Set<string>();
    for (const { path, rule } of allRules()) {
      if (path === '') continue; // the grammar's own display name
      for (const scopes of [rule.name, rule.contentName]) {
        for (const scope of scopes?.split(' ') ?? []) {
          assert.match(scope, /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.(json|iam-policy)$/, `${path}: ${scope}`);
          names.add(scope);
        }
      }
    }
    for (const scope of [
      'support.function.action.iam-policy',
      'entity.name.namespace.service.iam-policy',
      'string.other.arn.iam-policy',
      'variable.other.policy-variable.iam-policy',
      'keyword.operator.condition.iam-policy',
      'variable.other.condition-key.iam-policy',
      'constant.language.effect.allow.iam-policy',
      'constant.language.effect.deny.iam-policy',
      'keyword.operator.wildcard.iam-policy',
    ]) {
      assert.ok(names.has(scope), `the grammar gives ${scope}`);
    }
  });

  test('IAM elements start at their exact, case-sensitive key', () => {
    const effect = regex('#effect-member', 'begin');
    assert.match('"Effect": "Allow"', effect);
    assert.match('"Effect"  :"Deny"', effect);
    assert.doesNotMatch('"effect": "Allow"', effect);
    const action = regex('#action-member', 'begin');
    for (const key of ['Action', 'NotAction']) assert.match(`"${key}": [`, action);
    assert.doesNotMatch('"Actions": [', action);
    assert.match('"Condition": {', regex('#condition-member', 'begin'));
  });

  test('actions: service prefix and action name, wildcards included', () => {
    const action = regex('#action-string/patterns/0');
    assert.deepEqual([...'"s3:GetObject"'.match(action)!].slice(1), ['"', 's3', ':', 'GetObject', '"']);
    assert.deepEqual([...'"ec2-instance-connect:Send*"'.match(action)!].slice(1, 5), ['"', 'ec2-instance-connect', ':', 'Send*']);
    assert.doesNotMatch('"s3:Get Object"', action);
    assert.match('"*"', regex('#action-string/patterns/1'));
    assert.deepEqual('"Allow"'.match(regex('#effect-member/patterns/0'))?.[2], 'Allow');
    assert.deepEqual('"Deny"'.match(regex('#effect-member/patterns/1'))?.[2], 'Deny');
  });

  test('ARNs and policy variables', () => {
    assert.match('"arn:aws:s3:::b/*"', regex('#arn-string', 'begin'));
    assert.doesNotMatch('"*"', regex('#arn-string', 'begin'));
    const fields = regex('#arn-string/patterns/0');
    assert.deepEqual([...'arn:aws-cn:iam::111122223333:root'.match(fields)!].slice(1), ['arn', ':', 'aws-cn', ':', 'iam']);
    const variable = regex('#policy-variable');
    assert.equal('arn:aws:iam::*:user/${aws:username}'.match(variable)?.[2], 'aws:username');
    assert.equal("${aws:PrincipalTag/team, 'none'}".match(variable)?.[2], "aws:PrincipalTag/team, 'none'");
  });
});
