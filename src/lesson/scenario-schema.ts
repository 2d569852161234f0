/**
 * The scenario schema as data: the one description the validator walks. Each object spec is
 * declared `satisfies Fields<T>` against its interface in scenario-types.ts, so a field added
 * to one and not the other is a compile error.
 */
import type {
  Branch, CheckKind, DeploymentCheck, EndpointsCheck, FieldCheck, FileCheck, Localized, ObjectRef,
  Scenario, SelectorCheck, Step, TrafficCheck, WatchSpec,
} from './scenario-types.js';

/** What a value in a scenario file must be. */
export type Spec =
  | { type: 'string'; format?: 'id' | 'regex' | 'kind' | 'step-ref' | 'field-path' }
  | { type: 'number'; integer?: boolean; min?: number; max?: number }
  | { type: 'true' }
  /** Any YAML value (`field.equals`). */
  | { type: 'any' }
  /** A string or a number (`seed`). */
  | { type: 'string-or-number' }
  | { type: 'list'; of: Spec; minItems?: number; maxItems?: number }
  /** A map with free string keys and string values (files, selectors). */
  | { type: 'string-map' }
  | { type: 'object'; name: string; fields: Record<string, FieldSpec> }
  /** A check: a map with one key naming its kind (see CHECK_SPECS). */
  | { type: 'check' }
  /** A step's `next`: a step id, `end`, or a list of branches. */
  | { type: 'next' };

/** One field of an object spec. */
export interface FieldSpec {
  spec: Spec;
  required?: boolean;
}

/** A spec for every key of T, and no other key. */
type Fields<T> = { [K in keyof Required<T>]: FieldSpec };

const str: Spec = { type: 'string' };
const id: Spec = { type: 'string', format: 'id' };
const regex: Spec = { type: 'string', format: 'regex' };
const port: Spec = { type: 'number', integer: true, min: 1, max: 65535 };
const count: Spec = { type: 'number', integer: true, min: 0 };
const optional = (spec: Spec): FieldSpec => ({ spec });
const required = (spec: Spec): FieldSpec => ({ spec, required: true });

/** `{en, ko}`: both languages are required. */
export const LOCALIZED: Spec = {
  type: 'object',
  name: 'text',
  fields: { en: required(str), ko: required(str) } satisfies Fields<Localized>,
};

const objectRef = {
  kind: required({ type: 'string', format: 'kind' }),
  name: required(str),
  namespace: optional(str),
} satisfies Fields<ObjectRef>;

/** The argument spec of each check kind. */
export const CHECK_SPECS: Record<CheckKind, Spec> = {
  exists: { type: 'object', name: 'exists check', fields: objectRef },
  absent: { type: 'object', name: 'absent check', fields: objectRef },
  field: {
    type: 'object',
    name: 'field check',
    fields: { ...objectRef, path: required({ type: 'string', format: 'field-path' }), equals: optional({ type: 'any' }), matches: optional(regex) } satisfies Fields<FieldCheck>,
  },
  selector: {
    type: 'object',
    name: 'selector check',
    fields: { service: required(str), namespace: optional(str), equals: required({ type: 'string-map' }) } satisfies Fields<SelectorCheck>,
  },
  endpoints: {
    type: 'object',
    name: 'endpoints check',
    fields: { service: required(str), deployment: required(str), namespace: optional(str) } satisfies Fields<EndpointsCheck>,
  },
  deployment: {
    type: 'object',
    name: 'deployment check',
    fields: {
      name: required(str),
      namespace: optional(str),
      image: optional(str),
      container: optional(str),
      readyReplicas: optional(count),
      revision: optional({ type: 'number', integer: true, min: 1 }),
    } satisfies Fields<DeploymentCheck>,
  },
  traffic: {
    type: 'object',
    name: 'traffic check',
    fields: {
      service: required(str),
      namespace: optional(str),
      port: optional(port),
      path: optional(str),
      requests: optional({ type: 'number', integer: true, min: 1, max: 10_000 }),
      body: required(regex),
      share: required({ type: 'list', of: { type: 'number', min: 0, max: 1 }, minItems: 2, maxItems: 2 }),
    } satisfies Fields<TrafficCheck>,
  },
  ran: regex,
  file: {
    type: 'object',
    name: 'file check',
    fields: { path: required(str), contains: optional(str), matches: optional(regex) } satisfies Fields<FileCheck>,
  },
  noDowntime: { type: 'true' },
  noDowntimeOutside: { type: 'list', of: { type: 'string', format: 'step-ref' }, minItems: 1 },
  all: { type: 'list', of: { type: 'check' }, minItems: 1 },
  any: { type: 'list', of: { type: 'check' }, minItems: 1 },
  not: { type: 'check' },
};

/** One branch of `next`. */
export const BRANCH: Spec = {
  type: 'object',
  name: 'branch',
  fields: { when: optional({ type: 'check' }), goto: required({ type: 'string', format: 'step-ref' }) } satisfies Fields<Branch>,
};

/** One step. */
export const STEP: Spec = {
  type: 'object',
  name: 'step',
  fields: {
    id: required(id),
    title: required(LOCALIZED),
    instructions: required(LOCALIZED),
    hints: optional({ type: 'list', of: LOCALIZED }),
    solution: optional(str),
    checks: required({ type: 'list', of: { type: 'check' }, minItems: 1 }),
    next: optional({ type: 'next' }),
  } satisfies Fields<Step>,
};

/** The watched Service. */
export const WATCH: Spec = {
  type: 'object',
  name: 'watch',
  fields: { service: required(str), namespace: optional(str), port: optional(port), path: optional(str) } satisfies Fields<WatchSpec>,
};

/** The whole file. */
export const SCENARIO: Spec = {
  type: 'object',
  name: 'scenario',
  fields: {
    id: required(id),
    title: required(LOCALIZED),
    text: optional(LOCALIZED),
    seed: optional({ type: 'string-or-number' }),
    files: optional({ type: 'string-map' }),
    watch: optional(WATCH),
    steps: required({ type: 'list', of: STEP, minItems: 1 }),
  } satisfies Fields<Scenario>,
};

/** Ids of scenarios and steps: lower-case words joined by hyphens (`switch-traffic`). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

