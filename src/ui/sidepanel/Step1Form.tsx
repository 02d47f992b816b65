// Stap 1: the six statements, each scored 1–5 or "weet niet", with the scale words on every option
// so nobody has to remember what 2 meant. Only the person's own scores are ever on this screen.
import { Button, Field, Radio, RadioGroup, Subtitle2, Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { Instrument } from '../../domain/instrument';
import { THEME_IDS, WEET_NIET, type Response, type Score } from '../../domain/model';
import { defineMessages, useT } from '../i18n';

const messages = defineMessages({
  nl: { done: 'Klaar met stap 1', doneAt: 'U heeft aangegeven dat u klaar bent met stap 1.', answered: '{count} van 6 stellingen beantwoord', undo: 'Toch nog aanpassen' },
  en: { done: 'Done with step 1', doneAt: 'You said you are done with step 1.', answered: '{count} of 6 statements answered', undo: 'Change after all' },
});

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, margin: 0, padding: 0, listStyleType: 'none' },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function toScore(value: string): Score | null {
  if (value === WEET_NIET) return WEET_NIET;
  const n = Number(value);
  return n === 1 || n === 2 || n === 3 || n === 4 || n === 5 ? n : null;
}

export function Step1Form({
  instrument,
  response,
  editable,
  onChange,
  now,
}: {
  instrument: Instrument;
  response: Response;
  editable: boolean;
  onChange: (change: (r: Response) => Response) => void;
  now: () => Date;
}) {
  const t = useT(messages);
  const styles = useStyles();
  const answered = THEME_IDS.filter((id) => response.scores[id] !== undefined).length;
  const done = response.done.step1 !== undefined;
  return (
    <section className={styles.root} aria-labelledby="step1-title">
      <Subtitle2 as="h2" id="step1-title">
        {instrument.step1.title}
      </Subtitle2>
      <Body1>{instrument.step1.question}</Body1>
      <ol className={styles.list}>
        {instrument.themes.map((theme) => {
          const score = response.scores[theme.id];
          return (
            <li key={theme.id}>
              <Field label={`${theme.id}. ${theme.statement}`}>
                <RadioGroup
                  value={score === undefined ? '' : String(score)}
                  disabled={!editable}
                  onChange={(_, d) => {
                    const next = toScore(d.value);
                    if (next !== null) onChange((r) => ({ ...r, scores: { ...r.scores, [theme.id]: next } }));
                  }}
                >
                  {instrument.step1.scale.map((s) => (
                    <Radio key={s.value} value={String(s.value)} label={`${s.value} – ${s.label}`} />
                  ))}
                  <Radio value={WEET_NIET} label={instrument.step1.weetNiet.label} />
                </RadioGroup>
              </Field>
            </li>
          );
        })}
      </ol>
      <Body1>{t('answered', { count: answered })}</Body1>
      {done ? (
        <>
          <Body1>{t('doneAt')}</Body1>
          {editable ? (
            <Button
              onClick={() =>
                onChange((r) => {
                  const { step1: _dropped, ...rest } = r.done;
                  return { ...r, done: rest };
                })
              }
            >
              {t('undo')}
            </Button>
          ) : null}
        </>
      ) : (
        <Button appearance="primary" disabled={!editable} onClick={() => onChange((r) => ({ ...r, done: { ...r.done, step1: now().toISOString() } }))}>
          {t('done')}
        </Button>
      )}
    </section>
  );
}
