import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  Events,
  GetSnapshotRequest,
  ListSnapshotsRequest,
  SnapshotFile,
  SnapshotView,
  StoreSnapshotRequest,
} from '@invigil/contracts';
import { decodeImageDataUrl, isDecodedImage, Outbox, RpcError } from '@invigil/server-platform';
import { randomUUID } from 'node:crypto';
import { lockReportingParticipant } from '../live/reporting-participant';
import { Snapshot } from './snapshot.entity';
import { SNAPSHOT_LIST_LIMIT, SNAPSHOTS_KEPT_PER_PARTICIPANT, snapshotSizeRefusal } from './snapshot-rules';

/** Screen snapshots the exam page sends while the candidate shares the screen. */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  async store(request: StoreSnapshotRequest): Promise<SnapshotView> {
    const image = decodeImageDataUrl(request.image, 'image');
    if (!isDecodedImage(image)) throw RpcError.invalid('The snapshot is not a usable image.', [image.problem]);
    const tooBig = snapshotSizeRefusal(image.bytes.length);
    if (tooBig) throw RpcError.invalid(tooBig, [`image: ${tooBig}`]);
    return this.outbox.transaction(async (em, emit) => {
      const row = await lockReportingParticipant(em, request);
      const snapshot = em.create(Snapshot, {
        id: randomUUID(),
        orgId: row.orgId,
        sessionId: row.sessionId,
        userId: row.userId,
        contentType: image.contentType,
        image: image.bytes,
        bytes: image.bytes.length,
        capturedAt: new Date(request.capturedAt),
        receivedAt: new Date(),
      });
      await em.flush();
      // Retention: the participant's newest snapshots stay, the rest go in the same transaction.
      await em.execute(
        `delete from snapshot where session_id = ? and user_id = ? and id not in (
           select id from snapshot where session_id = ? and user_id = ? order by received_at desc, id desc limit ?)`,
        [row.sessionId, row.userId, row.sessionId, row.userId, SNAPSHOTS_KEPT_PER_PARTICIPANT],
      );
      emit(Events.snapshotStored, {
        orgId: row.orgId,
        sessionId: row.sessionId,
        snapshotId: snapshot.id,
        userId: row.userId,
        capturedAt: snapshot.capturedAt.toISOString(),
      });
      return snapshot.toView();
    });
  }

  /** Metadata only, newest first: one participant's (all kept) or the session's latest. */
  async list(request: ListSnapshotsRequest): Promise<SnapshotView[]> {
    const where = {
      orgId: request.orgId,
      sessionId: request.sessionId,
      ...(request.userId ? { userId: request.userId } : {}),
    };
    const rows = await this.em
      .fork()
      .find(Snapshot, where, { orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], limit: SNAPSHOT_LIST_LIMIT });
    return rows.map((row) => row.toView());
  }

  async get(request: GetSnapshotRequest): Promise<SnapshotFile> {
    const where = {
      id: request.snapshotId,
      orgId: request.orgId,
      ...(request.sessionId ? { sessionId: request.sessionId } : {}),
    };
    const snapshot = await this.em.fork().findOne(Snapshot, where, { populate: ['image'] });
    if (!snapshot)
      throw RpcError.notFound(
        `No snapshot ${request.snapshotId}; only the latest ${SNAPSHOTS_KEPT_PER_PARTICIPANT} of each participant are kept.`,
      );
    return { contentType: snapshot.contentType, base64: snapshot.image.toString('base64') };
  }
}
