import { INCIDENT_CATEGORIES, IncidentCategory } from '@invigil/contracts';
import { incidentClassificationLabel, incidentClassificationProblem, incidentScopeProblem } from './incidents';

describe('incident classification', () => {
  it('accepts every sub-category inside its own category', () => {
    for (const category of INCIDENT_CATEGORIES) {
      for (const sub of category.subCategories) expect(incidentClassificationProblem(category.id, sub.id)).toBeNull();
    }
  });

  it('offers the categories of the guide, each with sub-categories', () => {
    expect(INCIDENT_CATEGORIES.map((item) => item.label)).toEqual([
      'Environment',
      'Examinee',
      'Proctor/Staff',
      'Technical',
      'Other',
    ]);
    expect(INCIDENT_CATEGORIES.every((item) => item.subCategories.length > 0)).toBe(true);
  });

  it('refuses an unknown category, naming the accepted ones', () => {
    expect(incidentClassificationProblem('weather', 'rain')).toMatch(
      /Unknown incident category "weather".*environment/,
    );
  });

  it("refuses another category's sub-category, naming this category's", () => {
    const problem = incidentClassificationProblem(IncidentCategory.Technical, 'talking');
    expect(problem).toMatch(/Unknown sub-category "talking" for Technical/);
    expect(problem).toContain('connection_lost');
  });

  it('labels a classification for people', () => {
    expect(incidentClassificationLabel(IncidentCategory.Examinee, 'leaving_seat')).toBe('Examinee: Leaving the seat');
  });
});

describe('incident scope', () => {
  it('documents affected users only on a session-level incident', () => {
    expect(incidentScopeProblem({ documentAffectedUsers: true })).toBeNull();
    expect(incidentScopeProblem({ userId: 'u', documentAffectedUsers: false })).toBeNull();
    expect(incidentScopeProblem({ userId: 'u', documentAffectedUsers: true })).toMatch(/session-level option/);
  });
});
