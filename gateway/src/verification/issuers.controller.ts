import { BadRequestException, Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { JsonLdDocument, Requests } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { Public } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

const PAGE_MESSAGE = 'page in the URL must be a whole number (as in the credential’s statusListCredential).';

/**
 * The documents a verifier resolves from a credential's ids: the organization's issuer profile,
 * its public key (Multikey) and its revocation status lists. Public and cacheable.
 */
@ApiTags('verification')
@Public()
@Controller('issuers/:orgId')
export class IssuersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiReturns.one(200, 'JsonLdDocument', 'the issuer Profile (also the controller document of its key)')
  profile(@Param('orgId', uuidParam('orgId')) orgId: string): Promise<JsonLdDocument> {
    return this.rpc.request(Requests.getIssuerDocument, { orgId, document: 'profile' });
  }

  @Get('key')
  @ApiReturns.one(200, 'JsonLdDocument', 'the public signing key, a Multikey')
  key(@Param('orgId', uuidParam('orgId')) orgId: string): Promise<JsonLdDocument> {
    return this.rpc.request(Requests.getIssuerDocument, { orgId, document: 'key' });
  }

  @Get('status/:page')
  @ApiReturns.one(200, 'JsonLdDocument', 'a BitstringStatusListCredential (revocation)')
  statusList(
    @Param('orgId', uuidParam('orgId')) orgId: string,
    @Param('page', new ParseIntPipe({ exceptionFactory: () => new BadRequestException(PAGE_MESSAGE) })) page: number,
  ): Promise<JsonLdDocument> {
    return this.rpc.request(Requests.getStatusList, { orgId, page });
  }
}
