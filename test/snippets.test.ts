/**
 * The snippets (snippets/iam-policy.code-snippets): each one, with its tab stops filled by their defaults, is JSON
 * and lints with exactly the findings its description leads one to expect; the whole-policy ones are the templates
 * the server offers in an empty document.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { defaultSettings, type PolicyType } from '../shared/settings';
import { policyTemplates, templateCompletions } from '../server/src/service/completion/policyTemplates';
import { repoPath } from './support/paths';
import { modelOf, service, textAfterEdits } from './support/service';
import { expandSnippet } from './support/snippetText';

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly description: string;
  readonly isFileTemplate?: boolean;
  readonly body: string | readonly string[];
}

const snippets = JSON.parse(readFileSync(repoPath('snippets', 'iam-policy.code-snippets'), 'utf8')) as Record<string, Snippet>;

function bodyOf(snippet: Snippet): string {
  return typeof snippet.body === 'string' ? snippet.body : snippet.body.join('\n');
}

/** Where a fragment goes to be checked: a statement into a policy, a Condition element into a statement. */
function asPolicy(text: string): string {
  if (/"Statement"/.test(text)) return text;
  if (text.startsWith('"Condition"')) {
    return `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*", ${text}}]}`;
  }
  return `{"Version": "2012-10-17", "Statement": [${text}]}`;
}

/**
 * Per snippet: the policy type it is written for and the rule ids it is expected to trigger with its defaults.
 * Every entry says why; an unexpected finding (or a missing one) fails, so rule changes are reviewed here.
 */
const expectations: Record<string, { type: PolicyType; findings: string[]; why?: string }> = {
  // What the user must replace (a bucket, an account, a repository, an external or organization ID) is a tab stop
  // whose default is a placeholder: a snippet left unfilled is an unfilled-placeholder error, not a valid policy.
  'IAM policy': { type: 'identity', findings: ['unfilled-placeholder'], why: 'amzn-s3-demo-bucket' },
  'IAM Allow statement': { type: 'identity', findings: ['unfilled-placeholder'], why: 'amzn-s3-demo-bucket' },
  'IAM Deny statement': { type: 'identity', findings: ['unfilled-placeholder'], why: 'amzn-s3-demo-bucket' },
  'IAM require MFA': { type: 'identity', findings: ['unfilled-placeholder'], why: '${Account}' },
  'IAM manage own credentials': {
    type: 'identity',
    findings: ['unfilled-placeholder'],
    why: '${Account}; credential self-service on the caller only; pair it with "IAM require MFA" to demand MFA',
  },
  'IAM S3 read-only bucket': { type: 'identity', findings: ['unfilled-placeholder'], why: 'amzn-s3-demo-bucket' },
  'IAM trust: AWS service': { type: 'trust', findings: [] },
  'IAM trust: another account': { type: 'trust', findings: ['unfilled-placeholder'], why: '${Account} and ${ExternalId}' },
  'IAM trust: GitHub Actions OIDC': { type: 'trust', findings: ['unfilled-placeholder'], why: '${Account} and OWNER/REPO' },
  'IAM SCP: deny leaving the organization': { type: 'scp', findings: [] },
  'IAM SCP: restrict Regions': { type: 'scp', findings: [] },
  'IAM permissions boundary': { type: 'permissions-boundary', findings: ['unfilled-placeholder'], why: '${Account}' },
  'IAM condition: MFA': { type: 'identity', findings: [] },
  'IAM condition: source IP': { type: 'identity', findings: [] },
  'IAM condition: organization': { type: 'identity', findings: ['unfilled-placeholder'], why: '${OrganizationId}' },
  'IAM condition: secure transport': { type: 'identity', findings: [] },
  'IAM condition: tags': { type: 'identity', findings: [] },
};

suite('snippets', () => {
  test('the expander fills tab stops, choices, mirrors and escapes', () => {
    assert.equal(expandSnippet('"${1:a}" "${2|x,y|}" "$1" "${1}" "\\${aws:username}" "${3:n ${4:m}}" "$0"'), '"a" "x" "a" "a" "${aws:username}" "n m" ""');
    assert.equal(expandSnippet('${1|a\\,b,c|}/${2:\\}}'), 'a,b/}');
    assert.throws(() => expandSnippet('$TM_FILENAME'));
    assert.throws(() => expandSnippet('${1:open'));
  });

  test('every snippet has an expectation, an iam- prefix and a description, and no real account id', () => {
    assert.deepEqual(Object.keys(snippets).sort(), Object.keys(expectations).sort());
    for (const [name, snippet] of Object.entries(snippets)) {
      const prefixes = typeof snippet.prefix === 'string' ? [snippet.prefix] : snippet.prefix;
      assert.ok(prefixes.length > 0 && prefixes.every((p) => /^iam-[a-z0-9-]+$/.test(p)), name);
      assert.ok(snippet.description.length > 10, name);
      for (const account of bodyOf(snippet).match(/\d{12}/g) ?? []) assert.equal(account, '111122223333', name);
    }
  });

  test('the check below is not vacuous: a broad statement in the same wrapping has findings', () => {
    const policy = asPolicy('{"Effect": "Allow", "Action": "*", "Resource": "*"}');
    const codes = service.validate(modelOf(policy), { settings: defaultSettings, policyType: 'identity' }).map((d) => String(d.code));
    assert.ok(codes.length > 0);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    test(`${name}: JSON with its defaults, and the expected findings only`, () => {
      const text = expandSnippet(bodyOf(snippet));
      const policy = asPolicy(text);
      assert.doesNotThrow(() => JSON.parse(policy), policy);
      const expected = expectations[name]!;
      const model = modelOf(policy);
      const diagnostics = service.validate(model, { settings: defaultSettings, policyType: expected.type });
      const found = [...new Set(diagnostics.map((d) => String(d.code)))].sort();
      assert.deepEqual(found, [...expected.findings].sort(), `${name}: ${diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')}`);
      // Each placeholder the expectation names is one the rule reports, and it is a tab stop's default.
      const unfilled = diagnostics.filter((d) => d.code === 'unfilled-placeholder').map((d) => model.document.getText(d.range));
      for (const placeholder of unfilled) {
        assert.ok(expected.why?.includes(placeholder.replace(/\d+$/, '')), `${name}: ${placeholder} is named in the expectation`);
        assert.ok(bodyOf(snippet).includes(':' + placeholder.replace(/[$}]/g, (c) => `\\${c}`).split('/')[0]!), `${name}: ${placeholder} is a tab stop's default`);
      }
    });
  }

  test('the server templates are the whole-policy snippets, in the same order', () => {
    const fileTemplates = Object.entries(snippets).filter(([, s]) => s.isFileTemplate);
    assert.deepEqual(
      policyTemplates.map((t) => ({ name: t.name, prefix: t.prefix, description: t.description, body: t.body.join('\n') })),
      fileTemplates.map(([name, s]) => ({ name, prefix: typeof s.prefix === 'string' ? s.prefix : s.prefix[0], description: s.description, body: bodyOf(s) })),
    );
    for (const template of policyTemplates) assert.equal(template.policyType, expectations[template.name]!.type, template.name);
  });
});

suite('completion in an empty document offers the templates', () => {
  test('blank document: every template, as a snippet replacing nothing', () => {
    const model = modelOf('\n  ');
    const items = templateCompletions(model, { line: 1, character: 2 });
    assert.deepEqual(items.map((i) => i.label), policyTemplates.map((t) => t.name));
    const item = items[0]!;
    assert.equal(item.insertTextFormat, 2);
    const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    assert.deepEqual(edit.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } });
    const inserted = textAfterEdits(model.document, [{ range: edit.range, newText: expandSnippet(edit.newText) }]);
    assert.equal(JSON.parse(inserted).Version, '2012-10-17');
  });

  test('the word being typed is replaced and filters by prefix', () => {
    const model = modelOf('iam-tru');
    const items = templateCompletions(model, { line: 0, character: 7 });
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.match(item.filterText!, /^iam-/);
      assert.deepEqual((item.textEdit as { range: unknown }).range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
    }
  });

  test('nothing once the document has content', () => {
    for (const [text, character] of [['{', 1], ['{}', 1], ['iam-policy {', 3], ['x y', 3]] as const) {
      assert.deepEqual(templateCompletions(modelOf(text), { line: 0, character }), [], text);
    }
  });
});
