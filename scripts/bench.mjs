// Latency and size of completion and hover over LSP stdio, on a warm server and a ~6 KB policy.
// Usage: npm run build && npm run bench [-- requests] [--only <text>] [--profile <dir>]
//   --only: the cases whose name contains the text; --profile: the server writes a .cpuprofile into the folder.
// For each case: a warm-up, then N requests one after another (default 500); prints the median and p95 round trip
// in milliseconds and the median response size in bytes. Two passes: the same document version every time (the
// server's parse is cached), and a fresh version before each request (so the parse is part of the answer, as when
// typing). Prints figures only; it asserts nothing.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
const profileDir = profileAt >= 0 ? args.splice(profileAt, 2)[1] : undefined;
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
const requests = Number(args[0] ?? 500);
const warmup = 50;
const uri = 'file:///bench/policy.iam.json';

// `«name»` marks a cursor; the markers are removed from the text before it is sent.
const statements = [
  `{"Sid":"ReadObjects","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion","s3:GetObjectTagging","s3:Get«s3Get»"],"Resource":["arn:aws:s3:::example-bucket/*"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abcdefghij","«conditionKey»":""}}}`,
  `{"Sid":"ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example-bucket","Condition":{"StringLike":{"s3:prefix":["home/\${aws:username}/*","shared/*"]}}}`,
  `{"Sid":"Instances","Effect":"Allow","Action":["ec2:DescribeInstances","ec2:StartInstances","ec2:StopInstances","ec2:«ec2»"],"Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}}`,
  `{"Sid":"Tagging","Effect":"Allow","Action":["ec2:CreateTags","ec2:DeleteTags"],"Resource":"arn:aws:ec2:*:111122223333:instance/*","Condition":{"StringEquals":{"aws:ResourceTag/Project":"\${aws:PrincipalTag/Project}"},"ForAllValues:StringEquals":{"aws:TagKeys":["Project","Owner"]}}}`,
  `{"Sid":"Logs","Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents","logs:DescribeLogStreams"],"Resource":["arn:aws:logs:eu-west-1:111122223333:log-group:/app/*","arn:aws:logs:eu-west-1:111122223333:log-group:/app/*:log-stream:*"]}`,
  `{"Sid":"Queue","Effect":"Allow","Action":["sqs:SendMessage","sqs:ReceiveMessage","sqs:DeleteMessage","sqs:GetQueueAttributes","«emptyAction»"],"Resource":"arn:aws:sqs:eu-west-1:111122223333:orders"}`,
  `{"Sid":"Secrets","Effect":"Allow","Action":["secretsmanager:GetSecretValue","secretsmanager:DescribeSecret","kms:Decrypt"],"Resource":["arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*","arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab","«resource»"],"Condition":{"StringEquals":{"kms:ViaService":"secretsmanager.eu-west-1.amazonaws.com"}}}`,
  `{"Sid":"Table","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:UpdateItem","dynamodb:Query","dynamodb:BatchGetItem"],"Resource":["arn:aws:dynamodb:eu-west-1:111122223333:table/orders","arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/*"]}`,
  `{"Sid":"PassRole","Eff«effect»ect":"Allow","Action":"iam:Pass«actionHover»Role","Resource":"arn:aws:iam::111122223333:role/app-*","Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}`,
  `{"Sid":"DenyInsecure","Effect":"Deny","Action":"s3:*","Resource":["arn:aws:s3:::example-bucket","arn:aws:s3:::example-bucket/«resourceHover»*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}`,
  `{"Sid":"DenyOutsideRegions","Effect":"Deny","NotAction":["iam:*","sts:*","organizations:*","support:*","cloudfront:*","route53:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}}`,
  `{"Sid":"Lambda","Effect":"Allow","Action":["lambda:InvokeFunction","lambda:GetFunction","lambda:GetFunctionConfiguration"],"Resource":"arn:aws:lambda:eu-west-1:111122223333:function:orders-*"}`,
  `{"Sid":"StepFunctions","Effect":"Allow","Action":["states:StartExecution","states:DescribeExecution","states:StopExecution","states:GetExecutionHistory"],"Resource":["arn:aws:states:eu-west-1:111122223333:stateMachine:orders","arn:aws:states:eu-west-1:111122223333:execution:orders:*"]}`,
  `{"Sid":"Events","Effect":"Allow","Action":["events:PutEvents","events:DescribeRule"],"Resource":"arn:aws:events:eu-west-1:111122223333:event-bus/orders"}`,
  `{"Sid":"Ecr","Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"],"Resource":"*"}`,
  `{"Sid":"Ssm","Effect":"Allow","Action":["ssm:GetParameter","ssm:GetParameters","ssm:GetParametersByPath"],"Resource":"arn:aws:ssm:eu-west-1:111122223333:parameter/app/*","Condition":{"StringEquals":{"aws:ResourceTag/Environment":"production"}}}`,
  `{"Sid":"Cloudwatch","Effect":"Allow","Action":["cloudwatch:PutMetricData","cloudwatch:GetMetricData","cloudwatch:ListMetrics"],"Resource":"*","Condition":{"StringEquals":{"cloudwatch:namespace":"Orders"}}}`,
  `{"Sid":"Sns","Effect":"Allow","Action":["sns:Publish","sns:GetTopicAttributes"],"Resource":"arn:aws:sns:eu-west-1:111122223333:orders-*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}`,
  `{"Sid":"AssumeDeployRole","Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession"],"Resource":"arn:aws:iam::444455556666:role/deploy","Condition":{"StringEquals":{"sts:ExternalId":"orders-deploy","aws:RequestTag/Team":"orders"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}`,
  `{"Sid":"Kinesis","Effect":"Allow","Action":["kinesis:PutRecord","kinesis:PutRecords","kinesis:DescribeStreamSummary"],"Resource":"arn:aws:kinesis:eu-west-1:111122223333:stream/orders"}`,
  `{"Sid":"Glue","Effect":"Allow","Action":["glue:GetTable","glue:GetTables","glue:GetDatabase","glue:GetPartitions"],"Resource":["arn:aws:glue:eu-west-1:111122223333:catalog","arn:aws:glue:eu-west-1:111122223333:database/orders","arn:aws:glue:eu-west-1:111122223333:table/orders/*"]}`,
  `{"Sid":"Athena","Effect":"Allow","Action":["athena:StartQueryExecution","athena:GetQueryExecution","athena:GetQueryResults"],"Resource":"arn:aws:athena:eu-west-1:111122223333:workgroup/orders","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","198.51.100.0/24"]}}}`,
  `{"Sid":"Backup","Effect":"Allow","Action":["backup:StartBackupJob","backup:DescribeBackupJob","backup:ListRecoveryPointsByBackupVault"],"Resource":["arn:aws:backup:eu-west-1:111122223333:backup-vault:orders","arn:aws:backup:eu-west-1:111122223333:backup-plan:*"]}`,
  `{"Sid":"Codebuild","Effect":"Allow","Action":["codebuild:StartBuild","codebuild:BatchGetBuilds"],"Resource":"arn:aws:codebuild:eu-west-1:111122223333:project/orders-*","Condition":{"StringEquals":{"aws:PrincipalTag/Team":"orders"}}}`,
  `{"Sid":"DenyOldTls","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:TlsVersion":"1.2"},"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}}`,
];
const marked = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}\n`;

const cursors = {};
let text = '';
for (const part of marked.split(/(«[a-zA-Z0-9]+»)/)) {
  if (part.startsWith('«')) cursors[part.slice(1, -1)] = positionAt(text, text.length);
  else text += part;
}

function positionAt(source, offset) {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1).length };
}

const cases = [
  { name: 'completion: action after "s3:Get', method: 'textDocument/completion', at: 's3Get' },
  { name: 'completion: action after "ec2:', method: 'textDocument/completion', at: 'ec2' },
  { name: 'completion: action after "', method: 'textDocument/completion', at: 'emptyAction' },
  { name: 'completion: resource', method: 'textDocument/completion', at: 'resource' },
  { name: 'completion: condition key', method: 'textDocument/completion', at: 'conditionKey' },
  { name: 'hover: action', method: 'textDocument/hover', at: 'actionHover' },
  { name: 'hover: resource', method: 'textDocument/hover', at: 'resourceHover' },
  { name: 'hover: Effect (statement summary)', method: 'textDocument/hover', at: 'effect' },
];

const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
const child = spawn(process.execPath, [...profile, join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
connection.onRequest(() => null);
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
await connection.sendNotification('initialized', {});
let version = 1;
const diagnosed = new Promise((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version, text } });
// The first validation (debounced after didOpen) runs all the rules; let it finish before timing anything.
await diagnosed;

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function measure(testCase, freshVersion) {
  const params = { textDocument: { uri }, position: cursors[testCase.at] };
  const times = [];
  const sizes = [];
  for (let i = 0; i < warmup + requests; i++) {
    if (freshVersion) {
      version++;
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const started = performance.now();
    const result = await connection.sendRequest(testCase.method, params);
    const elapsed = performance.now() - started;
    if (i < warmup) continue;
    times.push(elapsed);
    sizes.push(Buffer.byteLength(JSON.stringify(result ?? null)));
  }
  return { median: median(times), p95: quantile(times, 0.95), bytes: median(sizes) };
}

const rows = [];
for (const freshVersion of [false, true]) {
  for (const testCase of cases.filter((c) => only === undefined || c.name.includes(only))) {
    const result = await measure(testCase, freshVersion);
    rows.push([testCase.name, freshVersion ? 'new version' : 'same version', result.median.toFixed(2), result.p95.toFixed(2), String(result.bytes)]);
  }
}

const exited = new Promise((resolve) => child.once('exit', resolve));
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
await exited;
connection.dispose();

const header = ['case', 'document', 'median ms', 'p95 ms', 'bytes'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(`${requests} requests per case over stdio, after ${warmup} warm-up requests; policy of ${Buffer.byteLength(text)} bytes`);
// Round trips include scheduling: on a busy machine the p95 says more about the neighbours than about the server.
console.log(`machine: ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1, 5, 15 min)`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
