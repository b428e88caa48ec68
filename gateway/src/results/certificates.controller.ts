import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, Requests, Role } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';
import { credentialDownload } from './credential-download';

@ApiTags('certificates')
@ApiBearerAuth()
@Roles(Role.Candidate)
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':certificateId/pdf')
  @ApiProduces('application/pdf')
  @ApiReturns.file('the certificate', 'application/pdf')
  async pdf(
    @CurrentUser() user: AccessTokenClaims,
    @Param('certificateId', uuidParam('certificateId')) certificateId: string,
  ): Promise<StreamableFile> {
    const file = await this.rpc.request(Requests.getCertificate, {
      orgId: user.orgId,
      userId: user.sub,
      certificateId,
    });
    return new StreamableFile(Buffer.from(file.base64, 'base64'), {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    });
  }

  /** The Open Badges 3.0 credential of the holder's certificate, signed, as a JSON file. */
  @Get(':certificateId/credential')
  @ApiProduces('application/ld+json')
  @ApiReturns.file('the OpenBadgeCredential', 'application/ld+json')
  async credential(
    @CurrentUser() user: AccessTokenClaims,
    @Param('certificateId', uuidParam('certificateId')) certificateId: string,
  ): Promise<StreamableFile> {
    const file = await this.rpc.request(Requests.getCredential, { orgId: user.orgId, userId: user.sub, certificateId });
    return credentialDownload(file);
  }
}
