import { AdaptiveCards } from '@microsoft/adaptivecards-tools';
import decisionRoom from '../../adaptiveCards/decisionRoom.json';
import error from '../../adaptiveCards/error.json';
import figures from '../../adaptiveCards/figures.json';
import help from '../../adaptiveCards/help.json';
import table from '../../adaptiveCards/table.json';
import { CardView, DecisionRoomView, ErrorView, FiguresView, HelpView, TableView } from './viewModels';

type WithFallback<T> = T & { readonly fallbackText: string };

const templates = {
  decisionRoom: AdaptiveCards.declare<WithFallback<DecisionRoomView>>(decisionRoom),
  figures: AdaptiveCards.declare<WithFallback<FiguresView>>(figures),
  table: AdaptiveCards.declare<WithFallback<TableView>>(table),
  help: AdaptiveCards.declare<WithFallback<HelpView>>(help),
  error: AdaptiveCards.declare<WithFallback<ErrorView>>(error),
};

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Renders a card view into Adaptive Card 1.5 JSON, with the plain text as its fallbackText. */
export function renderCard(card: CardView, fallbackText: string): Record<string, unknown> {
  const view = { ...card.view, fallbackText } as never;
  return templates[card.template].render(view) as unknown as Record<string, unknown>;
}
