import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import {
  asKind,
  isEmptySelector,
  objectsOfKind,
  podLabelsOf,
  podTemplateOf,
  selectorMatches,
  type K8sObject,
} from './k8s-object';
import type { Rule } from './rule';

/** A failing migration must stop soon and visibly, not retry for hours while a rollout waits. */
export const MAX_BACKOFF_LIMIT = 3;
export const MIGRATE_COMMAND = 'node main.js migrate';

const isJob = (object: K8sObject) => object.kind === 'Job';

/** `0.2.0-rc.1` → `0-2-0-rc-1`: how a version appears in an object name. */
export function versionInName(version: string): string {
  return version.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  return lastColon > lastSlash ? image.slice(lastColon + 1) : undefined;
}

export const migrationJobBounded: Rule = {
  id: 'migration-job-bounded',
  appliesTo: isJob,
  check: (object) => {
    const spec = asKind<IJob>(object).spec;
    const problems: string[] = [];
    if (spec?.backoffLimit === undefined || spec.backoffLimit > MAX_BACKOFF_LIMIT)
      problems.push(`backoffLimit is ${spec?.backoffLimit ?? 'unset (6)'}, not at most ${MAX_BACKOFF_LIMIT}`);
    if (spec?.activeDeadlineSeconds === undefined) problems.push('no activeDeadlineSeconds');
    if (spec?.ttlSecondsAfterFinished === undefined) problems.push('no ttlSecondsAfterFinished');
    return problems;
  },
};

export const migrationJobNamedForVersion: Rule = {
  id: 'migration-job-version-in-name',
  appliesTo: isJob,
  check: (object) => {
    const name = object.metadata.name;
    const images = (podTemplateOf(object)?.spec?.containers ?? []).map((container) => container.image ?? '');
    const tags = images.map(imageTag).filter((tag): tag is string => tag !== undefined);
    if (tags.length === 0) {
      // Pinned by digest: the tag is gone from the image, but the name must still carry a version.
      return /\d+-\d+-\d+/.test(name) ? [] : [`name "${name}" carries no version (x-y-z)`];
    }
    return tags
      .filter((tag) => !name.includes(versionInName(tag)))
      .map((tag) => `name "${name}" does not carry the image version ${tag} (as "${versionInName(tag)}")`);
  },
};

export const migrationJobRunsMigrate: Rule = {
  id: 'migration-job-command',
  appliesTo: isJob,
  check: (object) =>
    (podTemplateOf(object)?.spec?.containers ?? [])
      .filter((container) => [...(container.command ?? []), ...(container.args ?? [])].join(' ') !== MIGRATE_COMMAND)
      .map((container) => `container "${container.name}" does not run "${MIGRATE_COMMAND}"`),
};

/** The label that lets the Job be applied and awaited before the Deployment (deploy/README.md). */
export const MIGRATION_LABEL = { key: 'app.kubernetes.io/component', value: 'migration' };

const hasMigrationLabel = (object: K8sObject) =>
  object.metadata.labels?.[MIGRATION_LABEL.key] === MIGRATION_LABEL.value;

/** `kubectl apply -l app.kubernetes.io/component=migration` must bring along what the Job's pod needs. */
export const migrationJobAppliesAlone: Rule = {
  id: 'migration-job-applies-alone',
  appliesTo: isJob,
  check: (object, rendered) => {
    const label = `${MIGRATION_LABEL.key}=${MIGRATION_LABEL.value}`;
    const problems: string[] = [];
    if (!hasMigrationLabel(object)) problems.push(`the Job lacks the label ${label}`);
    const accountName = podTemplateOf(object)?.spec?.serviceAccountName;
    const account = objectsOfKind(rendered, 'ServiceAccount').find(
      (candidate) => candidate.metadata.name === accountName,
    );
    if (accountName && !account) problems.push(`ServiceAccount "${accountName}" is not rendered`);
    if (account && !hasMigrationLabel(account))
      problems.push(`ServiceAccount "${accountName}" lacks the label ${label}`);
    const policies = objectsOfKind(rendered, 'NetworkPolicy').filter((policy) => {
      const selector = asKind<INetworkPolicy>(policy).spec?.podSelector;
      return !isEmptySelector(selector) && selectorMatches(selector, podLabelsOf(object));
    });
    problems.push(
      ...policies
        .filter((policy) => !hasMigrationLabel(policy))
        .map((policy) => `NetworkPolicy "${policy.metadata.name}" lacks the label ${label}`),
    );
    return problems;
  },
};

export const migrationJobRules: Rule[] = [
  migrationJobBounded,
  migrationJobNamedForVersion,
  migrationJobRunsMigrate,
  migrationJobAppliesAlone,
];
