export { SpiderChart, LegendSwatch, type ChartParticipant, type SpiderChartProps } from './SpiderChart';
export { ScoreTable, type ScoreTableProps } from './ScoreTable';
export { chartMessages, type ChartMessageKey, type Translate } from './messages';
export { divergenceReasonsText } from './divergenceText';
export { formatNumber, formatChange } from './numberFormat';
export { visuallyHidden } from './visuallyHidden';
