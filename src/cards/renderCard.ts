import type { Template } from 'adaptivecards-templating';
import decisionRoom from '../../adaptiveCards/decisionRoom.json';
import delegationRegister from '../../adaptiveCards/delegationRegister.json';
import deviationCase from '../../adaptiveCards/deviationCase.json';
import deviationForm from '../../adaptiveCards/deviationForm.json';
import applicationFull from '../../adaptiveCards/applicationFull.json';
import exportOffer from '../../adaptiveCards/exportOffer.json';
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
import personForm from '../../adaptiveCards/personForm.json';
import {
  ApplicationFullView,
  ExportOfferView,
  BlocksView,
  CardView,
  ClarifyView,
  DecisionRoomView,
  DelegationRegisterView,
  DeviationCaseView,
  DeviationFormView,
  ErrorView,
  FiguresView,
  FormCardView,
  HelpView,
  NoticeView,
  PersonFormView,
  ReceiptView,
  ReportFormView,
  TableView,
} from './viewModels';

type WithFallback<T> = T & { readonly fallbackText: string };

/** A card template typed by the view it expands (the shape @microsoft/adaptivecards-tools' declare<T> gives authors). */
interface DeclaredCard<V> {
  readonly template: object;
  /** Phantom: ties the template to its view model at compile time. */
  readonly view?: V;
}
const declare = <V>(template: object): DeclaredCard<WithFallback<V>> => ({ template });

const templates = {
  decisionRoom: declare<DecisionRoomView>(decisionRoom),
  figures: declare<FiguresView>(figures),
  table: declare<TableView>(table),
  help: declare<HelpView>(help),
  clarify: declare<ClarifyView>(clarify),
  error: declare<ErrorView>(error),
  notice: declare<NoticeView>(notice),
  deviationForm: declare<DeviationFormView>(deviationForm),
  deviationCase: declare<DeviationCaseView>(deviationCase),
  delegationRegister: declare<DelegationRegisterView>(delegationRegister),
  reportForm: declare<ReportFormView>(reportForm),
  receipt: declare<ReceiptView>(receipt),
  blocks: declare<BlocksView>(blocks),
  formCard: declare<FormCardView>(formCard),
  applicationFull: declare<ApplicationFullView>(applicationFull),
  exportOffer: declare<ExportOfferView>(exportOffer),
  personForm: declare<PersonFormView>(personForm),
};
type TemplateName = keyof typeof templates;

// adaptivecards-templating (with adaptive-expressions) is the expansion engine alone, loaded at the
// first card rather than at start: it costs start-up time that /healthz does not need.
let engine: typeof import('adaptivecards-templating') | undefined;
const parsed = new Map<TemplateName, Template>();

function templateFor(name: TemplateName): Template {
  let template = parsed.get(name);
  if (!template) {
    engine ??= require('adaptivecards-templating') as typeof import('adaptivecards-templating'); // eslint-disable-line @typescript-eslint/no-require-imports
    template = new engine.Template(templates[name].template);
    parsed.set(name, template);
  }
  return template;
}

const OPTIONAL_DEFAULTS = { reading: '', headlineLabel: '', headlineValue: '' };

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Renders a card view into Adaptive Card 1.5 JSON, with the plain text as its fallbackText.
 * Every card takes Teams' full message width: the default bubble is too narrow for figures.
 */
export function renderCard(card: CardView, fallbackText: string): Record<string, unknown> {
  // Optional parts a template tests with $when must exist, or the expression stays literal.
  const view = { ...OPTIONAL_DEFAULTS, ...card.view, fallbackText } as never;
  const rendered = withoutNulls(templateFor(card.template).expand({ $root: view })) as Record<string, unknown>;
  const msteams = (rendered.msteams ?? {}) as Record<string, unknown>;
  return { ...rendered, msteams: { ...msteams, width: 'Full' } };
}

/** A part left out by $when, or a value a view leaves empty (null), is left out of the card. */
function withoutNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => item !== null).map(withoutNulls);
  if (node && typeof node === 'object')
    return Object.fromEntries(
      Object.entries(node)
        .filter(([, value]) => value !== null)
        .map(([key, value]) => [key, withoutNulls(value)]),
    );
  return node;
}
