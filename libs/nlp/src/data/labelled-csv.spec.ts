import { parseLabelledCsv } from './labelled-csv';

/** The CSV of training-data imports is user input: its header names become object keys. */
describe('parseLabelledCsv with hostile headers', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty'])('keeps a %s column from touching any prototype', (column) => {
    const rows = parseLabelledCsv(`${column},text,label\n"{""polluted"": true}",My parcel is late,shipping\n`, 'upload');
    expect(rows).toEqual([{ text: 'My parcel is late', label: 'shipping' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('names the source and line of an unclosed quote without quoting the text', () => {
    expect(() => parseLabelledCsv('text,label\n"private words,billing\n', 'upload')).toThrow(/^upload: /);
    expect(() => parseLabelledCsv('text,label\n"private words,billing\n', 'upload')).not.toThrow(/private words/);
  });
});

describe('parseLabelledCsv with extra columns', () => {
  it('keeps the named extra columns, trimmed, and refuses a file without them', () => {
    expect(parseLabelledCsv('text,label,language,note\nMi paquete no ha llegado,calm, es ,x\n', 'set', ['language'])).toEqual([{ text: 'Mi paquete no ha llegado', label: 'calm', language: 'es' }]);
    expect(() => parseLabelledCsv('text,label\nhello,calm\n', 'set', ['language'])).toThrow("set: missing column 'language'");
  });
});
