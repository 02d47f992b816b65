// A stap-2 contradiction under its question, marked by an orange rule (not by colour of text alone:
// the sentence says "Tegenstrijdig"). The stage's theme view and the review page of the tab use it.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Contradiction } from '../../domain/contradictions';
import type { InstrumentQuestion } from '../../domain/instrument';
import { useLocale } from '../i18n';
import { contradictionText } from './contradictionText';

const useStyles = makeStyles({
  note: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteDarkOrangeBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
  },
});

export function ContradictionNote({ question, contradiction, nameOf }: { question: Pick<InstrumentQuestion, 'options'>; contradiction: Contradiction | null; nameOf: (participantId: string) => string }) {
  const styles = useStyles();
  const locale = useLocale();
  if (!contradiction) return null;
  return <p className={styles.note}>{contradictionText(question, contradiction, nameOf, locale)}</p>;
}
