// Save a text as a file from a page: a Blob URL and an <a download> (no "downloads" permission needed in an
// extension page). No extension API here: the www demo page uses it too.

/** Download `{name, type, text}`. */
export function downloadText({ name, type, text }) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
