// A start-up whose sign-in window Teams could not open (a browser opens one only in answer to a press)
// asks for that press. Its own file: the failure screen renders into the shell's one root, whose
// stylesheet would otherwise stay in the document of the shell's other tests.
import { act, render, screen } from '@testing-library/react';
import { bootstrap } from '../../../src/app/bootstrap';
import { SignInWindowError } from '../../../src/auth';
import { SignInAgain } from '../../../src/ui/common/SignInAgain';
import { renderFailure } from '../../../src/ui/shell/start';
import { bootDeps, FakeStore, fakeDirectory, fakeGraph, sanne } from '../fakes';

const deps = bootDeps;

describe('a sign-in window that needs a press', () => {
  it('a sign-in window Teams could not open without a press asks for one: Aanmelden starts again in this page, where the press lets the window open', async () => {
    const blocked = fakeDirectory(sanne, {
      me: async () => {
        throw new SignInWindowError('blocked');
      },
    });
    const result = await bootstrap(deps({ graph: () => fakeGraph(blocked, new FakeStore()) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const container = document.createElement('div');
    document.body.append(container);
    let startedAgain = 0;
    await act(async () => renderFailure(container, result, () => (startedAgain += 1)));
    expect(screen.getByRole('alert').textContent).toContain('U bent nog niet aangemeld: het aanmeldvenster van Teams ging niet open of werd gesloten.');
    // Not signed in yet is no failure: no "Dit lukte niet", no "Opnieuw proberen".
    expect(screen.getByRole('alert').textContent).toContain('Aanmelden nodig');
    expect(screen.getByRole('alert').textContent).not.toContain('Dit lukte niet');
    expect(screen.queryByRole('button', { name: 'Opnieuw proberen' })).toBeNull();
    await act(async () => screen.getByRole('button', { name: 'Aanmelden' }).click());
    // Not a reload, which would lose the press.
    expect(startedAgain).toBe(1);
    container.remove();
  });

  it('in a running session a read that needs the window shows Aanmelden beside what is shown, and the press reads again', async () => {
    let pressed = 0;
    const { rerender } = render(<SignInAgain error={new SignInWindowError('closed')} onPress={() => (pressed += 1)} />);
    expect(screen.getByText(/U bent nog niet aangemeld: het aanmeldvenster van Teams ging niet open of werd gesloten\. Klik op Aanmelden/)).toBeTruthy();
    await act(async () => screen.getByRole('button', { name: 'Aanmelden' }).click());
    expect(pressed).toBe(1);
    // Any other failure of a read is not for this notice (the surface's own "verbinding hapert" says it).
    rerender(<SignInAgain error={Object.assign(new Error('busy'), { code: 'throttled' })} onPress={() => (pressed += 1)} />);
    expect(screen.queryByRole('button', { name: 'Aanmelden' })).toBeNull();
  });
});
