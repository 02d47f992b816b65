// The floor's form (./main.ts): one statement's answers and the join button, in Fluent UI.
import { Button, Field, FluentProvider, Radio, RadioGroup, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

const ANSWERS = ['1', '2', '3', '4', '5', 'weet niet'];

export function render(container: HTMLElement, name: string): void {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <main>
        <h1>{name}</h1>
        <Field label="Domein">
          <RadioGroup>
            {ANSWERS.map((a) => (
              <Radio key={a} value={a} label={a} />
            ))}
          </RadioGroup>
        </Field>
        <Button appearance="primary">Meedoen</Button>
      </main>
    </FluentProvider>,
  );
}
