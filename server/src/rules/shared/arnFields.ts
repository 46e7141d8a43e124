/**
 * A Resource value read as an ARN: `arn:partition:service:region:account:resource`. Colons inside a policy variable
 * (`${aws:PrincipalAccount}`) do not separate fields, and the resource part keeps every colon after the fifth
 * (`log-group:/aws/lambda/*`, `function:name:alias`).
 */
import { MAX_ARN_LENGTH } from '../../catalog/arn';

export interface ArnField {
  readonly text: string;
  /** Index of the field's first character in the value. */
  readonly start: number;
}

export interface ResourceArn {
  readonly value: string;
  readonly partition: ArnField;
  readonly service: ArnField;
  readonly region: ArnField;
  readonly account: ArnField;
  readonly resource: ArnField;
}

/** How a Resource value reads, before any catalogue question. */
export type ResourceShape =
  | { readonly kind: 'any' }
  | { readonly kind: 'notArn' }
  | { readonly kind: 'missingFields'; readonly fields: number }
  /** Longer than any ARN (MAX_ARN_LENGTH): not read further, and not matched against formats (arn-too-long). */
  | { readonly kind: 'tooLong'; readonly length: number }
  | { readonly kind: 'arn'; readonly arn: ResourceArn };

const FIELD_COUNT = 6;

/** Splits on `:` outside `${...}`; the sixth field takes the rest of the value. */
export function splitArnFields(value: string): ArnField[] {
  const fields: ArnField[] = [];
  let start = 0;
  for (let i = 0; i < value.length && fields.length < FIELD_COUNT - 1; i++) {
    if (value.startsWith('${', i)) {
      const close = value.indexOf('}', i + 2);
      if (close >= 0) {
        i = close;
        continue;
      }
    }
    if (value.charCodeAt(i) === 0x3a /* : */) {
      fields.push({ text: value.slice(start, i), start });
      start = i + 1;
    }
  }
  fields.push({ text: value.slice(start), start });
  return fields;
}

export function readResource(value: string): ResourceShape {
  if (isWildcardOnly(value) && value.length > 0) return { kind: 'any' };
  if (!value.startsWith('arn:')) return { kind: 'notArn' };
  if (value.length > MAX_ARN_LENGTH) return { kind: 'tooLong', length: value.length };
  const fields = splitArnFields(value);
  if (fields.length < FIELD_COUNT) {
    // IAM lets a `*` that ends a segment run on over the colons (`arn:aws:s3:*`), so such a value is not short.
    if (fields[fields.length - 1]!.text.endsWith('*')) return { kind: 'arn', arn: padded(value, fields) };
    return { kind: 'missingFields', fields: fields.length };
  }
  const [, partition, service, region, account, resource] = fields as [ArnField, ArnField, ArnField, ArnField, ArnField, ArnField];
  return { kind: 'arn', arn: { value, partition, service, region, account, resource } };
}

/** A short value whose last `*` stands for the missing fields: those fields read as `*`. */
function padded(value: string, fields: readonly ArnField[]): ResourceArn {
  const at = (i: number): ArnField => fields[i] ?? { text: '*', start: value.length };
  return { value, partition: at(1), service: at(2), region: at(3), account: at(4), resource: at(5) };
}

/** `*`, `**`...: matches anything, including nothing. */
export function isWildcardOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 0x2a) return false;
  return true;
}

/** Whether the text has `*`, `?` or a policy variable, so it stands for more than one value. */
export function isPattern(text: string): boolean {
  return text.includes('*') || text.includes('?') || text.includes('${');
}

/** The value with one field's text replaced. */
export function withField(arn: ResourceArn, field: ArnField, text: string): string {
  return arn.value.slice(0, field.start) + text + arn.value.slice(field.start + field.text.length);
}

/**
 * Whether an account field can name a 12-digit account ID: digits, `?` and `*`, with policy variables read as `*`
 * (`${aws:PrincipalAccount}` is a common and valid way to write it).
 */
export function canBeAccountId(text: string): boolean {
  let fixed = 0;
  let open = false;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      const close = text.indexOf('}', i + 2);
      if (close >= 0) {
        open = true;
        i = close;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (c === 0x2a) open = true;
    else if (c === 0x3f || (c >= 0x30 && c <= 0x39)) fixed++;
    else return false;
  }
  return open ? fixed <= 12 : fixed === 12;
}
