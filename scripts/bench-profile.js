/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and by file, so
 * `docs/bench.md` can say where the time goes. `node scripts/bench-profile.js FILE.cpuprofile [N]`
 */
const { readFileSync } = require('node:fs');

const [file, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
// Sample intervals: timeDeltas[i] is the time before sample i.
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  self.set(id, (self.get(id) ?? 0) + dt);
}
// A webpack bundle (dist/node/cli/poi-check.js) is one file: its `;// ./src/…` markers say
// which source module each line came from.
const modulesOf = new Map();
function sourceModule(url, line) {
  if (!url.endsWith('.js') || !url.includes('dist/')) return null;
  if (!modulesOf.has(url)) {
    const starts = [];
    try {
      readFileSync(url.replace(/^file:\/\//, ''), 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const m = /^(?:;\/\/|\/\/ MODULE:) (\.\.?\/\S+)/.exec(text);
          if (m) starts.push([i, m[1].replace(/^(\.\.?\/)+/, '')]);
        });
    } catch {
      // not readable: group by file
    }
    modulesOf.set(url, starts);
  }
  let found = null;
  for (const [start, name] of modulesOf.get(url)) {
    if (start > line) break;
    found = name;
  }
  return found;
}
const fnTime = new Map();
const fileTime = new Map();
let total = 0;
for (const [id, ms] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const where = cf.url ? cf.url.replace(/^file:\/\//, '').replace(/.*\/(node_modules\/|dist\/|src\/)/, '$1') : '';
  const name = `${cf.functionName || '(anonymous)'} ${where ? `${where}:${cf.lineNumber + 1}` : ''}`.trim();
  fnTime.set(name, (fnTime.get(name) ?? 0) + ms);
  const f = (cf.url && sourceModule(cf.url, cf.lineNumber)) || where || cf.functionName;
  fileTime.set(f, (fileTime.get(f) ?? 0) + ms);
  total += ms;
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${v.toFixed(0).padStart(6)} ms ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
};
console.log(`sampled: ${total.toFixed(0)} ms`);
print('self time by function', fnTime);
print('self time by source file (bundles: by module)', fileTime);
