const { performance } = require('node:perf_hooks');
const t0 = performance.now(); const m = require('./zm.js'); console.log((performance.now() - t0).toFixed(1), JSON.stringify(m.r.error?.issues?.[0]?.code));
