import { Role } from '@invigil/contracts';
import type { SelectedUser } from './add-users-dialog';
import { toAddEntries } from './add-users-dialog';

const user = (id: string) => ({
  id,
  email: `${id}@example.com`,
  displayName: id,
  role: Role.Candidate,
  timeZone: 'UTC',
});

describe('toAddEntries', () => {
  it('sends a limit only for a chosen kind with a value typed', () => {
    const selected: SelectedUser[] = [
      { user: user('a'), kind: 'none', value: 40 },
      { user: user('b'), kind: 'minutes', value: 40 },
      { user: user('c'), kind: 'multiplier', value: 1.5 },
      { user: user('d'), kind: 'multiplier', value: null },
    ];
    expect(toAddEntries(selected)).toEqual([
      { userId: 'a' },
      { userId: 'b', timeLimitMinutes: 40 },
      { userId: 'c', timeLimitMultiplier: 1.5 },
      { userId: 'd' },
    ]);
  });
});
