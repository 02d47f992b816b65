// The instrument as the configured surface shows it until the meeting flow is in place: the six
// statements, the scale and the attribution, in the host's language and theme.
import { Body1, Caption1, Title2, Subtitle2 } from '@fluentui/react-components';
import type { Instrument } from '../../domain/instrument';
import { defineMessages, useT } from '../i18n';

const messages = defineMessages({
  nl: { statements: 'Stap 1: de zes stellingen', scale: 'Schaal', source: 'Bron' },
  en: { statements: 'Step 1: the six statements', scale: 'Scale', source: 'Source' },
});

export function InstrumentOverview({ instrument }: { instrument: Instrument }) {
  const t = useT(messages);
  return (
    <main style={{ padding: 16, maxWidth: 880 }}>
      <Title2 as="h1">{instrument.title}</Title2>
      <Body1 as="p">{instrument.subtitle}</Body1>
      <Subtitle2 as="h2">{t('statements')}</Subtitle2>
      <ol style={{ listStyle: 'none', paddingLeft: 0 }}>
        {instrument.themes.map((theme) => (
          <li key={theme.id} style={{ marginBottom: 8 }}>
            <Body1>
              <strong>{theme.id}.</strong> {theme.statement}
            </Body1>
          </li>
        ))}
      </ol>
      <Body1 as="p">
        {t('scale')}: {instrument.step1.scale.map((s) => `${s.value} = ${s.label}`).join(', ')}, {instrument.step1.weetNiet.label}
      </Body1>
      <Caption1 as="p">
        {t('source')}: {instrument.attribution.text}
      </Caption1>
    </main>
  );
}
