/**
 * Principal / NotPrincipal: the principal kinds as keys (AWS, Service, Federated, CanonicalUser), `*` for the plain
 * string form, service principals under Service, and the documented forms (account, role, session, SAML and OIDC
 * providers...) under AWS, Federated and CanonicalUser, as snippets where a field needs filling in.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { PrincipalElement } from '../../policy/model';
import type { StringSlot } from '../cursorContext';
import { principalForms, servicePrincipals } from '../referenceData';
import { CompletionItemKind, keyItem, list, valueItem } from './items';
import { hasFields, startsLikeTemplate, templateSnippet } from './templates';

const kinds: readonly { name: string; description: string }[] = [
  { name: 'AWS', description: 'Accounts, IAM users and roles, role sessions, or `*`.' },
  { name: 'Service', description: 'AWS service principals, such as `lambda.amazonaws.com`.' },
  { name: 'Federated', description: 'A SAML or OIDC identity provider, or a web identity provider such as Cognito.' },
  { name: 'CanonicalUser', description: 'The canonical user ID of an account (Amazon S3).' },
];

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

export function completePrincipalValues(document: TextDocument, slot: StringSlot, element: PrincipalElement, kind: string | undefined): CompletionList {
  if (kind === undefined) {
    return list([
      valueItem(document, slot, {
        label: '*',
        kind: CompletionItemKind.Constant,
        detail: 'everyone',
        documentation: 'Every principal, anonymous callers included. Use conditions (such as aws:PrincipalOrgID) to narrow it.',
      }),
    ]);
  }
  const present = new Set(
    element.entries
      .filter((e) => e.kind === kind)
      .flatMap((e) => e.values)
      .filter((v) => v.node !== slot.node)
      .map((v) => v.value.toLowerCase()),
  );
  if (kind === 'Service') {
    const items = servicePrincipals
      .filter((p) => !present.has(p.principal))
      .map((p) => valueItem(document, slot, { label: p.principal, kind: CompletionItemKind.Value, detail: p.service }));
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
        ...(fields ? { text: templateSnippet(form.template, { Partition: 'aws' }), snippet: true, filterText: slot.typed } : {}),
      });
    });
  // Forms are filtered here against the typed text, so ask again as it grows.
  return list(items, true);
}
