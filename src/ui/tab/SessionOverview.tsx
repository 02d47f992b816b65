// Before the meeting: what this session is for and how step 2 will be filled in, plus the six
// statements so participants can prepare. The facilitator may still change the mode until step 2.
import { Button, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { Instrument, Mode, Session } from '../../domain';
import { useLocale, useT } from '../i18n';
import { formatSessionDate } from '../stage/calendarText';
import { tabMessages, type TabMessageKey } from './messages';

const STATE_KEYS: Record<Session['state'], TabMessageKey> = {
  setup: 'stateSetup',
  step1: 'stateStep1',
  revealed: 'stateRevealed',
  step2: 'stateStep2',
  step3: 'stateStep3',
  closed: 'stateClosed',
};

export interface SessionOverviewProps {
  instrument: Pick<Instrument, 'purposes' | 'themes' | 'step1'>;
  session: Session;
  canChangeMode: boolean;
  onChangeMode?: (mode: Mode) => Promise<boolean>;
  showPreparation: boolean;
}

export function SessionOverview({ instrument, session, canChangeMode, onChangeMode, showPreparation }: SessionOverviewProps) {
  const t = useT(tabMessages);
  const locale = useLocale();
  const [mode, setMode] = useState<Mode | null>(null);
  const purpose = instrument.purposes.find((p) => p.id === session.purpose);
  const modeText = (m: Mode) => (m === 'joint' ? t('modeJoint') : t('modeSeparate'));
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{t('overviewTitle')}</h2>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px' }}>
        <dt>{t('municipality')}</dt>
        <dd style={{ margin: 0 }}>{session.municipality}</dd>
        <dt>{t('date')}</dt>
        <dd style={{ margin: 0 }}>{formatSessionDate(session.date, locale)}</dd>
        <dt>{t('purpose')}</dt>
        <dd style={{ margin: 0 }}>
          {purpose ? (
            <>
              <strong>{purpose.label}</strong> — {purpose.description}
            </>
          ) : (
            session.purpose
          )}
        </dd>
        <dt>{t('facilitator')}</dt>
        <dd style={{ margin: 0 }}>{session.facilitatorName}</dd>
        <dt>{t('state')}</dt>
        <dd style={{ margin: 0 }}>{t(STATE_KEYS[session.state])}</dd>
        {!canChangeMode && (
          <>
            <dt>{t('mode')}</dt>
            <dd style={{ margin: 0 }}>{modeText(session.mode)}</dd>
          </>
        )}
      </dl>
      {canChangeMode && onChangeMode && (
        <div>
          <Field label={t('mode')}>
            <RadioGroup layout="horizontal" value={mode ?? session.mode} onChange={(_, d) => setMode(d.value === 'joint' ? 'joint' : 'separate')}>
              <Radio value="separate" label={t('modeSeparate')} />
              <Radio value="joint" label={t('modeJoint')} />
            </RadioGroup>
          </Field>
          <Button disabled={mode === null || mode === session.mode} onClick={() => mode && void onChangeMode(mode).then((ok) => ok && setMode(null))}>
            {t('saveMode')}
          </Button>
        </div>
      )}
      {showPreparation && (
        <>
          <h3>{t('preparationTitle')}</h3>
          <p>{t('preparationIntro')}</p>
          <p>
            <em>{instrument.step1.question}</em>
          </p>
          <ol style={{ listStyle: 'none', paddingLeft: 0 }}>
            {instrument.themes.map((theme) => (
              <li key={theme.id} style={{ marginBottom: 8 }}>
                <strong>
                  {theme.id}. {theme.title}
                </strong>
                <br />
                {theme.statement}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
