import { validate } from 'class-validator';
import { enrollmentCodeWeakness, IsGuessResistantEnrollmentCode } from './enrollment-code-strength';

class Body {
  @IsGuessResistantEnrollmentCode()
  enrollmentCode?: string;
}

describe('enrollmentCodeWeakness', () => {
  it('accepts codes as hard to guess as a generated one', () => {
    for (const code of ['K7QM3X', 'physics2026', 'ACDE34', '123456789'])
      expect(enrollmentCodeWeakness(code)).toBeNull();
  });

  it('refuses short codes, repeated characters and small alphabets, saying why', () => {
    expect(enrollmentCodeWeakness('AB12')).toMatch(/at least 6 characters/);
    expect(enrollmentCodeWeakness('aaaAAA')).toMatch(/at least 4 different characters/);
    expect(enrollmentCodeWeakness('ABABAB')).toMatch(/at least 4 different characters/);
    expect(enrollmentCodeWeakness('123456')).toMatch(/digits only must be longer/);
    expect(enrollmentCodeWeakness('12345678')).toMatch(/digits only/);
  });

  it('reports the reason as the validation message', async () => {
    const body = Object.assign(new Body(), { enrollmentCode: '1234' });
    const [error] = await validate(body);
    expect(error?.constraints?.['isGuessResistantEnrollmentCode']).toMatch(/at least 6 characters/);
    expect(await validate(Object.assign(new Body(), { enrollmentCode: 'K7QM3X' }))).toEqual([]);
  });
});
