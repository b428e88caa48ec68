import { containersOf, podTemplateOf, type IContainer, type IPodTemplateSpec, type K8sObject } from './k8s-object';
import type { Rule } from './rule';

/** Rules for every pod template: Deployments, StatefulSets and the migration Jobs alike. */
const hasPodTemplate = (object: K8sObject) => podTemplateOf(object) !== undefined;

function eachContainer(
  object: K8sObject,
  problemOf: (container: IContainer, template: IPodTemplateSpec) => string[],
): string[] {
  const template = podTemplateOf(object);
  if (!template) return [];
  const containers = containersOf(template);
  if (containers.length === 0) return ['the pod template has no containers'];
  return containers.flatMap((container) =>
    problemOf(container, template).map((problem) => `container "${container.name}": ${problem}`),
  );
}

/** `name:tag` or `name@sha256:…`; a colon before the last slash is a registry port, not a tag. */
export function imageProblem(image: string | undefined): string | undefined {
  if (!image) return 'has no image';
  if (image.includes('@sha256:')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  const tag = lastColon > lastSlash ? image.slice(lastColon + 1) : undefined;
  if (!tag) return `image "${image}" has no tag: pin a version or a digest`;
  if (tag === 'latest') return `image "${image}" uses "latest": pin a version or a digest`;
  return undefined;
}

export const imagePinned: Rule = {
  id: 'image-pinned',
  appliesTo: hasPodTemplate,
  check: (object) =>
    eachContainer(object, (container) => {
      const problem = imageProblem(container.image);
      return problem ? [problem] : [];
    }),
};

export const resourcesSet: Rule = {
  id: 'requests-and-limits',
  appliesTo: hasPodTemplate,
  check: (object) =>
    eachContainer(object, (container) => {
      const { requests = {}, limits = {} } = container.resources ?? {};
      const missing = [
        ...['cpu', 'memory'].filter((resource) => !(resource in requests)).map((resource) => `requests.${resource}`),
        ...['cpu', 'memory'].filter((resource) => !(resource in limits)).map((resource) => `limits.${resource}`),
      ];
      return missing.length > 0 ? [`has no ${missing.join(', ')}`] : [];
    }),
};

export const runsAsNonRoot: Rule = {
  id: 'non-root',
  appliesTo: hasPodTemplate,
  check: (object) =>
    eachContainer(object, (container, template) => {
      const pod = template.spec?.securityContext ?? {};
      const own = container.securityContext ?? {};
      const problems: string[] = [];
      if ((own.runAsNonRoot ?? pod.runAsNonRoot) !== true) problems.push('runAsNonRoot is not true');
      if ((own.runAsUser ?? pod.runAsUser) === 0) problems.push('runAsUser is 0 (root)');
      return problems;
    }),
};

export const containerHardened: Rule = {
  id: 'hardened-security-context',
  appliesTo: hasPodTemplate,
  check: (object) =>
    eachContainer(object, (container, template) => {
      const own = container.securityContext ?? {};
      const seccomp = own.seccompProfile?.type ?? template.spec?.securityContext?.seccompProfile?.type;
      const problems: string[] = [];
      if (own.allowPrivilegeEscalation !== false) problems.push('allowPrivilegeEscalation is not false');
      if (own.readOnlyRootFilesystem !== true) problems.push('readOnlyRootFilesystem is not true');
      if (!(own.capabilities?.drop ?? []).includes('ALL')) problems.push('capabilities do not drop ALL');
      if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost')
        problems.push('seccompProfile is not RuntimeDefault');
      if (own.privileged === true) problems.push('is privileged');
      return problems;
    }),
};

export const serviceAccountTokenNotMounted: Rule = {
  id: 'no-service-account-token',
  appliesTo: hasPodTemplate,
  check: (object) =>
    podTemplateOf(object)?.spec?.automountServiceAccountToken === false
      ? []
      : ['automountServiceAccountToken is not false: nothing here calls the Kubernetes API'],
};

export const workloadRules: Rule[] = [
  imagePinned,
  resourcesSet,
  runsAsNonRoot,
  containerHardened,
  serviceAccountTokenNotMounted,
];
