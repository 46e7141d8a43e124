/**
 * Every resource type of every service, including those no action lists (84 in the current data, among them API
 * Gateway's `/apis` collection and CodeBuild's `build`): an ARN of such a type is still a valid resource.
 * Formats AWS documents outside the reference (data/extra-arn-formats.json) are added to the list.
 */
import { getCatalog } from '../../catalog';
import type { Catalog } from '../../catalog/types';
import extraFormats from '../../../../data/extra-arn-formats.json';

export interface ListedResourceType {
  /** Prefix of the service whose reference lists the type. */
  readonly service: string;
  readonly name: string;
  readonly arn: string;
}

const listed = new WeakMap<Catalog, readonly ListedResourceType[]>();

/** Services by prefix, each one's types by name, then the extra formats. */
export function allResourceTypes(catalog: Catalog = getCatalog()): readonly ListedResourceType[] {
  let types = listed.get(catalog);
  if (!types) {
    types = [...catalog.services().flatMap((s) => catalog.resourceTypesOfService(s).map(({ name, arn }) => ({ service: s.prefix, name, arn }))), ...extraResourceTypes()];
    listed.set(catalog, types);
  }
  return types;
}

export interface ExtraResourceType extends ListedResourceType {
  /** Actions (`service:Name`) that act on it, though the reference does not say so. */
  readonly actions: readonly string[];
}

/** Formats AWS documents elsewhere than in the reference (data/extra-arn-formats.json). */
export function extraResourceTypes(): readonly ExtraResourceType[] {
  return extraFormats.formats.map((f) => ({ service: f.arn.split(':')[2]!, name: f.resourceType, arn: f.arn, actions: f.actions }));
}
