// Entry: initialise the host first (MSAL nested app auth must come after teams-js), then render in
// the host's language and theme, and follow theme changes live.
import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { loadInstrument } from './domain/loadInstrument';
import { createHost, type Host, type HostTheme } from './teams';
import { LocaleProvider, localeFromHost } from './ui/i18n';
import { InstrumentOverview } from './ui/shell/InstrumentOverview';

const themes = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

function Root({ host }: { host: Host }) {
  const [theme, setTheme] = useState<HostTheme>(host.context().theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const locale = localeFromHost(host.context().locale);
  return (
    <LocaleProvider locale={locale}>
      <FluentProvider theme={themes[theme]} style={{ minHeight: '100vh' }}>
        <InstrumentOverview instrument={loadInstrument(locale)} />
      </FluentProvider>
    </LocaleProvider>
  );
}

void createHost().then((host) => {
  document.documentElement.lang = localeFromHost(host.context().locale);
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(<Root host={host} />);
  host.notifySuccess();
});
