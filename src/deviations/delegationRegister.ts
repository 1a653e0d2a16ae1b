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

const byNumber = (a: Deviation, b: Deviation) => numberKey(a).localeCompare(numberKey(b));
function numberKey(d: Deviation): string {
  const m = /^D (\d{4}):(\d+)$/.exec(d.decision?.number ?? '');
  return m ? `${m[1]}-${(m[2] as string).padStart(6, '0')}` : `z-${d.decision?.decidedAt ?? ''}`;
}

/** The list the board's kallelse needs: number, date, decider, ärende, decision, reason, finance effect, anmäld. */
export function registerReply(decided: readonly Deviation[], period: RegisterPeriod, canMarkReported: boolean, lastMeeting?: string): Reply {
  const listed = [...decided].sort(byNumber);
  const title = period.kind === 'unreported' ? 'Delegationsbeslut sedan förra styrelsemötet' : `Delegationsbeslut ${period.label}`;
  const intro =
    listed.length === 0
      ? period.kind === 'unreported'
        ? 'Inga delegationsbeslut väntar på att anmälas till styrelsen.'
        : 'Inga delegationsbeslut under perioden.'
      : period.kind === 'unreported'
        ? `${listed.length} beslut som ännu inte anmälts till styrelsen${lastMeeting ? ` (senast anmälda vid mötet ${formatDateLong(lastMeeting)})` : ''}.`
        : `${listed.length} beslut.`;
  const items = listed.map((d) => {
    const decision = d.decision as NonNullable<Deviation['decision']>;
    return {
      heading: `${decision.number ?? 'D (nummer tilldelas)'} – ${formatDateLong(decision.decidedOn)}`,
      facts: [
        { label: 'Beslutsfattare', value: [decision.decider.name, decision.decider.title].filter(Boolean).join(', ') },
        { label: 'Ärende', value: `Avvikelse ${d.initiativeName}, ${d.dnr ?? ''}` },
        { label: 'Beslut', value: decisionText(d) },
        { label: 'Motivering', value: decision.reason },
        { label: 'Ekonomisk effekt', value: financeEffect(d) },
        { label: 'Anmäld till styrelsen', value: decision.reportedToBoard ? formatDateLong(decision.reportedToBoard) : 'ännu inte' },
      ],
    };
  });
  const unreported = listed.filter((d) => !d.decision?.reportedToBoard);
  const view: DelegationRegisterView = {
    title,
    intro,
    items,
    notes: [],
    canMarkReported: canMarkReported && unreported.length > 0,
    caseIds: unreported.map((d) => d.id),
  };
  const text = [title, intro, ...items.map((i) => [i.heading, ...i.facts.map((f) => `${f.label}: ${f.value}`)].join('\n'))].join('\n\n');
  return { card: { template: 'delegationRegister', view }, text };
}
