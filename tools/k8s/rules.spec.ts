import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { failures, find, loadFixture, problemsOf, yamlObject } from './fixture-loader';
import type { K8sObject } from './k8s-object';

type Fixture = 'service' | 'gateway';
type NetworkPolicyEgress = NonNullable<NonNullable<INetworkPolicy['spec']>['egress']>;

interface BrokenCase {
  /** What is broken, as a reader would say it. */
  broken: string;
  fixture: Fixture;
  breakIt(objects: K8sObject[]): void;
  /** The rule and the object it must fail on. */
  expected: string;
}

/** The fixture has it; a test that breaks nothing because a field moved fails here instead. */
function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('the fixture lacks a field this test breaks');
  return value;
}
const deployment = (objects: K8sObject[], name = 'sessions') => find<IDeployment>(objects, 'Deployment', name);
const podSpec = (objects: K8sObject[], name = 'sessions') => must(deployment(objects, name).spec?.template.spec);
const mainContainer = (objects: K8sObject[], name = 'sessions') => must(podSpec(objects, name).containers[0]);
const job = (objects: K8sObject[]) => find<IJob>(objects, 'Job');
const jobContainer = (objects: K8sObject[]) => must(must(must(job(objects).spec).template.spec).containers[0]);
const remove = (objects: K8sObject[], kind: string, name?: string) => {
  objects.splice(objects.indexOf(find<K8sObject>(objects, kind, name)), 1);
};

const cases: BrokenCase[] = [
  {
    broken: 'a Deployment without a selector',
    fixture: 'service',
    expected: 'schema Deployment/sessions',
    breakIt: (objects) => {
      delete (deployment(objects).spec as Partial<NonNullable<IDeployment['spec']>>).selector;
    },
  },
  {
    broken: 'a misspelt field',
    fixture: 'service',
    expected: 'no-unknown-fields Deployment/sessions',
    breakIt: (objects) => {
      Object.assign(mainContainer(objects), { readinessProbes: {} });
    },
  },
  {
    broken: 'a kind nobody declared a schema for',
    fixture: 'service',
    expected: 'schema Widget/w',
    breakIt: (objects) => {
      objects.push(yamlObject<K8sObject>('apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }'));
    },
  },
  {
    broken: 'an image tagged latest',
    fixture: 'service',
    expected: 'image-pinned Deployment/sessions',
    breakIt: (objects) => {
      mainContainer(objects).image = 'ghcr.io/invigil/sessions:latest';
    },
  },
  {
    broken: 'an untagged image behind a registry port',
    fixture: 'service',
    expected: 'image-pinned Job/sessions-migrate-0-1-0',
    breakIt: (objects) => {
      jobContainer(objects).image = 'registry.local:5000/invigil/sessions';
    },
  },
  {
    broken: 'a container without limits',
    fixture: 'service',
    expected: 'requests-and-limits Deployment/sessions',
    breakIt: (objects) => {
      delete must(mainContainer(objects).resources).limits;
    },
  },
  {
    broken: 'a pod allowed to run as root',
    fixture: 'service',
    expected: 'non-root Deployment/sessions',
    breakIt: (objects) => {
      delete must(podSpec(objects).securityContext).runAsNonRoot;
    },
  },
  {
    broken: 'a writable root filesystem',
    fixture: 'service',
    expected: 'hardened-security-context Job/sessions-migrate-0-1-0',
    breakIt: (objects) => {
      must(jobContainer(objects).securityContext).readOnlyRootFilesystem = false;
    },
  },
  {
    broken: 'a mounted service account token',
    fixture: 'service',
    expected: 'no-service-account-token Deployment/sessions',
    breakIt: (objects) => {
      delete podSpec(objects).automountServiceAccountToken;
    },
  },
  {
    broken: 'a missing startup probe',
    fixture: 'service',
    expected: 'probes Deployment/sessions',
    breakIt: (objects) => {
      delete mainContainer(objects).startupProbe;
    },
  },
  {
    broken: 'a missing preStop hook',
    fixture: 'gateway',
    expected: 'pre-stop Deployment/gateway',
    breakIt: (objects) => {
      delete mainContainer(objects, 'gateway').lifecycle;
    },
  },
  {
    broken: 'a grace period shorter than preStop + the ConfigMap drain',
    fixture: 'service',
    expected: 'grace-period Deployment/sessions',
    breakIt: (objects) => {
      find<{ data: Record<string, string> }>(objects, 'ConfigMap').data['SHUTDOWN_GRACE_MS'] = '25000';
    },
  },
  {
    broken: 'a grace period equal to preStop + the env drain',
    fixture: 'gateway',
    expected: 'grace-period Deployment/gateway',
    breakIt: (objects) => {
      podSpec(objects, 'gateway').terminationGracePeriodSeconds = 15;
    },
  },
  {
    broken: 'a rollout that may take pods away',
    fixture: 'service',
    expected: 'max-unavailable-zero Deployment/sessions',
    breakIt: (objects) => {
      must(deployment(objects).spec).strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%' } };
    },
  },
  {
    broken: 'no topology spread',
    fixture: 'service',
    expected: 'topology-spread Deployment/sessions',
    breakIt: (objects) => {
      delete podSpec(objects).topologySpreadConstraints;
    },
  },
  {
    broken: 'a selector that misses the template',
    fixture: 'service',
    expected: 'selector-matches-template Deployment/sessions',
    breakIt: (objects) => {
      must(deployment(objects).spec).selector = { matchLabels: { app: 'other' } };
    },
  },
  {
    broken: 'fixed replicas under an autoscaler',
    fixture: 'gateway',
    expected: 'replicas-left-to-autoscaler Deployment/gateway',
    breakIt: (objects) => {
      must(deployment(objects, 'gateway').spec).replicas = 3;
    },
  },
  {
    broken: 'no PodDisruptionBudget',
    fixture: 'service',
    expected: 'has-pdb Deployment/sessions',
    breakIt: (objects) => {
      remove(objects, 'PodDisruptionBudget');
    },
  },
  {
    broken: 'a Job no NetworkPolicy fences',
    fixture: 'service',
    expected: 'has-network-policy Job/sessions-migrate-0-1-0',
    breakIt: (objects) => {
      remove(objects, 'NetworkPolicy', 'sessions-migrate');
    },
  },
  {
    broken: 'no autoscaler',
    fixture: 'gateway',
    expected: 'has-autoscaler Deployment/gateway',
    breakIt: (objects) => {
      remove(objects, 'HorizontalPodAutoscaler');
    },
  },
  {
    broken: 'an HPA beside a ScaledObject on one Deployment',
    fixture: 'service',
    expected: 'has-autoscaler Deployment/sessions',
    breakIt: (objects) => {
      objects.push(
        yamlObject<K8sObject>(
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: extra }\nspec: { scaleTargetRef: { kind: Deployment, name: sessions }, maxReplicas: 2 }',
        ),
      );
    },
  },
  {
    broken: 'a Deployment no NetworkPolicy fences',
    fixture: 'gateway',
    expected: 'has-network-policy Deployment/gateway',
    breakIt: (objects) => {
      remove(objects, 'NetworkPolicy');
    },
  },
  {
    broken: 'a ServiceMonitor on a port the Service lacks',
    fixture: 'service',
    expected: 'has-service-monitor Deployment/sessions',
    breakIt: (objects) => {
      must(find<{ spec: { endpoints: { port: string }[] } }>(objects, 'ServiceMonitor').spec.endpoints[0]).port =
        'metrics';
    },
  },
  {
    broken: 'a Service selecting no pods',
    fixture: 'service',
    expected: 'service-selects-pods Service/sessions',
    breakIt: (objects) => {
      must(find<IService>(objects, 'Service').spec).selector = { app: 'session' };
    },
  },
  {
    broken: 'an Ingress to a missing Service port',
    fixture: 'gateway',
    expected: 'ingress-backends-exist Ingress/gateway',
    breakIt: (objects) => {
      must(
        must(must(must(must(must(find<IIngress>(objects, 'Ingress').spec).rules)[0]).http).paths[0]).backend.service,
      ).port = {
        name: 'https',
      };
    },
  },
  {
    broken: 'a socket path with nginx default timeouts',
    fixture: 'gateway',
    expected: 'ingress-socket-timeouts Ingress/gateway',
    breakIt: (objects) => {
      delete must(find<K8sObject>(objects, 'Ingress').metadata.annotations)[
        'nginx.ingress.kubernetes.io/proxy-send-timeout'
      ];
    },
  },
  {
    broken: 'a ConfigMap reference the overlay does not render',
    fixture: 'service',
    expected: 'config-map-refs-exist Deployment/sessions',
    breakIt: (objects) => {
      remove(objects, 'ConfigMap');
    },
  },
  {
    broken: 'a NetworkPolicy leaving egress open',
    fixture: 'gateway',
    expected: 'network-policy-directions NetworkPolicy/gateway',
    breakIt: (objects) => {
      must(find<INetworkPolicy>(objects, 'NetworkPolicy').spec).policyTypes = ['Ingress'];
    },
  },
  {
    broken: 'egress to a port outside DNS, NATS, PostgreSQL, Redis',
    fixture: 'gateway',
    expected: 'egress-allowed-ports NetworkPolicy/gateway',
    breakIt: (objects) => {
      must(must(find<INetworkPolicy>(objects, 'NetworkPolicy').spec).egress).push(
        ...yamlObject<NetworkPolicyEgress>('- ports: [{ port: 443 }]'),
      );
    },
  },
  {
    broken: 'DNS egress to anywhere',
    fixture: 'service',
    expected: 'egress-allowed-ports NetworkPolicy/sessions',
    breakIt: (objects) => {
      delete must(must(must(find<INetworkPolicy>(objects, 'NetworkPolicy', 'sessions').spec).egress)[0]).to;
    },
  },
  {
    broken: 'a migration Job retrying without bound',
    fixture: 'service',
    expected: 'migration-job-bounded Job/sessions-migrate-0-1-0',
    breakIt: (objects) => {
      delete must(job(objects).spec).backoffLimit;
    },
  },
  {
    broken: 'a migration Job without a TTL',
    fixture: 'service',
    expected: 'migration-job-bounded Job/sessions-migrate-0-1-0',
    breakIt: (objects) => {
      delete must(job(objects).spec).ttlSecondsAfterFinished;
    },
  },
  {
    broken: 'a migration Job named for another version',
    fixture: 'service',
    expected: 'migration-job-version-in-name Job/sessions-migrate-0-1-0',
    breakIt: (objects) => {
      jobContainer(objects).image = 'ghcr.io/invigil/sessions:0.2.0';
    },
  },
  {
    broken: 'a migration Job that serves instead of migrating',
    fixture: 'service',
    expected: 'migration-job-command Job/sessions-migrate-0-1-0',
    breakIt: (objects) => {
      delete jobContainer(objects).command;
    },
  },
  {
    broken: 'a migration NetworkPolicy left out of the migration-only apply',
    fixture: 'service',
    expected: 'migration-job-applies-alone Job/sessions-migrate-0-1-0',
    breakIt: (objects) => {
      delete find<K8sObject>(objects, 'NetworkPolicy', 'sessions-migrate').metadata.labels;
    },
  },
  {
    broken: 'an HPA aimed at a missing Deployment',
    fixture: 'gateway',
    expected: 'autoscaler-target-exists HorizontalPodAutoscaler/gateway',
    breakIt: (objects) => {
      must(find<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler').spec).scaleTargetRef.name = 'gatewy';
    },
  },
  {
    broken: 'a ScaledObject aimed at a missing Deployment',
    fixture: 'service',
    expected: 'autoscaler-target-exists ScaledObject/sessions',
    breakIt: (objects) => {
      must(find<IScaledObject>(objects, 'ScaledObject').spec).scaleTargetRef.name = 'session';
    },
  },
  {
    broken: 'a ScaledObject that may scale to zero',
    fixture: 'service',
    expected: 'autoscaler-bounds ScaledObject/sessions',
    breakIt: (objects) => {
      delete must(find<IScaledObject>(objects, 'ScaledObject').spec).minReplicaCount;
    },
  },
  {
    broken: "a consumer lag trigger on another service's consumer",
    fixture: 'service',
    expected: 'keda-triggers-match-contracts ScaledObject/sessions',
    breakIt: (objects) => {
      must(must(must(find<IScaledObject>(objects, 'ScaledObject').spec).triggers[0]).metadata)['consumer'] = 'scoring';
    },
  },
  {
    broken: 'a redis trigger on a list BullMQ does not use',
    fixture: 'service',
    expected: 'keda-triggers-match-contracts ScaledObject/sessions',
    breakIt: (objects) => {
      must(find<IScaledObject>(objects, 'ScaledObject').spec).triggers.push({
        type: 'redis',
        metadata: { listName: 'bull:scoring-certificates:wait', listLength: '5' },
      });
    },
  },
  {
    broken: 'a redis trigger watching another Redis than REDIS_URL',
    fixture: 'service',
    expected: 'keda-triggers-match-contracts ScaledObject/sessions',
    breakIt: (objects) => {
      must(find<IScaledObject>(objects, 'ScaledObject').spec).triggers.push({
        type: 'redis',
        metadata: { address: 'redis.other:6379', listName: 'invigil:scoring-certificates:wait', listLength: '5' },
      });
    },
  },
];

describe('the fixtures', () => {
  it.each<Fixture>(['service', 'gateway'])('%s passes every rule', (fixture) => {
    expect(failures(loadFixture(fixture))).toEqual([]);
  });
});

describe('each rule catches a broken object', () => {
  it.each(cases.map((brokenCase) => [brokenCase.broken, brokenCase] as const))(
    '%s',
    (_broken, { fixture, breakIt, expected }) => {
      const objects = loadFixture(fixture);
      breakIt(objects);
      expect(failures(objects)).toContain(expected);
    },
  );
});

describe('what a failure says', () => {
  it('names the container and the missing probe', () => {
    const objects = loadFixture('service');
    delete mainContainer(objects).readinessProbe;
    expect(problemsOf(objects, 'probes')).toEqual(['container "sessions" has no readinessProbe']);
  });

  it('gives the JSON pointer of an unknown field', () => {
    const objects = loadFixture('service');
    Object.assign(podSpec(objects), { secutiryContext: {} });
    expect(problemsOf(objects, 'no-unknown-fields')).toEqual([
      '/spec/template/spec/secutiryContext is not a field of Deployment',
    ]);
  });

  it('asks scoring for a trigger on its BullMQ wait list', () => {
    const objects = loadFixture('service');
    const scaledObject = find<IScaledObject>(objects, 'ScaledObject');
    Object.assign(scaledObject.metadata ?? {}, { name: 'scoring' });
    must(scaledObject.spec).scaleTargetRef.name = 'scoring';
    must(must(must(scaledObject.spec).triggers[0]).metadata)['consumer'] = 'scoring';
    expect(problemsOf(objects, 'keda-triggers-match-contracts')).toContain(
      'runs BullMQ workers but has no redis trigger on the wait list',
    );
  });
});
