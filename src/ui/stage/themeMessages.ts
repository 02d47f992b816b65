// The words of the stage's stap 2 and stap 3 theme by theme (Step2Theme, Step3Theme, ThemeNav): one
// theme at a time, the options nobody chose folded away, contradictions said in words, the theme's
// inspiration beside its actions.
import { defineMessages } from '../i18n';

export const themeMessages = defineMessages({
  nl: {
    navLabel: 'Thema’s',
    navTheme: '{id}. {title}',
    step2Heading: 'Stap 2 — {id}. {title}',
    chosenBy: 'Gekozen door {names}',
    nobodyChose: 'Nog door niemand gekozen.',
    folded: '{count} {count|optie|opties} door niemand gekozen',
    explanations: 'Toelichting',
    inspirationTitle: 'Inspiratie uit de praktijk',
    inspirationOpen: 'Inspiratie uit de praktijk ({count})',
    inspirationLoading: 'Inspiratie wordt geladen…',
    inspirationNone: 'Voor dit thema zijn geen voorbeelden uit de praktijk.',
    inspirationTip: 'Tip',
    inspirationSource: 'Bron: {document}, {section}',
  },
  en: {
    navLabel: 'Themes',
    navTheme: '{id}. {title}',
    step2Heading: 'Step 2 — {id}. {title}',
    chosenBy: 'Chosen by {names}',
    nobodyChose: 'Not chosen by anyone yet.',
    folded: '{count} {count|option|options} chosen by nobody',
    explanations: 'Explanation',
    inspirationTitle: 'Inspiration from practice',
    inspirationOpen: 'Inspiration from practice ({count})',
    inspirationLoading: 'Loading inspiration…',
    inspirationNone: 'There are no practice examples for this theme.',
    inspirationTip: 'Tip',
    inspirationSource: 'Source: {document}, {section}',
  },
});
export type ThemeMessageKey = keyof (typeof themeMessages)['nl'];
