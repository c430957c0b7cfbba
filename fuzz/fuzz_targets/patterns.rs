//! Pattern sets built from arbitrary patterns and options, then scanned over arbitrary text:
//! building either succeeds or fails with a documented error; every cue is a whole word on
//! char boundaries, in order, of an enabled pattern; a set survives a JSON round-trip; and a
//! parser using it gives a sound article.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use quotative::{ErrorKind, Parser, Pattern, PatternKind, PatternSet};

#[allow(dead_code)]
#[path = "../../tests/integration/props/invariants.rs"]
mod invariants;

use invariants::check_article;

#[derive(Debug, Arbitrary)]
struct AddPattern {
    words: String,
    kind: u8,
    forms: Vec<String>,
}

#[derive(Debug, Arbitrary)]
struct Input {
    /// Start from the built-in English lexicon rather than an empty set.
    english: bool,
    case_insensitive: Option<bool>,
    /// Switch each kind (in `PatternKind::ALL` order) on, off, or leave it.
    kinds: [Option<bool>; 5],
    add: Vec<AddPattern>,
    remove: Vec<String>,
    text: String,
}

fn kind(k: u8) -> PatternKind {
    PatternKind::ALL[usize::from(k) % PatternKind::ALL.len()]
}

fuzz_target!(|input: Input| {
    let mut builder = if input.english {
        PatternSet::english().to_builder()
    } else {
        PatternSet::builder()
    };
    if let Some(yes) = input.case_insensitive {
        builder.case_insensitive(yes);
    }
    for (k, on) in PatternKind::ALL.into_iter().zip(input.kinds) {
        if let Some(on) = on {
            builder.kind(k, on);
        }
    }
    for p in input.add {
        let pattern = if p.forms.is_empty() {
            Pattern::new(p.words, kind(p.kind))
        } else {
            Pattern::with_forms(p.words, kind(p.kind), p.forms)
        };
        builder.add(pattern);
    }
    for words in &input.remove {
        builder.remove(words);
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
    }

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
