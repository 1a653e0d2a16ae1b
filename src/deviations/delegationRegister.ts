import { pageSlice, withPage } from '../cards/paging';
import { Application } from '../domain/applications';
import { Deviation, prognosisChanges } from '../domain/deviations';
import { DEVIATION_KIND_LABEL } from '../domain/deviations';
import { formatDateLong, formatKr } from '../format/swedish';
import { DelegationRegisterView, Reply } from '../cards/viewModels';

export type RegisterPeriod = { readonly kind: 'unreported' } | { readonly kind: 'range'; readonly from: string; readonly to: string; readonly label: string };

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;

/** "delegationsbeslut sedan förra styrelsemötet", "delegationsbeslut 2026", "delegationsbeslut 2026-01-01 till 2026-06-30". */
export function parseRegisterPeriod(text: string): RegisterPeriod {
  const dates = [...text.matchAll(ISO_DATE)].map((m) => m[1] as string);
  if (dates.length >= 2) {
    const [from, to] = [dates[0] as string, dates[1] as string].sort();
    return { kind: 'range', from: from as string, to: to as string, label: `${formatDateLong(from as string)} – ${formatDateLong(to as string)}` };
  }
  if (dates.length === 1) return { kind: 'range', from: dates[0] as string, to: '9999-12-31', label: `från ${formatDateLong(dates[0] as string)}` };
  const year = /\b(20\d{2})\b/.exec(text)?.[1];
  if (year) return { kind: 'range', from: `${year}-01-01`, to: `${year}-12-31`, label: year };
  return { kind: 'unreported' };
}

function decisionText(d: Deviation): string {
  const outcome = d.decision?.outcome === 'godkänd' ? 'Godkänd' : 'Avslagen';
  return `${outcome}: ${DEVIATION_KIND_LABEL[d.kind].toLowerCase()}`;
}

function financeEffect(d: Deviation): string {
  if (d.decision?.outcome !== 'godkänd') return 'ingen';
  const changes = prognosisChanges(d);
  if (changes.length > 0) return changes.map((c) => `${c.year}: ${c.amount > 0 ? '+' : ''}${formatKr(c.amount)}`).join('; ');
  if (d.kind === 'period' && d.newEndDate) return `insatstiden ändras till ${formatDateLong(d.newEndDate)}; inga medel flyttas`;
  return 'ingen';
}

/** One delegationsbeslut, whatever ärende it decided (an avvikelse or an ansökan). */
export interface RegisterItem {
  readonly caseId: string;
  readonly number?: string;
  readonly decidedOn: string;
  readonly decidedAt: string;
  readonly decider: string;
  readonly matter: string;
  readonly decision: string;
  readonly reason: string;
  readonly financeEffect: string;
  /** The kronor the decision moves or grants (an avvikelse's amount, an ansökan's granted total); none for a refusal. */
  readonly amount?: number;
  readonly reportedToBoard?: string;
}

export function deviationItem(d: Deviation): RegisterItem {
  const decision = d.decision as NonNullable<Deviation['decision']>;
  return {
    caseId: d.id,
    number: decision.number,
    decidedOn: decision.decidedOn,
    decidedAt: decision.decidedAt,
    decider: [decision.decider.name, decision.decider.title].filter(Boolean).join(', '),
    matter: `Avvikelse ${d.initiativeName}, ${d.dnr ?? ''}`,
    decision: decisionText(d),
    reason: decision.reason,
    financeEffect: financeEffect(d),
    ...(d.decision?.outcome === 'godkänd' && d.amount !== undefined ? { amount: d.amount } : {}),
    reportedToBoard: decision.reportedToBoard,
  };
}

export function applicationItem(a: Application): RegisterItem {
  const d = a.decision as NonNullable<Application['decision']>;
  return {
    caseId: a.id,
    number: d.number,
    decidedOn: d.decidedOn,
    decidedAt: d.decidedAt,
    decider: [d.decider.name, d.decider.title].filter(Boolean).join(', '),
    matter: `Ansökan ${a.name}, ${a.dnr ?? ''}`,
    decision: d.text,
    reason: d.reason,
    financeEffect:
      d.outcome === 'beviljad'
        ? Object.entries(d.grantedByYear)
            .map(([y, k]) => `${y}: ${formatKr(k)}`)
            .join('; ')
        : 'ingen',
    ...(d.outcome === 'beviljad' ? { amount: Object.values(d.grantedByYear).reduce((sum, k) => sum + k, 0) } : {}),
    reportedToBoard: d.reportedToBoard,
  };
}

export const numberKey = (i: RegisterItem) => {
  const m = /^D (\d{4}):(\d+)$/.exec(i.number ?? '');
  return m ? `${m[1]}-${(m[2] as string).padStart(6, '0')}` : `z-${i.decidedAt}`;
};

/** The list the board's kallelse needs: number, date, decider, ärende, decision, reason, finance effect, anmäld. */
/** Decisions per card: each is about 1.1 KB, and Teams refuses a card over about 28 KB. */
export const REGISTER_PAGE_SIZE = 15;

/** Which page of a long register to show, and the question that shows it (its "sida N" replaced). */
export interface RegisterPaging {
  readonly page: number;
  readonly question: string;
}

export function registerReply(
  decided: readonly RegisterItem[],
  period: RegisterPeriod,
  canMarkReported: boolean,
  lastMeeting?: string,
  retry?: { readonly title: string; readonly meetingDate: string; readonly problem: string },
  paging?: RegisterPaging,
): Reply {
  const all = [...decided].sort((a, b) => numberKey(a).localeCompare(numberKey(b)));
  const { shown: listed, page, pages } = pageSlice(all, paging?.page ?? 1, REGISTER_PAGE_SIZE);
  const pageText = pages > 1 ? ` Sida ${page} av ${pages}.` : '';
  const title = retry?.title || (period.kind === 'unreported' ? 'Delegationsbeslut sedan förra styrelsemötet' : `Delegationsbeslut ${period.label}`);
  const intro =
    all.length === 0
      ? period.kind === 'unreported'
        ? 'Inga delegationsbeslut väntar på att anmälas till styrelsen.'
        : 'Inga delegationsbeslut under perioden.'
      : period.kind === 'unreported'
        ? `${all.length} beslut som ännu inte anmälts till styrelsen${lastMeeting ? ` (senast anmälda vid mötet ${formatDateLong(lastMeeting)})` : ''}.${pageText}`
        : `${all.length} beslut.${pageText}`;
  const items = listed.map((i) => ({
    heading: `${i.number ?? 'D (nummer tilldelas)'} – ${formatDateLong(i.decidedOn)}`,
    facts: [
      { label: 'Beslutsfattare', value: i.decider },
      { label: 'Ärende', value: i.matter },
      { label: 'Beslut', value: i.decision },
      { label: 'Motivering', value: i.reason },
      { label: 'Ekonomisk effekt', value: i.financeEffect },
      { label: 'Anmäld till styrelsen', value: i.reportedToBoard ? formatDateLong(i.reportedToBoard) : 'ännu inte' },
    ],
  }));
  // The button marks what the card shows: a long register is marked page by page.
  const unreported = listed.filter((i) => !i.reportedToBoard);
  const notes = [
    ...(pages > 1 && canMarkReported && unreported.length > 0 ? [{ text: `Knappen markerar de ${unreported.length} beslut som visas på den här sidan.` }] : []),
    ...(page < pages && paging ? [{ text: `Visa fler: skriv "${withPage(paging.question, page + 1)}".` }] : []),
    ...(all.length > 0 && period.kind === 'unreported' && !retry
      ? [{ text: 'Som Excel eller PDF att bifoga kallelsen: skriv "delegationsbeslut för kallelsen".' }]
      : []),
  ];
  const view: DelegationRegisterView = {
    title,
    intro,
    items,
    notes,
    canMarkReported: canMarkReported && unreported.length > 0,
    caseIds: unreported.map((i) => i.caseId),
    meetingDate: retry?.meetingDate ?? '',
    meetingDateError: retry?.problem ?? '',
  };
  const text = [
    title,
    intro,
    ...(retry ? [retry.problem] : []),
    ...items.map((i) => [i.heading, ...i.facts.map((f) => `${f.label}: ${f.value}`)].join('\n')),
    ...notes.map((n) => n.text),
  ].join('\n\n');
  return { card: { template: 'delegationRegister', view }, text };
}
