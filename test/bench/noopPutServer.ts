// The cheapest server an upload can talk to: every request's body is read and dropped, and the reply is
// an empty 200. No signature check, no storage. The upload bench runs it in its own process to show what
// concurrency wins on loopback when the server's work is taken out of the comparison.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, { 'Content-Length': '0', ETag: '"00000000000000000000000000000000"' });
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(address.port);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
