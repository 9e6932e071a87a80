#!/usr/bin/env node
/**
 * The entry of the bundled `dist/node/cli/poi-check.js` (webpack.cli.config.js). Inside a
 * bundle `require.main === module` of poi-check.ts is never true, so the bundle starts here,
 * through the process entry `runCli` (which also selects Node's zlib).
 */
import { runCli } from './poi-check';

void runCli();
