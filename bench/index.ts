// `npm run bench [book|sync]`: every benchmark, each against a baseline measured in the same run; prints ratios.
import { runBookBench } from '../electron/book/bench.js';
import { runSyncBench } from './sync.js';

const only = process.argv[2];
if (!only || only === 'book') await runBookBench();
if (!only || only === 'sync') await runSyncBench();
