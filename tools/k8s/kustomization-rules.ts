import type { CheckResult } from './rule';

/**
 * What Debian's kubectl 1.20 (Kustomize v2.0.3) understands. A newer kubectl renders more (components,
 * patches, replicas, …), so the render alone would not catch a field the oldest supported one rejects.
 */
export const KUSTOMIZE_V2_FIELDS = new Set([
  'apiVersion',
  'kind',
  'bases',
  'resources',
  'patchesStrategicMerge',
  'images',
  'namespace',
  'configMapGenerator',
  'commonLabels',
  'secretGenerator',
]);
const GENERATOR_FIELDS = new Set(['name', 'behavior', 'literals', 'files', 'env', 'type']);
const IMAGE_FIELDS = new Set(['name', 'newName', 'newTag', 'digest']);

export type PathKind = 'file' | 'directory' | 'missing';

export interface KustomizationFile {
  /** The folder holding kustomization.yaml, relative to the repository. */
  dir: string;
  content: unknown;
  /** What a path relative to `dir` is on disk. */
  kindOf(relativePath: string): PathKind;
}

function entriesOf(content: Record<string, unknown>, field: string): unknown[] {
  const value = content[field];
  return Array.isArray(value) ? value : [];
}

function fieldProblems(content: Record<string, unknown>): string[] {
  const problems = Object.keys(content)
    .filter((field) => !KUSTOMIZE_V2_FIELDS.has(field))
    .map((field) => `"${field}" is not understood by Kustomize v2.0.3`);
  for (const generatorField of ['configMapGenerator', 'secretGenerator']) {
    for (const generator of entriesOf(content, generatorField) as Record<string, unknown>[]) {
      problems.push(
        ...Object.keys(generator)
          .filter((key) => !GENERATOR_FIELDS.has(key))
          .map(
            (key) => `${generatorField} "${String(generator['name'])}": "${key}" is not understood by Kustomize v2.0.3`,
          ),
      );
    }
  }
  for (const image of entriesOf(content, 'images') as Record<string, unknown>[]) {
    problems.push(
      ...Object.keys(image)
        .filter((key) => !IMAGE_FIELDS.has(key))
        .map((key) => `images "${String(image['name'])}": "${key}" is not understood by Kustomize v2.0.3`),
    );
  }
  return problems;
}

/** v2.0.3 takes folders only under `bases`, files only under `resources`, and patches from inside the folder. */
function pathProblems(file: KustomizationFile, content: Record<string, unknown>): string[] {
  const expect = (field: string, wanted: PathKind) =>
    (entriesOf(content, field) as string[])
      .filter((entry) => file.kindOf(entry) !== wanted)
      .map(
        (entry) =>
          `${field} entry "${entry}" is ${file.kindOf(entry) === 'missing' ? 'missing' : `a ${file.kindOf(entry)}`}, not a ${wanted}`,
      );
  const outside = (entriesOf(content, 'patchesStrategicMerge') as string[])
    .filter((entry) => entry.split('/').includes('..'))
    .map((entry) => `patchesStrategicMerge entry "${entry}" is outside the folder (refused by Kustomize v2.0.3)`);
  return [
    ...expect('bases', 'directory'),
    ...expect('resources', 'file'),
    ...expect('patchesStrategicMerge', 'file'),
    ...outside,
  ];
}

export function checkKustomization(file: KustomizationFile): CheckResult[] {
  const subject = 'kustomization.yaml';
  if (typeof file.content !== 'object' || file.content === null || Array.isArray(file.content)) {
    return [{ source: file.dir, subject, rule: 'kustomize-v2-fields', problems: ['is not a YAML mapping'] }];
  }
  const content = file.content as Record<string, unknown>;
  return [
    { source: file.dir, subject, rule: 'kustomize-v2-fields', problems: fieldProblems(content) },
    { source: file.dir, subject, rule: 'kustomize-v2-paths', problems: pathProblems(file, content) },
  ];
}

/** Each deployable in base/ has a dev and a prod overlay, so `apply -k overlays/<env>/<name>` exists for it. */
export function checkOverlaysCoverBases(
  deployables: readonly string[],
  overlayDirs: readonly string[],
  environments: readonly string[],
): CheckResult[] {
  return deployables.map((deployable) => ({
    source: `deploy/base/${deployable}`,
    subject: deployable,
    rule: 'overlay-per-environment',
    problems: environments
      .filter((env) => !overlayDirs.includes(`deploy/overlays/${env}/${deployable}`))
      .map((env) => `no overlay deploy/overlays/${env}/${deployable}`),
  }));
}
