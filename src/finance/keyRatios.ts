import { Kronor, wholePercent } from '../domain/money';

/** Soliditet = eget kapital ÷ totalt kapital, whole percent. */
export function soliditet(equity: Kronor, totalAssets: Kronor): number | undefined {
  return wholePercent(equity, totalAssets);
}

/** Kassalikviditet = omsättningstillgångar ÷ kortfristiga skulder, whole percent. */
export function kassalikviditet(currentAssets: Kronor, currentLiabilities: Kronor): number | undefined {
  return wholePercent(currentAssets, currentLiabilities);
}
