import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenClaims,
  AssessmentDetailView,
  AssessmentDocument,
  AssessmentView,
  CreateAssessmentBody,
  Requests,
} from '@invigil/contracts';
import { RpcClient } from '@invigil/server-platform';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

/** Authoring: staff only, since the detail and the export carry the answer keys. */
@ApiTags('assessments')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiReturns.list(200, 'AssessmentView')
  list(@CurrentUser() user: AccessTokenClaims): Promise<AssessmentView[]> {
    return this.rpc.request(Requests.listAssessments, { orgId: user.orgId });
  }

  @Post()
  @ApiBody({ type: CreateAssessmentBody })
  @ApiReturns.one(201, 'AssessmentView')
  create(@CurrentUser() user: AccessTokenClaims, @Body() body: CreateAssessmentBody): Promise<AssessmentView> {
    return this.rpc.request(Requests.createAssessment, { orgId: user.orgId, actorId: user.sub, assessment: body });
  }

  /**
   * The body is a document in the format of docs/assessment-format.md. It is not validated here:
   * the sessions service lists every problem by its path inside the document, and writes nothing on error.
   */
  @Post('import')
  @ApiBody({
    description: 'an assessment document (docs/assessment-format.md); the sessions service validates it',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiReturns.one(201, 'AssessmentView')
  import(@CurrentUser() user: AccessTokenClaims, @Body() document: Record<string, unknown>): Promise<AssessmentView> {
    return this.rpc.request(Requests.importAssessment, { orgId: user.orgId, actorId: user.sub, document });
  }

  /** The current version, answer keys included. */
  @Get(':id')
  @ApiReturns.one(200, 'AssessmentDetailView')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam('id')) assessmentId: string,
  ): Promise<AssessmentDetailView> {
    return this.rpc.request(Requests.getAssessment, { orgId: user.orgId, assessmentId });
  }

  /** Adds a new version; sessions already created keep the version they pinned. */
  @Put(':id')
  @ApiBody({ type: CreateAssessmentBody })
  @ApiReturns.one(200, 'AssessmentView')
  update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam('id')) assessmentId: string,
    @Body() body: CreateAssessmentBody,
  ): Promise<AssessmentView> {
    return this.rpc.request(Requests.updateAssessment, {
      orgId: user.orgId,
      actorId: user.sub,
      assessmentId,
      assessment: body,
    });
  }

  @Get(':id/export')
  @ApiReturns.one(200, 'AssessmentDocument')
  export(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam('id')) assessmentId: string,
  ): Promise<AssessmentDocument> {
    return this.rpc.request(Requests.exportAssessment, { orgId: user.orgId, assessmentId });
  }
}
