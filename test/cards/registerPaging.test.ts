import assert from 'assert/strict';
import { REGISTER_PAGE_SIZE, RegisterItem, registerReply } from '../../src/deviations/delegationRegister';
import { pageOf, withPage } from '../../src/cards/paging';
import { renderCard } from '../../src/cards/renderCard';
import { DelegationRegisterView, Reply } from '../../src/cards/viewModels';

const viewOf = (reply: Reply): DelegationRegisterView => (reply.card.template === 'delegationRegister' ? reply.card.view : assert.fail(reply.card.template));

/** A register entry as long as real ones get: a long motivering, a two-year finance effect. */
const item = (n: number, reported?: string): RegisterItem => ({
  caseId: `avvikelse-${String(n).padStart(4, '0')}-${'k'.repeat(24)}`,
  number: `D 2026:${n}`,
  decidedOn: `2026-${String(1 + (n % 12)).padStart(2, '0')}-10`,
  decidedAt: '2026-05-12T10:00:00Z',
  decider: 'Förbundschef (demo), förbundschef',
  matter: `Avvikelse Dnr 2026:${n}, Växtkraft (Enköping): flytta medel till nästa år`,
  decision: 'Godkänd: flytta medel till nästa år',
  reason: 'Vakansen är styrkt och medlen behövs nästa år när tjänsten är tillsatt igen. '.repeat(3),
  financeEffect: '2026: −1 250 000 kr; 2027: +1 250 000 kr',
  ...(reported ? { reportedToBoard: reported } : {}),
});

describe('the delegationsbeslut register, however long', () => {
  const question = 'delegationsbeslut 2026?';

  it('shows every decision once over its pages, each card under 25 KB, with the way to the next page', () => {
    const all = Array.from({ length: 47 }, (_, i) => item(i + 1, i % 3 === 0 ? '2026-06-12' : undefined));
    const seen: string[] = [];
    const pages = Math.ceil(all.length / REGISTER_PAGE_SIZE);
    for (let page = 1; page <= pages; page += 1) {
      const reply = registerReply(all, { kind: 'range', from: '2026-01-01', to: '2026-12-31', label: '2026' }, true, undefined, undefined, { page, question });
      const card = renderCard(reply.card, reply.text);
      assert.ok(JSON.stringify(card).length < 25_000, `page ${page}: ${JSON.stringify(card).length} bytes`);
      const view = viewOf(reply);
      seen.push(...view.items.map((i) => i.heading.split(' – ')[0] as string));
      assert.match(view.intro, new RegExp(`^47 beslut\\. Sida ${page} av ${pages}\\.$`));
      // The button marks only what this page shows and has not been reported.
      const shownIds = all.filter((i) => view.items.some((v) => v.heading.startsWith(`${i.number} `)));
      assert.deepEqual(
        view.caseIds,
        shownIds.filter((i) => !i.reportedToBoard).map((i) => i.caseId),
      );
      const more = view.notes.find((n) => n.text.startsWith('Visa fler'));
      if (page < pages) assert.equal(more?.text, `Visa fler: skriv "delegationsbeslut 2026 sida ${page + 1}".`);
      else assert.equal(more, undefined);
    }
    assert.equal(seen.length, all.length);
    assert.equal(new Set(seen).size, all.length);
  });

  it('reads the page from the question and clamps it to the pages there are', () => {
    assert.equal(pageOf('delegationsbeslut 2026 sida 3'), 3);
    assert.equal(pageOf('delegationsbeslut 2026'), 1);
    assert.equal(withPage('delegationsbeslut 2026 sida 3?', 4), 'delegationsbeslut 2026 sida 4');
    const reply = registerReply([item(1), item(2)], { kind: 'unreported' }, true, undefined, undefined, { page: 9, question });
    const view = viewOf(reply);
    assert.equal(view.items.length, 2);
    assert.equal(view.intro, '2 beslut som ännu inte anmälts till styrelsen.');
  });
});
