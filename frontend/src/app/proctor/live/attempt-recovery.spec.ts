import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { AttemptSummaryView } from '@invigil/contracts';
import { AttemptStatus } from '@invigil/contracts';
import { byTestId, queryTestId, settle, textOf, typeInto } from '../../../testing/dom';
import { AttemptRecovery } from './attempt-recovery';
import { reopenProblem } from './reopen-dialog';

const running: AttemptSummaryView = {
  attemptId: 't1',
  userId: 'u1',
  status: AttemptStatus.InProgress,
  paused: false,
  remainingSeconds: 600,
  extensionMinutes: 0,
  disconnectedSeconds: 95,
  creditableSeconds: 95,
  connected: true,
  submittedAt: null,
  autoSubmitted: false,
};
const submitted: AttemptSummaryView = {
  ...running,
  status: AttemptStatus.Submitted,
  remainingSeconds: 0,
  connected: false,
  submittedAt: '2026-12-03T10:00:00.000Z',
  autoSubmitted: true,
};

describe('AttemptRecovery', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AttemptRecovery>;
  let changes: AttemptSummaryView[];

  async function render(summary: AttemptSummaryView): Promise<void> {
    fixture.componentRef.setInput('summary', summary);
    await settle(fixture);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AttemptRecovery],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AttemptRecovery);
    fixture.componentRef.setInput('sessionId', 's1');
    fixture.componentRef.setInput('name', 'Ada');
    changes = [];
    fixture.componentInstance.changed.subscribe((summary) => changes.push(summary));
    await render(running);
  });

  afterEach(() => http.verify());

  it('credits the offline time it shows, in one click', async () => {
    expect(textOf(fixture, 'participant-credit')).toBe('Credit 1 min 35 s offline');
    byTestId<HTMLButtonElement>(fixture, 'participant-credit').click();
    const request = http.expectOne({ method: 'POST', url: '/api/sessions/s1/attempts/u1/credit' });
    expect(request.request.body).toEqual({ seconds: 95 });
    request.flush({ ...running, creditableSeconds: 0, remainingSeconds: 695 });
    await settle(fixture);
    expect(changes).toEqual([{ ...running, creditableSeconds: 0, remainingSeconds: 695 }]);
  });

  it("shows the server's refusal of a credit", async () => {
    byTestId<HTMLButtonElement>(fixture, 'participant-credit').click();
    http
      .expectOne('/api/sessions/s1/attempts/u1/credit')
      .flush({ message: 'Cannot credit 95 s: this candidate has 0 s' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(textOf(fixture, 'participant-recovery-error')).toContain('Cannot credit 95 s');
    expect(changes).toEqual([]);
  });

  it('releases the live view of a connected candidate', async () => {
    byTestId<HTMLButtonElement>(fixture, 'participant-release-view').click();
    http
      .expectOne({ method: 'POST', url: '/api/sessions/s1/attempts/u1/release-view' })
      .flush({ ...running, connected: false });
    await settle(fixture);
    expect(changes).toHaveLength(1);
  });

  it('offers neither credit nor release when there is nothing to credit and no view holds the attempt', async () => {
    await render({ ...running, creditableSeconds: 0, connected: false });
    expect(queryTestId(fixture, 'participant-credit')).toBeNull();
    expect(queryTestId(fixture, 'participant-release-view')).toBeNull();
  });

  it('reopens a submitted attempt with a reason and minutes, keeping the dialog open on a refusal', async () => {
    await render(submitted);
    expect(queryTestId(fixture, 'participant-credit')).toBeNull();
    byTestId<HTMLButtonElement>(fixture, 'participant-reopen').click();
    await settle(fixture);
    expect(byTestId<HTMLButtonElement>(fixture, 'reopen-confirm').disabled).toBe(true);
    typeInto(fixture, 'reopen-reason', '  Laptop crashed  ');
    typeInto(fixture, 'reopen-minutes', '20');
    await settle(fixture);
    byTestId<HTMLButtonElement>(fixture, 'reopen-confirm').click();
    const refused = http.expectOne({ method: 'POST', url: '/api/sessions/s1/attempts/u1/reopen' });
    expect(refused.request.body).toEqual({ reason: 'Laptop crashed', minutes: 20 });
    refused.flush({ message: 'The session "Biology" has ended' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(textOf(fixture, 'reopen-error')).toContain('has ended');

    byTestId<HTMLButtonElement>(fixture, 'reopen-confirm').click();
    http.expectOne('/api/sessions/s1/attempts/u1/reopen').flush({ ...running, remainingSeconds: 1200 });
    await settle(fixture);
    expect(queryTestId(fixture, 'reopen-dialog')).toBeNull();
    expect(changes).toEqual([{ ...running, remainingSeconds: 1200 }]);
  });
});

describe('reopenProblem', () => {
  it('asks for a reason of 3 to 500 characters and 1 to 600 whole minutes', () => {
    expect(reopenProblem(' ab ', 10)).toMatch(/reason/);
    expect(reopenProblem('x'.repeat(501), 10)).toMatch(/reason/);
    expect(reopenProblem('Crash', 0)).toMatch(/minutes/);
    expect(reopenProblem('Crash', 1.5)).toMatch(/minutes/);
    expect(reopenProblem('Crash', 601)).toMatch(/minutes/);
    expect(reopenProblem('Crash', 600)).toBeNull();
  });
});
