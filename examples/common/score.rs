//! A port of `../shared/tools/score.py`: scores predicted quote attributions against gold,
//! both given as JSON values with character offsets. It computes exactly the figures of the
//! Python scorer, in the same order and format, so the two agree to the last printed digit.
//!
//! Gold: `{"id", "text", "quotes": [{"kind", "start", "end", "segments"?: [{"start", "end"}],
//! "cue"?, "cue_start"?, "cue_end"?, "speaker_start"?, "speaker_end"?,
//! "speaker_canonical"?}]}`. Predictions: `{"id", "quotes": [{"kind", "content_start",
//! "content_end" (or "start", "end"), "segments"?, "speaker_start", "speaker_end",
//! "speaker"?, "cue_start", "cue_end"}]}`.
//!
//! Spans are compared on their letters and digits only: a quote is scored segment by segment,
//! and a gold and a predicted segment match when the Jaccard overlap of the positions of
//! their alphanumeric characters reaches the threshold; matching is one-to-one, greedy by
//! overlap (ties broken as Python's descending sort of `(jaccard, i, j)` does).
//!
//! Alphanumeric means [`char::is_alphanumeric`]. Python's `str.isalnum` agrees with it on
//! every character except about 1,400 combining marks and symbols that have Unicode's
//! `Other_Alphabetic` property (Indic vowel signs, circled letters), which Python does not
//! count, and characters assigned after the Unicode version of the Python that runs the
//! scorer. News text in Latin script has none of them.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::Value;

/// Cue words that make a gold item part of the speech-cue subset (the scorer's `SPEECH`).
#[rustfmt::skip]
const SPEECH: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "state", "states",
    "stated", "stating", "add", "adds", "added", "adding", "write", "writes", "wrote", "written",
    "writing", "note", "notes", "noted", "noting", "claim", "claims", "claimed", "claiming",
    "argue", "argues", "argued", "arguing", "explain", "explains", "explained", "explaining",
    "according", "announce", "announces", "announced", "announcing", "declare", "declares",
    "declared", "declaring", "insist", "insists", "insisted", "insisting", "ask", "asks", "asked",
    "asking", "reply", "replied", "replies", "respond", "responded", "responds", "report",
    "reported", "reports", "warn", "warns", "warned", "warning", "suggest", "suggested",
    "suggests", "acknowledge", "acknowledged", "acknowledges", "admit", "admitted", "admits",
    "deny", "denied", "denies", "remind", "reminded", "reminds", "recall", "recalled", "recalls",
    "tweet", "tweeted", "tweets", "post", "posted", "posts", "comment", "commented", "comments",
    "describe", "described", "describes", "call", "called", "calls", "continue", "continued",
    "continues", "confirm", "confirmed", "confirms", "mention", "mentioned", "mentions", "allege",
    "alleged", "alleges", "assert", "asserted", "asserts", "contend", "contended", "contends",
    "predict", "predicted", "predicts", "promise", "promised", "promises", "vow", "vowed", "vows",
    "urge", "urged", "urges", "emphasize", "emphasized", "emphasizes", "stress", "stressed",
    "stresses", "charge", "charged", "charges", "quip", "quipped", "joke", "joked",
];

/// One figure: a count or a rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Figure {
    /// A count (documents, segments).
    Count(u64),
    /// A precision, recall, F1 or accuracy.
    Rate(f64),
}

/// The figures, in the scorer's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Scores {
    figures: Vec<(&'static str, Figure)>,
}

impl Scores {
    /// The figures in order.
    pub(crate) fn figures(&self) -> &[(&'static str, Figure)] {
        &self.figures
    }

    /// One figure as a number.
    pub(crate) fn get(&self, name: &str) -> Option<f64> {
        self.figures
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| match v {
                Figure::Count(n) => *n as f64,
                Figure::Rate(r) => *r,
            })
    }

    fn push(&mut self, name: &'static str, figure: Figure) {
        self.figures.push((name, figure));
    }

    /// The figures as the scorer prints them: `{k:28s} {v:.3f}` (counts as integers), one a
    /// line.
    pub(crate) fn to_text(&self) -> String {
        let mut s = String::new();
        for (k, v) in &self.figures {
            let _ = match v {
                Figure::Count(n) => writeln!(s, "{k:28} {n}"),
                Figure::Rate(r) => writeln!(s, "{k:28} {r:.3}"),
            };
        }
        s
    }

    /// The figures as the scorer's `--json` prints them (Python's `json.dumps`).
    pub(crate) fn to_json(&self) -> String {
        let mut s = String::from("{");
        for (i, (k, v)) in self.figures.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let _ = match v {
                Figure::Count(n) => write!(s, "\"{k}\": {n}"),
                Figure::Rate(r) => write!(s, "\"{k}\": {}", python_repr(*r)),
            };
        }
        s.push('}');
        s
    }
}

/// Python's `repr` of a float: the shortest digits that read back, in fixed notation when the
/// decimal exponent is in -5 < e < 16, else in scientific notation with a two-digit exponent.
pub(crate) fn python_repr(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    // `{:e}` gives the shortest round-tripping digits: `-1.2345e-7`.
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if (-5 < exp) && (exp < 16) {
        let point = exp + 1; // digits before the decimal point
        if point <= 0 {
            let zeros = "0".repeat(point.unsigned_abs() as usize);
            format!("{sign}0.{zeros}{digits}")
        } else {
            let point = point as usize;
            if digits.len() <= point {
                let zeros = "0".repeat(point - digits.len());
                format!("{sign}{digits}{zeros}.0")
            } else {
                format!("{sign}{}.{}", &digits[..point], &digits[point..])
            }
        }
    } else {
        let exp_sign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exp.unsigned_abs())
    }
}

/// A gold or predicted segment: the quote it belongs to and its character span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    /// Index of the quote in the document's `quotes`.
    pub(crate) quote: usize,
    /// Character offsets as given (Python clamps them to the text when counting).
    pub(crate) start: i64,
    /// End offset.
    pub(crate) end: i64,
}

/// How one document's segments were matched: which predicted segment each gold segment got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Alignment {
    /// The document's id.
    pub(crate) id: Value,
    /// Index of the gold document in the gold list (the last line with that id).
    pub(crate) gold: usize,
    /// Index of the prediction in the prediction list, when there is one.
    pub(crate) pred: Option<usize>,
    /// The gold segments, quote by quote.
    pub(crate) gold_segments: Vec<Segment>,
    /// The predicted segments, quote by quote.
    pub(crate) pred_segments: Vec<Segment>,
    /// For each gold segment, the predicted segment it matched.
    pub(crate) matched: Vec<Option<usize>>,
    /// For each matched gold segment, whether the prediction got its speaker right (the
    /// scorer's attribution test); `false` for unmatched ones.
    pub(crate) attributed: Vec<bool>,
}

/// The figures and, for each gold document, how it was matched.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Evaluation {
    /// The scorer's figures.
    pub(crate) scores: Scores,
    /// One alignment per distinct gold id, in the order ids first appear.
    pub(crate) alignments: Vec<Alignment>,
}

/// Counts of alphanumeric characters before each character offset of a text.
struct Alnum {
    prefix: Vec<u32>,
}

impl Alnum {
    fn new(text: &str) -> Self {
        let mut prefix = Vec::with_capacity(text.len() + 1);
        let mut n = 0u32;
        prefix.push(0);
        for c in text.chars() {
            n += u32::from(c.is_alphanumeric());
            prefix.push(n);
        }
        Self { prefix }
    }

    /// Python's `range(max(0, s), min(len(text), e))`, as a half-open pair (possibly empty).
    fn clamp(&self, s: i64, e: i64) -> (usize, usize) {
        let len = (self.prefix.len() - 1) as i64;
        let lo = s.max(0);
        let hi = e.min(len);
        if hi <= lo {
            (0, 0)
        } else {
            (lo as usize, hi as usize)
        }
    }

    fn count(&self, (lo, hi): (usize, usize)) -> u64 {
        u64::from(self.prefix[hi] - self.prefix[lo])
    }

    /// The Jaccard overlap of the alphanumeric positions of two spans; 0 when either has
    /// none. Also returns whether they share any.
    fn jaccard(&self, a: (i64, i64), b: (i64, i64)) -> (f64, bool) {
        let a = self.clamp(a.0, a.1);
        let b = self.clamp(b.0, b.1);
        let (na, nb) = (self.count(a), self.count(b));
        let lo = a.0.max(b.0);
        let hi = a.1.min(b.1);
        let inter = if lo < hi { self.count((lo, hi)) } else { 0 };
        if na == 0 || nb == 0 {
            return (0.0, inter > 0);
        }
        (inter as f64 / (na + nb - inter) as f64, inter > 0)
    }

    /// The scorer's `span_ok`: both spans given and overlapping by at least half.
    fn span_ok(&self, gold: Option<(i64, i64)>, pred: Option<(i64, i64)>) -> bool {
        match (gold, pred) {
            (Some(g), Some(p)) => self.jaccard(g, p).0 >= 0.5,
            _ => false,
        }
    }
}

/// A JSON field that Python reads with `.get`: missing and `null` are both `None`.
fn get<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    v.get(key).filter(|x| !x.is_null())
}

/// An integer field, `None` when missing or null.
fn int(v: &Value, key: &str, what: &str) -> Result<Option<i64>, String> {
    match get(v, key) {
        None => Ok(None),
        Some(x) => x
            .as_i64()
            .map(Some)
            .ok_or_else(|| format!("{what}: {key} is not an integer: {x}")),
    }
}

/// An integer field that must be there.
fn need(v: &Value, key: &str, what: &str) -> Result<i64, String> {
    int(v, key, what)?.ok_or_else(|| format!("{what}: no {key}"))
}

/// A span given by two integer fields; `None` when the start is missing (`span_ok`).
fn span_field(v: &Value, start: &str, end: &str, what: &str) -> Result<Option<(i64, i64)>, String> {
    match int(v, start, what)? {
        None => Ok(None),
        Some(s) => Ok(Some((s, need(v, end, what)?))),
    }
}

/// Python truthiness of an optional list field: present, not null, not empty.
fn nonempty_list<'v>(v: &'v Value, key: &str) -> Option<&'v Vec<Value>> {
    get(v, key)
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
}

fn segments_of(
    list: &[Value],
    quote: usize,
    what: &str,
    out: &mut Vec<Segment>,
) -> Result<(), String> {
    for s in list {
        out.push(Segment {
            quote,
            start: need(s, "start", what)?,
            end: need(s, "end", what)?,
        });
    }
    Ok(())
}

/// The scorer's `gold_segments`: the segments, or the quote's own span.
fn gold_segments(
    q: &Value,
    quote: usize,
    what: &str,
    out: &mut Vec<Segment>,
) -> Result<(), String> {
    match nonempty_list(q, "segments") {
        Some(list) => segments_of(list, quote, what, out),
        None => {
            out.push(Segment {
                quote,
                start: need(q, "start", what)?,
                end: need(q, "end", what)?,
            });
            Ok(())
        }
    }
}

/// The scorer's `pred_segments`: the segments, or the content span (else the whole span).
fn pred_segments(
    q: &Value,
    quote: usize,
    what: &str,
    out: &mut Vec<Segment>,
) -> Result<(), String> {
    match nonempty_list(q, "segments") {
        Some(list) => segments_of(list, quote, what, out),
        None => {
            // `q.get("content_start", q.get("start"))`: a key that is present wins, even null.
            let pick = |a: &str, b: &str| -> Result<i64, String> {
                let key = if q.get(a).is_some() { a } else { b };
                need(q, key, what)
            };
            out.push(Segment {
                quote,
                start: pick("content_start", "start")?,
                end: pick("content_end", "end")?,
            });
            Ok(())
        }
    }
}

/// Python's `str.split()` separators: Unicode white space and the four ASCII information
/// separators.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The scorer's `is_speech`: whether the cue has a speech or writing word (or "according").
fn is_speech(q: &Value) -> bool {
    let cue = get(q, "cue").and_then(Value::as_str).unwrap_or("");
    let cue = cue
        .to_lowercase()
        .replace('\u{2019}', "'")
        .replace(',', " ");
    cue.split(is_py_space)
        .filter(|w| !w.is_empty())
        .any(|w| SPEECH.contains(&w))
}

/// The key a document is found by: its id as JSON.
fn key(doc: &Value, what: &str) -> Result<String, String> {
    doc.get("id")
        .map(Value::to_string)
        .ok_or_else(|| format!("{what} has no id"))
}

/// Python's dict built from lines: one entry per id, in the order ids first appear, holding
/// the last line with that id.
fn by_id(docs: &[Value], what: &str) -> Result<(Vec<usize>, HashMap<String, usize>), String> {
    let mut order = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let k = key(d, &format!("{what} line {}", i + 1))?;
        match index.get_mut(&k) {
            Some(slot) => {
                // The entry keeps its place; its value is the later line.
                let pos = order.iter().position(|&o| o == *slot).unwrap_or(0);
                order[pos] = i;
                *slot = i;
            }
            None => {
                index.insert(k, i);
                order.push(i);
            }
        }
    }
    Ok((order, index))
}

#[derive(Default)]
struct Counts {
    g: u64,
    p: u64,
    m: u64,
    spk_g: u64,
    spk_ok: u64,
    cue_ok: u64,
    att_tp: u64,
    g_direct: u64,
    m_direct: u64,
    p_direct: u64,
    pm_direct: u64,
    g_mixed: u64,
    m_mixed: u64,
    g_indirect: u64,
    m_indirect: u64,
    g_speech: u64,
    m_speech: u64,
    att_speech: u64,
    canon_g: u64,
    canon_ok: u64,
    p_on_other: u64,
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The scorer's `prf`.
fn prf(tp_p: u64, n_p: u64, tp_r: u64, n_g: u64) -> (f64, f64, f64) {
    let p = ratio(tp_p, n_p);
    let r = ratio(tp_r, n_g);
    let f = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Scores predictions against gold, exactly as `score.py GOLD PRED --threshold T` does.
///
/// # Errors
/// Where the Python scorer would stop with an exception: a document without `id`, a gold
/// document without `text` or `quotes`, a gold kind other than direct, mixed or indirect, a
/// span that is not an integer pair.
pub(crate) fn score(gold: &[Value], pred: &[Value], threshold: f64) -> Result<Evaluation, String> {
    let (gold_order, _) = by_id(gold, "gold")?;
    let (_, pred_index) = by_id(pred, "prediction")?;
    let mut c = Counts::default();
    let mut missing = 0u64;
    let mut alignments = Vec::with_capacity(gold_order.len());
    for &gi in &gold_order {
        let g = &gold[gi];
        let id = g.get("id").cloned().unwrap_or(Value::Null);
        let what = format!("gold document {id}");
        let text = g
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{what} has no text"))?;
        let pi = pred_index.get(&key(g, &what)?).copied();
        if pi.is_none() {
            missing += 1;
        }
        let gquotes = g
            .get("quotes")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{what} has no quotes list"))?;
        // `(pred.get(doc_id) or {}).get("quotes") or []`
        let empty = Vec::new();
        let pquotes = pi
            .and_then(|i| get(&pred[i], "quotes"))
            .and_then(Value::as_array)
            .unwrap_or(&empty);

        let mut gs = Vec::new();
        for (qi, q) in gquotes.iter().enumerate() {
            gold_segments(q, qi, &format!("{what}, quote {qi}"), &mut gs)?;
        }
        let mut ps = Vec::new();
        for (qi, q) in pquotes.iter().enumerate() {
            pred_segments(q, qi, &format!("prediction {id}, quote {qi}"), &mut ps)?;
        }
        let alnum = Alnum::new(text);

        let mut cands: Vec<(f64, usize, usize)> = Vec::new();
        for (i, a) in gs.iter().enumerate() {
            for (j, b) in ps.iter().enumerate() {
                let (jv, shared) = alnum.jaccard((a.start, a.end), (b.start, b.end));
                if shared && jv >= threshold {
                    cands.push((jv, i, j));
                }
            }
        }
        // Python's `cands.sort(reverse=True)` on (jaccard, i, j) tuples.
        cands.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(y.1.cmp(&x.1)).then(y.2.cmp(&x.2)));
        let mut gm: Vec<Option<usize>> = vec![None; gs.len()];
        let mut pm: Vec<Option<usize>> = vec![None; ps.len()];
        for &(_, i, j) in &cands {
            if gm[i].is_some() || pm[j].is_some() {
                continue;
            }
            gm[i] = Some(j);
            pm[j] = Some(i);
        }

        c.g += gs.len() as u64;
        c.p += ps.len() as u64;
        c.m += gm.iter().filter(|m| m.is_some()).count() as u64;
        for (j, s) in ps.iter().enumerate() {
            if pquotes[s.quote].get("kind").and_then(Value::as_str) == Some("direct") {
                c.p_direct += 1;
                if pm[j].is_some() {
                    c.pm_direct += 1;
                }
            }
        }
        let mut attributed = vec![false; gs.len()];
        for (i, s) in gs.iter().enumerate() {
            let q = &gquotes[s.quote];
            let what = format!("{what}, quote {}", s.quote);
            let kind = q.get("kind").and_then(Value::as_str).unwrap_or("");
            let speech = is_speech(q);
            let matched = match kind {
                "direct" => (&mut c.g_direct, &mut c.m_direct),
                "mixed" => (&mut c.g_mixed, &mut c.m_mixed),
                "indirect" => (&mut c.g_indirect, &mut c.m_indirect),
                _ => return Err(format!("{what}: unknown kind {:?}", q.get("kind"))),
            };
            *matched.0 += 1;
            c.g_speech += u64::from(speech);
            let Some(j) = gm[i] else {
                continue;
            };
            *matched.1 += 1;
            c.m_speech += u64::from(speech);
            c.p_on_other += u64::from(!speech);
            let p = &pquotes[ps[j].quote];
            let ok = match span_field(q, "speaker_start", "speaker_end", &what)? {
                Some(gspan) => {
                    c.spk_g += 1;
                    let pspan = span_field(p, "speaker_start", "speaker_end", "prediction")?;
                    let ok = alnum.span_ok(Some(gspan), pspan);
                    c.spk_ok += u64::from(ok);
                    ok
                }
                // A gold item with no source counts as attributed right when the prediction
                // has none.
                None => get(p, "speaker_start").is_none(),
            };
            if let Some(canon) = get(q, "speaker_canonical").and_then(Value::as_str) {
                if !canon.is_empty() && !canon.starts_with('[') {
                    c.canon_g += 1;
                    let got = get(p, "speaker")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_lowercase();
                    let canon = canon.to_lowercase();
                    let last = canon.split(is_py_space).rfind(|w| !w.is_empty());
                    c.canon_ok += u64::from(!got.is_empty() && got.contains(last.unwrap_or("")));
                }
            }
            attributed[i] = ok;
            c.att_tp += u64::from(ok);
            c.att_speech += u64::from(ok && speech);
            let gcue = span_field(q, "cue_start", "cue_end", &what)?;
            let pcue = span_field(p, "cue_start", "cue_end", "prediction")?;
            c.cue_ok += u64::from(alnum.span_ok(gcue, pcue));
        }
        alignments.push(Alignment {
            id,
            gold: gi,
            pred: pi,
            gold_segments: gs,
            pred_segments: ps,
            matched: gm,
            attributed,
        });
    }

    let mut s = Scores::default();
    let rate = Figure::Rate;
    s.push("docs", Figure::Count(gold_order.len() as u64));
    s.push("docs_missing", Figure::Count(missing));
    s.push("gold", Figure::Count(c.g));
    s.push("pred", Figure::Count(c.p));
    let (p, r, f) = prf(c.m, c.p, c.m, c.g);
    s.push("content_p", rate(p));
    s.push("content_r", rate(r));
    s.push("content_f1", rate(f));
    let (p, r, f) = prf(c.pm_direct, c.p_direct, c.m_direct, c.g_direct);
    s.push("direct_p", rate(p));
    s.push("direct_r", rate(r));
    s.push("direct_f1", rate(f));
    s.push("mixed_r", rate(ratio(c.m_mixed, c.g_mixed)));
    s.push("indirect_r", rate(ratio(c.m_indirect, c.g_indirect)));
    s.push("speech_r", rate(ratio(c.m_speech, c.g_speech)));
    s.push("speaker_acc_on_matched", rate(ratio(c.spk_ok, c.spk_g)));
    if c.canon_g > 0 {
        s.push("canonical_speaker_acc", rate(ratio(c.canon_ok, c.canon_g)));
    }
    s.push("cue_acc_on_matched", rate(ratio(c.cue_ok, c.m)));
    let (p, r, f) = prf(c.att_tp, c.p, c.att_tp, c.g);
    s.push("attribution_p", rate(p));
    s.push("attribution_r", rate(r));
    s.push("attribution_f1", rate(f));
    s.push(
        "speech_attribution_r",
        rate(ratio(c.att_speech, c.g_speech)),
    );
    // The speech-cue subset as its own task: predictions matched to gold items outside it
    // count neither for nor against.
    let p_in = c.p - c.p_on_other;
    let (p, r, f) = prf(c.m_speech, p_in, c.m_speech, c.g_speech);
    s.push("speech_content_p", rate(p));
    s.push("speech_content_r", rate(r));
    s.push("speech_content_f1", rate(f));
    let (p, _, f) = prf(c.att_speech, p_in, c.att_speech, c.g_speech);
    s.push("speech_attribution_p", rate(p));
    s.push("speech_attribution_f1", rate(f));
    Ok(Evaluation {
        scores: s,
        alignments,
    })
}

/// Reads JSON lines, skipping blank ones (as the scorer does).
///
/// # Errors
/// A line that is not JSON, naming its number.
pub(crate) fn read_jsonl(text: &str, name: &str) -> Result<Vec<Value>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{name} line {}: {e}", i + 1)))
        .collect()
}
