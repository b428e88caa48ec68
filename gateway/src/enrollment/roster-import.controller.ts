import {
  BadRequestException,
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  Header,
  HttpCode,
  Inject,
  Injectable,
  NestInterceptor,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenClaims,
  CommitImportBody,
  IMPORT_MAX_BYTES,
  IMPORT_TEMPLATE_COLUMNS,
  IMPORT_UPLOAD_TTL_SECONDS,
  ImportPreview,
  ImportResult,
  importUploadKey,
  Requests,
} from '@invigil/contracts';
import { REDIS_CONNECTION, RpcClient } from '@invigil/server-platform';
import { Workbook } from 'exceljs';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { catchError, Observable, throwError } from 'rxjs';
import { CurrentUser, Roles, STAFF } from '../auth/current-user';
import { uuidParam } from '../http/uuid-param';
import { ApiReturns } from '../openapi/api-returns';

interface UploadedImportFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const MB = IMPORT_MAX_BYTES / 1024 / 1024;
const EXAMPLES = [
  ['ada@example.com', 'Ada Lovelace', '', ''],
  ['alan@example.com', 'Alan Turing', '90', ''],
  ['grace@example.com', 'Grace Hopper', '', '1.5'],
];

/** Says what the limit is when multer stops reading an upload that is too big. */
@Injectable()
export class UploadTooLargeMessage implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new PayloadTooLargeException(
                  `The file is larger than ${MB} MB; the import takes at most ${MB} MB. Split it into smaller files.`,
                )
              : error,
          ),
        ),
      );
  }
}

/** Bulk import of a session's roster: template → upload (preview) → confirm. */
@ApiTags('enrollment')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller()
export class RosterImportController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
  ) {}

  @Get('enrollment/import-template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="invigil-participants.csv"')
  @ApiReturns.file('the import template', 'text/csv')
  templateCsv(): string {
    return [IMPORT_TEMPLATE_COLUMNS.join(','), ...EXAMPLES.map((row) => row.join(','))].join('\r\n') + '\r\n';
  }

  @Get('enrollment/import-template.xlsx')
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="invigil-participants.xlsx"')
  @ApiReturns.file('the import template', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async templateXlsx(): Promise<StreamableFile> {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('participants');
    sheet.addRow([...IMPORT_TEMPLATE_COLUMNS]);
    for (const row of EXAMPLES)
      sheet.addRow(row.map((cell, index) => (cell === '' ? null : index >= 2 ? Number(cell) : cell)));
    return new StreamableFile(Buffer.from(await workbook.xlsx.writeBuffer()));
  }

  /** Multipart field `file` (.csv or .xlsx, at most 5 MB): stored for an hour, validated, previewed; nothing is added yet. */
  @Post('sessions/:sessionId/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(UploadTooLargeMessage, FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }))
  @ApiReturns.one(200, 'ImportPreview')
  async upload(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @UploadedFile() file: UploadedImportFile | undefined,
  ): Promise<ImportPreview> {
    if (!file)
      throw new BadRequestException('Attach the filled template as the multipart field "file" (.csv or .xlsx).');
    const uploadKey = importUploadKey(randomUUID());
    await this.redis
      .multi()
      .set(uploadKey, file.buffer, 'EX', IMPORT_UPLOAD_TTL_SECONDS)
      .set(`${uploadKey}:name`, file.originalname, 'EX', IMPORT_UPLOAD_TTL_SECONDS)
      .exec();
    return this.rpc.request(
      Requests.previewImport,
      { orgId: user.orgId, actorId: user.sub, sessionId, uploadKey, fileName: file.originalname },
      30_000,
    );
  }

  /** Adds every valid row of the previewed upload in one transaction. */
  @Post('sessions/:sessionId/import/:uploadId/commit')
  @HttpCode(200)
  @ApiBody({ type: CommitImportBody })
  @ApiReturns.one(200, 'ImportResult')
  async commit(
    @CurrentUser() user: AccessTokenClaims,
    @Param('sessionId', uuidParam('sessionId')) sessionId: string,
    @Param('uploadId', uuidParam('uploadId')) uploadId: string,
    @Body() body: CommitImportBody,
  ): Promise<ImportResult> {
    const uploadKey = importUploadKey(uploadId);
    const fileName = await this.redis.get(`${uploadKey}:name`);
    if (fileName === null)
      throw new NotFoundException(
        'The uploaded file is no longer available (uploads are kept for an hour); upload it again.',
      );
    const result = await this.rpc.request(
      Requests.commitImport,
      { orgId: user.orgId, actorId: user.sub, sessionId, uploadKey, fileName, sendInvitation: body.sendInvitation },
      60_000,
    );
    await this.redis.del(`${uploadKey}:name`);
    return result;
  }
}
