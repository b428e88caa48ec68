import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { isK8sObject, type K8sObject } from './k8s-object';

/** `kubectl` unless $KUBECTL names another (e.g. Debian's 1.20 beside a newer one). */
export function kubectlBinary(): string {
  return process.env['KUBECTL'] || 'kubectl';
}

export function isKubectlAvailable(): boolean {
  try {
    execFileSync(kubectlBinary(), ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Splits a multi-document YAML stream into objects; a document that is not an object is an error. */
export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text).flatMap((document, index) => {
    const [error] = document.errors;
    if (error) throw new Error(`document ${index + 1}: ${error.message}`);
    const value: unknown = document.toJS();
    if (value === null || value === undefined) return [];
    if (!isK8sObject(value))
      throw new Error(`document ${index + 1} is not a Kubernetes object (apiVersion, kind and metadata)`);
    return [value];
  });
}

/** `kubectl kustomize <dir>`, parsed. Throws with kubectl's own message when the folder does not render. */
export function renderKustomization(dir: string, cwd: string): K8sObject[] {
  let output: string;
  try {
    output = execFileSync(kubectlBinary(), ['kustomize', dir], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(`kubectl kustomize failed: ${stderr || (error as Error).message}`);
  }
  return parseManifests(output);
}
