import { Reply } from '../../cards/viewModels';
import { Role } from '../../roles/roleDirectory';
import { Meaning } from '../parser/meanings';

/** What each role can start besides the budget questions. */
const ROLE_EXAMPLES: Readonly<Record<Role, readonly string[]>> = {
  styrelse: ['delegationsbeslut sedan förra styrelsemötet', 'uppföljning 2025', 'ekonomisk information'],
  forbundschef: [
    'vilka avvikelser väntar?',
    'delegationsbeslut sedan förra styrelsemötet',
    'vilka kvartalsrapporter saknas?',
    'ekonomisk information',
    'användare',
  ],
  ersattare: ['vilka avvikelser väntar?'],
  kansli: [
    'vilka kvartalsrapporter saknas?',
    'uppföljning 2025',
    'ekonomisk information',
    'importera ekonomisk information',
    'delegationsbeslut sedan förra styrelsemötet',
    'vilka avvikelser väntar?',
    'användare',
  ],
  insatsansvarig: ['kvartalsrapport', 'ny avvikelse'],
};

export const EXAMPLE_QUESTIONS = [
  'beslutsutrymme 2026?',
  'ny ansökan',
  'hur mycket har vi kvar att besluta om nästa år?',
  'vad blir resultatet 2026 enligt budget?',
  'förbrukningsgrad Växtkraft 2025',
  'förbrukningsgrad 2025',
  'när slutar Plattform för individstöd?',
  'vilka insatser finansieras 2027?',
  'vilka insatser slutar i år?',
  'hur mycket betalar Knivsta i medlemsavgift 2025?',
  'soliditet',
] as const;

export function helpReply(
  intro = 'Jag svarar på frågor om förbundets ekonomi med siffror ur de beslutade underlagen. Prova till exempel:',
  roles: readonly Role[] = [],
): Reply {
  const examples = [...new Set([...roles.flatMap((r) => ROLE_EXAMPLES[r]), ...EXAMPLE_QUESTIONS])];
  return {
    card: { template: 'help', view: { title: 'Vad kan jag fråga?', intro, examples: examples.map((question) => ({ question })) } },
    text: [intro, ...examples.map((q) => `- ${q}`)].join('\n'),
  };
}

/** "Vad betyder …?": the meaning in words, and a button that asks for the figure. */
export function meaningReply(meaning: Meaning): Reply {
  const actions = meaning.example ? [{ title: `Visa: ${meaning.example}`, verb: 'askQuestion', data: { question: meaning.example } }] : [];
  return {
    card: { template: 'notice', view: { title: `Vad betyder ${meaning.term}?`, message: meaning.text, actions } },
    text: meaning.example ? `${meaning.text} Fråga till exempel "${meaning.example}".` : meaning.text,
  };
}
