// NewsLens content script entry. Content scripts cannot be ES modules (in Chromium and Firefox alike), so this
// classic script only imports the real one, content/main.js, from the extension (a web-accessible resource).
(async () => {
  try {
    const { run } = await import(chrome.runtime.getURL('content/main.js'));
    await run();
  } catch (e) {
    // main.js reports its own errors on <html>; this catches a failure to load it at all.
    document.documentElement.dataset.newslensState = 'error';
    document.documentElement.dataset.newslensError = String(e && e.message || e);
  }
})();
