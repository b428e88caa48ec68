import { parseManifests } from './render';

describe('parsing kubectl kustomize output', () => {
  it('splits documents and drops empty ones', () => {
    const objects = parseManifests(
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: a }\n---\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: { name: b }\n',
    );
    expect(objects.map((object) => object.metadata.name)).toEqual(['a', 'b']);
  });

  it('refuses a document that is not a Kubernetes object', () => {
    expect(() =>
      parseManifests('apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: a }\n---\njust: data\n'),
    ).toThrow('document 2 is not a Kubernetes object');
  });

  it('refuses broken YAML, naming the document', () => {
    expect(() => parseManifests('kind: [unclosed\n')).toThrow(/^document 1:/);
  });
});
