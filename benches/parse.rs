//! Parse throughput, one thread, in bytes per second:
//!
//! - `sample`: the bundled sample article (`examples/sample_article.txt`);
//! - `corpus`: a corpus of 10 MB of articles built from it, parsed one article at a time;
//! - `dev_set`: the `PolNeAR` dev set's 297 texts, when `$QUOTATIVE_SHARED` or `../shared` has
//!   them;
//! - `pathological`: one paragraph of 1, 4 and 16 MB with no sentence break, hundreds of
//!   quotation marks and thousands of periods per megabyte; the time per byte must stay flat
//!   as the size grows.
//!
//! Each bench checks the article before timing it.
//!
//! ```text
//! cargo bench --bench parse
//! cargo bench --bench parse -- pathological
//! ```

// divan (a dev-dependency) needs Rust 1.80 and its macros expand to 1.80 APIs; the library's
// MSRV of 1.74 does not cover the benches.
#![allow(clippy::incompatible_msrv)]

use std::path::PathBuf;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use quotative::{Article, Parser};

const SAMPLE: &str = include_str!("../examples/sample_article.txt");

fn main() {
    divan::main();
}

/// Sanity checks every parsed text must pass: spans in range and on char boundaries,
/// quotes inside their paragraphs' text.
fn check(article: &Article<'_>) {
    let text = article.text();
    for p in article.paragraphs() {
        assert!(text.get(p.span.range()).is_some(), "paragraph {:?}", p.span);
    }
    for q in article.quotations() {
        assert!(text.get(q.span.range()).is_some(), "quotation {:?}", q.span);
    }
    for q in article.quotes() {
        assert!(text.get(q.span.range()).is_some(), "quote {:?}", q.span);
        assert!(q.span.contains(q.content), "quote {:?}", q.span);
    }
}

#[divan::bench(sample_count = 200)]
fn sample(bencher: Bencher<'_, '_>) {
    let parser = Parser::new();
    let article = parser.parse(SAMPLE);
    check(&article);
    assert_eq!(
        article.paragraphs().len(),
        16,
        "the headline, 3 key points, 12 body paragraphs"
    );
    assert!(
        article.quotes().len() >= 12,
        "the sample has 15 attributions and more"
    );
    assert!(article.quotations().len() <= SAMPLE.matches(['"', '“', '”']).count());
    bencher
        .counter(BytesCount::of_str(SAMPLE))
        .bench(|| parser.parse(black_box(SAMPLE)));
}

/// At least `bytes` of articles made from the sample: its body paragraphs rotated, and
/// straight and curly quotation marks swapped, so the articles differ.
fn corpus(bytes: usize) -> Vec<String> {
    let blocks: Vec<&str> = SAMPLE.trim_end().split("\n\n").collect();
    // Headline, byline, key points; body; section label.
    let (head, rest) = blocks.split_at(3);
    let (body, tail) = rest.split_at(rest.len() - 1);
    let mut variants = Vec::new();
    for k in 0..body.len() {
        for curly in [false, true] {
            let mut parts: Vec<String> = head.iter().map(|s| (*s).to_owned()).collect();
            parts.extend(body[k..].iter().chain(&body[..k]).map(|p| {
                if curly {
                    swap_marks(p)
                } else {
                    (*p).to_owned()
                }
            }));
            parts.extend(tail.iter().map(|s| (*s).to_owned()));
            variants.push(parts.join("\n\n") + "\n");
        }
    }
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let v = &variants[out.len() % variants.len()];
        total += v.len();
        out.push(v.clone());
    }
    out
}

/// Straight double quotes become curly ones (open after a space or at the start) and curly
/// ones straight.
fn swap_marks(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    let mut prev = ' ';
    for c in p.chars() {
        out.push(match c {
            '"' if prev.is_whitespace() => '“',
            '"' => '”',
            '“' | '”' => '"',
            _ => c,
        });
        prev = c;
    }
    out
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn corpus_10mb(bencher: Bencher<'_, '_>) {
    let parser = Parser::new();
    let docs = corpus(10 << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    assert!(bytes >= 10 << 20);
    for d in docs.iter().take(48) {
        let article = parser.parse(d);
        check(&article);
        // The headline, three key points and twelve body paragraphs.
        assert_eq!(article.paragraphs().len(), 16);
        assert!(article.quotes().len() >= 12);
    }
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut quotes = 0;
        for d in &docs {
            quotes += parser.parse(black_box(d)).quotes().len();
        }
        quotes
    });
}

/// The dev set's texts, when the shared data is there.
fn dev_texts() -> Option<Vec<String>> {
    let dir = std::env::var_os("QUOTATIVE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = dir.join("data/polnear/dev.jsonl");
    let Ok(jsonl) = std::fs::read_to_string(&path) else {
        eprintln!(
            "dev_set skipped: {} not found (set QUOTATIVE_SHARED)",
            path.display()
        );
        return None;
    };
    let texts = jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("dev set line is JSON");
            v["text"]
                .as_str()
                .expect("dev set line has text")
                .to_owned()
        })
        .collect();
    Some(texts)
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn dev_set(bencher: Bencher<'_, '_>) {
    let Some(texts) = dev_texts() else {
        return;
    };
    let parser = Parser::new();
    let mut quotes = 0;
    for t in &texts {
        let article = parser.parse(t);
        check(&article);
        quotes += article.quotes().len();
    }
    // The dev set has 22 attributions an article.
    assert!(quotes >= 5 * texts.len(), "{quotes} quotes");
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut quotes = 0;
        for t in &texts {
            quotes += parser.parse(black_box(t)).quotes().len();
        }
        quotes
    });
}

/// One paragraph of at least `bytes`: lower-case words, runs of periods and abbreviations
/// that do not end a sentence (`....`, `e.g.`, `3.5`), speech verbs and capitalised names
/// after commas, and about every 1 KB a quotation: attributed, unattributed, or a lone
/// straight or curly mark; no newline and no sentence break.
fn pathological(bytes: usize) -> String {
    const WORDS: [&str; 12] = [
        "harbour",
        "wall",
        "council",
        "said",
        "water",
        "according",
        "to",
        "the",
        "vote",
        "said",
        "report",
        "storm",
    ];
    let mut out = String::with_capacity(bytes + 64);
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(WORDS[(i * 7 + i / 13) % WORDS.len()]);
        match i % 9 {
            0 => out.push_str("...."),
            3 => out.push_str(" e.g."),
            5 => out.push_str(" 3.5"),
            7 => out.push_str(", Ann Lee"),
            _ => {}
        }
        out.push(' ');
        match i % 400 {
            100 => out.push_str("“the wall will hold,” Ann Lee said, "),
            200 => out.push_str("\"we were lucky\" as the mayor put it "),
            300 => out.push_str(["\" ", "“", "” "][(i / 400) % 3]),
            _ => {}
        }
        i += 1;
    }
    out.push_str("end.");
    out
}

#[divan::bench(args = [1, 4, 16], sample_count = 5, sample_size = 1)]
fn pathological_mb(bencher: Bencher<'_, '_>, mb: usize) {
    let text = pathological(mb << 20);
    let parser = Parser::new();
    let article = parser.parse(&text);
    check(&article);
    assert_eq!(article.paragraphs().len(), 1);
    let marks = text.matches(['"', '“', '”']).count();
    let periods = text.matches('.').count();
    assert!(
        marks >= 300 * mb && periods >= 10_000 * mb,
        "{marks} marks, {periods} periods"
    );
    assert!(article.quotations().len() <= marks);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| parser.parse(black_box(&text)));
}
