import { AttachmentRejected, checkAttachment, cleanFilename } from './attachment-policy';

const limits = { ATTACHMENT_MAX_BYTES: 1000, ATTACHMENT_TYPES: ['image/*', 'application/pdf'] };
const statusOf = (file: { filename: string; contentType: string; size: number }) => {
  try {
    checkAttachment(file, limits);
    return 'accepted';
  } catch (error) {
    return (error as AttachmentRejected).status;
  }
};

describe('checkAttachment', () => {
  it.each([
    [{ filename: 'a.pdf', contentType: 'application/pdf', size: 1000 }, 'accepted'],
    [{ filename: 'a.png', contentType: 'image/png; name=a.png', size: 10 }, 'accepted'],
    [{ filename: 'a.pdf', contentType: 'application/pdf', size: 1001 }, 413],
    [{ filename: 'a.exe', contentType: 'application/x-msdownload', size: 10 }, 415],
    [{ filename: 'a.pdf', contentType: 'application/pdf', size: 0 }, 422],
    [{ filename: '../', contentType: 'application/pdf', size: 10 }, 422],
  ])('%j → %s', (file, expected) => {
    expect(statusOf(file)).toBe(expected);
  });
});

describe('cleanFilename', () => {
  it('keeps the name only, without control characters or quotes', () => {
    expect(cleanFilename('C:\\Users\\me\\"report"\u0007.pdf')).toBe('report.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
  });
});
