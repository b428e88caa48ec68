import { decodePresenceMember, encodePresenceMember } from './presence';

describe('presence members', () => {
  it('round-trip', () => {
    const member = { orgId: 'o', attemptId: 'a', viewId: 'view-123456', connectionId: 'c_1' };
    expect(decodePresenceMember(encodePresenceMember(member))).toEqual(member);
  });

  it('refuse a malformed member instead of guessing', () => {
    expect(decodePresenceMember('a|b|c')).toBeNull();
    expect(decodePresenceMember('a|b|c|d|e')).toBeNull();
  });
});
