import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AssessmentView, SessionView } from '@invigil/contracts';
import { FormError } from '../shared/form-error';
import { DisplayedError, toDisplayedError } from '../shared/http-error';
import { AssessmentEditor } from './assessments/assessment-editor';
import { AssessmentsApi } from './assessments/assessments-api';
import { SessionForm } from './sessions/session-form';
import { SessionsApi } from './sessions/sessions-api';
import { SessionsList } from './sessions/sessions-list';

@Component({
  selector: 'app-proctor-dashboard',
  imports: [AssessmentEditor, SessionForm, SessionsList, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Proctor dashboard</h1>
    <app-form-error [error]="loadError()" testId="dashboard-error" />
    <!-- The sessions first: on an exam day the proctor comes here to open the one running now. -->
    <app-sessions-list [sessions]="sessions()" />
    <div class="columns">
      <div class="stack">
        <app-assessment-editor [assessments]="assessments()" (created)="reloadAssessments()" />
      </div>
      <div class="stack">
        <app-session-form [assessments]="assessments()" (created)="openSession($event)" />
      </div>
    </div>
  `,
})
export class ProctorDashboard implements OnInit {
  private readonly assessmentsApi = inject(AssessmentsApi);
  private readonly sessionsApi = inject(SessionsApi);
  private readonly router = inject(Router);

  protected readonly assessments = signal<AssessmentView[]>([]);
  protected readonly sessions = signal<SessionView[]>([]);
  protected readonly loadError = signal<DisplayedError | null>(null);

  ngOnInit(): void {
    void this.reloadAssessments();
    void this.load(async () => this.sessions.set(newestFirst(await this.sessionsApi.list())));
  }

  protected reloadAssessments(): Promise<void> {
    return this.load(async () => this.assessments.set(newestFirst(await this.assessmentsApi.list())));
  }

  protected openSession(session: SessionView): void {
    void this.router.navigate(['/proctor/sessions', session.id]);
  }

  private async load(task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.loadError.set(toDisplayedError(error));
    }
  }
}

function newestFirst<T extends { createdAt: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
