import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { defaultSettings, withDefaults } from '../../shared/settings';

suite('settings', () => {
  test('missing or malformed input gives the defaults', () => {
    for (const raw of [undefined, null, 42, 'x', [], {}]) assert.deepEqual(withDefaults(raw), defaultSettings);
  });

  test('valid entries are kept, invalid ones dropped', () => {
    const settings = withDefaults({
      validate: { enable: false },
      rules: { 'invalid-effect': 'warning', 'missing-action': 'off', 'x-rule': 'loud', y: 3 },
      policyTypes: { '**/*.scp.json': 'scp', '**/x': 'nonsense' },
      maxFileSize: 1000,
    });
    assert.deepEqual(settings, {
      validate: { enable: false },
      rules: { 'invalid-effect': 'warning', 'missing-action': 'off' },
      policyTypes: { '**/*.scp.json': 'scp' },
      maxFileSize: 1000,
    });
  });

  test('a non-positive or non-numeric size cap falls back to the default', () => {
    for (const maxFileSize of [0, -1, Number.NaN, '100']) assert.equal(withDefaults({ maxFileSize }).maxFileSize, defaultSettings.maxFileSize);
  });
});
