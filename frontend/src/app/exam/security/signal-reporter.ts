import { DestroyRef, inject, Injectable } from '@angular/core';
import { RecordSignalBody, SignalKind } from '@invigil/contracts';
import { isTransientHttpError } from '../../shared/http-error';
import { SecurityApi } from './security-api';
import { SignalQueue } from './signal-queue';

/**
 * Reports suspicious activity of this exam view to the session's monitoring, stamped with the page's
 * own time (the server adds when it arrived). Provided per exam view.
 */
@Injectable()
export class SignalReporter {
  private readonly api = inject(SecurityApi);
  private sessionId: string | null = null;
  private early: RecordSignalBody[] = [];
  private readonly queue = new SignalQueue({
    send: (body) => this.api.recordSignal(this.sessionId ?? '', body),
    isTransient: isTransientHttpError,
  });

  constructor() {
    const retry = () => this.queue.retryNow();
    window.addEventListener('online', retry);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', retry);
      this.queue.dispose();
    });
  }

  /** Signals reported before this are kept and sent once the session is known. */
  start(sessionId: string): void {
    this.sessionId = sessionId;
    for (const body of this.early) this.queue.push(body);
    this.early = [];
  }

  report(kind: SignalKind, detail?: string): void {
    const body: RecordSignalBody = {
      kind,
      occurredAt: new Date().toISOString(),
      ...(detail ? { detail: detail.slice(0, 500) } : {}),
    };
    if (this.sessionId === null) this.early.push(body);
    else this.queue.push(body);
  }
}
