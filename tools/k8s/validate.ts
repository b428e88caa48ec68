/**
 * Validates the Kubernetes manifests: renders every overlay under deploy with `kubectl kustomize`,
 * checks each object against its Kubernetes schema (with unknown fields refused) and the deployment
 * checklist (tools/k8s/*-rules.ts). Prints each failure as `<folder> <Kind/name> [rule] problem`, then
 * `N passed, N failed`; exits non-zero on any failure.
 *   node tools/run-ts.js tools/k8s/validate.ts        ($KUBECTL picks another kubectl binary)
 */
import { resolve } from 'node:path';
import { isKubectlAvailable, kubectlBinary } from './render';
import { failed } from './rule';
import { validateManifests } from './validate-manifests';

const repositoryRoot = resolve(__dirname, '..', '..');

function main(): number {
  if (!isKubectlAvailable()) {
    console.error(
      `${kubectlBinary()} not found: run \`bash tools/ensure-kubectl.sh\` (Debian: apt-get install -y kubernetes-client).`,
    );
    console.log('0 passed, 1 failed');
    return 1;
  }
  const { results, schemaSkips } = validateManifests(repositoryRoot);
  const failures = failed(results);
  for (const failure of failures) {
    for (const problem of failure.problems)
      console.log(`FAIL ${failure.source} ${failure.subject} [${failure.rule}] ${problem}`);
  }
  const sources = [...new Set(results.map((result) => result.source))];
  console.log(`checked ${sources.length} folders, ${results.length} rule applications`);
  for (const skip of schemaSkips) console.log(`schema not checked: ${skip}`);
  console.log(`${results.length - failures.length} passed, ${failures.length} failed`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = main();
