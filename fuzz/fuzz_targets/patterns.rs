//! Pattern sets built from arbitrary patterns and options, then scanned over arbitrary text:
//! building either succeeds or fails with a documented error; every cue is a whole word on
//! char boundaries, in order, of an enabled pattern; the scan does not depend on where the
//! text sits in memory (8-byte alignment of its fast path); a set survives a JSON round-trip;
//! and a parser using it gives a sound article.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use quotative::{Cue, ErrorKind, Modality, Parser, Pattern, PatternKind, PatternSet, Span};

#[allow(dead_code)]
#[path = "../../tests/integration/props/invariants.rs"]
mod invariants;

use invariants::check_article;

#[derive(Debug, Arbitrary)]
struct AddPattern {
    words: String,
    kind: u8,
    forms: Vec<String>,
    modality: Option<u8>,
    inflect: Option<bool>,
}

#[derive(Debug, Arbitrary)]
struct Input {
    /// How many of the built-in English patterns to start from (fewer than 64: small sets
    /// keep the fuzzer fast; the parse target runs the whole lexicon).
    base: u8,
    case_insensitive: Option<bool>,
    /// Switch each kind (in `PatternKind::ALL` order) on, off, or leave it.
    kinds: [Option<bool>; 5],
    add: Vec<AddPattern>,
    tsv: Option<String>,
    exclude: Vec<String>,
    remove: Vec<String>,
    remove_exclusion: Vec<String>,
    text: String,
}

const MODALITIES: [Modality; 10] = [
    Modality::Assertion,
    Modality::Question,
    Modality::Denial,
    Modality::Warning,
    Modality::Hope,
    Modality::Prediction,
    Modality::Promise,
    Modality::Accusation,
    Modality::Admission,
    Modality::Belief,
];

fn kind(k: u8) -> PatternKind {
    PatternKind::ALL[usize::from(k) % PatternKind::ALL.len()]
}

/// Cues of `prefix + text` that start in `text`, moved back to `text`'s offsets.
fn shifted(set: &PatternSet, prefix: &str, text: &str) -> Vec<Cue> {
    let joined = format!("{prefix}{text}");
    let k = prefix.len();
    set.scan(&joined)
        .into_iter()
        .filter(|c| c.span.start >= k)
        .map(|mut c| {
            c.span = Span::new(c.span.start - k, c.span.end - k);
            c
        })
        .collect()
}

fuzz_target!(|input: Input| {
    let mut builder = PatternSet::builder();
    builder.extend(
        PatternSet::english()
            .patterns()
            .iter()
            .take(usize::from(input.base % 64))
            .cloned(),
    );
    if let Some(yes) = input.case_insensitive {
        builder.case_insensitive(yes);
    }
    for (k, on) in PatternKind::ALL.into_iter().zip(input.kinds) {
        if let Some(on) = on {
            builder.kind(k, on);
        }
    }
    for p in input.add {
        let mut pattern = if p.forms.is_empty() {
            Pattern::new(p.words, kind(p.kind))
        } else {
            Pattern::with_forms(p.words, kind(p.kind), p.forms)
        };
        if let Some(m) = p.modality {
            pattern = pattern.with_modality(MODALITIES[usize::from(m) % MODALITIES.len()]);
        }
        if let Some(yes) = p.inflect {
            pattern = pattern.with_inflection(yes);
        }
        builder.add(pattern);
    }
    if let Some(tsv) = &input.tsv {
        if let Err(err) = builder.extend_tsv(tsv) {
            assert!(
                matches!(err.kind(), ErrorKind::Lexicon { .. }),
                "unexpected TSV error {err:?}"
            );
        }
    }
    for phrase in input.exclude {
        builder.exclude(phrase);
    }
    for words in &input.remove {
        builder.remove(words);
    }
    for phrase in &input.remove_exclusion {
        builder.remove_exclusion(phrase);
    }
    let set = match builder.build() {
        Ok(set) => set,
        Err(err) => {
            // Only the documented build errors, each with a message.
            assert!(
                matches!(
                    err.kind(),
                    ErrorKind::EmptyPattern
                        | ErrorKind::NoLetters { .. }
                        | ErrorKind::PatternTooLong { .. }
                        | ErrorKind::ConflictingPattern { .. }
                        | ErrorKind::ConflictingForm { .. }
                        | ErrorKind::Automaton
                ),
                "unexpected build error {err:?}"
            );
            assert!(!err.to_string().is_empty());
            return;
        }
    };

    let text = input.text.as_str();
    let cues = set.scan(text);
    let mut prev_end = 0;
    for cue in &cues {
        let span = cue.span;
        assert!(
            span.start < span.end && span.end <= text.len(),
            "cue {span:?} out of range"
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "cue {span:?} not on char boundaries"
        );
        assert!(span.start >= prev_end, "cues overlap or are out of order");
        prev_end = span.end;
        let before = text[..span.start].chars().next_back();
        let after = text[span.end..].chars().next();
        assert!(
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric),
            "cue {span:?} = {:?} is not a whole word",
            &text[span]
        );
        let pattern = set.pattern(cue.pattern).expect("the cue's pattern exists");
        assert_eq!(pattern.kind(), cue.kind);
        assert!(
            set.is_enabled(cue.kind),
            "cue of a disabled kind {:?}",
            cue.kind
        );
        assert!(
            set.surface_forms(cue.pattern).next().is_some(),
            "cue of a pattern without forms"
        );
    }
    let mut appended = vec![];
    set.scan_into(text, &mut appended);
    assert_eq!(appended, cues, "scan_into differs from scan");

    // Where the text starts relative to an 8-byte chunk does not change what is found:
    // line breaks in front are word boundaries and start no form.
    for k in 1..8 {
        assert_eq!(
            shifted(&set, &"\n".repeat(k), text),
            cues,
            "scan differs after {k} line breaks in front"
        );
    }

    // Rebuilding from `to_builder` gives a set that scans the same.
    let rebuilt = set.to_builder().build().expect("a built set rebuilds");
    assert_eq!(rebuilt.patterns(), set.patterns());
    assert_eq!(rebuilt.scan(text), cues);

    // The set survives JSON and scans the same afterwards.
    let json = serde_json::to_string(&set).expect("a pattern set serializes");
    let back: PatternSet = serde_json::from_str(&json).expect("a saved pattern set loads");
    assert_eq!(back.patterns(), set.patterns());
    assert_eq!(back.scan(text), cues);

    // A parser built on it gives a sound article.
    let parser = Parser::builder()
        .patterns(set)
        .build()
        .expect("a parser builds from any pattern set");
    check_article(&parser.parse(text));
});
