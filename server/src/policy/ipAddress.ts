/**
 * IPv4/IPv6 addresses and CIDR blocks as IAM's IpAddress operators take them (`203.0.113.0/24`,
 * `2001:DB8:1234:5678::/64`, or a single address). Parsed by hand into a bigint, no regular expression over the
 * whole text, so that ranges can be normalised and compared. The rules that judge IP values, the evaluator and the
 * diff all read them here.
 */

export interface IpRange {
  readonly version: 4 | 6;
  /** The address as written, as a number. */
  readonly address: bigint;
  /** Prefix length; 32 or 128 when no `/n` was written. */
  readonly prefix: number;
  readonly hasPrefix: boolean;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

/** Colon-separated hex groups; an IPv4 address may stand for the last two only where the address ends (`::ffff:192.0.2.1`). */
function parseGroups(text: string, endsAddress: boolean): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (endsAddress && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) return undefined;
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
    groups.push(parseInt(part, 16));
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  const double = text.indexOf('::');
  let groups: number[] | undefined;
  if (double >= 0) {
    if (text.indexOf('::', double + 1) >= 0) return undefined;
    const head = parseGroups(text.slice(0, double), false);
    const tail = parseGroups(text.slice(double + 2), true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    groups = parseGroups(text, true);
    if (!groups || groups.length !== 8) return undefined;
  }
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const addressText = slash >= 0 ? text.slice(0, slash) : text;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : undefined;
  const version: 4 | 6 = addressText.includes(':') ? 6 : 4;
  const address = version === 4 ? parseIpv4(addressText) : parseIpv6(addressText);
  if (address === undefined) return undefined;
  const bits = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  return { version, address, prefix, hasPrefix: prefixText !== undefined };
}

function bitsOf(range: IpRange): number {
  return range.version === 4 ? 32 : 128;
}

function hostMask(range: IpRange): bigint {
  return (1n << BigInt(bitsOf(range) - range.prefix)) - 1n;
}

/** The first address of the block (host bits cleared). */
export function networkAddress(range: IpRange): bigint {
  return range.address & ~hostMask(range);
}

/** True when the address has bits set after the prefix, which IAM ignores. */
export function hasHostBits(range: IpRange): boolean {
  return (range.address & hostMask(range)) !== 0n;
}

/** The first and the last address of the block. */
export function rangeBounds(range: IpRange): { readonly first: bigint; readonly last: bigint } {
  const first = networkAddress(range);
  return { first, last: first | hostMask(range) };
}

/** Whether `inner` lies entirely within `outer`. */
export function rangeWithin(inner: IpRange, outer: IpRange): boolean {
  return (
    inner.version === outer.version &&
    inner.prefix >= outer.prefix &&
    networkAddress({ ...inner, prefix: outer.prefix }) === networkAddress(outer)
  );
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run (2+) of zero groups written `::`. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The block written with its network address: `10.1.2.3/8` -> `10.0.0.0/8`. */
export function formatNetwork(range: IpRange): string {
  const address = networkAddress(range);
  return `${range.version === 4 ? formatIpv4(address) : formatIpv6(address)}/${range.prefix}`;
}
