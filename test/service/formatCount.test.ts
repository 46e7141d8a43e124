import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCount } from '../../shared/formatCount';

test('formatCount groups digits as toLocaleString("en-US") does for whole numbers', () => {
  const counts = [0, 7, 42, 999, 1000, 1001, 12345, 99999, 100000, 123456, 1000000, 6144, 10240, 21911, 2147483647, Number.MAX_SAFE_INTEGER];
  for (let power = 1; power < 1e15; power *= 7) counts.push(power, power - 1);
  for (const count of counts) assert.equal(formatCount(count), count.toLocaleString('en-US'), String(count));
});
