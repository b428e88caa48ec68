import { candidate, staff, SYSTEM, withEventActor } from './record-actors';

describe('record actors', () => {
  it('fills a staff entry from the actor the event carries', () => {
    expect(withEventActor(staff(null), { actorId: 'p1', actorRole: 'admin' })).toEqual({
      type: 'staff',
      userId: 'p1',
      role: 'admin',
    });
    expect(withEventActor(staff(null), { decidedBy: 'p2', actorRole: 'proctor' })).toMatchObject({ userId: 'p2' });
  });

  it("keeps what the handler said, and leaves others' entries alone", () => {
    expect(withEventActor(staff('p1', 'proctor'), { actorId: 'x', actorRole: 'admin' })).toEqual(
      staff('p1', 'proctor'),
    );
    expect(withEventActor(SYSTEM, { actorId: 'p1' })).toBe(SYSTEM);
    expect(withEventActor(candidate('c1'), { actorId: 'p1' })).toEqual(candidate('c1'));
    expect(withEventActor(staff(null), {})).toEqual({ type: 'staff', userId: null, role: null });
  });

  it('names a role for every kind of actor', () => {
    expect([SYSTEM.role, candidate('c1').role, staff('p1', 'admin').role]).toEqual(['system', 'candidate', 'admin']);
  });
});
