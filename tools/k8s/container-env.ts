import type { IContainer, K8sObject } from './k8s-object';

/**
 * The value a container sees for an environment variable, as far as the rendered manifests tell:
 * its own `env` value, else the last `envFrom` ConfigMap holding it (later sources win, as in the kubelet).
 */
export function containerEnvValue(
  container: IContainer,
  name: string,
  rendered: readonly K8sObject[],
): string | undefined {
  const direct = container.env?.find((variable) => variable.name === name);
  if (direct) return direct.value;
  let value: string | undefined;
  for (const source of container.envFrom ?? []) {
    const configMapName = source.configMapRef?.name;
    if (!configMapName) continue;
    const configMap = rendered.find((object) => object.kind === 'ConfigMap' && object.metadata.name === configMapName);
    const data = (configMap?.['data'] ?? {}) as Record<string, string>;
    const key = `${source.prefix ?? ''}${name}`;
    if (key in data) value = data[key];
  }
  return value;
}
