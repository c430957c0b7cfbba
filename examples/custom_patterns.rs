//! Extending and trimming the built-in attribution patterns.
//!
//! `cargo run --example custom_patterns` scans a short text with the built-in English set,
//! then with a set that adds the verbs "quip" (so "quipped" is a cue; the built-in lexicon
//! has it already, and an identical pattern added again is merged) and "harrumph", and the
//! source phrase "according to a statement from", removes "note" (and so "noted"), and
//! switches belief verbs on, and prints the cues each set finds.

use quotative::{Pattern, PatternKind, PatternSet};

const TEXT: &str = "The harbour will reopen on Monday, according to a statement from the port \
authority. \"Ships have waited long enough,\" the director quipped. \
\"About time,\" one captain harrumphed. Inspectors noted that two \
cranes still need repairs, and dock workers believe the backlog will clear within a week.";

fn main() -> Result<(), quotative::Error> {
    let built_in = PatternSet::english();

    let custom = built_in
        .to_builder()
        .add(Pattern::new("quip", PatternKind::Speech))
        .add(Pattern::new("harrumph", PatternKind::Speech))
        .add(Pattern::new(
            "according to a statement from",
            PatternKind::Source,
        ))
        .remove("note")
        .kind(PatternKind::Belief, true)
        .build()?;

    println!("{TEXT}\n");
    print_cues("Built-in English patterns", &built_in);
    print_cues(
        "Custom: + quip, + harrumph, + \"according to a statement from\", - note, + beliefs",
        &custom,
    );

    for lemma in ["quip", "harrumph"] {
        let id = custom
            .patterns()
            .iter()
            .position(|p| p.words() == lemma)
            .and_then(|i| u32::try_from(i).ok())
            .map(quotative::PatternId);
        if let Some(id) = id {
            let forms: Vec<&str> = custom.surface_forms(id).collect();
            println!("Forms of {lemma:?}: {}", forms.join(", "));
        }
    }
    Ok(())
}

fn print_cues(title: &str, set: &PatternSet) {
    println!("{title}:");
    for cue in set.scan(TEXT) {
        let words = set.pattern(cue.pattern).map_or("?", |p| p.words());
        println!(
            "  {:>3}..{:<3} {:<32} {:<9} (pattern {words:?})",
            cue.span.start,
            cue.span.end,
            format!("{:?}", &TEXT[cue.span]),
            cue.kind.as_str(),
        );
    }
    println!();
}
