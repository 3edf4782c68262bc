import { HttpException } from '@nestjs/common';
import { AttachmentRejected, NewAttachment } from '@smartdesk/channels';

/** A file as multer hands it over (memory storage). */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/** The files of an upload as attachments of a ticket (or one of its messages). */
export function asAttachments(files: UploadedFile[], ticketId: string, ticketMessageId: string | null, uploadedBy: string | null): NewAttachment[] {
  return files.map((file) => ({ ticketId, ticketMessageId, filename: file.originalname, contentType: file.mimetype, bytes: file.buffer, uploadedBy }));
}

/** A refused file as the HTTP answer it stands for (413, 415 or 422, saying which limit); other errors unchanged. */
export function attachmentHttpError(error: unknown): unknown {
  return error instanceof AttachmentRejected ? new HttpException({ statusCode: error.status, error: 'Attachment refused', message: error.message }, error.status) : error;
}
