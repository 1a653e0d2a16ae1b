import { Kronor, assertKronor, splitByLargestRemainder } from '../domain/money';

export interface Municipality {
  readonly name: string;
  /** Folkmängd 1 November the year before, or any weight proportional to it. */
  readonly population: number;
}

export interface FeeSplit {
  readonly total: Kronor;
  /** Försäkringskassan, paying for FK and AF together: half. */
  readonly state: Kronor;
  readonly region: Kronor;
  /** The kommuner together: a quarter. */
  readonly municipalitiesTotal: Kronor;
  readonly municipalities: readonly { readonly name: string; readonly amount: Kronor }[];
}

/** Half to the state, a quarter to the region, a quarter to the kommuner by population; exact to the krona. */
export function splitMembershipFee(total: Kronor, municipalities: readonly Municipality[]): FeeSplit {
  assertKronor(total, 'medlemsavgift');
  const [state = 0, region = 0, municipalitiesTotal = 0] = splitByLargestRemainder(total, [2, 1, 1]);
  const amounts = splitByLargestRemainder(
    municipalitiesTotal,
    municipalities.map((m) => m.population),
  );
  return {
    total,
    state,
    region,
    municipalitiesTotal,
    municipalities: municipalities.map((m, i) => ({ name: m.name, amount: amounts[i] ?? 0 })),
  };
}
