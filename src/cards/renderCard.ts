import { AdaptiveCards } from '@microsoft/adaptivecards-tools';
import decisionRoom from '../../adaptiveCards/decisionRoom.json';
import delegationRegister from '../../adaptiveCards/delegationRegister.json';
import deviationCase from '../../adaptiveCards/deviationCase.json';
import deviationForm from '../../adaptiveCards/deviationForm.json';
import blocks from '../../adaptiveCards/blocks.json';
import error from '../../adaptiveCards/error.json';
import figures from '../../adaptiveCards/figures.json';
import formCard from '../../adaptiveCards/formCard.json';
import clarify from '../../adaptiveCards/clarify.json';
import help from '../../adaptiveCards/help.json';
import notice from '../../adaptiveCards/notice.json';
import receipt from '../../adaptiveCards/receipt.json';
import reportForm from '../../adaptiveCards/reportForm.json';
import table from '../../adaptiveCards/table.json';
import { BlocksView, CardView, ClarifyView, DecisionRoomView, DelegationRegisterView, DeviationCaseView, DeviationFormView, ErrorView, FiguresView, FormCardView, HelpView, NoticeView, ReceiptView, ReportFormView, TableView } from './viewModels';

type WithFallback<T> = T & { readonly fallbackText: string };

const templates = {
  decisionRoom: AdaptiveCards.declare<WithFallback<DecisionRoomView>>(decisionRoom),
  figures: AdaptiveCards.declare<WithFallback<FiguresView>>(figures),
  table: AdaptiveCards.declare<WithFallback<TableView>>(table),
  help: AdaptiveCards.declare<WithFallback<HelpView>>(help),
  clarify: AdaptiveCards.declare<WithFallback<ClarifyView>>(clarify),
  error: AdaptiveCards.declare<WithFallback<ErrorView>>(error),
  notice: AdaptiveCards.declare<WithFallback<NoticeView>>(notice),
  deviationForm: AdaptiveCards.declare<WithFallback<DeviationFormView>>(deviationForm),
  deviationCase: AdaptiveCards.declare<WithFallback<DeviationCaseView>>(deviationCase),
  delegationRegister: AdaptiveCards.declare<WithFallback<DelegationRegisterView>>(delegationRegister),
  reportForm: AdaptiveCards.declare<WithFallback<ReportFormView>>(reportForm),
  receipt: AdaptiveCards.declare<WithFallback<ReceiptView>>(receipt),
  blocks: AdaptiveCards.declare<WithFallback<BlocksView>>(blocks),
  formCard: AdaptiveCards.declare<WithFallback<FormCardView>>(formCard),
};

const OPTIONAL_DEFAULTS = { reading: '', headlineLabel: '', headlineValue: '' };

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Renders a card view into Adaptive Card 1.5 JSON, with the plain text as its fallbackText.
 * Every card takes Teams' full message width: the default bubble is too narrow for figures.
 */
export function renderCard(card: CardView, fallbackText: string): Record<string, unknown> {
  // Optional parts a template tests with $when must exist, or the expression stays literal.
  const view = { ...OPTIONAL_DEFAULTS, ...card.view, fallbackText } as never;
  const rendered = withoutNulls(templates[card.template].render(view)) as Record<string, unknown>;
  const msteams = (rendered.msteams ?? {}) as Record<string, unknown>;
  return { ...rendered, msteams: { ...msteams, width: 'Full' } };
}

/** A part left out by $when, or a value a view leaves empty (null), is left out of the card. */
function withoutNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => item !== null).map(withoutNulls);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== null).map(([key, value]) => [key, withoutNulls(value)]));
  return node;
}
