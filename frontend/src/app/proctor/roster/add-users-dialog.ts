import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AddParticipantsBody, UserSearchItem } from '@invigil/contracts';
import { FormError } from '../../shared/form-error';
import { DisplayedError } from '../../shared/http-error';
import { RosterApi } from './roster-api';
import { runRosterRequest } from './roster-request';

type LimitKind = 'none' | 'minutes' | 'multiplier';

/** One picked user and the individual time limit typed for them. */
export interface SelectedUser {
  user: UserSearchItem;
  kind: LimitKind;
  value: number | null;
}

/** The request entries for the picked users: a limit is sent only when its kind is chosen and a value typed. */
export function toAddEntries(selected: SelectedUser[]): AddParticipantsBody['entries'] {
  return selected.map((item) => ({
    userId: item.user.id,
    ...(item.kind === 'minutes' && item.value !== null ? { timeLimitMinutes: Number(item.value) } : {}),
    ...(item.kind === 'multiplier' && item.value !== null ? { timeLimitMultiplier: Number(item.value) } : {}),
  }));
}

/** The Add Users dialog: search the organization's users, pick some, give individual limits, invite or not. */
@Component({
  selector: 'app-add-users-dialog',
  imports: [FormsModule, FormError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './add-users-dialog.html',
})
export class AddUsersDialog implements OnInit {
  private readonly api = inject(RosterApi);

  readonly sessionId = input.required<string>();
  /** The users were added: the roster should reload; the dialog is done. */
  readonly added = output<void>();
  readonly closed = output<void>();

  protected readonly error = signal<DisplayedError | null>(null);
  protected readonly busy = signal(false);
  protected readonly results = signal<UserSearchItem[]>([]);
  protected readonly selected = signal<SelectedUser[]>([]);
  protected query = '';
  protected sendInvitation = true;

  ngOnInit(): void {
    void this.search();
  }

  protected async search(): Promise<void> {
    const page = await runRosterRequest(() => this.api.searchUsers(this.query), this.error, this.busy);
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

  protected async submit(): Promise<void> {
    const body = { entries: toAddEntries(this.selected()), sendInvitation: this.sendInvitation };
    const added = await runRosterRequest(() => this.api.add(this.sessionId(), body), this.error, this.busy);
    if (added) this.added.emit();
  }
}
