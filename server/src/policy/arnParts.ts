/**
 * ARNs and account IDs as policies write them in Principal, Resource and condition values: the rules that judge
 * principals and the evaluator read them here.
 */

/** An ARN split into its six fields; the resource keeps any further colons. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Undefined when the text is not `arn:` and five colons. */
export function splitArn(value: string): ArnParts | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length && fields.length < 5; i++) {
    if (value[i] === ':') {
      fields.push(value.slice(start, i));
      start = i + 1;
    }
  }
  if (fields.length < 5) return undefined;
  return { partition: fields[1]!, service: fields[2]!, region: fields[3]!, account: fields[4]!, resource: value.slice(start) };
}

export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}
