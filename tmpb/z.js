const { performance } = require('node:perf_hooks');
const which = process.argv[2];
const t0 = performance.now();
require(which);
console.log(which, (performance.now() - t0).toFixed(0));
