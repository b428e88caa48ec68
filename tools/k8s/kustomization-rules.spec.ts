import { yamlObject } from './fixture-loader';
import { checkKustomization, checkOverlaysCoverBases, type PathKind } from './kustomization-rules';
import { failed } from './rule';

const disk: Record<string, PathKind> = {
  '../../base/sessions': 'directory',
  'deployment.yaml': 'file',
  'patch.yaml': 'file',
  '../shared/patch.yaml': 'file',
};

function problems(kustomization: string): string[] {
  const results = checkKustomization({
    dir: 'deploy/overlays/dev/sessions',
    content: yamlObject(kustomization),
    kindOf: (path) => disk[path] ?? 'missing',
  });
  return failed(results).flatMap((result) => result.problems.map((problem) => `${result.rule}: ${problem}`));
}

describe('kustomization files stay within Kustomize v2.0.3', () => {
  it('accepts the fields Debian kubectl 1.20 renders', () => {
    expect(
      problems(`
namespace: invigil-dev
bases: [../../base/sessions]
resources: [deployment.yaml]
patchesStrategicMerge: [patch.yaml]
images: [{ name: ghcr.io/invigil/sessions, newTag: 0.1.0 }]
configMapGenerator: [{ name: sessions-env, behavior: merge, literals: [LOG_LEVEL=debug] }]
commonLabels: { app.kubernetes.io/part-of: invigil }`),
    ).toEqual([]);
  });

  it('refuses fields of newer Kustomize releases', () => {
    expect(
      problems(
        'resources: [deployment.yaml]\npatches: [{ path: patch.yaml }]\nreplicas: [{ name: sessions, count: 2 }]',
      ),
    ).toEqual([
      'kustomize-v2-fields: "patches" is not understood by Kustomize v2.0.3',
      'kustomize-v2-fields: "replicas" is not understood by Kustomize v2.0.3',
    ]);
  });

  it('refuses newer generator and image options', () => {
    expect(problems('configMapGenerator: [{ name: e, envs: [a.env] }]\nimages: [{ name: i, tagSuffix: x }]')).toEqual([
      'kustomize-v2-fields: configMapGenerator "e": "envs" is not understood by Kustomize v2.0.3',
      'kustomize-v2-fields: images "i": "tagSuffix" is not understood by Kustomize v2.0.3',
    ]);
  });

  it('wants folders under bases, files under resources, patches inside the folder', () => {
    expect(
      problems(
        'resources: [../../base/sessions]\nbases: [deployment.yaml]\npatchesStrategicMerge: [../shared/patch.yaml, missing.yaml]',
      ),
    ).toEqual([
      'kustomize-v2-paths: bases entry "deployment.yaml" is a file, not a directory',
      'kustomize-v2-paths: resources entry "../../base/sessions" is a directory, not a file',
      'kustomize-v2-paths: patchesStrategicMerge entry "missing.yaml" is missing, not a file',
      'kustomize-v2-paths: patchesStrategicMerge entry "../shared/patch.yaml" is outside the folder (refused by Kustomize v2.0.3)',
    ]);
  });
});

describe('every deployable has an overlay per environment', () => {
  it('names the missing overlay', () => {
    const results = checkOverlaysCoverBases(
      ['sessions', 'gateway'],
      ['deploy/overlays/dev/sessions', 'deploy/overlays/prod/sessions', 'deploy/overlays/dev/gateway'],
      ['dev', 'prod'],
    );
    expect(failed(results).map((result) => result.problems)).toEqual([['no overlay deploy/overlays/prod/gateway']]);
  });
});
