// NewsLens content script entry. Content scripts cannot be ES modules, and importing a module graph from the
// extension at document_idle cost ~90 ms of fetches (one per module), so scripts/package.mjs bundles this
// file and everything it imports into ONE classic script per browser, content/newslens.js, which is what the
// service worker injects. The bundle's wrapper (see package.mjs) takes `newslensT0` (document_end, when the
// script starts) before anything else and evaluates the modules once per page even when injected again.

import { run } from './main.js';

globalThis.newslensRun = (t0) =>
  run({ t0 }).catch((e) => {
    // run() reports its own errors on <html>; this catches a failure before it could.
    document.documentElement.dataset.newslensState = 'error';
    document.documentElement.dataset.newslensError = String((e && e.message) || e);
  });
