// The main process's services alone, in their own process, for folders.bench.ts: its peak RSS is
// Ferry's, not the benchmark's. Argument: a JSON config. Prints `{"ready":…}` once credentials are
// warm; then for each stdin line `drop <path>` prints `{"dropAt"}`, `{"addedAt","accepted"}` when add()
// replies, `{"idleAt"}` when the queue is idle. Events for the window are serialised and dropped, as
// IPC would send them away.
import { createInterface } from 'node:readline';
import { createServices } from '../../src-main/app/services.ts';
import { ProfileInputSchema } from '../../src-main/contract/profiles.ts';
import { recordingPorts } from '../../src-main/ports/recordingPorts.ts';

interface DriverConfig {
  home: string;
  env: Record<string, string>;
  endpoint: string;
  stsEndpoint: string;
  roleArn: string;
  bucket: string;
}

const config = JSON.parse(process.argv[2]!) as DriverConfig;
const say = (fields: Record<string, unknown>): void => void process.stdout.write(JSON.stringify(fields) + '\n');
const ports = recordingPorts();
ports.events.emit = (_event, payload) => void JSON.stringify(payload);
const services = await createServices({ home: config.home, ports, appVersion: 'bench', systemLocale: () => 'en', env: config.env });
const saved = await services.accounts.save({
  profile: ProfileInputSchema.parse({ name: 'Bench', endpoint: config.endpoint, stsEndpoint: config.stsEndpoint, region: 'cn-hangzhou', bucket: config.bucket, roleArn: config.roleArn, prefixTemplate: 'bench/', credentialSource: 'env' }),
});
await services.broker.get(saved.id, 'upload');
say({ ready: true });
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, ...rest] = line.split(' ');
  if (command !== 'drop') return;
  say({ dropAt: Date.now() });
  void services.uploads.add([rest.join(' ')], { source: 'drop', collision: 'replace' }).then(async (reply) => {
    say({ addedAt: Date.now(), accepted: reply.accepted });
    await services.uploads.whenIdle();
    const items = await services.uploads.list('en');
    say({ idleAt: Date.now(), failed: items.filter((i) => i.state !== 'done').length });
    await services.uploads.clearFinished();
  });
});
process.stdin.on('end', () => void services.close().then(() => process.exit(0)));
