// Preloaded by the bench into the poi-check process: reports its peak memory on exit.
process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`));
