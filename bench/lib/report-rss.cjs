// Preloaded into the export CLI by bench/export.mjs (NODE_OPTIONS="--expose-gc --require …").
// Peak RSS alone mostly measures how lazily V8 collects, so this also samples the live heap:
// every second it forces a full collection and keeps the largest heap left after it. On exit
// both go to stderr, in kilobytes, on a line of their own.
let liveHeapKb = 0;
if (typeof global.gc === 'function') {
  setInterval(() => {
    global.gc();
    liveHeapKb = Math.max(liveHeapKb, Math.round(process.memoryUsage().heapUsed / 1024));
  }, 1000).unref();
}
process.on('exit', () => {
  process.stderr.write(
    `\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS} BENCH_LIVE_HEAP_KB ${liveHeapKb}\n`,
  );
});
