/**
 * jsdom lacks TextEncoder/TextDecoder (used by the .xlsx host) and Blob.arrayBuffer (used by the page);
 * browsers and Node have them.
 * Import this first in jsdom test files that load the host.
 */
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextDecoder, TextEncoder });

// jsdom's Blob has no arrayBuffer() (every current browser has); read it with FileReader.
if (typeof Blob !== 'undefined' && typeof Blob.prototype.arrayBuffer !== 'function') {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}
