import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { asKind, isEmptySelector, objectsOfKind, podLabelsOf, selectorMatches, type K8sObject } from './k8s-object';
import type { Rule } from './rule';
import { autoscalersOf } from './scale-target';

/** Every deployable (a Deployment) comes with the objects that make it operable; each must select it. */
const isDeployment = (object: K8sObject) => object.kind === 'Deployment';

/** Services whose selector picks this workload's pods. */
export function servicesSelecting(workload: K8sObject, rendered: readonly K8sObject[]): K8sObject[] {
  return objectsOfKind(rendered, 'Service').filter((service) => {
    const selector = asKind<IService>(service).spec?.selector;
    return (
      selector !== undefined &&
      Object.keys(selector).length > 0 &&
      selectorMatches({ matchLabels: selector }, podLabelsOf(workload))
    );
  });
}

export const hasDisruptionBudget: Rule = {
  id: 'has-pdb',
  appliesTo: isDeployment,
  check: (object, rendered) =>
    objectsOfKind(rendered, 'PodDisruptionBudget').some((pdb) =>
      selectorMatches(asKind<IPodDisruptionBudget>(pdb).spec?.selector, podLabelsOf(object)),
    )
      ? []
      : ['no PodDisruptionBudget selects its pods'],
};

/** Jobs too: the migration pods must be fenced like the servers. */
export const hasNetworkPolicy: Rule = {
  id: 'has-network-policy',
  appliesTo: (object) => object.kind === 'Deployment' || object.kind === 'Job',
  check: (object, rendered) => {
    const own = objectsOfKind(rendered, 'NetworkPolicy').filter((policy) => {
      const selector = asKind<INetworkPolicy>(policy).spec?.podSelector;
      return !isEmptySelector(selector) && selectorMatches(selector, podLabelsOf(object));
    });
    if (own.length === 0) return ['no NetworkPolicy selects its pods'];
    const directions = new Set(own.flatMap((policy) => asKind<INetworkPolicy>(policy).spec?.policyTypes ?? []));
    return (['Ingress', 'Egress'] as const)
      .filter((direction) => !directions.has(direction))
      .map((direction) => `no NetworkPolicy restricts its ${direction}`);
  },
};

export const hasAutoscaler: Rule = {
  id: 'has-autoscaler',
  appliesTo: isDeployment,
  check: (object, rendered) => {
    const autoscalers = autoscalersOf(object, rendered);
    if (autoscalers.length === 0) return ['no HorizontalPodAutoscaler or KEDA ScaledObject targets it'];
    // KEDA creates an HPA of its own: a second one would fight it over the replica count.
    return autoscalers.length > 1 ? [`${autoscalers.length} autoscalers target it; keep one`] : [];
  },
};

export const hasServiceMonitor: Rule = {
  id: 'has-service-monitor',
  appliesTo: isDeployment,
  check: (object, rendered) => {
    const services = servicesSelecting(object, rendered);
    const scraped = objectsOfKind(rendered, 'ServiceMonitor').some((monitor) => {
      const spec = asKind<IServiceMonitor>(monitor).spec;
      return services.some((service) => {
        if (!selectorMatches(spec.selector, service.metadata.labels ?? {})) return false;
        const portNames = new Set((asKind<IService>(service).spec?.ports ?? []).map((port) => port.name));
        return (spec.endpoints ?? []).some((endpoint) => endpoint.port !== undefined && portNames.has(endpoint.port));
      });
    });
    return scraped ? [] : ['no ServiceMonitor scrapes a named port of a Service that selects its pods'];
  },
};

export const deployableRules: Rule[] = [hasDisruptionBudget, hasNetworkPolicy, hasAutoscaler, hasServiceMonitor];
