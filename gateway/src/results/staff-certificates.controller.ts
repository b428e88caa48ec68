import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, Requests } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';
import { credentialDownload } from './credential-download';

/** Staff download any certificate of their organization (the organization comes from the token). */
@ApiTags('certificates')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller('staff/certificates')
export class StaffCertificatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':certificateId/pdf')
  @ApiProduces('application/pdf')
  @ApiReturns.file('the certificate', 'application/pdf')
  async pdf(
    @CurrentUser() user: AccessTokenClaims,
    @Param('certificateId', uuidParam('certificateId')) certificateId: string,
  ): Promise<StreamableFile> {
    const file = await this.rpc.request(Requests.getCertificate, { orgId: user.orgId, certificateId });
    return new StreamableFile(Buffer.from(file.base64, 'base64'), {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    });
  }

  @Get(':certificateId/credential')
  @ApiProduces('application/ld+json')
  @ApiReturns.file('the OpenBadgeCredential', 'application/ld+json')
  async credential(
    @CurrentUser() user: AccessTokenClaims,
    @Param('certificateId', uuidParam('certificateId')) certificateId: string,
  ): Promise<StreamableFile> {
    return credentialDownload(await this.rpc.request(Requests.getCredential, { orgId: user.orgId, certificateId }));
  }
}
