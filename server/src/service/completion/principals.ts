/**
 * Principal / NotPrincipal: the principal kinds as keys (AWS, Service, Federated, CanonicalUser), service principals
 * under Service (those of the statement's own services first), and the documented forms (account root, role, user,
 * session, SAML and OIDC providers...) under AWS, Federated and CanonicalUser, as snippets with a tab stop per field.
 * In the plain string form (`"Principal": "|"`), besides `*`, the same forms as whole `{"AWS": "..."}` objects.
 * Fields the user has already typed (`arn:aws:iam::111122223333:r|`) keep their text; the others start as `${Name}`
 * placeholders, which unfilled-placeholder reports if left.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { PrincipalElement, Statement } from '../../policy/model';
import { statementActions } from '../../policy/statementActions';
import type { StringSlot } from '../cursorContext';
import { principalForms, servicePrincipals, type ServicePrincipal } from '../referenceData';
import { CompletionItemKind, keyItem, list, stringItem, suggestAgain, valueItem } from './items';
import { escapeSnippet, hasFields, startsLikeTemplate, templateSnippet, typedFields } from './templates';

const kinds: readonly { name: string; description: string }[] = [
  { name: 'AWS', description: 'Accounts, IAM users and roles, role sessions, or `*`.' },
  { name: 'Service', description: 'AWS service principals, such as `lambda.amazonaws.com`.' },
  { name: 'Federated', description: 'A SAML or OIDC identity provider, or a web identity provider such as Cognito.' },
  { name: 'CanonicalUser', description: 'The canonical user ID of an account (Amazon S3).' },
];

/** Past this many actions (`*`, `s3:*` across services) "the statement's services" says nothing. */
const maxActionsForServices = 1000;

export function completePrincipalKinds(document: TextDocument, slot: StringSlot, element: PrincipalElement): CompletionList {
  const present = new Set(element.entries.filter((e) => e.keyNode !== slot.node).map((e) => e.kind));
  const items = kinds
    .filter((k) => !present.has(k.name))
    .map((k, index) =>
      keyItem(document, slot, {
        label: k.name,
        kind: CompletionItemKind.Property,
        documentation: k.description,
        rank: index,
        valueSkeleton: '"$1"',
        suggestValue: true,
      }),
    );
  return list(items);
}

export function completePrincipalValues(
  document: TextDocument,
  slot: StringSlot,
  statement: Statement,
  element: PrincipalElement,
  kind: string | undefined,
  catalog: Catalog,
): CompletionList {
  if (kind === undefined) return completePlainPrincipal(document, slot, statement, catalog);
  const present = new Set(
    element.entries
      .filter((e) => e.kind === kind)
      .flatMap((e) => e.values)
      .filter((v) => v.node !== slot.node)
      .map((v) => v.value.toLowerCase()),
  );
  if (kind === 'Service') {
    const items = rankedServicePrincipals(statement, catalog)
      .filter(({ principal }) => !present.has(principal.principal))
      .map(({ principal, ofActions }, position) =>
        valueItem(document, slot, {
          label: principal.principal,
          position,
          kind: CompletionItemKind.Value,
          detail: ofActions ? `${principal.service} · this statement's service` : principal.service,
        }),
      );
    return list(items);
  }
  const items: CompletionItem[] = principalForms
    .filter((form) => form.kind === kind && startsLikeTemplate(slot.typed, form.template) && !present.has(form.template.toLowerCase()))
    .map((form, index) => {
      const fields = hasFields(form.template);
      return valueItem(document, slot, {
        label: form.template,
        kind: fields ? CompletionItemKind.Snippet : CompletionItemKind.Value,
        detail: form.label,
        documentation: { kind: 'markdown', value: `${form.description}\n\n[Principal element](${form.source})` },
        rank: index,
        ...(fields ? { text: templateSnippet(form.template, { Partition: 'aws', ...typedFields(slot.typed, form.template) }), snippet: true, filterText: slot.typed } : {}),
      });
    });
  // Forms are filtered here against the typed text, so ask again as it grows.
  return list(items, true);
}

/**
 * `"Principal": "|"`: the string form takes only `*`; every other principal needs the object form, so its items
 * replace the whole string with `{"AWS": "..."}`, `{"Service": "..."}`... (the editor filters on the text from the
 * opening quote, hence the quote in filterText).
 */
function completePlainPrincipal(document: TextDocument, slot: StringSlot, statement: Statement, catalog: Catalog): CompletionList {
  const items: CompletionItem[] = [
    valueItem(document, slot, {
      label: '*',
      kind: CompletionItemKind.Constant,
      detail: 'everyone',
      documentation: 'Every principal, anonymous callers included. Use conditions (such as aws:PrincipalOrgID) to narrow it.',
      rank: 0,
    }),
  ];
  const objectItem = (kind: string, value: string, detail: string, documentation: string, rank: number, command = false) =>
    stringItem(document, slot, {
      label: `{"${kind}": "${value}"}`,
      kind: CompletionItemKind.Snippet,
      detail,
      documentation: { kind: 'markdown', value: documentation },
      text: `${escapeSnippet(`{"${kind}": "`)}${value === '' ? '$1' : templateSnippet(value, { Partition: 'aws' })}${escapeSnippet('"}')}`,
      snippet: true,
      filterText: `"${slot.typed}`,
      rank,
      ...(command ? { command: suggestAgain } : {}),
    });
  principalForms
    .filter((form) => form.template !== '*')
    .forEach((form) => items.push(objectItem(form.kind, form.template, form.label, `${form.description}\n\n[Principal element](${form.source})`, 1)));
  for (const { principal } of rankedServicePrincipals(statement, catalog).filter((p) => p.ofActions)) {
    items.push(objectItem('Service', principal.principal, principal.service, `The service principal of ${principal.service}, whose actions this statement names.`, 2));
  }
  items.push(objectItem('Service', '', 'a service principal', 'An AWS service principal, such as `lambda.amazonaws.com`: pick one next.', 3, true));
  return list(items);
}

/**
 * The service principals, those of the services the statement's actions belong to first (`lambda:InvokeFunction`
 * -> `lambda.amazonaws.com`; a principal belongs to a service when one of its host labels is the service prefix:
 * `delivery.logs.amazonaws.com` is Logs'), then the rest in data order.
 */
function rankedServicePrincipals(statement: Statement, catalog: Catalog): { principal: ServicePrincipal; ofActions: boolean }[] {
  const { actions, isNotAction } = statementActions(statement, catalog);
  const prefixes = new Set(isNotAction || actions.length > maxActionsForServices ? [] : actions.map((a) => a.service.prefix));
  const ofActions = (p: ServicePrincipal) => p.principal.split('.').slice(0, -2).some((label) => prefixes.has(label));
  const ranked = servicePrincipals.map((principal) => ({ principal, ofActions: ofActions(principal) }));
  return [...ranked.filter((p) => p.ofActions), ...ranked.filter((p) => !p.ofActions)];
}
