import { applyDecorators, Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AccessTokenClaims, RecordExportFile, RecordPage, RecordVerification } from '@invigil/contracts';
import { RECORD_PAGE_MAX, RecordExportQuery, RecordKind, RecordQuery, Requests, Role } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { SessionAccess } from '../access/session-access';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

/** The filters and paging of RecordQuery, in the OpenAPI document. */
const RecordQueryDocs = () =>
  applyDecorators(
    ApiQuery({ name: 'kind', required: false, description: 'comma-separated', enum: Object.values(RecordKind) }),
    ApiQuery({ name: 'userId', required: false, description: 'entries about this candidate' }),
    ApiQuery({ name: 'from', required: false, description: 'ISO 8601, inclusive' }),
    ApiQuery({ name: 'to', required: false, description: 'ISO 8601, inclusive' }),
    ApiQuery({ name: 'afterSeq', required: false, type: Number, description: "the previous page's nextCursor" }),
    ApiQuery({ name: 'limit', required: false, type: Number, description: `1 to ${RECORD_PAGE_MAX}, default 100` }),
  );

/**
 * A session's record: staff read, filter, verify and export it; a candidate reads the part about
 * themselves. A session of another organization is a 404 (SessionAccess), never an empty record.
 */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('sessions/:sessionId/record')
export class RecordController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  /** Oldest first; `afterSeq` is the previous page's `nextCursor`. */
  @Get()
  @Roles(...STAFF)
  @RecordQueryDocs()
  @ApiReturns.one(200, 'RecordPage')
  async list(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Query() query: RecordQuery,
  ): Promise<RecordPage> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listRecord, { ...query, orgId: user.orgId, sessionId });
  }

  @Get('verify')
  @Roles(...STAFF)
  @ApiReturns.one(200, 'RecordVerification')
  async verify(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<RecordVerification> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.verifyRecord, { orgId: user.orgId, sessionId });
  }

  @Get('export')
  @Roles(...STAFF)
  @Header('Cache-Control', 'private, no-store')
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'json'], description: 'default json' })
  @ApiReturns.file('the whole record, with every hash', 'text/csv', 'application/json')
  async export(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Query() query: RecordExportQuery,
  ): Promise<StreamableFile> {
    await this.access.assertCanWatch(user, sessionId);
    // The record may exceed one NATS message: monitoring answers in parts whose contents make up the file.
    const parts: Buffer[] = [];
    let afterSeq: number | undefined;
    let file: RecordExportFile;
    do {
      file = await this.rpc.request(Requests.exportRecord, {
        orgId: user.orgId,
        sessionId,
        format: query.format ?? 'json',
        afterSeq,
      });
      parts.push(Buffer.from(file.content, 'utf8'));
      afterSeq = file.nextCursor ?? undefined;
    } while (file.nextCursor !== null);
    return new StreamableFile(Buffer.concat(parts), {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  /** The candidate's own part: entries about them and the session-wide ones (start, pauses, broadcasts). */
  @Get('mine')
  @Roles(Role.Candidate)
  @RecordQueryDocs()
  @ApiReturns.one(200, 'RecordPage')
  async mine(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Query() query: RecordQuery,
  ): Promise<RecordPage> {
    await this.access.assertOnRoster(user, sessionId);
    // Every filter but the candidate one: a candidate's part is fixed to themselves.
    const { kind, from, to, afterSeq, limit } = query;
    return this.rpc.request(Requests.listRecord, {
      kind,
      from,
      to,
      afterSeq,
      limit,
      orgId: user.orgId,
      sessionId,
      candidateId: user.sub,
    });
  }
}
