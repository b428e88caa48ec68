import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { asKind, type K8sObject } from './k8s-object';

export const autoscalerKinds = new Set(['HorizontalPodAutoscaler', 'ScaledObject']);

/** What an HPA or a KEDA ScaledObject scales (a ScaledObject's kind defaults to Deployment). */
export function scaleTargetOf(object: K8sObject): { kind: string; name: string } | undefined {
  if (object.kind === 'HorizontalPodAutoscaler') {
    const ref = asKind<IHorizontalPodAutoscaler>(object).spec?.scaleTargetRef;
    return ref ? { kind: ref.kind, name: ref.name } : undefined;
  }
  if (object.kind === 'ScaledObject') {
    const ref = asKind<IScaledObject>(object).spec?.scaleTargetRef;
    return ref ? { kind: ref.kind ?? 'Deployment', name: ref.name } : undefined;
  }
  return undefined;
}

export function autoscalersOf(deployment: K8sObject, rendered: readonly K8sObject[]): K8sObject[] {
  return rendered.filter((object) => {
    const target = scaleTargetOf(object);
    return target?.kind === deployment.kind && target.name === deployment.metadata.name;
  });
}
