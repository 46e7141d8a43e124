/**
 * Editing host documents through the whole engine (issue #14): readHost -> hostModel -> createHostService, for
 * completion, hover, quick fixes, policy types and files that are no hosts. `[|...|]` marks an exact host range
 * (the word a completion replaces, the characters a hover covers), `|` the cursor. Quick fixes are applied and the
 * resulting host text is compared whole, then read again: the same policies, no syntax error.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { defaultSettings, type PolicyType } from '../../shared/settings';
import { hostSyntax, type HostSyntax } from '../../shared/hostFiles';
import { indefiniteArticle } from '../../shared/indefiniteArticle';
import { createPolicyService } from '../../server/src/service';
import { createHostService } from '../../server/src/hosts/hostService';
import { hostModel, type HostModel } from '../../server/src/hosts/hostModel';
import { fixAllKind } from '../../server/src/service/codeActions';
import { cursor, ranges } from '../support/markers';
import { hostFiles, hostModelOf, hostOf, indent } from './hostEngine';
import { cdkPy, cdkTs, cfnJson, cfnYaml, slsFunction, slsV2, slsV3, tfDocument, tfHeredoc, tfIndentedHeredoc, tfJsonencode } from './hostTexts';

const hostService = createHostService(createPolicyService());

const modelOf = hostModelOf;

/** `[|word|]|` in a source: the text, the marked word and the cursor right after it. */
function marked(source: string): { text: string; span: { offset: number; length: number }; offset: number } {
  assert.equal(source.split('|]|').length, 2, 'one `[|word|]|` marker');
  // The cursor follows the range's end: a separate marker keeps `|]` after it from reading as a stray range end.
  const withCursor = ranges(source.replace('|]|', '|]\u0000'));
  assert.equal(withCursor.spans.length, 1, 'one marked range');
  const { text, offset } = cursor(withCursor.text, '\u0000');
  return { text, span: withCursor.spans[0]!, offset };
}

const crlf = (text: string) => text.replaceAll('\n', '\r\n');

const applyTextEdits = (document: TextDocument, edits: readonly TextEdit[]) => TextDocument.applyEdits(document, [...edits]);


/** An aws_iam_policy_document with one statement block; `statement` is the block's inside. */
const tfStatement = (statement: string) => tfDocument(`statement {\n${indent(statement, 2)}\n}`);

const objects = 'arn:aws:s3:::my-bucket/*';

/** One statement with `action` (already in the host's syntax, markers allowed) as its Action, in every host. */
function everyHost(action: { yaml: string; json: string; hcl: string; python?: string; typescript?: string }): [string, HostSyntax, string][] {
  return [
    ['CloudFormation YAML', 'yaml', cfnYaml(`- Effect: Allow\n  Action: ${action.yaml}\n  Resource: ${objects}`)],
    ['CloudFormation JSON', 'json', cfnJson(`{\n  "Effect": "Allow",\n  "Action": ${action.json},\n  "Resource": "${objects}"\n}`)],
    ['Terraform jsonencode', 'terraform', tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = ${action.hcl}\n  Resource = "${objects}"\n},`)],
    ['Terraform heredoc <<EOF', 'terraform', tfHeredoc(`{\n  "Effect": "Allow",\n  "Action": ${action.json},\n  "Resource": "${objects}"\n}`)],
    ['Terraform heredoc <<-EOF', 'terraform', tfIndentedHeredoc(`{\n  "Effect": "Allow",\n  "Action": ${action.json},\n  "Resource": "${objects}"\n}`)],
    ['Terraform aws_iam_policy_document', 'terraform', tfStatement(`actions   = [${action.hcl}]\nresources = ["${objects}"]`)],
    ['serverless.yml provider.iam.role.statements', 'yaml', slsV3(`- Effect: Allow\n  Action: ${action.yaml}\n  Resource: ${objects}`)],
    ['serverless.yml provider.iamRoleStatements', 'yaml', slsV2(`- Effect: Allow\n  Action: ${action.yaml}\n  Resource: ${objects}`)],
    ["serverless.yml a function's iamRoleStatements", 'yaml', slsFunction(`- Effect: Allow\n  Action: ${action.yaml}\n  Resource: ${objects}`)],
    ['CDK TypeScript', 'typescript', cdkTs(`actions: [${action.typescript ?? action.json.replaceAll('"', "'")}],\nresources: ['${objects}'],`)],
    ['CDK Python', 'python', cdkPy(`actions=[${action.python ?? action.json}],\nresources=["${objects}"],`)],
  ];
}

// --- completion --------------------------------------------------------------------------------------------------

suite('host service: completion inside an Action value replaces exactly the typed word', () => {
  const cases: [string, HostSyntax, string][] = [
    ...everyHost({ yaml: '[|s3:GetObj|]|', json: '"[|s3:GetObj|]|"', hcl: '"[|s3:GetObj|]|"' }),
    ['CloudFormation YAML, double-quoted', 'yaml', cfnYaml(`- Effect: Allow\n  Action: "[|s3:GetObj|]|"\n  Resource: ${objects}`)],
    ['CloudFormation YAML, single-quoted', 'yaml', cfnYaml(`- Effect: Allow\n  Action: '[|s3:GetObj|]|'\n  Resource: ${objects}`)],
    ['CloudFormation YAML, block list item', 'yaml', cfnYaml(`- Effect: Allow\n  Action:\n    - s3:PutObject\n    - [|s3:GetObj|]|\n  Resource: ${objects}`)],
    ['CloudFormation YAML, flow list item', 'yaml', cfnYaml(`- Effect: Allow\n  Action: [s3:PutObject, [|s3:GetObj|]|]\n  Resource: ${objects}`)],
    ['serverless.yml, quoted in a flow list', 'yaml', slsV3(`- Effect: Allow\n  Action: ["[|s3:GetObj|]|"]\n  Resource: ${objects}`)],
    ['CloudFormation YAML with CRLF line endings', 'yaml', crlf(cfnYaml(`- Effect: Allow\n  Action:\n    - s3:PutObject\n    - [|s3:GetObj|]|\n  Resource: ${objects}`))],
    ['Terraform with CRLF line endings', 'terraform', crlf(tfStatement(`actions   = ["s3:PutObject", "[|s3:GetObj|]|"]\nresources = ["${objects}"]`))],
  ];
  for (const [name, syntax, source] of cases) {
    test(name, async () => {
      const { text, span, offset } = marked(source);
      const model = await modelOf(syntax, text);
      const list = await hostService.complete(model, model.document.positionAt(offset));
      assert.ok(list, `no completion in:\n${text}`);
      const item = list.items.find((candidate) => candidate.label === 's3:GetObject');
      assert.ok(item, `s3:GetObject is offered; got ${list.items.slice(0, 5).map((i) => i.label).join(', ')}`);
      for (const offered of list.items) assert.match(String(offered.label), /^s3:GetObj/i, 'only matching actions');
      const edit = item.textEdit as TextEdit;
      assert.deepEqual(
        { start: model.document.offsetAt(edit.range.start), end: model.document.offsetAt(edit.range.end) },
        { start: span.offset, end: span.offset + span.length },
        'replaces exactly the typed word',
      );
      const completed = applyTextEdits(model.document, [edit]);
      assert.equal(completed, text.slice(0, span.offset) + 's3:GetObject' + text.slice(span.offset + span.length));
      const again = await hostOf(syntax, completed);
      assert.equal(again?.policies.length, model.host.policies.length);
      assert.deepEqual(again?.syntaxErrors, []);
    });
  }
});

// --- hover -------------------------------------------------------------------------------------------------------

suite('host service: hover on an action covers exactly the action as written (its quotes too, as in a policy file)', () => {
  const cases = everyHost({ yaml: '[|s3:Get|Object|]', json: '[|"s3:Get|Object"|]', hcl: '[|"s3:Get|Object"|]' });
  cases.push(['CloudFormation YAML, single-quoted in a block list', 'yaml', cfnYaml(`- Effect: Allow\n  Action:\n    - [|'s3:Get|Object'|]\n  Resource: ${objects}`)]);
  for (const [name, syntax, source] of cases) {
    test(name, async () => {
      // The cursor sits inside the range here: strip it first, then the range.
      const { text: withRange, offset } = cursor(source.replace('[|', '\u0001').replace('|]', '\u0002'));
      const stripped = withRange.replace('\u0001', '[|').replace('\u0002', '|]');
      const { text, spans } = ranges(stripped);
      const start = spans[0]!.offset;
      const hoverOffset = offset - 1; // the `[|` marker before the cursor is gone too
      const model = await modelOf(syntax, text);
      const result = await hostService.hover(model, model.document.positionAt(hoverOffset));
      assert.ok(result?.range, `no hover in:\n${text}`);
      assert.match((result.contents as MarkupContent).value, /retrieve objects from Amazon S3/);
      assert.deepEqual(
        { start: model.document.offsetAt(result.range.start), end: model.document.offsetAt(result.range.end) },
        { start, end: start + spans[0]!.length },
      );
    });
  }
});

// --- quick fixes -------------------------------------------------------------------------------------------------

async function diagnosticsOf(model: HostModel): Promise<Diagnostic[]> {
  const steps = hostService.validationSteps(model, defaultSettings);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The quick fixes offered for the file's findings of one rule, with the text each one leaves. */
/** Whether the diagnostic reports the rule, itself or folded into it (service/folding.ts). */
function reports(diagnostic: Diagnostic, ruleId: string): boolean {
  return diagnostic.code === ruleId || !!diagnostic.relatedInformation?.some((related) => related.message.startsWith(`${ruleId}: `));
}

async function quickFixes(syntax: HostSyntax, text: string, ruleId: string): Promise<{ action: CodeAction; result: string }[]> {
  const model = await modelOf(syntax, text);
  const diagnostics = (await diagnosticsOf(model)).filter((d) => reports(d, ruleId));
  assert.ok(diagnostics.length > 0, `no ${ruleId} in:\n${text}\n(found ${(await diagnosticsOf(model)).map((d) => d.code).join(', ')})`);
  const actions = hostService.codeActions(model, diagnostics, ['quickfix'], defaultSettings);
  return actions.map((action) => ({ action, result: applyTextEdits(model.document, action.edit?.changes?.[model.document.uri] ?? []) }));
}

/** Applies the fix with this title and checks the whole host text, then that the host still reads the same. */
async function expectFixed(syntax: HostSyntax, before: string, ruleId: string, title: string, after: string): Promise<void> {
  const fixes = await quickFixes(syntax, before, ruleId);
  const chosen = fixes.find(({ action }) => action.title.startsWith(title));
  assert.ok(chosen, `no fix "${title}"; offered: ${fixes.map(({ action }) => action.title).join(' | ')}`);
  assert.equal(chosen.result, after);
  const original = await hostOf(syntax, before);
  const fixed = await hostOf(syntax, after);
  assert.equal(fixed?.policies.length, original?.policies.length, 'the same policies after the fix');
  assert.deepEqual(fixed?.syntaxErrors, [], 'no syntax error after the fix');
  const model = await modelOf(syntax, after);
  assert.deepEqual(
    (await diagnosticsOf(model)).filter((d) => reports(d, ruleId)).map((d) => d.message),
    [],
    `${ruleId} is gone after the fix`,
  );
}

suite('host service: the invalid-action fix rewrites the action in the host', () => {
  const typo = everyHost({ yaml: 's3:PutObjet', json: '"s3:PutObjet"', hcl: '"s3:PutObjet"' });
  const fixed = everyHost({ yaml: 's3:PutObject', json: '"s3:PutObject"', hcl: '"s3:PutObject"' });
  typo.push(
    ['CloudFormation YAML with CRLF line endings', 'yaml', crlf(cfnYaml(`- Effect: Allow\n  Action:\n    - s3:GetObject\n    - s3:PutObjet\n  Resource: ${objects}`))],
    ['Terraform heredoc with CRLF line endings', 'terraform', crlf(tfIndentedHeredoc(`{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", "s3:PutObjet"],\n  "Resource": "${objects}"\n}`))],
    ['CloudFormation YAML, double-quoted', 'yaml', cfnYaml(`- Effect: Allow\n  Action: "s3:PutObjet"\n  Resource: ${objects}`)],
    ['CloudFormation YAML, single-quoted in a block list', 'yaml', cfnYaml(`- Effect: Allow\n  Action:\n    - s3:GetObject\n    - 's3:PutObjet'\n  Resource: ${objects}`)],
  );
  fixed.push(
    ['CloudFormation YAML with CRLF line endings', 'yaml', crlf(cfnYaml(`- Effect: Allow\n  Action:\n    - s3:GetObject\n    - s3:PutObject\n  Resource: ${objects}`))],
    ['Terraform heredoc with CRLF line endings', 'terraform', crlf(tfIndentedHeredoc(`{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", "s3:PutObject"],\n  "Resource": "${objects}"\n}`))],
    ['CloudFormation YAML, double-quoted', 'yaml', cfnYaml(`- Effect: Allow\n  Action: "s3:PutObject"\n  Resource: ${objects}`)],
    ['CloudFormation YAML, single-quoted in a block list', 'yaml', cfnYaml(`- Effect: Allow\n  Action:\n    - s3:GetObject\n    - 's3:PutObject'\n  Resource: ${objects}`)],
  );
  typo.forEach(([name, syntax, before], index) => {
    test(name, async () => {
      await expectFixed(syntax, before, 'invalid-action', 'Change to s3:PutObject', fixed[index]![2]);
    });
  });
});

suite('host service: the invalid-effect fix keeps the host quoting', () => {
  const cases: [string, HostSyntax, string, string][] = [
    ['CloudFormation YAML, plain', 'yaml', cfnYaml(`- Effect: allow\n  Action: s3:GetObject\n  Resource: ${objects}`), cfnYaml(`- Effect: Allow\n  Action: s3:GetObject\n  Resource: ${objects}`)],
    ['CloudFormation YAML, single-quoted', 'yaml', cfnYaml(`- Effect: 'allow'\n  Action: s3:GetObject\n  Resource: ${objects}`), cfnYaml(`- Effect: 'Allow'\n  Action: s3:GetObject\n  Resource: ${objects}`)],
    [
      'Terraform aws_iam_policy_document',
      'terraform',
      tfStatement(`effect    = "allow"\nactions   = ["s3:GetObject"]\nresources = ["${objects}"]`),
      tfStatement(`effect    = "Allow"\nactions   = ["s3:GetObject"]\nresources = ["${objects}"]`),
    ],
    [
      'Terraform jsonencode',
      'terraform',
      tfJsonencode(`{\n  Effect   = "allow"\n  Action   = "s3:GetObject"\n  Resource = "${objects}"\n},`),
      tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = "s3:GetObject"\n  Resource = "${objects}"\n},`),
    ],
  ];
  for (const [name, syntax, before, after] of cases) {
    test(name, async () => {
      await expectFixed(syntax, before, 'invalid-effect', 'Change to "Allow"', after);
    });
  }
});

suite('host service: the missing-version fix adds Version in the host syntax', () => {
  const yamlBefore = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: ${objects}
`;
  const yamlAfter = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: ${objects}
`;
  const jsonBefore = `{
  "Resources": {
    "Policy": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": {
        "PolicyDocument": {
          "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "${objects}" }]
        }
      }
    }
  }
}
`;
  const hclBefore = `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "${objects}" },
    ]
  })
}
`;
  const hclAfter = `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "${objects}" },
    ]
  })
}
`;
  test('CloudFormation YAML', async () => {
    await expectFixed('yaml', yamlBefore, 'missing-version', 'Add "Version"', yamlAfter);
  });
  test('CloudFormation JSON', async () => {
    const fixes = await quickFixes('json', jsonBefore, 'missing-version');
    const result = fixes.find(({ action }) => action.title.startsWith('Add "Version"'))?.result;
    assert.ok(result, 'the fix is offered');
    // JSON's writer decides the layout; what counts is a valid template whose policy now has the version first.
    const document = JSON.parse(result).Resources.Policy.Properties.PolicyDocument;
    assert.deepEqual(Object.keys(document), ['Version', 'Statement']);
    assert.equal(document.Version, '2012-10-17');
    await expectFixed('json', jsonBefore, 'missing-version', 'Add "Version"', result);
  });
  test('Terraform jsonencode', async () => {
    await expectFixed('terraform', hclBefore, 'missing-version', 'Add "Version"', hclAfter);
  });
  test('serverless.yml and aws_iam_policy_document supply the Version themselves: no finding', async () => {
    for (const [syntax, text] of [
      ['yaml', slsV3(`- Effect: Allow\n  Action: s3:GetObject\n  Resource: ${objects}`)],
      ['terraform', tfStatement(`actions   = ["s3:GetObject"]\nresources = ["${objects}"]`)],
    ] as const) {
      const model = await modelOf(syntax, text);
      assert.deepEqual((await diagnosticsOf(model)).map((d) => d.code), [], text);
    }
  });
});

suite('host service: the wildcard-action expansion writes a list in the host syntax', () => {
  // A service small enough to read its expansion in a test.
  const service = 'sts';
  async function expansionOf(syntax: HostSyntax, before: string): Promise<{ result: string; actions: string[] }> {
    const fixes = await quickFixes(syntax, before, 'wildcard-action');
    const chosen = fixes.find(({ action }) => action.title.startsWith(`Replace "${service}:*" with its`));
    assert.ok(chosen, `no expansion; offered: ${fixes.map(({ action }) => action.title).join(' | ')}`);
    const actions = [...chosen.result.matchAll(new RegExp(`${service}:[A-Za-z]+`, 'g'))].map((m) => m[0]);
    assert.ok(actions.length > 3, `the expansion lists the actions: ${chosen.result}`);
    return { result: chosen.result, actions };
  }
  const list = (actions: readonly string[], format: (action: string) => string, separator: string) => actions.map(format).join(separator);

  test('CloudFormation YAML, plain scalar -> block list at the same indentation', async () => {
    const before = cfnYaml(`- Effect: Allow\n  Action: ${service}:*\n  Resource: "*"`);
    const { result, actions } = await expansionOf('yaml', before);
    const expected = cfnYaml(`- Effect: Allow\n  Action:\n${list(actions, (a) => `    - ${a}`, '\n')}\n  Resource: "*"`);
    assert.equal(result, expected);
    await expectFixed('yaml', before, 'wildcard-action', `Replace "${service}:*"`, expected);
  });
  test('CloudFormation YAML, item of a flow list -> items of the flow list', async () => {
    const before = cfnYaml(`- Effect: Allow\n  Action: [s3:GetObject, ${service}:*]\n  Resource: "*"`);
    const { result, actions } = await expansionOf('yaml', before);
    const expected = cfnYaml(`- Effect: Allow\n  Action: [s3:GetObject, ${list(actions, (a) => a, ', ')}]\n  Resource: "*"`);
    assert.equal(result, expected);
  });
  test('CloudFormation YAML, double-quoted scalar -> block list of double-quoted items', async () => {
    const before = cfnYaml(`- Effect: Allow\n  Action: "${service}:*"\n  Resource: "*"`);
    const { result, actions } = await expansionOf('yaml', before);
    const expected = cfnYaml(`- Effect: Allow\n  Action:\n${list(actions, (a) => `    - "${a}"`, '\n')}\n  Resource: "*"`);
    assert.equal(result, expected);
    await expectFixed('yaml', before, 'wildcard-action', `Replace "${service}:*"`, expected);
  });
  test('CloudFormation YAML, single-quoted item of a flow list -> single-quoted items', async () => {
    const before = cfnYaml(`- Effect: Allow\n  Action: ['s3:GetObject', '${service}:*']\n  Resource: "*"`);
    const { result, actions } = await expansionOf('yaml', before);
    const expected = cfnYaml(`- Effect: Allow\n  Action: ['s3:GetObject', ${list(actions, (a) => `'${a}'`, ', ')}]\n  Resource: "*"`);
    assert.equal(result, expected);
  });
  test('serverless.yml, quoted item of a block list -> quoted items', async () => {
    const before = slsV3(`- Effect: Allow\n  Action:\n    - "s3:GetObject"\n    - "${service}:*"\n  Resource: "*"`);
    const { result, actions } = await expansionOf('yaml', before);
    const expected = slsV3(`- Effect: Allow\n  Action:\n    - "s3:GetObject"\n${list(actions, (a) => `    - "${a}"`, '\n')}\n  Resource: "*"`);
    assert.equal(result, expected);
    await expectFixed('yaml', before, 'wildcard-action', `Replace "${service}:*"`, expected);
  });
  test('Terraform <<-EOF heredoc: a JSON list at the heredoc indentation', async () => {
    const before = tfIndentedHeredoc(`{\n  "Effect": "Allow",\n  "Action": "${service}:*",\n  "Resource": "*"\n}`);
    const { result, actions } = await expansionOf('terraform', before);
    const expected = tfIndentedHeredoc(`{\n  "Effect": "Allow",\n  "Action": [\n${list(actions, (a) => `    "${a}"`, ',\n')}\n  ],\n  "Resource": "*"\n}`);
    assert.equal(result, expected);
    await expectFixed('terraform', before, 'wildcard-action', `Replace "${service}:*"`, expected);
  });
  test('Terraform <<EOF heredoc: items of a one-line JSON list', async () => {
    const before = tfHeredoc(`{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", "${service}:*"],\n  "Resource": "*"\n}`);
    const { result, actions } = await expansionOf('terraform', before);
    const expected = tfHeredoc(`{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", ${list(actions, (a) => `"${a}"`, ', ')}],\n  "Resource": "*"\n}`);
    assert.equal(result, expected);
    await expectFixed('terraform', before, 'wildcard-action', `Replace "${service}:*"`, expected);
  });
  test('CDK TypeScript and Python: items of the array literal, in its quotes', async () => {
    const tsBefore = cdkTs(`actions: ['s3:GetObject', '${service}:*'],\nresources: ['*'],`);
    const ts = await expansionOf('typescript', tsBefore);
    const tsExpected = cdkTs(`actions: ['s3:GetObject', ${list(ts.actions, (a) => `'${a}'`, ', ')}],\nresources: ['*'],`);
    assert.equal(ts.result, tsExpected);
    await expectFixed('typescript', tsBefore, 'wildcard-action', `Replace "${service}:*"`, tsExpected);
    const pyBefore = cdkPy(`actions=["${service}:*"],\nresources=["*"],`);
    const py = await expansionOf('python', pyBefore);
    const pyExpected = cdkPy(`actions=[${list(py.actions, (a) => `"${a}"`, ', ')}],\nresources=["*"],`);
    assert.equal(py.result, pyExpected);
    await expectFixed('python', pyBefore, 'wildcard-action', `Replace "${service}:*"`, pyExpected);
  });
  test('CRLF YAML: the new lines end in CRLF too', async () => {
    const before = crlf(cfnYaml(`- Effect: Allow\n  Action: ${service}:*\n  Resource: "*"`));
    const { result, actions } = await expansionOf('yaml', before);
    const expected = crlf(cfnYaml(`- Effect: Allow\n  Action:\n${list(actions, (a) => `    - ${a}`, '\n')}\n  Resource: "*"`));
    assert.equal(result, expected);
    await expectFixed('yaml', before, 'wildcard-action', `Replace "${service}:*"`, expected);
  });
  test('Terraform aws_iam_policy_document: items of the one-line HCL list', async () => {
    const before = tfStatement(`actions   = ["${service}:*"]\nresources = ["*"]`);
    const { result, actions } = await expansionOf('terraform', before);
    const expected = tfStatement(`actions   = [${list(actions, (a) => `"${a}"`, ', ')}]\nresources = ["*"]`);
    assert.equal(result, expected);
    await expectFixed('terraform', before, 'wildcard-action', `Replace "${service}:*"`, expected);
  });
  test('Terraform jsonencode: a string becomes an HCL list, one item a line with trailing commas', async () => {
    const before = tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = "${service}:*"\n  Resource = "*"\n},`);
    const { result, actions } = await expansionOf('terraform', before);
    const expected = tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = [\n${list(actions, (a) => `    "${a}",`, '\n')}\n  ]\n  Resource = "*"\n},`);
    assert.equal(result, expected);
    await expectFixed('terraform', before, 'wildcard-action', `Replace "${service}:*"`, expected);
  });
});

// --- policy types from the host ----------------------------------------------------------------------------------

suite('host service: the policy type comes from where the host puts the policy', () => {
  const typeNames: Readonly<Partial<Record<PolicyType, string>>> = {
    identity: 'identity-based policy',
    resource: 'resource-based policy',
    trust: 'role trust policy',
    scp: 'service control policy (SCP)',
    rcp: 'resource control policy (RCP)',
    'permissions-boundary': 'permissions boundary',
  };
  const cases: [name: string, syntax: HostSyntax, source: string, type: PolicyType, label: string][] = [
    [
      'AssumeRolePolicyDocument of a role (YAML)',
      'yaml',
      `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        V|ersion: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
`,
      'trust',
      'Resources.Role.Properties.AssumeRolePolicyDocument',
    ],
    [
      'a bucket policy (JSON)',
      'json',
      `{
  "Resources": {
    "BucketPolicy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": "my-bucket",
        "PolicyDocument": {
          "V|ersion": "2012-10-17",
          "Statement": [{ "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "${objects}", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }]
        }
      }
    }
  }
}
`,
      'resource',
      'Resources.BucketPolicy.Properties.PolicyDocument',
    ],
    [
      'an SCP in AWS::Organizations::Policy',
      'yaml',
      `Resources:
  DenyLeaving:
    Type: AWS::Organizations::Policy
    Properties:
      Name: deny-leaving
      Type: SERVICE_CONTROL_POLICY
      Content:
        V|ersion: "2012-10-17"
        Statement:
          - Effect: Deny
            Action: organizations:LeaveOrganization
            Resource: "*"
`,
      'scp',
      'Resources.DenyLeaving.Properties.Content',
    ],
    [
      'an RCP in AWS::Organizations::Policy',
      'yaml',
      `Resources:
  Rcp:
    Type: AWS::Organizations::Policy
    Properties:
      Name: rcp
      Type: RESOURCE_CONTROL_POLICY
      Content:
        V|ersion: "2012-10-17"
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: "*"
            Condition:
              Bool:
                aws:SecureTransport: "false"
`,
      'rcp',
      'Resources.Rcp.Properties.Content',
    ],
    [
      'a managed policy used as a permissions boundary',
      'yaml',
      `Resources:
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        V|ersion: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: "*"
  Role:
    Type: AWS::IAM::Role
    Properties:
      PermissionsBoundary: !Ref Boundary
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
`,
      'permissions-boundary',
      'Resources.Boundary.Properties.PolicyDocument',
    ],
    [
      "Terraform aws_iam_role's assume_role_policy",
      'terraform',
      `resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    V|ersion = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
`,
      'trust',
      'resource.aws_iam_role.r.assume_role_policy',
    ],
    [
      'Terraform aws_s3_bucket_policy',
      'terraform',
      `resource "aws_s3_bucket_policy" "b" {
  bucket = "my-bucket"
  policy = jsonencode({
    V|ersion = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "${objects}"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`,
      'resource',
      'resource.aws_s3_bucket_policy.b.policy',
    ],
    [
      'Terraform aws_organizations_policy of type SERVICE_CONTROL_POLICY',
      'terraform',
      `resource "aws_organizations_policy" "scp" {
  name = "deny-leaving"
  type = "SERVICE_CONTROL_POLICY"
  content = jsonencode({
    V|ersion = "2012-10-17"
    Statement = [{
      Effect   = "Deny"
      Action   = "organizations:LeaveOrganization"
      Resource = "*"
    }]
  })
}
`,
      'scp',
      'resource.aws_organizations_policy.scp.content',
    ],
  ];
  for (const [name, syntax, source, type, label] of cases) {
    test(name, async () => {
      const { text, offset } = cursor(source);
      const model = await modelOf(syntax, text);
      const position = model.document.positionAt(offset);
      const chosen = hostService.policyType(model, position);
      assert.deepEqual(chosen && { type: chosen.type, source: chosen.source }, { type, source: 'host' });
      assert.equal(chosen?.label, label);
      const result = await hostService.hover(model, position);
      assert.ok(result, 'hover on Version');
      assert.match((result.contents as MarkupContent).value, new RegExp(`Checked as ${indefiniteArticle(typeNames[type]!)} \\*\\*${typeNames[type]!.replace(/[()]/g, '\\$&')}\\*\\* \\(from where the template puts it\\)`));
      // No finding for a well-formed policy of its type (a trust policy's Principal is not "unsupported" there).
      assert.deepEqual(hostService.analyze(model, defaultSettings).map((p) => `${p.ruleId}: ${p.message}`), []);
    });
  }
});

// --- files that are no hosts --------------------------------------------------------------------------------------

suite('host service: files that hold no policies give nothing', () => {
  const cases: [name: string, path: string, text: string][] = [
    [
      'a GitHub workflow',
      '.github/workflows/ci.yml',
      `name: ci
on: [push]
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - run: aws s3 sync ./site s3://my-bucket --delete
`,
    ],
    [
      'a Kubernetes manifest with an IRSA annotation',
      'k8s/deployment.yaml',
      `apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/app
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      serviceAccountName: app
      containers:
        - name: app
          image: app:1
          env:
            - name: Action
              value: s3:PutObjet
`,
    ],
    [
      'a docker-compose file',
      'docker-compose.yml',
      `services:
  localstack:
    image: localstack/localstack
    environment:
      - SERVICES=s3,iam
      - Statement=s3:PutObjet
    ports: ["4566:4566"]
`,
    ],
    [
      'a Terraform file without IAM',
      'network.tf',
      `resource "aws_s3_bucket" "b" {
  bucket = "my-bucket"
}

resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
    ],
    [
      'TypeScript without the CDK',
      'src/policy.ts',
      `export const statement = {
  Effect: 'Allow',
  Action: ['s3:PutObjet'],
  Resource: '*',
};
export function actions(): string[] {
  return statement.Action;
}
`,
    ],
    [
      'Python without the CDK',
      'scripts/policy.py',
      `import boto3, json

policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObjet", "Resource": "*"}]}
boto3.client("iam").create_policy(PolicyName="p", PolicyDocument=json.dumps(policy))
`,
    ],
  ];
  for (const [name, path, text] of cases) {
    test(name, async () => {
      const syntax = hostSyntax({ path });
      assert.ok(syntax, `${path} has a host syntax`);
      const host = await hostOf(syntax, text);
      if (!host) return;
      assert.deepEqual(host.policies.map((p) => p.label), [], 'no policies');
      const model = hostModel(TextDocument.create(`file:///work/${path}`, hostFiles[syntax].languageId, 1, text), host);
      assert.deepEqual(hostService.analyze(model, defaultSettings), []);
    });
  }
});

suite('host service: fix-all never lets two fixes clash, and broken code gets no fixes', () => {
  const fixAll = async (syntax: HostSyntax, text: string) => {
    const model = await modelOf(syntax, text);
    const actions = hostService.codeActions(model, await diagnosticsOf(model), [fixAllKind], defaultSettings);
    return actions.map((action) => applyTextEdits(model.document, action.edit?.changes?.[model.document.uri] ?? []));
  };

  test('a misspelt Version and the missing Version: fix-all takes one fix, never a key written twice', async () => {
    // Alone, each fix is right: rename Versionn to Version, or insert a Version. Together they write Version twice.
    const text = cfnYaml('- Effect: Allow\n  Action: s3:GetObject\n  Resource: "*"').replace('Version: "2012-10-17"', 'Versionn: "2012-10-17"');
    assert.ok(text.includes('Versionn'));
    const results = await fixAll('yaml', text);
    assert.equal(results.length, 1);
    const fixed = (await hostOf('yaml', results[0]!))!;
    assert.deepEqual(fixed.syntaxErrors, [], `fix-all left:\n${results[0]}`);
    assert.equal((results[0]!.match(/^\s+Version:/gm) ?? []).length, 1);
  });

  test('CDK code the parser had to recover from: findings, but no quick fix and no refactoring', async () => {
    const text = `import * as iam from 'aws-cdk-lib/aws-iam';
const role = new iam.Role(this, 'App', { assumedBy:

const statement = new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:GetObject', 's3:PutObjet'], resources: ['*'] });
`;
    const model = await modelOf('typescript', text);
    assert.equal(model.host.recovered, true);
    const diagnostics = await diagnosticsOf(model);
    assert.ok(diagnostics.some((d) => d.code === 'invalid-action'), diagnostics.map((d) => d.code).join(', '));
    const end = model.document.positionAt(text.length);
    assert.deepEqual(hostService.codeActions(model, diagnostics, undefined, defaultSettings, { start: { line: 0, character: 0 }, end }), []);
  });
});
