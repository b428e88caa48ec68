import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CertificateFile, GetCertificateRequest, Requests } from '@invigil/contracts';
import { CertificatesService } from './certificates.service';

@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @MessagePattern(Requests.getCertificate)
  get(@Payload() request: GetCertificateRequest): Promise<CertificateFile> {
    return this.certificates.get(request);
  }
}
