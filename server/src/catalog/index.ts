import catalogText from 'generated:iam-catalog';
import { createCatalog } from './catalog';
import type { Catalog } from './types';

let catalog: Catalog | undefined;

/**
 * The catalogue bundled with this build, parsed on first use (synchronously; about the cost of one JSON.parse of
 * the index) and shared afterwards.
 */
export function getCatalog(): Catalog {
  catalog ??= createCatalog(catalogText());
  return catalog;
}

export { createCatalog } from './catalog';
export { compileGlob, hasWildcard, matchGlob } from './glob';
export type { GlobOptions } from './glob';
export { matchArn, formatsWithChildPaths } from './arn';
export type { ArnMatchOptions } from './arn';
export type {
  AccessLevel,
  Action,
  ActionResource,
  Catalog,
  CatalogInfo,
  ConditionKey,
  ConditionKeyType,
  ResourceType,
  Service,
} from './types';
