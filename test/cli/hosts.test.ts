/**
 * The CLI on infrastructure code (issue #14): templates, Terraform and serverless.yml named on the command line or
 * found in folders by their content, findings at the host file's lines in every format, --fix writing the host's
 * syntax, and the config file's ignore and filePatterns.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { read, runCli, sarifSchemaErrors, workspace, type JsonReport } from './cliProcess';

const template = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Uploads:
    Type: AWS::S3::Bucket
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action:
                  - s3:PutObjet
                  - s3:GetObject
                Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Uploads}/*"
              - Effect: Allow
                Action: !If [IsProd, "sqs:SendMessage", ["sqs:SendMessage", "sqs:DeleteMessage"]]
                Resource: !GetAtt Queue.Arn
`;

const terraform = `resource "aws_iam_role_policy" "app" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItme"]
        Resource = aws_dynamodb_table.items.arn
      },
    ]
  })
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObjectt"]
    resources = ["\${aws_s3_bucket.b.arn}/*"]
  }
}
`;

const serverless = `service: app
provider:
  name: aws
  runtime: nodejs20.x
  iam:
    role:
      statements:
        - Effect: Allow
          Action:
            - dynamodb:Query
            - dynamodb:Scann
          Resource: arn:aws:dynamodb:\${aws:region}:\${aws:accountId}:table/\${self:service}-items
`;

const workflow = `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/ci
          iam: "s3:PutObjet"
`;

function report(run: { code: number | null; stdout: string; stderr: string }): JsonReport {
  assert.equal(run.stderr, '', run.stderr);
  return JSON.parse(run.stdout) as JsonReport;
}

/** [line (1-based), the text at the finding, rule] of each finding of a file. */
function findings(folder: string, file: JsonReport['files'][number]): [number, string, string][] {
  const text = read(folder, file.path);
  return file.problems.map((p) => [p.range.start.line + 1, text.slice(p.offset, p.offset + p.length), p.ruleId]);
}

suite('CLI on infrastructure code', () => {
  const folder = workspace({
    'infra/template.yaml': { text: template },
    'infra/main.tf': { text: terraform },
    'app/serverless.yml': { text: serverless },
    '.github/workflows/ci.yml': { text: workflow },
    'app/config.yaml': { text: 'name: app\nvalues:\n  - s3:PutObjet\n' },
    'infra/cdk.out/App.template.json': { text: '{"Resources": {"R": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "x:Y", "Resource": "*"}]}}}}}' },
    'infra/.terraform/modules/m/main.tf': { text: terraform },
  });

  test('named files are read as their hosts, findings at the characters in the host file', () => {
    const run = runCli(['--format', 'json', 'infra/template.yaml', 'infra/main.tf', 'app/serverless.yml'], { cwd: folder });
    assert.equal(run.code, 1);
    const files = report(run).files;
    assert.deepEqual(
      files.map((f) => [f.path, f.host?.kind, f.host?.policies.map((p) => `${p.label}:${p.policyType}`)]),
      [
        ['infra/template.yaml', 'cloudformation', ['Resources.AppRole.Properties.AssumeRolePolicyDocument:trust', 'Resources.AppRole.Properties.Policies[0].PolicyDocument:identity']],
        ['infra/main.tf', 'terraform', ['resource.aws_iam_role_policy.app.policy:identity', 'data.aws_iam_policy_document.read:identity']],
        ['app/serverless.yml', 'serverless', ['provider.iam.role.statements:identity']],
      ],
    );
    // No data-exfiltration for s3:GetObject: its Resource is a !Sub whose bucket only the deployment knows.
    assert.deepEqual(findings(folder, files[0]!), [[21, 's3:PutObjet', 'invalid-action']]);
    assert.deepEqual(findings(folder, files[1]!), [
      [8, '"dynamodb:PutItme"', 'invalid-action'],
      [17, '"s3:GetObjectt"', 'invalid-action'],
    ]);
    assert.deepEqual(findings(folder, files[2]!), [[11, 'dynamodb:Scann', 'invalid-action']]);
  });

  test('a folder is searched by content: templates, Terraform and serverless.yml, not workflows or tool output', () => {
    const files = report(runCli(['--format', 'json', '.'], { cwd: folder })).files;
    assert.deepEqual(files.map((f) => f.path).sort(), ['app/serverless.yml', 'infra/main.tf', 'infra/template.yaml']);
  });

  test('SARIF points at the host file and the finding\'s line and columns', async () => {
    const run = runCli(['--format', 'sarif', 'infra/template.yaml'], { cwd: folder });
    assert.deepEqual(await sarifSchemaErrors(run.stdout), []);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[] }[] }[] };
    const first = log.runs[0]!.results[0]!;
    assert.equal(first.ruleId, 'invalid-action');
    const location = first.locations[0]!.physicalLocation;
    assert.equal(location.artifactLocation.uri, 'infra/template.yaml');
    assert.deepEqual([location.region.startLine, location.region.startColumn, location.region.endColumn], [21, 21, 32]);
  });

  test('the text format names the host file and line:column', () => {
    const run = runCli(['app/serverless.yml'], { cwd: folder });
    assert.match(run.stdout, /^app\/serverless\.yml\n {2}11:15 +error +dynamodb:Scann is not an action/m);
  });

  test('--fix rewrites the host file in its own syntax', () => {
    // Each file repeats an action, which redundant-action's safe fix removes.
    const repeated = {
      'template.yaml': template.replace('- s3:PutObjet', '- s3:GetObject'),
      'main.tf': terraform.replace('"dynamodb:PutItme"', '"dynamodb:GetItem"').replace('["s3:GetObjectt"]', '["s3:GetObject", "s3:GetObject"]'),
      'serverless.yml': serverless.replace('- dynamodb:Scann', '- dynamodb:Query'),
    };
    const fixFolder = workspace(Object.fromEntries(Object.entries(repeated).map(([name, text]) => [name, { text }])));
    const files = report(runCli(['--fix', '--format', 'json', '.'], { cwd: fixFolder })).files;
    assert.ok(files.every((f) => f.fixed), JSON.stringify(files.map((f) => [f.path, f.fixed])));
    assert.equal(read(fixFolder, 'template.yaml'), template.replace('                  - s3:PutObjet\n', ''));
    assert.equal(read(fixFolder, 'main.tf'), terraform.replace('["dynamodb:GetItem", "dynamodb:PutItme"]', '["dynamodb:GetItem"]').replace('"s3:GetObjectt"', '"s3:GetObject"'));
    assert.equal(read(fixFolder, 'serverless.yml'), serverless.replace('            - dynamodb:Scann\n', ''));
    // Nothing is left to find: nothing else changed.
    assert.deepEqual(report(runCli(['--format', 'json', '.'], { cwd: fixFolder })).files.flatMap((f) => f.problems.map((p) => p.ruleId)), []);
  });

  test('--fix never writes a suggestion: a misspelt action stays for the author to choose', () => {
    const fixFolder = workspace({ 'template.yaml': { text: template }, 'main.tf': { text: terraform }, 'serverless.yml': { text: serverless } });
    const files = report(runCli(['--fix', '--format', 'json', '.'], { cwd: fixFolder })).files;
    assert.ok(files.every((f) => !f.fixed), JSON.stringify(files.map((f) => [f.path, f.fixed])));
    assert.equal(read(fixFolder, 'template.yaml'), template);
    assert.equal(read(fixFolder, 'main.tf'), terraform);
    assert.equal(read(fixFolder, 'serverless.yml'), serverless);
    assert.deepEqual(files.flatMap((f) => f.problems.map((p) => p.ruleId)), ['invalid-action', 'invalid-action', 'invalid-action', 'invalid-action']);
  });

  test('the config file\'s ignore and filePatterns apply to host files', () => {
    const configured = workspace({
      '.iampolicy.json': { text: JSON.stringify({ ignore: ['legacy/**'], filePatterns: ['stacks/*.cfn'] }) },
      'legacy/template.yaml': { text: template },
      'stacks/app.cfn': { text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjet", "Resource": "*"}]}' },
      'main.tf': { text: terraform },
    });
    const files = report(runCli(['--format', 'json', '.'], { cwd: configured })).files;
    assert.deepEqual(files.map((f) => f.path).sort(), ['main.tf', 'stacks/app.cfn']);
  });

  test('a host file with a syntax error reports it and still checks the policies it can read', () => {
    const text = template.replace('sts:AssumeRole', 'sts:AssumeRol').replace('      Policies:\n', '      Policies:\n    bad: [\n');
    const broken = workspace({ 'template.yaml': { text } });
    const run = runCli(['--format', 'json', 'template.yaml'], { cwd: broken });
    assert.equal(run.code, 1);
    const [file] = report(run).files;
    assert.deepEqual(findings(broken, file!).map(([line, , rule]) => [line, rule]), [
      [13, 'invalid-action'],
      [16, 'host-syntax-error'],
    ]);
    assert.match(file!.problems[1]!.message, /^The template has a syntax error, so policies after it may go unchecked: /);
  });
});
