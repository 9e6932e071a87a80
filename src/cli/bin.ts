#!/usr/bin/env node
/**
 * The entry of the bundled `dist/node/cli/poi-check.js` (webpack.cli.config.js). Inside a
 * bundle `require.main === module` of poi-check.ts is never true, so the bundle starts here.
 * (`await` also takes a synchronous main's status.)
 */
import { main } from './poi-check';

void (async () => {
  process.exitCode = await main(process.argv.slice(2));
})();
