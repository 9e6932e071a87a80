import { decodeOoxmlString } from './xml';

/**
 * Collects the text of a string item (`<si>` or a cell's `<is>`): every `<t>` outside a
 * phonetic run (`<rPh>`), concatenated, with OOXML `_xHHHH_` escapes decoded.
 */
export class RichTextCollector {
  private parts: string[] = [];
  private inT = false;
  private phoneticDepth = 0;

  start(): void {
    this.parts = [];
    this.inT = false;
    this.phoneticDepth = 0;
  }

  open(name: string): void {
    if (name === 'rPh') this.phoneticDepth++;
    else if (name === 't' && this.phoneticDepth === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phoneticDepth--;
    else if (name === 't') this.inT = false;
  }

  text(t: string): void {
    if (this.inT) this.parts.push(t);
  }

  finish(): string {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    return decodeOoxmlString(s);
  }
}
