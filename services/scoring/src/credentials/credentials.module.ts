import { Module } from '@nestjs/common';
import { ScoringEnv } from '../config/env';
import { CredentialChecker } from './credential-checker';
import { CredentialSigner } from './credential-signer';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { IssuerKeys } from './issuer-keys';
import { IssuerUrls } from './issuer-urls';
import { StatusLists } from './status-lists';

/**
 * Open Badges 3.0 credentials: each organization's signing key, the signing of a certificate's
 * credential (offered to the certificate job), the public look-ups by verification code, the issuer
 * documents and status lists the gateway serves, and the check of an uploaded credential.
 */
@Module({
  controllers: [CredentialsController],
  providers: [
    { provide: IssuerUrls, inject: [ScoringEnv], useFactory: (env: ScoringEnv) => new IssuerUrls(env.PUBLIC_URL) },
    IssuerKeys,
    CredentialSigner,
    CredentialsService,
    CredentialChecker,
    StatusLists,
  ],
  exports: [CredentialSigner, IssuerUrls],
})
export class CredentialsModule {}
