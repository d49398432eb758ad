// NewsLens at document_idle (registered with the content script, for the same sites): notes when document_idle
// came, in performance.now() ms on <html> (data-newslens-idle-at). The content script itself starts earlier, at
// document_end (background/service-worker.js says why); the page budget of issue #6 counts from document_idle,
// and the timing (tests, diagnostics) needs that moment. Reads nothing, changes nothing else.
document.documentElement.dataset.newslensIdleAt = String(Math.round(performance.now() * 10) / 10);
