/** Typed view models, one per card template in adaptiveCards/. All strings are ready to show (Swedish, formatted). */

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** adaptiveCards/decisionRoom.json: "beslutsutrymme 2026?" */
export interface DecisionRoomView {
  readonly title: string;
  /** "Tolkat som: …": how the question was read, so a misreading shows at a glance. */
  readonly reading?: string;
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
  /** "Tolkat som: …"; absent on cards that answer no question. */
  readonly reading?: string;
  readonly headlineLabel: string;
  readonly headlineValue: string;
  readonly facts: readonly Fact[];
  readonly notes: readonly { readonly text: string }[];
  readonly source: string;
}

/** adaptiveCards/table.json: a list of insatser with up to three columns of figures. */
export interface TableView {
  readonly title: string;
  readonly reading?: string;
  /** The one figure the question asked for, above the rows ("82 %", "2 insatser"); absent for none. */
  readonly headlineLabel?: string;
  readonly headlineValue?: string;
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

/** adaptiveCards/clarify.json: "Menade du …?" with a button per likely reading. */
export interface ClarifyView {
  readonly title: string;
  readonly message: string;
  readonly options: readonly { readonly label: string; readonly question: string }[];
}

/** adaptiveCards/error.json: a Swedish apology or explanation with an error id. */
export interface ErrorView {
  readonly title: string;
  readonly message: string;
  readonly errorId: string;
}

/** adaptiveCards/notice.json: a situation that is not an error (wrong role, nothing to resume, a stale card), with what to do instead. */
export interface NoticeView {
  readonly title: string;
  readonly message: string;
  readonly actions: readonly { readonly title: string; readonly verb: string; readonly data: Readonly<Record<string, unknown>> }[];
}

export interface Choice {
  readonly title: string;
  readonly value: string;
}

/** adaptiveCards/deviationForm.json: the avvikelse form, refilled with the user's values when something needs fixing. */
export interface DeviationFormView {
  readonly title: string;
  readonly intro: string;
  readonly errors: readonly { readonly text: string }[];
  /** Names the filing, so a second click on the same form files nothing new. */
  readonly formId: string;
  readonly initiativeChoices: readonly Choice[];
  readonly kindChoices: readonly Choice[];
  readonly yearChoices: readonly Choice[];
  readonly initiativeId: string;
  readonly kind: string;
  readonly amount: string;
  readonly fromYear: string;
  readonly newEndDate: string;
  readonly reason: string;
  readonly position: string;
  /** The problem beside each input ('' when none) and the summary next to the submit button. */
  readonly fieldErrors: Readonly<Record<'initiativeId' | 'kind' | 'amount' | 'fromYear' | 'newEndDate' | 'reason' | 'position', string>>;
  readonly errorSummary: string;
}

/** adaptiveCards/deviationCase.json: one avvikelse, read-only or with the decision inputs. */
export interface DeviationCaseView {
  readonly caseId: string;
  readonly title: string;
  readonly status: string;
  readonly statusColor: 'Default' | 'Good' | 'Attention' | 'Accent';
  readonly facts: readonly Fact[];
  readonly effects: readonly Fact[];
  readonly decisionFacts: readonly Fact[];
  readonly notes: readonly { readonly text: string }[];
  /** Show the comment field and Godkänn/Avslå: only in the view made for a decider. */
  readonly canDecide: boolean;
  /** Show a button that fetches the decider's view, for clients that do not refresh by themselves. */
  readonly canOpen: boolean;
  /** Show "Återkalla": only in the filer's view while undecided. */
  readonly canWithdraw: boolean;
  /** The filer clicked "Återkalla": ask before withdrawing (Ja, återkalla / Nej, behåll den). */
  readonly confirmWithdraw: boolean;
  /** Teams user ids that get their own view through refresh (the deciders). */
  readonly refreshUserIds: readonly string[];
}

/** adaptiveCards/delegationRegister.json: delegationsbeslut for the board's kallelse. */
export interface DelegationRegisterView {
  readonly title: string;
  readonly intro: string;
  readonly items: readonly { readonly heading: string; readonly facts: readonly Fact[] }[];
  readonly notes: readonly { readonly text: string }[];
  readonly canMarkReported: boolean;
  readonly caseIds: readonly string[];
  /** The date typed, kept when it needs fixing, and the problem beside the field. */
  readonly meetingDate: string;
  readonly meetingDateError: string;
}

/** adaptiveCards/reportForm.json: the kvartalsrapport, refilled from a draft, a former version or the user's input. */
export interface ReportFormView {
  readonly title: string;
  readonly intro: string;
  readonly errors: readonly { readonly text: string }[];
  readonly formId: string;
  readonly initiativeId: string;
  readonly quarterKey: string;
  /** The version that was in when the form was opened ("0" for none): a later one makes this form stale. */
  readonly basedOn: string;
  readonly questions: readonly {
    readonly id: string;
    readonly number: number;
    readonly label: string;
    readonly choices: readonly Choice[];
    readonly value: string;
    readonly commentLabel: string;
    readonly comment: string;
    /** The problems beside this question's choice and comment ('' when none). */
    readonly choiceError: string;
    readonly commentError: string;
  }[];
  readonly meetingCount: number | null;
  readonly individual: boolean;
  readonly participantRows: readonly {
    readonly label: string;
    readonly womenId: string;
    readonly menId: string;
    readonly women: number | null;
    readonly men: number | null;
    readonly womenError: string;
    readonly menError: string;
  }[];
  /** The problem beside each of the other inputs, keyed by input id ('' when none). */
  readonly fieldErrors: Readonly<Record<'meetingCount' | 'confirmOngoing' | 'shareWithPlan' | 'goalFulfilment' | 'costsToDate' | 'other', string>>;
  /** Next to the submit button: how many problems, and where they are. */
  readonly errorSummary: string;
  readonly ongoingHint: string;
  readonly confirmOngoing: string;
  readonly shareWithPlan: number | null;
  readonly goalFulfilment: string;
  readonly costsToDate: string;
  readonly other: string;
}

/** adaptiveCards/receipt.json: a confirmation with facts and follow-up buttons. */
export interface ReceiptView {
  readonly title: string;
  readonly status: string;
  readonly facts: readonly Fact[];
  readonly notes: readonly { readonly text: string }[];
  readonly actions: readonly { readonly title: string; readonly verb: string; readonly data: Readonly<Record<string, unknown>> }[];
}

/**
 * adaptiveCards/blocks.json: phone-first instead of a wide table: a summary, then one block
 * per item (an insats) with a status line (a word with an icon, never colour alone) and its facts.
 */
export interface BlocksView {
  readonly title: string;
  readonly intro: string;
  readonly summaryHeading: string;
  readonly summary: readonly Fact[];
  readonly blocks: readonly {
    readonly heading: string;
    readonly status: string;
    readonly statusColor: 'Default' | 'Good' | 'Attention';
    readonly facts: readonly Fact[];
    readonly actions?: readonly { readonly title: string; readonly verb: string; readonly data: Readonly<Record<string, unknown>> }[];
  }[];
  /** Shown instead of the blocks when there are none ("Inga … just nu"). */
  readonly emptyText: string;
  readonly notes: readonly { readonly text: string }[];
  /** Buttons after everything ("Lägg till användare"). */
  readonly actions?: readonly { readonly title: string; readonly verb: string; readonly data: Readonly<Record<string, unknown>> }[];
}

/** adaptiveCards/formCard.json: a form built from field definitions (the ansökan's sections, its decision). */
export interface FormCardView {
  readonly title: string;
  readonly intro: string;
  readonly errors: readonly { readonly text: string }[];
  readonly facts: readonly Fact[];
  /** Amount tables under a heading, after the facts (an ansökan's budget per insatsägare): a label that wraps, the amount right-aligned; totals in bold. */
  readonly groups: readonly AmountTable[];
  /** An addLine field is a button among the fields ("Lägg till en lön") that sends what is typed and `data`. */
  readonly fields: readonly {
    readonly id: string;
    readonly label: string;
    readonly type: 'heading' | 'text' | 'multiline' | 'date' | 'choice' | 'addLine';
    readonly value: string;
    readonly choices: readonly Choice[];
    readonly error: string;
    readonly verb?: string;
    readonly data?: Readonly<Record<string, unknown>>;
  }[];
  readonly notes: readonly { readonly text: string }[];
  /** Buttons in the body, one per row, so a phone shows every one of them (the card's own actions are for the main step). */
  readonly rowActions: readonly {
    readonly title: string;
    readonly verb: string;
    readonly data: Readonly<Record<string, unknown>>;
    readonly style: 'default' | 'positive' | 'destructive';
  }[];
  /** Next to the buttons when something needs fixing. */
  readonly errorSummary: string;
  readonly actions: readonly {
    readonly title: string;
    readonly verb: string;
    readonly data: Readonly<Record<string, unknown>>;
    readonly style: 'default' | 'positive' | 'destructive';
  }[];
}

/** A budget table: a label that wraps, the amount right-aligned; totals in bold. */
export interface AmountTable {
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly value: string; readonly total: boolean }[];
}

/** adaptiveCards/applicationFull.json: a submitted ansökan in full, section by section, for the kansli, the deciders and the applicant. */
export interface ApplicationFullView {
  readonly title: string;
  readonly status: string;
  readonly sections: readonly { readonly title: string; readonly items: readonly { readonly label: string; readonly value: string }[] }[];
  readonly budget: readonly AmountTable[];
  readonly notes: readonly { readonly text: string }[];
  readonly actions: readonly { readonly title: string; readonly verb: string; readonly data: Readonly<Record<string, unknown>> }[];
}

/** adaptiveCards/exportOffer.json: a board document offered as files, by link and (in personal chat) as a file in the chat. */
export interface ExportOfferView {
  readonly title: string;
  readonly intro: string;
  readonly facts: readonly Fact[];
  readonly source: string;
  /** Lines under the source (the sums of an imported file that differ from its rows). */
  readonly items: readonly { readonly text: string }[];
  /** Until when the links work, or why there are none; empty when nothing needs saying. */
  readonly linkNote: string;
  readonly links: readonly { readonly title: string; readonly url: string }[];
  readonly actions: readonly { readonly title: string; readonly verb: string; readonly data: Readonly<Record<string, unknown>> }[];
}

/** adaptiveCards/personForm.json: add a person (people picker, or name and e-mail) or change one's roles, insatser and deputy period. */
export interface PersonFormView {
  readonly title: string;
  readonly intro: string;
  readonly errors: readonly { readonly text: string }[];
  /** Adding shows the people picker and the e-mail; changing names the person. */
  readonly adding: boolean;
  readonly mode: 'add' | 'edit';
  readonly aadObjectId: string;
  /** The entry the form was opened on, sent back with Spara (see personFingerprint). */
  readonly basis: string;
  readonly person: string;
  readonly name: string;
  readonly email: string;
  /** Comma-separated values, as a multi-select sends them. */
  readonly roles: string;
  readonly initiatives: string;
  readonly deputyFrom: string;
  readonly deputyTo: string;
  readonly roleChoices: readonly Choice[];
  readonly initiativeChoices: readonly Choice[];
  readonly fieldErrors: Readonly<Record<'name' | 'email' | 'roles' | 'initiatives' | 'deputy', string>>;
  readonly errorSummary: string;
}

export type CardView =
  | { readonly template: 'decisionRoom'; readonly view: DecisionRoomView }
  | { readonly template: 'figures'; readonly view: FiguresView }
  | { readonly template: 'table'; readonly view: TableView }
  | { readonly template: 'help'; readonly view: HelpView }
  | { readonly template: 'clarify'; readonly view: ClarifyView }
  | { readonly template: 'error'; readonly view: ErrorView }
  | { readonly template: 'notice'; readonly view: NoticeView }
  | { readonly template: 'deviationForm'; readonly view: DeviationFormView }
  | { readonly template: 'deviationCase'; readonly view: DeviationCaseView }
  | { readonly template: 'delegationRegister'; readonly view: DelegationRegisterView }
  | { readonly template: 'reportForm'; readonly view: ReportFormView }
  | { readonly template: 'receipt'; readonly view: ReceiptView }
  | { readonly template: 'blocks'; readonly view: BlocksView }
  | { readonly template: 'formCard'; readonly view: FormCardView }
  | { readonly template: 'applicationFull'; readonly view: ApplicationFullView }
  | { readonly template: 'exportOffer'; readonly view: ExportOfferView }
  | { readonly template: 'personForm'; readonly view: PersonFormView };

/** What a command or card action replies: a card and its plain-text fallback. */
export interface Reply {
  readonly card: CardView;
  readonly text: string;
}
