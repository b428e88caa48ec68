import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DecideIdentityRequest,
  GetIdentityPhotoRequest,
  IdentityCheckView,
  IdentityPhotoFile,
  ListIdentityChecksRequest,
  Requests,
  SubmitIdentityRequest,
} from '@invigil/contracts';
import { IdentityService } from './identity.service';

@Controller()
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @MessagePattern(Requests.submitIdentity)
  submit(@Payload() request: SubmitIdentityRequest): Promise<IdentityCheckView> {
    return this.identity.submit(request);
  }

  @MessagePattern(Requests.decideIdentity)
  decide(@Payload() request: DecideIdentityRequest): Promise<IdentityCheckView> {
    return this.identity.decide(request);
  }

  @MessagePattern(Requests.listIdentityChecks)
  list(@Payload() request: ListIdentityChecksRequest): Promise<IdentityCheckView[]> {
    return this.identity.list(request);
  }

  @MessagePattern(Requests.getIdentityPhoto)
  photo(@Payload() request: GetIdentityPhotoRequest): Promise<IdentityPhotoFile> {
    return this.identity.photo(request);
  }
}
