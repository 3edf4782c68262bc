/** A stored model: `[u32 header length][header JSON][body]`, so the header can say how to read the body. */
export function packModel<H extends { format: number }>(header: H, ...body: Buffer[]): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([length, json, ...body]);
}

export function unpackModel<H extends { format: number }>(buffer: Buffer, format: number): { header: H; body: Buffer } {
  const headerLength = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as H;
  if (header.format !== format) throw new Error(`unsupported model format ${header.format}`);
  return { header, body: buffer.subarray(4 + headerLength) };
}
