import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** A real S3-protocol server (s3rver) on a free loopback port, with one bucket in a temp directory. */
export class S3Server {
  private readonly dir = mkdtempSync(join(tmpdir(), 'smartdesk-s3-'));
  private readonly server: S3rver;
  private client?: S3Client;
  endpoint = '';
  /**
   * s3rver knows one access key id, S3RVER, and refuses any other; it does not verify SigV4 signatures, so the
   * secret is a fresh random one a test can look for in the apps' logs.
   */
  readonly credentials = { accessKeyId: 'S3RVER', secretAccessKey: randomBytes(20).toString('hex') };

  constructor(readonly bucket: string) {
    this.server = new S3rver({ address: '127.0.0.1', port: 0, directory: this.dir, silent: true, configureBuckets: [{ name: bucket }] });
  }

  async start(): Promise<void> {
    const { port } = await this.server.run();
    this.endpoint = `http://127.0.0.1:${port}`;
    this.client = new S3Client({ endpoint: this.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: this.credentials });
  }

  /** The variables that point the apps' attachment store at this server. */
  get vars(): Record<string, string> {
    return {
      ATTACHMENTS_STORE: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_BUCKET: this.bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: this.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: this.credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    };
  }

  /** Keys of the objects under a prefix, read over the S3 protocol. */
  async keys(prefix: string): Promise<string[]> {
    const listed = await this.client!.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix }));
    return (listed.Contents ?? []).map((object) => object.Key as string);
  }

  async stop(): Promise<void> {
    this.client?.destroy();
    await this.server.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
