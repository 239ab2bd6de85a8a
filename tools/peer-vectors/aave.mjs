// Golden vectors from @aave/math-utils (Aave v3's own health-factor arithmetic), run offline.
// Writes ../../engine-core/src/test/resources/golden/aave.json. Deterministic (seeded PRNG).
import { createRequire } from 'module';
import { formatReserves, formatUserSummary } from '@aave/math-utils';
import BigNumber from 'bignumber.js';

const require = createRequire(import.meta.url);
const { rng, toUnits, VectorSet, GOLDEN_DIR } = require('./spec.js');
const pkg = require('@aave/math-utils/package.json');
const path = require('path');

const RAY = '1' + '0'.repeat(27);
const NOW = 1_700_000_000;
const MRC_DECIMALS = 8; // Aave v3: market reference currency = USD with 8 decimals
const MRC_PRICE_IN_USD = '100000000';

// Reserve catalogue: decimals, LTV and liquidation threshold in basis points (Aave v3 Ethereum-like values),
// and a price grid with at most 8 decimals (Aave oracle precision).
const CATALOGUE = {
  WETH: { decimals: 18, ltv: 8050, lt: 8300, price: [1200, 4200, 0.01], amount: [0.5, 60, 0.0001] },
  WBTC: { decimals: 8, ltv: 7300, lt: 7800, price: [20000, 110000, 0.5], amount: [0.01, 4, 0.000001] },
  wstETH: { decimals: 18, ltv: 7850, lt: 8100, price: [1400, 4800, 0.01], amount: [0.5, 50, 0.0001] },
  LINK: { decimals: 18, ltv: 6600, lt: 7100, price: [5, 30, 0.001], amount: [100, 20000, 0.01] },
  AAVE: { decimals: 18, ltv: 6600, lt: 7300, price: [60, 400, 0.01], amount: [5, 800, 0.001] },
  USDC: { decimals: 6, ltv: 7500, lt: 7800, price: [0.998, 1.002, 0.00001], amount: [1000, 200000, 0.01] },
  USDT: { decimals: 6, ltv: 7500, lt: 7800, price: [0.998, 1.002, 0.00001], amount: [1000, 200000, 0.01] },
  DAI: { decimals: 18, ltv: 6300, lt: 7700, price: [0.998, 1.002, 0.00001], amount: [1000, 200000, 0.01] },
  GHO: { decimals: 18, ltv: 0, lt: 0, price: [0.99, 1.01, 0.00001], amount: [100, 50000, 0.01] }, // not collateral
};

function reserve(sym, priceUnits) {
  const c = CATALOGUE[sym];
  const addr = '0x' + Buffer.from(sym).toString('hex').padStart(40, '0');
  return {
    originalId: Object.keys(CATALOGUE).indexOf(sym), id: addr, symbol: sym, name: sym, decimals: c.decimals, underlyingAsset: addr,
    usageAsCollateralEnabled: c.lt > 0, reserveFactor: '1000', baseLTVasCollateral: String(c.ltv),
    liquidityIndex: RAY, reserveLiquidationThreshold: String(c.lt), reserveLiquidationBonus: c.lt > 0 ? '10500' : '0',
    variableBorrowIndex: RAY, variableBorrowRate: '0', availableLiquidity: '1' + '0'.repeat(c.decimals + 9),
    liquidityRate: '0', totalScaledVariableDebt: '0', lastUpdateTimestamp: NOW,
    borrowCap: '0', supplyCap: '0', debtCeiling: '0', debtCeilingDecimals: 2, isolationModeTotalDebt: '0',
    virtualUnderlyingBalance: '0', deficit: '0',
    priceInMarketReferenceCurrency: String(priceUnits),
  };
}

// balances: {SYM: amount (negative = variable debt)}; priceUnits: {SYM: BigInt price in 1e-8 USD}
function summary(balances, priceUnits) {
  const syms = Object.keys(balances);
  const reserves = syms.map((s) => reserve(s, priceUnits[s]));
  const formattedReserves = formatReserves({ reserves, currentTimestamp: NOW, marketReferencePriceInUsd: MRC_PRICE_IN_USD, marketReferenceCurrencyDecimals: MRC_DECIMALS });
  const userReserves = syms.map((s) => {
    const b = balances[s];
    const units = toUnits(Math.abs(b), CATALOGUE[s].decimals);
    return { underlyingAsset: reserves[syms.indexOf(s)].underlyingAsset, scaledATokenBalance: b > 0 ? units : '0',
      usageAsCollateralEnabledOnUser: b > 0 && CATALOGUE[s].lt > 0, scaledVariableDebt: b < 0 ? units : '0' };
  });
  return formatUserSummary({ currentTimestamp: NOW, marketReferencePriceInUsd: MRC_PRICE_IN_USD, marketReferenceCurrencyDecimals: MRC_DECIMALS,
    userReserves, formattedReserves, userEmodeCategoryId: 0 });
}

// Root of (peer health factor = 1) in the price of `sym`, located on Aave's own 1e-8 price grid by bracketing
// and bisection (every evaluation is formatUserSummary), then interpolated inside the final 1e-8 bracket.
function peerLiquidationPrice(balances, priceUnits, sym) {
  const g = (n) => {
    const s = summary(balances, { ...priceUnits, [sym]: n });
    if (s.healthFactor === '-1') return null;
    return new BigNumber(s.healthFactor).minus(1);
  };
  const n0 = BigInt(priceUnits[sym]);
  const g0 = g(n0);
  if (g0 === null) return null;
  if (g0.isZero()) return Number(n0) / 1e8;
  const isCollateral = balances[sym] > 0;
  const down = isCollateral ? g0.gt(0) : g0.lt(0);
  let a = n0, ga = g0, b = null, gb = null;
  for (let d = 1n; ; d *= 2n) {
    let n = down ? n0 - d : n0 + d;
    if (down && n < 1n) n = 1n;
    const gn = g(n);
    if (gn !== null && gn.isZero()) return Number(n) / 1e8;
    if (gn !== null && gn.isNegative() !== ga.isNegative()) { b = n; gb = gn; break; }
    a = n; ga = gn;
    if ((down && n === 1n) || d > 1n << 60n) return null; // no root on the grid
  }
  let lo = a < b ? a : b, hi = a < b ? b : a;
  let glo = a < b ? ga : gb, ghi = a < b ? gb : ga;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    const gm = g(mid);
    if (gm.isZero()) return Number(mid) / 1e8;
    if (gm.isNegative() === glo.isNegative()) { lo = mid; glo = gm; } else { hi = mid; ghi = gm; }
  }
  const frac = glo.div(glo.minus(ghi)); // linear interpolation inside one grid step
  return new BigNumber(lo.toString()).plus(frac).shiftedBy(-8).toNumber();
}

function assetEntry(sym) {
  const c = CATALOGUE[sym];
  return { symbol: sym, initialWeight: c.ltv / 1e4, maintenanceWeight: c.lt / 1e4, initialLiabilityWeight: 1, maintenanceLiabilityWeight: 1, sizeFactor: 0 };
}

const set = new VectorSet('@aave/math-utils', pkg.version, 'tools/peer-vectors/aave.mjs');
const EXACT = 1e-9;

function addVector(name, balances, priceUnits) {
  const syms = Object.keys(balances);
  const prices = Object.fromEntries(syms.map((s) => [s, Number(priceUnits[s]) / 1e8]));
  const book = { format: 1, assets: syms.map(assetEntry), markets: [],
    accounts: [{ id: 'aave-user', subaccounts: [{ id: '0', mode: 'cross', balances: { ...balances }, positions: [] }]}], prices };
  const { api, done } = set.vector(name, book);
  const s = summary(balances, priceUnits);
  const TC = new BigNumber(s.totalCollateralUSD), TB = new BigNumber(s.totalBorrowsUSD);
  const LT = new BigNumber(s.currentLiquidationThreshold), LTV = new BigNumber(s.currentLoanToValue);
  const Am = TC.times(LT), Ai = TC.times(LTV);
  const P = '/subaccounts/0';
  const hf = s.healthFactor === '-1' ? null : Number(s.healthFactor);
  api.expect(`${P}/maintenance/healthFactor`, hf, EXACT, 'formatUserSummary.healthFactor ("-1" = no debt = null)');
  api.expect(`${P}/liquidatable`, hf !== null && new BigNumber(s.healthFactor).lt(1), 0, 'formatUserSummary.healthFactor < 1 (Aave liquidation rule; "-1" = no debt)');
  api.expect(`${P}/maintenance/weightedAssets`, Am.toNumber(), EXACT, 'formatUserSummary.totalCollateralUSD * currentLiquidationThreshold');
  api.expect(`${P}/maintenance/weightedLiabilities`, TB.toNumber(), EXACT, 'formatUserSummary.totalBorrowsUSD');
  api.expect(`${P}/maintenance/health`, Am.minus(TB).toNumber(), EXACT, 'formatUserSummary.totalCollateralUSD * currentLiquidationThreshold - totalBorrowsUSD', { scale: Am.plus(TB).toNumber() });
  api.expect(`${P}/initial/weightedAssets`, Ai.toNumber(), EXACT, 'formatUserSummary.totalCollateralUSD * currentLoanToValue');
  api.expect(`${P}/initial/weightedLiabilities`, TB.toNumber(), EXACT, 'formatUserSummary.totalBorrowsUSD');
  api.expect(`${P}/initial/health`, Ai.minus(TB).toNumber(), EXACT, 'formatUserSummary.totalCollateralUSD * currentLoanToValue - totalBorrowsUSD', { scale: Ai.plus(TB).toNumber() });
  const avail = new BigNumber(s.availableBorrowsUSD);
  api.expect(`${P}/freeCollateral`, avail.toNumber(), EXACT, 'formatUserSummary.availableBorrowsUSD', { scale: avail.isZero() ? undefined : Ai.plus(TB).toNumber() });
  api.expect(`${P}/equity`, Number(s.netWorthUSD), EXACT, 'formatUserSummary.netWorthUSD', { scale: new BigNumber(s.totalLiquidityUSD).plus(TB).toNumber() });
  for (const sym of syms) {
    if (CATALOGUE[sym].lt === 0) continue; // a non-collateral supply does not move the health factor
    const lp = peerLiquidationPrice(balances, priceUnits, sym);
    if (lp === null) {
      const why = hf === null ? 'formatUserSummary.healthFactor is "-1" (no debt) at every price: no liquidation price'
        : `formatUserSummary.healthFactor stays on one side of 1 for every ${sym} price on the 1e-8 oracle grid (from 1e-8 to 2^60 steps away): no liquidation price`;
      api.expect(`${P}/liquidationPrices/${sym}`, null, 0, why);
      continue;
    }
    api.expect(`${P}/liquidationPrices/${sym}`, lp, EXACT, `root of formatUserSummary.healthFactor = 1 in the ${sym} price (bracketed on the 1e-8 oracle grid, interpolated inside it)`);
  }
  done();
}

const units = (price) => BigInt(toUnits(price, 8));

// 1. The hand case of margin-model.md: 10 ETH at 2000 (liquidation threshold 0.825), 15,000 USDC borrowed.
CATALOGUE.ETH = { decimals: 18, ltv: 8050, lt: 8250 };
addVector('hand-case-10eth-15000usdc-debt', { ETH: 10, USDC: -15000 }, { ETH: units(2000), USDC: units(1) });

// 2.. Random multi-reserve accounts.
const r = rng(0x5a1e7a);
const VOLATILE = ['WETH', 'WBTC', 'wstETH', 'LINK', 'AAVE'];
const STABLE = ['USDC', 'USDT', 'DAI'];
function randomPrice(sym) { const [lo, hi, step] = CATALOGUE[sym].price; return r.grid(lo, hi, step); }
function randomAmount(sym) { const [lo, hi, step] = CATALOGUE[sym].amount; return r.grid(lo, hi, step); }
const round = (x, d) => Number(x.toFixed(d));

// targetHf: the health factor the debt is sized for (then rounded amounts move it slightly)
function randomAccount(nColl, nDebt, targetHf, opts = {}) {
  const collPool = opts.collPool || [...VOLATILE, ...STABLE];
  const coll = r.shuffle(collPool).slice(0, nColl);
  const debtPool = (opts.debtPool || [...STABLE, 'WETH', 'LINK']).filter((s) => !coll.includes(s));
  const debt = r.shuffle(debtPool).slice(0, nDebt);
  const balances = {}, priceUnits = {};
  let weighted = 0;
  for (const s of coll) {
    const p = randomPrice(s); priceUnits[s] = units(p);
    const a = randomAmount(s); balances[s] = a;
    weighted += a * p * CATALOGUE[s].lt / 1e4;
  }
  if (opts.nonCollateral) { const p = randomPrice('GHO'); priceUnits.GHO = units(p); balances.GHO = randomAmount('GHO'); }
  if (targetHf !== null) {
    const D = weighted / targetHf;
    const shares = debt.map(() => 0.2 + r.next());
    const tot = shares.reduce((a, b) => a + b, 0);
    for (let i = 0; i < debt.length; i++) {
      const s = debt[i];
      const p = randomPrice(s); priceUnits[s] = units(p);
      const d = Math.min(CATALOGUE[s].decimals, 4);
      balances[s] = -round(D * shares[i] / tot / p, d);
    }
  }
  return { balances, priceUnits };
}

const plans = [
  ['two-collateral-one-debt-healthy', 2, 1, 1.8],
  ['three-collateral-two-debt', 3, 2, 1.35],
  ['four-collateral-one-debt-near-liquidation', 4, 1, 1.004],
  ['two-collateral-two-debt-liquidatable', 2, 2, 0.93],
  ['three-collateral-one-debt-deeply-liquidatable', 3, 1, 0.71],
  ['two-collateral-one-debt-high-hf', 2, 1, 3.2],
  ['stable-collateral-borrow-volatile', 2, 1, 1.15, { collPool: STABLE, debtPool: ['WETH', 'LINK', 'WBTC', 'AAVE'] }],
  ['volatile-collateral-two-volatile-debts', 2, 2, 1.25, { collPool: ['WETH', 'WBTC', 'wstETH'], debtPool: ['LINK', 'AAVE', 'USDC'] }],
  ['with-non-collateral-supply', 2, 1, 1.5, { nonCollateral: true }],
  ['four-collateral-two-debt-just-below-one', 4, 2, 0.995],
  ['collateral-only-no-debt', 3, 0, null],
];
for (const [name, nc, nd, hf, opts] of plans) {
  const { balances, priceUnits } = randomAccount(nc, nd, hf, opts || {});
  addVector(name, balances, priceUnits);
}

const out = path.join(GOLDEN_DIR, 'aave.json');
set.write(out);
console.log(set.report());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
