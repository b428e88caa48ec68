import { join } from 'node:path';
import { featureCycles, featureEdges } from './feature-dependencies';

const root = join(__dirname, '../..');
const apps = ['sessions', 'scoring', 'enrollment', 'monitoring', 'messaging'].map((name) => `services/${name}/src`);

describe('feature folders depend one way', () => {
  it.each([...apps, 'gateway/src'])('%s has no import cycle between its feature folders', (src) => {
    const cycles = featureCycles(featureEdges(join(root, src))).map(
      ({ from, to, file }) => `${from} → ${to} (${file})`,
    );
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const edges = [
      { from: 'a', to: 'b', file: 'a/x.ts' },
      { from: 'b', to: 'c', file: 'b/y.ts' },
      { from: 'c', to: 'a', file: 'c/z.ts' },
      { from: 'c', to: 'd', file: 'c/w.ts' },
    ];
    expect(featureCycles(edges).map((edge) => edge.file)).toEqual(['a/x.ts', 'b/y.ts', 'c/z.ts']);
  });
});
