import { act, screen, waitFor } from '@testing-library/react';
import { OfflineError } from '../../../src/graph/errors';
import { SidePanel } from '../../../src/ui/sidepanel/SidePanel';
import { FakeStore, fakeServices, renderWith, responseOf, sanne, sessionIn } from '../fakes';

const STALE = 'De sessie kon even niet worden bijgewerkt; wat u ziet, kan iets verouderd zijn.';

describe('side panel after a dropped connection', () => {
  it('reads the session again as soon as the browser is back online, not after the backoff', async () => {
    const store = new FakeStore(sessionIn('step1'));
    store.addResponse(responseOf(sanne));
    // Polls a second apart: after one failed poll the next waits two seconds.
    const services = { ...fakeServices({ me: sanne, store }), pollMs: 1000 };
    renderWith(<SidePanel />, services);
    await screen.findByRole('radiogroup', { name: /^A\./ });

    store.failures.pollSession = new OfflineError('fetch failed');
    expect(await screen.findByText(STALE, {}, { timeout: 3000 })).toBeTruthy();
    // Meanwhile the facilitator moved on.
    store.session = { ...store.session, value: { ...store.session.value, state: 'step2' } };

    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(screen.queryByText(STALE)).toBeNull(), { timeout: 500 });
    expect(screen.getByText(/Stap 2: verdieping/)).toBeTruthy();
  });
});
