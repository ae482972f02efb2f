// Bytes a worker thread can read without a copy: a Buffer over a SharedArrayBuffer crosses to a
// worker as a reference, where an ordinary Buffer is serialised and copied on the sending thread
// (for a 75 MB upload that copy held the server's thread for most of a second, measured under
// load). One plain copy here, when the bytes are not shared already.
export function sharedBytes(data: Uint8Array): Buffer {
  if (data.buffer instanceof SharedArrayBuffer) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const shared = Buffer.from(new SharedArrayBuffer(data.byteLength));
  shared.set(data);
  return shared;
}

/** A zero-filled Buffer over a new SharedArrayBuffer, to fill and then hand to workers. */
export function allocShared(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size));
}
