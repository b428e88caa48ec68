import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { K8sObject } from './k8s-object';
import { parseManifests } from './render';
import { failed, runRules, type CheckResult } from './rule';
import { objectRules } from './rules';

/** Test helpers: load a fixture deployable, break it, and see which rules fail on which object. */

export function loadFixture(name: 'service' | 'gateway'): K8sObject[] {
  return parseManifests(readFileSync(join(__dirname, 'fixtures', `${name}.yaml`), 'utf8'));
}

/** The object to break; throws when the fixture lacks it, so a test cannot silently break nothing. */
export function find<T = Record<string, unknown>>(objects: readonly K8sObject[], kind: string, name?: string): T {
  const object = objects.find(
    (candidate) => candidate.kind === kind && (name === undefined || candidate.metadata.name === name),
  );
  if (!object) throw new Error(`fixture has no ${kind}${name ? `/${name}` : ''}`);
  return object as unknown as T;
}

/** Small YAML written inline in a test, as one object. */
export function yamlObject<T>(text: string): T {
  return parse(text) as T;
}

/** `rule Kind/name` of every failing check. */
export function failures(objects: readonly K8sObject[]): string[] {
  return failed(runRules('fixture', objects, objectRules)).map(
    (result: CheckResult) => `${result.rule} ${result.subject}`,
  );
}

export function problemsOf(objects: readonly K8sObject[], rule: string): string[] {
  return failed(runRules('fixture', objects, objectRules))
    .filter((result) => result.rule === rule)
    .flatMap((result) => result.problems);
}
