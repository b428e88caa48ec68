import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeObject } from './k8s-object';
import { checkKustomization, checkOverlaysCoverBases, type PathKind } from './kustomization-rules';
import { renderKustomization } from './render';
import { runRules, type CheckResult } from './rule';
import { objectRules } from './rules';
import { schemaSkipReason } from './schema-registry';

export const MANIFESTS_DIR = 'deploy';
export const ENVIRONMENTS = ['dev', 'prod'];

export interface ValidationReport {
  results: CheckResult[];
  /** Objects checked by rules but not by a schema, with the reason. */
  schemaSkips: string[];
}

function subfolders(root: string, relative: string): string[] {
  const absolute = join(root, relative);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${relative}/${entry.name}`)
    .sort();
}

function kustomizationDirs(root: string, relative: string): string[] {
  const here = existsSync(join(root, relative, 'kustomization.yaml')) ? [relative] : [];
  return [...here, ...subfolders(root, relative).flatMap((child) => kustomizationDirs(root, child))];
}

function pathKind(absolute: string): PathKind {
  if (!existsSync(absolute)) return 'missing';
  return statSync(absolute).isDirectory() ? 'directory' : 'file';
}

/** What `kubectl apply -k` is meant to be pointed at: each environment's folders, and the platform references. */
export function renderTargets(root: string): string[] {
  const overlays = ENVIRONMENTS.flatMap((env) => subfolders(root, `${MANIFESTS_DIR}/overlays/${env}`));
  return [...overlays, `${MANIFESTS_DIR}/platform`].filter((dir) => existsSync(join(root, dir, 'kustomization.yaml')));
}

function checkKustomizationFiles(root: string): CheckResult[] {
  return kustomizationDirs(root, MANIFESTS_DIR).flatMap((dir) =>
    checkKustomization({
      dir,
      content: parse(readFileSync(join(root, dir, 'kustomization.yaml'), 'utf8')) as unknown,
      kindOf: (relativePath) => pathKind(join(root, dir, relativePath)),
    }),
  );
}

function checkRenderTarget(root: string, dir: string, schemaSkips: string[]): CheckResult[] {
  try {
    const rendered = renderKustomization(dir, root);
    for (const object of rendered) {
      const reason = schemaSkipReason(object);
      if (reason) schemaSkips.push(`${dir}: ${describeObject(object)}: ${reason}`);
    }
    return [
      { source: dir, subject: 'kustomization', rule: 'renders', problems: [] },
      ...runRules(dir, rendered, objectRules),
    ];
  } catch (error) {
    return [{ source: dir, subject: 'kustomization', rule: 'renders', problems: [(error as Error).message] }];
  }
}

/** Renders every overlay and the platform references, and applies every rule. */
export function validateManifests(root: string): ValidationReport {
  const schemaSkips: string[] = [];
  const deployables = subfolders(root, `${MANIFESTS_DIR}/base`).map((dir) => dir.split('/').pop() ?? dir);
  const targets = renderTargets(root);
  const results = [
    ...checkKustomizationFiles(root),
    ...checkOverlaysCoverBases(deployables, targets, ENVIRONMENTS),
    ...targets.flatMap((dir) => checkRenderTarget(root, dir, schemaSkips)),
  ];
  return { results, schemaSkips };
}
