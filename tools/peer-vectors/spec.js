'use strict';
// Independent implementation of Solvent's reference margin model (shared spec: margin-model.md), used ONLY
// to cross-check the peers' figures before a vector is written. The vectors' expected values always come
// from the peer packages, never from this file.
//
// Also: the seeded PRNG, number helpers, the vector/expectation builder that checks every peer figure
// against this implementation and records the largest disagreement per figure, and the file writer.

const fs = require('fs');
const path = require('path');

// ---------------------------------------------------------------------------------------------------------
// Deterministic PRNG (mulberry32) and helpers for "nice" (exactly representable) numbers.
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function rng(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int(lo, hi) { return lo + Math.floor(next() * (hi - lo + 1)); }, // inclusive
    pick(arr) { return arr[Math.floor(next() * arr.length)]; },
    // a multiple of `step` in [lo, hi], returned as an exact decimal (step = 10^-k or 0.5 etc.)
    grid(lo, hi, step) {
      const n = Math.round((hi - lo) / step);
      const k = Math.floor(next() * (n + 1));
      return dec(lo + k * step, decimalsOf(step));
    },
    shuffle(arr) {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
      return a;
    },
  };
  return r;
}
function decimalsOf(x) {
  const s = String(x);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}
// round to d decimals and return the double nearest to that decimal
function dec(x, d) { return Number(x.toFixed(d)); }

// Exact decimal string of a JS number (shortest round-trip form expanded, no exponent).
function plain(x) {
  let s = String(x);
  if (!/e/i.test(s)) return s;
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  const [mant, expS] = s.toLowerCase().split('e');
  const exp = Number(expS);
  let [ip, fp = ''] = mant.split('.');
  let digits = ip + fp;
  let point = ip.length + exp;
  if (point <= 0) { digits = '0'.repeat(1 - point) + digits; point = 1; }
  if (point >= digits.length) digits = digits + '0'.repeat(point - digits.length);
  const out = digits.slice(0, point) + (point < digits.length ? '.' + digits.slice(point) : '');
  return (neg ? '-' : '') + out.replace(/^0+(?=\d)/, '');
}
// x (a decimal number) times 10^d as an exact integer string; throws if x has more than d decimals.
function toUnits(x, d) {
  const s = plain(x);
  const neg = s.startsWith('-');
  const [ip, fp = ''] = (neg ? s.slice(1) : s).split('.');
  if (fp.length > d) throw new Error(`${x} has more than ${d} decimals`);
  const digits = (ip + fp.padEnd(d, '0')).replace(/^0+(?=\d)/, '');
  return (neg && digits !== '0' ? '-' : '') + digits;
}
// integer string n divided by 10^d, as the double nearest to that decimal
function fromUnits(n, d) {
  let s = String(n);
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  s = s.padStart(d + 1, '0');
  const v = Number(s.slice(0, s.length - d) + (d ? '.' + s.slice(s.length - d) : ''));
  return neg ? -v : v;
}

// ---------------------------------------------------------------------------------------------------------
// The model.
const TYPES = ['initial', 'maintenance'];

function tieredRequirement(tiers, N, type) {
  let r = 0;
  let prev = 0;
  for (const t of tiers) {
    const f = type === 'initial' ? t.initialMarginFraction : t.maintenanceMarginFraction;
    const upTo = t.upTo === null || t.upTo === undefined ? Infinity : t.upTo;
    r += f * Math.max(0, Math.min(N, upTo) - prev);
    prev = upTo;
    if (N <= upTo) break;
  }
  return r;
}

function assetDefaults(a) {
  return {
    symbol: a.symbol,
    initialWeight: a.initialWeight ?? 1,
    maintenanceWeight: a.maintenanceWeight ?? 1,
    initialLiabilityWeight: a.initialLiabilityWeight ?? 1,
    maintenanceLiabilityWeight: a.maintenanceLiabilityWeight ?? 1,
    sizeFactor: a.sizeFactor ?? 0,
  };
}
function marketDefaults(m) {
  return {
    symbol: m.symbol, underlying: m.underlying,
    liquidationFee: m.liquidationFee ?? 0.01,
    positivePnlWeight: m.positivePnlWeight ?? 1,
    tiers: m.tiers ?? [{ upTo: null, initialMarginFraction: 1, maintenanceMarginFraction: 1 }],
  };
}
function assetWeight(a, b, type) {
  const k = a.sizeFactor;
  if (b > 0) {
    const w = type === 'initial' ? a.initialWeight : a.maintenanceWeight;
    return k === 0 ? w : Math.min(w, 1.1 / (1 + k * Math.sqrt(Math.abs(b))));
  }
  const l = type === 'initial' ? a.initialLiabilityWeight : a.maintenanceLiabilityWeight;
  return k === 0 ? l : Math.max(l, 0.8 * l + k * Math.sqrt(Math.abs(b)));
}

// Margin figures of one sub-account at the given prices.
function figures(assets, markets, sub, prices) {
  const res = {};
  for (const t of TYPES) {
    let A = 0, L = 0, R = 0;
    for (const [sym, b] of Object.entries(sub.balances || {})) {
      const a = assets[sym];
      const P = prices[sym];
      if (b > 0) A += b * P * assetWeight(a, b, t);
      else if (b < 0) L += -b * P * assetWeight(a, b, t);
    }
    for (const pos of sub.positions || []) {
      const m = markets[pos.market];
      const P = prices[m.underlying];
      const pnl = pos.size * (P - pos.entryPrice);
      const N = Math.abs(pos.size) * P;
      if (pnl >= 0) A += pnl * m.positivePnlWeight; else L += -pnl;
      R += tieredRequirement(m.tiers, N, t);
    }
    L += R;
    res[t] = { weightedAssets: A, weightedLiabilities: L, requirement: R, health: A - L, healthFactor: L === 0 ? null : A / L };
  }
  return res;
}

// Exact nearest root of f(p) = maintenance health with the price of `sym` replaced by p.
function liquidationPrice(assets, markets, sub, prices, sym) {
  const P0 = prices[sym];
  const onSym = (sub.positions || []).filter((p) => markets[p.market].underlying === sym);
  const bps = new Set();
  for (const pos of onSym) {
    bps.add(pos.entryPrice);
    const m = markets[pos.market];
    for (const t of m.tiers) if (t.upTo !== null && t.upTo !== undefined) bps.add(t.upTo / Math.abs(pos.size));
  }
  const points = [0, ...[...bps].filter((x) => x > 0).sort((a, b) => a - b), Infinity];
  // constant part: everything not depending on p
  const others = { ...sub, balances: { ...(sub.balances || {}) }, positions: (sub.positions || []).filter((p) => markets[p.market].underlying !== sym) };
  delete others.balances[sym];
  const c0 = figures(assets, markets, others, prices).maintenance.health;
  const b = (sub.balances || {})[sym] || 0;
  const bal = b > 0 ? b * assetWeight(assets[sym], b, 'maintenance') : b < 0 ? -(-b) * assetWeight(assets[sym], b, 'maintenance') : 0;
  const cands = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const lo = points[i], hi = points[i + 1];
    const probe = hi === Infinity ? (lo === 0 ? 1 : lo * 2) : (lo + hi) / 2;
    let alpha = c0, beta = bal;
    for (const pos of onSym) {
      const m = markets[pos.market];
      const s = pos.size, E = pos.entryPrice;
      const pnlProbe = s * (probe - E);
      const w = pnlProbe >= 0 ? m.positivePnlWeight : 1;
      beta += w * s; alpha -= w * s * E;
      // requirement: tier active at the probe notional
      const Nprobe = Math.abs(s) * probe;
      let prev = 0, acc = 0;
      for (const t of m.tiers) {
        const upTo = t.upTo === null || t.upTo === undefined ? Infinity : t.upTo;
        const f = t.maintenanceMarginFraction;
        if (Nprobe <= upTo) { alpha -= acc - f * prev; beta -= f * Math.abs(s); break; }
        acc += f * (upTo - prev);
        prev = upTo;
      }
    }
    if (beta === 0) {
      if (alpha === 0) cands.push(Math.min(Math.max(P0, lo), hi));
      continue;
    }
    const r = -alpha / beta;
    if (r >= lo && r <= hi && r > 0 && Number.isFinite(r)) cands.push(r);
  }
  if (cands.length === 0) return null;
  cands.sort((x, y) => Math.abs(x - P0) - Math.abs(y - P0) || x - y);
  return cands[0];
}

// The `solvent margin` document for a book (spec.md + cli-and-files.md).
function margin(book) {
  const assets = Object.fromEntries(book.assets.map((a) => [a.symbol, assetDefaults(a)]));
  const markets = Object.fromEntries((book.markets || []).map((m) => [m.symbol, marketDefaults(m)]));
  const prices = book.prices;
  const subaccounts = [];
  for (const acct of book.accounts) {
    for (const sub of acct.subaccounts) {
      const fig = figures(assets, markets, sub, prices);
      let equity = 0, sumN = 0;
      for (const [sym, b] of Object.entries(sub.balances || {})) equity += b * prices[sym];
      const positions = [];
      for (const pos of sub.positions || []) {
        const m = markets[pos.market];
        const P = prices[m.underlying];
        const pnl = pos.size * (P - pos.entryPrice);
        const N = Math.abs(pos.size) * P;
        equity += pnl; sumN += N;
        const lp = liquidationPrice(assets, markets, sub, prices, m.underlying);
        positions.push({ market: pos.market, size: pos.size, notional: N, unrealizedPnl: pnl,
          initialRequirement: tieredRequirement(m.tiers, N, 'initial'), maintenanceRequirement: tieredRequirement(m.tiers, N, 'maintenance'),
          liquidationPrice: lp, liquidationDistance: lp === null ? null : (lp - P) / P });
      }
      const syms = [];
      for (const sym of Object.keys(sub.balances || {})) if (!syms.includes(sym)) syms.push(sym);
      for (const pos of sub.positions || []) { const u = markets[pos.market].underlying; if (!syms.includes(u)) syms.push(u); }
      const liquidationPrices = {};
      for (const sym of syms) liquidationPrices[sym] = liquidationPrice(assets, markets, sub, prices, sym);
      const m = fig.maintenance;
      const denom = m.weightedAssets - (m.weightedLiabilities - m.requirement);
      subaccounts.push({ account: acct.id, subaccount: sub.id, mode: sub.mode, equity,
        liquidatable: m.weightedLiabilities > 0 && m.health < 0,
        freeCollateral: Math.max(0, fig.initial.health),
        marginRatio: denom <= 0 ? null : m.requirement / denom,
        leverage: equity <= 0 ? null : sumN / equity,
        liquidationPrices, initial: fig.initial, maintenance: fig.maintenance, positions });
    }
  }
  return { subaccounts };
}

function pointerGet(doc, pointer) {
  let cur = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || cur === undefined || !(key in Object(cur))) return undefined;
    cur = cur[key];
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------------------
// Vector builder with the spec cross-check.
function relDiff(x, y) {
  if (x === y) return 0;
  const m = Math.max(Math.abs(x), Math.abs(y));
  return Math.abs(x - y) / m;
}

class VectorSet {
  constructor(peer, version, generator) {
    this.doc = { peer, version, generator, vectors: [] };
    this.stats = {}; // field kind -> {max, n, tol}
    this.notes = [];
  }
  // kind: a label for the statistics (e.g. "/maintenance/health"); check: throws if beyond tolerance.
  vector(name, book) {
    const model = margin(book);
    const v = { name, book, expect: [] };
    const set = this;
    const api = {
      model,
      // scale: the size of the terms the figure is a difference of (for the cancellation guard)
      expect(pointer, value, relTol, peerField, opts = {}) {
        const kind = opts.kind || pointer.replace(/\/subaccounts\/\d+/, '').replace(/\/positions\/\d+/, '/positions/*').replace(/\/liquidationPrices\/[^/]+/, '/liquidationPrices/*');
        const specVal = pointerGet(model, pointer);
        if (specVal === undefined) throw new Error(`${name}: spec has no ${pointer}`);
        if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${name}: peer ${peerField} not finite: ${value}`);
        if (opts.scale !== undefined && typeof value === 'number' && Math.abs(value) < 1e-6 * opts.scale) {
          set.notes.push(`${name}: ${pointer} left out (|${value}| is below 1e-6 of the terms it is a difference of)`);
          return;
        }
        let d;
        if (value === null || typeof value === 'boolean' || specVal === null || typeof specVal === 'boolean') {
          d = value === specVal ? 0 : Infinity;
        } else {
          d = relDiff(value, specVal);
        }
        const st = set.stats[kind] || (set.stats[kind] = { max: 0, n: 0, tols: new Set(), where: '' });
        st.n++;
        st.tols.add(relTol);
        if (d > st.max) { st.max = d; st.where = name; }
        if (relTol > 0 && d / relTol > (st.ofTol || 0)) st.ofTol = d / relTol;
        if (!(d <= relTol)) {
          throw new Error(`${name}: ${pointer} peer ${peerField}=${value} but spec ${specVal} (relative ${d} > ${relTol})`);
        }
        v.expect.push({ pointer, value, relTol, peerField });
      },
    };
    return { api, done: () => { if (v.expect.length === 0) throw new Error(`${name}: no figures`); set.doc.vectors.push(v); } };
  }
  write(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // One vector per block, its book on one line and one expectation per line: readable in a diff.
    const d = this.doc;
    const lines = ['{"peer": ' + JSON.stringify(d.peer) + ', "version": ' + JSON.stringify(d.version) + ', "generator": ' + JSON.stringify(d.generator) + ',', ' "vectors": ['];
    d.vectors.forEach((v, i) => {
      lines.push('  {"name": ' + JSON.stringify(v.name) + ',');
      lines.push('   "book": ' + JSON.stringify(v.book) + ',');
      lines.push('   "expect": [');
      v.expect.forEach((e, j) => lines.push('    ' + JSON.stringify(e) + (j + 1 < v.expect.length ? ',' : '')));
      lines.push('   ]}' + (i + 1 < d.vectors.length ? ',' : ''));
    });
    lines.push(' ]}');
    const text = lines.join('\n') + '\n';
    JSON.parse(text); // must be valid JSON
    fs.writeFileSync(file, text);
  }
  report() {
    const lines = [`${this.doc.peer}@${this.doc.version}: ${this.doc.vectors.length} vectors, ${this.doc.vectors.reduce((a, v) => a + v.expect.length, 0)} figures`];
    lines.push('  max relative disagreement, peer vs. independent spec implementation (figure: max over n, tolerance used, worst vector):');
    for (const k of Object.keys(this.stats).sort()) {
      const s = this.stats[k];
      const tols = [...s.tols].filter((t) => t > 0);
      const tolText = tols.length === 0 ? 'exact (boolean/null)' : tols.length === 1 ? `relTol ${tols[0].toExponential(0)}` : `relTol ${Math.min(...tols).toExponential(0)}..${Math.max(...tols).toExponential(0)}`;
      lines.push(`  ${k.padEnd(50)} ${s.max.toExponential(2).padStart(9)}  n=${String(s.n).padStart(3)}  ${tolText}, worst ${((s.ofTol || 0) * 100).toFixed(1)}% of its tolerance  ${s.max > 0 ? '(' + s.where + ')' : ''}`);
    }
    for (const n of this.notes) lines.push('  note: ' + n);
    return lines.join('\n');
  }
}

// Paths relative to this folder.
const GOLDEN_DIR = path.join(__dirname, '..', '..', 'engine-core', 'src', 'test', 'resources', 'golden');

module.exports = { rng, dec, plain, toUnits, fromUnits, margin, liquidationPrice, figures, pointerGet, relDiff, VectorSet, GOLDEN_DIR };
