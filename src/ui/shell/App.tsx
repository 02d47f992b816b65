// The shell: theme and language follow the host, and the frame context picks the surface.
import { FluentProvider, makeStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { BootResult } from '../../app/bootstrap';
import type { Host, HostTheme } from '../../teams';
import { Attribution } from '../common/Attribution';
import { ErrorScreen } from '../common/ErrorScreen';
import { Loading } from '../common/Loading';
import { defineMessages, LocaleProvider, useT } from '../i18n';
import { AppServicesProvider, SessionProvider, useAppServices, type AppServices } from '../session';
import { SURFACE_PAGES } from './surfaces';

const themes = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const messages = defineMessages({
  nl: { loading: 'Laden…', removing: 'Als u de app verwijdert, blijven de sessies en antwoorden bewaard in SharePoint.' },
  en: { loading: 'Loading…', removing: 'Removing the app keeps the sessions and answers in SharePoint.' },
});

const useStyles = makeStyles({
  frame: { minHeight: '100vh', display: 'flex', flexDirection: 'column', boxSizing: 'border-box' },
  main: { flexGrow: 1, minWidth: 0 },
});

function useHostTheme(host: Host | null): HostTheme {
  const [theme, setTheme] = useState<HostTheme>(host?.context().theme ?? 'light');
  useEffect(() => (host ? host.onThemeChange(setTheme) : undefined), [host]);
  return theme;
}

/**
 * The frame's page. `loaded` is the page start-up already has (rendered directly, no Suspense round);
 * otherwise the lazy page. The session provider sits outside the Suspense boundary, so its first read
 * never waits for the page's chunk.
 */
function Surface({ loaded }: { loaded: ComponentType | null }) {
  const { host } = useAppServices();
  const t = useT(messages);
  const surface = host.context().surface;
  if (surface === 'remove') return <p style={{ padding: 16 }}>{t('removing')}</p>;
  const Page = loaded ?? SURFACE_PAGES[surface];
  const page = (
    <Suspense fallback={<Loading label={t('loading')} />}>
      <Page />
    </Suspense>
  );
  return surface === 'settings' ? page : <SessionProvider>{page}</SessionProvider>;
}

export function Frame({ host, children, footer }: { host: Host | null; children: ReactNode; footer?: ReactNode }) {
  const styles = useStyles();
  const theme = useHostTheme(host);
  // The frame's own page shows at the edges and when scrolling past the end: paint it in the theme
  // too, or a dark Teams shows a white border around the app.
  useEffect(() => {
    document.body.style.margin = '0';
    document.body.style.backgroundColor = themes[theme].colorNeutralBackground1;
  }, [theme]);
  return (
    <FluentProvider theme={themes[theme]} className={styles.frame}>
      <div className={styles.main}>{children}</div>
      {footer}
    </FluentProvider>
  );
}

export function App({ services, page = null }: { services: AppServices; page?: ComponentType | null }) {
  return (
    <LocaleProvider locale={services.locale}>
      <AppServicesProvider services={services}>
        <Frame host={services.host} footer={<Attribution instrument={services.instrument} />}>
          <Surface loaded={page} />
        </Frame>
      </AppServicesProvider>
    </LocaleProvider>
  );
}

/** Start-up failed: the person still gets their language, the host's theme and a way forward. */
export function BootFailure({ result, onRetry }: { result: Extract<BootResult, { ok: false }>; onRetry: () => void }) {
  return (
    <LocaleProvider locale={result.locale}>
      <Frame host={result.host}>
        <ErrorScreen error={result.error} onRetry={onRetry} />
      </Frame>
    </LocaleProvider>
  );
}
