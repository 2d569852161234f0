/**
 * The shape of a scenario file once it has been validated (`scenario-schema.ts` describes the
 * same shape as data for the validator, and the compiler keeps the two in step). A scenario is
 * a lesson: bilingual texts, a seed, starting files, an optional Service to watch for
 * downtime, and steps whose declarative checks complete them.
 */

/** The languages every lesson text is written in. */
export type Lang = 'en' | 'ko';

/** A text in English and Korean. */
export interface Localized {
  en: string;
  ko: string;
}

/** The Service the zero-downtime meter sends one request a virtual second to. */
export interface WatchSpec {
  service: string;
  /** Default `default`; requests are sent from a pod in this namespace. */
  namespace?: string;
  /** The Service port; default its first port. */
  port?: number;
  /** Default `/`. */
  path?: string;
}

/** Which object a check looks at. `kind` is anything kubectl accepts (`deploy`, `Service`). */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** `field`: a value at a dotted path (`spec.selector.color`, `spec.ports[0].targetPort`). */
export interface FieldCheck extends ObjectRef {
  path: string;
  /** Deep equality with the value found (80 and "80" differ, as in the API). */
  equals?: unknown;
  /** A regular expression tested against the value (objects as JSON). */
  matches?: string;
}

/** `selector`: a Service's `spec.selector` is exactly this map. */
export interface SelectorCheck {
  service: string;
  namespace?: string;
  equals: Record<string, string>;
}

/** `endpoints`: a Service's ready endpoints are exactly the ready pods of a Deployment. */
export interface EndpointsCheck {
  service: string;
  deployment: string;
  namespace?: string;
}

/** `deployment`: facts about a Deployment; each given field must hold. */
export interface DeploymentCheck {
  name: string;
  namespace?: string;
  /** The image of `container` (default: the first container). */
  image?: string;
  container?: string;
  readyReplicas?: number;
  /** The `deployment.kubernetes.io/revision` annotation. */
  revision?: number;
}

/** `traffic`: send `requests` requests through a Service and compare the matching share. */
export interface TrafficCheck {
  service: string;
  namespace?: string;
  port?: number;
  path?: string;
  /** Default 100. */
  requests?: number;
  /** A regular expression tested against each response body; failed requests never match. */
  body: string;
  /** The inclusive range [min, max] the matching share (0..1) must fall in. */
  share: [number, number];
}

/** `file`: a workspace file exists, and optionally contains a text or matches a pattern. */
export interface FileCheck {
  path: string;
  contains?: string;
  matches?: string;
}

/** A declarative check: an object with exactly one key naming its kind. */
export type Check =
  | { exists: ObjectRef }
  | { absent: ObjectRef }
  | { field: FieldCheck }
  | { selector: SelectorCheck }
  | { endpoints: EndpointsCheck }
  | { deployment: DeploymentCheck }
  | { traffic: TrafficCheck }
  /** A regular expression some command the student ran must match. */
  | { ran: string }
  | { file: FileCheck }
  /** The meter saw no failed request during the whole session. */
  | { noDowntime: true }
  /** The meter saw failures only while one of these steps was current. */
  | { noDowntimeOutside: string[] }
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check };

/** The name of a check kind (`exists`, `traffic`, `all`...). */
export type CheckKind = KeysOfUnion<Check> & string;

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** One branch of a step's `next`: taken when `when` holds (the last may omit it: otherwise). */
export interface Branch {
  when?: Check;
  /** A step id, or `end`. */
  goto: string;
}

/** Where a completed step leads: a step id, `end`, or branches tried in order. */
export type Next = string | Branch[];

/** One step of a lesson. */
export interface Step {
  id: string;
  title: Localized;
  instructions: Localized;
  hints?: Localized[];
  /** The reference solution in the transcript format (`$ command` lines, optional output). */
  solution?: string;
  /** Every check must hold for the step to complete. */
  checks: Check[];
  /** Default: the following step, or `end` after the last one. */
  next?: Next;
}

/** A whole scenario file. */
export interface Scenario {
  id: string;
  title: Localized;
  /** The introduction shown before the first step. */
  text?: Localized;
  seed?: string | number;
  /** Starting workspace files: path → content. */
  files?: Record<string, string>;
  watch?: WatchSpec;
  steps: Step[];
}

/** The reserved `next`/`goto` target that finishes the lesson. */
export const END = 'end';

/** The kind of a check (its one key). */
export function checkKind(check: Check): CheckKind {
  return Object.keys(check)[0] as CheckKind;
}

/** The targets a step may lead to, in order (`end` included), after applying the default. */
export function stepTargets(scenario: Scenario, index: number): string[] {
  const step = scenario.steps[index];
  if (step.next === undefined) return [scenario.steps[index + 1]?.id ?? END];
  if (typeof step.next === 'string') return [step.next];
  return step.next.map((b) => b.goto);
}
