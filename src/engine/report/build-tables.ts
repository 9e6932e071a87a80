import type { Analysis } from '../analysis';
import type { CellValue } from '../grid/cell';
import type { TableCell, Table } from './tables';

const SEVERITY_ES = { error: 'Error', warning: 'Advertencia', info: 'Información' } as const;
const text = (value: CellValue, extra: Partial<TableCell> = {}): TableCell => ({ value, ...extra });
const header = (...labels: string[]): TableCell[] => labels.map((l) => text(l, { bold: true }));

/** The Observaciones sheet: one row per observation, the cell as a link to the report. */
export function observationsTable(analysis: Analysis): Table {
  const rows: TableCell[][] = [header('Regla', 'Severidad', 'Celda', 'Fila', 'Mensaje', 'Esperado', 'Encontrado')];
  for (const o of analysis.observations) {
    rows.push([
      text(o.rule),
      text(SEVERITY_ES[o.severity]),
      text(o.cell, { link: { sheet: o.sheet, cell: o.cell } }),
      text(o.row),
      text(o.message),
      text(o.expected ?? null),
      text(o.found ?? null),
    ]);
  }
  return rows;
}

/** The Resumen sheet: totals, traffic-light table and the AEI table. */
export function summaryTable(analysis: Analysis): Table {
  const rows: TableCell[][] = [
    [text('Semáforo POI: resumen del reporte', { bold: true })],
    [text('Hoja'), text(analysis.sheet)],
    // A real date (Excel's serial, shown dd/mm/yyyy), so it sorts and filters as one.
    [text('Fecha de corte'), text(excelSerial(analysis.fechaCorte), { format: 'dd/mm/yyyy' })],
    ...(analysis.layout === 'exportacion' && analysis.period
      ? [
          [text('Formato'), text('Exportación del Aplicativo CEPLAN')],
          [text('Periodo'), text(`${analysis.period.title}${analysis.period.source === 'fecha-corte' ? ' (elegido por la fecha de corte)' : ''}`)],
        ]
      : []),
    [],
  ];
  const f = analysis.figures;
  const model = analysis.model;
  if (!f || !model) {
    rows.push([text('No se reconoció el formato del reporte POI en esta hoja.')]);
    return rows;
  }
  const t = f.totals;
  const money = '#,##0.00';
  rows.push(
    header('Totales', 'Valor'),
    [text('Promedio de ejecución física (%)'), text(t.physicalAverage, { format: '0.0' })],
    [text('Mediana del AV% del POI'), text(t.physicalMedian, { format: '0.00' })],
    [text('Ejecución física total (promedio de AEI)'), text(t.aeiAverage, { format: '0.0' })],
    [text('Total de programación financiera'), text(t.financialProgrammed, { format: money })],
    [text('Total de ejecución financiera'), text(t.financialExecuted, { format: money })],
    [text('AO con información completa'), text(t.completeActivities)],
    [text('AO con información incompleta'), text(t.incompleteActivities)],
    [],
    header(`Año: ${model.layout.year ?? ''}`.trim(), '< 75%', '75% - 95%', '> 95%'),
    [text('Acciones Estratégicas'), text(f.trafficLight.aei.red), text(f.trafficLight.aei.yellow), text(f.trafficLight.aei.green)],
    [
      text('Actividades Operativas (Ejecución física)'),
      text(f.trafficLight.ao.red),
      text(f.trafficLight.ao.yellow),
      text(f.trafficLight.ao.green),
    ],
    [],
    header('AEI', 'Nombre', 'Ejecución física (%)', 'Ejecución financiera'),
  );
  for (const s of f.strategicActions) {
    rows.push([
      text(s.strategicAction.code),
      text(s.strategicAction.name),
      text(s.physical, { format: '0.0' }),
      text(s.financial, { format: money }),
    ]);
  }
  return rows;
}

/** Days since 1899-12-30 (Excel's 1900 date system) of a `YYYY-MM-DD` date. */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
