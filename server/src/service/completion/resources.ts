/**
 * Resource / NotResource values: the ARN formats of the resource types the statement's actions take, as snippets
 * with a tab stop per field, the most widely needed first; `*`; and, once a service is typed in the ARN, that
 * service's other formats. Policy variables inside the ARN are handled by ./variables.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { Action, Catalog, ResourceType, Service } from '../../catalog/types';
import type { ListElement, Statement } from '../../policy/model';
import { statementActions } from '../../policy/statementActions';
import type { StringSlot } from '../cursorContext';
import { CompletionItemKind, list, valueItem } from './items';
import { templateSnippet } from './templates';

/** Past this many actions (`*`, NotAction) a per-type list says nothing useful and costs time. */
const maxActionsForTypes = 1000;
const actionsListed = 8;

interface TypeUse {
  readonly resourceType: ResourceType;
  readonly service: Service;
  readonly actions: Action[];
  required: number;
}

export function completeResources(document: TextDocument, slot: StringSlot, statement: Statement, element: ListElement, catalog: Catalog): CompletionList {
  const typed = slot.typed;
  const { actions, isNotAction } = statementActions(statement, catalog);
  const uses = new Map<string, TypeUse>();
  if (!isNotAction && actions.length <= maxActionsForTypes) {
    for (const action of actions) {
      for (const row of catalog.resourceTypesOf(action)) {
        const key = row.resourceType.arn;
        let use = uses.get(key);
        if (!use) {
          use = { resourceType: row.resourceType, service: action.service, actions: [], required: 0 };
          uses.set(key, use);
        }
        use.actions.push(action);
        if (row.required) use.required++;
      }
    }
  }
  // A service written in the ARN brings its own formats, after the ones the actions take.
  const typedService = serviceField(typed);
  const service = typedService === undefined ? undefined : catalog.findService(typedService);
  const extra = service ? serviceResourceTypes(service, catalog).filter((rt) => !uses.has(rt.arn)) : [];

  const present = new Set(element.values.filter((v) => v.node !== slot.node).map((v) => v.value));
  const partition = partitionField(typed) ?? 'aws';
  const couldBe = (arn: string) => typed === '' || catalog.matchArn(`${typed}*`, arn);
  const ranked = [...uses.values()].filter((u) => couldBe(u.resourceType.arn)).sort(byRelevance);
  const items: CompletionItem[] = ranked.map((use, index) =>
    templateItem(document, slot, use.resourceType, use.service, partition, index, describeUse(use, actions.length)),
  );
  extra
    .filter((rt) => couldBe(rt.arn))
    .forEach((rt) => items.push(templateItem(document, slot, rt, service!, partition, 500, `Resource type **${rt.name}** of ${service!.name}; none of this statement's actions takes it.`)));
  if (!present.has('*') && '*'.startsWith(typed)) {
    const onlyStar = actions.length > 0 && uses.size === 0 && !isNotAction && actions.length <= maxActionsForTypes;
    items.push(
      valueItem(document, slot, {
        label: '*',
        kind: CompletionItemKind.Constant,
        detail: onlyStar ? 'the only value these actions support' : 'all resources',
        documentation: onlyStar
          ? "None of this statement's actions supports resource-level permissions: they need `\"Resource\": \"*\"`."
          : 'Every resource the actions can reach. Prefer the ARNs above for least privilege.',
        rank: onlyStar ? 0 : 900,
      }),
    );
  }
  // The server filtered against the text typed so far; let the editor ask again on the next keystroke.
  return list(items, true);
}

function templateItem(
  document: TextDocument,
  slot: StringSlot,
  resourceType: ResourceType,
  service: Service,
  partition: string,
  rank: number,
  documentation: string,
): CompletionItem {
  return valueItem(document, slot, {
    label: resourceType.arn,
    kind: CompletionItemKind.Reference,
    detail: `${service.prefix} ${resourceType.name}`,
    documentation: { kind: 'markdown', value: documentation },
    text: templateSnippet(resourceType.arn, { Partition: partition }),
    snippet: true,
    filterText: slot.typed,
    rank,
  });
}

/** Required by more actions, then taken by more, then the simpler format (fewer fields to fill in). */
function byRelevance(a: TypeUse, b: TypeUse): number {
  return b.required - a.required || b.actions.length - a.actions.length || fieldCount(a.resourceType.arn) - fieldCount(b.resourceType.arn);
}

function fieldCount(arn: string): number {
  return arn.split('${').length - 1;
}

function describeUse(use: TypeUse, total: number): string {
  const names = use.actions.slice(0, actionsListed).map((a) => `\`${a.fullName}\``);
  const more = use.actions.length > actionsListed ? `, and ${use.actions.length - actionsListed} more` : '';
  const required = use.required > 0 ? ` (required by ${use.required})` : '';
  return `Resource type **${use.resourceType.name}** of ${use.service.name}, taken by ${use.actions.length} of this statement's ${total} actions${required}: ${names.join(', ')}${more}.`;
}

/** Every resource type of a service, by ARN format, through its actions (the catalogue has no direct list). */
function serviceResourceTypes(service: Service, catalog: Catalog): ResourceType[] {
  const found = new Map<string, ResourceType>();
  for (const action of catalog.actionsOf(service)) {
    for (const row of action.resourceTypes) found.set(row.resourceType.arn, row.resourceType);
  }
  return [...found.values()];
}

/** The service field of a typed ARN once it is complete (`arn:aws:s3:` -> `s3`). */
function serviceField(typed: string): string | undefined {
  const fields = typed.split(':');
  return fields.length >= 4 && fields[0]!.toLowerCase() === 'arn' && !/[*?$]/.test(fields[2]!) ? fields[2] : undefined;
}

function partitionField(typed: string): string | undefined {
  const fields = typed.split(':');
  return fields.length >= 3 && fields[0]!.toLowerCase() === 'arn' && /^[a-z-]+$/.test(fields[1]!) ? fields[1] : undefined;
}
