import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from '../../support/integrationHarness.ts';

/** A self-signed certificate for 127.0.0.1 and localhost (openssl), standing in for a TLS-inspecting company proxy's. */
export async function selfSignedCert(): Promise<{ key: Buffer; cert: Buffer; certFile: string }> {
  const dir = (await tempDir('cert')).dir;
  const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=Company Inspection CA', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  return { key: await readFile(keyFile), cert: await readFile(certFile), certFile };
}
