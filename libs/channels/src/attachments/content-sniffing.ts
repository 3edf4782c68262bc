import { filetypeinfo } from 'magic-bytes.js';

/** What a file's first bytes say it is. */
export interface SniffedContent {
  /** Types whose signature the bytes carry, most specific first; empty when none (plain text, or an unknown format). */
  types: string[];
  /** File name extensions of those types. */
  extensions: string[];
  /** True when the bytes hold a NUL: not text. */
  binary: boolean;
}

/** How many leading bytes are looked at: every signature and markup opening sits well within them. */
const SNIFF_BYTES = 4096;

/**
 * HTML a browser would render. magic-bytes.js knows binary signatures and XML/SVG, not HTML (it has no fixed
 * signature), so its openings are matched here, after white space, as browsers' own sniffing does.
 */
const HTML_OPENING = /^\s*<(!doctype\s+html|html|head|body|script|iframe|object|embed|a\s|img\s|div|table|style|title|meta)[\s>/]/i;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** magic-bytes.js names a few types without a MIME type (Windows executables). */
const MIME_OF_TYPENAME: Record<string, string> = { exe: 'application/x-msdownload' };

export function sniffContent(bytes: Buffer): SniffedContent {
  // A UTF-8 byte order mark says "text" (magic-bytes.js reports it as text/plain) and hides what follows it.
  const start = bytes.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  const head = bytes.subarray(start, start + SNIFF_BYTES);
  const found = filetypeinfo(head)
    .map((info) => ({ mime: info.mime ?? MIME_OF_TYPENAME[info.typename], extension: (info.extension ?? info.typename).replace(/^\./, '').toLowerCase() }))
    .filter((info): info is { mime: string; extension: string } => info.mime !== undefined);
  if (found.length === 0 && HTML_OPENING.test(head.toString('utf8'))) found.push({ mime: 'text/html', extension: 'html' });
  return { types: [...new Set(found.map((info) => info.mime))], extensions: [...new Set(found.map((info) => info.extension))], binary: head.includes(0) };
}

/** Spellings of one type that clients send. */
const TYPE_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-zip-compressed': 'application/zip',
  'application/x-pdf': 'application/pdf',
};
const EXTENSION_ALIASES: Record<string, string> = { jpg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg', tif: 'tiff', htm: 'html' };

/** Extensions that say what a file is (a file named so must be one); other names (.final, .scan) say nothing. */
const TELLING_EXTENSIONS = new Set('png jpeg gif webp bmp tiff avif heic ico pdf zip gz 7z rar docx xlsx pptx odt ods exe dll scr com msi elf jar apk html svg xml mp3 mp4 wav'.split(' '));
/** A type that tells nothing about the content: the sniffed type replaces it. */
const UNDECLARED = new Set(['application/octet-stream', 'binary/octet-stream', '']);
/** Declared types whose files always start with a signature (SVG is text, so it is not one of them). */
const SIGNED = /^(image\/(?!svg)|audio\/|video\/|application\/(pdf|zip|gzip|x-7z-compressed|x-rar-compressed)$)/;
/** Types stored and served as text: their bytes must be text. */
const TEXTUAL = /^(text\/|message\/rfc822$|application\/(json|xml|csv)$)/;

/** A file whose bytes contradict what it claims to be; `reason` says how. */
export class ContentMismatch extends Error {}

const whatBytesAre = (sniffed: SniffedContent) => sniffed.types[0] ?? (sniffed.binary ? 'binary data' : 'text');

/**
 * The type to store for a file: the sniffed type when the bytes carry a signature, the declared one otherwise.
 * Throws ContentMismatch when the bytes contradict the declared type or the name's extension: an executable, HTML
 * or SVG named or declared as an image or a PDF, a PNG declared as text, a file declared as a PDF without one.
 */
export function contentTypeOf(file: { filename: string; contentType: string; bytes: Buffer }): string {
  const declared = normalizeType(file.contentType);
  const sniffed = sniffContent(file.bytes);
  const extension = extensionOf(file.filename);
  if (sniffed.types.length > 0) {
    if (!UNDECLARED.has(declared) && !sniffed.types.includes(declared)) throw new ContentMismatch(`is declared ${declared} but its bytes are ${whatBytesAre(sniffed)}`);
    if (extension && TELLING_EXTENSIONS.has(extension) && !sniffed.extensions.some((known) => (EXTENSION_ALIASES[known] ?? known) === extension)) {
      throw new ContentMismatch(`is named .${extension} but its bytes are ${whatBytesAre(sniffed)}`);
    }
    return UNDECLARED.has(declared) ? sniffed.types[0] : declared;
  }
  if (SIGNED.test(declared)) throw new ContentMismatch(`is declared ${declared} but its bytes are ${whatBytesAre(sniffed)}`);
  if (TEXTUAL.test(declared) && sniffed.binary) throw new ContentMismatch(`is declared ${declared} but its bytes are binary data`);
  return UNDECLARED.has(declared) && !sniffed.binary ? 'text/plain' : declared || 'application/octet-stream';
}

export function normalizeType(contentType: string): string {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return TYPE_ALIASES[type] ?? type;
}

function extensionOf(filename: string): string | undefined {
  const match = /\.([a-z0-9]{1,10})$/i.exec(filename);
  const extension = match?.[1].toLowerCase();
  return extension && (EXTENSION_ALIASES[extension] ?? extension);
}

/** Types a browser may show inline from our origin: raster images, which run no script. */
const SAFE_INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

/** How a stored attachment is served: inline only for a raster image, as a download otherwise. */
export function contentDisposition(contentType: string, filename: string): string {
  return `${SAFE_INLINE.has(contentType) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
