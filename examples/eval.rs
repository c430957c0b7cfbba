//! Scores quotative against gold-annotated articles, with exactly the figures of
//! `../shared/tools/score.py` (same keys, order and format).
//!
//! ```text
//! cargo run --release --example eval -- [GOLD.jsonl] [--with-beliefs] [--patterns FILE.json]
//!     [--threshold X] [--json] [--threads N] [--pred PRED.jsonl] [--dump PRED.jsonl]
//!     [--errors ERRORS.jsonl]
//! ```
//!
//! `--with-beliefs` switches on the belief, intention and stance patterns, as in the batch
//! example.
//!
//! Gold is JSON lines, one article each, with character offsets (Python `str` indices):
//! `{"id", "text", "quotes": [{"kind": "direct|mixed|indirect", "start", "end",
//! "segments"?: [{"start", "end"}], "speaker_start"?, "speaker_end"?, "cue"?, "cue_start"?,
//! "cue_end"?, "speaker_canonical"?}]}`. Without `GOLD` it reads the `PolNeAR` dev set at
//! `$QUOTATIVE_SHARED/data/polnear/dev.jsonl` or `../shared/data/polnear/dev.jsonl`.
//!
//! It parses every gold article (on every core), turns the articles into predictions in the
//! batch example's format with character offsets, and scores them. `--pred` scores an
//! existing prediction file instead of parsing; `--dump` writes the predictions it scored;
//! `--errors` writes, one JSON line each, the gold segments it missed, the predicted segments
//! that matched nothing, and the matched ones whose speaker is wrong, with their text, for
//! reading failures. The figures go to stdout, a timing line to stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;
use serde_json::Value;

#[path = "common/record.rs"]
mod record;
#[path = "common/score.rs"]
mod score;

use record::{build_parser, is_blank, process_block, Offsets};
use score::{Evaluation, Segment};

const USAGE: &str = "usage: eval [GOLD.jsonl] [--with-beliefs] [--patterns FILE.json] \
                     [--threshold X] [--json] [--threads N] [--pred PRED.jsonl] \
                     [--dump PRED.jsonl] [--errors ERRORS.jsonl]";

struct Options {
    gold: Option<PathBuf>,
    with_beliefs: bool,
    patterns: Option<PathBuf>,
    threshold: f64,
    json: bool,
    threads: usize,
    pred: Option<PathBuf>,
    dump: Option<PathBuf>,
    errors: Option<PathBuf>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn options() -> Result<Option<Options>, String> {
    let mut o = Options {
        gold: None,
        with_beliefs: false,
        patterns: None,
        threshold: 0.5,
        json: false,
        threads: std::thread::available_parallelism().map_or(1, usize::from),
        pred: None,
        dump: None,
        errors: None,
    };
    let mut args = std::env::args().skip(1);
    let path = |args: &mut dyn Iterator<Item = String>, name: &str| {
        args.next()
            .map(PathBuf::from)
            .ok_or_else(|| format!("{name} takes a file"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--with-beliefs" => o.with_beliefs = true,
            "--patterns" => o.patterns = Some(path(&mut args, "--patterns")?),
            "--pred" => o.pred = Some(path(&mut args, "--pred")?),
            "--dump" => o.dump = Some(path(&mut args, "--dump")?),
            "--errors" => o.errors = Some(path(&mut args, "--errors")?),
            "--json" => o.json = true,
            "--threshold" => {
                let value = args.next().unwrap_or_default();
                o.threshold = value
                    .parse()
                    .ok()
                    .filter(|t: &f64| t.is_finite())
                    .ok_or_else(|| format!("--threshold takes a number, not {value:?}"))?;
            }
            "--threads" => {
                let value = args.next().unwrap_or_default();
                o.threads =
                    value.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("--threads takes a positive number, not {value:?}")
                    })?;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ if o.gold.is_none() => o.gold = Some(PathBuf::from(arg)),
            _ => return Err(format!("one gold file at most\n{USAGE}")),
        }
    }
    Ok(Some(o))
}

/// The `PolNeAR` dev set: under `$QUOTATIVE_SHARED`, else `../shared` beside the repository.
fn default_gold() -> Result<PathBuf, String> {
    let relative = Path::new("data/polnear/dev.jsonl");
    let candidates: Vec<PathBuf> = match std::env::var_os("QUOTATIVE_SHARED") {
        Some(dir) => vec![PathBuf::from(dir).join(relative)],
        None => vec![
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../shared")
                .join(relative),
            Path::new("../shared").join(relative),
        ],
    };
    candidates
        .iter()
        .find(|p| p.is_file())
        .cloned()
        .ok_or_else(|| {
            let tried: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
            format!(
                "no gold file given and the dev set is not at {} (set QUOTATIVE_SHARED)\n{USAGE}",
                tried.join(" or ")
            )
        })
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let Some(o) = options()? else {
        return Ok(());
    };
    let gold_path = match &o.gold {
        Some(p) => p.clone(),
        None => default_gold()?,
    };
    let gold_text = read(&gold_path)?;
    let gold = score::read_jsonl(&gold_text, &gold_path.display().to_string())?;

    let pred = match &o.pred {
        Some(path) => score::read_jsonl(&read(path)?, &path.display().to_string())?,
        None => {
            let parser = build_parser(o.with_beliefs, o.patterns.as_deref())?;
            let lines: Vec<&str> = gold_text
                .lines()
                .filter(|l| !is_blank(l.as_bytes()))
                .collect();
            let start = Instant::now();
            let block = process_block(&parser, &lines, Offsets::Chars, o.threads);
            let secs = start.elapsed().as_secs_f64();
            let mb = block.text_bytes as f64 / 1e6;
            eprintln!(
                "parsed {} articles ({mb:.2} MB) in {secs:.3} s on {} threads: {:.1} MB/s",
                block.lines,
                o.threads,
                mb / secs.max(1e-9)
            );
            if block.failed > 0 {
                eprintln!("warning: {} gold lines could not be parsed", block.failed);
            }
            if let Some(path) = &o.dump {
                std::fs::write(path, &block.output)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            let output = String::from_utf8(block.output)
                .map_err(|e| format!("predictions are not UTF-8: {e}"))?;
            score::read_jsonl(&output, "predictions")?
        }
    };

    let evaluation = score::score(&gold, &pred, o.threshold)?;
    if o.json {
        println!("{}", evaluation.scores.to_json());
    } else {
        print!("{}", evaluation.scores.to_text());
    }
    if let Some(path) = &o.errors {
        let lines = errors(&gold, &pred, &evaluation);
        std::fs::write(path, lines).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// One line of the `--errors` file.
#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    error: &'static str,
    gold: Option<Item<'a>>,
    pred: Option<Item<'a>>,
}

/// A gold or predicted segment, with the texts of its quote's speaker and cue.
#[derive(Serialize)]
struct Item<'a> {
    kind: Option<&'a str>,
    start: i64,
    end: i64,
    text: &'a str,
    speaker: Option<&'a str>,
    cue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
}

impl<'a> Item<'a> {
    fn new(chars: &CharText<'a>, quotes: &'a [Value], s: &Segment) -> Self {
        let q = &quotes[s.quote];
        let str_field = |k: &str| q.get(k).and_then(Value::as_str);
        Self {
            kind: str_field("kind"),
            start: s.start,
            end: s.end,
            text: chars.slice(s.start, s.end),
            speaker: chars.field(q, "speaker_start", "speaker_end"),
            cue: chars.field(q, "cue_start", "cue_end"),
            rule: str_field("rule"),
        }
    }
}

/// One JSON line per failure: gold segments missed, matched segments whose speaker is wrong,
/// predicted segments that matched nothing.
fn errors(gold: &[Value], pred: &[Value], evaluation: &Evaluation) -> Vec<u8> {
    let mut out = Vec::new();
    for a in &evaluation.alignments {
        let g = &gold[a.gold];
        let chars = CharText::new(g.get("text").and_then(Value::as_str).unwrap_or(""));
        let gq = quotes(Some(g));
        let pq = quotes(a.pred.map(|i| &pred[i]));
        let item = |quotes, s| Item::new(&chars, quotes, s);
        let mut push = |error, gold, pred| {
            let line = ErrorLine {
                id: &a.id,
                error,
                gold,
                pred,
            };
            // Serializing plain records into memory cannot fail.
            let _ = serde_json::to_writer(&mut out, &line);
            out.push(b'\n');
        };
        for (i, s) in a.gold_segments.iter().enumerate() {
            match a.matched[i] {
                None => push("missed", Some(item(gq, s)), None),
                Some(j) if !a.attributed[i] => push(
                    "wrong_speaker",
                    Some(item(gq, s)),
                    Some(item(pq, &a.pred_segments[j])),
                ),
                Some(_) => {}
            }
        }
        let mut used = vec![false; a.pred_segments.len()];
        for j in a.matched.iter().flatten() {
            used[*j] = true;
        }
        for (j, s) in a.pred_segments.iter().enumerate() {
            if !used[j] {
                push("spurious", None, Some(item(pq, s)));
            }
        }
    }
    out
}

/// The quotes of a document; none when it has no list.
fn quotes(doc: Option<&Value>) -> &[Value] {
    doc.and_then(|d| d.get("quotes"))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A text addressed by character offsets.
struct CharText<'t> {
    text: &'t str,
    /// Byte offset of every character, and the text's length at the end.
    bytes: Vec<usize>,
}

impl<'t> CharText<'t> {
    fn new(text: &'t str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        Self { text, bytes }
    }

    /// The text between two character offsets, clamped to the text.
    fn slice(&self, start: i64, end: i64) -> &'t str {
        let n = self.bytes.len() - 1;
        let clamp = |x: i64| usize::try_from(x.max(0)).unwrap_or(0).min(n);
        let (s, e) = (clamp(start), clamp(end));
        if s >= e {
            return "";
        }
        &self.text[self.bytes[s]..self.bytes[e]]
    }

    /// The text of a span given by two fields of a quote.
    fn field(&self, q: &Value, start: &str, end: &str) -> Option<&'t str> {
        let s = q.get(start).and_then(Value::as_i64)?;
        let e = q.get(end).and_then(Value::as_i64)?;
        Some(self.slice(s, e))
    }
}
