/** Typed access to data/condition-value-formats.json and data/regions.json. */
import formats from '../../../../data/condition-value-formats.json';
import regionData from '../../../../data/regions.json';
import { parseIpRange, rangeWithin, type IpRange } from '../../policy/ipAddress';

const privateRanges: readonly IpRange[] = formats.privateIpRanges.ranges.map((r) => parseIpRange(r.cidr)!);

export const sourceIpKeys: ReadonlySet<string> = new Set(formats.privateIpRanges.keys.map((k) => k.toLowerCase()));

export function isPrivateRange(range: IpRange): boolean {
  return privateRanges.some((p) => rangeWithin(range, p));
}

export interface IdFormat {
  readonly prefix: string;
  readonly keys: ReadonlySet<string>;
  readonly example: string;
  matches(text: string): boolean;
}

function idFormat(spec: { prefix: string; hexDigits: number[]; keys: string[] }): IdFormat {
  const lengths = new Set(spec.hexDigits);
  return {
    prefix: spec.prefix,
    keys: new Set(spec.keys.map((k) => k.toLowerCase())),
    example: `${spec.prefix}${'0123456789abcdef0'.slice(0, Math.max(...spec.hexDigits))}`,
    matches(text) {
      if (!text.startsWith(spec.prefix)) return false;
      const digits = text.slice(spec.prefix.length);
      return lengths.has(digits.length) && /^[0-9a-f]+$/.test(digits);
    },
  };
}

export const vpcIdFormat = idFormat(formats.vpcId);
export const vpceIdFormat = idFormat(formats.vpceId);

export const regionCodes: readonly string[] = regionData.regions.map((r) => r.code);
export const regionKeys: ReadonlySet<string> = new Set(regionData.keys.map((k) => k.toLowerCase()));
export const regionListDate = regionData.checked;
