import { Module } from '@nestjs/common';
import { ThrottlingModule } from '../throttling/throttling.module';
import { IssuersController } from './issuers.controller';
import { VerificationController } from './verification.controller';
import { VerifyThrottle } from './verify-throttle';

/** Public certificate verification: by code, by uploaded credential, and the issuer documents. */
@Module({
  imports: [ThrottlingModule],
  controllers: [VerificationController, IssuersController],
  providers: [VerifyThrottle],
})
export class VerificationModule {}
