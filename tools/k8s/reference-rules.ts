import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import { asKind, containersOf, objectsOfKind, podTemplateOf, workloadsSelectedBy } from './k8s-object';
import type { Rule } from './rule';

/** Names that point at other objects must point at something the same overlay renders. */

export const serviceSelectsPods: Rule = {
  id: 'service-selects-pods',
  appliesTo: (object) => object.kind === 'Service',
  check: (object, rendered) => {
    const spec = asKind<IService>(object).spec;
    if (!spec?.selector || Object.keys(spec.selector).length === 0) return ['has no selector'];
    const workloads = workloadsSelectedBy({ matchLabels: spec.selector }, rendered);
    if (workloads.length === 0) return ['its selector matches no pod template'];
    const containerPorts = new Set(
      workloads.flatMap((workload) =>
        containersOf(podTemplateOf(workload)).flatMap((container) => (container.ports ?? []).map((port) => port.name)),
      ),
    );
    return (spec.ports ?? [])
      .filter((port) => typeof port.targetPort === 'string' && !containerPorts.has(port.targetPort))
      .map((port) => `port "${port.name}" targets "${port.targetPort}", which no selected container names`);
  },
};

export const ingressBackendsExist: Rule = {
  id: 'ingress-backends-exist',
  appliesTo: (object) => object.kind === 'Ingress',
  check: (object, rendered) => {
    const paths = (asKind<IIngress>(object).spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []);
    return paths.flatMap(({ path, backend }) => {
      const wanted = backend.service;
      if (!wanted) return [];
      const service = objectsOfKind(rendered, 'Service').find((candidate) => candidate.metadata.name === wanted.name);
      if (!service) return [`path ${path}: no Service "${wanted.name}"`];
      const ports = asKind<IService>(service).spec?.ports ?? [];
      const found = ports.some((port) => port.name === wanted.port?.name || port.port === wanted.port?.number);
      return found
        ? []
        : [`path ${path}: Service "${wanted.name}" has no port ${wanted.port?.name ?? wanted.port?.number}`];
    });
  },
};

/** Sockets stay open for a whole exam; nginx's default 60 s would cut every quiet one. */
export const MIN_SOCKET_TIMEOUT_SECONDS = 3600;

export const ingressKeepsSocketsOpen: Rule = {
  id: 'ingress-socket-timeouts',
  appliesTo: (object) =>
    object.kind === 'Ingress' &&
    (asKind<IIngress>(object).spec?.rules ?? []).some((rule) =>
      (rule.http?.paths ?? []).some((path) => (path.path ?? '').includes('socket.io')),
    ),
  check: (object) =>
    ['proxy-read-timeout', 'proxy-send-timeout']
      .map((name) => ({
        name,
        value: Number(object.metadata.annotations?.[`nginx.ingress.kubernetes.io/${name}`] ?? 0),
      }))
      .filter(({ value }) => !(value >= MIN_SOCKET_TIMEOUT_SECONDS))
      .map(
        ({ name }) => `annotation nginx.ingress.kubernetes.io/${name} is not at least ${MIN_SOCKET_TIMEOUT_SECONDS}`,
      ),
};

export const configMapReferencesExist: Rule = {
  id: 'config-map-refs-exist',
  appliesTo: (object) => podTemplateOf(object) !== undefined,
  check: (object, rendered) => {
    const template = podTemplateOf(object);
    const existing = new Set(objectsOfKind(rendered, 'ConfigMap').map((configMap) => configMap.metadata.name));
    const referenced = [
      ...containersOf(template).flatMap((container) => [
        ...(container.envFrom ?? [])
          .filter((source) => source.configMapRef && !source.configMapRef.optional)
          .map((source) => source.configMapRef?.name),
        ...(container.env ?? [])
          .filter((variable) => variable.valueFrom?.configMapKeyRef && !variable.valueFrom.configMapKeyRef.optional)
          .map((variable) => variable.valueFrom?.configMapKeyRef?.name),
      ]),
      ...(template?.spec?.volumes ?? [])
        .filter((volume) => volume.configMap && !volume.configMap.optional)
        .map((volume) => volume.configMap?.name),
    ];
    return referenced
      .filter((name): name is string => name !== undefined && !existing.has(name))
      .map((name) => `ConfigMap "${name}" is not rendered by this overlay`);
  },
};

export const referenceRules: Rule[] = [
  serviceSelectsPods,
  ingressBackendsExist,
  ingressKeepsSocketsOpen,
  configMapReferencesExist,
];
