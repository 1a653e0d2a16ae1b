import { Reply } from '../../cards/viewModels';

export const EXAMPLE_QUESTIONS = [
  'beslutsutrymme 2026?',
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

export function helpReply(intro = 'Jag svarar på frågor om förbundets ekonomi med siffror ur de beslutade underlagen. Prova till exempel:'): Reply {
  return {
    card: { template: 'help', view: { title: 'Vad kan jag fråga?', intro, examples: EXAMPLE_QUESTIONS.map((question) => ({ question })) } },
    text: [intro, ...EXAMPLE_QUESTIONS.map((q) => `- ${q}`)].join('\n'),
  };
}
