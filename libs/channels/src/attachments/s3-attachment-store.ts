import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Environment } from '@smartdesk/config';
import { AttachmentStore } from './attachment-store';

export type S3Settings = Pick<Environment, 'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>;

/**
 * One object per key in S3_BUCKET, on AWS S3 or any S3-compatible store (MinIO, Ceph, R2, ...: S3_ENDPOINT).
 * An object appears whole or not at all (S3 has no partial writes), so no temporary name is needed.
 */
export class S3AttachmentStore extends AttachmentStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    super();
    this.bucket = settings.S3_BUCKET as string;
    this.client = new S3Client({
      region: settings.S3_REGION,
      endpoint: settings.S3_ENDPOINT,
      forcePathStyle: settings.S3_FORCE_PATH_STYLE,
      // Without keys the SDK's own chain applies (instance role, web identity, AWS_* variables).
      credentials: settings.S3_ACCESS_KEY_ID ? { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY as string } : undefined,
      // Checksums only where S3 requires them: several S3-compatible servers refuse the SDK's newer default ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
  }

  async read(key: string): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!object.Body) throw new Error(`attachment ${key}: the store answered without a body`);
    return Buffer.from(await object.Body.transformToByteArray());
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      // HEAD answers carry no body: the SDK can only name the status (NotFound, Forbidden, ...).
      throw new Error(`bucket ${this.bucket}: ${(error as Error).name} (HTTP ${(error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 'none'})`);
    }
  }
}
