// NewsLens content script entry. Content scripts cannot be ES modules (in Chromium and Firefox alike), so this
// classic script only imports the real one, content/main.js, from the extension (a web-accessible resource).
(async () => {
  // document_idle: when the budget's clock starts.
  const t0 = performance.now();
  try {
    const { run } = await import(chrome.runtime.getURL('content/main.js'));
    await run({ t0 });
  } catch (e) {
    // main.js reports its own errors on <html>; this catches a failure to load it at all.
    document.documentElement.dataset.newslensState = 'error';
    document.documentElement.dataset.newslensError = String(e && e.message || e);
  }
})();
