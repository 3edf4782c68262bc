import { parseLabelledCsv } from './labelled-csv';

/** The CSV of training-data imports is user input: its header names become object keys. */
describe('parseLabelledCsv with hostile headers', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty'])('keeps a %s column from touching any prototype', (column) => {
    const rows = parseLabelledCsv(`${column},text,label\n"{""polluted"": true}",My parcel is late,shipping\n`, 'upload');
    expect(rows).toEqual([{ text: 'My parcel is late', label: 'shipping' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('names the source and line of an unclosed quote without quoting the text', () => {
    expect(() => parseLabelledCsv('text,label\n"private words,billing\n', 'upload')).toThrow(/^upload: /);
    expect(() => parseLabelledCsv('text,label\n"private words,billing\n', 'upload')).not.toThrow(/private words/);
  });
});
