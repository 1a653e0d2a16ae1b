import { parseQuarterKey, quarterEnd, quarterLabel } from '../domain/quarters';
import { ByGender } from '../domain/quarterlyReports';
import { formatByGender, formatDateLong, formatKr, formatPercent, formatPeriod } from '../format/swedish';
import { BlocksView, Fact, Reply } from '../cards/viewModels';
import { FollowUp, ParticipantTable, StatusRow, TrafficLight } from './compileFollowUp';

/** A status is a word with an icon; the colour of the icon is never the only carrier of meaning. */
const LIGHT: Readonly<Record<TrafficLight, { text: string; color: Block['statusColor'] }>> = {
  grön: { text: '✔ Grön – i fas och målen nås', color: 'Good' },
  gul: { text: '◐ Gul – delvis i fas eller osäkert om målen nås', color: 'Default' },
  röd: { text: '✖ Röd – inte i fas', color: 'Attention' },
};

type Block = BlocksView['blocks'][number];

function blocksReply(title: string, intro: string, summaryHeading: string, summary: Fact[], blocks: Block[], notes: string[] = []): Reply {
  const view: BlocksView = {
    title,
    intro,
    summaryHeading,
    summary,
    blocks,
    emptyText: 'Inga insatser att följa upp för perioden just nu.',
    notes: notes.map((text) => ({ text })),
  };
  const facts = (fs: readonly Fact[]) => fs.map((f) => `${f.label}: ${f.value}`);
  const text = [
    title,
    intro,
    ...(summary.length > 0 ? [summaryHeading, ...facts(summary)] : []),
    ...blocks.flatMap((b) => [b.heading, ...(b.status ? [b.status] : []), ...facts(b.facts)]),
    ...notes,
  ]
    .filter(Boolean)
    .join('\n');
  return { card: { template: 'blocks', view }, text };
}

export function periodLabel(f: FollowUp): string {
  if (f.period.through.quarter === 4) return String(f.period.year);
  if (f.period.through.quarter === 2) return `första halvåret ${f.period.year}`;
  return `${f.period.year} till och med ${quarterLabel(f.period.through)}`;
}

const quarterName = (key: string) => {
  const q = parseQuarterKey(key);
  return q ? quarterLabel(q) : key;
};

function reportsText(s: StatusRow | undefined): string {
  if (!s) return 'ingen rapport under perioden';
  return s.missingQuarters.length > 0 ? `saknas för ${s.missingQuarters.map(quarterName).join(', ')}` : 'alla inlämnade';
}

const insatser = (n: number) => `${n} ${n === 1 ? 'insats' : 'insatser'}`;

/** Women and men with the total first: "383 (229 K / 154 M)". */
const people = ([women, men]: ByGender) => formatByGender(women, men);

function participantFacts(c: ParticipantTable): Fact[] {
  return [
    { label: 'Inskrivna', value: people(c.enrolled) },
    { label: 'Avslutade', value: people(c.exited) },
    { label: 'varav till arbete, studier eller arbetssökande', value: people(c.exitedToWorkOrStudies) },
    { label: 'varav till rehabilitering (AF eller kommun)', value: people(c.exitedToRehab) },
    { label: 'Pågående vid periodens slut', value: people(c.ongoing) },
  ];
}

/** The board's follow-up as four cards: insatser and nuläge, budget, kvalitetssäkring, deltagare; one block per insats, readable on a phone. */
export function followUpReplies(f: FollowUp): Reply[] {
  return [overviewReply(f), budgetReply(f), qualityReply(f), participantsReply(f)];
}

const nameIn = (f: FollowUp) => (id: string) => f.initiatives.find((i) => i.id === id)?.label ?? id;

function overviewReply(f: FollowUp): Reply {
  const statusOf = (id: string) => f.status.find((s) => s.initiativeId === id);
  const counts = { grön: 0, gul: 0, röd: 0 } as Record<TrafficLight, number>;
  for (const s of f.status) counts[s.light] += 1;
  const overview = f.initiatives.map((i): Block => {
    const s = statusOf(i.id);
    return {
      heading: i.label,
      status: s ? LIGHT[s.light].text : '○ Ingen rapport – nuläget är okänt',
      statusColor: s ? LIGHT[s.light].color : 'Default',
      facts: [
        { label: 'Insatstid', value: formatPeriod(i.start, i.end) },
        ...(s
          ? [
              { label: 'I fas med målen', value: s.inPhaseWithGoals },
              { label: 'Styrgruppens prognos: målen nås', value: s.steeringGroupForecastGoalsMet },
            ]
          : []),
        { label: 'Kvartalsrapporter', value: reportsText(s) },
      ],
    };
  });
  return blocksReply(
    `Uppföljning ${periodLabel(f)}: insatser och nuläge`,
    'Nuläge enligt periodens senaste kvartalsrapport.',
    'Sammanfattning',
    [
      { label: '✔ Grön – i fas', value: insatser(counts.grön) },
      { label: '◐ Gul – delvis', value: insatser(counts.gul) },
      { label: '✖ Röd – inte i fas', value: insatser(counts.röd) },
      { label: '○ Utan rapport', value: insatser(f.initiatives.length - f.status.length) },
    ],
    overview,
  );
}

function budgetReply(f: FollowUp): Reply {
  const name = nameIn(f);
  const during = f.period.through.quarter < 4;
  const periodEnd = formatDateLong(quarterEnd(f.period.through));
  const budgetFacts = (b: FollowUp['budgetTotal']): Fact[] => [
    { label: `Budget ${f.period.year}`, value: formatKr(b.budget) },
    { label: 'Upparbetat', value: b.reported ? formatKr(b.costs) : 'ingen rapport' },
    { label: 'Förbrukningsgrad', value: b.reported ? formatPercent(b.percent) : '–' },
    ...(during
      ? [
          { label: `Linjärt förväntat per ${periodEnd}`, value: formatKr(b.expected ?? 0) },
          { label: 'Mot förväntan', value: b.reported ? formatPercent(b.percentOfExpected) : '–' },
        ]
      : []),
  ];
  return blocksReply(
    `Uppföljning ${periodLabel(f)}: budget`,
    during
      ? `Upparbetade kostnader enligt kvartalsrapporterna mot årsbudget, och mot linjär förväntan per ${periodEnd}.`
      : 'Upparbetade kostnader enligt kvartalsrapporterna mot årsbudget.',
    'Totalt',
    budgetFacts(f.budgetTotal),
    f.budget.map((b) => ({ heading: name(b.initiativeId), status: '', statusColor: 'Default', facts: budgetFacts(b) })),
  );
}

function qualityReply(f: FollowUp): Reply {
  const name = nameIn(f);
  const quality = f.status.map((s): Block => ({
    heading: name(s.initiativeId),
    status: '',
    statusColor: 'Default',
    facts: [
      {
        label: 'Styrgruppsmöte enligt avtal varje kvartal',
        value: `${s.steeringMeetingsPerAgreement} (${s.meetingCount} ${s.meetingCount === 1 ? 'möte' : 'möten'})`,
      },
      { label: 'Alla parter representerade', value: s.representativesAttended },
      { label: 'Uppföljning lämnad', value: s.followUpSubmitted },
      { label: 'Målgrupp och metod enligt ansökan', value: s.targetGroupAsApplied === 'Ja' && s.methodAsApplied === 'Ja' ? 'Ja' : 'Nej' },
      { label: 'Jämställdhet diskuterad', value: s.equalityDiscussed },
      { label: 'Implementering diskuterad', value: s.implementationDiscussed },
      { label: 'Avvikelser något kvartal', value: s.deviationsFiled },
      { label: 'Vakanser något kvartal', value: s.vacancies },
    ],
  }));
  return blocksReply(
    `Uppföljning ${periodLabel(f)}: kvalitetssäkring`,
    'Svar från periodens kvartalsrapporter (Ja om det gäller alla kvartal, för avvikelser och vakanser om det hänt något kvartal).',
    '',
    [],
    quality,
  );
}

function participantsReply(f: FollowUp): Reply {
  const name = nameIn(f);
  const w = f.toWorkOrStudies;
  const workNote = `Avslutade till arbete, studier eller arbetssökande: ${w.count} av ${w.exits} (${formatPercent(w.percent)})${w.excludedClosedExits > 0 ? `; ${w.excludedClosedExits} avslutade i insatser som upphörde under perioden räknas inte` : ''}.`;
  return blocksReply(
    `Uppföljning ${periodLabel(f)}: deltagare`,
    'Totalt först, sedan kvinnor (K) och män (M). Inskrivna och avslutade summeras över kvartalen; pågående gäller vid periodens slut. AF = Arbetsförmedlingen.',
    'Totalt',
    participantFacts(f.participantTotals),
    f.participants.map((p) => ({ heading: name(p.initiativeId), status: '', statusColor: 'Default', facts: participantFacts(p.counts) })),
    [workNote],
  );
}
