/** Hover: the element's meaning from the schema; on Version, also the policy type and the data the checks use. */
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import type { PolicyModel } from '../policy/model';
import type { PolicyTypeChoice } from '../policy/policyType';
import { jsonLanguage } from './jsonLanguage';
import { toRange } from './ranges';

const typeNames: Record<string, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  trust: 'role trust policy',
  scp: 'service control policy (SCP)',
  rcp: 'resource control policy (RCP)',
  'permissions-boundary': 'permissions boundary',
  session: 'session policy',
};

const sourceNames: Record<string, string> = {
  explicit: 'chosen explicitly',
  setting: 'from the iamPolicy.policyTypes setting',
  'file name': 'from the file name',
  content: 'from the content',
  default: 'the default',
};

function within(offset: number, span: { offset: number; length: number }): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

export async function hover(model: PolicyModel, position: Position, catalog: Catalog, policyType: PolicyTypeChoice): Promise<Hover | null> {
  if (model.tooLarge) return null;
  const offset = model.document.offsetAt(position);
  const version = model.version;
  if (version && within(offset, version.property)) {
    const info = catalog.info;
    const lines = [
      `**Version** \`${version.value ?? '?'}\``,
      '',
      version.value === '2012-10-17'
        ? 'Current policy language: policy variables such as `${aws:username}` are substituted.'
        : 'Use `2012-10-17`: under older versions policy variables are literal text.',
      '',
      `Checked as a **${typeNames[policyType.type]}** (${sourceNames[policyType.source]}).`,
      '',
      `IAM data: ${info.source} ${info.dataVersion}, ${info.dataDate.slice(0, 10)}.`,
    ];
    const contents: MarkupContent = { kind: 'markdown', value: lines.join('\n') };
    return { contents, range: toRange(model.document, version.property) };
  }
  const schemaHover = await jsonLanguage().doHover(model.document, position, model.json);
  return schemaHover && { ...schemaHover, contents: asMarkdown(schemaHover.contents) };
}

/** The JSON service answers with the deprecated MarkedString form; clients render MarkupContent better. */
function asMarkdown(contents: Hover['contents']): MarkupContent {
  if (typeof contents === 'object' && 'kind' in contents) return contents;
  const parts = Array.isArray(contents) ? contents : [contents];
  const value = parts.map((part) => (typeof part === 'string' ? part : `\`\`\`${part.language}\n${part.value}\n\`\`\``)).join('\n\n');
  return { kind: 'markdown', value };
}
