/**
 * What a condition value must look like for the operator family that reads it (IAM condition operators page):
 * Bool and Null take true/false, Numeric a decimal number, Date an ISO 8601 date/time or epoch seconds.
 * IP addresses are in ipAddress.ts. Patterns are anchored and linear (no nested quantifiers).
 */

export function isBooleanText(text: string): boolean {
  const lower = text.toLowerCase();
  return lower === 'true' || lower === 'false';
}

const decimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function isNumberText(text: string): boolean {
  return decimal.test(text);
}

const epochSeconds = /^\d+$/;
// W3C profile of ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, optionally Thh:mm[:ss[.s+]] and a zone (Z or ±hh:mm / ±hhmm).
const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export function isDateText(text: string): boolean {
  if (epochSeconds.test(text)) return true;
  const match = isoDate.exec(text);
  if (!match) return false;
  const [, , month, day, hour, minute, second] = match;
  const within = (part: string | undefined, low: number, high: number) =>
    part === undefined || (Number(part) >= low && Number(part) <= high);
  return within(month, 1, 12) && within(day, 1, 31) && within(hour, 0, 24) && within(minute, 0, 59) && within(second, 0, 60);
}
