/**
 * Offline check of manifest.xml: Microsoft's validator (`npm run validate`) needs its online
 * service, so CI checks here what the add-in relies on: ids, formats, permissions, host,
 * requirement set, every resid defined (and every resource used), icons present at their
 * pixel size, URLs https on one origin and pointing at pages the build produces.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { manifestFor, normaliseBaseUrl } from '../scripts/manifest';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const root: Node = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: Node[] = [root];
  parser.on('opentag', (t) => {
    const n: Node = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(n);
    stack.push(n);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root.children[0];
}

function all(n: Node, pred: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (pred(n)) out.push(n);
  for (const c of n.children) all(c, pred, out);
  return out;
}
const named = (root: Node, name: string): Node[] => all(root, (n) => n.name === name);
const child = (n: Node, name: string): Node | undefined => n.children.find((c) => c.name === name);

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const ROOT = join(__dirname, '..');
const ORIGIN = 'https://localhost:3000';
/** Pages webpack.config.js emits; assets/ is copied as it is. */
const PAGES = ['taskpane.html', 'commands.html', 'index.html', 'web.html'];

describe('manifest.xml', () => {
  const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const app = parse(xml);
  const text = (name: string): string => child(app, name)?.text.trim() ?? '';
  const value = (name: string): string => child(app, name)?.attrs.DefaultValue ?? '';

  it('is a TaskPaneApp for Excel with a fixed GUID and a four-part version', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(text('Version')).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    expect(text('Version')).toBe('1.0.0.0');
    expect(text('ProviderName')).not.toBe('');
    expect(value('DisplayName')).toBe('Semáforo POI');
    expect(value('DisplayName').length).toBeLessThanOrEqual(125);
    expect(value('Description').length).toBeGreaterThan(20);
    expect(value('Description').length).toBeLessThanOrEqual(250);
    expect(text('DefaultLocale')).toMatch(/^es(-[A-Z]{2})?$/);
  });

  it('keeps the elements in the order the schema requires', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(app.children.map((c) => c.name)).toEqual(order);
  });

  it('asks for ReadWriteDocument, the Workbook host and ExcelApi 1.9', () => {
    expect(text('Permissions')).toBe('ReadWriteDocument');
    expect(named(child(app, 'Hosts')!, 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    const sets = named(child(app, 'Requirements')!, 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.9']]);
  });

  it('has a Semáforo POI group on the Home tab with Recalcular (recalcular) and Panel (task pane)', () => {
    const vo = child(app, 'VersionOverrides')!;
    const host = named(vo, 'Host')[0];
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const tab = named(vo, 'OfficeTab')[0];
    expect(tab.attrs.id).toBe('TabHome');
    const groups = named(tab, 'Group');
    expect(groups).toHaveLength(1);
    const controls = named(groups[0], 'Control');
    expect(controls.map((c) => c.attrs['xsi:type'])).toEqual(['Button', 'Button']);
    const [recalcular, panel] = controls;
    expect(child(recalcular, 'Action')!.attrs['xsi:type']).toBe('ExecuteFunction');
    expect(child(child(recalcular, 'Action')!, 'FunctionName')!.text.trim()).toBe('recalcular');
    expect(child(panel, 'Action')!.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(named(vo, 'FunctionFile')[0].attrs.resid).toBe('Commands.Url');
    // The ribbon shows the Spanish labels.
    const strings = new Map(named(vo, 'bt:String').map((s) => [s.attrs.id, s.attrs.DefaultValue]));
    expect(strings.get(child(groups[0], 'Label')!.attrs.resid)).toBe('Semáforo POI');
    expect(strings.get(child(recalcular, 'Label')!.attrs.resid)).toBe('Recalcular');
    expect(strings.get(child(panel, 'Label')!.attrs.resid)).toBe('Panel');
    // Ids are unique across the manifest.
    const ids = all(vo, (n) => n.attrs.id !== undefined && ['Group', 'Control', 'bt:Image', 'bt:Url', 'bt:String'].includes(n.name)).map((n) => `${n.name}:${n.attrs.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('defines every resid it references, with the right kind of resource, and uses every one it defines', () => {
    const vo = child(app, 'VersionOverrides')!;
    const resources = child(vo, 'Resources')!;
    const kinds = new Map<string, string>();
    for (const group of resources.children) for (const r of group.children) kinds.set(r.attrs.id, group.name);
    const refs = all(vo, (n) => n.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(10);
    const expectedKind = (n: Node): string => {
      if (n.name === 'bt:Image') return 'bt:Images';
      if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(n.name)) return 'bt:Urls';
      if (n.name === 'Label' || n.name === 'Title') return 'bt:ShortStrings';
      return 'bt:LongStrings';
    };
    for (const r of refs) expect([r.name, r.attrs.resid, kinds.get(r.attrs.resid)]).toEqual([r.name, r.attrs.resid, expectedKind(r)]);
    // resid values are at most 32 characters.
    for (const r of refs) expect(r.attrs.resid.length).toBeLessThanOrEqual(32);
    const used = new Set(refs.map((r) => r.attrs.resid));
    expect([...kinds.keys()].filter((id) => !used.has(id))).toEqual([]);
    // Short strings fit the 125-character limit; long ones 250.
    for (const s of named(child(resources, 'bt:ShortStrings')!, 'bt:String')) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of named(child(resources, 'bt:LongStrings')!, 'bt:String')) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  it('points every icon at a PNG in assets/ of the stated pixel size', () => {
    const icons: [string, number][] = [
      [value('IconUrl'), 32],
      [value('HighResolutionIconUrl'), 64],
    ];
    const vo = child(app, 'VersionOverrides')!;
    for (const img of named(child(vo, 'Resources')!, 'bt:Image')) {
      const size = Number(/(\d+)x\1$/.exec(img.attrs.id)?.[1]);
      icons.push([img.attrs.DefaultValue, size]);
    }
    // Every <bt:Image size="N" resid> uses an image of that size.
    const bySize = new Map(named(child(vo, 'Resources')!, 'bt:Image').map((i) => [i.attrs.id, i.attrs.DefaultValue]));
    for (const use of all(vo, (n) => n.name === 'bt:Image' && n.attrs.resid !== undefined)) {
      icons.push([bySize.get(use.attrs.resid)!, Number(use.attrs.size)]);
    }
    for (const [url, size] of icons) {
      expect(url.startsWith(`${ORIGIN}/assets/`)).toBe(true);
      const file = join(ROOT, url.slice(ORIGIN.length + 1));
      expect([url, existsSync(file)]).toEqual([url, true]);
      expect([url, pngSize(file)]).toEqual([url, { width: size, height: size }]);
    }
  });

  it('uses https URLs on one origin, each a page the build emits, and lists that origin in AppDomains', () => {
    const urls = all(app, (n) => /^https?:/.test(n.attrs.DefaultValue ?? '')).map((n) => n.attrs.DefaultValue);
    const domains = named(child(app, 'AppDomains')!, 'AppDomain').map((d) => d.text.trim());
    expect(urls.length).toBeGreaterThan(5);
    for (const u of [...urls, ...domains]) {
      expect(u.startsWith('https://')).toBe(true);
      expect(new URL(u).origin).toBe(ORIGIN);
    }
    expect(domains).toEqual([ORIGIN]);
    for (const u of urls) {
      const path = new URL(u).pathname.slice(1);
      expect([u, path.startsWith('assets/') || PAGES.includes(path)]).toEqual([u, true]);
    }
    expect(child(child(app, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
    // The ribbon's Panel opens the same page as the add-in's default.
    const vo = child(app, 'VersionOverrides')!;
    const urlRes = new Map(named(vo, 'bt:Url').map((u) => [u.attrs.id, u.attrs.DefaultValue]));
    const panelSource = named(vo, 'Action').find((a) => a.attrs['xsi:type'] === 'ShowTaskpane')!;
    expect(urlRes.get(child(panelSource, 'SourceLocation')!.attrs.resid)).toBe(`${ORIGIN}/taskpane.html`);
    expect(urlRes.get('Commands.Url')).toBe(`${ORIGIN}/commands.html`);
  });

  it('names a ribbon function the command file associates', () => {
    const commands = readFileSync(join(ROOT, 'src/commands/commands.ts'), 'utf8');
    const fns = named(app, 'FunctionName').map((f) => f.text.trim());
    for (const fn of fns) expect(commands).toContain(`Office.actions.associate('${fn}'`);
    const html = readFileSync(join(ROOT, 'src/commands/commands.html'), 'utf8');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });
});

describe('npm run manifest (scripts/manifest.ts)', () => {
  const template = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

  it('moves every URL under the published base and sets AppDomains to its origin, keeping the Id', () => {
    const xml = manifestFor(template, 'https://poi.example.gob.pe/semaforo');
    const app = parse(xml);
    expect(xml).not.toContain('localhost');
    const urls = all(app, (n) => /^https?:/.test(n.attrs.DefaultValue ?? '')).map((n) => n.attrs.DefaultValue);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith('https://poi.example.gob.pe/semaforo/')).toBe(true);
    expect(named(child(app, 'AppDomains')!, 'AppDomain').map((d) => d.text.trim())).toEqual(['https://poi.example.gob.pe']);
    expect(child(child(app, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe('https://poi.example.gob.pe/semaforo/taskpane.html');
    expect(child(app, 'Id')!.text).toBe(child(parse(template), 'Id')!.text);
    // Same elements as the template, only the URLs differ.
    expect(xml.replace(/https:\/\/poi\.example\.gob\.pe(\/semaforo)?/g, ORIGIN)).toBe(template);
  });

  it('refuses what Excel would not load, in Spanish', () => {
    expect(() => manifestFor(template, 'http://poi.example.gob.pe/')).toThrow('Excel solo carga complementos por https');
    expect(() => manifestFor(template, 'poi.example.gob.pe')).toThrow('no es una dirección válida');
    expect(() => manifestFor(template, 'https://poi.example.gob.pe/?x=1')).toThrow('no puede llevar');
    expect(normaliseBaseUrl('https://poi.example.gob.pe')).toBe('https://poi.example.gob.pe/');
    expect(normaliseBaseUrl('https://poi.example.gob.pe/a/b//')).toBe('https://poi.example.gob.pe/a/b/');
  });

  it('writes dist/manifest.xml from the command line', () => {
    const out = join(ROOT, '.tmp', `manifest-${process.pid}.xml`);
    execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/manifest.ts'), '--base-url', 'https://poi.example.gob.pe/semaforo/', '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(manifestFor(template, 'https://poi.example.gob.pe/semaforo/'));
    rmSync(out);
  });
});
