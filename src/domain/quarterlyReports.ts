import { Kronor } from './money';
import { PersonRef, PostedCard } from './deviations';

/** [kvinnor, män]: the only thing stored about participants is counts. */
export type ByGender = readonly [number, number];

/** Question 13: participants during the quarter, individinsatser only. */
export interface ParticipantCounts {
  readonly enrolled: ByGender;
  readonly exited: ByGender;
  /** Varav till arbete, studier eller arbetssökande. */
  readonly exitedToWorkOrStudies: ByGender;
  /** Varav till rehabilitering hos AF eller kommunal arbetsmarknad. */
  readonly exitedToRehab: ByGender;
  /** Pågående vid kvartalets slut: a stock, not a flow. */
  readonly ongoing: ByGender;
}

export const PARTICIPANT_ROWS: readonly { readonly key: keyof ParticipantCounts; readonly label: string }[] = [
  { key: 'enrolled', label: 'Inskrivna under kvartalet' },
  { key: 'exited', label: 'Avslutade under kvartalet' },
  { key: 'exitedToWorkOrStudies', label: 'varav till arbete, studier eller arbetssökande' },
  { key: 'exitedToRehab', label: 'varav till rehabilitering hos AF eller kommunal arbetsmarknad' },
  { key: 'ongoing', label: 'Pågående vid kvartalets slut' },
];

/** The fixed questions of forms.md with the answer that needs no comment. */
export const REPORT_QUESTIONS = [
  {
    id: 'inPhase',
    label: 'Ligger insatsen i fas gällande uppsatta mål?',
    choices: ['Ja', 'Delvis', 'Nej'],
    expected: 'Ja',
    comment: 'Kommentar (krävs om inte Ja)',
  },
  {
    id: 'forecast',
    label: 'Styrgruppens prognos för måluppfyllelse',
    choices: ['Målen kommer att nås', 'Målen kommer inte att nås fullt ut'],
    expected: 'Målen kommer att nås',
    comment: 'Skäl (krävs om målen inte nås fullt ut)',
  },
  {
    id: 'meetings',
    label: 'Har styrgruppsmöte hållits enligt avtal (minst ett per kvartal)?',
    choices: ['Ja', 'Nej'],
    expected: 'Ja',
    comment: 'Kommentar (krävs om Nej)',
  },
  {
    id: 'representatives',
    label: 'Har ordinarie representanter för alla parter deltagit i styrgruppen?',
    choices: ['Ja', 'Nej'],
    expected: 'Ja',
    comment: 'Kommentar (krävs om Nej)',
  },
  {
    id: 'followUp',
    label: 'Har uppföljning lämnats enligt avtal (insatsdata/uppföljningsfil)?',
    choices: ['Ja', 'Delvis', 'Nej'],
    expected: 'Ja',
    comment: 'Kommentar (krävs om inte Ja)',
  },
  { id: 'targetGroup', label: 'Stämmer målgruppen med ansökan?', choices: ['Ja', 'Nej'], expected: 'Ja', comment: 'Kommentar (krävs om Nej)' },
  { id: 'method', label: 'Stämmer metoden med ansökan?', choices: ['Ja', 'Nej'], expected: 'Ja', comment: 'Kommentar (krävs om Nej)' },
  {
    id: 'equality',
    label: 'Har jämställdhet och jämlikhet diskuterats i styrgrupp eller insats?',
    choices: ['Ja', 'Nej'],
    expected: 'Ja',
    comment: 'Hur? (krävs om Nej: varför inte)',
  },
  {
    id: 'implementation',
    label: 'Har förutsättningar för implementering diskuterats?',
    choices: ['Ja', 'Nej'],
    expected: 'Ja',
    comment: 'Kommentar (krävs om Nej)',
  },
  {
    id: 'deviation',
    label: 'Finns avvikelse mot ansökan (budget, insatstid, målgrupp, metod)?',
    choices: ['Ja', 'Nej'],
    expected: 'Nej',
    comment: 'Vilken avvikelse? (krävs om Ja)',
  },
  {
    id: 'vacanciesFunded',
    label: 'Vakanser i tjänster finansierade av förbundet (SOF-medel)?',
    choices: ['Ja', 'Nej'],
    expected: 'Nej',
    comment: 'Vilka och när? (krävs om Ja)',
  },
  { id: 'vacanciesOwn', label: 'Vakanser i egenfinansierade resurser?', choices: ['Ja', 'Nej'], expected: 'Nej', comment: 'Vilka och när? (krävs om Ja)' },
] as const;

export type QuestionId = (typeof REPORT_QUESTIONS)[number]['id'];

export interface ReportAnswers {
  readonly choices: Readonly<Record<QuestionId, string>>;
  readonly comments: Readonly<Partial<Record<QuestionId, string>>>;
  readonly meetingCount: number;
  /** Individinsatser only. */
  readonly participants?: ParticipantCounts;
  /** Andel avslutade med plan för vidare rehabilitering, whole percent. */
  readonly shareWithPlanPercent?: number;
  readonly goalFulfilment: string;
  /** Upparbetade kostnader hittills i år. */
  readonly costsToDate: Kronor;
  readonly other: string;
}

export interface ReportVersion {
  readonly version: number;
  /** Names the submission, so a double click adds no second version. */
  readonly formId: string;
  readonly answers: ReportAnswers;
  readonly submittedBy: PersonRef;
  readonly submittedAt: string;
  readonly submittedOn: string;
}

/** One insats's report for one quarter with every version; the last is the one that counts. */
export interface QuarterlyReport {
  readonly associationId: string;
  readonly initiativeId: string;
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly versions: readonly ReportVersion[];
}

export const latestVersion = (r: QuarterlyReport): ReportVersion => r.versions[r.versions.length - 1] as ReportVersion;

/** A half-filled form: the raw field values as typed, kept until submitted. */
export interface ReportDraft {
  readonly associationId: string;
  readonly initiativeId: string;
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly fields: Readonly<Record<string, string>>;
  readonly savedBy: PersonRef;
  readonly savedAt: string;
  /** The förbund's date of the save (the app's clock), as ärenden have filedOn; absent in drafts saved before it was kept. */
  readonly savedOn?: string;
  /** The form cards in the user's chat that saved this draft: replaced by the receipt once the report is in. */
  readonly postedCards?: readonly PostedCard[];
}
