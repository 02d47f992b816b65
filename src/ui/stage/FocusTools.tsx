// What goes with the statement or theme on the stage: the "besproken" mark and the optional timer.
// The facilitator sets them (their own client only); everyone's stage shows them read-only, as the
// session item holds them (src/domain/stageFocus.ts). The timer reads the app's injected clock each
// second; the clock itself is role="timer" (not announced every second), and "De tijd is om" is said
// once through a polite status region (https://www.w3.org/WAI/WCAG21/Techniques/aria/ARIA22).
import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { mmss, readTimer, type CurrentFocus, type Instrument, type StageTimer, type ThemeId } from '../../domain';
import { useT } from '../i18n';
import { focusMessages } from './focusMessages';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  // A horizontal Field gives its label a third of the field's width: in this row that cut "Minuten" off.
  minutes: { gridTemplateColumns: 'auto auto', columnGap: tokens.spacingHorizontalS },
  mark: {
    // Its own width in the stage's column, not the column's.
    alignSelf: 'flex-start',
    width: 'fit-content',
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
  },
  clock: { fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, minWidth: '5ch' },
  over: { color: tokens.colorPaletteRedForeground1 },
});

export function DiscussedMark({ discussed, onChange }: { discussed: boolean; onChange?: (discussed: boolean) => unknown }) {
  const t = useT(focusMessages);
  const styles = useStyles();
  // Ticked at once while the write runs; then the session item's value again (unticked if the write failed).
  const [pending, setPending] = useState<boolean | null>(null);
  if (!onChange) return <p className={styles.mark}>{discussed ? t('discussedMark') : t('notDiscussed')}</p>;
  return (
    <Checkbox
      size="large"
      checked={pending ?? discussed}
      label={t('markDiscussed')}
      onChange={(_, data) => {
        const next = data.checked === true;
        setPending(next);
        void Promise.resolve(onChange(next)).finally(() => setPending(null));
      }}
    />
  );
}

const TIMER_CHOICES = [1, 2, 3, 5, 10, 15, 20, 30] as const;

export interface StageTimerPanelProps {
  timer: StageTimer | null;
  now: () => Date;
  /** Given only in the facilitator's own client. */
  onStart?: (minutes: number) => unknown;
  onStop?: () => unknown;
}

export function StageTimerPanel({ timer, now, onStart, onStop }: StageTimerPanelProps) {
  const t = useT(focusMessages);
  const styles = useStyles();
  const headingId = useId();
  const [minutes, setMinutes] = useState<number>(5);
  const [, setTick] = useState(0);
  const running = timer !== null && !readTimer(timer, now()).over;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [running, timer]);
  const reading = timer ? readTimer(timer, now()) : null;
  if (!timer && !onStart) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('timerTitle')}</h3>
      <div className={styles.row}>
        {reading ? (
          <span
            role="timer"
            className={reading.over ? `${styles.clock} ${styles.over}` : styles.clock}
            aria-label={t('timerLeftLabel', { minutes: Math.floor(reading.secondsLeft / 60), seconds: reading.secondsLeft % 60 })}
          >
            {mmss(reading.secondsLeft)}
          </span>
        ) : (
          <span>{t('timerNone')}</span>
        )}
        {onStart ? (
          <>
            <Field className={styles.minutes} label={t('timerMinutes')} orientation="horizontal">
              <Select value={String(minutes)} onChange={(_, data) => setMinutes(Number(data.value))}>
                {TIMER_CHOICES.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </Select>
            </Field>
            <Button onClick={() => void onStart(minutes)}>{t('timerStart')}</Button>
            {timer && onStop ? <Button onClick={() => void onStop()}>{t('timerStop')}</Button> : null}
          </>
        ) : null}
      </div>
      {/* Present from the start, so the one change to "De tijd is om" is announced, and only that. */}
      <p role="status" aria-live="polite">
        {reading?.over ? t('timerOver') : ''}
      </p>
    </section>
  );
}

/**
 * Stap 2 and 3: which theme the facilitator put on the stage, its "besproken" mark and timer, above
 * the step's views (which take the same theme as `focusTheme`, src/ui/stage/StagePage.tsx).
 */
export function ThemeFocusBanner({
  instrument,
  theme,
  focus,
  now,
  onDiscussed,
  onStartTimer,
  onStopTimer,
}: {
  instrument: Pick<Instrument, 'themes'>;
  theme: ThemeId;
  focus: CurrentFocus;
  now: () => Date;
  onDiscussed?: (discussed: boolean) => unknown;
  onStartTimer?: (minutes: number) => unknown;
  onStopTimer?: () => unknown;
}) {
  const t = useT(focusMessages);
  const headingId = useId();
  const title = instrument.themes.find((th) => th.id === theme)?.title ?? '';
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('themeOf', { theme })}: {title}
      </h2>
      <DiscussedMark discussed={focus.discussed.includes(theme)} onChange={onDiscussed} />
      <StageTimerPanel timer={focus.timer} now={now} onStart={onStartTimer} onStop={onStopTimer} />
    </section>
  );
}
