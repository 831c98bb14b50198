const { performance } = require('node:perf_hooks');
const t0 = performance.now();
require('cdktf');
const t1 = performance.now();
require('./index.js');
const t2 = performance.now();
console.log({ cdktf: (t1-t0).toFixed(0), bundle: (t2-t1).toFixed(0) });
