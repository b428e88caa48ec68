import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CertificateVerificationView,
  CheckCredentialRequest,
  CredentialCheckView,
  CredentialFile,
  GetCredentialRequest,
  GetIssuerDocumentRequest,
  GetStatusListRequest,
  JsonLdDocument,
  Requests,
  VerifyCertificateCodeRequest,
} from '@invigil/contracts';
import { CredentialChecker } from './credential-checker';
import { CredentialsService } from './credentials.service';
import { StatusLists } from './status-lists';

@Controller()
export class CredentialsController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly checker: CredentialChecker,
    private readonly statusLists: StatusLists,
  ) {}

  @MessagePattern(Requests.verifyCertificateCode)
  verifyCode(@Payload() request: VerifyCertificateCodeRequest): Promise<CertificateVerificationView> {
    return this.credentials.verifyCode(request.code);
  }

  @MessagePattern(Requests.getCredential)
  get(@Payload() request: GetCredentialRequest): Promise<CredentialFile> {
    return this.credentials.credentialFile(request);
  }

  @MessagePattern(Requests.checkCredential)
  check(@Payload() request: CheckCredentialRequest): Promise<CredentialCheckView> {
    return this.checker.check(request.credential);
  }

  @MessagePattern(Requests.getIssuerDocument)
  issuerDocument(@Payload() request: GetIssuerDocumentRequest): Promise<JsonLdDocument> {
    return this.credentials.issuerDocument(request);
  }

  @MessagePattern(Requests.getStatusList)
  statusList(@Payload() request: GetStatusListRequest): Promise<JsonLdDocument> {
    return this.statusLists.statusList(request.orgId, request.page);
  }
}
