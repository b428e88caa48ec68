import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { byTestId, settle, textOf, typeInto } from '../../../testing/dom';
import { setUpPanel } from '../../../testing/security-panels';
import { ReviewSettingsForm } from './review-settings-form';

describe('ReviewSettingsForm', () => {
  let fixture: ComponentFixture<ReviewSettingsForm>;
  let http: HttpTestingController;
  const settings = {
    sessionId: 's1',
    identitiesRevealedAt: null,
    doubleMarking: false,
    moderationThresholdPercent: 20,
  };

  beforeEach(async () => {
    ({ fixture, http } = setUpPanel(ReviewSettingsForm));
    fixture.componentRef.setInput('sessionId', 's1');
    fixture.componentRef.setInput('settings', settings);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('turns double marking on with a threshold and says what it means', async () => {
    byTestId(fixture, 'review-double-marking').click();
    await settle(fixture);
    typeInto(fixture, 'review-threshold', '25');
    byTestId(fixture, 'review-settings-save').click();
    await settle(fixture);
    const request = http.expectOne('/api/sessions/s1/review/settings');
    expect(request.request.body).toEqual({ doubleMarking: true, moderationThresholdPercent: 25 });
    request.flush({ ...settings, doubleMarking: true, moderationThresholdPercent: 25 });
    await settle(fixture);
    expect(textOf(fixture, 'review-settings-saved')).toBe(
      'Essays are double marked; marks more than 25% apart go to a moderator.',
    );
  });

  it('shows why a threshold was refused', async () => {
    byTestId(fixture, 'review-double-marking').click();
    await settle(fixture);
    typeInto(fixture, 'review-threshold', '150');
    byTestId(fixture, 'review-settings-save').click();
    await settle(fixture);
    http
      .expectOne('/api/sessions/s1/review/settings')
      .flush(
        { statusCode: 400, message: ['moderationThresholdPercent must be between 0 and 100'] },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    expect(textOf(fixture, 'review-settings-error')).toContain('moderationThresholdPercent must be between 0 and 100');
  });
});
