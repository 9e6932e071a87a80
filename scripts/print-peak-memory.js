// Preloaded by the bench into the poi-check process: reports its peak memory and CPU time on exit
// (CPU time is what the machine's load disturbs least).
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nPEAK_RSS_KB ${u.maxRSS}\nCPU_US ${u.userCPUTime + u.systemCPUTime}\n`);
});
