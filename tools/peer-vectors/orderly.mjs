// Golden vectors from @orderly.network/perp (Orderly Network's cross-margin formulas), run offline.
// Writes ../../engine-core/src/test/resources/golden/orderly.json. Deterministic (seeded PRNG).
import { createRequire } from 'module';
import { account, positions as P } from '@orderly.network/perp';
import { Decimal } from '@orderly.network/utils';

const require = createRequire(import.meta.url);
const { rng, dec, VectorSet, GOLDEN_DIR } = require('./spec.js');
const pkg = require('@orderly.network/perp/package.json');
const path = require('path');

const EXACT = 1e-9;
// Orderly's positions.liqPrice for a SHORT returns the safe end of a bisection that stops once the bracket is
// 1e-4 wide (relative; CONVERGENCE_THRESHOLD), unless its two starting brackets coincide (baseIMR = baseMMR).
const SHORT_BISECTION = 1e-4;

// Perp markets (underlying, price grid) and the margin parameter pairs used (baseIMR, baseMMR); 1/baseIMR is an
// integer so that the account's leverage cap 1/maxLeverage equals baseIMR exactly.
const PERPS = {
  ETH: [1200, 4200, 0.01], BTC: [20000, 110000, 0.1], SOL: [20, 260, 0.001], DOGE: [0.05, 0.4, 0.00001],
  ARB: [0.3, 2.5, 0.0001], LINK: [5, 30, 0.001],
};
const PARAMS = [[0.1, 0.05], [0.05, 0.025], [0.04, 0.02], [0.02, 0.012], [0.1, 0.06], [0.05, 0.03]];
// Haircut (non-USDC) collateral: collateralRatio; never an underlying of a perp in the same vector.
const COLLATERAL = { USDT: [0.98, [0.998, 1.002, 0.0001]], USDe: [0.9, [0.99, 1.01, 0.0001]], BNB: [0.8, [200, 900, 0.01]], WOO: [0.6, [0.05, 0.5, 0.0001]] };

const set = new VectorSet('@orderly.network/perp', pkg.version, 'tools/peer-vectors/orderly.mjs');
const symOf = (u) => `PERP_${u}_USDC`;

// acct: { usdc, collateral: [{asset, holding, price, ratio}], positions: [{u, qty, entry, mark, imr, mmr}] }
function peer(acct) {
  const pos = acct.positions.map((p) => {
    const notional = P.notional(p.qty, p.mark);
    const mmr = P.MMR({ baseMMR: p.mmr, baseIMR: p.imr, IMRFactor: 0, positionNotional: notional });
    return { ...p, symbol: symOf(p.u), notional, mmr,
      upnl: P.unrealizedPnL({ markPrice: p.mark, openPrice: p.entry, qty: p.qty }),
      mm: P.maintenanceMargin({ positionQty: p.qty, markPrice: p.mark, MMR: mmr }) };
  });
  const orderlyPositions = pos.map((p) => ({ symbol: p.symbol, position_qty: p.qty, mark_price: p.mark, mmr: p.mmr,
    cost_position: new Decimal(p.qty).mul(p.entry).toNumber(), sum_unitary_funding: 0, last_sum_unitary_funding: 0,
    pending_long_qty: 0, pending_short_qty: 0, average_open_price: p.entry }));
  const markPrices = Object.fromEntries(pos.map((p) => [p.symbol, p.mark]));
  const IMR_Factors = Object.fromEntries(pos.map((p) => [p.symbol, 0]));
  const symbolInfo = Object.fromEntries(pos.map((p) => [p.symbol, (key, dflt) => (key === 'base_imr' ? p.imr : dflt)]));
  const maxLeverageBySymbol = Object.fromEntries(pos.map((p) => [p.symbol, Math.round(1 / p.imr)]));
  const imInputs = (list) => ({ positions: list, markPrices, IMR_Factors, symbolInfo, maxLeverageBySymbol });
  const unsettled = P.totalUnsettlementPnL(orderlyPositions);
  const nonUSDCHolding = acct.collateral.map((c) => ({ holding: c.holding, indexPrice: c.price, collateralCap: -1, collateralRatio: new Decimal(c.ratio) }));
  const totalCollateral = account.totalCollateral({ USDCHolding: acct.usdc, nonUSDCHolding, unsettlementPnL: unsettled });
  const tc = totalCollateral.toNumber();
  const totalIM = account.totalInitialMarginWithQty(imInputs(orderlyPositions));
  const free = account.freeCollateral({ totalCollateral, totalInitialMarginWithOrders: totalIM }).toNumber();
  const totalValue = account.totalValue({ totalUnsettlementPnL: unsettled, USDCHolding: acct.usdc, nonUSDCHolding }).toNumber();
  const sumMM = pos.reduce((a, p) => a.add(p.mm), new Decimal(0)).toNumber();
  const sumN = pos.reduce((a, p) => a.add(p.notional), new Decimal(0)).toNumber();
  const liqInputs = pos.map((p) => ({ symbol: p.symbol, position_qty: p.qty, mark_price: p.mark, mmr: p.mmr }));
  for (const [i, p] of pos.entries()) {
    p.im = account.totalInitialMarginWithQty(imInputs([orderlyPositions[i]]));
    p.liq = P.liqPrice({ markPrice: p.mark, symbol: p.symbol, totalCollateral: tc, positionQty: p.qty, positions: liqInputs,
      MMR: p.mmr, baseMMR: p.mmr, baseIMR: p.imr, IMRFactor: 0, costPosition: orderlyPositions[i].cost_position });
  }
  const marginRatioTotal = account.totalMarginRatio({ totalCollateral: tc, markPrices, positions: orderlyPositions });
  const accountMMR = pos.length ? account.MMR({ positionsMMR: sumMM, positionsNotional: sumN }) : null;
  return { pos, tc, totalIM, free, totalValue, sumMM, sumN, marginRatioTotal, accountMMR };
}

function addVector(name, acct) {
  const assets = [{ symbol: 'USDC' }];
  const balances = { USDC: acct.usdc };
  const prices = { USDC: 1 };
  for (const c of acct.collateral) {
    assets.push({ symbol: c.asset, initialWeight: c.ratio, maintenanceWeight: c.ratio, initialLiabilityWeight: 1, maintenanceLiabilityWeight: 1, sizeFactor: 0 });
    balances[c.asset] = c.holding; prices[c.asset] = c.price;
  }
  const markets = [];
  for (const p of acct.positions) {
    assets.push({ symbol: p.u });
    prices[p.u] = p.mark;
    markets.push({ symbol: `${p.u}-PERP`, underlying: p.u, liquidationFee: 0, positivePnlWeight: 1,
      tiers: [{ upTo: null, initialMarginFraction: p.imr, maintenanceMarginFraction: p.mmr }] });
  }
  const book = { format: 1, assets, markets,
    accounts: [{ id: 'orderly-user', subaccounts: [{ id: '0', mode: 'cross', balances,
      positions: acct.positions.map((p) => ({ market: `${p.u}-PERP`, size: p.qty, entryPrice: p.entry })) }] }], prices };
  const { api, done } = set.vector(name, book);
  const r = peer(acct);
  const S = '/subaccounts/0';
  const scale = Math.abs(r.tc) + r.sumMM + r.pos.reduce((a, p) => a + Math.abs(p.upnl), 0);
  api.expect(`${S}/maintenance/health`, r.tc - r.sumMM, EXACT, 'account.totalCollateral - sum(positions.maintenanceMargin)', { scale });
  api.expect(`${S}/initial/health`, r.tc - r.totalIM, EXACT, 'account.totalCollateral - account.totalInitialMarginWithQty', { scale: scale + r.totalIM });
  api.expect(`${S}/freeCollateral`, r.free, EXACT, 'account.freeCollateral (totalCollateral - totalInitialMarginWithQty, floored at 0)', r.free > 0 ? { scale: scale + r.totalIM } : {});
  api.expect(`${S}/equity`, r.totalValue, EXACT, 'account.totalValue', { scale });
  if (r.pos.length) {
    api.expect(`${S}/maintenance/requirement`, r.sumMM, EXACT, 'sum(positions.maintenanceMargin)');
    api.expect(`${S}/initial/requirement`, r.totalIM, EXACT, 'account.totalInitialMarginWithQty');
    if (r.tc > 0) api.expect(`${S}/marginRatio`, r.accountMMR / r.marginRatioTotal, EXACT, 'account.MMR(sum MM, sum notional) / account.totalMarginRatio (= sum MM / totalCollateral)');
  }
  r.pos.forEach((p, i) => {
    const Q = `${S}/positions/${i}`;
    api.expect(`${Q}/notional`, p.notional, EXACT, 'positions.notional');
    api.expect(`${Q}/unrealizedPnl`, p.upnl, EXACT, 'positions.unrealizedPnL');
    api.expect(`${Q}/maintenanceRequirement`, p.mm, EXACT, 'positions.maintenanceMargin');
    api.expect(`${Q}/initialRequirement`, p.im, EXACT, 'account.totalInitialMarginWithQty (this position only)');
    if (p.liq === null || p.liq === 0) {
      set.notes.push(`${name}: positions.liqPrice gave ${p.liq} for ${p.u}; left out`);
      return;
    }
    const exactShort = p.imr === p.mmr;
    const tol = p.qty > 0 || exactShort ? EXACT : SHORT_BISECTION;
    const field = p.qty > 0 ? 'positions.liqPrice (long: closed form)' : exactShort ? 'positions.liqPrice (short with baseIMR = baseMMR: the bisection brackets coincide, closed form)' : 'positions.liqPrice (short: bisection to 1e-4 relative)';
    const kind = p.qty > 0 ? 'liquidationPrice (long)' : exactShort ? 'liquidationPrice (short, imr = mmr)' : 'liquidationPrice (short)';
    api.expect(`${Q}/liquidationPrice`, p.liq, tol, field, { kind: `/positions/*/${kind}` });
    api.expect(`${S}/liquidationPrices/${p.u}`, p.liq, tol, field, { kind: `/liquidationPrices/* ${kind}` });
  });
  done();
}

// 1. The perp hand case of margin-model.md: 5000 USDC, long 10 ETH-PERP at 2000, mmf 0.05 (imf 0.10).
addVector('hand-case-5000usdc-long-10eth-perp', { usdc: 5000, collateral: [], positions: [{ u: 'ETH', qty: 10, entry: 2000, mark: 2000, imr: 0.1, mmr: 0.05 }] });
// 2. The same at mark 1600 (loss, not yet liquidatable: TC 1000, MM 800).
addVector('hand-case-at-1600', { usdc: 5000, collateral: [], positions: [{ u: 'ETH', qty: 10, entry: 2000, mark: 1600, imr: 0.1, mmr: 0.05 }] });
// 3. Haircut collateral only: 10 units at 2000 with collateralRatio 0.9 and USDC -15000 -> total collateral 3000.
addVector('haircut-collateral-10x2000-ratio-0.9-usdc-debt', { usdc: -15000, collateral: [{ asset: 'ETH', holding: 10, price: 2000, ratio: 0.9 }], positions: [] });

// 4.. Random cross accounts.
const r = rng(0x0bde1e);
function randomAccount(nPerps, nColl, targetRatio, opts = {}) {
  const unders = r.shuffle(Object.keys(PERPS)).slice(0, nPerps);
  const positions = unders.map((u, i) => {
    const [lo, hi, step] = PERPS[u];
    const mark = r.grid(lo, hi, step);
    const side = opts.sides ? opts.sides[i] : (r.next() < 0.5 ? 1 : -1);
    const move = r.grid(-0.2, 0.2, 0.001); // entry relative to mark
    const entry = dec(mark * (1 + move), Math.max(2, String(step).split('.')[1]?.length || 0));
    const notionalTarget = r.grid(2000, 250000, 1);
    const qty = side * dec(notionalTarget / mark, mark > 1000 ? 4 : mark > 10 ? 2 : 0);
    const [imr, mmr] = opts.params ? opts.params[i] : r.pick(PARAMS);
    return { u, qty: qty === 0 ? side : qty, entry, mark, imr, mmr };
  });
  const collateral = r.shuffle(Object.keys(COLLATERAL)).slice(0, nColl).map((asset) => {
    const [ratio, [lo, hi, step]] = COLLATERAL[asset];
    const price = r.grid(lo, hi, step);
    return { asset, ratio, price, holding: dec(r.grid(2000, 60000, 1) / price, 3) };
  });
  // USDC sized so that sum(MM) / totalCollateral is about targetRatio (the model's marginRatio)
  const sumMM = positions.reduce((a, p) => a + Math.abs(p.qty) * p.mark * p.mmr, 0);
  const pnl = positions.reduce((a, p) => a + p.qty * (p.mark - p.entry), 0);
  const coll = collateral.reduce((a, c) => a + c.holding * c.price * c.ratio, 0);
  const usdc = dec(sumMM / targetRatio - pnl - coll, 2);
  return { usdc, collateral, positions };
}
const plans = [
  ['one-long-usdc-only', 1, 0, 0.3, { sides: [1] }],
  ['one-short-usdc-only', 1, 0, 0.3, { sides: [-1] }],
  ['one-short-imr-equals-mmr', 1, 0, 0.45, { sides: [-1], params: [[0.05, 0.05]] }],
  ['two-perps-long-short-one-haircut', 2, 1, 0.55, { sides: [1, -1] }],
  ['three-perps-two-haircuts', 3, 2, 0.4],
  ['two-shorts-near-liquidation', 2, 0, 0.97, { sides: [-1, -1] }],
  ['two-longs-near-liquidation-haircut', 2, 1, 0.95, { sides: [1, 1] }],
  ['three-perps-liquidatable', 3, 1, 1.25],
  ['negative-usdc-backed-by-haircut-collateral', 2, 2, 0.35],
  ['short-imr-equals-mmr-with-long', 2, 1, 0.6, { sides: [-1, 1], params: [[0.04, 0.04], [0.1, 0.05]] }],
  ['three-shorts-low-risk', 3, 0, 0.1, { sides: [-1, -1, -1] }],
  ['one-long-two-haircuts-deep-loss', 1, 2, 0.8, { sides: [1] }],
];
for (const [name, np, nc, target, opts] of plans) {
  let acct = randomAccount(np, nc, target, opts || {});
  if (name.startsWith('negative-usdc')) {
    // make sure the USDC balance is a debt: move value into the haircut collateral
    const extra = Math.abs(acct.usdc) + 20000;
    acct.collateral[0].holding = dec(acct.collateral[0].holding + extra / acct.collateral[0].price / acct.collateral[0].ratio, 3);
    acct.usdc = dec(acct.usdc - extra, 2);
  }
  addVector(name, acct);
}

const out = path.join(GOLDEN_DIR, 'orderly.json');
set.write(out);
console.log(set.report());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
