import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { asKind, podTemplateOf, type K8sObject } from './k8s-object';
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
    if (spec?.backoffLimit === undefined || spec.backoffLimit > MAX_BACKOFF_LIMIT) problems.push(`backoffLimit is ${spec?.backoffLimit ?? 'unset (6)'}, not at most ${MAX_BACKOFF_LIMIT}`);
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
    return tags.filter((tag) => !name.includes(versionInName(tag))).map((tag) => `name "${name}" does not carry the image version ${tag} (as "${versionInName(tag)}")`);
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

export const migrationJobRules: Rule[] = [migrationJobBounded, migrationJobNamedForVersion, migrationJobRunsMigrate];
