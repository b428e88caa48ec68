import { ParticipantStatus } from '@invigil/contracts';
import { loadPrefs, savePrefs } from './dashboard-prefs';
import { DEFAULT_PREFS } from './dashboard-rules';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  } as Storage;
}

describe('dashboard preferences per session', () => {
  it('restores what was saved for the same session only', () => {
    const storage = memoryStorage();
    const prefs = { ...DEFAULT_PREFS, filters: { ...DEFAULT_PREFS.filters, connectivity: 'disconnected' as const } };
    savePrefs('s1', { ...prefs, sort: 'severity' }, storage);
    expect(loadPrefs('s1', {}, storage).prefs).toMatchObject({
      sort: 'severity',
      filters: { connectivity: 'disconnected' },
    });
    expect(loadPrefs('s2', {}, storage).prefs).toEqual(DEFAULT_PREFS);
  });

  it('lets a link win over what is stored, and names what it could not read', () => {
    const storage = memoryStorage();
    savePrefs('s1', { ...DEFAULT_PREFS, sort: 'progress' }, storage);
    const linked = loadPrefs('s1', { status: ParticipantStatus.Waiting }, storage);
    expect(linked.prefs).toMatchObject({ sort: 'name', filters: { status: ParticipantStatus.Waiting } });
    storage.setItem('invigil.dashboard.s3', '{not json');
    expect(loadPrefs('s3', {}, storage)).toEqual({
      prefs: DEFAULT_PREFS,
      ignored: ['the saved dashboard settings (unreadable)'],
    });
  });
});
