//! Tests: attribution patterns, the built-in lexicon and cue scanning.

use proptest::prelude::*;
use quotative::{
    Cue, ErrorKind, Modality, Pattern, PatternId, PatternKind, PatternSet, PatternSetBuilder,
    MAX_PATTERN_LEN,
};

/// The cues of `set` in `text`, as (matched text, kind).
fn cues<'t>(set: &PatternSet, text: &'t str) -> Vec<(&'t str, PatternKind)> {
    set.scan(text)
        .iter()
        .map(|c| (&text[c.span], c.kind))
        .collect()
}

/// The matched texts only.
fn found<'t>(set: &PatternSet, text: &'t str) -> Vec<&'t str> {
    set.scan(text).iter().map(|c| &text[c.span]).collect()
}

/// The built-in set with belief verbs on (built once).
fn with_beliefs() -> PatternSet {
    static SET: once_cell::sync::Lazy<PatternSet> = once_cell::sync::Lazy::new(|| {
        PatternSet::english()
            .to_builder()
            .kind(PatternKind::Belief, true)
            .kind(PatternKind::Stance, true)
            .build()
            .unwrap()
    });
    SET.clone()
}

fn id_of(set: &PatternSet, words: &str) -> PatternId {
    let i = set
        .patterns()
        .iter()
        .position(|p| p.words() == words)
        .unwrap_or_else(|| panic!("no pattern {words:?}"));
    PatternId(u32::try_from(i).unwrap())
}

// ---------------------------------------------------------------------------------------
// Inflection.

/// (words, kind, every surface form in order)
const INFLECTION: &[(&str, PatternKind, &[&str])] = &[
    // Regular rules.
    (
        "quip",
        PatternKind::Speech,
        &["quip", "quips", "quipped", "quipping"],
    ),
    (
        "stop",
        PatternKind::Speech,
        &["stop", "stops", "stopped", "stopping"],
    ),
    (
        "blog",
        PatternKind::Speech,
        &["blog", "blogs", "blogged", "blogging"],
    ),
    (
        "shrug",
        PatternKind::Speech,
        &["shrug", "shrugs", "shrugged", "shrugging"],
    ),
    (
        "quiz",
        PatternKind::Speech,
        &["quiz", "quizzes", "quizzed", "quizzing"],
    ),
    (
        "note",
        PatternKind::Speech,
        &["note", "notes", "noted", "noting"],
    ),
    (
        "argue",
        PatternKind::Speech,
        &["argue", "argues", "argued", "arguing"],
    ),
    (
        "agree",
        PatternKind::Belief,
        &["agree", "agrees", "agreed", "agreeing"],
    ),
    (
        "tie",
        PatternKind::Speech,
        &["tie", "ties", "tied", "tying"],
    ),
    (
        "deny",
        PatternKind::Speech,
        &["deny", "denies", "denied", "denying"],
    ),
    (
        "testify",
        PatternKind::Speech,
        &["testify", "testifies", "testified", "testifying"],
    ),
    (
        "relay",
        PatternKind::Speech,
        &["relay", "relays", "relayed", "relaying"],
    ),
    (
        "stress",
        PatternKind::Speech,
        &["stress", "stresses", "stressed", "stressing"],
    ),
    (
        "discuss",
        PatternKind::Speech,
        &["discuss", "discusses", "discussed", "discussing"],
    ),
    (
        "preach",
        PatternKind::Speech,
        &["preach", "preaches", "preached", "preaching"],
    ),
    (
        "wish",
        PatternKind::Belief,
        &["wish", "wishes", "wished", "wishing"],
    ),
    (
        "fax",
        PatternKind::Speech,
        &["fax", "faxes", "faxed", "faxing"],
    ),
    (
        "echo",
        PatternKind::Speech,
        &["echo", "echoes", "echoed", "echoing"],
    ),
    (
        "tweet",
        PatternKind::Speech,
        &["tweet", "tweets", "tweeted", "tweeting"],
    ),
    (
        "vow",
        PatternKind::Speech,
        &["vow", "vows", "vowed", "vowing"],
    ),
    (
        "question",
        PatternKind::Speech,
        &["question", "questions", "questioned", "questioning"],
    ),
    (
        "wonder",
        PatternKind::Speech,
        &["wonder", "wonders", "wondered", "wondering"],
    ),
    (
        "visit",
        PatternKind::Speech,
        &["visit", "visits", "visited", "visiting"],
    ),
    (
        "panic",
        PatternKind::Speech,
        &["panic", "panics", "panicked", "panicking"],
    ),
    (
        "emphasise",
        PatternKind::Speech,
        &["emphasise", "emphasises", "emphasised", "emphasising"],
    ),
    // The irregular table.
    (
        "say",
        PatternKind::Speech,
        &["say", "says", "said", "saying"],
    ),
    (
        "tell",
        PatternKind::Speech,
        &["tell", "tells", "told", "telling"],
    ),
    (
        "write",
        PatternKind::Speech,
        &["write", "writes", "wrote", "written", "writing"],
    ),
    (
        "speak",
        PatternKind::Speech,
        &["speak", "speaks", "spoke", "spoken", "speaking"],
    ),
    ("read", PatternKind::Speech, &["read", "reads", "reading"]),
    (
        "think",
        PatternKind::Belief,
        &["think", "thinks", "thought", "thinking"],
    ),
    (
        "forecast",
        PatternKind::Speech,
        &["forecast", "forecasts", "forecasted", "forecasting"],
    ),
    (
        "admit",
        PatternKind::Speech,
        &["admit", "admits", "admitted", "admitting"],
    ),
    (
        "regret",
        PatternKind::Speech,
        &["regret", "regrets", "regretted", "regretting"],
    ),
    (
        "commit",
        PatternKind::Speech,
        &["commit", "commits", "committed", "committing"],
    ),
    (
        "omit",
        PatternKind::Speech,
        &["omit", "omits", "omitted", "omitting"],
    ),
    (
        "prefer",
        PatternKind::Belief,
        &["prefer", "prefers", "preferred", "preferring"],
    ),
    (
        "signal",
        PatternKind::Speech,
        &[
            "signal",
            "signals",
            "signaled",
            "signalled",
            "signaling",
            "signalling",
        ],
    ),
    // Phrases: the first word is inflected.
    (
        "point out",
        PatternKind::Speech,
        &["point out", "points out", "pointed out", "pointing out"],
    ),
    (
        "go on to say",
        PatternKind::Speech,
        &[
            "go on to say",
            "goes on to say",
            "went on to say",
            "gone on to say",
            "going on to say",
        ],
    ),
    (
        "express hope",
        PatternKind::Speech,
        &[
            "express hope",
            "expresses hope",
            "expressed hope",
            "expressing hope",
        ],
    ),
    (
        "make clear",
        PatternKind::Speech,
        &["make clear", "makes clear", "made clear", "making clear"],
    ),
    // Other kinds match as written.
    ("according to", PatternKind::Source, &["according to"]),
    ("as noted by", PatternKind::AsClause, &["as noted by"]),
    ("in a statement", PatternKind::Medium, &["in a statement"]),
];

#[test]
fn inflection_table() {
    for &(words, kind, want) in INFLECTION {
        let p = Pattern::new(words, kind);
        assert_eq!(p.surface_forms(), want, "{words}");
        // The compiled set has the same forms, and each one is found in text.
        let set = PatternSet::builder()
            .add(p)
            .kind(kind, true)
            .build()
            .unwrap();
        assert_eq!(set.surface_forms(PatternId(0)).collect::<Vec<_>>(), want);
        for form in want {
            let text = format!("Yesterday {form}, then more.");
            assert_eq!(found(&set, &text), [*form], "{words}: {text}");
        }
    }
}

#[test]
fn explicit_forms_are_added_and_inflection_can_be_switched_off() {
    let p = Pattern::with_forms("quip", PatternKind::Speech, ["quippeth", "quipped"]);
    assert_eq!(
        p.surface_forms(),
        ["quip", "quips", "quipped", "quipping", "quippeth"]
    );
    let exact =
        Pattern::with_forms("briefed", PatternKind::Speech, ["briefs"]).with_inflection(false);
    assert!(!exact.is_inflected());
    assert_eq!(exact.surface_forms(), ["briefed", "briefs"]);
    let source = Pattern::with_forms("according to", PatternKind::Source, ["accordin' to"]);
    assert!(!source.is_inflected());
    assert_eq!(source.surface_forms(), ["according to", "accordin' to"]);
    // Runs of whitespace count as one space.
    assert_eq!(
        Pattern::new("  point \t out ", PatternKind::Speech).surface_forms()[2],
        "pointed out"
    );

    let set = PatternSet::builder().add(p).add(exact).build().unwrap();
    let text = "Thus quippeth the jester, who briefed us and briefs them; brief is not a cue.";
    assert_eq!(found(&set, text), ["quippeth", "briefed", "briefs"]);
}

#[test]
fn built_in_speech_verbs_have_their_forms() {
    let set = PatternSet::english();
    let text = "She quipped. He quips. They were quipping. It went on to say more. Lee pointed \
                out a flaw and expressed hope. Kim made clear, wrote, tweeted and has written.";
    assert_eq!(
        found(&set, text),
        [
            "quipped",
            "quips",
            "quipping",
            "went on to say",
            "pointed out",
            "expressed hope",
            "made clear",
            "wrote",
            "tweeted",
            "written"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Word boundaries and case.

/// (text, the cues found by the built-in set)
const BOUNDARIES: &[(&str, &[&str])] = &[
    ("The aforesaid rule.", &[]),
    ("Saidi arrived.", &[]),
    ("Al-Saidi arrived.", &[]),
    ("Version said2 and 2said.", &[]),
    ("U.S.-said deal.", &["said"]),
    ("said", &["said"]),
    ("(said)", &["said"]),
    ("“said”", &["said"]),
    ("‘said’s", &["said"]),
    ("The said's case.", &["said"]),
    ("Lee said:", &["said"]),
    ("😀said😀", &["said"]),
    ("Ésaid and saidé and said\u{301}.", &[]),
    ("说said and said说.", &[]),
    ("Zoë said so.", &["said"]),
    // The longest form wins, but only on a boundary; then a shorter one is taken.
    ("She said in a statement.", &["said in a statement"]),
    ("She said in a statements.", &["said"]),
    ("Li wrote on X.", &["wrote on X"]),
    ("Li wrote on Xinhua's site.", &["wrote"]),
    ("according to the mayor", &["according to"]),
    ("according tomorrow", &[]),
    // A failed phrase does not hide a cue inside it.
    ("Numbers in Texas noted by analysts.", &["noted"]),
    // Only forms that start where the walk starts count (found by the property test).
    ("as noted bysaid", &["noted"]),
    // Excluded phrases, and cues after them.
    ("Prices rose 3 per cent, per the agency.", &["per"]),
    ("Costs 2 per centimetre.", &["per"]),
    ("The so-called deal, she called it.", &["called"]),
    ("The post-war order, Lee posted.", &["posted"]),
    ("The Washington Post reported.", &["reported"]),
    ("The United States said.", &["said"]),
    ("", &[]),
];

#[test]
fn word_boundaries() {
    let set = PatternSet::english();
    for &(text, want) in BOUNDARIES {
        assert_eq!(found(&set, text), want, "{text:?}");
    }
}

#[test]
fn case_handling() {
    let set = PatternSet::english();
    assert!(set.is_case_insensitive());
    let text = "SAID, Said, said, sAiD and ACCORDING TO.";
    assert_eq!(
        found(&set, text),
        ["SAID", "Said", "said", "sAiD", "ACCORDING TO"]
    );
    let exact = set.to_builder().case_insensitive(false).build().unwrap();
    assert!(!exact.is_case_insensitive());
    assert_eq!(found(&exact, text), ["said"]);
    // Case-sensitive forms match as written.
    let names = PatternSet::builder()
        .case_insensitive(false)
        .add(Pattern::new("Say", PatternKind::Speech))
        .build()
        .unwrap();
    assert_eq!(found(&names, "Said said SAID Says"), ["Said", "Says"]);
}

#[test]
fn spans_are_ordered_disjoint_and_on_char_boundaries() {
    let set = with_beliefs();
    let text = "«Nous», dit-il. “We will,” María said — according to Reuters — and she \
                believes it; 東京 officials said 😀 so, per Ñuño.";
    let cues = set.scan(text);
    assert!(cues.len() >= 5, "{cues:?}");
    for pair in cues.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
    for c in &cues {
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        assert_eq!(set.pattern(c.pattern).map(Pattern::kind), Some(c.kind));
    }
}

#[test]
fn scan_into_appends() {
    let set = PatternSet::english();
    let mut out: Vec<Cue> = Vec::new();
    set.scan_into("Lee said.", &mut out);
    set.scan_into("Kim told.", &mut out);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].span, quotative::Span::new(4, 8));
}

// ---------------------------------------------------------------------------------------
// Kinds and modality.

#[test]
fn every_kind_is_reachable() {
    let set = with_beliefs();
    let text = "Lee said so. According to Kim, it works. As noted by Ray, it fails. In a \
                statement, the firm agreed. Jo believes it. Mo discussed it.";
    let kinds: Vec<PatternKind> = set.scan(text).iter().map(|c| c.kind).collect();
    for kind in PatternKind::ALL {
        assert!(kinds.contains(&kind), "{kind:?} not found in {kinds:?}");
    }
    // Belief and stance verbs are off by default.
    let default = PatternSet::english();
    assert!(!default.is_enabled(PatternKind::Belief));
    assert!(!default.is_enabled(PatternKind::Stance));
    assert!(PatternKind::ALL[..4].iter().all(|k| default.is_enabled(*k)));
    assert!(!cues(&default, text)
        .iter()
        .any(|c| matches!(c.1, PatternKind::Belief | PatternKind::Stance)));
    // And a kind can be switched off.
    let no_source = default
        .to_builder()
        .kind(PatternKind::Source, false)
        .build()
        .unwrap();
    assert_eq!(found(&no_source, "According to Kim, Lee said."), ["said"]);
}

#[test]
fn modality() {
    let set = with_beliefs();
    let modality = |words: &str| set.pattern(id_of(&set, words)).unwrap().modality();
    assert_eq!(modality("say"), Modality::Assertion);
    assert_eq!(modality("ask"), Modality::Question);
    assert_eq!(modality("deny"), Modality::Denial);
    assert_eq!(modality("warn"), Modality::Warning);
    assert_eq!(modality("express hope"), Modality::Hope);
    assert_eq!(modality("predict"), Modality::Prediction);
    assert_eq!(modality("promise"), Modality::Promise);
    assert_eq!(modality("accuse"), Modality::Accusation);
    assert_eq!(modality("admit"), Modality::Admission);
    assert_eq!(modality("believe"), Modality::Belief);
    assert_eq!(modality("hope"), Modality::Hope);
    assert_eq!(modality("according to"), Modality::Assertion);

    let p = Pattern::new("caution", PatternKind::Speech).with_modality(Modality::Warning);
    assert_eq!(p.modality(), Modality::Warning);
    // Setting the kind's default is the same as not setting it.
    assert_eq!(
        Pattern::new("say", PatternKind::Speech).with_modality(Modality::Assertion),
        Pattern::new("say", PatternKind::Speech)
    );
}

#[test]
fn speech_verbs_lead_medium_cues() {
    let set = PatternSet::english();
    for (text, cue, verb) in [
        ("Lee told reporters on Monday.", "told reporters", "tell"),
        (
            "The firm said in a statement.",
            "said in a statement",
            "say",
        ),
        ("Lee wrote on Telegram.", "wrote on Telegram", "write"),
    ] {
        let c = set.scan(text)[0];
        assert_eq!(&text[c.span], cue);
        assert_eq!(c.kind, PatternKind::Medium);
        let v = set.speech_verb(c.pattern).unwrap();
        assert_eq!(set.pattern(v).unwrap().words(), verb);
    }
    let according = set.scan("According to Lee.")[0].pattern;
    assert_eq!(set.speech_verb(according), None);
    let said = set.scan("Lee said.")[0].pattern;
    assert_eq!(set.speech_verb(said), Some(said));
    assert_eq!(set.speech_verb(PatternId(u32::MAX)), None);
    assert_eq!(set.surface_forms(PatternId(u32::MAX)).count(), 0);
}

// ---------------------------------------------------------------------------------------
// The built-in lexicon.

#[test]
fn built_in_lexicon_size_and_version() {
    assert_eq!(quotative::LEXICON_VERSION, "1.3.0");
    let set = PatternSet::english();
    let lemmas = set
        .patterns()
        .iter()
        .filter(|p| p.kind() == PatternKind::Speech && !p.words().contains(' '))
        .count();
    assert!(lemmas >= 200, "{lemmas} one-word speech patterns");
    let stance = set
        .patterns()
        .iter()
        .filter(|p| p.kind() == PatternKind::Stance)
        .count();
    assert!(stance >= 40, "{stance} stance patterns");
    let beliefs = set
        .patterns()
        .iter()
        .filter(|p| p.kind() == PatternKind::Belief)
        .count();
    assert!(beliefs >= 30, "{beliefs} belief patterns");
    for words in [
        "say",
        "state",
        "tweet",
        "write",
        "tell",
        "add",
        "note",
        "remind",
        "insist",
        "warn",
        "argue",
        "claim",
        "explain",
        "announce",
        "declare",
        "ask",
        "reply",
        "respond",
        "report",
        "suggest",
        "acknowledge",
        "admit",
        "deny",
        "recall",
        "post",
        "comment",
        "describe",
        "confirm",
        "mention",
        "allege",
        "assert",
        "contend",
        "predict",
        "promise",
        "vow",
        "urge",
        "emphasize",
        "emphasise",
        "stress",
        "charge",
        "quip",
        "joke",
        "testify",
        "concede",
        "complain",
        "boast",
        "lament",
        "counter",
        "retort",
        "scoff",
        "sigh",
        "grumble",
        "whisper",
        "shout",
        "exclaim",
        "muse",
        "caution",
        "threaten",
        "accuse",
        "criticize",
        "criticise",
        "praise",
        "recount",
        "reiterate",
        "repeat",
        "propose",
        "recommend",
        "demand",
        "call",
        "call on",
        "question",
        "wonder",
        "observe",
        "remark",
        "point out",
        "go on to say",
        "express hope",
        "express concern",
        "make clear",
        "according to",
        "per",
        "cited",
        "as noted by",
        "as he put it",
        "put it,",
        "quoted as saying",
        "in a statement",
        "in an interview",
        "in a post on",
        "in a tweet",
        "in a letter",
        "in remarks",
        "told reporters",
        "said in a statement",
        "wrote on Telegram",
        "believe",
        "think",
        "expect",
        "hope",
        "fear",
    ] {
        assert!(
            set.patterns().iter().any(|p| p.words() == words),
            "{words:?} missing"
        );
    }
}

#[test]
fn frequent_news_cues_are_found() {
    let set = PatternSet::english();
    let text = "Lee said. Kim says. Ray told them. According to Jo, it is. They say. Al wrote. \
                Bo added. Cy asked. Saying so, Di called it off. Ed noted. Fay stated. Gus \
                tweeted. Hal explained, warned, claimed and announced.";
    assert_eq!(
        found(&set, text),
        [
            "said",
            "says",
            "told",
            "According to",
            "say",
            "wrote",
            "added",
            "asked",
            "Saying",
            "called",
            "noted",
            "stated",
            "tweeted",
            "explained",
            "warned",
            "claimed",
            "announced"
        ]
    );
}

#[test]
fn no_ordinary_word_fires() {
    // Plain prose with no attribution in it.
    let prose = "The old market town sits where two rivers meet, and on clear mornings the \
        hills to the north look close enough to touch. Most of the houses along the main \
        street were built of grey stone more than a century ago, when the mill still ran \
        day and night. Well before dawn the bakers light their ovens, and by seven the smell \
        of fresh bread drifts over the square like a warm blanket. Children walk to school \
        past the fountain, the library and the small park with its bandstand. In summer, \
        visitors come for the walking trails, the boat trips and the long evenings; in \
        winter the town goes quiet, and the cafés close early. A new bridge is being built \
        downstream, and the work should be finished next year if the weather holds. Farmers \
        bring their vegetables, cheese and honey to the market every Saturday, and the stalls \
        are usually empty by noon. The church clock runs four minutes fast, as it has for as \
        long as anyone can remember, and nobody has ever tried to put it right. At the end \
        of the day the light turns gold on the water, the swallows go round and round the \
        tower, and the last bus leaves for the city at half past nine.";
    assert_eq!(cues(&PatternSet::english(), prose), []);
}

#[test]
fn the_built_in_set_builds_with_every_option() {
    let mut b = PatternSetBuilder::english();
    for kind in PatternKind::ALL {
        b.kind(kind, true);
    }
    b.build().unwrap();
    b.case_insensitive(false).build().unwrap();
    assert_eq!(
        PatternSetBuilder::english().build().unwrap(),
        PatternSet::english()
    );
}

// ---------------------------------------------------------------------------------------
// Building sets of your own.

#[test]
fn a_user_built_set_with_the_same_entries_behaves_like_the_built_in_one() {
    let english = PatternSet::english();
    let mut b = PatternSet::builder();
    b.extend(english.patterns().iter().cloned());
    for e in english.exclusions() {
        b.exclude(e.as_str());
    }
    let user = b.build().unwrap();
    assert_eq!(user, english);

    // The same lexicon read from its file.
    let from_tsv = PatternSet::builder()
        .extend_tsv(include_str!("../../src/lexicon/en/patterns.tsv"))
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(from_tsv, english);

    let text = sample_text();
    let want = english.scan(&text);
    assert!(want.len() > 15, "{}", want.len());
    assert_eq!(user.scan(&text), want);
    assert_eq!(from_tsv.scan(&text), want);
    for (i, _) in english.patterns().iter().enumerate() {
        let id = PatternId(u32::try_from(i).unwrap());
        assert!(user.surface_forms(id).eq(english.surface_forms(id)));
    }
}

#[test]
fn json_round_trip() {
    let english = PatternSet::english();
    let custom = english
        .to_builder()
        .add(Pattern::new("harrumph", PatternKind::Speech).with_modality(Modality::Denial))
        .add(Pattern::with_forms("faxed", PatternKind::Speech, ["faxes"]).with_inflection(false))
        .exclude("per diem")
        .remove("note")
        .kind(PatternKind::Belief, true)
        .case_insensitive(false)
        .build()
        .unwrap();
    let text = format!(
        "{} Kim harrumphed and faxed; they were paid per diem. He noted it.",
        sample_text()
    );
    for set in [english, custom] {
        let json = serde_json::to_string(&set).unwrap();
        let back: PatternSet = serde_json::from_str(&json).unwrap();
        assert_eq!(back, set);
        assert_eq!(back.scan(&text), set.scan(&text));
        for kind in PatternKind::ALL {
            assert_eq!(back.is_enabled(kind), set.is_enabled(kind));
        }
        assert_eq!(back.is_case_insensitive(), set.is_case_insensitive());
    }

    // Patterns save only what differs from the defaults.
    let p = Pattern::new("say", PatternKind::Speech);
    assert_eq!(
        serde_json::to_string(&p).unwrap(),
        r#"{"words":"say","kind":"speech"}"#
    );
    let p = Pattern::with_forms("cited", PatternKind::Speech, ["cites"])
        .with_modality(Modality::Accusation)
        .with_inflection(false);
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(
        json,
        r#"{"words":"cited","kind":"speech","forms":["cites"],"modality":"accusation","inflect":false}"#
    );
    assert_eq!(serde_json::from_str::<Pattern>(&json).unwrap(), p);

    // A minimal saved set loads with the defaults.
    let set: PatternSet =
        serde_json::from_str(r#"{"patterns":[{"words":"quip","kind":"speech"}]}"#).unwrap();
    assert!(set.is_case_insensitive());
    assert!(!set.is_enabled(PatternKind::Belief));
    assert_eq!(found(&set, "She quipped."), ["quipped"]);

    // An invalid saved set is an error, not a panic.
    let err = serde_json::from_str::<PatternSet>(r#"{"patterns":[{"words":"","kind":"speech"}]}"#)
        .unwrap_err();
    assert!(err.to_string().contains("empty pattern"), "{err}");
}

#[test]
fn add_remove_and_exclude() {
    let mut b = PatternSet::english().to_builder();
    let n = b.patterns().len();
    b.remove("no such pattern").remove("").remove("   ");
    assert_eq!(b.patterns().len(), n);
    // Removal by words or by any surface form, ignoring case.
    b.remove("NOTED").remove("according to");
    assert_eq!(b.patterns().len(), n - 2);
    let set = b.build().unwrap();
    assert_eq!(
        found(&set, "Lee noted, according to Kim, that he said so."),
        ["said"]
    );

    // An exclusion silences one form only.
    let set = PatternSet::english()
        .to_builder()
        .exclude("says")
        .build()
        .unwrap();
    assert_eq!(found(&set, "Lee says he said so."), ["said"]);
    let back = set.to_builder().remove_exclusion("SAYS").build().unwrap();
    assert_eq!(found(&back, "Lee says he said so."), ["says", "said"]);

    // Exact repeats merge; the first pattern keeps a form shared within a kind.
    let set = PatternSet::builder()
        .add(Pattern::new("quip", PatternKind::Speech))
        .add(Pattern::new("quip", PatternKind::Speech))
        .add(Pattern::with_forms(
            "Quip",
            PatternKind::Speech,
            ["quipped"],
        ))
        .add(Pattern::with_forms(
            "jest",
            PatternKind::Speech,
            ["quipped"],
        ))
        .build()
        .unwrap();
    assert_eq!(set.patterns().len(), 2);
    let c = set.scan("She quipped.")[0];
    assert_eq!(set.pattern(c.pattern).unwrap().words(), "quip");
}

#[test]
fn lexicon_files() {
    let set = PatternSet::builder()
        .extend_tsv(
            "# a comment\n\nharrumph\tspeech\n\
             fume\tspeech\tfumeth\taccusation\n\
             briefed\tspeech\tbriefs\t\texact\n\
             per annum\texclude\n",
        )
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(set.patterns().len(), 3);
    assert_eq!(set.exclusions(), ["per annum"]);
    assert_eq!(set.patterns()[1].modality(), Modality::Accusation);
    assert_eq!(set.patterns()[1].forms(), ["fumeth"]);
    assert_eq!(
        found(&set, "She harrumphed, fumeth, briefed and briefs; a brief."),
        ["harrumphed", "fumeth", "briefed", "briefs"]
    );

    for (tsv, message) in [
        (
            "say\n",
            "line 1 of the lexicon cannot be read: pattern \"say\" has no kind",
        ),
        (
            "# x\nsay\tverb\n",
            "line 2 of the lexicon cannot be read: unknown kind \"verb\" for pattern \"say\"",
        ),
        (
            "say\tspeech\t\tsure\n",
            "line 1 of the lexicon cannot be read: unknown modality \"sure\" for pattern \"say\"",
        ),
        (
            "say\tspeech\t\t\tloud\n",
            "line 1 of the lexicon cannot be read: unknown flag \"loud\" for pattern \"say\"",
        ),
        (
            "say\tspeech\t\t\t\textra\n",
            "line 1 of the lexicon cannot be read: 6 columns, at most 5 expected (words, kind, \
             forms, modality, flags)",
        ),
        (
            "per se\texclude\tx\n",
            "line 1 of the lexicon cannot be read: excluded phrase \"per se\" takes no forms, \
             modality or flags",
        ),
    ] {
        let mut b = PatternSet::builder();
        let err = b.extend_tsv(tsv).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Lexicon { .. }), "{err:?}");
        assert_eq!(err.to_string(), message);
        assert!(b.patterns().is_empty(), "nothing is added on error");
    }
}

// ---------------------------------------------------------------------------------------
// Errors.

fn build_error(patterns: Vec<Pattern>) -> quotative::Error {
    PatternSet::builder().extend(patterns).build().unwrap_err()
}

#[test]
fn errors_name_the_pattern() {
    let err = build_error(vec![Pattern::new("  ", PatternKind::Speech)]);
    assert_eq!(err.kind(), &ErrorKind::EmptyPattern);
    assert_eq!(err.to_string(), "empty pattern");

    let err = build_error(vec![Pattern::new("1 2 3", PatternKind::Source)]);
    assert_eq!(err.to_string(), "pattern \"1 2 3\" has no letters");
    let err = build_error(vec![Pattern::with_forms(
        "say",
        PatternKind::Speech,
        ["!!"],
    )]);
    assert_eq!(err.to_string(), "pattern \"!!\" has no letters");

    let long = "a".repeat(MAX_PATTERN_LEN + 1);
    let err = build_error(vec![Pattern::new(long.as_str(), PatternKind::Medium)]);
    assert!(
        matches!(err.kind(), ErrorKind::PatternTooLong { len, limit, .. }
        if *len == MAX_PATTERN_LEN + 1 && *limit == MAX_PATTERN_LEN)
    );
    assert_eq!(
        err.to_string(),
        format!(
            "pattern \"{}\" is {} bytes long, over the limit of {MAX_PATTERN_LEN} bytes",
            "a".repeat(40),
            MAX_PATTERN_LEN + 1
        )
    );
    assert!(PatternSet::builder()
        .add(Pattern::new(
            "a".repeat(MAX_PATTERN_LEN),
            PatternKind::Medium
        ))
        .build()
        .is_ok());

    let err = build_error(vec![
        Pattern::new("say", PatternKind::Speech),
        Pattern::new("say", PatternKind::Belief),
    ]);
    assert_eq!(
        err.to_string(),
        "pattern \"say\" is given twice with different kinds or forms"
    );
    let err = build_error(vec![
        Pattern::new("quip", PatternKind::Speech),
        Pattern::with_forms("Quip", PatternKind::Speech, ["quippeth"]),
    ]);
    assert!(matches!(err.kind(), ErrorKind::ConflictingPattern { pattern } if pattern == "Quip"));
    let err = build_error(vec![
        Pattern::new("warn", PatternKind::Speech),
        Pattern::new("warn", PatternKind::Speech).with_modality(Modality::Warning),
    ]);
    assert!(matches!(err.kind(), ErrorKind::ConflictingPattern { .. }));

    let err = build_error(vec![
        Pattern::new("quip", PatternKind::Speech),
        Pattern::new("quipped", PatternKind::Source),
    ]);
    assert_eq!(
        err.to_string(),
        "form \"quipped\" belongs to both \"quip\" and \"quipped\""
    );
    // Disabled kinds are checked too: switching them on never breaks a set.
    let err = PatternSet::english()
        .to_builder()
        .add(Pattern::new("thinks", PatternKind::Speech))
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::ConflictingForm { form, .. } if form == "thinks"));
    // The fix: remove the built-in pattern first.
    let set = PatternSet::english()
        .to_builder()
        .remove("think")
        .add(Pattern::new("thinks", PatternKind::Speech))
        .build()
        .unwrap();
    assert_eq!(found(&set, "She thinks so."), ["thinks"]);
}

// ---------------------------------------------------------------------------------------
// The scan against a plain reference: the leftmost start on a word boundary, the longest form
// there that ends on one, never overlapping; excluded phrases win and give no cue.

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The cues `set` finds in `text`, as [`reference`] gives them.
fn scanned(set: &PatternSet, text: &str) -> Vec<(usize, usize, Option<PatternId>)> {
    set.scan(text)
        .iter()
        .map(|c| (c.span.start, c.span.end, Some(c.pattern)))
        .collect()
}

fn reference(set: &PatternSet, text: &str) -> Vec<(usize, usize, Option<PatternId>)> {
    let fold = |s: &str| {
        if set.is_case_insensitive() {
            s.to_ascii_lowercase()
        } else {
            s.to_owned()
        }
    };
    // Every form with its owner: excluded phrases first, then patterns in id order.
    let mut owners: Vec<(String, Option<PatternId>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for e in set.exclusions() {
        if seen.insert(fold(e)) {
            owners.push((fold(e), None));
        }
    }
    for (i, p) in set.patterns().iter().enumerate() {
        let id = PatternId(u32::try_from(i).unwrap());
        for f in set.surface_forms(id) {
            if seen.insert(fold(f)) && set.is_enabled(p.kind()) {
                owners.push((fold(f), Some(id)));
            }
        }
    }
    let hay = fold(text);
    let word_before = |i: usize| text[..i].chars().next_back().is_some_and(is_word_char);
    let word_at = |i: usize| text[i..].chars().next().is_some_and(is_word_char);
    let mut by_first: std::collections::HashMap<u8, Vec<(String, Option<PatternId>)>> =
        std::collections::HashMap::new();
    for (f, owner) in owners {
        by_first
            .entry(f.as_bytes()[0])
            .or_default()
            .push((f, owner));
    }
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let best = by_first
            .get(&hay.as_bytes()[at])
            .into_iter()
            .flatten()
            .filter(|(f, _)| hay[at..].starts_with(f.as_str()))
            .filter(|(f, _)| !f.chars().next().is_some_and(is_word_char) || !word_before(at))
            .filter(|(f, _)| {
                !f.chars().next_back().is_some_and(is_word_char) || !word_at(at + f.len())
            })
            .max_by_key(|(f, _)| f.len());
        match best {
            Some((f, owner)) => {
                out.push((at, at + f.len(), *owner));
                at += f.len();
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out.into_iter().filter(|m| m.2.is_some()).collect()
}

const PIECES: &[&str] = &[
    "said",
    "SAID",
    "Said",
    "says",
    "told",
    "told reporters",
    "told reporter",
    "according to",
    "According To",
    "per",
    "per cent",
    "percent",
    "in a statement",
    "in a state",
    "as noted by",
    "noted",
    "wrote on X",
    "wrote on",
    "X",
    "Xinhua",
    "so-called",
    "called",
    "post-",
    "post",
    "war",
    "state",
    "stated",
    "believes",
    "think",
    "aforesaid",
    "Saidi",
    "the",
    "mayor",
    "é",
    "\u{301}",
    "’",
    "“",
    "—",
    "😀",
    "说",
    "2",
    "Ñ",
    "-",
    "'s",
    "in",
    "a",
    "to",
    "by",
    "on",
];
const GLUE: &[&str] = &["", " ", " ", " ", "  ", ", ", ".", "\n", "-", "’"];

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec((0..PIECES.len(), 0..GLUE.len()), 0..40).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, g)| format!("{}{}", PIECES[p], GLUE[g]))
            .collect()
    })
}

/// Texts of ASCII pieces only, where the scan reads eight bytes at a time.
fn ascii_text_strategy() -> impl Strategy<Value = String> {
    let pieces: Vec<&str> = PIECES.iter().copied().filter(|p| p.is_ascii()).collect();
    let glue: Vec<&str> = GLUE.iter().copied().filter(|g| g.is_ascii()).collect();
    proptest::collection::vec((0..pieces.len(), 0..glue.len()), 0..60).prop_map(move |parts| {
        parts
            .into_iter()
            .map(|(p, g)| format!("{}{}", pieces[p], glue[g]))
            .collect()
    })
}

proptest! {
    #[test]
    fn ascii_scan_matches_the_reference(text in ascii_text_strategy()) {
        let set = PatternSet::english();
        let got = scanned(&set, &text);
        prop_assert_eq!(got, reference(&set, &text));
    }

    #[test]
    fn scan_matches_the_reference(text in text_strategy()) {
        for set in [PatternSet::english(), with_beliefs()] {
            let got = scanned(&set, &text);
            prop_assert_eq!(got, reference(&set, &text));
        }
    }

    #[test]
    fn scan_never_panics(text in "\\PC{0,200}") {
        let set = with_beliefs();
        for c in set.scan(&text) {
            prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            prop_assert!(c.span.start < c.span.end && c.span.end <= text.len());
        }
    }
}

/// Words for user pattern sets: short and long, ASCII and not, with punctuation first or
/// last, sharing prefixes, so that the scan's filters and trie meet forms of every shape.
const FORM_PIECES: &[&str] = &[
    "a", "X", "é", "to", "on", "per", "post", "post-", "poste", "said", "Said", "sa", "s", "in",
    "in a", "stated", "state", "#tag", "-ish", "’s", "说", "Ñu", "2", "x2", "wrote", "wrote on",
];

/// A user's pattern set: up to eight patterns of one to three pieces each, not inflected, a
/// few excluded phrases, either case mode.
fn user_set_strategy() -> impl Strategy<Value = Option<PatternSet>> {
    let form = proptest::collection::vec(0..FORM_PIECES.len(), 1..4).prop_map(|ps| {
        ps.iter()
            .map(|&p| FORM_PIECES[p])
            .collect::<Vec<_>>()
            .join(" ")
    });
    (
        proptest::collection::vec(form.clone(), 1..9),
        proptest::collection::vec(form, 0..3),
        any::<bool>(),
    )
        .prop_map(|(forms, excluded, case_insensitive)| {
            let mut b = PatternSet::builder();
            b.case_insensitive(case_insensitive);
            for f in forms {
                b.add(Pattern::new(f, PatternKind::Speech).with_inflection(false));
            }
            for e in excluded {
                b.exclude(e);
            }
            // Sets with clashing forms are refused, as documented; they have no scan.
            b.build().ok()
        })
}

proptest! {
    #[test]
    fn user_set_scan_matches_the_reference(set in user_set_strategy(), text in text_strategy()) {
        if let Some(set) = set {
            let got = scanned(&set, &text);
            prop_assert_eq!(got, reference(&set, &text));
        }
    }
}

#[test]
fn case_sensitive_scan_matches_the_reference() {
    let set = PatternSet::english()
        .to_builder()
        .case_insensitive(false)
        .build()
        .unwrap();
    let text = sample_text();
    assert_eq!(scanned(&set, &text), reference(&set, &text));
}

#[test]
fn forms_starting_with_punctuation_match_anywhere() {
    // Such forms need no boundary before them, so the scan cannot look at word starts only.
    let set = PatternSet::english()
        .to_builder()
        .add(Pattern::new("#MeToo", PatternKind::Medium))
        .add(Pattern::new("-ish", PatternKind::Medium))
        .build()
        .unwrap();
    let text = format!(
        "{} Posts tagged#MeToo and #metoo, a long-ish list.",
        sample_text()
    );
    let got = scanned(&set, &text);
    assert_eq!(got, reference(&set, &text));
    assert_eq!(
        found(&set, "tagged#MeToo and #metoo, a long-ish list"),
        ["#MeToo", "#metoo", "-ish"]
    );
}

#[test]
fn reference_agrees_on_the_sample() {
    for set in [PatternSet::english(), with_beliefs()] {
        let text = sample_text();
        let got = scanned(&set, &text);
        assert_eq!(got, reference(&set, &text));
    }
}

/// A few paragraphs of wire-style text written for these tests.
fn sample_text() -> String {
    [
        "WELLINGTON (Wire) — The port will reopen on Monday, officials said, after a week of \
         repairs that cost 4 per cent of the annual budget.",
        "“We are not going to wait,” Mayor Ana Ruiz told reporters. She added that crews \
         had worked through the night, and pointed out that no one was hurt.",
        "According to the harbour authority, 12 ships are waiting. In a statement, the \
         authority said it expected traffic to return to normal within days.",
        "Critics argued the delay was avoidable. As noted by the union, the cranes had not \
         been inspected since 2019; a spokesman denied that, insisting the checks were done.",
        "The so-called emergency plan, the minister wrote on X, “worked as designed.” He \
         went on to say that he believes the port will be busier than ever, and he hopes to \
         expand it. Per the agency, exports rose.",
        "Zoë Brückner, 52, recalled the last closure: “We waited, we complained, we \
         waited.” Asked whether she feared more delays, she laughed.",
    ]
    .join("\n\n")
}

#[test]
fn evaluative_flag_from_the_lexicon_tsv_and_json() {
    let set = PatternSet::english();
    let find = |w: &str| set.patterns().iter().find(|p| p.words() == w).unwrap();
    assert!(find("criticize").is_evaluative());
    assert!(find("praise").is_evaluative());
    assert!(!find("say").is_evaluative());
    assert!(!find("promise").is_evaluative());

    let mut b = PatternSet::builder();
    b.extend_tsv("extoll\tspeech\t\t\texact,evaluative\n")
        .unwrap();
    let own = b.build().unwrap();
    let p = &own.patterns()[0];
    assert!(p.is_evaluative() && !p.is_inflected());

    let json = serde_json::to_string(p).unwrap();
    assert!(json.contains("\"evaluative\":true"), "{json}");
    let back: quotative::Pattern = serde_json::from_str(&json).unwrap();
    assert!(back.is_evaluative());
    let plain: quotative::Pattern =
        serde_json::from_str(r#"{"words":"say","kind":"speech"}"#).unwrap();
    assert!(!plain.is_evaluative());
}
