import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, Requests, Role, SnapshotView, StoreSnapshotBody } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { imageFile, PRIVATE_IMAGE_HEADERS } from './image-file';
import { SessionAccess } from '../access/session-access';
import { ApiReturns } from '../openapi/api-returns';

const optionalUserId = new ParseUUIDPipe({
  optional: true,
  exceptionFactory: () =>
    new BadRequestException("userId in the query must be a UUID (a participant's user id), or left out for everyone."),
});

/** Screen snapshots: the exam page sends one every few seconds while the screen is shared; proctors look at them. */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('sessions/:sessionId/snapshots')
export class SnapshotsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
  ) {}

  @Post()
  @Roles(Role.Candidate)
  @ApiBody({ type: StoreSnapshotBody })
  @ApiReturns.one(201, 'SnapshotView')
  async store(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: StoreSnapshotBody,
  ): Promise<SnapshotView> {
    await this.access.assertOnRoster(user, sessionId);
    return this.rpc.request(Requests.storeSnapshot, {
      orgId: user.orgId,
      userId: user.sub,
      sessionId,
      image: body.image,
      capturedAt: body.capturedAt,
    });
  }

  /** Metadata, newest first: one participant's (`?userId=`) or the session's latest. */
  @Get()
  @Roles(...STAFF)
  @ApiQuery({ name: 'userId', required: false })
  @ApiReturns.list(200, 'SnapshotView')
  async list(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Query('userId', optionalUserId) userId?: string,
  ): Promise<SnapshotView[]> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listSnapshots, { orgId: user.orgId, sessionId, userId });
  }

  @Get(':snapshotId/image')
  @Roles(...STAFF)
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @Header('Cache-Control', PRIVATE_IMAGE_HEADERS['Cache-Control'])
  @Header('X-Content-Type-Options', PRIVATE_IMAGE_HEADERS['X-Content-Type-Options'])
  @ApiReturns.file('the snapshot', 'image/jpeg', 'image/png', 'image/webp')
  async image(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('snapshotId', uuidParam('snapshotId')) snapshotId: string,
  ): Promise<StreamableFile> {
    await this.access.assertCanWatch(user, sessionId);
    const file = await this.rpc.request(Requests.getSnapshot, { orgId: user.orgId, sessionId, snapshotId });
    return imageFile(file, `snapshot-${snapshotId}`);
  }
}
