import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddParticipantsRequest,
  GetMyParticipationRequest,
  RemoveParticipantRequest,
  ResendInvitationRequest,
  UpdateTimeLimitRequest,
  JoinWithCodeRequest,
  ListMyParticipationsRequest,
  ListParticipantsRequest,
  ParticipantView,
  Requests,
} from '@invigil/contracts';
import { ParticipationService } from './participation.service';
import { RosterService } from './roster.service';

@Controller()
export class RosterController {
  constructor(
    private readonly roster: RosterService,
    private readonly participation: ParticipationService,
  ) {}

  @MessagePattern(Requests.joinWithCode)
  join(@Payload() request: JoinWithCodeRequest): Promise<ParticipantView> {
    return this.participation.join(request);
  }

  @MessagePattern(Requests.addParticipants)
  add(@Payload() request: AddParticipantsRequest): Promise<ParticipantView[]> {
    return this.roster.add(request);
  }

  @MessagePattern(Requests.removeParticipant)
  remove(@Payload() request: RemoveParticipantRequest): Promise<ParticipantView> {
    return this.roster.remove(request);
  }

  @MessagePattern(Requests.resendInvitation)
  resendInvitation(@Payload() request: ResendInvitationRequest): Promise<ParticipantView> {
    return this.roster.resendInvitation(request);
  }

  @MessagePattern(Requests.updateParticipantTimeLimit)
  updateTimeLimit(@Payload() request: UpdateTimeLimitRequest): Promise<ParticipantView> {
    return this.roster.updateTimeLimit(request);
  }

  @MessagePattern(Requests.listParticipants)
  list(@Payload() request: ListParticipantsRequest): Promise<ParticipantView[]> {
    return this.roster.list(request);
  }

  @MessagePattern(Requests.getMyParticipation)
  getMine(@Payload() request: GetMyParticipationRequest): Promise<ParticipantView> {
    return this.participation.getMine(request);
  }

  @MessagePattern(Requests.listMyParticipations)
  listMine(@Payload() request: ListMyParticipationsRequest): Promise<ParticipantView[]> {
    return this.participation.listMine(request);
  }
}
