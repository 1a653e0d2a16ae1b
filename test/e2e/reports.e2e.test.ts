import assert from 'assert/strict';
import { BotUnderTest, startBot } from '../helpers/runningBot';
import { actionsOf, chat, chatOf, inputIds, texts } from '../helpers/chat';
import { TeamsUser, adaptiveCardInvoke } from '../helpers/teams';
import { allYesAnswers, reportFields } from './reportFields';
import { cosmosRepositories } from '../../src/store/repositories';

const user = (id: string, aad: string, name: string): TeamsUser => ({ id, aadObjectId: aad, name });
const kansli = user('29:kansli', '00000000-0000-0000-0000-0000000000c2', 'Ekonom på kansliet (demo)');
const board = user('29:board', '00000000-0000-0000-0000-0000000000b1', 'Styrelseledamot (demo)');
const vaxtkraftLead = user('29:d1', '00000000-0000-0000-0000-0000000000d1', 'Insatsansvarig Växtkraft (demo)');
const alvkarlebyLead = user('29:d2', '00000000-0000-0000-0000-0000000000d2', 'Insatsansvarig Älvkarleby (demo)');

const ALL_YES = allYesAnswers;
const participants = (p: Record<string, [number, number]>) =>
  Object.fromEntries(
    Object.entries(p).flatMap(([row, [k, m]]) => [
      [`p_${row}_k`, String(k)],
      [`p_${row}_m`, String(m)],
    ]),
  );
const Q2_PARTICIPANTS = participants({ enrolled: [8, 7], exited: [6, 5], exitedToWorkOrStudies: [3, 2], exitedToRehab: [1, 0], ongoing: [20, 18] });
const Q3_PARTICIPANTS = participants({ enrolled: [5, 4], exited: [6, 3], exitedToWorkOrStudies: [2, 2], exitedToRehab: [1, 0], ongoing: [19, 19] });

describe('kvartalsrapporter over /api/messages', function () {
  let bot: BotUnderTest;
  const { say, invoke } = chat(() => bot);
  const env = { CLOCK_DATE: '2026-11-23' };

  before(async () => {
    bot = await startBot(env);
  });
  after(async () => {
    await bot.stop();
  });

  const formData = (form: any) => form.actions.find((a: any) => a.verb === 'submitReport').data as { formId: string; initiativeId: string; quarterKey: string };
  const submit = (u: TeamsUser, form: any, fields: Record<string, string>) => invoke(u, 'submitReport', { ...formData(form), ...fields });
  /** The text shown right under an input: the problem with that field, or ''. */
  const besideField = (card: any, id: string): string => {
    let found = '';
    const walk = (items: any[]) => {
      items.forEach((item, i) => {
        if (item?.id === id) found = items[i + 1]?.type === 'TextBlock' && items[i + 1]?.color === 'Attention' ? items[i + 1].text : '';
        for (const key of ['body', 'items', 'columns']) if (Array.isArray(item?.[key])) walk(item[key]);
      });
    };
    walk(card.body);
    return found.replace(/[\u00a0\u202f]/g, ' ');
  };
  const valueOf = (card: any, id: string): unknown => {
    let found: unknown;
    const walk = (n: any) => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== 'object') return;
      if (n.id === id) found = n.value;
      for (const k of ['body', 'items', 'columns']) if (n[k]) walk(n[k]);
    };
    walk(card.body);
    return found;
  };

  it('files the previous quarter first, with a confirmation since there is nothing to check pågående against', async () => {
    const [form] = await say(vaxtkraftLead, 'kvartalsrapport kvartal 2 2026');
    assert.match(texts(form), /Kvartalsrapport kvartal 2 2026 – Växtkraft \(Enköping\)/);
    assert.match(texts(form), /Senast 31 juli 2026/);
    const refused = await submit(vaxtkraftLead, form, { ...ALL_YES, ...Q2_PARTICIPANTS });
    assert.match(texts(refused), /ingen rapport för förra kvartalet att stämma av pågående mot/);
    const receipt = await submit(vaxtkraftLead, refused, { ...ALL_YES, ...Q2_PARTICIPANTS, confirmOngoing: 'true' });
    assert.match(texts(receipt), /Inlämnad \(version 1\)/);
  });

  it('gives the form for the latest ended quarter with every question of forms.md and the participant counts', async () => {
    const [form] = await say(vaxtkraftLead, 'kvartalsrapport');
    assert.match(texts(form), /Kvartalsrapport kvartal 3 2026 – Växtkraft \(Enköping\)/);
    assert.match(texts(form), /Senast 31 oktober 2026/);
    assert.match(texts(form), /Förra kvartalet: 20 kvinnor och 18 män pågående/);
    const ids = inputIds(form);
    assert.equal(ids.filter((id) => id.startsWith('choice_')).length, 12);
    assert.equal(ids.filter((id) => id.startsWith('p_')).length, 10);
    for (const id of ['meetingCount', 'confirmOngoing', 'shareWithPlan', 'goalFulfilment', 'costsToDate', 'other']) assert.ok(ids.includes(id), id);
    assert.deepEqual(actionsOf(form), ['Skicka in rapporten', 'Spara utkast']);
  });

  it('refuses each bad answer with a Swedish message, keeps what was typed and stores nothing', async () => {
    const [form] = await say(vaxtkraftLead, 'kvartalsrapport');
    const good = { ...ALL_YES, ...Q3_PARTICIPANTS };
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /1\. Ligger insatsen i fas gällande uppsatta mål\? Välj ett svar/],
      [{ ...good, choice_inPhase: 'Delvis' }, /Kommentar \(fråga 1\) saknas – krävs när svaret är "Delvis"/],
      [{ ...good, choice_forecast: 'Målen kommer inte att nås fullt ut' }, /Skäl \(fråga 2\) saknas/],
      [{ ...good, choice_deviation: 'Ja' }, /Vilken avvikelse\? \(fråga 10\) saknas/],
      [{ ...good, p_enrolled_k: '-1' }, /Inskrivna under kvartalet \(kvinnor\): "-1" är inget heltal ≥ 0/],
      [{ ...good, p_exited_m: '2,5' }, /Avslutade under kvartalet \(män\): "2,5" är inget heltal ≥ 0/],
      [{ ...good, p_exitedToWorkOrStudies_k: '6' }, /"varav" \(7\) kan inte vara fler än avslutade \(6\) för kvinnor/],
      [{ ...good, p_ongoing_k: '99' }, /Pågående vid kvartalets slut stämmer inte med förra kvartalets rapport \(kvinnor: 20 \+ 5 − 6 = 19, inte 99\)/],
      [{ ...good, goalFulfilment: 'Deltagare 850101-1234 fick jobb.' }, /Måluppfyllelse per mål innehåller något som liknar ett personnummer/],
      [{ ...good, costsToDate: 'mycket' }, /Upparbetade kostnader hittills i år: "mycket" är inget belopp/],
      [{ ...good, meetingCount: '0' }, /ange hur många/],
      [{ ...good, shareWithPlan: '120' }, /inte vara över 100 %/],
    ];
    for (const [fields, expected] of cases) {
      const card = await submit(vaxtkraftLead, form, fields);
      assert.match(texts(card), expected, JSON.stringify(fields).slice(0, 120));
      assert.match(texts(card), /Rätta följande och skicka igen/);
      assert.match(texts(card), /Inget skickades in: \d+ sak(er)? behöver rättas/, 'a summary next to the submit button');
      if (fields.goalFulfilment) assert.equal(valueOf(card, 'goalFulfilment'), fields.goalFulfilment, 'typed text kept');
    }
    // Each problem stands right under the field it concerns, in that field's words.
    const marked = await submit(vaxtkraftLead, form, {
      ...good,
      costsToDate: 'mycket',
      choice_forecast: 'Målen kommer inte att nås fullt ut',
      p_exited_m: '2,5',
    });
    assert.match(besideField(marked, 'costsToDate'), /^Upparbetade kostnader hittills i år: "mycket" är inget belopp/);
    assert.match(besideField(marked, 'comment_forecast'), /^Skäl \(fråga 2\) saknas/);
    assert.match(besideField(marked, 'p_exited_m'), /^Avslutade under kvartalet \(män\): "2,5" är inget heltal/);
    assert.equal(besideField(marked, 'goalFulfilment'), '', 'a good field is not marked');
    const [status] = await say(kansli, 'vilka kvartalsrapporter saknas?');
    assert.match(texts(status), /Växtkraft \(Enköping\)\nFörsenad\nskulle in senast 31 oktober 2026/);
  });

  it('keeps a half-filled draft across a restart, and refuses to store a personnummer in it', async () => {
    const [form] = await say(vaxtkraftLead, 'kvartalsrapport');
    const saved = await invoke(vaxtkraftLead, 'saveReportDraft', {
      ...formData(form),
      choice_inPhase: 'Delvis',
      comment_inPhase: 'Vakans under sommaren.',
      p_enrolled_k: '5',
      goalFulfilment: 'Halvvägs',
    });
    assert.match(texts(saved), /Utkastet är sparat/);
    const refused = await invoke(vaxtkraftLead, 'saveReportDraft', { ...formData(form), goalFulfilment: 'Se 19850101-1234' });
    assert.match(texts(refused), /liknar ett personnummer.*Inget sparades/s);

    await bot.app.close();
    const connector = bot.connector;
    const restarted = await startBot(env, bot.dataDir, connector);
    bot = {
      ...restarted,
      stop: async (o) => {
        await restarted.stop(o);
        await connector.close();
      },
    };

    const [resumed] = await say(vaxtkraftLead, 'kvartalsrapport');
    assert.match(texts(resumed), /Du fortsätter utkastet som Insatsansvarig Växtkraft \(demo\) sparade 23 november 2026/);
    assert.equal(valueOf(resumed, 'choice_inPhase'), 'Delvis');
    assert.equal(valueOf(resumed, 'comment_inPhase'), 'Vakans under sommaren.');
    assert.equal(valueOf(resumed, 'p_enrolled_k'), 5);
    assert.equal(valueOf(resumed, 'goalFulfilment'), 'Halvvägs');
  });

  it('files the report once however often it is sent, offers the avvikelse form, and a correction becomes version 2', async () => {
    const [form] = await say(vaxtkraftLead, 'kvartalsrapport');
    const fields = {
      ...ALL_YES,
      ...Q3_PARTICIPANTS,
      choice_deviation: 'Ja',
      comment_deviation: 'Vakans; medel bör flyttas till 2027.',
      costsToDate: '1 850 000',
    };
    const receipt = await submit(vaxtkraftLead, form, fields);
    assert.match(texts(receipt), /Inlämnad \(version 1\)/);
    assert.match(texts(receipt), /Upparbetade kostnader hittills i år: 1 850 000 kr/);
    assert.deepEqual(actionsOf(receipt), ['Lämna avvikelse nu']);
    const again = await submit(vaxtkraftLead, form, fields);
    assert.match(texts(again), /Redan inlämnad \(version 1\)/);

    const before = bot.connector.for(chatOf(vaxtkraftLead)).length;
    const click = await bot.post(adaptiveCardInvoke(bot.connector.url, vaxtkraftLead, 'openDeviationForm', receipt.actions[0].data, chatOf(vaxtkraftLead)));
    assert.equal(click.body.type, 'application/vnd.microsoft.activity.message', 'the receipt stays; the form comes as a new message');
    const deviationForm = bot.connector.for(chatOf(vaxtkraftLead)).slice(before)[0].attachments[0].content;
    assert.match(texts(deviationForm), /Ny avvikelse/);
    assert.equal(valueOf(deviationForm, 'initiativeId'), 'vaxtkraft');

    const [correction] = await say(vaxtkraftLead, 'kvartalsrapport');
    assert.match(texts(correction), /redan inlämnad \(version 1\).*blir version 2/is);
    assert.equal(valueOf(correction, 'costsToDate'), '1850000');
    const [older] = await say(vaxtkraftLead, 'kvartalsrapport');
    const corrected = await submit(vaxtkraftLead, correction, { ...fields, costsToDate: '1 900 000' });
    assert.match(texts(corrected), /Inlämnad \(version 2\)/);

    // Old cards answer with the report as it stands and change nothing in the store.
    const repos = cosmosRepositories(bot.app.store);
    const q3 = { year: 2026, quarter: 3 as const };
    const stored = async () => JSON.stringify([await repos.reports.get('uppsala', 'vaxtkraft', q3), await repos.reports.getDraft('uppsala', 'vaxtkraft', q3)]);
    const storeBefore = await stored();
    const submittedCard = await invoke(vaxtkraftLead, 'saveReportDraft', { ...formData(form), ...fields, costsToDate: '5 tkr' });
    assert.match(texts(submittedCard), /Redan inlämnad \(version 2\)/);
    assert.match(texts(submittedCard), /redan inskickat \(version 1\); inget nytt sparades/);
    const openedBefore = await invoke(vaxtkraftLead, 'saveReportDraft', { ...formData(older), costsToDate: '7 tkr' });
    assert.match(texts(openedBefore), /lämnades in \(version 2\) efter att det här formuläret öppnades/);
    const filedFromOld = await submit(vaxtkraftLead, older, { ...fields, costsToDate: '9 tkr' });
    assert.match(texts(filedFromOld), /Redan inlämnad \(version 2\)/);
    assert.equal(await stored(), storeBefore, 'no draft, no new version');
  });

  it('a structural insats files without participant counts; someone with two insatser chooses first', async () => {
    const [chooser] = await say(alvkarlebyLead, 'kvartalsrapport');
    assert.deepEqual(actionsOf(chooser).sort(), ['Förstärkt stöd till arbete eller studier (Älvkarleby)', 'Lokussamordnare (Älvkarleby)']);
    const lokus = chooser.actions.find((a: any) => a.title === 'Lokussamordnare (Älvkarleby)');
    const form = await invoke(alvkarlebyLead, 'openReportForm', lokus.data);
    assert.equal(inputIds(form).filter((id) => id.startsWith('p_')).length, 0);
    const receipt = await submit(alvkarlebyLead, form, { ...ALL_YES, costsToDate: '120 tkr' });
    assert.match(texts(receipt), /Inlämnad \(version 1\)/);
    const refused = await invoke(vaxtkraftLead, 'openReportForm', lokus.data);
    assert.match(texts(refused), /Välj en av dina insatser/);
  });

  it('when the report is in, every earlier form card that saved its draft shows the receipt', async () => {
    const lastMessageId = () => bot.connector.activities.filter((a) => a.conversationId === chatOf(alvkarlebyLead)).pop()?.id as string;
    const openForstarkt = async () => {
      const [chooser] = await say(alvkarlebyLead, 'kvartalsrapport');
      const cardId = lastMessageId();
      const choice = chooser.actions.find((a: any) => /Förstärkt stöd/.test(a.title));
      return { cardId, form: await invoke(alvkarlebyLead, 'openReportForm', choice.data, cardId) };
    };
    const first = await openForstarkt();
    await invoke(alvkarlebyLead, 'saveReportDraft', { ...formData(first.form), choice_inPhase: 'Ja' }, first.cardId);
    const second = await openForstarkt();
    assert.match(texts(second.form), /Du fortsätter utkastet/);
    const updatesBefore = bot.connector.updates.length;
    const receipt = await invoke(alvkarlebyLead, 'submitReport', { ...formData(second.form), ...reportFields }, second.cardId);
    assert.match(texts(receipt), /Inlämnad \(version 1\)/);
    const updated = bot.connector.updates.slice(updatesBefore).filter((u) => u.activityId === first.cardId);
    assert.equal(updated.length, 1, 'the first form card was replaced');
    assert.match(texts(updated[0]!.body.attachments[0].content), /Rapporten är inlämnad \(version 1\); det här utkastet är avslutat/);
  });

  it('the kansli sees each insats’s status for a quarter: inlämnad (late or not), försenad, saknas', async () => {
    const [status] = await say(kansli, 'vilka kvartalsrapporter saknas?');
    const shown = texts(status);
    assert.match(shown, /^Kvartalsrapporter kvartal 3 2026: \d+ av \d+ saknas/);
    assert.match(shown, /Växtkraft \(Enköping\)\nInlämnad för sent\n23 november 2026, version 2/);
    assert.match(shown, /Lokussamordnare \(Älvkarleby\)\nInlämnad för sent\n23 november 2026/);
    assert.match(shown, /Min framtid \(Tierp\)\nFörsenad\nskulle in senast 31 oktober 2026/);
    assert.doesNotMatch(shown, /Kvinna Hälsa Arbete/, 'an insats that ended before the quarter is not asked for');
    const [next] = await say(kansli, 'kvartalsrapporter status kvartal 4 2026');
    assert.match(texts(next), /Växtkraft \(Enköping\)\nSaknas\nsenast 31 januari 2027/);
    const [refused] = await say(vaxtkraftLead, 'vilka kvartalsrapporter saknas?');
    assert.match(texts(refused), /visas för kansliet/);
  });

  it('compiles the board’s follow-up from the reports: nuläge, budget against the linear expectation, kvalitetssäkring, deltagare', async () => {
    const cards = await say(kansli, 'uppföljning 2026');
    assert.equal(cards.length, 4);
    const [overview, budget, quality, people] = cards.map(texts);
    assert.match(overview as string, /Uppföljning 2026 till och med kvartal 3 2026: insatser och nuläge/);
    assert.match(
      overview as string,
      /Växtkraft \(Enköping\)\n✔ Grön – i fas och målen nås\nInsatstid: 2025-01-01 – 2027-12-31\nI fas med målen: Ja\nStyrgruppens prognos: målen nås: Ja\nKvartalsrapporter: saknas för kvartal 1 2026/,
    );
    assert.match(
      budget as string,
      /Växtkraft \(Enköping\)\nBudget 2026: 2 753 000 kr\nUpparbetat: 1 900 000 kr\nFörbrukningsgrad: 69 %\nLinjärt förväntat per 30 september 2026: 2 059 093 kr\nMot förväntan: 92 %/,
    );
    assert.match(
      quality as string,
      /Växtkraft \(Enköping\)\nStyrgruppsmöte enligt avtal varje kvartal: Ja \(4 möten\)\nAlla parter representerade: Ja\nUppföljning lämnad: Ja\nMålgrupp och metod enligt ansökan: Ja\nJämställdhet diskuterad: Ja\nImplementering diskuterad: Ja\nAvvikelser något kvartal: Ja\nVakanser något kvartal: Nej/,
    );
    // Flows add over Q2 and Q3; pågående is Q3's. Total first, then women and men.
    assert.match(
      people as string,
      /Växtkraft \(Enköping\)\nInskrivna: 24 \(13 K \/ 11 M\)\nAvslutade: 20 \(12 K \/ 8 M\)\nvarav till arbete, studier eller arbetssökande: 9 \(5 K \/ 4 M\)\nvarav till rehabilitering \(AF eller kommun\): 2 \(2 K \/ 0 M\)\nPågående vid periodens slut: 38 \(19 K \/ 19 M\)/,
    );
    for (const card of cards) assert.doesNotMatch(JSON.stringify(card), /"color":"Warning"/, 'no yellow text');
    const [half] = await say(board, 'uppföljning första halvåret 2026');
    assert.match(texts(half), /Uppföljning första halvåret 2026: insatser och nuläge/);
    const [refused] = await say(vaxtkraftLead, 'uppföljning 2026');
    assert.match(texts(refused), /sammanställs för kansliet/);
  });

  it('compiles "uppföljning 2025" from the demo’s reports into the förbund’s published table', async () => {
    const cards = await say(kansli, 'uppföljning 2025');
    const people = texts(cards[3]);
    assert.match(
      people,
      /Totalt\nInskrivna: 383 \(229 K \/ 154 M\)\nAvslutade: 430 \(304 K \/ 126 M\)\nvarav till arbete, studier eller arbetssökande: 147 \(75 K \/ 72 M\)\nvarav till rehabilitering \(AF eller kommun\): 40 \(19 K \/ 21 M\)\nPågående vid periodens slut: 329 \(171 K \/ 158 M\)/,
    );
    assert.match(
      people,
      /Avslutade till arbete, studier eller arbetssökande: 147 av 281 \(52 %\); 149 avslutade i insatser som upphörde under perioden räknas inte/,
    );
    assert.match(texts(cards[1]), /Totalt\nBudget 2025: 21 304 000 kr\nUpparbetat: 17 430 000 kr\nFörbrukningsgrad: 82 %/);
  });

  it('board members’ förbrukningsgrad during the year comes from the reports’ upparbetade kostnader', async () => {
    const [one] = await say(board, 'förbrukningsgrad Växtkraft');
    assert.match(texts(one), /Förbrukningsgrad Växtkraft \(Enköping\) 2026\nTolkat som: förbrukningsgrad 2026[^\n]*\nMot beviljad budget\n69 %/);
    assert.match(texts(one), /Förväntat linjärt per 2026-09-30: 2 059 tkr/);
    assert.match(texts(one), /Mot linjär förväntan: 92 %/);
    assert.match(texts(one), /Enligt kvartalsrapporternas upparbetade kostnader per 2026-09-30/);
    const [all] = await say(board, 'förbrukningsgrad 2026');
    assert.match(texts(all), /Lokussamordnare \(Älvkarleby\)\n120 tkr av 161 tkr\n75 %/);
  });
});
