import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InvitationRedemption, RedeemInvitationRequest, Requests } from '@invigil/contracts';
import { InvitationService } from './invitation.service';

@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationService) {}

  @MessagePattern(Requests.redeemInvitation)
  redeem(@Payload() request: RedeemInvitationRequest): Promise<InvitationRedemption> {
    return this.invitations.redeem(request);
  }
}
