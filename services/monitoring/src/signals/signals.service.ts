import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListSignalsRequest, RecordSignalRequest, SignalView } from '@invigil/contracts';
import { Outbox } from '@invigil/server-platform';
import { lockReportingParticipant } from '../live/reporting-participant';
import { raiseAlert } from './raise-alert';
import { Signal } from './signal.entity';

/** The proctor's list stops here; older signals stay stored and counted. */
export const SIGNAL_LIST_LIMIT = 1000;

@Injectable()
export class SignalsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  async record(request: RecordSignalRequest): Promise<SignalView> {
    return this.outbox.transaction(async (em) => {
      const row = await lockReportingParticipant(em, request);
      const signal = raiseAlert(em, row, {
        kind: request.kind,
        occurredAt: new Date(request.occurredAt),
        receivedAt: new Date(),
        detail: request.detail ?? null,
      });
      return signal.toView();
    });
  }

  /** Newest first (by when monitoring received them). */
  async list(request: ListSignalsRequest): Promise<SignalView[]> {
    const rows = await this.em
      .fork()
      .find(
        Signal,
        { orgId: request.orgId, sessionId: request.sessionId },
        { orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], limit: SIGNAL_LIST_LIMIT },
      );
    return rows.map((row) => row.toView());
  }
}
