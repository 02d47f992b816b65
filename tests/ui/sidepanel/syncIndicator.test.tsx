import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SyncState } from '../../../src/graph/contracts';
import { LocaleProvider } from '../../../src/ui/i18n';
import { SyncIndicator } from '../../../src/ui/sidepanel/SyncIndicator';

function show(state: SyncState, onRetry = jest.fn(), locale: 'nl' | 'en' = 'nl') {
  render(
    <LocaleProvider locale={locale}>
      <SyncIndicator state={state} onRetry={onRetry} />
    </LocaleProvider>,
  );
  return onRetry;
}

describe('sync indicator', () => {
  it('announces saved answers politely', () => {
    show({ kind: 'saved', at: '2026-03-01T10:00:00Z' });
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Opgeslagen');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('announces saving while a change is on its way', () => {
    show({ kind: 'saving', pending: 1 });
    expect(screen.getByRole('status').textContent).toBe('Opslaan…');
  });

  it('counts the changes waiting while offline and offers to try again', async () => {
    const retry = show({ kind: 'offline', pending: 3, kept: true });
    expect(screen.getByRole('status').textContent).toBe('Geen verbinding: 3 wijzigingen wachten en worden later verstuurd');
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('names the reason of an error in one Dutch sentence with what to do', () => {
    show({ kind: 'error', pending: 1, reason: 'accessDenied', retryAt: null, kept: true });
    expect(screen.getByRole('status').textContent).toBe(
      'Niet opgeslagen. U heeft geen toegang tot deze SharePoint-site of groep. Vraag de eigenaar van de site of groep om u toegang te geven.',
    );
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
  });

  it('a save that needed Teams’ sign-in window offers Aanmelden, whose press sends again', async () => {
    const retry = show({ kind: 'error', pending: 2, reason: 'signInWindow', retryAt: null, kept: true });
    expect(screen.getByRole('status').textContent).toBe(
      'Niet opgeslagen. U bent nog niet aangemeld: het aanmeldvenster van Teams ging niet open of werd gesloten. Klik op Aanmelden; het venster gaat open en sluit vanzelf zodra u bent aangemeld.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('does not promise "later verstuurd" for changes no crash-proof draft holds, and asks to keep the window open', () => {
    show({ kind: 'offline', pending: 2, kept: false });
    expect(screen.getByRole('status').textContent).toBe('Geen verbinding: 2 wijzigingen wachten en zijn op dit apparaat niet veilig bewaard. Sluit dit venster niet.');
  });

  it('says so in an error too when the waiting changes are not kept on the device', () => {
    show({ kind: 'error', pending: 1, reason: 'throttled', retryAt: '2026-03-01T10:00:05Z', kept: false });
    expect(screen.getByRole('status').textContent).toMatch(/^Niet opgeslagen\. .+ Uw wijzigingen zijn op dit apparaat niet veilig bewaard: sluit dit venster niet\.$/);
  });

  it('speaks English to an English Teams client', () => {
    show({ kind: 'offline', pending: 1, kept: true }, jest.fn(), 'en');
    expect(screen.getByRole('status').textContent).toBe('No connection: 1 change is waiting and will be sent later');
  });
});
