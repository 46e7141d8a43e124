/**
 * Large, realistic policies for tests of scheduling and of analysis in steps: statements over real services, actions
 * and ARN formats from the catalogue, each different (unique Sids and names, so no duplicate-statement findings),
 * some with conditions, some Deny. Deterministic: the same size and seed give the same text.
 */
import { getCatalog } from '../../server/src/catalog';
import type { Action } from '../../server/src/catalog/types';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function statement(i: number, next: () => number): Record<string, unknown> {
  const catalog = getCatalog();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const services = catalog.services();
  const service = next() < 0.7 ? catalog.findService(pick(commonServices))! : pick(services);
  const actions = catalog.actionsOf(service);
  const chosen: Action[] = [];
  const start = Math.floor(next() * actions.length);
  for (let k = 0; k < 1 + Math.floor(next() * 5) && k < actions.length; k++) {
    const action = actions[(start + k * 7) % actions.length]!;
    if (!chosen.includes(action)) chosen.push(action);
  }
  const fill = (format: string) =>
    format.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      if (name === 'Partition') return 'aws';
      if (name === 'Region') return pick(regions);
      if (name === 'Account') return pick(accounts);
      return next() < 0.3 ? `${name.toLowerCase()}-${i}-*` : `${name.toLowerCase()}-${i}`;
    });
  const formats = [...new Set(chosen.flatMap((action) => action.resourceTypes.map((r) => r.resourceType.arn)))].slice(0, 3);
  const resources = formats.length > 0 ? formats.map(fill) : ['*'];
  const result: Record<string, unknown> = {
    Sid: `S${i}${service.prefix.replace(/[^a-zA-Z0-9]/g, '')}`,
    Effect: next() < 0.1 ? 'Deny' : 'Allow',
    Action: chosen.map((action) => action.fullName),
    Resource: resources.length === 1 ? resources[0] : resources,
  };
  if (next() < 0.35) result.Condition = conditions[i % conditions.length]!(i);
  return result;
}

/** A policy of at most `chars` characters (at least one statement), pretty-printed as people write them. */
export function variedPolicy(chars: number, seed = 42): string {
  const next = random(seed);
  const statements: Record<string, unknown>[] = [];
  let size = 56;
  for (let i = 0, misses = 0; misses < 50; i++) {
    const s = statement(i, next);
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
