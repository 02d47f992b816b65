// Stap 2 on the stage before the facilitator opens a theme: one line per theme (how many of its
// questions somebody answered, how many contradictions), instead of the fourteen tables at once.
// The facilitator opens a theme from here or with "Volgende thema"; Step2Theme then shows it.
import { Body1, Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { themeContradictions } from '../../domain/contradictions';
import type { Instrument } from '../../domain/instrument';
import type { Participant, Response, Step2Answers, ThemeId } from '../../domain/model';
import { defineMessages, useT } from '../i18n';

const messages = defineMessages({
  nl: {
    heading: 'Stap 2 per thema',
    intro: 'De gespreksleider opent een thema; iedereen ziet dan de antwoorden van dat thema.',
    answered: '{answered} van {total} vragen beantwoord',
    contradictions: '{count} {count|tegenstrijdigheid|tegenstrijdigheden}',
    discussed: 'besproken',
    open: '{id}. {title}',
  },
  en: {
    heading: 'Step 2 by theme',
    intro: 'The facilitator opens a theme; everyone then sees the answers of that theme.',
    answered: '{answered} of {total} questions answered',
    contradictions: '{count} {count|contradiction|contradictions}',
    discussed: 'discussed',
    open: '{id}. {title}',
  },
});

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  open: { fontSize: 'inherit', height: 'auto', textAlign: 'start', paddingLeft: 0 },
  facts: { color: tokens.colorNeutralForeground2 },
});

export interface Step2SummaryProps {
  instrument: Pick<Instrument, 'themes'>;
  /** What the group may see, in join order. */
  responses: readonly (Pick<Response, 'step2'> & { participant: Pick<Participant, 'id'> })[];
  joint: Step2Answers | null;
  discussed: readonly ThemeId[];
  /** The facilitator's client: a theme's title opens it on everyone's stage. */
  onOpen?: ((theme: ThemeId) => void) | undefined;
}

export function Step2Summary({ instrument, responses, joint, discussed, onOpen }: Step2SummaryProps) {
  const t = useT(messages);
  const styles = useStyles();
  const answers = joint ? [joint] : responses.map((r) => r.step2);
  return (
    <section aria-labelledby="step2-summary">
      <Subtitle2 as="h2" id="step2-summary" block>
        {t('heading')}
      </Subtitle2>
      <Body1 block>{t('intro')}</Body1>
      <ul className={styles.list}>
        {instrument.themes.map((theme) => {
          const answered = theme.questions.filter((q) => answers.some((a) => (a.questions[q.id]?.selected.length ?? 0) > 0)).length;
          const found = joint ? 0 : themeContradictions(instrument.themes, theme.id, responses).length;
          const title = t('open', { id: theme.id, title: theme.title });
          const facts = [t('answered', { answered, total: theme.questions.length }), found > 0 ? t('contradictions', { count: found }) : null, discussed.includes(theme.id) ? `✓ ${t('discussed')}` : null].filter(Boolean).join(' · ');
          return (
            <li key={theme.id} className={styles.item}>
              {onOpen ? (
                <Button appearance="transparent" className={styles.open} onClick={() => onOpen(theme.id)}>
                  {title}
                </Button>
              ) : (
                <Body1>{title}</Body1>
              )}
              <Body1 className={styles.facts}>— {facts}</Body1>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
