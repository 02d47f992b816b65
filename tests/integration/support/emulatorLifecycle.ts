// One emulator per test file: started before the tests (ephemeral port, in memory), emptied before
// each test, closed after. Usage: `const emulator = emulatorPerTestFile(); … emulator().url`.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../dev/graph-emulator';

export function emulatorPerTestFile(options: EmulatorOptions = {}): () => RunningEmulator {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ port: 0, dataDir: ':memory:', ...options });
  });
  beforeEach(() => running?.admin.reset());
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('the emulator is not running yet: call this inside a test or hook');
    return running;
  };
}
