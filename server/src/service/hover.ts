/**
 * Hover. On the strings of Action, Resource and Condition: what the catalogue knows (./hover/*); on Effect: a
 * one-line summary of what the statement grants, above the schema's text; on Version: the policy type and the data
 * the checks use; elsewhere the element's meaning from the schema.
 */
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import type { PolicyModel, Span } from '../policy/model';
import type { PolicyTypeChoice } from '../policy/policyType';
import { contextAt, type CursorContext } from './cursorContext';
import { actionHover } from './hover/actions';
import { conditionKeyHover, operatorHover } from './hover/conditions';
import { resourceHover } from './hover/resources';
import { statementSummary } from './hover/statement';
import { jsonLanguage } from './jsonLanguage';
import { findServicePrincipal } from './referenceData';
import { toRange } from './ranges';
import { indefiniteArticle } from '../../../shared/indefiniteArticle';

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
  host: 'from where the template puts it',
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
      `Checked as ${indefiniteArticle(typeNames[policyType.type]!)} **${typeNames[policyType.type]}** (${sourceNames[policyType.source]}).`,
      '',
      `IAM data: ${info.source} ${info.dataVersion}, ${info.dataDate.slice(0, 10)}.`,
    ];
    const contents: MarkupContent = { kind: 'markdown', value: lines.join('\n') };
    return { contents, range: toRange(model.document, version.property) };
  }
  const context = contextAt(model, offset);
  const ours = context && catalogHover(context, catalog);
  if (ours) return { contents: { kind: 'markdown', value: ours.text }, range: toRange(model.document, ours.span) };
  const schemaHover = await jsonLanguage().doHover(model.document, position, model.json);
  if (context?.kind === 'effect') {
    const summary = `**${statementSummary(context.statement, catalog)}**`;
    const schemaText = schemaHover ? `\n\n${asMarkdown(schemaHover.contents).value}` : '';
    return { contents: { kind: 'markdown', value: summary + schemaText }, range: toRange(model.document, context.element.property) };
  }
  return schemaHover && { ...schemaHover, contents: asMarkdown(schemaHover.contents) };
}

/** The hover text for a string the catalogue knows about, and the span it covers. */
function catalogHover(context: CursorContext, catalog: Catalog): { text: string; span: Span } | undefined {
  if (context.kind === 'effect') return undefined;
  const span = context.slot.node;
  const value = context.slot.node.value;
  switch (context.kind) {
    case 'action':
      return { text: actionHover(value, catalog), span };
    case 'resource':
      return { text: resourceHover(value, context.statement, context.element === context.statement.notResource, catalog), span };
    case 'condition-operator':
      return { text: operatorHover(value), span };
    case 'condition-key':
      return { text: conditionKeyHover(value, context.operator, context.statement, catalog), span };
    case 'principal-value': {
      const principal = context.principalKind === 'Service' ? findServicePrincipal(value) : undefined;
      return principal && { text: `Service principal of **${principal.service}**.\n\n[Where AWS documents it](${principal.source})`, span };
    }
    default:
      return undefined;
  }
}

/** The JSON service answers with the deprecated MarkedString form; clients render MarkupContent better. */
function asMarkdown(contents: Hover['contents']): MarkupContent {
  if (typeof contents === 'object' && 'kind' in contents) return contents;
  const parts = Array.isArray(contents) ? contents : [contents];
  const value = parts.map((part) => (typeof part === 'string' ? part : `\`\`\`${part.language}\n${part.value}\n\`\`\``)).join('\n\n');
  return { kind: 'markdown', value };
}
