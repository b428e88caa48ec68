import { DynamicModule, Module } from '@nestjs/common';
import { ServicePlatformModule } from '@invigil/server-platform';
import { CertificateIssuer } from './certificates/certificate-issuer';
import { CertificateQueue } from './certificates/certificate-queue';
import { CertificateWorker } from './certificates/certificate.worker';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificatesService } from './certificates/certificates.service';
import { ScoringEnv } from './config/env';
import { scoringEntities } from './entities';
import { scoringMigrations } from './migrations';
import { AfterCommit } from './orm/after-commit';
import { AttemptScoringHandlers } from './results/attempt-scoring.handlers';
import { ResultsController } from './results/results.controller';
import { ResultsService } from './results/results.service';

@Module({})
export class ScoringModule {
  static forRoot(env: ScoringEnv, options: { startOutboxRelay?: boolean } = {}): DynamicModule {
    return {
      module: ScoringModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'scoring',
          env,
          entities: scoringEntities,
          migrations: scoringMigrations,
          startOutboxRelay: options.startOutboxRelay,
        }),
      ],
      controllers: [ResultsController, CertificatesController],
      providers: [
        { provide: ScoringEnv, useValue: env },
        AfterCommit,
        ResultsService,
        AttemptScoringHandlers,
        CertificatesService,
        CertificateQueue,
        CertificateIssuer,
        CertificateWorker,
      ],
    };
  }
}
