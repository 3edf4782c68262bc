import type { Environment } from '@smartdesk/config';
import { ContentMismatch, contentTypeOf } from './content-sniffing';

/**
 * A refused attachment: 413 too large, 415 a type not accepted or bytes that contradict the declared type or name,
 * 422 a file that is not one (empty, no name).
 */
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
  /** As declared by the client or the mail. */
  contentType: string;
  bytes: Buffer;
}

/** A safe file name to show and to send back in Content-Disposition: no path, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 255);
}

function typeAccepted(type: string, accepted: string[]): boolean {
  return accepted.some((allowed) => (allowed.endsWith('/*') ? type.startsWith(allowed.slice(0, -1)) : type === allowed));
}

/**
 * Throws AttachmentRejected naming the limit the file breaks; returns the type to store: what the bytes are
 * (sniffed), never merely what the client declared.
 */
export function checkAttachment(file: IncomingFile, env: Pick<Environment, 'ATTACHMENT_MAX_BYTES' | 'ATTACHMENT_TYPES'>): string {
  const name = file.filename || 'the file';
  const size = file.bytes.length;
  if (size > env.ATTACHMENT_MAX_BYTES) throw new AttachmentRejected(413, `${name} is ${size} bytes; the limit is ${env.ATTACHMENT_MAX_BYTES} bytes`);
  if (size === 0) throw new AttachmentRejected(422, `${name} is empty`);
  if (!cleanFilename(file.filename)) throw new AttachmentRejected(422, 'the file has no name');
  const type = storedType(file, name);
  if (!typeAccepted(type, env.ATTACHMENT_TYPES)) throw new AttachmentRejected(415, `${name} is of type ${type}; accepted: ${env.ATTACHMENT_TYPES.join(', ')}`);
  return type;
}

function storedType(file: IncomingFile, name: string): string {
  try {
    return contentTypeOf(file);
  } catch (error) {
    if (error instanceof ContentMismatch) throw new AttachmentRejected(415, `${name} ${error.message}`);
    throw error;
  }
}

/** Files per upload request. */
export const MAX_FILES_PER_UPLOAD = 10;

/** multer's limits for uploads: a larger file is not read past the limit, and the request is answered 413. */
export function uploadLimits(env: Pick<Environment, 'ATTACHMENT_MAX_BYTES'>) {
  return { limits: { fileSize: env.ATTACHMENT_MAX_BYTES, files: MAX_FILES_PER_UPLOAD } };
}
