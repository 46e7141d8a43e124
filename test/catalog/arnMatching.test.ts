/**
 * The optimised ARN matcher (catalog/arn.ts: field by field where that is exact, bit-parallel, formats of a service
 * matched together) must answer exactly what the plain product automaton answers. The plain one is kept here as the
 * reference (the matcher as it was before the optimisation) and both are asked the same questions: every catalogue
 * format against values built from the formats, the shapes AWS's own policies use, and seeded random edits of them.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import {
  formatGroup,
  formatPattern,
  formatsWithChildPaths,
  matchArn,
  resourceMatchesInGroup,
  resourcePartMatchesFormat,
  resourcePartMatchesInGroup,
  resourcePattern,
} from '../../server/src/catalog/arn';
import { getCatalog } from '../../server/src/catalog';
import { allResourceTypes } from '../../server/src/rules/shared/allResourceTypes';
import { splitArnFields } from '../../server/src/rules/shared/arnFields';
import { Random } from '../robustness/random';

// ---- The reference: one token object per character, forward reachability over every (i, j) pair. ----

interface RefToken {
  readonly any: boolean;
  readonly code: number;
  readonly excludes: readonly number[];
  readonly repeat: boolean;
}

const fold = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
const refLiteral = (c: number): RefToken => ({ any: false, code: fold(c), excludes: [], repeat: false });
const refClass = (excludes: number[], repeat: boolean): RefToken => ({ any: true, code: 0, excludes, repeat });

function refPolicyTokens(resource: string): RefToken[] {
  const tokens: RefToken[] = [];
  for (let i = 0; i < resource.length; i++) {
    const c = resource.charCodeAt(i);
    if (c === 0x2a) tokens.push(refClass([], true));
    else if (c === 0x3f) tokens.push(refClass([], false));
    else if (c === 0x24 && resource.charCodeAt(i + 1) === 0x7b && resource.indexOf('}', i + 2) >= 0) {
      const close = resource.indexOf('}', i + 2);
      const inside = resource.slice(i + 2, close);
      tokens.push(inside === '*' || inside === '?' || inside === '$' ? refLiteral(inside.charCodeAt(0)) : refClass([], true));
      i = close;
    } else tokens.push(refLiteral(c));
  }
  return tokens;
}

function refFormatTokens(format: string, segmentsOnly: boolean): RefToken[] {
  const tokens: RefToken[] = [];
  let field = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format.charCodeAt(i);
    const close = c === 0x24 && format.charCodeAt(i + 1) === 0x7b ? format.indexOf('}', i + 2) : -1;
    if (close >= 0) {
      const excludes = field < 5 ? [0x3a] : segmentsOnly ? [0x2f] : [];
      if (field !== 3 && field !== 4) tokens.push(refClass(excludes, false));
      tokens.push(refClass(excludes, true));
      i = close;
    } else if (c === 0x2a) tokens.push(refClass([], true));
    else {
      if (c === 0x3a) field++;
      tokens.push(refLiteral(c));
    }
  }
  return tokens;
}

function refOverlaps(a: RefToken, b: RefToken): boolean {
  if (!a.any && !b.any) return a.code === b.code;
  if (!a.any) return !b.excludes.includes(a.code);
  if (!b.any) return !a.excludes.includes(b.code);
  return true;
}

function refIntersects(policy: readonly RefToken[], format: readonly RefToken[]): boolean {
  const n = policy.length;
  const m = format.length;
  const reached = new Uint8Array((n + 1) * (m + 1));
  reached[0] = 1;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (!reached[i * (m + 1) + j]) continue;
      if (i === n && j === m) return true;
      const p = policy[i];
      const f = format[j];
      if (p?.repeat) reached[(i + 1) * (m + 1) + j] = 1;
      if (f?.repeat) reached[i * (m + 1) + j + 1] = 1;
      if (p && f && refOverlaps(p, f)) {
        const ni = p.repeat ? i : i + 1;
        const nj = f.repeat ? j : j + 1;
        reached[ni * (m + 1) + nj] = 1;
      }
    }
  }
  return false;
}

function referenceMatch(resource: string, format: string, hasChildPaths: boolean): boolean {
  return resource === '*' || refIntersects(refPolicyTokens(resource), refFormatTokens(format, hasChildPaths));
}

// ---- The questions. ----

const catalog = getCatalog();
const formats = [...new Set(allResourceTypes(catalog).map((t) => t.arn))].filter((f) => splitArnFields(f).length >= 6);
const parents = formatsWithChildPaths(formats);
const serviceOf = (arn: string): string => (splitArnFields(arn)[2]?.text ?? '').toLowerCase();
const byService = new Map<string, string[]>();
for (const format of formats) byService.set(serviceOf(format), [...(byService.get(serviceOf(format)) ?? []), format]);

/** A value for the format: placeholders filled, some fields and tails turned into the wildcards policies use. */
function valueFor(format: string, random: Random): string {
  const filled = format.replace(/\$\{([^}]*)\}/g, (_, name: string) =>
    name === 'Partition' ? 'aws' : name === 'Region' ? 'us-east-1' : /^Account/.test(name) ? '123456789012' : random.chance(0.3) ? 'a/b:c' : 'name-1',
  );
  const fields = splitArnFields(filled);
  if (fields.length < 6) return filled;
  const texts = fields.map((f) => f.text);
  if (random.chance(0.5)) texts[3] = '*';
  if (random.chance(0.5)) texts[4] = random.chance(0.8) ? '*' : '';
  if (random.chance(0.1)) texts[1] = '*';
  let value = texts.join(':');
  if (random.chance(0.5)) value = `${value.slice(0, Math.max(5, value.length - random.int(8)))}*`;
  if (random.chance(0.2)) value = value.replace(/name-1/, '${aws:username}');
  return value;
}

const pieces = ['*', '?', ':', '/', '*:', ':*:', '::', '${aws:username}', '${*}', '$', '{', 'A', 'x', '-'];

function edited(value: string, random: Random): string {
  let text = value;
  for (let k = random.int(3); k >= 0; k--) {
    const at = random.int(text.length + 1);
    text = text.slice(0, at) + pieces[random.int(pieces.length)]! + text.slice(at + random.int(3));
  }
  return text;
}

function valuesFor(service: string, random: Random): string[] {
  const own = byService.get(service) ?? [];
  const values = own.slice(0, 12).map((f) => valueFor(f, random));
  values.push(`arn:aws:${service}:*:*:*`, `arn:aws:${service}:::*`, `arn:aws:${service}:*::/*`, `arn:*:${service}:*:*:x*`);
  return [...values, ...values.map((v) => edited(v, random))];
}

suite('the optimised ARN matcher answers as the plain product automaton', () => {
  const services = [...byService.keys()];

  test('one value against one format (matchArn), on every service', () => {
    const random = new Random(20240611);
    let asked = 0;
    for (const service of services) {
      const own = byService.get(service)!;
      for (const value of valuesFor(service, random)) {
        for (const format of own) {
          const hasChildPaths = parents.has(format);
          assert.equal(matchArn(value, format, { hasChildPaths }), referenceMatch(value, format, hasChildPaths), `${value} vs ${format} (${hasChildPaths})`);
          asked++;
        }
      }
    }
    assert.ok(asked > 50_000, `${asked} questions`);
  });

  test('a service\'s formats matched together answer as each alone, whole values and resource parts', () => {
    const random = new Random(7);
    const anyService = formats.filter((f) => splitArnFields(f)[2]!.text.includes('${'));
    for (const service of services) {
      const list = [...byService.get(service)!, ...anyService];
      const patterns = list.map((f) => formatPattern(f, parents.has(f)));
      const group = formatGroup(patterns);
      for (const value of valuesFor(service, random)) {
        const whole = resourceMatchesInGroup(resourcePattern(value), group);
        list.forEach((format, k) => assert.equal(whole[k], referenceMatch(value, format, parents.has(format)), `${value} vs ${format}`));
        const fields = splitArnFields(value);
        const part = fields.length >= 6 ? fields[5]!.text : value;
        for (const text of [part, `*:${part}`]) {
          const parts = resourcePartMatchesInGroup(resourcePattern(text), group);
          list.forEach((format, k) => {
            const formatPart = splitArnFields(format)[5]!.text;
            const expected = referenceMatch(`arn:p:s:::${text}`, `arn:p:s:::${formatPart}`, parents.has(format));
            assert.equal(parts[k], expected, `part ${text} vs ${format}`);
            assert.equal(resourcePartMatchesFormat(resourcePattern(text), patterns[k]!), expected, `part ${text} vs ${format} alone`);
          });
        }
      }
    }
  });

  test('handmade formats with literal colons, literal fields and single-segment placeholders', () => {
    const handmade = [
      'arn:${Partition}:svc:${Region}:${Account}:thing:fixed/${Id}',
      'arn:${Partition}:svc:${Region}:${Account}:fixed/${Id}',
      'arn:${Partition}:svc:::bucket-${Name}',
      'arn:${Partition}:svc:us-east-1:aws:thing/${Id}:version:${Version}',
      'arn:${Partition}:svc:*:${Account}:thing/*',
      'arn:${Partition}:${Vendor}:${Region}:*:${Type}:${Id}',
    ];
    const values = [
      'arn:aws:svc:*:111122223333:fixed/x',
      'arn:aws:svc:*::fixed/x',
      'arn:aws:svc:*:111122223333:thing:fixed/x',
      'arn:aws:svc:us-east-1:*:fixed/x',
      'arn:aws:svc:*:*:fixed/x',
      'arn:aws:svc:*:aws:thing/1:version:*',
      'arn:aws:svc:*:aws:version:2',
      'arn:aws:svc:::bucket-a',
      'arn:aws:svc:*::bucket-a',
      'arn:aws:svc:*:*:x:y',
      'arn:aws:svc:us-*:111122223333:fixed/x',
      'arn:aws:svc:eu-west-1:111122223333:thing/1',
      'arn:*:svc:*:*:thing:fixed/*',
    ];
    for (const hasChildPaths of [false, true]) {
      const group = formatGroup(handmade.map((f) => formatPattern(f, hasChildPaths)));
      for (const value of values) {
        const together = resourceMatchesInGroup(resourcePattern(value), group);
        handmade.forEach((format, k) => {
          const expected = referenceMatch(value, format, hasChildPaths);
          assert.equal(matchArn(value, format, { hasChildPaths }), expected, `${value} vs ${format} (${hasChildPaths})`);
          assert.equal(together[k], expected, `${value} vs ${format} (${hasChildPaths}), in a group`);
        });
      }
    }
  });

  test('long formats and values that take several words of bits', () => {
    const random = new Random(99);
    const long = `arn:\${Partition}:svc:\${Region}:\${Account}:${Array.from({ length: 30 }, (_, i) => `seg${i}/\${Id${i}}`).join('/')}`;
    for (let i = 0; i < 300; i++) {
      const value = edited(valueFor(long, random), random) + (random.chance(0.5) ? '*'.repeat(random.int(3)) : `/${'z'.repeat(random.int(80))}`);
      for (const hasChildPaths of [false, true]) {
        assert.equal(matchArn(value, long, { hasChildPaths }), referenceMatch(value, long, hasChildPaths), `${value} (${hasChildPaths})`);
      }
    }
  });
});
