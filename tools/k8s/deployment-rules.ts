import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { containerEnvValue } from './container-env';
import { asKind, podTemplateOf, selectorMatches, type IContainer, type K8sObject } from './k8s-object';
import type { Rule } from './rule';
import { autoscalersOf } from './scale-target';

/** The app's default SHUTDOWN_GRACE_MS (libs/server/platform/src/config/env.ts). */
export const DEFAULT_DRAIN_MS = 10_000;
/** Kubernetes' default terminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;

const isDeployment = (object: K8sObject) => object.kind === 'Deployment';

function deploymentSpec(object: K8sObject) {
  return asKind<IDeployment>(object).spec;
}

/** The container that serves: named after the Deployment, else the first one. Sidecars follow it. */
export function mainContainerOf(object: K8sObject): IContainer | undefined {
  const containers = podTemplateOf(object)?.spec?.containers ?? [];
  return containers.find((container) => container.name === object.metadata.name) ?? containers[0];
}

/** Seconds a preStop hook waits: `sleep N` in an exec hook, or the native sleep action. */
export function preStopSeconds(container: IContainer): number {
  const preStop = container.lifecycle?.preStop as
    { exec?: { command?: string[] }; sleep?: { seconds: number } } | undefined;
  if (preStop?.sleep) return preStop.sleep.seconds;
  const match = /\bsleep\s+(\d+(?:\.\d+)?)/.exec((preStop?.exec?.command ?? []).join(' '));
  return match ? Number(match[1]) : 0;
}

export const hasProbes: Rule = {
  id: 'probes',
  appliesTo: isDeployment,
  check: (object) =>
    (podTemplateOf(object)?.spec?.containers ?? []).flatMap((container) =>
      (['startupProbe', 'readinessProbe', 'livenessProbe'] as const)
        .filter((probe) => !container[probe])
        .map((probe) => `container "${container.name}" has no ${probe}`),
    ),
};

export const hasPreStop: Rule = {
  id: 'pre-stop',
  appliesTo: isDeployment,
  check: (object) => {
    const main = mainContainerOf(object);
    return main?.lifecycle?.preStop
      ? []
      : [`container "${main?.name ?? '?'}" has no preStop hook: endpoints would still route to a stopping pod`];
  },
};

export const gracePeriodCoversDrain: Rule = {
  id: 'grace-period',
  appliesTo: isDeployment,
  check: (object, rendered) => {
    const main = mainContainerOf(object);
    if (!main) return ['no container'];
    const grace = podTemplateOf(object)?.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    const drainSetting = containerEnvValue(main, 'SHUTDOWN_GRACE_MS', rendered);
    const drainSeconds = (drainSetting === undefined ? DEFAULT_DRAIN_MS : Number(drainSetting)) / 1000;
    if (Number.isNaN(drainSeconds)) return [`SHUTDOWN_GRACE_MS "${drainSetting}" is not a number`];
    const needed = preStopSeconds(main) + drainSeconds;
    return grace > needed
      ? []
      : [
          `terminationGracePeriodSeconds ${grace} is not longer than preStop ${preStopSeconds(main)} s + drain ${drainSeconds} s`,
        ];
  },
};

export const rollsWithoutUnavailability: Rule = {
  id: 'max-unavailable-zero',
  appliesTo: isDeployment,
  check: (object) => {
    const strategy = deploymentSpec(object)?.strategy;
    const maxUnavailable = strategy?.rollingUpdate?.maxUnavailable;
    if (strategy?.type === 'Recreate') return ['strategy is Recreate: every pod stops before new ones start'];
    return maxUnavailable === 0 || maxUnavailable === '0' || maxUnavailable === '0%'
      ? []
      : [`rollingUpdate.maxUnavailable is ${maxUnavailable ?? 'unset (25%)'}, not 0`];
  },
};

export const spreadsAcrossTopology: Rule = {
  id: 'topology-spread',
  appliesTo: isDeployment,
  check: (object) => {
    const template = podTemplateOf(object);
    const constraints = template?.spec?.topologySpreadConstraints ?? [];
    if (constraints.length === 0) return ['no topologySpreadConstraints: replicas may share one node or zone'];
    return constraints
      .filter((constraint) => !selectorMatches(constraint.labelSelector, template?.metadata?.labels ?? {}))
      .map((constraint) => `the ${constraint.topologyKey} spread constraint's labelSelector does not select the pods`);
  },
};

export const selectorMatchesTemplate: Rule = {
  id: 'selector-matches-template',
  appliesTo: isDeployment,
  check: (object) =>
    selectorMatches(deploymentSpec(object)?.selector, podTemplateOf(object)?.metadata?.labels ?? {})
      ? []
      : ['spec.selector does not match the pod template labels'],
};

export const replicasLeftToAutoscaler: Rule = {
  id: 'replicas-left-to-autoscaler',
  appliesTo: isDeployment,
  check: (object, rendered) =>
    deploymentSpec(object)?.replicas !== undefined && autoscalersOf(object, rendered).length > 0
      ? ['spec.replicas is set although an autoscaler owns the count: every apply would reset it']
      : [],
};

export const deploymentRules: Rule[] = [
  hasProbes,
  hasPreStop,
  gracePeriodCoversDrain,
  rollsWithoutUnavailability,
  spreadsAcrossTopology,
  selectorMatchesTemplate,
  replicasLeftToAutoscaler,
];
