import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  ImportPreview,
  ImportResult,
  ParticipantStatus,
  ParticipantView,
  SessionView,
  UserSearchItem,
} from '@invigil/contracts';
import { participantIsRemovable } from '@invigil/domain';
import { FormError } from '../../shared/form-error';
import { DisplayedError, toDisplayedError } from '../../shared/http-error';
import { saveBlob } from '../../shared/save-blob';
import { participantStatusLabel } from '../../shared/status-labels';
import { ProctorApi } from '../proctor-api';
import { RosterApi } from './roster-api';
import { describeInvitation, describeTimeLimit } from './time-limit';

type LimitKind = 'none' | 'minutes' | 'multiplier';
interface Selected {
  user: UserSearchItem;
  kind: LimitKind;
  value: number | null;
}

/**
 * A session's roster for the proctor (issue 3): status chips, individual limits, invitation state;
 * the Add Users dialog (search, select, limits, invite toggle) and the Import Users wizard
 * (template → upload → preview with errors → confirm).
 */
@Component({
  selector: 'app-roster-manager',
  imports: [FormsModule, FormError, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div>
        <h1>Roster{{ session() ? ': ' + session()!.name : '' }}</h1>
        <p class="muted"><a [routerLink]="['/proctor/sessions', id()]">Back to the session</a></p>
      </div>
      <div class="row">
        <button type="button" class="primary" (click)="openAdd()" data-testid="roster-add-open">Add users</button>
        <button type="button" (click)="openImport()" data-testid="roster-import-open">Import users</button>
      </div>
    </header>
    <app-form-error [error]="error()" testId="roster-error" />

    <section class="card" aria-labelledby="roster-heading">
      <h2 id="roster-heading">
        {{ participants().length }} {{ participants().length === 1 ? 'participant' : 'participants' }}
      </h2>
      @if (participants().length) {
        <table class="table" data-testid="roster-table">
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col">Status</th>
              <th scope="col">Time limit</th>
              <th scope="col">Invitation</th>
              <th scope="col"></th>
            </tr>
          </thead>
          <tbody>
            @for (p of participants(); track p.id) {
              <tr [attr.data-testid]="'roster-row-' + p.userId">
                <th scope="row">
                  {{ p.displayName }}<br /><span class="muted">{{ p.email }}</span>
                </th>
                <td>
                  <span class="chip" [attr.data-status]="p.status" data-testid="roster-status">{{
                    statusLabel(p.status)
                  }}</span>
                </td>
                <td data-testid="roster-limit">{{ limit(p) }}</td>
                <td data-testid="roster-invitation">
                  {{ invitation(p) }}
                  @if (p.status === invitedStatus) {
                    <button type="button" (click)="resend(p)" [attr.data-testid]="'roster-resend-' + p.userId">
                      {{ p.invitationSentAt ? 'Resend' : 'Email invitation' }}
                    </button>
                  }
                </td>
                <td>
                  @if (removable(p)) {
                    <button type="button" (click)="remove(p)" [attr.data-testid]="'roster-remove-' + p.userId">
                      Remove
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="muted">Nobody is on the roster yet. Add users, import a file, or share the enrollment code.</p>
      }
    </section>

    @if (adding()) {
      <div class="dialog-backdrop">
        <section
          class="card dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="add-heading"
          data-testid="add-users-dialog"
        >
          <h2 id="add-heading">Add users</h2>
          <label
            >Search by name or email
            <input type="search" [(ngModel)]="query" (ngModelChange)="search()" data-testid="add-users-search" />
          </label>
          <ul class="plain">
            @for (user of results(); track user.id) {
              <li>
                <label>
                  <input
                    type="checkbox"
                    [checked]="isSelected(user)"
                    (change)="toggle(user)"
                    [attr.data-testid]="'add-users-pick-' + user.id"
                  />
                  {{ user.displayName }} <span class="muted">{{ user.email }} · {{ user.role }}</span>
                </label>
              </li>
            }
          </ul>
          @if (selected().length) {
            <h3>Selected</h3>
            <table class="table">
              <tbody>
                @for (item of selected(); track item.user.id) {
                  <tr>
                    <th scope="row">{{ item.user.displayName }}</th>
                    <td>
                      <select
                        [(ngModel)]="item.kind"
                        [attr.data-testid]="'add-users-limit-kind-' + item.user.id"
                        aria-label="Time limit"
                      >
                        <option value="none">Session-wide limit</option>
                        <option value="minutes">Minutes</option>
                        <option value="multiplier">Multiplier (e.g. 1.5)</option>
                      </select>
                      @if (item.kind !== 'none') {
                        <input
                          type="number"
                          [(ngModel)]="item.value"
                          [step]="item.kind === 'multiplier' ? 0.05 : 1"
                          [attr.data-testid]="'add-users-limit-value-' + item.user.id"
                          aria-label="Limit value"
                        />
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          }
          <label
            ><input type="checkbox" [(ngModel)]="sendInvitation" data-testid="add-users-invite" /> Send an email
            invitation (otherwise hand out the code)</label
          >
          <app-form-error [error]="dialogError()" testId="add-users-error" />
          <div class="row">
            <button
              type="button"
              class="primary"
              (click)="submitAdd()"
              [disabled]="!selected().length || busy()"
              data-testid="add-users-submit"
            >
              Add {{ selected().length }}
            </button>
            <button type="button" (click)="adding.set(false)">Cancel</button>
          </div>
        </section>
      </div>
    }

    @if (importing()) {
      <div class="dialog-backdrop">
        <section
          class="card dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="import-heading"
          data-testid="import-wizard"
        >
          <h2 id="import-heading">Import users</h2>
          <ol>
            <li>
              Download the template:
              <button type="button" (click)="download('csv')" data-testid="import-template-csv">CSV</button>
              <button type="button" (click)="download('xlsx')" data-testid="import-template-xlsx">XLSX</button>
            </li>
            <li>
              Fill it in (email required; displayName; timeLimitMinutes or timeLimitMultiplier) and upload it (.csv or
              .xlsx, at most 5 MB):
              <input type="file" accept=".csv,.xlsx" (change)="upload($event)" data-testid="import-file" />
            </li>
          </ol>
          <app-form-error [error]="dialogError()" testId="import-error" />
          @if (preview(); as p) {
            <p data-testid="import-summary">
              {{ p.totalRows }} rows: {{ p.validRows }} will be added ({{ p.newAccounts }} new accounts),
              {{ p.totalRows - p.validRows }} skipped.
            </p>
            @if (p.issues.length) {
              <table class="table" data-testid="import-issues">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Column</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  @for (issue of p.issues; track $index) {
                    <tr>
                      <td>{{ issue.row }}</td>
                      <td>{{ issue.column ?? '—' }}</td>
                      <td>{{ issue.reason }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            }
            <label
              ><input type="checkbox" [(ngModel)]="sendInvitation" data-testid="import-invite" /> Email an invitation to
              everyone added</label
            >
            <div class="row">
              <button
                type="button"
                class="primary"
                (click)="confirmImport(p)"
                [disabled]="!p.validRows || busy()"
                data-testid="import-confirm"
              >
                Add {{ p.validRows }}
              </button>
            </div>
          }
          @if (imported(); as r) {
            <p role="status" data-testid="import-result">
              Added {{ r.added }} ({{ r.createdAccounts }} new accounts); skipped {{ r.skipped }}.
            </p>
          }
          <div class="row">
            <button type="button" (click)="importing.set(false)" data-testid="import-close">Close</button>
          </div>
        </section>
      </div>
    }
  `,
})
export class RosterManager implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(RosterApi);
  private readonly proctor = inject(ProctorApi);

  protected readonly session = signal<SessionView | null>(null);
  protected readonly participants = signal<ParticipantView[]>([]);
  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly dialogError = signal<DisplayedError | null>(null);
  protected readonly busy = signal(false);
  protected readonly adding = signal(false);
  protected readonly importing = signal(false);
  protected readonly results = signal<UserSearchItem[]>([]);
  protected readonly selected = signal<Selected[]>([]);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly imported = signal<ImportResult | null>(null);
  protected query = '';
  protected sendInvitation = true;
  protected readonly statusLabel = participantStatusLabel;
  protected readonly invitedStatus = ParticipantStatus.Invited;
  private readonly duration = computed(() => this.session()?.durationMinutes ?? null);

  async ngOnInit(): Promise<void> {
    await this.reload();
    this.proctor.getSession(this.id()).then(
      (s) => this.session.set(s),
      () => undefined,
    );
  }

  protected limit(p: ParticipantView): string {
    return describeTimeLimit(
      { timeLimitMinutes: p.timeLimitMinutes ?? null, timeLimitMultiplier: p.timeLimitMultiplier ?? null },
      this.duration(),
    );
  }

  protected invitation(p: ParticipantView): string {
    return describeInvitation({ invitedAt: p.invitedAt ?? null, invitationSentAt: p.invitationSentAt ?? null });
  }

  protected removable(p: ParticipantView): boolean {
    return participantIsRemovable(p.status);
  }

  protected async remove(p: ParticipantView): Promise<void> {
    await this.run(() => this.api.remove(this.id(), p.id), this.error);
    await this.reload();
  }

  protected async resend(p: ParticipantView): Promise<void> {
    await this.run(() => this.api.resendInvitation(this.id(), p.id), this.error);
    await this.reload();
  }

  protected openAdd(): void {
    this.dialogError.set(null);
    this.selected.set([]);
    this.adding.set(true);
    void this.search();
  }

  protected async search(): Promise<void> {
    const page = await this.run(() => this.api.searchUsers(this.query), this.dialogError);
    if (page) this.results.set(page.items);
  }

  protected isSelected(user: UserSearchItem): boolean {
    return this.selected().some((item) => item.user.id === user.id);
  }

  protected toggle(user: UserSearchItem): void {
    this.selected.update((items) =>
      this.isSelected(user)
        ? items.filter((item) => item.user.id !== user.id)
        : [...items, { user, kind: 'none', value: null }],
    );
  }

  protected async submitAdd(): Promise<void> {
    const entries = this.selected().map((item) => ({
      userId: item.user.id,
      ...(item.kind === 'minutes' && item.value !== null ? { timeLimitMinutes: Number(item.value) } : {}),
      ...(item.kind === 'multiplier' && item.value !== null ? { timeLimitMultiplier: Number(item.value) } : {}),
    }));
    const added = await this.run(
      () => this.api.add(this.id(), { entries, sendInvitation: this.sendInvitation }),
      this.dialogError,
    );
    if (added) {
      this.adding.set(false);
      await this.reload();
    }
  }

  protected openImport(): void {
    this.dialogError.set(null);
    this.preview.set(null);
    this.imported.set(null);
    this.importing.set(true);
  }

  protected async download(kind: 'csv' | 'xlsx'): Promise<void> {
    const blob = await this.run(() => this.api.template(kind), this.dialogError);
    if (blob) saveBlob(blob, `invigil-participants.${kind}`);
  }

  protected async upload(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.preview.set(null);
    this.imported.set(null);
    const preview = await this.run(() => this.api.uploadImport(this.id(), file), this.dialogError);
    if (preview) this.preview.set(preview);
  }

  protected async confirmImport(preview: ImportPreview): Promise<void> {
    const result = await this.run(
      () => this.api.commitImport(this.id(), preview.uploadId, this.sendInvitation),
      this.dialogError,
    );
    if (result) {
      this.preview.set(null);
      this.imported.set(result);
      await this.reload();
    }
  }

  private async reload(): Promise<void> {
    const rows = await this.run(() => this.api.list(this.id()), this.error);
    if (rows) this.participants.set(rows);
  }

  private async run<T>(
    work: () => Promise<T>,
    target: ReturnType<typeof signal<DisplayedError | null>>,
  ): Promise<T | null> {
    this.busy.set(true);
    target.set(null);
    try {
      return await work();
    } catch (error) {
      target.set(toDisplayedError(error));
      return null;
    } finally {
      this.busy.set(false);
    }
  }
}
