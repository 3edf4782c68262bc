import type { Environment } from '@smartdesk/config';

/** A refused attachment: 413 too large, 415 a type not accepted, 422 a file that is not one (empty, no name). */
export class AttachmentRejected extends Error {
  constructor(
    readonly status: 413 | 415 | 422,
    message: string,
  ) {
    super(message);
  }
}

export interface IncomingFile {
  filename: string;
  contentType: string;
  size: number;
}

/** A safe file name to show and to send back in Content-Disposition: no path, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 255);
}

function typeAccepted(contentType: string, accepted: string[]): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return accepted.some((allowed) => (allowed.endsWith('/*') ? type.startsWith(allowed.slice(0, -1)) : type === allowed));
}

/** Throws AttachmentRejected naming the limit the file breaks. */
export function checkAttachment(file: IncomingFile, env: Pick<Environment, 'ATTACHMENT_MAX_BYTES' | 'ATTACHMENT_TYPES'>): void {
  if (file.size > env.ATTACHMENT_MAX_BYTES) throw new AttachmentRejected(413, `${file.filename || 'the file'} is ${file.size} bytes; the limit is ${env.ATTACHMENT_MAX_BYTES} bytes`);
  if (!typeAccepted(file.contentType, env.ATTACHMENT_TYPES)) {
    throw new AttachmentRejected(415, `${file.filename || 'the file'} is of type ${file.contentType}; accepted: ${env.ATTACHMENT_TYPES.join(', ')}`);
  }
  if (file.size === 0) throw new AttachmentRejected(422, `${file.filename || 'the file'} is empty`);
  if (!cleanFilename(file.filename)) throw new AttachmentRejected(422, 'the file has no name');
}

/** Files per upload request. */
export const MAX_FILES_PER_UPLOAD = 10;

/** multer's limits for uploads: a larger file is not read past the limit, and the request is answered 413. */
export function uploadLimits(env: Pick<Environment, 'ATTACHMENT_MAX_BYTES'>) {
  return { limits: { fileSize: env.ATTACHMENT_MAX_BYTES, files: MAX_FILES_PER_UPLOAD } };
}
