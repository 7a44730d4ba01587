import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import type { Volunteer } from '../volunteers/volunteer.entity';
import {
  ImportProgressView,
  ImportRefusal,
  ImportReport,
  ImportRequestDto,
  TemplateQuery,
} from './dto/import.dto';
import { ImportProgress } from './import-progress';
import { templateHeaders } from './import-sheet';
import { ImportsService } from './imports.service';

/** The largest file taken: some 200,000 rows of CSV. */
const MAX_FILE_BYTES = 40 * 1024 * 1024;

interface Upload {
  originalname: string;
  buffer: Buffer;
}

/** Importing earlier years' consultations (or tallies) from CSV or XLSX: dry run, then commit. */
@ApiTags('imports')
@SignedInRoutes()
@Roles('coordinator', 'admin')
@Controller('api/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly progress: ImportProgress,
  ) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiOperation({
    summary: 'Check (mode=dry-run) or import (mode=commit) a CSV or XLSX of earlier years',
    description:
      'A commit adds everything or nothing; rows imported before (same source and row key) are left out.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        hotlineId: { type: 'string' },
        kind: { type: 'string', enum: ['records', 'tallies'] },
        mode: { type: 'string', enum: ['dry-run', 'commit'] },
        source: { type: 'string' },
        progressKey: { type: 'string' },
      },
    },
  })
  @ApiOkResponse({ type: ImportReport })
  @ApiUnprocessableEntityResponse({
    type: ImportRefusal,
    description: 'A commit of a file with problems: nothing added',
  })
  run(
    @SignedIn() actor: Volunteer,
    @UploadedFile() file: Upload | undefined,
    @Body() dto: ImportRequestDto,
  ): Promise<ImportReport> {
    if (!file?.buffer?.length)
      throw new BadRequestException(
        'Send the CSV or XLSX file as the "file" field of a multipart form.',
      );
    const input = {
      hotlineId: dto.hotlineId,
      kind: dto.kind ?? 'records',
      source: dto.source ?? 'import',
      fileName: file.originalname,
      content: file.buffer,
    };
    return dto.mode === 'commit'
      ? this.imports.commit(actor, input, dto.progressKey)
      : this.imports.dryRun(actor, input);
  }

  @Get('template')
  @ApiOperation({ summary: 'An empty CSV with the columns of an import, in Chinese or English' })
  @ApiProduces('text/csv')
  template(@Query() query: TemplateQuery, @Res({ passthrough: true }) response: Response): string {
    const kind = query.kind ?? 'records';
    response.type('text/csv; charset=utf-8');
    response.attachment(`hotline-import-${kind}.csv`);
    // The byte-order mark makes Excel read the Chinese headers as UTF-8.
    return `\uFEFF${templateHeaders(kind, query.language ?? 'zh-CN').join(',')}\r\n`;
  }

  @Get('progress/:key')
  @ApiOperation({ summary: 'How far your commit with this progressKey is' })
  @ApiOkResponse({ type: ImportProgressView })
  progressOf(
    @SignedIn() actor: Volunteer,
    @Param('key', new ParseUUIDPipe()) key: string,
  ): ImportProgressView {
    const progress = this.progress.of(actor.id, key);
    if (!progress) throw new NotFoundException('No import of yours runs with that key.');
    return progress;
  }
}
