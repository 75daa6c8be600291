// `npm run bench`: every benchmark, each against a baseline measured in the same run; prints ratios.
import { runSyncBench } from './sync.js';

const only = process.argv[2];
if (!only || only === 'sync') await runSyncBench();
