import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';

/** A rendered manifest as parsed from YAML: only the type and the name are known for sure. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export type LabelSelector = NonNullable<IDeployment['spec']>['selector'];
export type { IContainer, IPodTemplateSpec };

/** How a failure names the object: `Deployment/sessions`. */
export function describeObject(object: K8sObject): string {
  return `${object.kind}/${object.metadata?.name ?? '(no name)'}`;
}

/** Narrows a parsed object to a kubernetes-models interface once its kind is checked. */
export function asKind<T>(object: K8sObject): T {
  return object as unknown as T;
}

export function isK8sObject(value: unknown): value is K8sObject {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<K8sObject>;
  return (
    typeof candidate.apiVersion === 'string' &&
    typeof candidate.kind === 'string' &&
    typeof candidate.metadata === 'object'
  );
}

const kindsWithPodTemplate = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/** The pod template of a workload (Deployment, StatefulSet, Job, …); undefined for anything else. */
export function podTemplateOf(object: K8sObject): IPodTemplateSpec | undefined {
  if (!kindsWithPodTemplate.has(object.kind)) return undefined;
  const spec = object['spec'] as { template?: IPodTemplateSpec } | undefined;
  return spec?.template;
}

export function containersOf(template: IPodTemplateSpec | undefined): IContainer[] {
  return [...(template?.spec?.initContainers ?? []), ...(template?.spec?.containers ?? [])];
}

export function podLabelsOf(object: K8sObject): Record<string, string> {
  return podTemplateOf(object)?.metadata?.labels ?? {};
}

/** Kubernetes label-selector semantics: every matchLabels pair and every expression must hold. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const pairsHold = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const expressionsHold = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return labels[key] !== undefined && values.includes(labels[key]);
      case 'NotIn':
        return labels[key] === undefined || !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        return false;
    }
  });
  return pairsHold && expressionsHold;
}

export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return (
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)
  );
}

export function objectsOfKind(objects: readonly K8sObject[], kind: string): K8sObject[] {
  return objects.filter((object) => object.kind === kind);
}

/** Workloads whose pods some selector picks (a Service, PDB, NetworkPolicy, …). */
export function workloadsSelectedBy(selector: LabelSelector | undefined, objects: readonly K8sObject[]): K8sObject[] {
  return objects.filter((object) => podTemplateOf(object) && selectorMatches(selector, podLabelsOf(object)));
}
