// Golden vectors from @drift-labs/sdk (Drift v2's own margin code: User.getTotalCollateral,
// getMarginRequirement, canBeLiquidated, liquidationPrice, spotLiquidationPrice), run OFFLINE through a mock
// DriftClient and a custom account subscriber (no RPC). Writes
// ../../engine-core/src/test/resources/golden/drift.json. Deterministic (seeded PRNG).
'use strict';
const path = require('path');
const sdk = require('@drift-labs/sdk');
const { PublicKey } = require('@solana/web3.js');
const { rng, dec, toUnits, fromUnits, VectorSet, GOLDEN_DIR } = require('./spec.js');
const pkg = require('@drift-labs/sdk/package.json');

const { BN, User, SPOT_MARKET_CUMULATIVE_INTEREST_PRECISION } = sdk;

// Every field the SDK reads must exist on the mock accounts: a missing one throws instead of reading undefined.
function strict(obj, name) {
  return new Proxy(obj, { get(t, p) { if (typeof p === 'string' && !(p in t) && p !== 'then' && p !== 'toJSON') throw new Error(`mock is missing ${name}.${p}`); return t[p]; } });
}
const bn = (x) => new BN(String(x));
const bn0 = () => new BN(0);
const w4 = (x) => Number(toUnits(x, 4)); // weight / margin ratio in 1e-4 units (exact or throws)
const price6 = (x) => bn(toUnits(x, 6)); // PRICE_PRECISION 1e6
const q = (b) => fromUnits(b.toString(), 6); // QUOTE_PRECISION / PRICE_PRECISION -> number

function histOracle(price) {
  return { lastOraclePrice: price, lastOraclePriceTwap: price, lastOraclePriceTwap5Min: price, lastOraclePriceConf: bn0(), lastOraclePriceTwapTs: bn0(), lastOraclePriceDelay: bn0() };
}
// s: {symbol, decimals, initialWeight, maintenanceWeight, initialLiabilityWeight, maintenanceLiabilityWeight, imfFactor, price}
function spotMarket(idx, s, perpIdxSharingOracle) {
  const price = price6(s.price);
  return strict({
    marketIndex: idx, decimals: s.decimals, status: { active: {} }, assetTier: { collateral: {} }, oracleSource: idx === 0 ? { quoteAsset: {} } : { pythPull: {} },
    // distinct oracle key per market unless the spot asset is a perp's underlying (then liquidationPrice and
    // spotLiquidationPrice fold the spot balance and the perp position together, which is the model's rule)
    oracle: new PublicKey(Buffer.alloc(32, perpIdxSharingOracle >= 0 ? 50 + perpIdxSharingOracle : 10 + idx)), pubkey: new PublicKey(Buffer.alloc(32, 100 + idx)), mint: new PublicKey(Buffer.alloc(32, 150 + idx)),
    cumulativeDepositInterest: SPOT_MARKET_CUMULATIVE_INTEREST_PRECISION, cumulativeBorrowInterest: SPOT_MARKET_CUMULATIVE_INTEREST_PRECISION,
    depositBalance: new BN(10).pow(new BN(15)), borrowBalance: bn0(),
    initialAssetWeight: w4(s.initialWeight), maintenanceAssetWeight: w4(s.maintenanceWeight),
    initialLiabilityWeight: w4(s.initialLiabilityWeight), maintenanceLiabilityWeight: w4(s.maintenanceLiabilityWeight),
    imfFactor: s.imfFactor || 0, scaleInitialAssetWeightStart: bn0(), maxTokenDeposits: bn0(), liquidatorFee: 0, ifLiquidationFee: 0,
    historicalOracleData: histOracle(price), historicalIndexData: {}, poolId: 0, tokenProgramFlag: 0, ordersEnabled: true, pausedOperations: 0,
  }, `spot${idx}`);
}
// m: {symbol, underlying, imr, mmr, ppw, price}
function perpMarket(idx, m) {
  const price = price6(m.price);
  return strict({
    marketIndex: idx, status: { active: {} }, contractTier: { a: {} }, contractType: { perpetual: {} },
    marginRatioInitial: w4(m.imr), marginRatioMaintenance: w4(m.mmr), imfFactor: 0, unrealizedPnlImfFactor: 0,
    unrealizedPnlInitialAssetWeight: w4(m.ppw), unrealizedPnlMaintenanceAssetWeight: w4(m.ppw), unrealizedPnlMaxImbalance: bn0(),
    highLeverageMarginRatioInitial: 0, highLeverageMarginRatioMaintenance: 0, quoteSpotMarketIndex: 0, expiryPrice: bn0(), pausedOperations: 0,
    amm: strict({ oracle: new PublicKey(Buffer.alloc(32, 50 + idx)), oracleSource: { pythPull: {} }, cumulativeFundingRateLong: bn0(), cumulativeFundingRateShort: bn0(), orderStepSize: new BN(1), orderTickSize: new BN(1),
      historicalOracleData: histOracle(price), lastMarkPriceTwap: price, lastMarkPriceTwap5Min: price, lastBidPriceTwap: price, lastAskPriceTwap: price,
      baseAssetReserve: new BN(10).pow(new BN(13)), quoteAssetReserve: new BN(10).pow(new BN(13)), pegMultiplier: price, sqrtK: new BN(10).pow(new BN(13)) }, `perp${idx}.amm`),
    pnlPool: { scaledBalance: bn0(), marketIndex: 0 }, insuranceClaim: { quoteMaxInsurance: bn0(), quoteSettledInsurance: bn0() },
    poolId: 0, numberOfUsersWithBase: 0, protectedMakerLimitPriceDivisor: 0, protectedMakerDynamicDivisor: 0,
  }, `perp${idx}`);
}
function oracle(price) { return { price, slot: new BN(1), confidence: bn0(), hasSufficientNumberOfDataPoints: true, twap: price, twapConfidence: bn0() }; }
function emptySpotPos(i) { return { marketIndex: i, scaledBalance: bn0(), balanceType: { deposit: {} }, openOrders: 0, openBids: bn0(), openAsks: bn0(), cumulativeDeposits: bn0() }; }
function emptyPerpPos(i) { return { marketIndex: i, baseAssetAmount: bn0(), quoteAssetAmount: bn0(), quoteBreakEvenAmount: bn0(), quoteEntryAmount: bn0(), openOrders: 0, openBids: bn0(), openAsks: bn0(), settledPnl: bn0(), lpShares: bn0(), lastCumulativeFundingRate: bn0(), remainderBaseAssetAmount: 0, lastBaseAssetAmountPerLp: bn0(), lastQuoteAssetAmountPerLp: bn0(), perLpBase: 0, maxMarginRatio: 0, isolatedPositionScaledBalance: bn0(), positionFlag: 0 }; }

// v: {spot: [spot asset defs, index 0 = USDC], perps: [market defs], balances: {SYM: amount}, positions: [{market, size, entry}]}
function makeUser(v) {
  // a spot asset that is also a perp's underlying shares that perp's oracle, as on Drift (e.g. SOL and SOL-PERP)
  const spot = v.spot.map((s, i) => spotMarket(i, s, i === 0 ? -1 : v.perps.findIndex((m) => m.underlying === s.symbol)));
  const perp = v.perps.map((m, i) => perpMarket(i, m));
  const spotPositions = [0, 1, 2, 3, 4, 5, 6, 7].map(emptySpotPos);
  const perpPositions = [0, 1, 2, 3, 4, 5, 6, 7].map(emptyPerpPos);
  let k = 0;
  for (const [sym, amount] of Object.entries(v.balances)) {
    const idx = v.spot.findIndex((s) => s.symbol === sym);
    // scaledBalance has 9 decimals (SPOT_MARKET_BALANCE_PRECISION); with interest indexes at 1 it is the token amount
    spotPositions[k++] = { ...emptySpotPos(idx), scaledBalance: bn(toUnits(Math.abs(amount), 9)), balanceType: amount >= 0 ? { deposit: {} } : { borrow: {} } };
  }
  v.positions.forEach((p, j) => {
    const idx = v.perps.findIndex((m) => m.symbol === p.market);
    const prod = BigInt(toUnits(p.size, 9)) * BigInt(toUnits(p.entry, 6)); // 1e15 units
    if (prod % 1000000000n !== 0n) throw new Error(`size*entry of ${p.market} does not fit 1e-6 USD`);
    const quote = bn((-prod / 1000000000n).toString());
    perpPositions[j] = { ...emptyPerpPos(idx), baseAssetAmount: bn(toUnits(p.size, 9)), quoteAssetAmount: quote, quoteEntryAmount: quote, quoteBreakEvenAmount: quote };
  });
  const userAccount = strict({ authority: PublicKey.default, subAccountId: 0, status: 0, isMarginTradingEnabled: true, marginMode: { default: {} }, maxMarginRatio: 0, poolId: 0,
    spotPositions: spotPositions.map((p, i) => strict(p, `spotPos${i}`)), perpPositions: perpPositions.map((p, i) => strict(p, `perpPos${i}`)),
    orders: [], lastActiveSlot: bn0(), idle: false, openOrders: 0, hasOpenOrder: false }, 'userAccount');
  const driftClient = {
    getPerpMarketAccount: (i) => perp[i], getPerpMarketAccounts: () => perp, getSpotMarketAccount: (i) => spot[i], getSpotMarketAccounts: () => spot,
    getQuoteSpotMarketAccount: () => spot[0],
    getOracleDataForSpotMarket: (i) => oracle(price6(v.spot[i].price)),
    getOracleDataForPerpMarket: (i) => oracle(price6(v.perps[i].price)),
    getMMOracleDataForPerpMarket: (i) => ({ ...oracle(price6(v.perps[i].price)), isMMOracleActive: false }),
    getStateAccount: () => ({ liquidationMarginBufferRatio: 200, numberOfSubAccounts: new BN(1) }),
    getUserStats: () => ({ getAccount: () => ({ disableUpdatePerpBidAskTwap: false }) }),
    getMarketFees: () => ({ takerFee: 0.0005, makerFee: 0 }),
    connection: null, program: null,
  };
  const subscriber = { isSubscribed: true, eventEmitter: { on() {}, emit() {} }, subscribe: async () => true, fetch: async () => {}, unsubscribe: async () => {},
    getUserAccountAndSlot: () => ({ data: userAccount, slot: 1 }) };
  return new User({ driftClient, userAccountPublicKey: PublicKey.default, accountSubscription: { type: 'custom', userAccountSubscriber: subscriber } });
}

const EXACT = 1e-9;
// Drift returns prices as integers of 1e-6 USD (PRICE_PRECISION) after a truncating division: the honest
// tolerance is one unit of that grid relative to the price, or 1e-9, whichever is larger.
function priceTol(p) {
  const t = 1.5e-6 / Math.abs(p);
  if (t <= EXACT) return EXACT;
  const e = Math.floor(Math.log10(t));
  return Number(`${Math.ceil(t / 10 ** e)}e${e}`);
}

const set = new VectorSet('@drift-labs/sdk', pkg.version, 'tools/peer-vectors/drift.js');

function addVector(name, v) {
  const assets = v.spot.map((s) => ({ symbol: s.symbol, initialWeight: s.initialWeight, maintenanceWeight: s.maintenanceWeight,
    initialLiabilityWeight: s.initialLiabilityWeight, maintenanceLiabilityWeight: s.maintenanceLiabilityWeight, sizeFactor: (s.imfFactor || 0) / 1e6 }));
  const prices = Object.fromEntries(v.spot.map((s) => [s.symbol, s.price]));
  for (const m of v.perps) {
    if (prices[m.underlying] === undefined) { assets.push({ symbol: m.underlying }); prices[m.underlying] = m.price; }
    else if (prices[m.underlying] !== m.price) throw new Error(`${m.symbol}: oracle price differs from spot ${m.underlying}`);
  }
  const markets = v.perps.map((m) => ({ symbol: m.symbol, underlying: m.underlying, liquidationFee: 0, positivePnlWeight: m.ppw,
    tiers: [{ upTo: null, initialMarginFraction: m.imr, maintenanceMarginFraction: m.mmr }] }));
  const book = { format: 1, assets, markets, accounts: [{ id: 'drift-user', subaccounts: [{ id: '0', mode: 'cross', balances: { ...v.balances },
    positions: v.positions.map((p) => ({ market: p.market, size: p.size, entryPrice: p.entry })) }] }], prices };
  const { api, done } = set.vector(name, book);
  const u = makeUser(v);
  const S = '/subaccounts/0';
  const tcM = u.getTotalCollateral('Maintenance'), mrM = u.getMaintenanceMarginRequirement();
  const tcI = u.getTotalCollateral('Initial'), mrI = u.getInitialMarginRequirement();
  const perpIdx = v.positions.map((p) => v.perps.findIndex((m) => m.symbol === p.market));
  const pnls = perpIdx.map((i) => u.getUnrealizedPNL(true, i));
  const losses = pnls.reduce((a, x) => (x.isNeg() ? a.add(x.abs()) : a), bn0());
  const scaleM = q(tcM.abs().add(mrM).add(losses.mul(new BN(2))));
  const scaleI = q(tcI.abs().add(mrI).add(losses.mul(new BN(2))));
  const healthM = q(tcM.sub(mrM));
  api.expect(`${S}/maintenance/health`, healthM, EXACT, "getTotalCollateral('Maintenance') - getMaintenanceMarginRequirement()", { scale: scaleM });
  api.expect(`${S}/initial/health`, q(tcI.sub(mrI)), EXACT, "getTotalCollateral('Initial') - getInitialMarginRequirement()", { scale: scaleI });
  const free = u.getFreeCollateral('Initial');
  api.expect(`${S}/freeCollateral`, q(free), EXACT, "getFreeCollateral('Initial')", free.isZero() ? {} : { scale: scaleI });
  const lossText = 'sum over positions of max(0, -getUnrealizedPNL(true, i))';
  api.expect(`${S}/maintenance/weightedAssets`, q(tcM.add(losses)), EXACT, `getTotalCollateral('Maintenance') + ${lossText}`);
  api.expect(`${S}/maintenance/weightedLiabilities`, q(mrM.add(losses)), EXACT, `getMaintenanceMarginRequirement() + ${lossText}`);
  api.expect(`${S}/initial/weightedAssets`, q(tcI.add(losses)), EXACT, `getTotalCollateral('Initial') + ${lossText}`);
  api.expect(`${S}/initial/weightedLiabilities`, q(mrI.add(losses)), EXACT, `getInitialMarginRequirement() + ${lossText}`);
  const liq = u.canBeLiquidated().canBeLiquidated;
  api.expect(`${S}/liquidatable`, liq, 0, 'canBeLiquidated().canBeLiquidated');
  const net = u.getNetUsdValue();
  api.expect(`${S}/equity`, q(net), EXACT, 'getNetUsdValue()', { scale: q(u.getSpotMarketAssetValue(undefined, undefined).add(u.getSpotMarketLiabilityValue(undefined, undefined)).add(losses.mul(new BN(2)))) + Math.abs(q(net)) });
  if (v.positions.length) {
    api.expect(`${S}/maintenance/requirement`, q(u.getTotalPerpPositionLiability('Maintenance')), EXACT, "getTotalPerpPositionLiability('Maintenance')");
    api.expect(`${S}/initial/requirement`, q(u.getTotalPerpPositionLiability('Initial')), EXACT, "getTotalPerpPositionLiability('Initial')");
  }
  // Liquidation prices: Drift extrapolates free collateral linearly from the current state, so its figure is the
  // model's root only when the account is not already liquidatable (it clamps free collateral at 0 and would
  // return the oracle price) and no position on that asset carries positive PnL weighted below 1 (Drift's slope
  // counts PnL at weight 1).
  const healthy = healthM > 0;
  const lpField = (f, x) => (x.eq(new BN(-1)) ? `${f} = -1 (no positive price: none)` : f);
  v.positions.forEach((p, j) => {
    const i = perpIdx[j];
    const m = v.perps[i];
    const Q = `${S}/positions/${j}`;
    const oracleData = oracle(price6(m.price));
    api.expect(`${Q}/notional`, q(u.getPerpPositionValue(i, oracleData)), EXACT, 'getPerpPositionValue(i, oracle)');
    api.expect(`${Q}/unrealizedPnl`, q(pnls[j]), EXACT, 'getUnrealizedPNL(true, i)');
    api.expect(`${Q}/maintenanceRequirement`, q(u.getPerpMarketLiabilityValue(i, 'Maintenance')), EXACT, "getPerpMarketLiabilityValue(i, 'Maintenance')");
    api.expect(`${Q}/initialRequirement`, q(u.getPerpMarketLiabilityValue(i, 'Initial')), EXACT, "getPerpMarketLiabilityValue(i, 'Initial')");
    const weightedProfit = m.ppw < 1 && pnls[j].gt(bn0());
    if (!healthy || weightedProfit) {
      set.notes.push(`${name}: liquidationPrice(${i}) for ${p.market} left out (${!healthy ? 'account at or below maintenance: Drift returns the oracle price' : 'position in profit with positivePnlWeight < 1: Drift extrapolates with weight 1'})`);
      return;
    }
    const lp = u.liquidationPrice(i);
    const val = lp.eq(new BN(-1)) ? null : q(lp);
    const tol = val === null ? 0 : priceTol(val);
    const kind = tol > EXACT ? ' (relTol 1.5e-6/price: 1e-6 price grid)' : '';
    api.expect(`${Q}/liquidationPrice`, val, tol, lpField(`liquidationPrice(${i})`, lp), { kind: `/positions/*/liquidationPrice${kind}` });
    api.expect(`${S}/liquidationPrices/${m.underlying}`, val, tol, lpField(`liquidationPrice(${i})`, lp), { kind: `/liquidationPrices/*${kind}` });
  });
  for (const [sym, amount] of Object.entries(v.balances)) {
    const idx = v.spot.findIndex((s) => s.symbol === sym);
    if (idx === 0 || amount === 0) continue; // the quote asset has no oracle-driven liquidation price in Drift
    if (!healthy) { set.notes.push(`${name}: spotLiquidationPrice(${idx}) for ${sym} left out (account at or below maintenance)`); continue; }
    const profitOnSym = v.positions.some((p, j) => v.perps[perpIdx[j]].underlying === sym && v.perps[perpIdx[j]].ppw < 1 && pnls[j].gt(bn0()));
    if (profitOnSym) { set.notes.push(`${name}: spotLiquidationPrice(${idx}) for ${sym} left out (a ${sym} perp in profit with positivePnlWeight < 1)`); continue; }
    const lp = u.spotLiquidationPrice(idx);
    const val = lp.eq(new BN(-1)) ? null : q(lp);
    const tol = val === null ? 0 : priceTol(val);
    const kind = tol > EXACT ? ' (relTol 1.5e-6/price: 1e-6 price grid)' : '';
    api.expect(`${S}/liquidationPrices/${sym}`, val, tol, lpField(`spotLiquidationPrice(${idx})`, lp), { kind: `/liquidationPrices/*${kind}` });
  }
  done();
}

// ---------------------------------------------------------------------------------------------------------
const USDC = { symbol: 'USDC', decimals: 6, initialWeight: 1, maintenanceWeight: 1, initialLiabilityWeight: 1, maintenanceLiabilityWeight: 1, price: 1 };
const spotAsset = (symbol, decimals, iw, mw, il, ml, price, imfFactor = 0) => ({ symbol, decimals, initialWeight: iw, maintenanceWeight: mw, initialLiabilityWeight: il, maintenanceLiabilityWeight: ml, price, imfFactor });
const perp = (symbol, underlying, imr, mmr, price, ppw = 1) => ({ symbol, underlying, imr, mmr, price, ppw });

// Hand cases of margin-model.md.
addVector('hand-case-spot-10eth-15000usdc-borrow', { spot: [USDC, spotAsset('ETH', 8, 0.8, 0.9, 1.2, 1.1, 2000)], perps: [], balances: { ETH: 10, USDC: -15000 }, positions: [] });
addVector('hand-case-perp-5000usdc-long-10eth', { spot: [USDC], perps: [perp('ETH-PERP', 'ETH', 0.1, 0.05, 2000)], balances: { USDC: 5000 }, positions: [{ market: 'ETH-PERP', size: 10, entry: 2000 }] });
addVector('hand-case-perp-at-1600', { spot: [USDC], perps: [perp('ETH-PERP', 'ETH', 0.1, 0.05, 1600)], balances: { USDC: 5000 }, positions: [{ market: 'ETH-PERP', size: 10, entry: 2000 }] });

// Random accounts. Numbers are chosen so that Drift's fixed point is exact: prices and amounts with at most 2
// decimals, weights and margin ratios with at most 2 decimals (so every product fits 1e-6 USD).
const r = rng(0xd71f7);
const SPOT = [ // symbol, decimals, init/maint asset weight, init/maint liability weight, price grid
  ['SOL', 9, 0.8, 0.9, 1.2, 1.1, [20, 260, 0.01]],
  ['wETH', 8, 0.8, 0.85, 1.2, 1.1, [1200, 4200, 0.01]],
  ['wBTC', 8, 0.8, 0.9, 1.2, 1.1, [20000, 110000, 0.5]],
  ['JitoSOL', 9, 0.7, 0.8, 1.3, 1.2, [20, 280, 0.01]],
  ['INJ', 8, 0.5, 0.6, 1.5, 1.4, [8, 45, 0.01]],
];
const PERPS = [ // underlying, price grid
  ['ETH', [1200, 4200, 0.01]], ['BTC', [20000, 110000, 0.5]], ['SOL', [20, 260, 0.01]], ['BNB', [200, 900, 0.01]], ['AVAX', [8, 60, 0.01]], ['HYPE', [10, 60, 0.01]],
];
const RATIOS = [[0.1, 0.05], [0.05, 0.03], [0.2, 0.1], [0.1, 0.06], [0.04, 0.02]];

function randomSpot(sym) { const s = SPOT.find((x) => x[0] === sym); return spotAsset(s[0], s[1], s[2], s[3], s[4], s[5], r.grid(...s[6])); }
const amt = (usd, price) => Math.max(0.01, dec(usd / price, 2));

// Spot lending: collateral deposits, borrows of USDC and/or a volatile asset (liability weights > 1).
function lending(nColl, nBorrow, targetHealthFrac, opts = {}) {
  const syms = r.shuffle(SPOT.map((s) => s[0])).slice(0, nColl + nBorrow);
  const spot = [USDC, ...syms.map(randomSpot)];
  const balances = {};
  let weighted = 0;
  for (const s of spot.slice(1, 1 + nColl)) { balances[s.symbol] = amt(r.grid(3000, 80000, 1), s.price); weighted += balances[s.symbol] * s.price * s.maintenanceWeight; }
  // debt sized so that maintenance health is targetHealthFrac of the weighted collateral
  const debtW = weighted * (1 - targetHealthFrac);
  const borrows = spot.slice(1 + nColl);
  const useUsdc = opts.usdcBorrow !== false;
  const parts = borrows.length + (useUsdc ? 1 : 0);
  for (const s of borrows) balances[s.symbol] = -amt(debtW / parts / s.maintenanceLiabilityWeight, s.price);
  if (useUsdc) balances.USDC = -dec(debtW / parts, 2);
  return { spot, perps: [], balances, positions: [] };
}
// Perps: USDC (and optionally spot collateral that is not an underlying) plus 1-3 perps on distinct underlyings.
function perps(nPerps, targetRatio, opts = {}) {
  const unders = r.shuffle(PERPS).slice(0, nPerps);
  const ps = unders.map(([u, grid], i) => {
    const [imr, mmr] = opts.ratios ? opts.ratios[i] : r.pick(RATIOS);
    return perp(`${u}-PERP`, u, imr, mmr, r.grid(...grid), opts.ppw ?? 1);
  });
  const positions = ps.map((m, i) => {
    const side = opts.sides ? opts.sides[i] : (r.next() < 0.5 ? 1 : -1);
    const size = side * amt(r.grid(3000, 200000, 1), m.price);
    const move = opts.moves ? opts.moves[i] : r.grid(-0.15, 0.15, 0.001);
    return { market: m.symbol, size, entry: dec(m.price * (1 - side * move), 2) || 0.01 };
  });
  const spot = [USDC];
  const balances = {};
  const unds = new Set(ps.map((m) => m.underlying));
  let coll = 0;
  for (const sym of r.shuffle(SPOT.map((s) => s[0]).filter((s) => !unds.has(s))).slice(0, opts.nColl || 0)) {
    const s = randomSpot(sym); spot.push(s);
    balances[s.symbol] = amt(r.grid(2000, 40000, 1), s.price); coll += balances[s.symbol] * s.price * s.maintenanceWeight;
  }
  const R = ps.reduce((a, m, i) => a + Math.abs(positions[i].size) * m.price * m.mmr, 0);
  const pnlW = ps.reduce((a, m, i) => { const x = positions[i].size * (m.price - positions[i].entry); return a + (x > 0 ? x * m.ppw : x); }, 0);
  balances.USDC = dec(R / targetRatio - pnlW - coll, 2);
  return { spot, perps: ps, balances, positions };
}

const plans = [
  ['lending-two-collateral-usdc-borrow', () => lending(2, 0, 0.3)],
  ['lending-one-collateral-volatile-borrow', () => lending(1, 1, 0.25, { usdcBorrow: false })],
  ['lending-three-collateral-two-borrows', () => lending(3, 1, 0.15)],
  ['lending-near-liquidation', () => lending(2, 1, 0.01)],
  ['lending-liquidatable', () => lending(2, 1, -0.04)],
  ['perp-one-short', () => perps(1, 0.4, { sides: [-1] })],
  ['perp-two-long-short', () => perps(2, 0.55, { sides: [1, -1] })],
  ['perp-three-mixed-with-spot-collateral', () => perps(3, 0.35, { nColl: 2 })],
  ['perp-two-near-liquidation', () => perps(2, 0.96)],
  ['perp-liquidatable', () => perps(2, 1.2, { nColl: 1 })],
  ['perp-positive-pnl-weight-0.8-winners', () => perps(2, 0.4, { ppw: 0.8, sides: [1, -1], moves: [0.1, 0.08] })],
  ['perp-positive-pnl-weight-0.5-losers-and-winner', () => perps(3, 0.45, { ppw: 0.5, moves: [-0.1, -0.05, 0.07] })],
];
for (const [name, make] of plans) addVector(name, make());

// Size factor (Drift's spot imfFactor): w(b) = min(w, 1.1 / (1 + k*sqrt(b))), l(b) = max(l, 0.8*l + k*sqrt(b)) with
// k = imfFactor / 1e6 per sqrt(token). Amounts are perfect squares and k*sqrt(b) has 4 decimals so Drift's
// integer square root and 1e-4 weights are exact.
addVector('size-factor-collateral-100-sol', { spot: [USDC, spotAsset('SOL', 9, 0.75, 0.9, 1.2, 1.1, 150, 37500)], perps: [],
  balances: { SOL: 100, USDC: -9000 }, positions: [] }); // w_m = min(0.9, 1.1/1.375 = 0.8)
addVector('size-factor-borrow-400-sol', { spot: [USDC, spotAsset('SOL', 9, 0.8, 0.9, 1.2, 1.1, 150, 20000)], perps: [],
  balances: { USDC: 100000, SOL: -400 }, positions: [] }); // l_m = max(1.1, 0.88 + 0.4 = 1.28), l_i = max(1.2, 0.96 + 0.4)

// The same asset held as a spot balance and traded as a perp (shared oracle): Drift's liquidationPrice and
// spotLiquidationPrice add the spot balance's and the perp's free-collateral deltas, i.e. they reprice both.
addVector('shared-oracle-sol-deposit-hedged-by-short-sol-perp', { spot: [USDC, spotAsset('SOL', 9, 0.8, 0.9, 1.2, 1.1, 140)],
  perps: [perp('SOL-PERP', 'SOL', 0.1, 0.05, 140)], balances: { SOL: 200, USDC: -20000 }, positions: [{ market: 'SOL-PERP', size: -80, entry: 150 }] });
addVector('shared-oracle-eth-deposit-plus-long-eth-perp', { spot: [USDC, spotAsset('ETH', 8, 0.8, 0.85, 1.2, 1.1, 2500)],
  perps: [perp('ETH-PERP', 'ETH', 0.05, 0.03, 2500), perp('BTC-PERP', 'BTC', 0.1, 0.05, 60000)],
  balances: { ETH: 4, USDC: -2000 }, positions: [{ market: 'ETH-PERP', size: 6, entry: 2400 }, { market: 'BTC-PERP', size: -0.25, entry: 61000 }] });
addVector('shared-oracle-sol-borrow-with-long-sol-perp', { spot: [USDC, spotAsset('SOL', 9, 0.8, 0.9, 1.2, 1.1, 160)],
  perps: [perp('SOL-PERP', 'SOL', 0.1, 0.05, 160)], balances: { USDC: 30000, SOL: -150 }, positions: [{ market: 'SOL-PERP', size: 120, entry: 155 }] });

const out = path.join(GOLDEN_DIR, 'drift.json');
set.write(out);
console.log(set.report());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
