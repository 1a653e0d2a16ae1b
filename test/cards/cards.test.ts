import assert from 'assert/strict';
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { renderCard } from '../../src/cards/renderCard';
import { errorReply } from '../../src/bot/errorReply';
import { helpReply } from '../../src/questions/answers/help';
import { InvalidInputError } from '../../src/errors';

const CARD_DIR = path.resolve(__dirname, '../../../adaptiveCards');

describe('card templates', () => {
  it('are Adaptive Cards 1.5 and use only Action.Execute', () => {
    for (const file of readdirSync(CARD_DIR).filter((f) => f.endsWith('.json'))) {
      const card = JSON.parse(readFileSync(path.join(CARD_DIR, file), 'utf8'));
      assert.equal(card.type, 'AdaptiveCard', file);
      assert.equal(card.version, '1.5', file);
      const actionTypes = JSON.stringify(card).match(/"type":"Action\.[A-Za-z]+"/g) ?? [];
      for (const t of actionTypes) assert.equal(t, '"type":"Action.Execute"', file);
    }
  });

  it('render the help card with one button per example, verb askQuestion', () => {
    const reply = helpReply();
    const card = renderCard(reply.card, reply.text) as any;
    assert.ok(card.actions.length >= 5);
    for (const a of card.actions) {
      assert.equal(a.verb, 'askQuestion');
      assert.equal(a.data.question, a.title);
    }
    assert.equal(card.fallbackText, reply.text);
    assert.doesNotMatch(JSON.stringify(card), /\$\{/);
  });

  it('take the full message width in Teams, every template', () => {
    const reply = helpReply();
    const views: Parameters<typeof renderCard>[0][] = [
      reply.card,
      { template: 'table', view: { title: 'T', headers: ['Insats', 'Utfall', '%'], rows: [], notes: [], source: 'Källa' } },
      { template: 'blocks', view: { title: 'T', intro: '', summaryHeading: '', summary: [], blocks: [], emptyText: 'Inga just nu.', notes: [] } },
    ];
    for (const view of views) assert.deepEqual((renderCard(view, 'text') as any).msteams, { width: 'Full' }, view.template);
  });

  it('render a table card with its headers and rows', () => {
    const card = renderCard({ template: 'table', view: { title: 'T', headers: ['Insats', 'Utfall', '%'], rows: [{ name: 'Växtkraft', a: '2 478 tkr', b: '90 %' }], notes: [], source: 'Källa' } }, 'text') as any;
    const json = JSON.stringify(card);
    for (const s of ['Insats', 'Utfall', 'Växtkraft', '2 478 tkr', '90 %', 'Källa']) assert.ok(json.includes(s), s);
    assert.doesNotMatch(json, /\$\{/);
  });

  it('render typed errors in Swedish with an error id and log the details', () => {
    const logged: Record<string, unknown>[] = [];
    const reply = errorReply(new InvalidInputError('Ogiltigt belopp.'), { error: (e) => logged.push(e), info: () => undefined });
    const card = renderCard(reply.card, reply.text) as any;
    assert.match(JSON.stringify(card), /Ogiltigt belopp\./);
    assert.equal(logged.length, 1);
    assert.match(JSON.stringify(card), new RegExp(`Felkod: ${logged[0]!.errorId}`));
  });
});
