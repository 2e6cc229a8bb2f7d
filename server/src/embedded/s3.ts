import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import S3rver from '@20minutes/s3rver';

export interface EmbeddedS3 {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** An S3-compatible server in this process (it checks SigV4 signatures), objects under `dataDir/s3`. */
export async function startEmbeddedS3(dataDir: string, port = 0): Promise<EmbeddedS3> {
  const directory = resolve(dataDir, 's3');
  await mkdir(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, allowMismatchedSignatures: false });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    dataDir: directory,
    stop: () => server.close(),
  };
}
