import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import type { K8sObject } from './k8s-object';

/** A kubernetes-models class: its prototype's validate() checks `this` against the kind's schema. */
interface ModelClass {
  apiVersion: string;
  kind: string;
  prototype: { validate(this: unknown): void };
}

/** Every kind the manifests use. A kind missing here fails validation: add its model, or a skip below. */
const models: ModelClass[] = [
  ConfigMap,
  Namespace,
  Secret,
  Service,
  ServiceAccount,
  Deployment,
  StatefulSet,
  Job,
  HorizontalPodAutoscaler,
  PodDisruptionBudget,
  Ingress,
  NetworkPolicy,
  ScaledObject,
  TriggerAuthentication,
  ServiceMonitor,
];

const modelsByType = new Map(models.map((model) => [`${model.apiVersion}/${model.kind}`, model]));

/**
 * Kinds checked by rules only, with the reason they have no schema here. Kept short and explicit, so
 * a new kind does not slip through unvalidated.
 */
const schemaSkips = new Map<string, string>([
  [
    'postgresql.cnpg.io/v1/Cluster',
    'no CloudNativePG models exist on npm for kubernetes-models 4.x; the operator validates it on apply (kubectl apply --dry-run=server)',
  ],
]);

export function modelFor(object: K8sObject): ModelClass | undefined {
  return modelsByType.get(`${object.apiVersion}/${object.kind}`);
}

export function schemaSkipReason(object: K8sObject): string | undefined {
  return schemaSkips.get(`${object.apiVersion}/${object.kind}`);
}
