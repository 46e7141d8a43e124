/**
 * The whole-policy templates for "New IAM policy from template": the `isFileTemplate` snippets of the extension's
 * snippet file, each opened as an untitled document whose name tells the server its policy type
 * (`*.trust.json`, `*.scp.json`, `*.boundary.json`). Pure, so it is tested without VS Code.
 */
export interface FileTemplate {
  readonly name: string;
  readonly prefix: string;
  readonly description: string;
  readonly body: string;
}

interface SnippetEntry {
  readonly prefix?: string | readonly string[];
  readonly description?: string;
  readonly isFileTemplate?: boolean;
  readonly body?: string | readonly string[];
}

export function fileTemplatesOf(snippetFileText: string): FileTemplate[] {
  const snippets = JSON.parse(snippetFileText) as Record<string, SnippetEntry>;
  return Object.entries(snippets)
    .filter(([, s]) => s.isFileTemplate === true && s.body !== undefined)
    .map(([name, s]) => ({
      name,
      prefix: (typeof s.prefix === 'string' ? s.prefix : s.prefix?.[0]) ?? name,
      description: s.description ?? '',
      body: typeof s.body === 'string' ? s.body : s.body!.join('\n'),
    }));
}

/** The file name suffix the server reads the policy type from (see server/src/policy/policyType.ts). */
export function fileNameFor(template: FileTemplate): string {
  const base = template.prefix.replace(/^iam-/, '') || 'policy';
  if (template.prefix.startsWith('iam-trust-')) return `${base}.trust.json`;
  if (template.prefix.startsWith('iam-scp-')) return `${base}.scp.json`;
  if (template.prefix.startsWith('iam-rcp-')) return `${base}.rcp.json`;
  if (template.prefix === 'iam-permissions-boundary') return `${base}.boundary.json`;
  return `${base}.iam.json`;
}

/** `name`, or `name` with `-2`, `-3`... before the extension, whichever `taken` does not have. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  const dot = name.indexOf('.');
  const stem = dot < 0 ? name : name.slice(0, dot);
  const extension = dot < 0 ? '' : name.slice(dot);
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${stem}-${n}${extension}`;
  return candidate;
}
