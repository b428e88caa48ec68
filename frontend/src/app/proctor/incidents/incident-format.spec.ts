import { IncidentCategory } from '@invigil/contracts';
import { draftProblem, emptyDraft, toBody, toggled, withCategory } from './incident-format';

describe('incident draft', () => {
  it('starts a new category at its own first sub-category', () => {
    expect(withCategory(emptyDraft(), IncidentCategory.Technical).subCategory).toBe('connection_lost');
  });

  it('asks for a description before filing', () => {
    expect(draftProblem(emptyDraft())).toMatch(/Describe what happened/);
    expect(draftProblem({ ...emptyDraft(), description: 'Noise outside' })).toBeNull();
  });

  it('sends the affected-users option only on a session-level incident', () => {
    const draft = { ...emptyDraft(), description: ' x y ', documentAffectedUsers: true };
    expect(toBody(draft, null)).toMatchObject({ description: 'x y', documentAffectedUsers: true });
    expect(toBody(draft, 'u1').documentAffectedUsers).toBeUndefined();
  });

  it('toggles ids without duplicates', () => {
    expect(toggled(toggled(['a'], 'a', true), 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
