/**
 * Every resource type of every service, including those no action lists (84 in the current data, among them API
 * Gateway's `/apis` collection and CodeBuild's `build`): an ARN of such a type is still a valid resource.
 *
 * The Catalog interface reaches resource types only through actions, so until it offers a service's own list this
 * reads them from the bundled index (the layout scripts/build-catalog.mjs documents: services as
 * [prefix, name, actions, resourceTypes, keyRefs], resource types as [name, arn, keyRefs]). Anything unexpected in
 * that layout yields an empty list, and the ARN rules then work from the actions' resource types alone.
 * Formats AWS documents outside the reference (data/extra-arn-formats.json) are added to the list.
 */
import catalogText from 'generated:iam-catalog';
import extraFormats from '../../../data/extra-arn-formats.json';

export interface ListedResourceType {
  /** Prefix of the service whose reference lists the type. */
  readonly service: string;
  readonly name: string;
  readonly arn: string;
}

let listed: readonly ListedResourceType[] | undefined;

export function allResourceTypes(): readonly ListedResourceType[] {
  listed ??= [...read(), ...extraResourceTypes()];
  return listed;
}

export interface ExtraResourceType extends ListedResourceType {
  /** Actions (`service:Name`) that act on it, though the reference does not say so. */
  readonly actions: readonly string[];
}

/** Formats AWS documents elsewhere than in the reference (data/extra-arn-formats.json). */
export function extraResourceTypes(): readonly ExtraResourceType[] {
  return extraFormats.formats.map((f) => ({ service: f.arn.split(':')[2]!, name: f.resourceType, arn: f.arn, actions: f.actions }));
}

function read(): ListedResourceType[] {
  try {
    const index = JSON.parse(catalogText) as { format?: unknown; services?: unknown };
    if (index.format !== 1 || !Array.isArray(index.services)) return [];
    const found: ListedResourceType[] = [];
    for (const service of index.services as unknown[]) {
      const prefix = Array.isArray(service) ? service[0] : undefined;
      const types = Array.isArray(service) ? service[3] : undefined;
      if (typeof prefix !== 'string' || !Array.isArray(types)) continue;
      for (const type of types as unknown[]) {
        if (Array.isArray(type) && typeof type[0] === 'string' && typeof type[1] === 'string') found.push({ service: prefix, name: type[0], arn: type[1] });
      }
    }
    return found;
  } catch {
    return [];
  }
}
