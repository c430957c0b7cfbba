//! Tests: attribution sieves, one table row per rule and shape.

use quotative::{Parser, QuoteKind, Rule};

/// One expected quote: kind, content text, speaker mention text (or `None`), rule.
type Expect = (QuoteKind, &'static str, Option<&'static str>, Rule);

macro_rules! t {
    ($name:ident, $text:expr, [$(($kind:ident, $content:expr, $speaker:expr, $rule:ident)),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<Expect> = vec![$((QuoteKind::$kind, $content, $speaker, Rule::$rule)),*];
            check($text, &expected);
        }
    };
}

fn check(text: &str, expected: &[Expect]) {
    let article = Parser::new().parse(text);
    let got: Vec<Expect> = article
        .quotes()
        .iter()
        .map(|q| {
            let content: &'static str = leak(&text[q.content]);
            let speaker = q.mention.map(|m| leak(&text[m]));
            (q.kind, content, speaker, q.rule)
        })
        .collect();
    assert_eq!(got, expected, "text: {text}");
    for q in article.quotes() {
        assert!(q.span.contains(q.content));
        for s in &q.segments {
            assert!(q.content.contains(*s));
        }
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

// Direct quotes: trailing attribution.
t!(
    trailing_name_after_quote,
    "\"We will not back down,\" Mayor Ann Lee said.",
    [(
        Direct,
        "We will not back down,",
        Some("Mayor Ann Lee"),
        Trailing
    )]
);
t!(
    trailing_inverted,
    "“The plan is dead,” said Tom Reyes, the council leader.",
    [(Direct, "The plan is dead,", Some("Tom Reyes"), Trailing)]
);
t!(
    trailing_question_pronoun,
    "“Why now?” she asked.",
    [(Direct, "Why now?", Some("she"), Trailing)]
);
t!(
    trailing_told_reporters,
    "\"Nothing has been decided,\" the official told reporters on Monday.",
    [(
        Direct,
        "Nothing has been decided,",
        Some("the official"),
        Trailing
    )]
);
t!(
    trailing_wrote_with_medium,
    "“Budgets are choices,” Medina wrote in a post on Facebook. “Ours are bad ones.”",
    [
        (Direct, "Budgets are choices,", Some("Medina"), Trailing),
        (Direct, "Ours are bad ones.", Some("Medina"), Continuation)
    ]
);

// Direct quotes: leading attribution.
t!(
    leading_colon,
    "The governor said: “We have the votes and we will pass it.”",
    [(
        Direct,
        "We have the votes and we will pass it.",
        Some("The governor"),
        Leading
    )]
);
t!(
    leading_comma,
    "Ms. Okafor said, \"This is a fight for every family in the state.\"",
    [(
        Direct,
        "This is a fight for every family in the state.",
        Some("Ms. Okafor"),
        Leading
    )]
);

// Split quotes.
t!(
    split_quote,
    "“We tried,” he said, “but the votes were not there.”",
    [(
        Direct,
        "We tried,” he said, “but the votes were not there.",
        Some("he"),
        Split
    )]
);

// Continuation across paragraphs.
t!(continuation_next_paragraph,
   "Bridge to close\n\n“The bridge has to close,” the engineer said.\n\n“There is no safe way to keep it open another winter.”",
   [(Direct, "The bridge has to close,", Some("the engineer"), Trailing),
    (Direct, "There is no safe way to keep it open another winter.", Some("the engineer"), Continuation)]);

// Unattributed quotations keep no speaker.
t!(
    unattributed_long_quote,
    "The town waited.\n\n“Nobody knows what comes next for the town and its people.”",
    [(
        Direct,
        "Nobody knows what comes next for the town and its people.",
        None,
        Unattributed
    )]
);
t!(
    fragment_inside_a_sentence_is_not_a_quote,
    "The sign on the door read “closed until further notice for repairs to the roof”.",
    []
);
t!(
    scare_quote_is_not_a_quote,
    "Officials hope for a “reset” in relations.",
    []
);

// Reported speech.
t!(
    said_that,
    "The mayor said that the budget would be balanced by June.",
    [(
        Indirect,
        "the budget would be balanced by June",
        Some("The mayor"),
        ReportedClause
    )]
);
t!(
    said_without_that,
    "Ortiz said the talks had collapsed.",
    [(
        Indirect,
        "the talks had collapsed",
        Some("Ortiz"),
        ReportedClause
    )]
);
t!(
    stated_on_day_that,
    "Secretary Dana Holt stated on Wednesday that she is unaware of the plans.",
    [(
        Indirect,
        "she is unaware of the plans",
        Some("Secretary Dana Holt"),
        ReportedClause
    )]
);
t!(
    told_hearer_that,
    "The minister told reporters that the border would stay open.",
    [(
        Indirect,
        "the border would stay open",
        Some("The minister"),
        ReportedClause
    )]
);
t!(
    apposition_subject,
    "Lena Park, the union's president, said the strike would go on.",
    [(
        Indirect,
        "the strike would go on",
        Some("Lena Park"),
        ReportedClause
    )]
);
t!(
    pronoun_subject_with_adverb,
    "He also said the vote would be delayed.",
    [(
        Indirect,
        "the vote would be delayed",
        Some("He"),
        ReportedClause
    )]
);
t!(
    trailing_unmarked_third_person,
    "Relations are at their lowest point, the minister said.",
    [(
        Indirect,
        "Relations are at their lowest point",
        Some("the minister"),
        TrailingUnmarked
    )]
);
t!(
    trailing_unmarked_first_person_is_direct,
    "We will find out what happens in January, he said.",
    [(
        Direct,
        "We will find out what happens in January",
        Some("he"),
        TrailingUnmarked
    )]
);
t!(
    trailing_unmarked_inverted,
    "The deal is off, said a person familiar with the talks.",
    [(
        Indirect,
        "The deal is off",
        Some("a person familiar with the talks"),
        TrailingUnmarked
    )]
);

// Source prepositions and as-clauses.
t!(
    according_to_leading,
    "According to the ministry, the plant will close next year.",
    [(
        Indirect,
        "the plant will close next year",
        Some("the ministry"),
        AccordingTo
    )]
);
t!(
    according_to_trailing,
    "The plant will close next year, according to the ministry.",
    [(
        Indirect,
        "The plant will close next year",
        Some("the ministry"),
        AccordingTo
    )]
);
t!(
    according_to_is_a_relay_when_the_clause_has_a_speaker,
    "According to Interfax, spokesman Ivan Sokol stated that no decision was made.",
    [(
        Indirect,
        "no decision was made",
        Some("spokesman Ivan Sokol"),
        ReportedClause
    )]
);
t!(
    as_noted_by,
    "The system is stronger than any one man, as noted by Judge Amy Wells.",
    [(
        Indirect,
        "The system is stronger than any one man",
        Some("Judge Amy Wells"),
        AsClause
    )]
);

// Participles take the main clause's subject.
t!(
    participle_stating,
    "Senior officials were more open, stating that a deal could come soon.",
    [(
        Indirect,
        "a deal could come soon",
        Some("Senior officials"),
        Participle
    )]
);

// Mixed quotes.
t!(
    mixed_fragment,
    "Putnam called the bill a \"disgrace to the chamber\" on Tuesday.",
    [(
        Mixed,
        "the bill a \"disgrace to the chamber\" on Tuesday",
        Some("Putnam"),
        ReportedClause
    )]
);

// Cue words that are not cues here.
t!(
    capitalised_cue_is_a_name,
    "Officials in the United States welcomed the news.",
    []
);
t!(
    no_cue_no_quote,
    "The river rose two feet overnight and closed the road.",
    []
);
