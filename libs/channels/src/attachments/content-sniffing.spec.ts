import { ContentMismatch, contentDisposition, contentTypeOf } from './content-sniffing';

const bytes = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj\n%%EOF'),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a46494600', 'hex'),
  elf: Buffer.from('7f454c46020101000000000000000000', 'hex'),
  exe: Buffer.from('4d5a90000300000004000000ffff0000', 'hex'),
  zip: Buffer.from('504b03041400000008000000', 'hex'),
  html: Buffer.from('\ufeff  <!DOCTYPE html><html><body onload="steal()">'),
  script: Buffer.from('<script>fetch("/api/tickets")</script>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
  text: Buffer.from('order,amount\n4411,12.50\n'),
};
const sniff = (filename: string, contentType: string, content: Buffer) => {
  try {
    return contentTypeOf({ filename, contentType, bytes: content });
  } catch (error) {
    if (error instanceof ContentMismatch) return `refused: ${error.message}`;
    throw error;
  }
};

describe('contentTypeOf: the bytes must be what the file claims to be', () => {
  it.each([
    ['receipt.pdf', 'application/pdf', bytes.pdf, 'application/pdf'],
    ['photo.png', 'image/png', bytes.png, 'image/png'],
    ['photo.jpg', 'image/jpg', bytes.jpeg, 'image/jpeg'],
    ['export.csv', 'text/csv', bytes.text, 'text/csv'],
    ['logs.zip', 'application/x-zip-compressed', bytes.zip, 'application/zip'],
    // Names that say nothing about the type are no contradiction.
    ['scan.final', 'application/pdf', bytes.pdf, 'application/pdf'],
    // Nothing declared: stored as what the bytes are.
    ['upload', 'application/octet-stream', bytes.png, 'image/png'],
    ['notes', 'application/octet-stream', bytes.text, 'text/plain'],
  ])('accepts %s declared %s, stored as %s', (filename, declared, content, stored) => {
    expect(sniff(filename, declared, content)).toBe(stored);
  });

  it.each([
    ['photo.png', 'image/png', bytes.elf, 'declared image/png but its bytes are application/x-executable'],
    ['invoice.pdf', 'application/pdf', bytes.exe, 'declared application/pdf but its bytes are application/x-msdownload'],
    ['photo.png', 'image/png', bytes.html, 'declared image/png but its bytes are text/html'],
    ['invoice.pdf', 'application/pdf', bytes.script, 'declared application/pdf but its bytes are text/html'],
    ['photo.png', 'image/png', bytes.svg, 'declared image/png but its bytes are image/svg+xml'],
    ['notes.txt', 'text/plain', bytes.html, 'declared text/plain but its bytes are text/html'],
    ['photo.png', 'image/png', bytes.text, 'declared image/png but its bytes are text'],
    ['export.csv', 'text/csv', Buffer.from([0x41, 0x00, 0x42]), 'declared text/csv but its bytes are binary data'],
    // The name contradicts the bytes, whatever the declared type.
    ['setup.exe', 'application/pdf', bytes.pdf, 'named .exe but its bytes are application/pdf'],
    ['photo.png', 'application/octet-stream', bytes.pdf, 'named .png but its bytes are application/pdf'],
  ])('refuses %s declared %s', (filename, declared, content, reason) => {
    expect(sniff(filename, declared, content)).toBe(`refused: is ${reason}`);
  });
});

describe('contentDisposition', () => {
  it('shows raster images inline and makes everything else a download', () => {
    expect(contentDisposition('image/png', 'a b.png')).toBe("inline; filename*=UTF-8''a%20b.png");
    for (const type of ['image/svg+xml', 'text/html', 'application/pdf', 'text/plain']) expect(contentDisposition(type, 'x')).toMatch(/^attachment;/);
  });
});
