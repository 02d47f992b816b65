// The instrument's authors are named wherever the instrument is shown (source: the tool's colophon).
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Instrument } from '../../domain/instrument';

const useStyles = makeStyles({
  footer: {
    marginTop: 'auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
});

export function Attribution({ instrument }: { instrument: Pick<Instrument, 'attribution'> }) {
  const styles = useStyles();
  return (
    <footer className={styles.footer}>
      <Caption1>{instrument.attribution.text}</Caption1>
    </footer>
  );
}
