import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { Queues, ServiceNames } from '@invigil/contracts';
import { containerEnvValue } from './container-env';
import { mainContainerOf } from './deployment-rules';
import { asKind, type K8sObject } from './k8s-object';
import type { Rule } from './rule';
import { autoscalerKinds, scaleTargetOf } from './scale-target';

/** eventStreamName('') in libs/server/platform/src/events/stream.ts: the stream without a subject prefix. */
export const EVENT_STREAM = 'INVIGIL_EVENTS';
/** ScoringEnv's default QUEUE_PREFIX: BullMQ keeps a queue's waiting jobs in `<prefix>:<queue>:wait`. */
export const DEFAULT_QUEUE_PREFIX = 'invigil';
const DEFAULT_REDIS_PORT = '6379';

export function bullmqWaitLists(queuePrefix = DEFAULT_QUEUE_PREFIX): Set<string> {
  return new Set(Object.values(Queues).map((queue) => `${queuePrefix}:${queue}:wait`));
}
/** Services that run BullMQ workers: their backlog is a Redis list that KEDA must watch too. */
export const JOB_WORKER_SERVICES = new Set(['scoring']);

const isAutoscaler = (object: K8sObject) => autoscalerKinds.has(object.kind);
const isScaledObject = (object: K8sObject) => object.kind === 'ScaledObject';

export const autoscalerTargetExists: Rule = {
  id: 'autoscaler-target-exists',
  appliesTo: isAutoscaler,
  check: (object, rendered) => {
    const target = scaleTargetOf(object);
    if (!target) return ['has no scaleTargetRef'];
    const found = rendered.some(
      (candidate) => candidate.kind === target.kind && candidate.metadata.name === target.name,
    );
    return found ? [] : [`targets ${target.kind}/${target.name}, which this overlay does not render`];
  },
};

function replicaBounds(object: K8sObject): { min?: number; max?: number; signals: number } {
  if (object.kind === 'HorizontalPodAutoscaler') {
    const spec = asKind<IHorizontalPodAutoscaler>(object).spec;
    return { min: spec?.minReplicas, max: spec?.maxReplicas, signals: spec?.metrics?.length ?? 0 };
  }
  const spec = asKind<IScaledObject>(object).spec;
  return { min: spec?.minReplicaCount, max: spec?.maxReplicaCount, signals: spec?.triggers.length ?? 0 };
}

/** Never zero: a NATS request needs one replica in the service's queue group to answer it. */
export const autoscalerBounds: Rule = {
  id: 'autoscaler-bounds',
  appliesTo: isAutoscaler,
  check: (object) => {
    const { min, max, signals } = replicaBounds(object);
    const problems: string[] = [];
    if (min === undefined || min < 1)
      problems.push(`minimum replicas is ${min ?? 'unset'}; at least 1 must always answer`);
    if (max === undefined || (min !== undefined && max < min))
      problems.push(`maximum replicas ${max ?? 'unset'} is below the minimum`);
    if (signals === 0) problems.push('has no metric or trigger to scale on');
    return problems;
  },
};

/** What the target Deployment's own container is told (REDIS_URL, QUEUE_PREFIX), so triggers can be held to it. */
function targetEnv(object: K8sObject, rendered: readonly K8sObject[], name: string): string | undefined {
  const target = rendered.find(
    (candidate) => candidate.kind === 'Deployment' && candidate.metadata.name === scaleTargetOf(object)?.name,
  );
  const container = target && mainContainerOf(target);
  return container ? containerEnvValue(container, name, rendered) : undefined;
}

function redisHostPort(redisUrl: string): string | undefined {
  try {
    const url = new URL(redisUrl);
    return `${url.hostname}:${url.port || DEFAULT_REDIS_PORT}`;
  } catch {
    return undefined;
  }
}

type Trigger = NonNullable<IScaledObject['spec']>['triggers'][number];

function jetstreamProblems(trigger: Trigger, service: string): string[] {
  const metadata = trigger.metadata ?? {};
  const problems: string[] = [];
  if (metadata['stream'] !== EVENT_STREAM)
    problems.push(`nats-jetstream stream is "${metadata['stream']}", not ${EVENT_STREAM}`);
  if (metadata['consumer'] !== service)
    problems.push(
      `nats-jetstream consumer is "${metadata['consumer']}", not the service's durable consumer "${service}"`,
    );
  if (!metadata['natsServerMonitoringEndpoint'] && !trigger.authenticationRef)
    problems.push('nats-jetstream trigger has neither natsServerMonitoringEndpoint nor authenticationRef');
  return problems;
}

function redisProblems(trigger: Trigger, object: K8sObject, rendered: readonly K8sObject[]): string[] {
  const metadata = trigger.metadata ?? {};
  const waitLists = bullmqWaitLists(targetEnv(object, rendered, 'QUEUE_PREFIX'));
  const problems: string[] = [];
  if (!waitLists.has(metadata['listName'] ?? ''))
    problems.push(
      `redis listName "${metadata['listName']}" is not a BullMQ wait list of the service (${[...waitLists].join(', ')})`,
    );
  const redisUrl = targetEnv(object, rendered, 'REDIS_URL');
  const expected = redisUrl ? redisHostPort(redisUrl) : undefined;
  if (expected && metadata['address'] && metadata['address'] !== expected)
    problems.push(`redis address "${metadata['address']}" is not the service's REDIS_URL (${expected})`);
  return problems;
}

/**
 * KEDA triggers must watch what the code really uses: the event stream, the service's own durable
 * consumer, the BullMQ wait list under the service's QUEUE_PREFIX, in the Redis of its REDIS_URL.
 */
export const kedaTriggersMatchContracts: Rule = {
  id: 'keda-triggers-match-contracts',
  appliesTo: isScaledObject,
  check: (object, rendered) => {
    const spec = asKind<IScaledObject>(object).spec;
    const service = spec?.scaleTargetRef.name ?? '';
    const triggers = spec?.triggers ?? [];
    const jetstream = triggers.filter((trigger) => trigger.type === 'nats-jetstream');
    const redis = triggers.filter((trigger) => trigger.type === 'redis');
    const problems: string[] = [];
    if (!(ServiceNames as readonly string[]).includes(service))
      problems.push(`targets "${service}", which is not one of the services (${ServiceNames.join(', ')})`);
    if (jetstream.length === 0) problems.push('has no nats-jetstream trigger on its consumer lag');
    if (JOB_WORKER_SERVICES.has(service) && redis.length === 0)
      problems.push('runs BullMQ workers but has no redis trigger on the wait list');
    problems.push(...jetstream.flatMap((trigger) => jetstreamProblems(trigger, service)));
    problems.push(...redis.flatMap((trigger) => redisProblems(trigger, object, rendered)));
    return problems;
  },
};

export const autoscalingRules: Rule[] = [autoscalerTargetExists, autoscalerBounds, kedaTriggersMatchContracts];
