/**
 * Writes a GENERATED flat export («Exporta POI», the real 279-column header) to try poi-check
 * on without a real entity's file: `npx tsx scripts/make-export.ts exportacion.xlsx [AO] [UE]`.
 * Every shape of test/fixtures/flat-export.ts: aggregation types, AO split over UBIGEO rows,
 * blank months, reprogrammed and only-approved AO.
 */
import { writeFileSync } from 'node:fs';
import { flatExport, flatExportXlsx, variedActivities } from '../test/fixtures/flat-export';

const [path = 'exportacion.xlsx', count = '40', ue = '001'] = process.argv.slice(2);
const n = Number(count);
if (!Number.isInteger(n) || n < 1) {
  console.error('Uso: npx tsx scripts/make-export.ts ARCHIVO.xlsx [número de AO] [UE ID]');
  process.exit(2);
}
writeFileSync(path, flatExportXlsx(flatExport({ activities: variedActivities({ seed: n + Number(ue), activities: n, ues: [ue] }) })));
console.log(`${path}: exportación generada con ${n} AO (UE ${ue}).`);
