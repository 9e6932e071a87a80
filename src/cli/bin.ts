#!/usr/bin/env node
/**
 * The entry of the bundled `dist/node/cli/poi-check.js` (webpack.cli.config.js). Inside a
 * bundle `require.main === module` of poi-check.ts is never true, so the bundle starts here,
 * through poi-check.ts's own process entry `runCli` when it has one (it also selects Node's
 * zlib), else through `main` (`await` takes a synchronous status too).
 */
import * as cli from './poi-check';

const entry = cli as unknown as {
  runCli?: () => Promise<void>;
  main(argv: readonly string[]): number | Promise<number>;
};

if (entry.runCli) void entry.runCli();
else {
  void (async () => {
    process.exitCode = await entry.main(process.argv.slice(2));
  })();
}
