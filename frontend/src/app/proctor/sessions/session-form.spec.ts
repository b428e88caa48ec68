import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { AssessmentView, SessionSettingsBody } from '@invigil/contracts';
import { Role } from '@invigil/contracts';
import { byTestId, chooseOption, queryTestId, settle, textOf, typeInto } from '../../../testing/dom';
import { SessionForm } from './session-form';

const assessment = { id: 'a1', title: 'Arithmetic' } as AssessmentView;

describe('SessionForm', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SessionForm>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SessionForm],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SessionForm);
    fixture.componentRef.setInput('assessments', [assessment]);
    const supervisors = http.expectOne((request) => request.url === '/api/users');
    expect(supervisors.request.params.getAll('role')).toEqual(['proctor', 'admin']);
    supervisors.flush({
      items: [{ id: 'p2', email: 'paula@example.com', displayName: 'Paula', role: Role.Proctor, timeZone: 'UTC' }],
      total: 1,
      page: 1,
      pageSize: 100,
    });
    await settle(fixture);
  });

  it('offers the organization\'s proctors and admins as the session\'s proctor, "Me" by default', () => {
    const picker = byTestId<HTMLSelectElement>(fixture, 'session-proctor');
    expect([...picker.options].map((option) => option.textContent?.trim())).toEqual(['Me', 'Paula (proctor)']);
    expect(picker.value).toBe('');
  });

  afterEach(() => http.verify());

  it('sends the defaults with only name, assessment and duration filled, in the browser zone', async () => {
    typeInto(fixture, 'session-name', 'Quiz');
    typeInto(fixture, 'session-duration', '30');
    byTestId<HTMLButtonElement>(fixture, 'session-create').click();
    const request = http.expectOne('/api/sessions');
    const body = request.request.body as SessionSettingsBody;
    expect(body).toMatchObject({
      name: 'Quiz',
      assessmentId: 'a1',
      durationMinutes: 30,
      startMode: 'flexible',
      enrollmentMode: 'auto',
      lateEntry: false,
      timeLimitMode: 'session_wide',
    });
    expect(body.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(body.security).toEqual({ browserLockdown: false, screenMonitoring: false, identityVerification: false });
    request.flush({ id: 's1' });
    await settle(fixture);
  });

  it('shows the date field only for a scheduled start, and each server message next to its field', async () => {
    expect(queryTestId(fixture, 'session-scheduled-time')).toBeNull();
    chooseOption(fixture, 'session-start-mode', 'scheduled');
    await settle(fixture);
    typeInto(fixture, 'session-scheduled-time', '2020-01-01T09:00');
    byTestId<HTMLButtonElement>(fixture, 'session-create').click();
    http.expectOne('/api/sessions').flush(
      {
        statusCode: 400,
        message: 'The request was not accepted.',
        details: [
          'settings.scheduledLocalTime: 2020-01-01T09:00 in UTC is in the past; choose a time in the future',
          'name: name must not be empty',
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(textOf(fixture, 'session-error-scheduledLocalTime')).toContain('is in the past');
    expect(textOf(fixture, 'session-error-name')).toBe('name must not be empty');
  });
});
