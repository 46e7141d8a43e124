/**
 * The resource types a statement's actions need, most likely first: what wildcard-resource's suggestion and the Scope
 * Resource refactoring put in place of `"*"`. Not every type the actions list: the reference also lists types an
 * action only sometimes involves (ec2:StartInstances lists `instance` as required, `group` and
 * `license-configuration` only for conditions), and types any one of which will do (s3:GetObject acts on an `object`
 * or an access point's object; ec2:CreateTags on any of 120 taggable types).
 */
import type { Action, Catalog, ResourceType, Service } from '../../catalog/types';

export interface NeededType {
  readonly resourceType: ResourceType;
  /** How many of the actions list it, required or not. */
  readonly listed: number;
  /** How many of the actions require it. */
  readonly required: number;
}

/**
 * Every type some action requires; then, for the actions that require none but list some (any of them will do), the
 * fewest types that cover them all, each time the one most of them list, or, among equals, the one its service's
 * actions name most often (`object` before `accesspointobject`, `instance` before `spot-instances-request`). In order:
 * the types most actions use first, required before optional, then the more common, then by name. Keyed by ARN
 * format, which is what gets written.
 */
export function neededResourceTypes(actions: readonly Action[], catalog: Catalog): NeededType[] {
  const types = new Map<string, { resourceType: ResourceType; service: Service; listed: number; required: number }>();
  for (const action of actions) {
    for (const row of action.resourceTypes) {
      const entry = types.get(row.resourceType.arn) ?? { resourceType: row.resourceType, service: action.service, listed: 0, required: 0 };
      entry.listed++;
      if (row.required) entry.required++;
      types.set(row.resourceType.arn, entry);
    }
  }
  const common = (arn: string) => commonness(catalog, types.get(arn)!.service).get(arn) ?? 0;
  const chosen = new Set([...types].filter(([, entry]) => entry.required > 0).map(([arn]) => arn));
  let open = actions.filter((a) => a.resourceTypes.length > 0 && !a.resourceTypes.some((row) => row.required || chosen.has(row.resourceType.arn)));
  while (open.length > 0) {
    const covers = new Map<string, number>();
    for (const action of open) for (const row of action.resourceTypes) covers.set(row.resourceType.arn, (covers.get(row.resourceType.arn) ?? 0) + 1);
    const [best] = [...covers.keys()].sort((a, b) => covers.get(b)! - covers.get(a)! || common(b) - common(a) || compareNames(types.get(a)!, types.get(b)!));
    chosen.add(best!);
    open = open.filter((a) => !a.resourceTypes.some((row) => row.resourceType.arn === best));
  }
  return [...chosen]
    .map((arn) => types.get(arn)!)
    .sort((a, b) => b.listed - a.listed || b.required - a.required || common(b.resourceType.arn) - common(a.resourceType.arn) || compareNames(a, b))
    .map(({ resourceType, listed, required }) => ({ resourceType, listed, required }));
}

function compareNames(a: { resourceType: ResourceType }, b: { resourceType: ResourceType }): number {
  return a.resourceType.name < b.resourceType.name ? -1 : a.resourceType.name > b.resourceType.name ? 1 : a.resourceType.arn < b.resourceType.arn ? -1 : 1;
}

const commonnessByCatalog = new WeakMap<Catalog, Map<string, Map<string, number>>>();

/** Per ARN format of a service's resource types: how many of its actions list it. Counted once per service. */
function commonness(catalog: Catalog, service: Service): Map<string, number> {
  let services = commonnessByCatalog.get(catalog);
  if (!services) commonnessByCatalog.set(catalog, (services = new Map()));
  let counts = services.get(service.prefix);
  if (!counts) {
    counts = new Map();
    for (const action of catalog.actionsOf(service)) {
      for (const row of action.resourceTypes) counts.set(row.resourceType.arn, (counts.get(row.resourceType.arn) ?? 0) + 1);
    }
    services.set(service.prefix, counts);
  }
  return counts;
}

/** An ARN format from the reference as a Resource value to complete: partition `aws`, the other fields placeholders. */
export function arnTemplate(format: string): string {
  return format.replaceAll('${Partition}', 'aws');
}
