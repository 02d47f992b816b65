// Stap 2: per theme the questions as checkbox groups. The domain decides what a click means
// (`toggleOption`: "Nee."/"Weet niet." clear the rest and the other way round; `setFreeText` keeps
// free text only for chosen options), so the form never re-decides a rule.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Instrument, InstrumentQuestion } from '../../domain/instrument';
import { LIMITS, type QuestionAnswer, type Response } from '../../domain/model';
import { storedJsonLength } from '../../domain/freeText';
import { capComment, emptyAnswer, setFreeText, toggleOption } from '../../domain/step2';
import { defineMessages, useT } from '../i18n';
import { InspirationList } from './InspirationList';
import { useInspiration } from './useInspiration';

const messages = defineMessages({
  nl: {
    counter: '{count} van {limit} tekens',
    counterStored: '{count} van {limit} tekens (regeleinden, tabs, aanhalingstekens en backslashes tellen dubbel)',
    freeTextLabel: 'Toelichting bij: {option}',
    freeTextRequired: 'Vul hier uw antwoord in, of zet het vinkje uit.',
    freeTextFull: 'U heeft het maximum van {limit} tekens bereikt; meer tekst wordt niet bewaard.',
    done: 'Klaar met stap 2',
    doneAt: 'U heeft aangegeven dat u klaar bent met stap 2.',
    answered: '{count} van {total} vragen beantwoord',
    introToggle: 'Uitleg bij stap 2',
    clearedByExclusive: '{chosen} sluit de andere antwoorden uit. Vinkje weggehaald bij: {options}.',
    clearedExclusive: 'Vinkje weggehaald bij {options}: dat sluit andere antwoorden uit.',
  },
  en: {
    counter: '{count} of {limit} characters',
    counterStored: '{count} of {limit} characters (line breaks, tabs, quotation marks and backslashes count twice)',
    freeTextLabel: 'Explanation for: {option}',
    freeTextRequired: 'Enter your answer here, or untick the option.',
    freeTextFull: 'You reached the maximum of {limit} characters; more text is not kept.',
    done: 'Done with step 2',
    doneAt: 'You said you are done with step 2.',
    answered: '{count} of {total} questions answered',
    introToggle: 'About step 2',
    clearedByExclusive: '{chosen} rules out the other answers. Tick removed from: {options}.',
    clearedExclusive: 'Tick removed from {options}: it rules out other answers.',
  },
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  heading: { marginTop: tokens.spacingVerticalS },
  freeText: { marginLeft: tokens.spacingHorizontalXXL },
  cleared: { color: tokens.colorNeutralForeground2 },
  // The instrument's intro is long; in a 320 px panel it would push the questions below the fold.
  intro: { '& > summary': { cursor: 'pointer', color: tokens.colorBrandForegroundLink, paddingBlock: tokens.spacingVerticalXS } },
});

type Change = (change: (r: Response) => Response) => void;

/**
 * Stap 2's texts are counted as the Stap2Json column stores them (storedJsonLength), so the counter
 * and what SharePoint accepts agree; it says so when that differs from the letters on screen.
 */
function useCounter(): (text: string, limit: number) => { count: number; hint: string } {
  const t = useT(messages);
  return (text, limit) => {
    const count = storedJsonLength(text);
    return { count, hint: t(count === text.length ? 'counter' : 'counterStored', { count, limit }) };
  };
}

function FreeTextInput({ label, value, disabled, onChange }: { label: string; value: string; disabled: boolean; onChange: (text: string) => void }) {
  const t = useT(messages);
  const styles = useStyles();
  const [touched, setTouched] = useState(false);
  const counter = useCounter()(value, LIMITS.optionFreeText);
  const full = counter.count >= LIMITS.optionFreeText;
  const missing = touched && value.trim() === '';
  return (
    <Field
      className={styles.freeText}
      label={label}
      required
      hint={counter.hint}
      validationMessage={missing ? t('freeTextRequired') : full ? t('freeTextFull', { limit: LIMITS.optionFreeText }) : undefined}
      validationState={missing ? 'error' : full ? 'warning' : 'none'}
    >
      <Textarea value={value} disabled={disabled} resize="vertical" onChange={(_, d) => onChange(d.value)} onBlur={() => setTouched(true)} />
    </Field>
  );
}

function Question({ question, answer, editable, onChange }: { question: InstrumentQuestion; answer: QuestionAnswer; editable: boolean; onChange: Change }) {
  const t = useT(messages);
  const styles = useStyles();
  const legendId = `${question.id}-legend`;
  // An exclusive option ("Nee.", "Weet niet.") and the others clear each other: say which ticks went,
  // in a polite live region, instead of clearing them silently.
  const [cleared, setCleared] = useState('');
  const apply = (next: (a: QuestionAnswer) => QuestionAnswer) =>
    onChange((r) => ({ ...r, step2: { ...r.step2, questions: { ...r.step2.questions, [question.id]: next(r.step2.questions[question.id] ?? emptyAnswer()) } } }));
  const toggle = (optionId: string) => {
    const after = toggleOption(question, answer, optionId);
    const gone = question.options.filter((o) => o.id !== optionId && answer.selected.includes(o.id) && !after.selected.includes(o.id));
    const chosen = question.options.find((o) => o.id === optionId);
    const options = gone.map((o) => `‘${o.text}’`).join(', ');
    if (gone.length === 0 || !chosen) setCleared('');
    else setCleared(chosen.exclusive ? t('clearedByExclusive', { chosen: `‘${chosen.text}’`, options }) : t('clearedExclusive', { options }));
    apply((a) => toggleOption(question, a, optionId));
  };
  return (
    <fieldset className={styles.fieldset} aria-labelledby={legendId}>
      <legend id={legendId} className={styles.legend}>
        {question.number}. {question.text}
      </legend>
      {question.options.map((option) => {
        const chosen = answer.selected.includes(option.id);
        return (
          <div key={option.id}>
            {option.headingBefore ? <Caption1 className={styles.heading}>{option.headingBefore}</Caption1> : null}
            <Checkbox label={option.text} checked={chosen} disabled={!editable} onChange={() => toggle(option.id)} />
            {option.freeText && chosen ? (
              <FreeTextInput
                label={t('freeTextLabel', { option: option.text })}
                value={answer.freeText[option.id] ?? ''}
                disabled={!editable}
                onChange={(text) => apply((a) => setFreeText(question, a, option.id, text))}
              />
            ) : null}
          </div>
        );
      })}
      <Caption1 role="status" aria-live="polite" className={styles.cleared}>
        {cleared}
      </Caption1>
    </fieldset>
  );
}

/** `showDone` false: no "Klaar met stap 2" (the joint answer on the stage, src/ui/stage/JointStep2Editor.tsx, is nobody's to finish). */
export function Step2Form({ instrument, response, editable, onChange, now, showDone = true }: { instrument: Instrument; response: Response; editable: boolean; onChange: Change; now: () => Date; showDone?: boolean }) {
  const t = useT(messages);
  const styles = useStyles();
  const counter = useCounter();
  // Fetched when stap 2 shows, so it is there by the time someone opens a theme.
  useInspiration();
  const total = instrument.themes.reduce((n, theme) => n + theme.questions.length, 0);
  const answered = Object.values(response.step2.questions).filter((a) => a.selected.length > 0).length;
  return (
    <section className={styles.root} aria-labelledby="step2-title">
      <Subtitle2 as="h2" id="step2-title">
        {instrument.step2.title}
      </Subtitle2>
      <details className={styles.intro}>
        <summary>{t('introToggle')}</summary>
        <Body1 block>{instrument.step2.intro}</Body1>
      </details>
      <Accordion collapsible multiple>
        {instrument.themes.map((theme) => {
          const comment = response.step2.comments[theme.id] ?? '';
          return (
            <AccordionItem key={theme.id} value={theme.id}>
              <AccordionHeader as="h3">
                {theme.id}. {theme.title}
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <InspirationList themeId={theme.id} themeTitle={theme.title} />
                {theme.questions.map((question) => (
                  <Question key={question.id} question={question} answer={response.step2.questions[question.id] ?? emptyAnswer()} editable={editable} onChange={onChange} />
                ))}
                <Field label={theme.commentLabel} hint={counter(comment, LIMITS.longText).hint}>
                  <Textarea
                    value={comment}
                    disabled={!editable}
                    resize="vertical"
                    onChange={(_, d) => onChange((r) => ({ ...r, step2: { ...r.step2, comments: { ...r.step2.comments, [theme.id]: capComment(d.value) } } }))}
                  />
                </Field>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      <Body1>{t('answered', { count: answered, total })}</Body1>
      {!showDone ? null : response.done.step2 !== undefined ? (
        <Body1>{t('doneAt')}</Body1>
      ) : (
        <Button appearance="primary" disabled={!editable} onClick={() => onChange((r) => ({ ...r, done: { ...r.done, step2: now().toISOString() } }))}>
          {t('done')}
        </Button>
      )}
    </section>
  );
}
