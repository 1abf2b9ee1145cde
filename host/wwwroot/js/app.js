// Saves a file the server streamed to the page (exports, generated documents).
window.platformDownload = async (fileName, streamReference) => {
  const buffer = await streamReference.arrayBuffer();
  const url = URL.createObjectURL(new Blob([buffer]));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName ?? '';
  link.click();
  URL.revokeObjectURL(url);
};

// "刷新页面" links of the connection and error notices (no inline handlers: the content security policy forbids them)
document.addEventListener('click', event => {
  const link = event.target.closest && event.target.closest('a.reload-link');
  if (link) {
    event.preventDefault();
    location.reload();
  }
});
