// The facilitator's bar on the stage: the moves of the current step, only in the facilitator's own
// client, confirmed where they cannot be undone, and never losing text typed just before a move.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Session } from '../../../src/domain/model';
import StagePage from '../../../src/ui/stage/StagePage';
import { SidePanel } from '../../../src/ui/sidepanel/SidePanel';
import { FakeStore, facilitator, fakeHost, fakeServices, lotte, renderWith, responseOf, sanne, sessionIn } from '../fakes';

function storeIn(state: Session['state'], extra: Partial<Session> = {}): FakeStore {
  const store = new FakeStore(sessionIn(state, extra));
  store.addResponse(responseOf(sanne, { A: 2, B: 5, C: 'weetNiet', D: 3, E: 3, F: 3 }));
  store.addResponse(responseOf(lotte, { A: 2, B: 1, C: 'weetNiet', D: 3, E: 4, F: 3 }));
  return store;
}

/** Every session the store was given, as [state, notes]: the order in which SharePoint saw them. */
function recordWrites(store: FakeStore): Array<[Session['state'], string]> {
  const writes: Array<[Session['state'], string]> = [];
  const update = store.updateSession.bind(store);
  store.updateSession = async (current, change) => {
    const saved = await update(current, change);
    writes.push([saved.value.state, saved.value.notes]);
    return saved;
  };
  return writes;
}

async function openStage(store: FakeStore, me = facilitator) {
  const services = fakeServices({ me, store, host: fakeHost({ surface: 'stage' }) });
  renderWith(<StagePage />, services);
  await screen.findByRole('heading', { level: 1, name: 'Armoede en gezondheid 2026' });
  return services;
}

// Stap 2's overview is 14 tables: rendering it in jsdom on the shared machine takes seconds.
jest.setTimeout(30_000);

const bar = () => screen.getByRole('region', { name: 'Gespreksleider' });
/**
 * jsdom has no layout, so Fluent sometimes finds nothing visible to focus in a dialog, focuses the
 * surface itself, and Tabster then marks that surface aria-hidden: a jsdom artefact, so dialogs are
 * found with `hidden: true` here. The browser test (tests/e2e/stageBar.test.ts) finds them by role,
 * confirms by keyboard and runs axe.
 */
async function dialogNamed(name?: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog', { hidden: true }, { timeout: 15_000 });
  const titleId = dialog.getAttribute('aria-labelledby');
  if (name !== undefined) expect(titleId && document.getElementById(titleId)?.textContent).toBe(name);
  return dialog;
}
const modeDialog = () => dialogNamed('Naar stap 2: ieder apart of samen?');

describe('facilitator bar on the stage', () => {
  const scrollTo = jest.fn();
  beforeAll(() => {
    Object.defineProperty(window, 'scrollTo', { value: scrollTo, writable: true, configurable: true });
  });
  beforeEach(() => scrollTo.mockClear());

  it.each<[Session['state'], string[]]>([
    ['setup', ['Start stap 1']],
    ['step1', ['Scores onthullen', 'Invoer sluiten']],
    // After the reveal the stage also goes statement by statement (stap 1) or theme by theme (stap 2, 3).
    ['revealed', ['Naar stap 2', 'Vorige stelling', 'Volgende stelling', 'Naar overzicht']],
    ['step2', ['Naar stap 3', 'Terug naar de scores', 'Invoer sluiten', 'Vorige thema', 'Volgende thema', 'Naar overzicht']],
    ['step3', ['Sessie afsluiten', 'Publiceren naar Planner', 'Terug naar stap 2', 'Invoer sluiten', 'Vorige thema', 'Volgende thema', 'Naar overzicht']],
    ['closed', ['Publiceren naar Planner', 'Actieagenda heropenen']],
  ])('in %s the facilitator’s bar offers exactly %p', async (state, moves) => {
    await openStage(storeIn(state));
    expect(within(bar()).getAllByRole('button').map((b) => b.textContent)).toEqual(moves);
  });

  it.each<Session['state']>(['setup', 'step1', 'revealed', 'step2', 'step3', 'closed'])('a participant’s stage in %s has no bar and no moves', async (state) => {
    const store = storeIn(state);
    store.shareWithGroup();
    await openStage(store, sanne);
    expect(screen.queryByRole('region', { name: 'Gespreksleider' })).toBeNull();
    for (const name of ['Start stap 1', 'Scores onthullen', 'Naar stap 2', 'Naar stap 3', 'Sessie afsluiten', 'Publiceren naar Planner']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });

  it('asks before the reveal, which cannot be undone; Annuleren keeps step 1 open', async () => {
    const store = storeIn('step1');
    await openStage(store);
    await userEvent.click(within(bar()).getByRole('button', { name: 'Scores onthullen' }));
    const dialog = await dialogNamed('Scores onthullen?');
    expect(dialog.textContent).toContain('Dit kan niet ongedaan worden gemaakt');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuleren', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull(), { timeout: 15_000 });
    expect(store.session.value.state).toBe('step1');

    await userEvent.click(within(bar()).getByRole('button', { name: 'Scores onthullen' }));
    await userEvent.click(within(await dialogNamed()).getByRole('button', { name: 'Scores onthullen', hidden: true }));
    await waitFor(() => expect(store.session.value.state).toBe('revealed'));
    expect(await within(bar()).findByRole('button', { name: 'Naar stap 2' })).toBeTruthy();
  });

  it('asks "ieder apart of samen?" on the way to stap 2 and sets the chosen mode before moving', async () => {
    const store = storeIn('revealed');
    await openStage(store);
    // From here on: what the facilitator's client wrote (not its first group-view write on opening).
    const writes = recordWrites(store);
    await userEvent.click(within(bar()).getByRole('button', { name: 'Naar stap 2' }));
    const dialog = await modeDialog();
    expect((within(dialog).getByRole('radio', { name: /^Ieder apart/, hidden: true }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(within(dialog).getByRole('radio', { name: /^Samen/, hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Naar stap 2', hidden: true }));
    await waitFor(() => expect(store.session.value.state).toBe('step2'));
    expect(store.session.value.mode).toBe('joint');
    expect(writes.map(([state]) => state)).toEqual(['revealed', 'step2']);
  });

  it('saves "Wat opvalt" typed just before "Naar stap 2" before the session moves', async () => {
    const store = storeIn('revealed');
    await openStage(store);
    // From here on: what the facilitator's client wrote (not its first group-view write on opening).
    const writes = recordWrites(store);
    // Typed, and the move pressed at once: well within the autosave's pause.
    fireEvent.change(screen.getByRole('textbox', { name: 'Wat opvalt …' }), { target: { value: 'B loopt ver uiteen' } });
    await userEvent.click(within(bar()).getByRole('button', { name: 'Naar stap 2' }));
    await userEvent.click(within(await modeDialog()).getByRole('button', { name: 'Naar stap 2', hidden: true }));
    await waitFor(() => expect(store.session.value.state).toBe('step2'));
    expect(store.session.value.notes).toBe('B loopt ver uiteen');
    // SharePoint had the note before it had the move.
    expect(writes[0]).toEqual(['revealed', 'B loopt ver uiteen']);
    expect(writes.find(([state]) => state === 'step2')?.[1]).toBe('B loopt ver uiteen');
  });

  it('does not move when the typed text could not be saved, and says so', async () => {
    const store = storeIn('revealed');
    await openStage(store);
    // SharePoint refuses every change for now.
    store.updateSession = async () => {
      throw Object.assign(new Error('503'), { code: 'service' });
    };
    fireEvent.change(screen.getByRole('textbox', { name: 'Wat opvalt …' }), { target: { value: 'B loopt ver uiteen' } });
    await userEvent.click(within(bar()).getByRole('button', { name: 'Naar stap 2' }));
    await userEvent.click(within(await modeDialog()).getByRole('button', { name: 'Naar stap 2', hidden: true }));
    expect(await screen.findByText(/Niet alle getypte tekst is opgeslagen/)).toBeTruthy();
    expect(store.session.value.state).toBe('revealed');
    expect((screen.getByRole('textbox', { name: 'Wat opvalt …' }) as HTMLTextAreaElement).value).toBe('B loopt ver uiteen');
  });

  it('after a step change starts at the top with the focus on the heading', async () => {
    const store = storeIn('step2');
    await openStage(store);
    await userEvent.click(within(bar()).getByRole('button', { name: 'Naar stap 3' }));
    await waitFor(() => expect(store.session.value.state).toBe('step3'));
    const heading = screen.getByRole('heading', { level: 1, name: 'Armoede en gezondheid 2026' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
    expect(heading.getAttribute('aria-describedby') && document.getElementById(heading.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/Stap 3/);
  });

  it('leaves the keyboard focus where it is when the step changes while the person is in another frame (their side panel)', async () => {
    const store = storeIn('step2');
    await openStage(store);
    const button = within(bar()).getByRole('button', { name: 'Naar stap 3' });
    button.focus();
    // The move is made in the person's side panel: the stage's document does not have the focus.
    const hasFocus = jest.spyOn(document, 'hasFocus').mockReturnValue(false);
    try {
      fireEvent.click(button);
      await waitFor(() => expect(store.session.value.state).toBe('step3'));
      // Past the stage's last try at moving the focus (800 ms, src/ui/stage/StagePage.tsx); inside act, so what
      // step 3 loads meanwhile (the publish panel's groups, the previous agenda) is rendered as it arrives.
      await act(() => new Promise((resolve) => setTimeout(resolve, 900)));
      expect(document.activeElement).not.toBe(screen.getByRole('heading', { level: 1, name: 'Armoede en gezondheid 2026' }));
      expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
    } finally {
      hasFocus.mockRestore();
    }
  });

  it('"Publiceren naar Planner" brings the publish panel into view with the focus on it', async () => {
    await openStage(storeIn('step3'));
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    await userEvent.click(within(bar()).getByRole('button', { name: 'Publiceren naar Planner' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Naar Planner' }));
    expect(scrollIntoView).toHaveBeenCalled();
  });
});

describe('the same moves at the top of the side panel', () => {
  it('offers the stage bar’s moves to the facilitator, in a region that stays at the top', async () => {
    const store = storeIn('revealed');
    store.addResponse(responseOf(facilitator));
    renderWith(<SidePanel />, fakeServices({ me: facilitator, store }));
    const region = await screen.findByRole('region', { name: 'Gespreksleider' });
    expect(within(region).getByRole('button', { name: 'Naar stap 2' })).toBeTruthy();
    await userEvent.click(within(region).getByRole('button', { name: 'Naar stap 2' }));
    const dialog = await modeDialog();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Naar stap 2', hidden: true }));
    await waitFor(() => expect(store.session.value.state).toBe('step2'));
    await act(async () => undefined);
    expect(within(region).getByRole('button', { name: 'Naar stap 3' })).toBeTruthy();
  });
});

/**
 * The side panel and the stage are two frames of one person in Teams' client; they talk through a
 * BroadcastChannel and a Web Lock (src/ui/session/frameShare.ts). jsdom has neither, so this test
 * gives both frames an in-memory pair that behaves the same: messages reach the other frames of the
 * same name (a copy, later), never the sender; one holder of a lock at a time.
 */
class MemoryChannel {
  static open = new Map<string, Set<MemoryChannel>>();
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(readonly name: string) {
    const peers = MemoryChannel.open.get(name) ?? new Set<MemoryChannel>();
    peers.add(this);
    MemoryChannel.open.set(name, peers);
  }
  postMessage(data: unknown): void {
    for (const peer of MemoryChannel.open.get(this.name) ?? []) {
      if (peer !== this) setTimeout(() => peer.onmessage?.({ data: JSON.parse(JSON.stringify(data)) } as MessageEvent), 0);
    }
  }
  close(): void {
    MemoryChannel.open.get(this.name)?.delete(this);
  }
}

function memoryLocks() {
  const held = new Map<string, Promise<void>>();
  return {
    request(name: string, callback: () => Promise<void>): Promise<void> {
      const before = held.get(name) ?? Promise.resolve();
      const mine = before.then(() => callback());
      held.set(name, mine);
      return mine;
    },
  };
}

describe("across the person's frames", () => {
  const saved = { channel: (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel, locks: (navigator as { locks?: unknown }).locks };
  beforeEach(() => {
    Object.defineProperty(globalThis, 'BroadcastChannel', { value: MemoryChannel, configurable: true, writable: true });
    Object.defineProperty(navigator, 'locks', { value: memoryLocks(), configurable: true });
  });
  afterEach(() => {
    Object.defineProperty(globalThis, 'BroadcastChannel', { value: saved.channel, configurable: true, writable: true });
    Object.defineProperty(navigator, 'locks', { value: saved.locks, configurable: true });
    MemoryChannel.open.clear();
  });

  it('a move in the side panel first saves the text still waiting on the stage, so closing the session does not lose it', async () => {
    const store = storeIn('step3');
    store.addResponse(responseOf(facilitator));
    const order: Array<[Session['state'], string]> = [];
    const update = store.updateSession.bind(store);
    store.updateSession = async (current, change) => {
      const next = await update(current, change);
      order.push([next.value.state, next.value.explanation]);
      return next;
    };
    const stage = renderWith(<StagePage />, fakeServices({ me: facilitator, store, host: fakeHost({ surface: 'stage' }) }));
    const panel = renderWith(<SidePanel />, fakeServices({ me: facilitator, store }));
    const field = await within(stage.container).findByRole('textbox', { name: 'Ruimte voor toelichting' });
    const region = await within(panel.container).findByRole('region', { name: 'Gespreksleider' });

    // Typed on the stage; the move is pressed in the side panel before the stage's autosave pause is over.
    fireEvent.change(field, { target: { value: 'Wethouder vraagt een voorstel voor de zomer' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Sessie afsluiten' }));

    await waitFor(() => expect(store.session.value.state).toBe('closed'));
    expect(store.session.value.explanation).toBe('Wethouder vraagt een voorstel voor de zomer');
    // SharePoint had the text while the session was still in stap 3, where the explanation may change.
    expect(order.find(([, explanation]) => explanation !== '')).toEqual(['step3', 'Wethouder vraagt een voorstel voor de zomer']);
  });
});
