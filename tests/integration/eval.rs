//! Tests: evaluation. The scorer that `examples/eval.rs` runs (a port of
//! `../shared/tools/score.py`, kept in `examples/common/score.rs`) on hand-made cases, against
//! the Python scorer itself when it can be run, and the regression floors on the `PolNeAR` dev
//! set.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

#[path = "../../examples/common/score.rs"]
mod score;

use crate::examples::record::{build_parser, process_block, Offsets};
use score::{python_repr, read_jsonl, score as run_score};

fn fig(s: &score::Scores, name: &str) -> f64 {
    s.get(name).unwrap_or_else(|| panic!("no figure {name}"))
}

// ---------------------------------------------------------------------------------------
// Hand-made cases: figures worked out on paper.

const TEXT: &str = "“We will win,” Ann Lee said. Bob Ray said that it was over. He added: no.";

/// Character offsets of the first occurrence of `needle` in `TEXT`.
fn at(needle: &str) -> (usize, usize) {
    let b = TEXT.find(needle).unwrap();
    let s = TEXT[..b].chars().count();
    (s, s + needle.chars().count())
}

fn gold_doc() -> Value {
    let (s1, e1) = at("We will win,");
    let (sp1, ep1) = at("Ann Lee");
    let (c1, ce1) = at("said");
    let (s2, e2) = at("it was over");
    let (sp2, ep2) = at("Bob Ray");
    let (c2, ce2) = at("said that");
    let (s3, e3) = at("no");
    let (sp3, ep3) = at("He");
    let (c3, ce3) = at("added");
    json!({"id": "d1", "text": TEXT, "quotes": [
        {"kind": "direct", "start": s1, "end": e1, "speaker_start": sp1, "speaker_end": ep1,
         "cue": "said", "cue_start": c1, "cue_end": ce1, "speaker_canonical": "Ann Lee"},
        {"kind": "indirect", "start": s2, "end": e2, "speaker_start": sp2, "speaker_end": ep2,
         "cue": "said that", "cue_start": c2, "cue_end": ce2},
        // A cue outside the speech list puts this item outside the speech-cue subset.
        {"kind": "mixed", "start": s3, "end": e3, "speaker_start": sp3, "speaker_end": ep3,
         "cue": "believes", "cue_start": c3, "cue_end": ce3},
    ]})
}

#[test]
fn gold_scored_against_itself_is_perfect() {
    let gold = vec![gold_doc()];
    let e = run_score(&gold, &gold, 0.5).unwrap();
    let s = &e.scores;
    assert_eq!(fig(s, "gold"), 3.0);
    assert_eq!(fig(s, "pred"), 3.0);
    for name in [
        "content_f1",
        "direct_f1",
        "mixed_r",
        "indirect_r",
        "speech_r",
        "speaker_acc_on_matched",
        "canonical_speaker_acc",
        "cue_acc_on_matched",
        "attribution_f1",
        "speech_content_f1",
        "speech_attribution_f1",
    ] {
        // The gold has no canonical `speaker` for predictions: that figure is 0.
        let want = if name == "canonical_speaker_acc" {
            0.0
        } else {
            1.0
        };
        assert_eq!(fig(s, name), want, "{name}");
    }
    assert_eq!(e.alignments[0].matched, [Some(0), Some(1), Some(2)]);
}

#[test]
fn partial_predictions_are_counted_segment_by_segment() {
    let gold = vec![gold_doc()];
    let (s1, e1) = at("We will win,");
    let (sp1, ep1) = at("Ann Lee");
    let (s2, _) = at("it was over");
    let (sp2, ep2) = at("Bob Ray");
    let pred = vec![json!({"id": "d1", "quotes": [
        // Quote 1: the marks included; the letters are the same, so a full match, right
        // speaker and canonical name, no cue.
        {"kind": "direct", "start": s1 - 1, "end": e1 + 1, "speaker_start": sp1,
         "speaker_end": ep1, "speaker": "Mrs. Ann LEE"},
        // Quote 2 cut short: "it was" (5 letters) of "it was over" (9): Jaccard 5/9 >= 0.5,
        // speaker given as "Bob" only: 3/6 letters, still >= 0.5.
        {"kind": "direct", "content_start": s2, "content_end": s2 + 6,
         "speaker_start": sp2, "speaker_end": ep2 - 4},
        // A spurious one.
        {"kind": "indirect", "content_start": 0, "content_end": 3},
    ]})];
    let s = run_score(&gold, &pred, 0.5).unwrap().scores;
    assert_eq!(fig(&s, "pred"), 3.0);
    assert_eq!(fig(&s, "content_p"), 2.0 / 3.0);
    assert_eq!(fig(&s, "content_r"), 2.0 / 3.0);
    // Two predicted direct, both matched; one gold direct, matched.
    assert_eq!(fig(&s, "direct_p"), 1.0);
    assert_eq!(fig(&s, "direct_r"), 1.0);
    assert_eq!(fig(&s, "indirect_r"), 1.0);
    assert_eq!(fig(&s, "mixed_r"), 0.0);
    assert_eq!(fig(&s, "speaker_acc_on_matched"), 1.0);
    assert_eq!(fig(&s, "canonical_speaker_acc"), 1.0);
    assert_eq!(fig(&s, "cue_acc_on_matched"), 0.0);
    // Gold 3 ("believes") is outside the speech subset: speech gold = 2, both matched.
    assert_eq!(fig(&s, "speech_r"), 1.0);
    assert_eq!(fig(&s, "speech_content_p"), 2.0 / 3.0);
    // A higher threshold drops the cut-short match.
    let s = run_score(&gold, &pred, 0.6).unwrap().scores;
    assert_eq!(fig(&s, "content_r"), 1.0 / 3.0);
}

#[test]
fn greedy_matching_takes_the_best_overlap_first() {
    let text = "aaaa bbbb cccc dddd";
    let gold = vec![json!({"id": 1, "text": text, "quotes": [
        {"kind": "indirect", "start": 0, "end": 9},
        {"kind": "indirect", "start": 5, "end": 14},
    ]})];
    // Each prediction matches one gold segment exactly (1.0) and the other by 4/12; the exact
    // matches win.
    let pred = vec![json!({"id": 1, "quotes": [
        {"kind": "indirect", "start": 5, "end": 14},
        {"kind": "indirect", "start": 0, "end": 9},
    ]})];
    let e = run_score(&gold, &pred, 0.3).unwrap();
    assert_eq!(e.alignments[0].matched, [Some(1), Some(0)]);
    // One prediction covering both: it goes to one gold segment only.
    let pred = vec![json!({"id": 1, "quotes": [{"kind": "indirect", "start": 0, "end": 14}]})];
    let e = run_score(&gold, &pred, 0.3).unwrap();
    // Jaccard 8/12 with each; ties go to the larger gold index, as Python's reverse sort does.
    assert_eq!(e.alignments[0].matched, [None, Some(0)]);
}

#[test]
fn missing_documents_and_bad_input() {
    let gold = vec![gold_doc(), json!({"id": "d2", "text": "x", "quotes": []})];
    let s = run_score(&gold, &[], 0.5).unwrap().scores;
    assert_eq!(fig(&s, "docs"), 2.0);
    assert_eq!(fig(&s, "docs_missing"), 2.0);
    assert_eq!(fig(&s, "content_f1"), 0.0);
    let bad_kind =
        vec![json!({"id": 1, "text": "ab", "quotes": [{"kind": "x", "start": 0, "end": 1}]})];
    assert!(run_score(&bad_kind, &[], 0.5).is_err());
    assert!(run_score(&[json!({"text": "", "quotes": []})], &[], 0.5).is_err());
}

#[test]
fn floats_print_as_python_does() {
    for (x, want) in [
        (0.0, "0.0"),
        (1.0, "1.0"),
        (0.5, "0.5"),
        (2.0 / 3.0, "0.6666666666666666"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (1.5e-7, "1.5e-07"),
        (123.25, "123.25"),
        (1e16, "1e+16"),
        (1234567890123456.0, "1234567890123456.0"),
    ] {
        assert_eq!(python_repr(x), want);
    }
}

// ---------------------------------------------------------------------------------------
// Against the Python scorer, on the dev set's gold and predictions derived from it.

/// A small deterministic generator (64-bit LCG), so the perturbations are the same each run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn shift(&mut self, x: &Value, max: i64) -> Value {
        let d = self.below(2 * max as u64 + 1) as i64 - max;
        Value::from(x.as_i64().unwrap_or(0) + d)
    }
}

/// Gold with a canonical speaker name on some quotes (the dev set has none), to exercise
/// that figure.
fn with_canonical(gold: &[Value], rng: &mut Rng) -> Vec<Value> {
    let mut gold = gold.to_vec();
    for doc in &mut gold {
        for q in doc["quotes"].as_array_mut().unwrap() {
            let name = q.get("speaker").and_then(Value::as_str).map(str::to_owned);
            match (name, rng.below(4)) {
                (Some(n), 0 | 1) => q["speaker_canonical"] = Value::from(n),
                (_, 2) => q["speaker_canonical"] = Value::from("[implicit]"),
                _ => {}
            }
        }
    }
    gold
}

/// Predictions made from gold by dropping, shifting, merging and mislabelling.
fn perturbed(gold: &[Value], rng: &mut Rng) -> Vec<Value> {
    let mut out = Vec::new();
    for doc in gold {
        if rng.chance(3) {
            continue; // a missing document
        }
        let quotes = doc["quotes"].as_array().unwrap();
        let mut pred = Vec::new();
        for q in quotes {
            if rng.chance(15) {
                continue;
            }
            let mut p = serde_json::Map::new();
            let kinds = ["direct", "mixed", "indirect"];
            let kind = if rng.chance(20) {
                Value::from(kinds[rng.below(3) as usize])
            } else {
                q["kind"].clone()
            };
            p.insert("kind".into(), kind);
            match rng.below(4) {
                0 => {
                    p.insert("segments".into(), q["segments"].clone());
                }
                1 => {
                    let segs: Vec<Value> = q["segments"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| json!({"start": rng.shift(&s["start"], 12), "end": rng.shift(&s["end"], 12)}))
                        .collect();
                    p.insert("segments".into(), Value::from(segs));
                }
                2 => {
                    p.insert("content_start".into(), rng.shift(&q["start"], 6));
                    p.insert("content_end".into(), rng.shift(&q["end"], 6));
                    p.insert("segments".into(), Value::Array(Vec::new()));
                }
                _ => {
                    p.insert("start".into(), q["start"].clone());
                    p.insert("end".into(), rng.shift(&q["end"], 30));
                }
            }
            match rng.below(5) {
                0 | 1 => {
                    p.insert("speaker_start".into(), q["speaker_start"].clone());
                    p.insert("speaker_end".into(), q["speaker_end"].clone());
                }
                2 if !q["speaker_start"].is_null() => {
                    p.insert("speaker_start".into(), rng.shift(&q["speaker_start"], 4));
                    p.insert("speaker_end".into(), rng.shift(&q["speaker_end"], 4));
                }
                3 => {
                    let other = &quotes[rng.below(quotes.len() as u64) as usize];
                    p.insert("speaker_start".into(), other["speaker_start"].clone());
                    p.insert("speaker_end".into(), other["speaker_end"].clone());
                }
                _ => {
                    p.insert("speaker_start".into(), Value::Null);
                }
            }
            if let Some(name) = q.get("speaker").and_then(Value::as_str) {
                let name = if rng.chance(30) {
                    "Somebody Else"
                } else {
                    name
                };
                p.insert("speaker".into(), Value::from(name));
            }
            if !q["cue_start"].is_null() && rng.chance(70) {
                p.insert("cue_start".into(), rng.shift(&q["cue_start"], 2));
                p.insert("cue_end".into(), q["cue_end"].clone());
            }
            pred.push(Value::Object(p));
        }
        let len = doc["text"].as_str().unwrap().chars().count() as u64;
        for _ in 0..rng.below(4) {
            let s = rng.below(len.max(1));
            pred.push(
                json!({"kind": "indirect", "content_start": s, "content_end": s + rng.below(200)}),
            );
        }
        if rng.chance(2) {
            // A duplicate line: the later one wins.
            out.push(json!({"id": doc["id"], "quotes": []}));
        }
        out.push(json!({"id": doc["id"], "quotes": pred}));
    }
    out
}

fn write_jsonl(path: &Path, docs: &[Value]) {
    let mut s = String::new();
    for d in docs {
        s.push_str(&d.to_string());
        s.push('\n');
    }
    std::fs::write(path, s).unwrap();
}

/// Runs `python3 score.py GOLD PRED [args]`; `None` when Python cannot be run.
fn python_score(script: &Path, gold: &Path, pred: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("python3")
        .arg(script)
        .arg(gold)
        .arg(pred)
        .args(args)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn agrees_with_the_python_scorer() {
    let Some(dir) = crate::shared::dir() else {
        eprintln!("skipped: shared data not found (set QUOTATIVE_SHARED or put it at ../shared)");
        return;
    };
    let script = dir.join("tools/score.py");
    let Some(gold_text) = crate::shared::read("data/polnear/dev.jsonl") else {
        return;
    };
    if !script.is_file() {
        eprintln!("skipped: {} not found", script.display());
        return;
    }
    let gold = read_jsonl(&gold_text, "dev").unwrap();
    // The synthetic cases use a third of the articles: Python takes a while on them.
    let some: Vec<Value> = gold.iter().step_by(3).cloned().collect();
    let mut rng = Rng(7);
    let canon_gold = with_canonical(&some, &mut rng);
    let ours_pred = {
        let lines: Vec<&str> = gold_text.lines().collect();
        let block = process_block(&quotative::Parser::new(), &lines, Offsets::Chars, 2);
        read_jsonl(std::str::from_utf8(&block.output).unwrap(), "pred").unwrap()
    };
    let tmp = std::env::temp_dir().join(format!("quotative-eval-test-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let cases: Vec<(&str, &[Value], Vec<Value>)> = vec![
        ("itself", some.as_slice(), some.clone()),
        ("perturbed", some.as_slice(), perturbed(&some, &mut rng)),
        (
            "canonical",
            canon_gold.as_slice(),
            perturbed(&some, &mut rng),
        ),
        ("parsed", gold.as_slice(), ours_pred),
    ];
    let options = [(0.5, true), (0.3, false), (0.8, true), (0.65, false)];
    let mut compared = 0;
    for (k, (name, gold, pred)) in cases.iter().enumerate() {
        let gold_path = tmp.join(format!("{name}-gold.jsonl"));
        let pred_path = tmp.join(format!("{name}-pred.jsonl"));
        write_jsonl(&gold_path, gold);
        write_jsonl(&pred_path, pred);
        for (threshold, json) in [(0.5, false), options[k]] {
            let t = threshold.to_string();
            let mut args = vec!["--threshold", &t];
            if json {
                args.push("--json");
            }
            let Some(theirs) = python_score(&script, &gold_path, &pred_path, &args) else {
                eprintln!("skipped: python3 cannot be run");
                let _ = std::fs::remove_dir_all(&tmp);
                return;
            };
            let s = run_score(gold, pred, threshold).unwrap().scores;
            let ours = if json {
                s.to_json() + "\n"
            } else {
                s.to_text()
            };
            assert_eq!(ours, theirs, "{name}, threshold {threshold}, json {json}");
            compared += 1;
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert_eq!(compared, 8);
}

// ---------------------------------------------------------------------------------------
// Regression floors on the dev set. Raise a floor when a change improves its figure; the test
// fails when a figure drops more than 0.01 below its floor.

/// Headline figures with the default patterns.
const FLOORS: &[(&str, f64)] = &[
    ("direct_f1", 0.954),
    ("speaker_acc_on_matched", 0.917),
    ("speech_content_f1", 0.859),
    ("speech_attribution_f1", 0.805),
];

/// Headline figures with belief, intention and stance patterns on.
const FLOORS_WITH_BELIEFS: &[(&str, f64)] = &[("content_f1", 0.706), ("attribution_f1", 0.639)];

#[test]
fn dev_set_figures_stay_above_their_floors() {
    let Some(gold_text) = crate::shared::read("data/polnear/dev.jsonl") else {
        return;
    };
    let gold = read_jsonl(&gold_text, "dev").unwrap();
    let lines: Vec<&str> = gold_text.lines().collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut failures = Vec::new();
    for (beliefs, floors) in [(false, FLOORS), (true, FLOORS_WITH_BELIEFS)] {
        let parser = build_parser(beliefs, None).unwrap();
        let start = std::time::Instant::now();
        let block = process_block(&parser, &lines, Offsets::Chars, threads);
        let elapsed = start.elapsed();
        assert_eq!(block.failed, 0);
        let pred = read_jsonl(std::str::from_utf8(&block.output).unwrap(), "pred").unwrap();
        let s = run_score(&gold, &pred, 0.5).unwrap().scores;
        eprintln!(
            "dev set, beliefs {beliefs}: parsed in {:.2} s\n{}",
            elapsed.as_secs_f64(),
            s.to_text()
        );
        for &(name, floor) in floors {
            let got = fig(&s, name);
            if got < floor - 0.01 {
                failures.push(format!(
                    "{name} (beliefs {beliefs}): {got:.3} < floor {floor:.3}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "figures dropped: {failures:#?}");
}
