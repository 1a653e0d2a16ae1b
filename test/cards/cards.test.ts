import assert from 'assert/strict';
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { renderCard } from '../../src/cards/renderCard';
import { errorReply } from '../../src/bot/errorReply';
import { helpReply } from '../../src/questions/answers/help';
import { InvalidInputError } from '../../src/errors';

const CARD_DIR = path.resolve(__dirname, '../../../adaptiveCards');

describe('card templates', () => {
  it('are Adaptive Cards 1.5 and use only Action.Execute (and Action.OpenUrl for download links)', () => {
    for (const file of readdirSync(CARD_DIR).filter((f) => f.endsWith('.json'))) {
      const card = JSON.parse(readFileSync(path.join(CARD_DIR, file), 'utf8'));
      assert.equal(card.type, 'AdaptiveCard', file);
      assert.equal(card.version, '1.5', file);
      const actionTypes = JSON.stringify(card).match(/"type":"Action\.[A-Za-z]+"/g) ?? [];
      const allowed = file === 'exportOffer.json' ? ['"type":"Action.Execute"', '"type":"Action.OpenUrl"'] : ['"type":"Action.Execute"'];
      for (const t of actionTypes) assert.ok(allowed.includes(t), `${file}: ${t}`);
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
    const card = renderCard(
      {
        template: 'table',
        view: { title: 'T', headers: ['Insats', 'Utfall', '%'], rows: [{ name: 'Växtkraft', a: '2 478 tkr', b: '90 %' }], notes: [], source: 'Källa' },
      },
      'text',
    ) as any;
    const json = JSON.stringify(card);
    for (const s of ['Insats', 'Utfall', 'Växtkraft', '2 478 tkr', '90 %', 'Källa']) assert.ok(json.includes(s), s);
    assert.doesNotMatch(json, /\$\{/);
  });

  it('answer a user situation with a friendly card and a way on, logged at info without stack and without Felkod', () => {
    const errors: Record<string, unknown>[] = [];
    const infos: Record<string, unknown>[] = [];
    const reply = errorReply(new InvalidInputError('Du har inget påbörjat utkast.', undefined, [{ title: 'Ny ansökan', question: 'ny ansökan' }]), {
      error: (e) => errors.push(e),
      info: (e) => infos.push(e),
    });
    const card = renderCard(reply.card, reply.text) as any;
    assert.match(JSON.stringify(card), /Du har inget påbörjat utkast\./);
    assert.doesNotMatch(JSON.stringify(card), /Felkod/i);
    assert.deepEqual(
      card.actions.map((a: any) => [a.title, a.verb, a.data.question]),
      [['Ny ansökan', 'askQuestion', 'ny ansökan']],
    );
    assert.equal(errors.length, 0);
    assert.equal(infos.length, 1);
    assert.equal(infos[0]!.stack, undefined);
  });

  it('answer a real fault with an apology and an error id that is in the error log with its stack', () => {
    const errors: Record<string, unknown>[] = [];
    const reply = errorReply(new TypeError('x is undefined'), { error: (e) => errors.push(e), info: () => undefined });
    const card = renderCard(reply.card, reply.text) as any;
    assert.equal(errors.length, 1);
    assert.match(JSON.stringify(card), new RegExp(`Felkod: ${errors[0]!.errorId}`));
    assert.match(String(errors[0]!.stack), /TypeError: x is undefined/);
  });
});
