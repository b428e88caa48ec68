import { EventPayloadClasses } from './event-map';
import { Events, Requests, ServiceNames } from './subjects';

describe('subjects', () => {
  it('gives every request subject the form <service>.<aggregate>.<verb> of a known service', () => {
    for (const subject of Object.values(Requests)) {
      const [service, aggregate, verb, ...rest] = subject.split('.');
      expect(ServiceNames).toContain(service);
      expect(aggregate).toBeTruthy();
      expect(verb).toBeTruthy();
      expect(rest).toEqual([]);
    }
  });

  it('never reuses a subject for two purposes (a JetStream stream would swallow requests)', () => {
    const all = [...Object.values(Requests), ...Object.values(Events)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('has a payload class for every event subject', () => {
    expect(Object.keys(EventPayloadClasses).sort()).toEqual(Object.values(Events).sort());
  });
});
