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
