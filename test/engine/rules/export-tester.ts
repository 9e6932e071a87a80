/** Runs one rule of the flat export on a generated export, every other rule off. */
import { analyze, RULES, type Observation } from '../../../src/engine';
import type { Rule } from '../../../src/engine/rules/define-rule';
import { flatExport, type BuiltExport, type ExportActivity, type ExportSpec } from '../../fixtures/flat-export';

export function runExportRule(rule: Rule, spec: ExportSpec, options: { fechaCorte?: string; period?: string } = {}): { observations: Observation[]; built: BuiltExport } {
  const built = flatExport(spec);
  const severities = Object.fromEntries(RULES.filter((r) => r !== rule).map((r) => [r.meta.id, 'off' as const]));
  const analysis = analyze(built.grid, { fechaCorte: options.fechaCorte ?? '2025-08-15', period: options.period ?? 'S1', sheet: 'POI', severities });
  return { observations: [...analysis.observations], built };
}

/** A clean AO: RE programmed, SE tracked for the first semester, money in Fn(RE)/Fn(SE). */
export function cleanActivity(over: Partial<ExportActivity> = {}): ExportActivity {
  return {
    code: 'AOI30126400001',
    oei: 'OEI.01',
    aei: 'AEI.01.01',
    physical: { RE: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], SE: [2, 2, 2, 2, 2, 2] },
    financial: { RE: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100], SE: [90, 90, 90, 90, 90, 90] },
    ...over,
  };
}
