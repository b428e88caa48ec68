import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenClaims,
  DecideIdentityBody,
  IdentityCheckView,
  Requests,
  Role,
  SubmitIdentityBody,
} from '@invigil/contracts';
import { NATS_CONNECTION, RpcClient } from '@invigil/server-platform';
import type { NatsConnection } from 'nats';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { imageFile, PRIVATE_IMAGE_HEADERS } from './image-file';
import { SessionAccess } from '../access/session-access';
import { ApiReturns } from '../openapi/api-returns';

/** Room left in one NATS message for the request's ids and framing around the two photos. */
const ENVELOPE_ALLOWANCE = 4 * 1024;
const megabytes = (characters: number) => (characters / 1_000_000).toFixed(1);

/** Identity verification: the candidate sends a webcam photo and a photo of an ID; a proctor approves or rejects. */
@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('sessions/:sessionId/identity')
export class IdentityController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: SessionAccess,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  @Post()
  @Roles(Role.Candidate)
  @ApiBody({ type: SubmitIdentityBody })
  @ApiReturns.one(201, 'IdentityCheckView')
  async submit(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Body() body: SubmitIdentityBody,
  ): Promise<IdentityCheckView> {
    this.assertFitsOneMessage(body);
    await this.access.assertOnRoster(user, sessionId);
    return this.rpc.request(Requests.submitIdentity, {
      orgId: user.orgId,
      userId: user.sub,
      sessionId,
      facePhoto: body.facePhoto,
      idPhoto: body.idPhoto,
    });
  }

  @Get('mine')
  @Roles(Role.Candidate)
  @ApiReturns.one(200, 'IdentityCheckView')
  async mine(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<IdentityCheckView> {
    await this.access.assertOnRoster(user, sessionId);
    const [check] = await this.rpc.request(Requests.listIdentityChecks, {
      orgId: user.orgId,
      sessionId,
      userId: user.sub,
    });
    if (!check)
      throw new NotFoundException('You are not enrolled in this session. Join it with its enrollment code first.');
    return check;
  }

  /** Every participant with their status (`missing` for those who have not sent photos yet). */
  @Get()
  @Roles(...STAFF)
  @ApiReturns.list(200, 'IdentityCheckView')
  async list(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
  ): Promise<IdentityCheckView[]> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.listIdentityChecks, { orgId: user.orgId, sessionId });
  }

  @Get(':userId/photos/:photo')
  @Roles(...STAFF)
  @ApiParam({ name: 'photo', enum: ['face', 'id'] })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @Header('Cache-Control', PRIVATE_IMAGE_HEADERS['Cache-Control'])
  @Header('X-Content-Type-Options', PRIVATE_IMAGE_HEADERS['X-Content-Type-Options'])
  @ApiReturns.file('the photo', 'image/jpeg', 'image/png', 'image/webp')
  async photo(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Param('photo') photo: string,
  ): Promise<StreamableFile> {
    if (photo !== 'face' && photo !== 'id') throw new BadRequestException("photo in the URL must be 'face' or 'id'.");
    await this.access.assertCanWatch(user, sessionId);
    const file = await this.rpc.request(Requests.getIdentityPhoto, { orgId: user.orgId, sessionId, userId, photo });
    return imageFile(file, `${photo}-${userId}`);
  }

  /** The deciding proctor or admin is the signed-in user; a rejection needs a reason the candidate reads. */
  @Post(':userId/decision')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiBody({ type: DecideIdentityBody })
  @ApiReturns.one(200, 'IdentityCheckView')
  async decide(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: DecideIdentityBody,
  ): Promise<IdentityCheckView> {
    await this.access.assertCanWatch(user, sessionId);
    return this.rpc.request(Requests.decideIdentity, {
      orgId: user.orgId,
      actorId: user.sub,
      sessionId,
      userId,
      approved: body.approved,
      reason: body.reason,
    });
  }

  /**
   * Both photos travel to the enrollment service in one NATS message, which the server caps
   * (max_payload, 1 MB by default): a larger pair is refused here, clearly, instead of failing there.
   */
  private assertFitsOneMessage(body: SubmitIdentityBody): void {
    const budget = (this.nats.info?.max_payload ?? 1024 * 1024) - ENVELOPE_ALLOWANCE;
    const total = body.facePhoto.length + body.idPhoto.length;
    if (total > budget) {
      throw new PayloadTooLargeException(
        `The two photos together are ${megabytes(total)} MB; at most ${megabytes(budget)} MB can be sent. Take them again at a lower resolution (about 1280 pixels wide is plenty).`,
      );
    }
  }
}
