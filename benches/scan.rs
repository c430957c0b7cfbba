//! Cue scanning throughput: one `PatternSet` scan over a few megabytes of news-style text,
//! reported in bytes per second.
//!
//! `cargo bench --bench scan` (add `-- --sample-count 10` for a quick run). The text is
//! generated from sentences written for this benchmark. When the shared `PolNeAR` dev set is
//! present (`../shared/data/polnear/dev.jsonl` or under `$QUOTATIVE_SHARED`), its article
//! texts are scanned too (`scan_dev_set`); they are read at run time, never stored.

use std::path::PathBuf;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use once_cell::sync::Lazy;
use quotative::{Cue, PatternKind, PatternSet, PatternSetBuilder};

fn main() {
    divan::main();
}

/// Sentences in the style of wire copy: about one in three carries an attribution cue; some
/// have non-ASCII letters, curly quotes and dashes, which exercise the boundary check.
const SENTENCES: &[&str] = &[
    "The city council voted 7-2 on Tuesday to extend the bus lane along Harbour Road.",
    "“We are not going to wait for another flood season,” Mayor Ines Kowalczyk said.",
    "Officials said the repairs would cost about $4.2 million and take two years.",
    "According to the transport ministry, ridership rose 12 per cent last year.",
    "The river crested just below the levee late on Sunday night.",
    "Residents of the lower town spent the weekend filling sandbags.",
    "In a statement, the utility company said power had been restored to most homes.",
    "Schools in the district will reopen on Thursday, the education board announced.",
    "Prices for fresh vegetables climbed sharply after the harvest was delayed.",
    "The minister told reporters that talks with the unions would resume next week.",
    "Analysts expect the central bank to hold rates steady through the summer.",
    "The company’s shares fell 3 per cent in early trading in Frankfurt.",
    "“This is a difficult moment for everyone,” she added, “but we will get through it.”",
    "The report, published on Monday, found that waiting times had doubled since 2019.",
    "He declined to comment on the investigation, citing legal advice.",
    "Fishermen along the coast have complained for years about shrinking quotas.",
    "A spokesman for the ministry denied that any decision had been taken.",
    "The bridge, built in 1932, was closed to heavy traffic in the spring.",
    "As noted by several economists, the figures do not include seasonal workers.",
    "Négociateurs from both sides met in Genève for a third round of talks.",
    "The opposition leader accused the government of hiding the true cost of the project.",
    "Heavy snow cut off several villages in the mountains north of the capital.",
    "Police warned drivers to avoid the motorway until the crash site was cleared.",
    "The museum will display the manuscripts for the first time in fifty years.",
    "“I never said that,” the senator insisted when asked about the recording.",
    "The festival drew more than 80,000 visitors over four days.",
    "Farmers have planted less wheat this year because of the dry winter.",
    "She wrote on Telegram that the convoy had reached the border crossing.",
    "The hospital expanded its emergency ward and hired forty new nurses.",
    "Per the agreement, the two countries will share data on river levels.",
    "The airline cancelled dozens of flights as the strike entered its second day.",
    "Critics argue that the new rules will push small shops out of the market.",
    "A new cycling path now links the university with the old harbour.",
    "The governor pointed out that the budget had been balanced for three years in a row.",
    "The storm uprooted trees and damaged roofs across the southern suburbs.",
    "Researchers at the institute say the vaccine trial will start in October.",
    "Train services between the two cities were suspended after a landslide.",
    "The coach praised his players but admitted the defence had made mistakes.",
    "Tourism has recovered faster than expected, hotel owners in the region reported.",
    "The ceremony ended with a minute of silence for the victims of the fire.",
    "Ms. Okafor, who chairs the committee, went on to say that the audit was overdue.",
    "Volunteers handed out blankets and hot soup at the station overnight.",
    "The court ruled that the contract had been signed without proper authority.",
    "Zoë Brückner, a teacher in the town, recalled the last time the square flooded.",
    "The price of diesel has fallen for the fourth week running.",
    "The league expressed hope that the stadium would be ready by August.",
    "A small earthquake shook the valley early on Wednesday but caused no damage.",
    "“Nobody told us anything,” one shopkeeper complained — “we read it in the paper.”",
    "The new terminal will handle twelve million passengers a year when finished.",
    "Workers at the plant voted to accept the pay offer by a narrow margin.",
];

/// A few megabytes of text: paragraphs of 3 to 7 sentences in a fixed pseudo-random order.
static TEXT: Lazy<String> = Lazy::new(|| {
    const TARGET: usize = 4 << 20;
    let mut text = String::with_capacity(TARGET + 1024);
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    while text.len() < TARGET {
        let n = 3 + (next() % 5) as usize;
        for i in 0..n {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(SENTENCES[(next() % SENTENCES.len() as u64) as usize]);
        }
        text.push_str("\n\n");
    }
    text
});

/// The shared dev set's article texts joined, when present.
static DEV_TEXT: Lazy<Option<String>> = Lazy::new(|| {
    let dir = std::env::var_os("QUOTATIVE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let data = std::fs::read_to_string(dir.join("data/polnear/dev.jsonl")).ok()?;
    let mut text = String::new();
    for line in data.lines() {
        let value: serde_json::Value = serde_json::from_str(line).ok()?;
        text.push_str(value.get("text")?.as_str()?);
        text.push_str("\n\n");
    }
    Some(text)
});

fn scan(bencher: Bencher<'_, '_>, set: &PatternSet, text: &str) {
    let mut out: Vec<Cue> = Vec::with_capacity(text.len() / 64);
    set.scan_into(text, &mut out);
    assert!(out.len() > 1000, "expected many cues, found {}", out.len());
    bencher.counter(BytesCount::of_str(text)).bench_local(|| {
        out.clear();
        set.scan_into(black_box(text), &mut out);
        out.len()
    });
}

/// The built-in English set (belief verbs off) over the generated text.
#[divan::bench]
fn scan_english(bencher: Bencher<'_, '_>) {
    scan(bencher, &PatternSet::english(), &TEXT);
}

/// The built-in set with belief and intention verbs on.
#[divan::bench]
fn scan_english_with_beliefs(bencher: Bencher<'_, '_>) {
    let set = PatternSet::english()
        .to_builder()
        .kind(PatternKind::Belief, true)
        .build()
        .expect("the built-in lexicon builds");
    scan(bencher, &set, &TEXT);
}

/// The built-in set over the `PolNeAR` dev texts (skipped when the shared data is absent).
#[divan::bench]
fn scan_dev_set(bencher: Bencher<'_, '_>) {
    match DEV_TEXT.as_deref() {
        Some(text) => scan(bencher, &PatternSet::english(), text),
        None => {
            eprintln!("scan_dev_set skipped: ../shared/data/polnear/dev.jsonl not found");
            bencher.bench_local(|| ());
        }
    }
}

/// Compiling the built-in lexicon (inflection, checks, DFA).
#[divan::bench]
fn build_english() -> PatternSet {
    PatternSetBuilder::english()
        .build()
        .expect("the built-in lexicon builds")
}
