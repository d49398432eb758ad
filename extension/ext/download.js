// Save a text as a file from an extension page: a Blob URL and an <a download> (no "downloads" permission).

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
