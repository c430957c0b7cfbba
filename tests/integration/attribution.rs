//! Tests: attribution sieves, one table row per rule and shape.

use quotative::{Parser, PatternKind, PatternSet, QuoteKind, Rule};

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

/// Like `t!`, with belief and stance patterns switched on (as `--with-beliefs` does); the
/// content is given segment by segment.
macro_rules! tb {
    ($name:ident, $text:expr, [$(($kind:ident, [$($seg:expr),*], $speaker:expr, $rule:ident)),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<(QuoteKind, Vec<&str>, Option<&str>, Rule)> =
                vec![$((QuoteKind::$kind, vec![$($seg),*], $speaker, Rule::$rule)),*];
            let patterns = PatternSet::english()
                .to_builder()
                .kind(PatternKind::Belief, true)
                .kind(PatternKind::Stance, true)
                .build()
                .unwrap();
            let parser = Parser::builder().patterns(patterns).build().unwrap();
            let text = $text;
            let article = parser.parse(text);
            let got: Vec<(QuoteKind, Vec<&str>, Option<&str>, Rule)> = article
                .quotes()
                .iter()
                .map(|q| {
                    let segs = q.segments.iter().map(|s| &text[*s]).collect();
                    (q.kind, segs, q.mention.map(|m| &text[m]), q.rule)
                })
                .collect();
            assert_eq!(got, expected, "text: {text}");
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
t!(
    trailing_unmarked_inverted_with_long_apposition,
    "Turnout in the primaries has risen sharply, said Ann Lee, a professor of political science at a small college in Ohio.",
    [(
        Indirect,
        "Turnout in the primaries has risen sharply",
        Some("Ann Lee"),
        TrailingUnmarked
    )]
);
t!(
    trailing_unmarked_over_a_noun_cue_after_and,
    "The mayor drew cheers with long speeches and promises to fix the roads, Dale said.",
    [(
        Indirect,
        "The mayor drew cheers with long speeches and promises to fix the roads",
        Some("Dale"),
        TrailingUnmarked
    )]
);
t!(
    trailing_inverted_clause_after_the_speaker_is_not_apposition,
    "The budget is \"not a plan,\" said Mr. Ross, but he has voted for it twice.",
    [(
        Mixed,
        "The budget is \"not a plan,\"",
        Some("Mr. Ross"),
        TrailingUnmarked
    )]
);
t!(
    participle_modifier_of_the_subject_is_no_cue,
    "Officials briefed on the talks said the deal was close.",
    [(
        Indirect,
        "the deal was close",
        Some("Officials"),
        ReportedClause
    )]
);
t!(
    relative_insert_inside_the_reported_clause,
    "Aides say that the governor, who must decide by Friday, has revealed nothing.",
    [(
        Indirect,
        "the governor, who must decide by Friday, has revealed nothing",
        Some("Aides"),
        ReportedClause
    )]
);
t!(
    called_with_a_name_is_naming,
    "His group, called the River Fund, will keep the land until the loan is paid.",
    []
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

// Quote-framing verbs outside the lexicon.
t!(
    framing_verb_outside_the_lexicon,
    "“Go back to the bus,” Ortiz barked.",
    [(Direct, "Go back to the bus,", Some("Ortiz"), Trailing)]
);

// Unmarked speech over several sentences of a paragraph.
t!(
    unmarked_speech_over_two_sentences,
    "Headline\n\nThe talks failed again. We will try once more in May, she said.",
    [(
        Direct,
        "The talks failed again. We will try once more in May",
        Some("she"),
        TrailingUnmarked
    )]
);

// Relative pronouns stand for their antecedent as the mention written at the cue.
t!(
    relative_pronoun_subject,
    "“Nobody asked us,” said Ann Lee, who said the plan would fail.",
    [
        (Direct, "Nobody asked us,", Some("Ann Lee"), Trailing),
        (Indirect, "the plan would fail", Some("who"), ReportedClause)
    ]
);

/// The seed article's attributions (issue 8's table): content start, mention as written
/// (apposition included), cue.
#[test]
fn seed_article_attributions() {
    let Some(text) = crate::shared::read("seeds/russia_reset_article.txt") else {
        return;
    };
    let text = text.as_str();
    let article = Parser::new().parse(text);
    let found: Vec<(&str, &str, &str, QuoteKind)> = article
        .quotes()
        .iter()
        .map(|q| {
            (
                &text[q.content],
                q.source.map_or("", |s| &text[s]),
                q.cue.map_or("", |c| &text[c]),
                q.kind,
            )
        })
        .collect();
    let expect: &[(&str, &str, &str, Option<QuoteKind>)] = &[
        (
            "No immediate plans exist",
            "the Kremlin",
            "according to",
            None,
        ),
        (
            "the country we are discussing is hostile",
            "Dmitry Peskov",
            "reminded",
            None,
        ),
        (
            "the predicted victory of Trump",
            "Other senior Russian officials",
            "stating",
            None,
        ),
        (
            "he is unaware of the president's plans",
            "Kremlin Press Secretary Dmitry Peskov",
            "stated",
            None,
        ),
        (
            "we are discussing an unfriendly country",
            "He",
            "reminded",
            None,
        ),
        (
            "The U.S. administration is currently at odds",
            "he",
            "said",
            Some(QuoteKind::Direct),
        ),
        ("he preferred Joe Biden", "Putin", "stated", None),
        (
            "Biden as an \"old-school politician\"",
            "Putin",
            "characterized",
            Some(QuoteKind::Mixed),
        ),
        (
            "Russia had never had any special ties",
            "Putin",
            "stating",
            None,
        ),
        (
            "Trump's election win could lead to a reset",
            "Russian officials",
            "expressed hope",
            None,
        ),
        (
            "Trump is likely to reduce military funding",
            "Dmitry Medvedev",
            "stated",
            None,
        ),
        (
            "As a businessman, Trump detests",
            "Medvedev",
            "wrote",
            Some(QuoteKind::Direct),
        ),
        (
            "The issue is how much they will compel Trump",
            "Medvedev",
            "wrote",
            Some(QuoteKind::Direct),
        ),
        (
            "The system is stronger than his stubbornness",
            "Medvedev",
            "as noted by",
            None,
        ),
        ("the convincing victory", "Dmitriev", "stated", None),
        (
            "Russia-U.S. relations could improve under Trump",
            "A lawmaker from the ruling United Russia party",
            "expressed hope",
            None,
        ),
    ];
    for &(content, speaker, cue, kind) in expect {
        let hit = found.iter().find(|(c, s, k, q)| {
            c.starts_with(content)
                && s.starts_with(speaker)
                && *k == cue
                && kind.map_or(true, |kind| kind == *q)
        });
        assert!(
            hit.is_some(),
            "missing ({content:?}, {speaker:?}, {cue:?}) in {found:#?}"
        );
    }
    // "reset" is a scare quote, never a direct quote of anyone.
    assert!(!found
        .iter()
        .any(|(c, _, _, k)| *k == QuoteKind::Direct && c.trim() == "reset"));
    // The old-school fragment is not a stand-alone direct quote.
    assert!(!found
        .iter()
        .any(|(c, _, _, k)| *k == QuoteKind::Direct && c.starts_with("old-school")));
}

// Parenthetical attributions report the clause around them.
t!(
    parenthetical_after_a_clause,
    "There is a real risk, some economists said, that prices rise again.",
    [(
        Indirect,
        // Two segments: `There is a real risk` and `prices rise again`.
        "There is a real risk, some economists said, that prices rise again",
        Some("some economists"),
        TrailingUnmarked
    )]
);
t!(
    parenthetical_after_an_adjunct,
    "In the early 1990s, Ms. Ortega said, the mill employed half the town.",
    [(
        Indirect,
        // Two segments: `In the early 1990s` and `the mill employed half the town`.
        "In the early 1990s, Ms. Ortega said, the mill employed half the town",
        Some("Ms. Ortega"),
        TrailingUnmarked
    )]
);

// A quoted title after an attribution is not the second part of a split quote.
t!(
    title_after_attribution_is_not_a_split,
    "“The plan is sound,” said Ana Ruiz, author of “Harbour Towns,” a local history.",
    [(Direct, "The plan is sound,", Some("Ana Ruiz"), Trailing)]
);

// Name particles stay inside the name.
t!(
    particles_inside_names,
    "“We will see,” said Sophie in den Bosch.",
    [(
        Direct,
        "We will see,",
        Some("Sophie in den Bosch"),
        Trailing
    )]
);
t!(
    subject_with_modifier,
    "A county official familiar with the audit said that the ballots were counted twice.",
    [(
        Indirect,
        "the ballots were counted twice",
        Some("A county official familiar with the audit"),
        ReportedClause
    )]
);
t!(
    subject_with_relative_clause,
    "Teachers who marched with the union say the new schedule is unworkable.",
    [(
        Indirect,
        "the new schedule is unworkable",
        Some("Teachers"),
        ReportedClause
    )]
);
t!(
    subject_with_time_adjunct,
    "Mayor Ann Lee on Friday said the bridge would reopen.",
    [(
        Indirect,
        "the bridge would reopen",
        Some("Mayor Ann Lee"),
        ReportedClause
    )]
);
t!(
    participle_after_noun_is_no_verb,
    "The ads from the campaign denouncing the plan ran all week.",
    []
);
t!(
    content_inside_opening_subordinate_clause,
    "While the firm said its books were clean, auditors found gaps in the ledger.",
    [(
        Indirect,
        "its books were clean",
        Some("the firm"),
        ReportedClause
    )]
);

/// The segments of the only quote in `text`, as text.
fn segments_of(text: &str) -> Vec<&str> {
    let article = quotative::Parser::new().parse(text);
    assert_eq!(article.quotes().len(), 1, "{:?}", article.quotes());
    article.quotes()[0]
        .segments
        .iter()
        .map(|&s| &text[s])
        .collect()
}

#[test]
fn parenthetical_attribution_keeps_the_opening_words() {
    let text = "Back then, the mayor said, the river flooded every spring.";
    assert_eq!(
        segments_of(text),
        ["Back then", "the river flooded every spring"]
    );
}

#[test]
fn parenthetical_attribution_drops_that() {
    let text = "There is a real risk, some economists said, that prices rise again.";
    assert_eq!(
        segments_of(text),
        ["There is a real risk", "prices rise again"]
    );
}

#[test]
fn parenthetical_attribution_keeps_what_follows_a_clause() {
    let text = "The plan was doomed, the engineer said, so the city dropped it.";
    assert_eq!(
        segments_of(text),
        ["The plan was doomed", "the city dropped it"]
    );
}
t!(
    asked_question_without_asker,
    "Asked whether he would run again, the senator smiled.",
    [(Indirect, "whether he would run again", None, Question)]
);
t!(
    passive_asked_question,
    "When the mayor was asked if the budget would pass, she said nothing.",
    [(Indirect, "if the budget would pass", None, Question)]
);
t!(
    dashes_set_off_an_insert_in_content,
    "The coach said the team - young and untested - would surprise people.",
    [(
        Indirect,
        "the team - young and untested - would surprise people",
        Some("The coach"),
        ReportedClause
    )]
);

#[test]
fn according_to_in_mid_sentence_keeps_both_sides() {
    let text = "By March, according to new filings, the fund had spent $2 million.";
    assert_eq!(
        segments_of(text),
        ["By March", "the fund had spent $2 million"]
    );
}

#[test]
fn according_to_with_an_apposition() {
    let text = "Turnout fell sharply, according to Ann Lee, a pollster who ran the survey.";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(&text[q.content], "Turnout fell sharply");
    assert_eq!(
        q.source.map(|s| &text[s]),
        Some("Ann Lee, a pollster who ran the survey")
    );
}

#[test]
fn according_to_with_its_source_lost() {
    let text = "The fund spent $2 million on ads, according to.";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(&text[q.content], "The fund spent $2 million on ads");
    assert_eq!(q.mention, None);
}
t!(
    bare_relative_pronoun_speaker,
    "The plan drew fire from teachers who say the schedule is unworkable.",
    [(
        Indirect,
        "the schedule is unworkable",
        Some("who"),
        ReportedClause
    )]
);
t!(
    relative_clause_inside_the_subject,
    "The aide who wrote the speech says the senator will not run.",
    [(
        Indirect,
        "the senator will not run",
        Some("The aide"),
        ReportedClause
    )]
);
t!(
    quantified_relative_pronoun_speaker,
    "The plan angered the families, many of whom say the payments are too small.",
    [(
        Indirect,
        "the payments are too small",
        Some("many of whom"),
        ReportedClause
    )]
);
t!(
    spoke_without_topic_reports_nothing,
    "As the mayor spoke, the crowd grew restless.",
    []
);
#[test]
fn spoke_about_a_topic_with_stance_patterns() {
    let text = "The mayor spoke about the cost of the new bridge.";
    // A topic verb: nothing by default, the topic with stance patterns on.
    assert!(quotative::Parser::new().parse(text).quotes().is_empty());
    let patterns = quotative::PatternSet::english()
        .to_builder()
        .kind(quotative::PatternKind::Stance, true)
        .build()
        .unwrap();
    let parser = quotative::Parser::builder()
        .patterns(patterns)
        .build()
        .unwrap();
    let article = parser.parse(text);
    let q = &article.quotes()[0];
    assert_eq!(&text[q.content], "the cost of the new bridge");
    assert_eq!(q.mention.map(|m| &text[m]), Some("The mayor"));
}
t!(
    maintain_with_an_object_is_no_speech,
    "The firm maintains close ties with the ministry.",
    []
);
t!(
    negated_auxiliary_is_not_the_speaker,
    "They didn't say the vote would be delayed.",
    [(
        Indirect,
        "the vote would be delayed",
        Some("They"),
        ReportedClause
    )]
);
t!(
    possessive_claim_that,
    "Reporters checked the mayor's claim that crime fell by half.",
    [(
        Indirect,
        "crime fell by half",
        Some("the mayor's"),
        ReportedClause
    )]
);
t!(
    possessive_noun_without_clause,
    "The mayor's claim drew scorn.",
    []
);
t!(
    subject_with_insert_between_dashes,
    "Ann Lee — after a long pause — told me she would not run.",
    [(
        Indirect,
        "she would not run",
        Some("Ann Lee"),
        ReportedClause
    )]
);
t!(
    that_after_a_long_adjunct,
    "Ms. Lee said Thursday during a town hall meeting in Buffalo, New York, that the state is wrong.",
    [(Indirect, "the state is wrong", Some("Ms. Lee"), ReportedClause)]
);
t!(
    directive_keeps_its_hearer,
    "The mayor urged the council to delay the vote.",
    [(
        Indirect,
        "the council to delay the vote",
        Some("The mayor"),
        ReportedClause
    )]
);
t!(
    infinitive_after_a_verb_of_the_subject,
    "The senator went on to explain that the bill had no funding.",
    [(
        Indirect,
        "the bill had no funding",
        Some("The senator"),
        ReportedClause
    )]
);
t!(
    number_closing_the_subject,
    "Majorities in all five say they want a recount.",
    [(
        Indirect,
        "they want a recount",
        Some("Majorities"),
        ReportedClause
    )]
);
t!(
    floating_quantifier_before_the_cue,
    "The two mayors all said the bridge must close.",
    [(
        Indirect,
        "the bridge must close",
        Some("The two mayors"),
        ReportedClause
    )]
);
t!(
    participle_after_with,
    "Markets rose, with analysts saying the rate cut would come soon.",
    [(
        Indirect,
        "the rate cut would come soon",
        Some("analysts"),
        Participle
    )]
);
t!(
    modified_subject_with_an_apposition,
    "Teachers in the district, most of them union members, argue that the plan is unfair.",
    [(
        Indirect,
        "the plan is unfair",
        Some("Teachers in the district"),
        ReportedClause
    )]
);
t!(
    demonstrative_opens_the_content,
    "Others say this is just a rough patch.",
    [(
        Indirect,
        "this is just a rough patch",
        Some("Others"),
        ReportedClause
    )]
);
t!(
    approximator_before_the_subject,
    "About half of voters say they prefer an outsider.",
    [(
        Indirect,
        "they prefer an outsider",
        Some("About half of voters"),
        ReportedClause
    )]
);
t!(
    focus_word_before_the_subject,
    "Even a top strategist said the race is over.",
    [(
        Indirect,
        "the race is over",
        Some("a top strategist"),
        ReportedClause
    )]
);
t!(
    percent_subject,
    "42% say they're liberal.",
    [(Indirect, "they're liberal", Some("42%"), ReportedClause)]
);

#[test]
fn trailing_said_with_its_speaker_lost() {
    let text = "Its first television ad could start this week, said.";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(
        &text[q.content],
        "Its first television ad could start this week"
    );
    assert_eq!(q.mention, None);
}
t!(
    and_that_joins_two_clauses,
    "She added that the race was close, and that turnout would decide it.",
    [(
        Indirect,
        "the race was close, and that turnout would decide it",
        Some("She"),
        ReportedClause
    )]
);
t!(
    second_verb_of_the_reported_subject,
    "Police say he posed a threat and refused to drop the gun.",
    [(
        Indirect,
        "he posed a threat and refused to drop the gun",
        Some("Police"),
        ReportedClause
    )]
);
t!(
    prepositional_phrase_is_no_content,
    "The investor wrote with some urgency during the sell-off.",
    []
);

#[test]
fn relative_pronoun_object_is_a_segment() {
    let text = "He bought the mine, which Mr. Clarke says he will keep open.";
    assert_eq!(segments_of(text), ["which", "he will keep open"]);
}

#[test]
fn time_adjunct_after_the_subject_is_no_part_of_the_speaker() {
    let text = "Mayor Ann Lee on Friday said the bridge would reopen.";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(q.source.map(|s| &text[s]), Some("Mayor Ann Lee"));
}
t!(
    apposition_with_a_quoted_title,
    "Ann Lee, the author of \"Going Viral,\" said the old media are gone.",
    [(
        Indirect,
        "the old media are gone",
        Some("Ann Lee"),
        ReportedClause
    )]
);

#[test]
fn topic_before_a_parenthetical_speaker_is_a_segment() {
    let text = "As for the budget, she said, \"We will find the money.\"";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(q.kind, QuoteKind::Mixed);
    let segments: Vec<&str> = q.segments.iter().map(|&s| &text[s]).collect();
    assert_eq!(segments, ["As for the budget", "We will find the money."]);
}
t!(
    title_noun_before_a_named_subject,
    "City spokesman the Rev. John Doe told reporters that the fair will go on.",
    [(
        Indirect,
        "the fair will go on",
        Some("City spokesman the Rev. John Doe"),
        ReportedClause
    )]
);
t!(
    at_least_before_the_subject,
    "But at least a dozen members told the paper that the bill would pass.",
    [(
        Indirect,
        "the bill would pass",
        Some("at least a dozen members"),
        ReportedClause
    )]
);
t!(
    second_verb_after_an_auxiliary,
    "The firm bought the plant, but has denied it broke any rules.",
    [(
        Indirect,
        "it broke any rules",
        Some("The firm"),
        ReportedClause
    )]
);
t!(
    time_adjunct_before_the_subject,
    "Although in September she said the plan was sound, it failed.",
    [(Indirect, "the plan was sound", Some("she"), ReportedClause)]
);
t!(
    focus_word_before_a_modified_subject,
    "Even voters who backed the mayor warned on Tuesday that the party may split.",
    [(
        Indirect,
        "the party may split",
        Some("voters"),
        ReportedClause
    )]
);
t!(
    capitalised_pronoun_is_no_noun,
    "He cited calls from listeners for a recount.",
    []
);
t!(
    proportion_subject,
    "Six in 10 say he is at least somewhat decisive.",
    [(
        Indirect,
        "he is at least somewhat decisive",
        Some("Six in 10"),
        ReportedClause
    )]
);

#[test]
fn participle_subject_stops_at_the_verb_phrase() {
    let text = "Republicans privately defend their strategy, insisting they had no choice.";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(&text[q.content], "they had no choice");
    assert_eq!(q.mention.map(|m| &text[m]), Some("Republicans"));
}
t!(
    participle_with_only_a_prepositional_phrase,
    "The senator won the primary, adding to her run of victories.",
    []
);
t!(
    and_adverb_before_a_second_cue,
    "The mayor held a news conference, repeating the figures and pointedly saying the city was broke.",
    [
        (Indirect, "the figures", Some("The mayor"), Participle),
        (
            Indirect,
            "the city was broke",
            Some("The mayor"),
            Participle
        )
    ]
);
t!(
    evaluative_verb_with_a_bare_object_reports_nothing,
    "The senator criticized the mayor during a rally on Friday.",
    []
);
t!(
    evaluative_verb_with_a_reason_reports_it,
    "The senator praised the mayor for cutting taxes twice.",
    [(
        Indirect,
        "the mayor for cutting taxes twice",
        Some("The senator"),
        ReportedClause
    )]
);
t!(
    evaluative_verb_with_a_that_clause_reports_it,
    "The senator boasted that the bill would pass.",
    [(
        Indirect,
        "the bill would pass",
        Some("The senator"),
        ReportedClause
    )]
);
t!(
    adverb_now_between_subject_and_verb,
    "Officials now say the bridge will reopen in May.",
    [(
        Indirect,
        "the bridge will reopen in May",
        Some("Officials"),
        ReportedClause
    )]
);
t!(
    share_after_a_comparative_as_subject,
    "More than half said the bridge should stay closed.",
    [(
        Indirect,
        "the bridge should stay closed",
        Some("More than half"),
        ReportedClause
    )]
);
t!(
    focus_word_before_an_appositive_subject,
    "Even Dale, a longtime ally, said the plan will fail.",
    [(Indirect, "the plan will fail", Some("Dale"), ReportedClause)]
);
t!(
    participle_modifier_of_a_subject,
    "Residents opposing the plan said the road was too narrow.",
    [(
        Indirect,
        "the road was too narrow",
        Some("Residents"),
        ReportedClause
    )]
);
t!(
    participle_insert_inside_the_reported_clause,
    "The bureau says renters, numbering 40 million, outpaced owners last year.",
    [(
        Indirect,
        "renters, numbering 40 million, outpaced owners last year",
        Some("The bureau"),
        ReportedClause
    )]
);
t!(
    headline_attributes,
    "Lee says bridge will reopen in May\n\nThe bridge closed last year. \"We are ready,\" the mayor said.",
    [
        (
            Indirect,
            "bridge will reopen in May",
            Some("Lee"),
            ReportedClause
        ),
        (Direct, "We are ready,", Some("the mayor"), Trailing)
    ]
);
t!(
    title_case_headline_attributes,
    "Mayor Lee Says The Bridge Will Reopen In May\n\nThe bridge closed last year.",
    [(
        Indirect,
        "The Bridge Will Reopen In May",
        Some("Mayor Lee"),
        ReportedClause
    )]
);
t!(
    capitalised_cue_inside_a_body_sentence_is_a_name,
    "The team met the Daily Post reporters on Monday.",
    []
);
t!(
    no_body_quote_continues_the_headline,
    "Okafor: 'Never count us out'\n\nThe senator spoke on Monday. \"It is late.\"",
    [(Direct, "Never count us out", Some("Okafor"), Leading)]
);
t!(
    parenthetical_attribution_with_an_adjunct_keeps_a_fronted_word,
    "Still, she said in an interview, the vote will be close.",
    [(
        Indirect,
        "Still, she said in an interview, the vote will be close",
        Some("she"),
        TrailingUnmarked
    )]
);
t!(
    linking_conjunction_is_no_part_of_what_was_said,
    "But the vote will be close, aides said.",
    [(
        Indirect,
        "the vote will be close",
        Some("aides"),
        TrailingUnmarked
    )]
);
t!(
    trailing_according_to_with_a_cue_inside_its_source,
    "Turnout was highest among young voters, according to exit polls reported by two networks.",
    [(
        Indirect,
        "Turnout was highest among young voters",
        Some("exit polls reported by two networks"),
        AccordingTo
    )]
);
t!(
    time_adjunct_after_the_cue_is_no_part_of_the_content,
    "The official said Thursday the bridge would reopen.",
    [(
        Indirect,
        "the bridge would reopen",
        Some("The official"),
        ReportedClause
    )]
);
t!(
    apposition_insert_inside_the_reported_clause,
    "Lee said the driver, a veteran, was not hurt.",
    [(
        Indirect,
        "the driver, a veteran, was not hurt",
        Some("Lee"),
        ReportedClause
    )]
);
t!(
    passive_with_an_agent,
    "The merger was first reported by the Tribune.",
    [(Indirect, "The merger", Some("the Tribune"), Passive)]
);
t!(
    passive_without_an_agent_reports_nothing,
    "The merger was announced last week.",
    []
);
t!(
    passive_hearer_reports_the_clause,
    "I was told that the seats were full.",
    [(Indirect, "the seats were full", None, Raising)]
);
t!(
    purpose_infinitive_of_saying,
    "The mayor went on television to say the city was broke.",
    [(
        Indirect,
        "the city was broke",
        Some("The mayor"),
        Participle
    )]
);
t!(
    infinitive_after_an_extraposed_it_is_no_purpose,
    "It is too early to say whether the plan will work.",
    []
);
t!(
    adverb_between_after_and_the_participle,
    "The mayor changed course after initially saying the plan would work.",
    [(
        Indirect,
        "the plan would work",
        Some("The mayor"),
        Participle
    )]
);
t!(
    prepositional_phrase_before_a_trailing_cue_says_nothing,
    "Through an aide, the mayor declined to comment.",
    []
);
t!(
    a_subject_pronoun_after_a_hearer_verb_opens_the_clause,
    "The mayor warned he would veto the budget.",
    [(
        Indirect,
        "he would veto the budget",
        Some("The mayor"),
        ReportedClause
    )]
);
t!(
    transcript_labels,
    "Q: How did the vote go for you?\n\nA: No one checked up on us.\n\nHOST: Do you think so, Mrs. Okafor?\n\nOKAFOR: I think we will win, and the mayor said so.\n\nHOST: Thank you.",
    [
        (Indirect, "How did the vote go for you", Some("Q"), Leading),
        (Indirect, "No one checked up on us", Some("A"), Leading),
        (Indirect, "Do you think so, Mrs. Okafor", Some("HOST"), Leading),
        (
            Indirect,
            "I think we will win, and the mayor said so",
            Some("OKAFOR"),
            Leading
        ),
        (Indirect, "Thank you", Some("HOST"), Leading)
    ]
);
t!(
    a_source_kind_as_a_kicker,
    "Poll: The mayor leads in all three districts\n\nThe race is close.",
    [(
        Indirect,
        "The mayor leads in all three districts",
        Some("Poll"),
        Leading
    )]
);
t!(
    page_labels_and_kickers_are_no_speakers,
    "UPDATE: The vote was moved.\n\nBombshell: The vote was moved again.\n\nWOW: The vote was moved again.\n\nOhio: The vote was moved in Ohio.",
    []
);
t!(
    a_name_kicker_that_the_article_names_again,
    "Okafor: Harbour Wall Will Hold\n\nMayor Ann Okafor spoke to the council on Monday.",
    [(Indirect, "Harbour Wall Will Hold", Some("Okafor"), Leading)]
);
t!(
    a_kicker_the_article_never_names_again_is_no_speaker,
    "Windfall: Harbour Wall Will Hold\n\nMayor Ann Okafor spoke to the council on Monday.",
    []
);
tb!(
    a_study_by_a_group_finds,
    "A review by the harbour council found the wall would hold for a decade.",
    [(
        Indirect,
        ["the wall would hold for a decade"],
        Some("A review by the harbour council"),
        ReportedClause
    )]
);
tb!(
    a_demonstrative_that_is_the_clause_subject,
    "I think that is the right plan for the harbour.",
    [(
        Indirect,
        ["that is the right plan for the harbour"],
        Some("I"),
        ReportedClause
    )]
);
t!(
    a_proportion_as_subject,
    "Three in four say the ferry should run at night.",
    [(
        Indirect,
        "the ferry should run at night",
        Some("Three in four"),
        ReportedClause
    )]
);
t!(
    a_trailing_source_after_an_infinitive_verb_attributes_the_clause,
    "The agency hired a firm to draft the harbour plan, according to two officials.",
    [(
        Indirect,
        "The agency hired a firm to draft the harbour plan",
        Some("two officials"),
        AccordingTo
    )]
);
t!(
    a_relative_clause_after_a_trailing_source_describes_it,
    "The ferry ran late all week, according to the harbour trust, which runs the ferries.",
    [(
        Indirect,
        "The ferry ran late all week",
        Some("the harbour trust"),
        AccordingTo
    )]
);
tb!(
    speaking_to_reporters_says_nothing,
    "The mayor left the hall early, speaking to reporters at the gate.",
    []
);
tb!(
    feel_reports_a_view_only_with_a_clause,
    "The mayor felt tired after the vote. The mayor felt the levy was fair.",
    [(
        Indirect,
        ["the levy was fair"],
        Some("The mayor"),
        ReportedClause
    )]
);
t!(
    a_long_lower_case_subject_with_a_post_modifier,
    "A U.S. port safety official from the inquiry team said that the delay would be costly.",
    [(
        Indirect,
        "the delay would be costly",
        Some("A U.S. port safety official from the inquiry team"),
        ReportedClause
    )]
);
tb!(
    an_inverted_parenthetical_inside_the_clause,
    "The view from the new pier, said Okafor, would be better by spring.",
    [(
        Indirect,
        ["The view from the new pier", "would be better by spring"],
        Some("Okafor"),
        TrailingUnmarked
    )]
);
tb!(
    a_parenthetical_tail_that_opens_with_a_participle,
    "At the docks, trade is slowing, pilots say, costing the town its summer trade.",
    [(
        Indirect,
        [
            "At the docks, trade is slowing",
            "costing the town its summer trade"
        ],
        Some("pilots"),
        TrailingUnmarked
    )]
);
tb!(
    a_belief_verb_in_a_bound_relative_clause,
    "The plan angered voters who thought the fees were too high.",
    [(
        Indirect,
        ["the fees were too high"],
        Some("who"),
        ReportedClause
    )]
);
t!(
    a_second_verb_of_the_subject_ends_an_object,
    "The mayor urged the council to act and left the hall early.",
    [(
        Indirect,
        "the council to act",
        Some("The mayor"),
        ReportedClause
    )]
);
t!(
    a_second_verb_after_and_in_a_reported_clause_stays,
    "Lee said the wind and unsettled seas would delay the ferry.",
    [(
        Indirect,
        "the wind and unsettled seas would delay the ferry",
        Some("Lee"),
        ReportedClause
    )]
);
tb!(
    a_medium_after_an_object_is_no_part_of_it,
    "The mayor defended the harbour levy in an interview with the Herald.",
    [(
        Indirect,
        ["the harbour levy"],
        Some("The mayor"),
        ReportedClause
    )]
);
t!(
    a_that_after_a_later_cue_is_that_cues_own,
    "The union is urging Ann Lee to sack an aide who argued that the port should close.",
    [(
        Indirect,
        "Ann Lee to sack an aide who argued that the port should close",
        Some("The union"),
        ReportedClause
    )]
);
t!(
    soon_between_subject_and_cue,
    "The auditors soon warned that the port had been overcharged.",
    [(
        Indirect,
        "the port had been overcharged",
        Some("The auditors"),
        ReportedClause
    )]
);
t!(
    a_one_word_answer_no_is_not_a_number_abbreviation,
    "The mayor said no. The levy is No. 1 on the list, aides said.",
    [
        (Indirect, "no", Some("The mayor"), ReportedClause),
        (
            Indirect,
            "The levy is No. 1 on the list",
            Some("aides"),
            TrailingUnmarked
        )
    ]
);
t!(
    a_participle_of_saying_after_a_medium_is_the_speakers,
    "The mayor sent a letter saying the port would stay open.",
    [(
        Indirect,
        "the port would stay open",
        Some("The mayor"),
        Participle
    )]
);
t!(
    a_statement_saying_that_belongs_to_the_cue,
    "The council issued a statement saying that the port would stay open.",
    [(
        Indirect,
        "the port would stay open",
        Some("The council"),
        ReportedClause
    )]
);
tb!(
    stance_verbs_of_this_release,
    "The mayor commented on the harbour levy. The council offered a compromise on the levy. The union filed a complaint against the port.",
    [
        (
            Indirect,
            ["the harbour levy"],
            Some("The mayor"),
            ReportedClause
        ),
        (
            Indirect,
            ["a compromise on the levy"],
            Some("The council"),
            ReportedClause
        ),
        (
            Indirect,
            ["a complaint against the port"],
            Some("The union"),
            ReportedClause
        )
    ]
);
tb!(
    a_bare_cue_form_after_a_determiner_and_an_adjective_is_a_noun,
    "Her firm plan for the docks helped. Backers of the levy hope the port will grow.",
    [(
        Indirect,
        ["the port will grow"],
        Some("Backers of the levy"),
        ReportedClause
    )]
);
t!(
    a_plural_cue_form_heads_a_trailing_subject,
    "Most of the levy arrived in May, new reports said.",
    [(
        Indirect,
        "Most of the levy arrived in May",
        Some("new reports"),
        TrailingUnmarked
    )]
);
t!(
    a_subject_after_why_or_how,
    "That is why the pilots say the channel is too shallow.",
    [(
        Indirect,
        "the channel is too shallow",
        Some("the pilots"),
        ReportedClause
    )]
);
t!(
    a_one_word_name_or_pronoun_is_what_was_said_about,
    "The mayor mentioned Okafor. Nonetheless, the mayor said. The mayor mentioned her.",
    [
        (Indirect, "Okafor", Some("The mayor"), ReportedClause),
        (Indirect, "her", Some("The mayor"), ReportedClause)
    ]
);
t!(
    a_lone_quantifier_is_a_subject,
    "Most said the ferry was late. Most forecast models show a storm.",
    [(Indirect, "the ferry was late", Some("Most"), ReportedClause)]
);
tb!(
    what_was_responded_to_is_the_topic_with_stance_on,
    "The port authority did not respond to a request for comment.",
    [(
        Indirect,
        ["a request for comment"],
        Some("The port authority"),
        ReportedClause
    )]
);
tb!(
    what_was_declined_is_the_content_with_stance_on,
    "The mayor declined to comment on the levy.",
    [(
        Indirect,
        ["to comment on the levy"],
        Some("The mayor"),
        ReportedClause
    )]
);
t!(
    a_sentence_opening_that_before_a_parenthetical_is_a_pronoun,
    "That, the pilots say, will be easier at high tide. Aides insist that, with the vote over, the port is safe.",
    [
        (
            Indirect,
            "That, the pilots say, will be easier at high tide",
            Some("the pilots"),
            TrailingUnmarked
        ),
        (
            Indirect,
            "with the vote over, the port is safe",
            Some("Aides"),
            ReportedClause
        )
    ]
);
tb!(
    an_appeal_to_a_hearer_after_with,
    "The mayor pleaded with them to reject the levy.",
    [(
        Indirect,
        ["them to reject the levy"],
        Some("The mayor"),
        ReportedClause
    )]
);
tb!(
    see_reports_a_view_with_a_that_clause,
    "Dockers saw that the levy could pass. Dockers saw a rally.",
    [(
        Indirect,
        ["the levy could pass"],
        Some("Dockers"),
        ReportedClause
    )]
);
t!(
    a_when_clause_with_its_own_attribution_ends_the_content,
    "Okafor said the port would close when the mayor said fees would rise.",
    [
        (
            Indirect,
            "the port would close",
            Some("Okafor"),
            ReportedClause
        ),
        (
            Indirect,
            "fees would rise",
            Some("the mayor"),
            ReportedClause
        )
    ]
);
t!(
    a_share_of_a_group_named_by_a_pronoun,
    "Most of us say the port is safe.",
    [(
        Indirect,
        "the port is safe",
        Some("Most of us"),
        ReportedClause
    )]
);
t!(
    a_share_in_figures_in_an_apposition,
    "A third of the pilots, 33%, say the channel is too shallow.",
    [(
        Indirect,
        "the channel is too shallow",
        Some("A third of the pilots"),
        ReportedClause
    )]
);
tb!(
    a_hedged_figure_as_subject,
    "Only about 4 in 10 pilots want the channel to be dredged.",
    [(
        Indirect,
        ["the channel to be dredged"],
        Some("Only about 4 in 10 pilots"),
        ReportedClause
    )]
);
t!(
    two_plural_groups_as_one_subject,
    "Small farmers and local traders say the new road has not helped them.",
    [(
        Indirect,
        "the new road has not helped them",
        Some("Small farmers and local traders"),
        ReportedClause
    )]
);
t!(
    a_title_with_its_author_is_no_quote,
    "Some news today. \"A sketch artist gets a gallery show at last in Brooklyn,\" by Ann Lee of the Herald.",
    []
);
t!(
    a_quotation_standing_alone_without_author_stays_unattributed,
    "Some news today. \"A sketch artist gets a gallery show at last in Brooklyn,\" from Ann Lee of the Herald.",
    [(
        Direct,
        "A sketch artist gets a gallery show at last in Brooklyn,",
        None,
        Unattributed
    )]
);
t!(
    one_word_answer,
    "Asked if the plan was legal, 46 percent of voters said yes.",
    [
        (Indirect, "if the plan was legal", None, Question),
        (
            Indirect,
            "yes",
            Some("46 percent of voters"),
            ReportedClause
        )
    ]
);

#[test]
fn colon_at_the_end_of_a_paragraph_introduces_the_next_quotation() {
    let text = "Clinic groups reacted fast.\n\n\
                The group's president, Ann Lee, said:\n\n\
                \"The comments were outrageous. We will fight back.\"";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.rule, Rule::Leading);
    assert_eq!(q.mention.map(|m| &text[m]), Some("The group's president"));
    assert_eq!(q.cue.map(|c| &text[c]), Some("said"));
}

#[test]
fn colon_without_a_cue_introduces_the_next_quotation() {
    let text = "Clinic groups reacted fast.\n\n\
                Ann Lee put her view this way:\n\n\
                \"The comments were outrageous. We will fight back.\"";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(q.rule, Rule::Leading);
    assert_eq!(q.mention.map(|m| &text[m]), Some("Ann Lee"));
    assert_eq!(q.cue.map(|c| &text[c]), Some(":"));
}
t!(
    leading_framing_verb_the_lexicon_lacks,
    "Strada spoke first. She continued, \"All we ask for is a chance to be heard.\"",
    [(
        Direct,
        "All we ask for is a chance to be heard.",
        Some("She"),
        Leading
    )]
);

#[test]
fn relative_pronoun_object_of_a_mixed_quote_is_a_segment() {
    let text = "She used a private server, which the inquiry said was \"extremely careless.\"";
    let article = quotative::Parser::new().parse(text);
    let q = &article.quotes()[0];
    assert_eq!(q.kind, QuoteKind::Mixed);
    let segments: Vec<&str> = q.segments.iter().map(|&s| &text[s]).collect();
    assert_eq!(segments, ["which", "was \"extremely careless.\""]);
}
t!(
    asked_by_a_named_asker,
    "Asked by a reporter whether he would run, the senator smiled.",
    [(
        Indirect,
        "whether he would run",
        Some("a reporter"),
        Question
    )]
);

// Belief and stance patterns switched on: raising verbs, an impression with no named source.
tb!(
    raising_appears_to,
    "The new plan appears to favour the larger towns.",
    [(
        Indirect,
        ["The new plan", "to favour the larger towns"],
        None,
        Raising
    )]
);
tb!(
    raising_seemed_with_adjective_after_a_clause_opener,
    "Just when the council's concern over costs seemed settled, a new bill arrived.",
    [(
        Indirect,
        ["the council's concern over costs", "settled"],
        None,
        Raising
    )]
);
tb!(
    raising_passive_expected,
    "The committee is widely expected to approve the budget on Friday.",
    [(
        Indirect,
        ["The committee", "to approve the budget on Friday"],
        None,
        Raising
    )]
);
tb!(
    raising_extraposed_it,
    "It appears that the vote will be delayed.",
    [(Indirect, ["the vote will be delayed"], None, Raising)]
);
tb!(
    appear_as_a_verb_of_place_is_no_cue,
    "The mayor appeared in court on Monday.",
    []
);
tb!(
    citing_after_a_clause_without_speech_names_what_the_subject_cited,
    "The mayor defended the budget, citing figures from the treasury.",
    [
        (Indirect, ["the budget"], Some("The mayor"), ReportedClause),
        (
            Indirect,
            ["figures from the treasury"],
            Some("The mayor"),
            Participle
        )
    ]
);
tb!(
    evaluative_verb_with_a_bare_object_is_a_stance_when_stance_is_on,
    "The senator criticized the mayor's budget.",
    [(
        Indirect,
        ["the mayor's budget"],
        Some("The senator"),
        ReportedClause
    )]
);
tb!(
    a_view_of_something_as_something,
    "Democrats see the senator as a threat to the bill.",
    [(
        Indirect,
        ["the senator as a threat to the bill"],
        Some("Democrats"),
        ReportedClause
    )]
);
tb!(
    seeing_without_as_is_no_view,
    "Voters saw a rally in the park.",
    []
);
tb!(
    hearsay_adverb_with_a_coordinated_subject,
    "Both the city and the county have reportedly dropped the plan.",
    [(
        Indirect,
        ["Both the city and the county", "dropped the plan"],
        None,
        Raising
    )]
);
tb!(
    a_finding_reports_a_clause_with_a_pronoun_subject,
    "Exit polling shows he won most voters under 30.",
    [(
        Indirect,
        ["he won most voters under 30"],
        Some("Exit polling"),
        ReportedClause
    )]
);
tb!(
    a_finding_with_a_participle_clause,
    "Public polls show the senator leading slightly in Ohio.",
    [(
        Indirect,
        ["the senator leading slightly in Ohio"],
        Some("Public polls"),
        ReportedClause
    )]
);
tb!(
    a_bare_cue_before_among_or_for_is_a_noun,
    "Okafor won wide support among the pilots. Winning broad support for a levy takes years. \
     Okafor has more support than Lee. Most pilots support the levy.",
    [(Indirect, ["the levy"], Some("Most pilots"), ReportedClause)]
);
tb!(
    a_passive_with_its_preposition_says_what_the_subject_is_held_to,
    "Lee was accused of hiding the harbour report. The port is well known for its \
     lighthouse. The pier was built in 1890.",
    [
        (
            Indirect,
            ["Lee", "hiding the harbour report"],
            None,
            Raising
        ),
        (Indirect, ["The port", "its lighthouse"], None, Raising)
    ]
);
tb!(
    a_bare_collective_noun_after_but_is_a_subject,
    "But staff believe that the harbour wall could fail.",
    [(
        Indirect,
        ["the harbour wall could fail"],
        Some("staff"),
        ReportedClause
    )]
);
tb!(
    a_participle_with_a_time_modifies_the_subject,
    "A report released last year estimated that 4,000 boats used the port.",
    [(
        Indirect,
        ["4,000 boats used the port"],
        Some("A report released last year"),
        ReportedClause
    )]
);
tb!(
    talk_about_reads_its_own_preposition,
    "Okafor talked about the levy.",
    [(Indirect, ["the levy"], Some("Okafor"), ReportedClause)]
);
tb!(
    a_main_clause_after_a_subordinate_one_ends_its_content,
    "Long after Lee had spoken about new ferry berths, Okafor said the pilots were right.",
    [
        (Indirect, ["new ferry berths"], Some("Lee"), ReportedClause),
        (
            Indirect,
            ["the pilots were right"],
            Some("Okafor"),
            ReportedClause
        )
    ]
);
tb!(
    spoke_to_a_hearer_about_a_topic,
    "Lee spoke to the pilots about the levy. Okafor spoke out against the port fee. Ruiz \
     spoke at the harbour on Monday.",
    [
        (Indirect, ["the levy"], Some("Lee"), ReportedClause),
        (Indirect, ["the port fee"], Some("Okafor"), ReportedClause)
    ]
);
tb!(
    find_with_an_object_reports_a_study_not_a_person,
    "Lee found a way to pay for the harbour wall. A survey by the council found strong support \
     for the levy. Okafor found that the wall had cracked.",
    [
        (
            Indirect,
            ["strong support for the levy"],
            Some("A survey by the council"),
            ReportedClause
        ),
        (
            Indirect,
            ["the wall had cracked"],
            Some("Okafor"),
            ReportedClause
        )
    ]
);
t!(
    a_participle_opening_the_sentence_is_the_main_subjects,
    "Noting that only Lee voted for the levy, Okafor said the harbour would pay. Speaking in \
     Spanish, Ruiz thanked the pilots.",
    [
        (
            Indirect,
            "only Lee voted for the levy",
            Some("Okafor"),
            Participle
        ),
        (
            Indirect,
            "the harbour would pay",
            Some("Okafor"),
            ReportedClause
        )
    ]
);
t!(
    a_sentence_opening_participle_with_an_object_or_an_adjunct_says_nothing,
    "Describing the storm, Lee said it was the worst in years. Arguing with her brother, Ruiz \
     said the plan was fine.",
    [
        (
            Indirect,
            "it was the worst in years",
            Some("Lee"),
            ReportedClause
        ),
        (Indirect, "the plan was fine", Some("Ruiz"), ReportedClause)
    ]
);
tb!(
    known_as_gives_the_subject_and_its_name,
    "The old pier was known as the Rock.",
    [(Indirect, ["The old pier", "as the Rock"], None, Raising)]
);
t!(
    add_says_something_only_with_a_clause,
    "The port added 300 berths last year. Okafor added that the levy would stay. Lee added \
     the vote was close.",
    [
        (
            Indirect,
            "the levy would stay",
            Some("Okafor"),
            ReportedClause
        ),
        (Indirect, "the vote was close", Some("Lee"), ReportedClause)
    ]
);
