import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** An import from one feature folder of an app's `src/` into another: `from` imports something of `to`. */
export interface FeatureEdge {
  from: string;
  to: string;
  file: string;
}

function productionFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return productionFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every relative import that crosses from one feature folder of `srcRoot` into another. */
export function featureEdges(srcRoot: string): FeatureEdge[] {
  const edges: FeatureEdge[] = [];
  for (const file of productionFiles(srcRoot)) {
    const [feature, ...rest] = relative(srcRoot, file).split(sep);
    if (!feature || rest.length === 0) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = relative(srcRoot, normalize(join(dirname(file), match[1] ?? '')));
      const [targetFeature, ...targetRest] = target.split(sep);
      if (!targetFeature || targetRest.length === 0 || targetFeature === '..' || targetFeature === feature) continue;
      edges.push({ from: feature, to: targetFeature, file: relative(srcRoot, file) });
    }
  }
  return edges;
}

/** The edges that lie on a cycle between feature folders: each names a file to look at. */
export function featureCycles(edges: readonly FeatureEdge[]): FeatureEdge[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const reaches = (start: string, goal: string): boolean => {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const current = queue.shift() as string;
      if (current === goal) return true;
      for (const neighbour of next.get(current) ?? []) {
        if (seen.has(neighbour)) continue;
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
    return false;
  };
  return edges.filter((edge) => reaches(edge.to, edge.from));
}
