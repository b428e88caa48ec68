import { Body, Controller, Get, HttpCode, Ip, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { CertificateVerificationView, CheckCredentialRequest, CredentialCheckView, Requests } from '@invigil/contracts';
import { normalizeVerificationCode } from '@invigil/domain';
import { RpcClient } from '@invigil/server-platform';
import { Public } from '../auth/current-user';
import { ApiReturns } from '../openapi/api-returns';
import { VerifyThrottle } from './verify-throttle';

/** Anyone may check a certificate, by its code or by its Open Badges credential; no sign-in. */
@ApiTags('verification')
@Public()
@Controller('verify')
export class VerificationController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly throttle: VerifyThrottle,
  ) {}

  @Post('credential')
  @HttpCode(200)
  @ApiBody({ type: CheckCredentialRequest })
  @ApiReturns.one(200, 'CredentialCheckView')
  check(@Body() body: CheckCredentialRequest, @Ip() address: string): Promise<CredentialCheckView> {
    return this.throttle.attempt(address, () =>
      this.rpc.request(Requests.checkCredential, { credential: body.credential }),
    );
  }

  @Get(':code')
  @ApiReturns.one(200, 'CertificateVerificationView')
  verify(@Param('code') input: string, @Ip() address: string): Promise<CertificateVerificationView> {
    return this.throttle.attempt(address, () => {
      const code = normalizeVerificationCode(input);
      if (!code) {
        throw new NotFoundException(
          'No certificate has this verification code: a code is 12 letters and digits, as printed under the QR code.',
        );
      }
      return this.rpc.request(Requests.verifyCertificateCode, { code });
    });
  }
}
