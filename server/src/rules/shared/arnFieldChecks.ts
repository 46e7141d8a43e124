/**
 * What the ARN rules ask about one Resource value: the formats it is written for, and whether they have a Region
 * and an account field. Shared by arn-account-not-allowed, arn-region-not-allowed, missing-arn-region and
 * invalid-arn-account so they agree on which formats count.
 */
import type { Catalog } from '../../catalog/types';
import { displayFormat } from '../../catalog/arn';
import { isPattern, isWildcardOnly, type ResourceArn } from './arnFields';
import { arnFormatIndex, candidateFormats, type ArnFormat } from './arnFormats';
import { namesAndMore } from './namesAndMore';
import type { ResourceValue } from './resourceValues';

export interface JudgedArn {
  readonly arn: ResourceArn;
  /** The formats of the ARN's service that its resource part fits (all of the service's when none fits). */
  readonly formats: readonly ArnFormat[];
}

/** ARN values with a plainly written service that the catalogue has formats for; others cannot be judged. */
export function judgeableArn(value: ResourceValue, catalog: Catalog): JudgedArn | undefined {
  if (value.shape.kind !== 'arn') return undefined;
  const arn = value.shape.arn;
  if (isPattern(arn.service.text)) return undefined;
  const formats = candidateFormats(arnFormatIndex(catalog), arn);
  return formats && { arn, formats };
}

/** A field that a wildcard can leave empty (`*`), or that is empty. */
export function mayBeEmpty(text: string): boolean {
  return isWildcardOnly(text);
}


/** Names the formats in a message: the first few, then how many more. */
export function describeFormats(formats: readonly ArnFormat[], limit = 3): string {
  return namesAndMore(formats, limit, (f) => displayFormat(f.arn));
}
