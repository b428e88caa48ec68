import { describeObject, type K8sObject } from './k8s-object';

/** One checklist item, applied to each rendered object it concerns. */
export interface Rule {
  id: string;
  appliesTo(object: K8sObject): boolean;
  /** What is wrong with `object` (empty when it passes); `rendered` is everything from the same overlay. */
  check(object: K8sObject, rendered: readonly K8sObject[]): string[];
}

/** The outcome of one rule on one object (or one file, for rules on kustomization files). */
export interface CheckResult {
  /** The overlay or folder the object was rendered from. */
  source: string;
  /** `Kind/name`, or a file name. */
  subject: string;
  rule: string;
  problems: string[];
}

export function runRules(source: string, rendered: readonly K8sObject[], rules: readonly Rule[]): CheckResult[] {
  return rendered.flatMap((object) =>
    rules
      .filter((rule) => rule.appliesTo(object))
      .map((rule) => ({
        source,
        subject: describeObject(object),
        rule: rule.id,
        problems: rule.check(object, rendered),
      })),
  );
}

export function failed(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((result) => result.problems.length > 0);
}
