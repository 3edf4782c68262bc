import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import { contentDisposition, MAX_FILES_PER_UPLOAD as MAX_FILES } from '@smartdesk/channels';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { invalidFields } from '../http-setup';
import { AttachmentView } from './dto/attachment.view';
import { TicketAttachments } from './ticket-attachments.service';
import { UploadedFile } from './uploaded-files';

const Id = () => new ParseUUIDPipe({ version: '4' });

@ApiTags('attachments')
@Controller('api')
export class AttachmentsController {
  constructor(private readonly attachments: TicketAttachments) {}

  @Post('tickets/:id/attachments')
  @Auth()
  @UseInterceptors(FilesInterceptor('files', MAX_FILES))
  @ApiOperation({
    summary:
      'Attach files to a ticket, or to one of its messages (messageId). Anyone who may see the ticket may attach; customers only to the ticket or their own messages. Files are never read by triage or an LLM',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['files'],
      properties: {
        files: { type: 'array', items: { type: 'string', format: 'binary' }, maxItems: MAX_FILES },
        messageId: { type: 'string', format: 'uuid', description: 'A message of this ticket the files belong to' },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentView, isArray: true })
  @ApiBadRequestResponse({ description: 'messageId is not a uuid' })
  @ApiNotFoundResponse({ description: 'No such ticket, or not one the caller may see' })
  @ApiPayloadTooLargeResponse({ description: 'A file is larger than ATTACHMENT_MAX_BYTES, or more than 10 files' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A file type not in ATTACHMENT_TYPES, or bytes that contradict the declared type or the file name (e.g. an executable named .png)' })
  @ApiUnprocessableEntityResponse({ description: 'No file, an empty file, or a messageId that is not a message of this ticket the caller may attach to' })
  upload(@Param('id', Id()) id: string, @UploadedFiles() files: UploadedFile[] | undefined, @Body() body: Record<string, unknown> | undefined, @CurrentPrincipal() principal: Principal) {
    const messageId = body?.messageId;
    if (messageId !== undefined && (typeof messageId !== 'string' || !isUUID(messageId))) throw invalidFields([{ field: 'messageId', problems: ['messageId must be a UUID'] }]);
    return this.attachments.upload(principal, id, files ?? [], messageId as string | undefined);
  }

  @Get('tickets/:id/attachments')
  @Auth()
  @ApiOperation({ summary: "A ticket's attachments, oldest first (customers: not those of internal notes)" })
  @ApiOkResponse({ type: AttachmentView, isArray: true })
  @ApiNotFoundResponse({ description: 'No such ticket, or not one the caller may see' })
  list(@Param('id', Id()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.attachments.list(principal, id);
  }

  @Get('attachments/:id')
  @Auth()
  @ApiOperation({ summary: 'Download an attachment: raster images inline, every other type as a download (never rendered as a page)' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, with its content type and name' })
  @ApiNotFoundResponse({ description: 'No such attachment, or on a ticket the caller may not see' })
  async download(@Param('id', Id()) id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const { attachment, bytes } = await this.attachments.download(principal, id);
    res.set({
      'content-type': attachment.contentType,
      'content-disposition': contentDisposition(attachment.contentType, attachment.filename),
      // The stored type is what the bytes were sniffed to be: the browser must not guess another one.
      'x-content-type-options': 'nosniff',
    });
    return new StreamableFile(bytes);
  }
}
