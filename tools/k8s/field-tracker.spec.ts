import { Deployment } from 'kubernetes-models/apps/v1';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { validateTrackingFields } from './field-tracker';
import { yamlObject } from './fixture-loader';

const validateDeployment = (proxy: unknown) => Deployment.prototype.validate.call(proxy);

const deployment = (extra = '') =>
  yamlObject<object>(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: d, labels: { any-label: x }, annotations: { any/annotation: y } }
spec:
  selector: { matchLabels: { a: b } }
  template:
    metadata: { labels: { a: b } }
    spec:
      containers:
        - name: c
          image: i:1
          resources: { limits: { cpu: "1", example.com/gpu: "1" } }
${extra}`);

describe('unknown fields', () => {
  it('finds none in a well-formed object, whatever its labels, annotations and resource names', () => {
    expect(validateTrackingFields(deployment(), validateDeployment)).toEqual({ unknownFields: [], error: undefined });
  });

  it('names a misspelt field by its JSON pointer, at any depth', () => {
    const object = deployment('      restartPolicyy: Always');
    expect(validateTrackingFields(object, validateDeployment).unknownFields).toEqual([
      '/spec/template/spec/restartPolicyy',
    ]);
  });

  it('leaves free-form maps alone (KEDA trigger metadata)', () => {
    const scaledObject = yamlObject<object>(`
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: { name: s }
spec:
  scaleTargetRef: { name: d }
  triggers: [{ type: nats-jetstream, metadata: { stream: S, consumer: c, anything: goes } }]`);
    expect(
      validateTrackingFields(scaledObject, (proxy) => ScaledObject.prototype.validate.call(proxy)).unknownFields,
    ).toEqual([]);
  });

  it('still reports schema errors beside unknown fields', () => {
    const object = deployment('      terminationGracePeriodSeconds: soon');
    expect(validateTrackingFields(object, validateDeployment).error).toBeDefined();
  });
});
