import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { asKind, type K8sObject } from './k8s-object';
import type { Rule } from './rule';

/** What Invigil's pods may reach: DNS, NATS, PostgreSQL, Redis. */
export const ALLOWED_EGRESS_PORTS = new Map<number, string>([
  [53, 'DNS'],
  [4222, 'NATS'],
  [5432, 'PostgreSQL'],
  [6379, 'Redis'],
]);
const DNS_PORT = 53;

const isNetworkPolicy = (object: K8sObject) => object.kind === 'NetworkPolicy';

type EgressRule = NonNullable<NonNullable<INetworkPolicy['spec']>['egress']>[number];

function onlyToKubeSystem(rule: EgressRule): boolean {
  const peers = rule.to ?? [];
  return (
    peers.length > 0 &&
    peers.every((peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'kube-system')
  );
}

export const restrictsBothDirections: Rule = {
  id: 'network-policy-directions',
  appliesTo: isNetworkPolicy,
  check: (object) => {
    const types = asKind<INetworkPolicy>(object).spec?.policyTypes ?? [];
    return (['Ingress', 'Egress'] as const)
      .filter((direction) => !types.includes(direction))
      .map((direction) => `policyTypes lacks ${direction}: that direction stays open`);
  },
};

export const egressOnlyToDependencies: Rule = {
  id: 'egress-allowed-ports',
  appliesTo: isNetworkPolicy,
  check: (object) =>
    (asKind<INetworkPolicy>(object).spec?.egress ?? []).flatMap((rule, index) => {
      const ports = rule.ports ?? [];
      if (ports.length === 0) return [`egress rule ${index} allows every port`];
      return ports.flatMap((port) => {
        if (typeof port.port !== 'number' || !ALLOWED_EGRESS_PORTS.has(port.port)) {
          return [
            `egress rule ${index} allows port ${port.port ?? '(any)'}; only ${[...ALLOWED_EGRESS_PORTS].map(([number, name]) => `${number} (${name})`).join(', ')}`,
          ];
        }
        return port.port === DNS_PORT && !onlyToKubeSystem(rule)
          ? [`egress rule ${index} allows port 53 beyond kube-system's DNS`]
          : [];
      });
    }),
};

export const networkRules: Rule[] = [restrictsBothDirections, egressOnlyToDependencies];
