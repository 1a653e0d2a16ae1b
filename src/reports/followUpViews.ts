import { quarterLabel } from '../domain/quarters';
import { ByGender } from '../domain/quarterlyReports';
import { formatKr, formatPercent } from '../format/swedish';
import { GridView, Reply } from '../cards/viewModels';
import { FollowUp, TrafficLight, sharePercent } from './compileFollowUp';

type Cell = GridView['rows'][number]['cells'][number];
const cell = (text: string, color: Cell['color'] = 'Default', weight: Cell['weight'] = 'Default'): Cell => ({ text, color, weight });
const header = (...titles: string[]) => ({ style: 'accent' as const, cells: titles.map((t) => cell(t, 'Default', 'Bolder')) });
const LIGHT_COLOR: Readonly<Record<TrafficLight, Cell['color']>> = { grön: 'Good', gul: 'Warning', röd: 'Attention' };

function grid(title: string, intro: string, widths: number[], rows: GridView['rows'], notes: string[] = []): Reply {
  const view: GridView = { title, intro, columns: widths.map((width) => ({ width })), rows, notes: notes.map((text) => ({ text })) };
  const text = [title, intro, ...rows.map((r) => r.cells.map((c) => c.text).join(' | ')), ...notes].filter(Boolean).join('\n');
  return { card: { template: 'grid', view }, text };
}

/** "32 / 30 (52 % / 48 %)": women and men with each one's share, rounded half up per cell. */
function byGender([women, men]: ByGender): string {
  const total = women + men;
  return total === 0 ? '0 / 0' : `${women} / ${men} (${formatPercent(sharePercent(women, total))} / ${formatPercent(sharePercent(men, total))})`;
}

export function periodLabel(f: FollowUp): string {
  if (f.period.through.quarter === 4) return String(f.period.year);
  if (f.period.through.quarter === 2) return `första halvåret ${f.period.year}`;
  return `${f.period.year} till och med ${quarterLabel(f.period.through)}`;
}

/** The board's follow-up as four tables: insatser and nuläge, budget, kvalitetssäkring, deltagare. */
export function followUpReplies(f: FollowUp): Reply[] {
  const label = periodLabel(f);
  const name = (id: string) => f.initiatives.find((i) => i.id === id)?.label ?? id;
  const statusOf = (id: string) => f.status.find((s) => s.initiativeId === id);

  const overview = f.initiatives.map((i) => {
    const s = statusOf(i.id);
    const color = s ? LIGHT_COLOR[s.light] : 'Default';
    return {
      style: 'default' as const,
      cells: [cell(i.label), cell(`${i.start} – ${i.end}`), cell(s ? `${s.light}: ${s.inPhaseWithGoals}` : 'ingen rapport', color), cell(s ? s.steeringGroupForecastGoalsMet : '–'), cell(s && s.missingQuarters.length > 0 ? `saknas ${s.missingQuarters.join(', ')}` : s ? 'alla' : '–')],
    };
  });
  const during = f.period.through.quarter < 4;
  const budgetRows = [...f.budget, f.budgetTotal].map((b) => ({
    style: b === f.budgetTotal ? ('emphasis' as const) : ('default' as const),
    cells: [
      cell(b === f.budgetTotal ? 'Totalt' : name(b.initiativeId), 'Default', b === f.budgetTotal ? 'Bolder' : 'Default'),
      cell(formatKr(b.budget)),
      cell(b.reported ? formatKr(b.costs) : 'ingen rapport'),
      cell(b.reported ? formatPercent(b.percent) : '–'),
      ...(during ? [cell(formatKr(b.expected ?? 0)), cell(b.reported ? formatPercent(b.percentOfExpected) : '–')] : []),
    ],
  }));
  const quality = f.status.map((s) => ({
    style: 'default' as const,
    cells: [
      cell(name(s.initiativeId)),
      cell(`${s.steeringMeetingsPerAgreement} (${s.meetingCount})`),
      cell(s.representativesAttended),
      cell(s.followUpSubmitted),
      cell(s.targetGroupAsApplied === 'Ja' && s.methodAsApplied === 'Ja' ? 'Ja' : 'Nej'),
      cell(s.equalityDiscussed),
      cell(s.implementationDiscussed),
      cell(s.deviationsFiled),
      cell(s.vacancies),
    ],
  }));
  const participantRow = (title: string, c: FollowUp['participantTotals'], total = false) => ({
    style: total ? ('emphasis' as const) : ('default' as const),
    cells: [cell(title, 'Default', total ? 'Bolder' : 'Default'), ...[c.enrolled, c.exited, c.exitedToWorkOrStudies, c.exitedToRehab, c.ongoing].map((g) => cell(byGender(g)))],
  });
  const w = f.toWorkOrStudies;
  const workNote = `Avslutade till arbete, studier eller arbetssökande: ${w.count} av ${w.exits} (${formatPercent(w.percent)})${w.excludedClosedExits > 0 ? `; ${w.excludedClosedExits} avslutade i insatser som upphörde under perioden räknas inte` : ''}.`;
  return [
    grid(`Uppföljning ${label}: insatser och nuläge`, 'Nuläge enligt periodens senaste kvartalsrapport: grön = i fas och målen nås, gul = delvis, röd = inte i fas.', [3, 2, 2, 1, 2], [header('Insats', 'Period', 'I fas', 'Prognos: målen nås', 'Rapporter'), ...overview]),
    grid(`Uppföljning ${label}: budget`, during ? `Upparbetade kostnader enligt kvartalsrapporterna mot årsbudget, och mot linjär förväntan per ${quarterLabel(f.period.through)}.` : 'Upparbetade kostnader enligt kvartalsrapporterna mot årsbudget.', during ? [3, 2, 2, 1, 2, 1] : [3, 2, 2, 1], [header('Insats', 'Budget', 'Upparbetat', 'Förbrukningsgrad', ...(during ? ['Linjärt förväntat', 'Mot förväntan'] : [])), ...budgetRows]),
    grid(
      `Uppföljning ${label}: kvalitetssäkring`,
      'Möten: styrgruppsmöte enligt avtal varje kvartal (antal). Repr.: alla parter representerade. Uppf.: uppföljning lämnad. Mål/met.: målgrupp och metod enligt ansökan. Jäm.: jämställdhet diskuterad. Impl.: implementering diskuterad. Avv./Vak.: avvikelser och vakanser något kvartal.',
      [3, 1, 1, 1, 1, 1, 1, 1, 1],
      [header('Insats', 'Möten', 'Repr.', 'Uppf.', 'Mål/met.', 'Jäm.', 'Impl.', 'Avv.', 'Vak.'), ...quality],
    ),
    grid(
      `Uppföljning ${label}: deltagare`,
      'Kvinnor / män (andel). Inskrivna och avslutade summeras över kvartalen; pågående vid periodens slut.',
      [2, 2, 2, 2, 2, 2],
      [header('Insats', 'Inskrivna', 'Avslutade', 'varav arbete, studier, arbetssökande', 'varav rehabilitering AF/kommun', 'Pågående'), ...f.participants.map((p) => participantRow(name(p.initiativeId), p.counts)), participantRow('Totalt', f.participantTotals, true)],
      [workNote],
    ),
  ];
}
