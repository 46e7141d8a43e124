/**
 * The actions that write a resource's resource-based policy, from data/resource-policy-writers.json, resolved against
 * the catalogue: for each resource type a writer acts on, the resource types the written policy governs and the
 * actions it can grant there. resource-policy-escalation reads them.
 */
import writerData from '../../../../data/resource-policy-writers.json';
import type { Action, Catalog, ResourceType } from '../../catalog/types';
import { compareFullNames } from '../../policy/statementActions';

export interface GovernedTypeFact {
  /** The governed type's service, when it is not the writer's (a role's trust policy governs sts actions). */
  readonly service?: string;
  readonly type: string;
  /** Appended to the writer's resource to name the governed ones (`/*`: a bucket's objects). */
  readonly childPath?: string;
}

export interface ResourcePolicyWriterFact {
  readonly actions: readonly string[];
  /** Per resource type the writer acts on (`*` for a writer that supports only Resource `*`). */
  readonly governs: Readonly<Partial<Record<string, readonly GovernedTypeFact[]>>>;
  /** The only actions the written policy can grant, when it cannot grant every action of the governed types. */
  readonly grantable?: readonly string[];
  /** The identity policy never grants these actions by itself: the resource's policy must (a role's trust policy). */
  readonly trustPolicy?: boolean;
  readonly reason: string;
  readonly source: string;
}

export const resourcePolicyWriterFacts: readonly ResourcePolicyWriterFact[] = writerData.writers as ResourcePolicyWriterFact[];

/** A resource type the written policy governs, with the path that leads to it from the writer's resource. */
export interface GovernedType {
  readonly type: ResourceType;
  readonly childPath: string;
}

/** What writing the policy gives, for resources of one type the writer acts on. */
export interface WriterScope {
  /** The writer's resource type's name, or `*` for a writer that supports only Resource `*`. */
  readonly typeName: string;
  /** The ARN format of that type; undefined for `*`. */
  readonly format: string | undefined;
  readonly governed: readonly GovernedType[];
  /** The actions the written policy can grant on the governed types: the data's list in its order, else sorted by name. */
  readonly grantable: readonly Action[];
  /** The service prefix of the governed types, for "every s3 action". */
  readonly service: string;
}

export interface ResourcePolicyWriter {
  readonly action: Action;
  readonly fact: ResourcePolicyWriterFact;
  readonly scopes: readonly WriterScope[];
}

const resolved = new WeakMap<Catalog, readonly ResourcePolicyWriter[]>();

/** The writers the catalogue knows, each with a scope per resource type it acts on (resolved once per catalogue). */
export function resourcePolicyWriters(catalog: Catalog): readonly ResourcePolicyWriter[] {
  let writers = resolved.get(catalog);
  if (!writers) {
    writers = resourcePolicyWriterFacts.flatMap((fact) =>
      fact.actions.flatMap((name) => {
        const action = catalog.findAction(name);
        return action ? [{ action, fact, scopes: scopesOf(catalog, action, fact) }] : [];
      }),
    );
    resolved.set(catalog, writers);
  }
  return writers;
}

function scopesOf(catalog: Catalog, writer: Action, fact: ResourcePolicyWriterFact): WriterScope[] {
  const scopes: WriterScope[] = [];
  const rows = writer.resourceTypes.length > 0 ? writer.resourceTypes.map((row) => row.resourceType) : [undefined];
  for (const writerType of rows) {
    const typeName = writerType?.name ?? '*';
    const facts = Object.entries(fact.governs).find(([name]) => name.toLowerCase() === typeName.toLowerCase())?.[1];
    if (!facts) continue;
    const governed: GovernedType[] = [];
    let service = writer.service.prefix;
    for (const governedFact of facts) {
      const type = findResourceType(catalog, governedFact.service ?? writer.service.prefix, governedFact.type);
      if (!type) continue;
      governed.push({ type, childPath: governedFact.childPath ?? '' });
      service = governedFact.service ?? service;
    }
    if (governed.length === 0) continue;
    scopes.push({ typeName, format: writerType?.arn, governed, grantable: grantableActions(catalog, service, governed, fact), service });
  }
  return scopes;
}

function findResourceType(catalog: Catalog, prefix: string, name: string): ResourceType | undefined {
  const service = catalog.findService(prefix);
  return service && catalog.resourceTypesOfService(service).find((type) => type.name.toLowerCase() === name.toLowerCase());
}

/** The listed grantable actions, or every action of the service that acts on one of the governed types. */
function grantableActions(catalog: Catalog, prefix: string, governed: readonly GovernedType[], fact: ResourcePolicyWriterFact): Action[] {
  const formats = new Set(governed.map((g) => g.type.arn));
  const actsOnGoverned = (action: Action) => action.resourceTypes.some((row) => formats.has(row.resourceType.arn));
  // A listed few keep the data's order, most telling first.
  if (fact.grantable) return fact.grantable.flatMap((name) => catalog.findAction(name) ?? []).filter(actsOnGoverned);
  const service = catalog.findService(prefix);
  return service ? catalog.actionsOf(service).filter(actsOnGoverned).sort(compareFullNames) : [];
}
