import { saveAnnouncement } from './save-announcements';

describe('save announcements', () => {
  it('announces a routine Saved at most once a minute', () => {
    expect(saveAnnouncement('saving', 'saved', null, 0)).toBe('All answers saved.');
    expect(saveAnnouncement('saving', 'saved', 0, 30_000)).toBeNull();
    expect(saveAnnouncement('saving', 'saved', 0, 60_000)).toBe('All answers saved.');
  });

  it('always announces going offline and coming back', () => {
    expect(saveAnnouncement('saving', 'offline', 0, 1)).toContain('Offline');
    expect(saveAnnouncement('offline', 'saved', 0, 2)).toBe('Back online. All answers saved.');
  });

  it('stays quiet while saving and when nothing changed', () => {
    expect(saveAnnouncement('saved', 'saving', null, 0)).toBeNull();
    expect(saveAnnouncement('saved', 'saved', null, 0)).toBeNull();
  });
});
