/**
 * Settings of the `iamPolicy` section, shared by the client, the server and the CLI.
 * The manifest (package.json `contributes.configuration`) declares the same properties; test/meta checks both agree.
 */

/** The project config file the CLI and the server read (server/src/config/projectConfig.ts). */
export const configFileName = '.iampolicy.json';

export const settingsSection = 'iamPolicy';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleSetting = Severity | 'off';

export const policyTypes = ['identity', 'resource', 'trust', 'scp', 'rcp', 'permissions-boundary', 'session'] as const;
export type PolicyType = (typeof policyTypes)[number];

/**
 * Access no policy may grant (IAM Access Analyzer's CheckAccessNotGranted): the `neverAllow` entry of the project
 * config file. Not an editor setting: it belongs to the repository, so CI and every editor judge alike.
 */
export interface NeverAllow {
  /** Action patterns as IAM writes them (`iam:CreateAccessKey`, `s3:Delete*`), case-insensitive. */
  readonly actions: readonly string[];
  /** Resource patterns; when given, only grants on a resource one of them matches count. */
  readonly resources?: readonly string[];
}

export interface Settings {
  /** Turn all diagnostics off without uninstalling. */
  validate: { enable: boolean };
  /** Per-rule severity overrides, keyed by rule id. */
  rules: Record<string, RuleSetting>;
  /** Glob (matched against the workspace-relative or absolute path) -> policy type; the first match wins. */
  policyTypes: Record<string, PolicyType>;
  /** Documents larger than this many characters get one informational diagnostic instead of analysis. */
  maxFileSize: number;
  /** From the project config only (never-allowed-access); absent when it has none. */
  neverAllow?: NeverAllow;
}

export const defaultSettings: Settings = {
  validate: { enable: true },
  rules: {},
  policyTypes: {},
  maxFileSize: 4_000_000,
};

const severities = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Settings as given by the user (any JSON) -> complete, well-typed settings. Unknown or ill-typed entries are
 * dropped rather than trusted: settings are data and never crash the server.
 */
export function withDefaults(raw: unknown): Settings {
  const input = isRecord(raw) ? raw : {};
  const rules: Record<string, RuleSetting> = {};
  if (isRecord(input.rules)) {
    for (const [id, value] of Object.entries(input.rules)) {
      if (typeof value === 'string' && severities.has(value)) rules[id] = value as RuleSetting;
    }
  }
  const types: Record<string, PolicyType> = {};
  if (isRecord(input.policyTypes)) {
    for (const [glob, value] of Object.entries(input.policyTypes)) {
      if (typeof value === 'string' && (policyTypes as readonly string[]).includes(value)) types[glob] = value as PolicyType;
    }
  }
  const validate = isRecord(input.validate) && typeof input.validate.enable === 'boolean' ? input.validate.enable : true;
  const maxFileSize =
    typeof input.maxFileSize === 'number' && Number.isFinite(input.maxFileSize) && input.maxFileSize > 0
      ? input.maxFileSize
      : defaultSettings.maxFileSize;
  return { validate: { enable: validate }, rules, policyTypes: types, maxFileSize };
}
