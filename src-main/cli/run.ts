// The `ferry` command's entry point: `npm run build` bundles it into out/cli/ferry.mjs (plain Node, no
// TypeScript runner); in a checkout, ferry.mjs runs it from source.
import { routeConsoleToLog } from './consoleToLog.ts';
import { runCli } from './main.ts';

routeConsoleToLog();
process.exitCode = await runCli(process.argv.slice(2));
