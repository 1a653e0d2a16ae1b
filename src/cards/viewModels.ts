/** Typed view models, one per card template in adaptiveCards/. All strings are ready to show (Swedish, formatted). */

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** adaptiveCards/decisionRoom.json: "beslutsutrymme 2026?" */
export interface DecisionRoomView {
  readonly title: string;
  readonly headlineLabel: string;
  readonly headlineValue: string;
  readonly facts: readonly Fact[];
  readonly years: readonly { readonly year: string; readonly carriedIn: string; readonly result: string; readonly remaining: string }[];
  readonly hasYears: boolean;
  readonly notes: readonly { readonly text: string }[];
  readonly source: string;
}

/** adaptiveCards/figures.json: one or a few figures (result, income, costs, fee, ratios, a period). */
export interface FiguresView {
  readonly title: string;
  readonly headlineLabel: string;
  readonly headlineValue: string;
  readonly facts: readonly Fact[];
  readonly notes: readonly { readonly text: string }[];
  readonly source: string;
}

/** adaptiveCards/table.json: a list of insatser with up to three columns of figures. */
export interface TableView {
  readonly title: string;
  readonly headers: readonly [string, string, string];
  readonly rows: readonly { readonly name: string; readonly a: string; readonly b: string }[];
  readonly notes: readonly { readonly text: string }[];
  readonly source: string;
}

/** adaptiveCards/help.json: what the bot can answer, with buttons that ask an example. */
export interface HelpView {
  readonly title: string;
  readonly intro: string;
  readonly examples: readonly { readonly question: string }[];
}

/** adaptiveCards/error.json: a Swedish apology or explanation with an error id. */
export interface ErrorView {
  readonly title: string;
  readonly message: string;
  readonly errorId: string;
}

export type CardView =
  | { readonly template: 'decisionRoom'; readonly view: DecisionRoomView }
  | { readonly template: 'figures'; readonly view: FiguresView }
  | { readonly template: 'table'; readonly view: TableView }
  | { readonly template: 'help'; readonly view: HelpView }
  | { readonly template: 'error'; readonly view: ErrorView };

/** What a command or card action replies: a card and its plain-text fallback. */
export interface Reply {
  readonly card: CardView;
  readonly text: string;
}
