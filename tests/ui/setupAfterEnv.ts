// Runs once the test framework is installed, so Testing Library registers its cleanup after each test
// (imported from setup.ts, before the framework, it would not, and renders would pile up).
import { configure } from '@testing-library/react';

// The CI load that stretches tests (see setup.ts) also stretches the first render of a file, while the
// surface's lazily imported modules are compiled: Testing Library's 1 s default for findBy/waitFor
// failed a first test on CI while the panel still said "Sessie laden…" (0.3 s on an idle machine).
// A waiting query still fails on what never appears; it only waits longer before saying so.
configure({ asyncUtilTimeout: 5_000 });
