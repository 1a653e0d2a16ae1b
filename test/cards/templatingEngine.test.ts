import assert from 'assert/strict';
import { AdaptiveCards } from '@microsoft/adaptivecards-tools';
import { readFileSync } from 'fs';
import path from 'path';
import { renderCard } from '../../src/cards/renderCard';
import { CardView } from '../../src/cards/viewModels';
import { errorReply } from '../../src/bot/errorReply';
import { InvalidInputError } from '../../src/errors';
import { helpReply } from '../../src/questions/answers/help';

const CARD_DIR = path.resolve(__dirname, '../../../adaptiveCards');
const template = (name: string) => JSON.parse(readFileSync(path.join(CARD_DIR, `${name}.json`), 'utf8'));

function withoutNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => item !== null).map(withoutNulls);
  if (node && typeof node === 'object')
    return Object.fromEntries(
      Object.entries(node)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  return node;
}

/** What the authoring tool (@microsoft/adaptivecards-tools) renders for the same view, with the run time's defaults and full width. */
function authoringToolRender(card: CardView, fallbackText: string): unknown {
  const view = { reading: '', headlineLabel: '', headlineValue: '', ...card.view, fallbackText };
  const rendered = withoutNulls(AdaptiveCards.declare(template(card.template)).render(view)) as Record<string, unknown>;
  return { ...rendered, msteams: { width: 'Full' } };
}

const table = (rows: number, title: string): CardView => ({
  template: 'table',
  view: {
    title,
    headers: ['Insats', 'Utfall', '%'],
    rows: Array.from({ length: rows }, (_, i) => ({ name: `Insats ${i}`, a: `${i} tkr`, b: `${i} %` })),
    notes: rows > 1 ? [{ text: 'En not' }] : [],
    source: 'Källa',
  },
});

describe('card rendering at run time (adaptivecards-templating alone)', () => {
  it('gives exactly what the authoring tool gives, for the same views', () => {
    const help = helpReply();
    const error = errorReply(new InvalidInputError('Ogiltigt belopp.'), { error: () => undefined, info: () => undefined });
    const cases: [CardView, string][] = [
      [help.card, help.text],
      [error.card, error.text],
      [table(1, 'Ett'), 'a'],
      [table(3, 'Tre'), 'b'],
    ];
    for (const [card, text] of cases) assert.deepEqual(renderCard(card, text), authoringToolRender(card, text), card.template);
  });

  it('keeps nothing from one expansion to the next (templates are parsed once and reused)', () => {
    const first = JSON.stringify(renderCard(table(3, 'Tre rader'), 'x'));
    const second = JSON.stringify(renderCard(table(1, 'En rad'), 'y'));
    assert.match(first, /Insats 2/);
    assert.doesNotMatch(second, /Insats 2|Tre rader|En not/);
    assert.equal(JSON.stringify(renderCard(table(3, 'Tre rader'), 'x')), first);
  });
});
