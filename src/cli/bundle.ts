/**
 * What the CLI bundle (dist/node/cli/poi-check-bundle.js) exports to its loader, bin.ts. Not
 * poi-check.ts itself: as a bundle's entry it would start the command on being loaded.
 */
export { runCli } from './poi-check';
