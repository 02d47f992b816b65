export { SpiderChart, LegendSwatch, type ChartParticipant, type SpiderChartProps } from './SpiderChart';
export { ScoreTable, type ScoreTableProps } from './ScoreTable';
export { chartMessages, type ChartMessageKey, type Translate } from './messages';
export { divergenceReasonsText } from './divergenceText';
export { formatNumber, formatChange } from './numberFormat';
export { visuallyHidden } from './visuallyHidden';
export { DisplayControl } from './DisplayControl';
export { displayLabelText, displayedResponses, domainText, useDisplayLabel } from './displayText';
export { DOMAIN_STYLES, domainMeanStyle, domainPersonStyle } from './seriesStyle';
