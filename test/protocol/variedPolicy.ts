/**
 * Large, realistic policies for tests of scheduling and of analysis in steps: statements over real services, actions
 * and ARN formats from the catalogue, each different (unique Sids and names, so no duplicate-statement findings),
 * some with conditions, some Deny. Deterministic: the same size and seed give the same text.
 */
import { getCatalog } from '../../server/src/catalog';
import type { Action } from '../../server/src/catalog/types';
import { Random } from '../robustness/random';

const commonServices = ['s3', 'ec2', 'dynamodb', 'lambda', 'logs', 'sqs', 'sns', 'kms', 'secretsmanager', 'ssm', 'states', 'events', 'ecr', 'kinesis', 'glue'];
const regions = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2'];
const accounts = ['111122223333', '444455556666', '123456789012'];
const conditions: ((i: number) => unknown)[] = [
  (i) => ({ StringEquals: { 'aws:PrincipalOrgID': `o-abc${i}defghij` } }),
  (i) => ({ StringEquals: { 'aws:RequestedRegion': [regions[i % 4], regions[(i + 1) % 4]] } }),
  (i) => ({ IpAddress: { 'aws:SourceIp': [`203.0.${i % 250}.0/24`] } }),
  () => ({ Bool: { 'aws:SecureTransport': 'true' } }),
  (i) => ({ StringEquals: { 'aws:PrincipalTag/Team': `team-${i}` } }),
];

function statement(i: number, random: Random): Record<string, unknown> {
  const catalog = getCatalog();
  const services = catalog.services();
  const service = random.chance(0.7) ? catalog.findService(random.pick(commonServices))! : random.pick(services);
  const actions = catalog.actionsOf(service);
  const chosen: Action[] = [];
  const start = random.int(actions.length);
  for (let k = 0; k < 1 + random.int(5) && k < actions.length; k++) {
    const action = actions[(start + k * 7) % actions.length]!;
    if (!chosen.includes(action)) chosen.push(action);
  }
  const fill = (format: string) =>
    format.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      if (name === 'Partition') return 'aws';
      if (name === 'Region') return random.pick(regions);
      if (name === 'Account') return random.pick(accounts);
      return random.chance(0.3) ? `${name.toLowerCase()}-${i}-*` : `${name.toLowerCase()}-${i}`;
    });
  const formats = [...new Set(chosen.flatMap((action) => action.resourceTypes.map((r) => r.resourceType.arn)))].slice(0, 3);
  const resources = formats.length > 0 ? formats.map(fill) : ['*'];
  const result: Record<string, unknown> = {
    Sid: `S${i}${service.prefix.replace(/[^a-zA-Z0-9]/g, '')}`,
    Effect: random.chance(0.1) ? 'Deny' : 'Allow',
    Action: chosen.map((action) => action.fullName),
    Resource: resources.length === 1 ? resources[0] : resources,
  };
  if (random.chance(0.35)) result.Condition = conditions[i % conditions.length]!(i);
  return result;
}

/** A policy of at most `chars` characters (at least one statement), pretty-printed as people write them. */
export function variedPolicy(chars: number, seed = 42): string {
  const random = new Random(seed);
  const statements: Record<string, unknown>[] = [];
  let size = 56;
  for (let i = 0, misses = 0; misses < 50; i++) {
    const s = statement(i, random);
    const added = JSON.stringify(s, null, 2).replace(/\n/g, '\n    ').length + 6;
    if (statements.length > 0 && size + added > chars) {
      misses++;
      continue;
    }
    size += added;
    statements.push(s);
  }
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}
