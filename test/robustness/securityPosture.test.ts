/**
 * The security posture of issue #9, written down in the README, held against what the manifest declares and what
 * the code does with settings. (The LSP fuzz test watches the running server for connections, processes, file
 * writes and module loads; this file checks what can be checked without running it.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { withDefaults } from '../../shared/settings';
import { repoPath } from '../support/paths';

const readme = readFileSync(repoPath('README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
};

/** The README's security section, up to the next heading of its level. */
function securitySection(): string {
  const start = readme.indexOf('\n## Privacy and security\n');
  assert.ok(start >= 0, 'the README has a "Privacy and security" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

suite('security posture', () => {
  test('the README states each point: no network, no telemetry, no workspace code, untrusted workspaces, settings as data', () => {
    const section = securitySection();
    for (const point of ['**No network access.**', '**No telemetry.**', '**No code from the workspace is executed.**', '**Untrusted workspaces.**', 'capabilities.untrustedWorkspaces']) {
      assert.ok(section.includes(point), `the section says ${point}`);
    }
    assert.match(section, /Settings are data/);
  });

  test('the manifest supports untrusted workspaces in limited mode, restricting exactly the settings the README names', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    const restricted = untrusted?.restrictedConfigurations ?? [];
    assert.ok(restricted.length > 0);
    const section = securitySection();
    for (const setting of restricted) {
      assert.ok(setting in manifest.contributes.configuration.properties, `${setting} is a setting`);
      assert.ok(section.includes(`\`${setting}\``), `the README names ${setting}`);
      assert.ok(untrusted?.description?.includes(setting), `the trust prompt's description names ${setting}`);
    }
  });

  test('settings are data: values of the wrong type or unknown keys are dropped, nothing is evaluated', () => {
    let evaluated = false;
    const trap = { toString: () => ((evaluated = true), 'error'), valueOf: () => ((evaluated = true), 1) };
    const settings = withDefaults({
      rules: { 'invalid-effect': trap, 'missing-version': 'off', 'x': 'error; rm -rf /' },
      policyTypes: { '**/*.json': 'trust', '*.x': trap, '*.y': 'unknown-type' },
      maxFileSize: trap,
      validate: { enable: 'yes' },
      extra: 'ignored',
    });
    assert.equal(evaluated, false, 'no value was converted');
    assert.deepEqual(settings.rules, { 'missing-version': 'off' });
    assert.deepEqual(settings.policyTypes, { '**/*.json': 'trust' });
    assert.equal(settings.maxFileSize, withDefaults({}).maxFileSize);
    assert.equal(settings.validate.enable, true);
    assert.ok(!('extra' in settings));
  });
});
