import { Tab, TabList } from '@fluentui/react-components';
import { ChartMultipleRegular, DocumentTableRegular } from '@fluentui/react-icons';

export const CHART_TAB = '\u0000gráfico';

export interface SheetTabsProps {
  readonly sheets: readonly string[];
  /** The shown sheet, or CHART_TAB. */
  readonly value: string | null;
  readonly onChange: (value: string) => void;
  /** False until there is an analysis to chart. */
  readonly chart: boolean;
}

/** The workbook's sheets as tabs (like Excel's), plus the semáforo chart. */
export function SheetTabs({ sheets, value, onChange, chart }: SheetTabsProps) {
  return (
    <TabList
      size="small"
      selectedValue={value ?? undefined}
      onTabSelect={(_, d) => onChange(String(d.value))}
      aria-label="Hojas del libro"
      style={{ flexWrap: 'wrap' }}
    >
      {sheets.map((s) => (
        <Tab key={s} value={s} icon={<DocumentTableRegular />}>
          {s}
        </Tab>
      ))}
      {chart && (
        <Tab value={CHART_TAB} icon={<ChartMultipleRegular />}>
          Gráfico
        </Tab>
      )}
    </TabList>
  );
}
