import { AttachmentRejected, checkAttachment, cleanFilename } from './attachment-policy';

const limits = { ATTACHMENT_MAX_BYTES: 1000, ATTACHMENT_TYPES: ['image/*', 'application/pdf'] };
const PDF = Buffer.from('%PDF-1.4\n%%EOF');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const outcomeOf = (file: { filename: string; contentType: string; bytes: Buffer }) => {
  try {
    return checkAttachment(file, limits);
  } catch (error) {
    return (error as AttachmentRejected).status;
  }
};

describe('checkAttachment', () => {
  it.each([
    [{ filename: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(1000 - PDF.length)]) }, 'application/pdf'],
    [{ filename: 'a.png', contentType: 'image/png; name=a.png', bytes: PNG }, 'image/png'],
    [{ filename: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.alloc(1001) }, 413],
    [{ filename: 'a.exe', contentType: 'application/x-msdownload', bytes: Buffer.from('MZ\x90\x00') }, 415],
    [{ filename: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.alloc(0) }, 422],
    [{ filename: '../', contentType: 'application/pdf', bytes: PDF }, 422],
    // The bytes decide: an executable declared as a PDF, a PNG sent as octet-stream (stored as what it is).
    [{ filename: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.from('MZ\x90\x00') }, 415],
    [{ filename: 'a.png', contentType: 'application/octet-stream', bytes: PNG }, 'image/png'],
    [{ filename: 'a.txt', contentType: 'application/octet-stream', bytes: Buffer.from('plain words') }, 415],
  ])('%j → %s', (file, expected) => {
    expect(outcomeOf(file)).toBe(expected);
  });

  it('says what the bytes are when they contradict the declared type', () => {
    expect(() => checkAttachment({ filename: 'photo.png', contentType: 'image/png', bytes: Buffer.from('7f454c4602010100', 'hex') }, limits)).toThrow(
      'photo.png is declared image/png but its bytes are application/x-executable',
    );
  });
});

describe('cleanFilename', () => {
  it('keeps the name only, without control characters or quotes', () => {
    expect(cleanFilename('C:\\Users\\me\\"report"\u0007.pdf')).toBe('report.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
  });
});
