import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AccessTokenClaims, AssessmentView, CreateAssessmentBody, Requests } from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';

@ApiTags('assessments')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  list(@CurrentUser() user: AccessTokenClaims): Promise<AssessmentView[]> {
    return this.rpc.request(Requests.listAssessments, { orgId: user.orgId });
  }

  @Post()
  @ApiBody({ type: CreateAssessmentBody })
  create(@CurrentUser() user: AccessTokenClaims, @Body() body: CreateAssessmentBody): Promise<AssessmentView> {
    return this.rpc.request(Requests.createAssessment, { orgId: user.orgId, actorId: user.sub, assessment: body });
  }
}
