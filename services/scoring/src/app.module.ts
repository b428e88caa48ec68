import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { CertificateIssuingModule } from './certificate-issuing/certificate-issuing.module';
import { CertificatesModule } from './certificates/certificates.module';
import { ScoringEnv } from './config/env';
import { CredentialsModule } from './credentials/credentials.module';
import { scoringEntities } from './entities';
import { scoringMigrations } from './migrations';
import { ReleaseModule } from './release/release.module';
import { ResultsModule } from './results/results.module';
import { ReviewModule } from './review/review.module';

/**
 * The scoring service: the platform and its feature modules. Features depend one way: results
 * awards and shows certificates; review marks what results recorded for a person to mark; credentials signs and checks Open Badges; certificate-issuing reads results and certificates and asks credentials to sign. The env is global so every
 * feature's queues and workers can read it.
 */
@Module({})
export class ScoringModule {
  static forRoot(env: ScoringEnv, options: { startOutboxRelay?: boolean } = {}): DynamicModule {
    return {
      module: ScoringModule,
      global: true,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'scoring',
          env,
          entities: scoringEntities,
          migrations: scoringMigrations,
          startOutboxRelay: options.startOutboxRelay,
        }),
        CertificatesModule,
        CredentialsModule,
        ResultsModule,
        ReviewModule,
        ReleaseModule,
        CertificateIssuingModule,
      ],
      providers: [{ provide: ScoringEnv, useValue: env }],
      exports: [ScoringEnv],
    };
  }
}
