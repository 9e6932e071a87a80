/**
 * The shared string table. A string item is plain (`<si><t>`) or rich (`<si><r><t>` runs,
 * concatenated); phonetic runs (`<rPh>`) are reading aids, not part of the text.
 */
import { RichTextCollector } from './rich-text';
import { parseXml } from './xml';

export function parseSharedStrings(text: string, part: string): string[] {
  const out: string[] = [];
  const collector = new RichTextCollector();
  parseXml(text, part, {
    open(name) {
      if (name === 'si') collector.start();
      else collector.open(name);
    },
    close(name) {
      if (name === 'si') out.push(collector.finish());
      else collector.close(name);
    },
    text(t) {
      collector.text(t);
    },
  });
  return out;
}
