// Firefox build: the NewsLens panel is the sidebar (sidebar_action). Copied to ext/ by scripts/package.mjs;
// the Chromium build has its own.

/** Open the panel (the sidebar of the window); call it in a user gesture, before any await. */
export const openPanel = () => browser.sidebarAction.open();
