import { exportView } from '../flat/cells';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'export-missing-block',
    severity: 'warning',
    category: 'structure',
    spec: 'flat-export.md §1 (any block may be missing), §2.2–2.3',
    description: 'A la exportación le falta el bloque de seguimiento (F(SE) o Fn(SE)) o todos los de programación (RE, CS, AJ, A), físicos o financieros.',
    rationale:
      'Sin F(SE) todas las AO quedan sin ejecución (S.I. en los meses vencidos); sin fases de programación quedan S.P.: las cifras dicen lo que falta en el archivo, no lo que pasó.',
    example: 'Una exportación con solo los bloques F(A) y Fn(A).',
    messages: {
      noTracking: 'La exportación no tiene el bloque {block} (seguimiento): toda AO queda sin ejecución. Exporte de nuevo desde el Aplicativo con las columnas de seguimiento.',
      noProgramming:
        'La exportación no tiene ningún bloque de programación {measure}(RE), {measure}(CS), {measure}(AJ) ni {measure}(A): toda AO queda sin programación (S.P.). Exporte de nuevo con esas columnas.',
    },
  },
  create: (context) => {
    const view = exportView(context.model, context.grid);
    if (!view) return {};
    return {
      end() {
        const at = { row: view.flat.headerRow, col: view.flat.columns.activityId };
        for (const measure of ['F', 'Fn'] as const) {
          if (!(['RE', 'CS', 'AJ', 'A'] as const).some((p) => view.block(measure, p))) context.flag(at, 'noProgramming', { measure });
          if (!view.block(measure, 'SE')) context.flag(at, 'noTracking', { block: `${measure}(SE)` });
        }
      },
    };
  },
});
