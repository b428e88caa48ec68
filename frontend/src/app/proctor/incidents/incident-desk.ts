import { Injectable, signal } from '@angular/core';

/** Whom the "File incident" dialog is about: a candidate, or (userId null) the whole session. */
export interface IncidentTarget {
  sessionId: string;
  userId: string | null;
  name: string | null;
}

/**
 * Opens the one incident dialog of the session page from anywhere on it (the session's button, a
 * candidate's row), and tells the incidents list when one was filed.
 */
@Injectable({ providedIn: 'root' })
export class IncidentDesk {
  readonly target = signal<IncidentTarget | null>(null);
  /** Bumped after each filing, so the list reloads. */
  readonly filedCount = signal(0);

  open(target: IncidentTarget): void {
    this.target.set(target);
  }

  close(): void {
    this.target.set(null);
  }

  filed(): void {
    this.filedCount.update((count) => count + 1);
    this.close();
  }
}
