// Chromium build: the NewsLens panel is the side panel (chrome.sidePanel, Chrome 116+). Copied to ext/ by
// scripts/package.mjs; the Firefox build has its own.

/** Open the panel beside `tabId`; call it in a user gesture (a click, a keyboard command), before any await. */
export const openPanel = (tabId) => chrome.sidePanel.open({ tabId });
