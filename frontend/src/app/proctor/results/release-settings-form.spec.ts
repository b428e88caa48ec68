import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { ReleaseView } from '@invigil/contracts';
import { ReleasePolicy } from '@invigil/contracts';
import { byTestId, settle, textOf } from '../../../testing/dom';
import { setUpPanel } from '../../../testing/security-panels';
import { ReleaseSettingsForm } from './release-settings-form';

describe('ReleaseSettingsForm', () => {
  let fixture: ComponentFixture<ReleaseSettingsForm>;
  let http: HttpTestingController;
  const release: ReleaseView = {
    sessionId: 's1',
    policy: ReleasePolicy.AfterReviews,
    visibility: { score: true, passFail: true, questionCorrectness: false, correctAnswers: false, feedback: true },
    released: false,
    releasedAt: null,
    releasedBy: null,
    answersAwaitingReview: 0,
    results: 0,
  };

  beforeEach(async () => {
    ({ fixture, http } = setUpPanel(ReleaseSettingsForm));
    fixture.componentRef.setInput('sessionId', 's1');
    fixture.componentRef.setInput('release', release);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('saves a manual release that also shows the correct answers', async () => {
    const policy = byTestId(fixture, 'release-policy') as HTMLSelectElement;
    policy.value = ReleasePolicy.Manual;
    policy.dispatchEvent(new Event('change'));
    byTestId(fixture, 'release-show-correctAnswers').click();
    await settle(fixture);
    byTestId(fixture, 'release-settings-save').click();
    await settle(fixture);
    const request = http.expectOne('/api/sessions/s1/release/settings');
    expect(request.request.body).toEqual({ ...release.visibility, policy: ReleasePolicy.Manual, correctAnswers: true });
    request.flush({ ...release, policy: ReleasePolicy.Manual });
    await settle(fixture);
    expect(textOf(fixture, 'release-settings-saved')).toBe('Release settings saved.');
  });
});
