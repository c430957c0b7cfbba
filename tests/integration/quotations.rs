//! Tests: quotations (pairs of quotation marks, before any attribution).
//!
//! Every case goes through `Parser::parse`, so paragraphs come from the layout stage. Each
//! text gets a heading line and a blank line in front (`HEAD`): whether the layout keeps that
//! line as a headline or as a paragraph, the text under test is body text split on blank
//! lines, and the heading has no quotation marks.

use quotative::{Article, Parser, Quotation, QuotationRole};

const HEAD: &str = "Quotation test heading\n\n";

fn parse(body: &str) -> (String, Vec<Quotation>) {
    let text = format!("{HEAD}{body}");
    let quotations = {
        let article = Parser::new().parse(&text);
        check_invariants(&article);
        article.quotations().to_vec()
    };
    (text, quotations)
}

/// What holds for every quotation list: spans in range and on char boundaries, content
/// inside the span, opening order, and parents that contain their children one level up.
fn check_invariants(article: &Article<'_>) {
    let text = article.text();
    let qs = article.quotations();
    for (k, q) in qs.iter().enumerate() {
        assert!(text.get(q.span.range()).is_some(), "span {k} {:?}", q.span);
        assert!(text.get(q.content.range()).is_some(), "content {k}");
        assert!(q.span.contains(q.content), "content {k} outside its span");
        assert!(q.span.len() > q.content.len(), "span {k} has no mark");
        if k > 0 {
            assert!(qs[k - 1].span.start < q.span.start, "order at {k}");
        }
        let para = &article.paragraphs()[q.paragraph.index()];
        assert!(
            para.span.contains(q.span),
            "quotation {k} leaves its paragraph"
        );
        match q.parent {
            None => assert_eq!(q.depth, 0, "quotation {k}"),
            Some(p) => {
                assert!(p.index() < k, "parent of {k} after it");
                let parent = &qs[p.index()];
                assert_eq!(parent.depth + 1, q.depth, "depth of {k}");
                assert!(parent.content.contains(q.span), "{k} outside its parent");
            }
        }
        if let Some(prev) = q.continues {
            let prev = &qs[prev.index()];
            assert!(!prev.closed, "quotation {k} continues a closed one");
            assert_eq!(prev.paragraph.index() + 1, q.paragraph.index());
            assert_eq!(q.span.start, para.span.start, "{k} continues mid-paragraph");
        }
    }
}

/// `(span text, content text, depth)` of every quotation.
fn summary<'t>(text: &'t str, qs: &[Quotation]) -> Vec<(&'t str, &'t str, u32)> {
    qs.iter()
        .map(|q| (&text[q.span], &text[q.content], q.depth))
        .collect()
}

/// A table row: name, body text, and every quotation as (span text, content text, depth).
macro_rules! t {
    ($name:ident, $body:expr, [$(($span:expr, $content:expr, $depth:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let (text, qs) = parse($body);
            let want: Vec<(&str, &str, u32)> = vec![$(($span, $content, $depth)),*];
            assert_eq!(summary(&text, &qs), want, "{:?}", $body);
        }
    };
}

// ---- every mark --------------------------------------------------------------------------

t!(
    straight_double,
    "\"We will win,\" she said.",
    [("\"We will win,\"", "We will win,", 0)]
);
t!(
    curly_double,
    "“We will win,” she said.",
    [("“We will win,”", "We will win,", 0)]
);
t!(
    curly_single,
    "‘We will win,’ she said.",
    [("‘We will win,’", "We will win,", 0)]
);
t!(
    straight_single,
    "'We will win,' she said.",
    [("'We will win,'", "We will win,", 0)]
);
t!(
    guillemets_spaced,
    "« Nous gagnerons », a-t-il dit.",
    [("« Nous gagnerons »", " Nous gagnerons ", 0)]
);
t!(
    guillemets_tight,
    "«Мы победим», сказал он.",
    [("«Мы победим»", "Мы победим", 0)]
);
t!(
    guillemets_reversed,
    "»Vi vinder«, sagde han.",
    [("»Vi vinder«", "Vi vinder", 0)]
);
t!(
    low_high,
    "„Wir gewinnen“, sagte er.",
    [("„Wir gewinnen“", "Wir gewinnen", 0)]
);
t!(
    low_right,
    "„Wygramy”, powiedział.",
    [("„Wygramy”", "Wygramy", 0)]
);
t!(
    low_single,
    "Er sagte: ‚Wir gewinnen‘ und ging.",
    [("‚Wir gewinnen‘", "Wir gewinnen", 0)]
);
t!(corner, "「勝つ」と彼は言った。", [("「勝つ」", "勝つ", 0)]);
t!(
    white_corner,
    "『勝つ』と言った。",
    [("『勝つ』", "勝つ", 0)]
);
t!(
    right_right,
    "”Vi vinner”, sa han.",
    [("”Vi vinner”", "Vi vinner", 0)]
);
t!(
    left_left_scraped,
    "“We will win,“ she said.",
    [("“We will win,“", "We will win,", 0)]
);
t!(
    mixed_straight_and_curly,
    "“We will win,\" she said.",
    [("“We will win,\"", "We will win,", 0)]
);
t!(
    two_in_a_sentence,
    "“Yes,” she said, “we will.”",
    [("“Yes,”", "Yes,", 0), ("“we will.”", "we will.", 0)]
);
t!(
    colon_without_space,
    "He said:\"No deal.\" Then he left.",
    [("\"No deal.\"", "No deal.", 0)]
);
t!(
    closing_before_emoji,
    "\"We won\"🎉 she wrote.",
    [("\"We won\"", "We won", 0)]
);
t!(
    wide_characters_inside,
    "“Zoë’s café, 😀 naïve,” he said.",
    [("“Zoë’s café, 😀 naïve,”", "Zoë’s café, 😀 naïve,", 0)]
);
t!(empty_curly, "He typed “” and left.", [("“”", "", 0)]);
t!(
    alternating_empty_curly,
    "“”“”“”",
    [("“”", "", 0), ("“”", "", 0), ("“”", "", 0)]
);
t!(no_marks, "Nothing is quoted here.", []);

t!(
    two_apostrophes,
    "''We will win,'' she said.",
    [("''We will win,''", "We will win,", 0)]
);
t!(
    two_apostrophes_around_single,
    "''There was a backlash against 'Primates of Park Avenue,'  '' she noted.",
    [
        (
            "''There was a backlash against 'Primates of Park Avenue,'  ''",
            "There was a backlash against 'Primates of Park Avenue,'  ",
            0
        ),
        ("'Primates of Park Avenue,'", "Primates of Park Avenue,", 1),
    ]
);
t!(
    three_apostrophes_close_two_quotations,
    "''I said, 'Never again,''' he recalled.",
    [
        ("''I said, 'Never again,'''", "I said, 'Never again,'", 0),
        ("'Never again,'", "Never again,", 1),
    ]
);
t!(
    space_before_closing_apostrophes,
    "''We built coalitions, '' said Mr. Lee.",
    [("''We built coalitions, ''", "We built coalitions, ", 0)]
);
t!(
    doubled_curly_singles,
    "‘‘Yes,’’ she said of the “question’’ asked.",
    [("‘‘Yes,’’", "Yes,", 0), ("“question’’", "question", 0)]
);
t!(
    csv_doubled_straight,
    "\"\"We will win,\"\" she said.",
    [("\"We will win,\"", "We will win,", 0)]
);
t!(
    closing_mark_alone_at_paragraph_end,
    "“I’m glad it worked out. “",
    [("“I’m glad it worked out. “", "I’m glad it worked out. ", 0)]
);
t!(
    spaced_closing_after_apostrophe,
    "He mocked \"lyin' \" Ted Cruz.",
    [("\"lyin' \"", "lyin' ", 0)]
);

// ---- nesting -----------------------------------------------------------------------------

t!(
    single_in_double,
    "\"He told me 'never again,' and left,\" she said.",
    [
        (
            "\"He told me 'never again,' and left,\"",
            "He told me 'never again,' and left,",
            0
        ),
        ("'never again,'", "never again,", 1),
    ]
);
t!(
    double_in_single,
    "‘He told me “never again” and left,’ she said.",
    [
        (
            "‘He told me “never again” and left,’",
            "He told me “never again” and left,",
            0
        ),
        ("“never again”", "never again", 1),
    ]
);
t!(
    nested_closing_together,
    "“He told me, ‘Never again.’”",
    [
        (
            "“He told me, ‘Never again.’”",
            "He told me, ‘Never again.’",
            0
        ),
        ("‘Never again.’", "Never again.", 1),
    ]
);
t!(
    guillemets_around_low_high,
    "«Er sagte: „Wir gewinnen“», schrieb sie.",
    [
        ("«Er sagte: „Wir gewinnen“»", "Er sagte: „Wir gewinnen“", 0),
        ("„Wir gewinnen“", "Wir gewinnen", 1),
    ]
);
t!(
    corners_nested,
    "「彼は『勝つ』と言った」と書いた。",
    [
        ("「彼は『勝つ』と言った」", "彼は『勝つ』と言った", 0),
        ("『勝つ』", "勝つ", 1)
    ]
);
t!(
    three_levels,
    "“A ‘B “C” B’ A,” she said.",
    [
        ("“A ‘B “C” B’ A,”", "A ‘B “C” B’ A,", 0),
        ("‘B “C” B’", "B “C” B", 1),
        ("“C”", "C", 2),
    ]
);
t!(
    straight_in_straight,
    "\"He said \"no\" to me,\" she said.",
    [
        ("\"He said \"no\" to me,\"", "He said \"no\" to me,", 0),
        ("\"no\"", "no", 1),
    ]
);
t!(
    siblings_inside,
    "“Call it ‘a’ or ‘b’,” he said.",
    [
        ("“Call it ‘a’ or ‘b’,”", "Call it ‘a’ or ‘b’,", 0),
        ("‘a’", "a", 1),
        ("‘b’", "b", 1),
    ]
);
t!(
    inner_cut_by_outer_close,
    "«He said “maybe» and left.",
    [
        ("«He said “maybe»", "He said “maybe", 0),
        ("“maybe", "maybe", 1)
    ]
);

t!(
    spaced_marks_of_two_families,
    "\" 'Hello,' he said,\" she recalled. \"It cannot be 'Okay, we are done,' \" she added.",
    [
        ("\" 'Hello,' he said,\"", " 'Hello,' he said,", 0),
        ("'Hello,'", "Hello,", 1),
        (
            "\"It cannot be 'Okay, we are done,' \"",
            "It cannot be 'Okay, we are done,' ",
            0
        ),
        ("'Okay, we are done,'", "Okay, we are done,", 1),
    ]
);

// ---- apostrophes -------------------------------------------------------------------------

t!(
    contractions_and_names,
    "\"I don't know O'Brien,\" she said.",
    [("\"I don't know O'Brien,\"", "I don't know O'Brien,", 0)]
);
t!(
    plural_possessives,
    "The Joneses' car and the Smiths' house were sold.",
    []
);
t!(
    plural_possessive_in_double,
    "\"We met at the Jones' house,\" she said.",
    [(
        "\"We met at the Jones' house,\"",
        "We met at the Jones' house,",
        0
    )]
);
t!(
    decade,
    "In the '90s, he said, \"it was different.\"",
    [("\"it was different.\"", "it was different.", 0)]
);
t!(
    curly_decades,
    "Back in the ’90s the ’80s were over, and ‘08 too.",
    []
);
t!(
    rock_n_roll,
    "She loves rock 'n' roll and 'tis true, 'twas ever so.",
    []
);
t!(
    rock_n_roll_in_single,
    "‘I love rock ’n’ roll,’ he said.",
    [("‘I love rock ’n’ roll,’", "I love rock ’n’ roll,", 0)]
);
t!(
    curly_apostrophes,
    "Trump’s aides said they don’t know who’s next.",
    []
);
t!(
    left_mark_as_apostrophe,
    "The company‘s shares fell; it‘s over.",
    []
);
t!(
    lone_single_opening,
    "He said 'maybe and left without a word.",
    []
);
t!(
    decade_and_quote_in_double,
    "\"The '90s were 'wild' times,\" he said.",
    [
        (
            "\"The '90s were 'wild' times,\"",
            "The '90s were 'wild' times,",
            0
        ),
        ("'wild'", "wild", 1),
    ]
);
t!(
    feet_and_inches,
    "He is 6'2\" tall and said \"yes\" twice.",
    [("\"yes\"", "yes", 0)]
);
t!(
    apostrophe_dropped_when_outer_closes,
    "\"Tell 'em it's over 'cause we're done,\" he said, 'honestly'.",
    [
        (
            "\"Tell 'em it's over 'cause we're done,\"",
            "Tell 'em it's over 'cause we're done,",
            0
        ),
        ("'honestly'", "honestly", 0),
    ]
);
t!(
    possessive_under_other_family,
    "‘He saw “the Jones' dog” there,’ she said.",
    [
        (
            "‘He saw “the Jones' dog” there,’",
            "He saw “the Jones' dog” there,",
            0
        ),
        ("“the Jones' dog”", "the Jones' dog", 1),
    ]
);

// ---- unclosed and stray marks ------------------------------------------------------------

t!(
    unclosed_runs_to_paragraph_end,
    "\"We will fight on, he said.",
    [(
        "\"We will fight on, he said.",
        "We will fight on, he said.",
        0
    )]
);
t!(
    stray_straight_between_spaces,
    "Prices rose 5 \" 6 percent.",
    []
);
t!(stray_closing, "It ended” there.", []);
t!(opening_at_paragraph_end, "He wrote “", []);
t!(
    unclosed_does_not_cross_paragraphs,
    "\"We will fight on.\n\nThe minister left. She said \"yes\" later.",
    [
        ("\"We will fight on.", "We will fight on.", 0),
        ("\"yes\"", "yes", 0),
    ]
);

// ---- line breaks and paragraphs ----------------------------------------------------------

t!(
    over_a_line_break,
    "\"We will\nwin,\" she said.",
    [("\"We will\nwin,\"", "We will\nwin,", 0)]
);
t!(
    over_a_crlf,
    "“We will\r\nwin,” she said.",
    [("“We will\r\nwin,”", "We will\r\nwin,", 0)]
);
t!(
    two_paragraphs,
    "\"We will fight on,\" he said. \"We will not stop.\n\n\"We will never surrender.\"",
    [
        ("\"We will fight on,\"", "We will fight on,", 0),
        ("\"We will not stop.", "We will not stop.", 0),
        (
            "\"We will never surrender.\"",
            "We will never surrender.",
            0
        ),
    ]
);
t!(
    british_over_paragraphs,
    "‘We will fight on.\n\n‘We will win,’ he said.",
    [
        ("‘We will fight on.", "We will fight on.", 0),
        ("‘We will win,’", "We will win,", 0),
    ]
);

// ---- continuation, closed, parents -------------------------------------------------------

#[test]
fn continuation_over_three_paragraphs() {
    let (text, qs) = parse(
        "“First part,” he said. “Second part.\n\n“Third part.\n\n“Last part,” he added.\n\nAfter.",
    );
    let got: Vec<(&str, bool, Option<usize>)> = qs
        .iter()
        .map(|q| {
            (
                &text.as_str()[q.span],
                q.closed,
                q.continues.map(|c| c.index()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("“First part,”", true, None),
            ("“Second part.", false, None),
            ("“Third part.", false, Some(1)),
            ("“Last part,”", true, Some(2)),
        ]
    );
}

#[test]
fn unclosed_then_paragraph_without_mark_ends_the_chain() {
    let (text, qs) = parse("“One.\n\nNo quote here.\n\n“Two,” she said.");
    let got: Vec<(&str, bool, Option<usize>)> = qs
        .iter()
        .map(|q| {
            (
                &text.as_str()[q.span],
                q.closed,
                q.continues.map(|c| c.index()),
            )
        })
        .collect();
    assert_eq!(got, [("“One.", false, None), ("“Two,”", true, None)]);
}

#[test]
fn closed_quote_is_not_continued() {
    let (_, qs) = parse("“One,” he said.\n\n“Two,” she said.");
    assert_eq!(qs.len(), 2);
    assert!(qs.iter().all(|q| q.closed && q.continues.is_none()));
    assert_ne!(qs[0].paragraph, qs[1].paragraph);
}

#[test]
fn parents_point_at_the_enclosing_quotation() {
    let (_, qs) = parse("“A ‘B’ and ‘C “D”’,” he said. “E.”");
    let parents: Vec<Option<usize>> = qs.iter().map(|q| q.parent.map(|p| p.index())).collect();
    assert_eq!(parents, [None, Some(0), Some(0), Some(2), None]);
    assert!(qs.iter().all(|q| q.closed));
}

// ---- roles -------------------------------------------------------------------------------

/// A role row: name, body text, the quotation's content, and its role.
macro_rules! r {
    ($name:ident, $body:expr, $content:expr, $role:ident) => {
        #[test]
        fn $name() {
            let (text, qs) = parse($body);
            let text = text.as_str();
            let q = qs
                .iter()
                .find(|q| &text[q.content] == $content)
                .unwrap_or_else(|| panic!("no quotation {:?} in {:?}", $content, $body));
            assert_eq!(q.role, QuotationRole::$role, "{:?}", $body);
        }
    };
}

r!(
    role_scare_word,
    "Both sides want a \"reset\" in relations.",
    "reset",
    Scare
);
r!(
    role_scare_phrase,
    "He described Biden as an \"old-school politician\" on Friday.",
    "old-school politician",
    Scare
);
r!(
    role_scare_comma_inside,
    "They called it a \"reset,\" officials said.",
    "reset,",
    Scare
);
r!(
    role_title_after_noun,
    "She starred in the film \"Gone Girl\" last year.",
    "Gone Girl",
    Title
);
r!(
    role_title_after_called,
    "A group called “Mothers for Liberty” objected.",
    "Mothers for Liberty",
    Title
);
r!(
    role_title_after_titled,
    "A report titled \"why we lost\" is out.",
    "why we lost",
    Title
);
r!(
    role_title_name_like,
    "He wore a “Make America Great Again” cap.",
    "Make America Great Again",
    Title
);
r!(
    role_speech_long,
    "\"We are ready to talk to anyone,\" he said.",
    "We are ready to talk to anyone,",
    Speech
);
r!(role_speech_short_cue, "\"Yes,\" she said.", "Yes,", Speech);
r!(role_speech_after_colon, "He said: “No.”", "No.", Speech);
r!(role_speech_question, "“Why?” she asked.", "Why?", Speech);
r!(
    role_speech_clause_inside,
    "He said the plan was \"bad, really bad\" and left.",
    "bad, really bad",
    Speech
);
r!(
    role_unknown_capital_at_start,
    "\"Reset\" was the word of the year.",
    "Reset",
    Unknown
);
r!(role_unknown_empty, "He typed “” and left.", "", Unknown);

// ---- pathological ------------------------------------------------------------------------

/// The most quotations reported open at once in one paragraph (documented on the stage).
const MAX_DEPTH: usize = 32;

#[test]
fn ten_thousand_nested_quotes() {
    let n = 10_000;
    let body = format!("{}x{}", "“".repeat(n), "”".repeat(n));
    let (text, qs) = parse(&body);
    // Only the outermost MAX_DEPTH are reported, and they pair with the right closing marks.
    assert_eq!(qs.len(), MAX_DEPTH);
    let start = HEAD.len();
    let end = text.len();
    let mark = "“".len();
    for (k, q) in qs.iter().enumerate() {
        assert_eq!(q.depth as usize, k);
        assert!(q.closed);
        assert_eq!(q.span.start, start + k * mark, "quotation {k}");
        assert_eq!(q.span.end, end - k * mark, "quotation {k}");
    }
}

#[test]
fn ten_thousand_nested_straight_quotes() {
    let n = 10_000;
    let body = format!("{}x{}", "\"a ".repeat(n), " a\"".repeat(n));
    let (text, qs) = parse(&body);
    assert_eq!(qs.len(), MAX_DEPTH);
    assert_eq!(&text.as_str()[qs[0].span], body);
    assert!(qs.iter().all(|q| q.closed));
    assert_eq!(qs.last().map(|q| q.depth as usize), Some(MAX_DEPTH - 1));
}

#[test]
fn hundred_thousand_straight_quotes_in_a_row() {
    // A straight mark right before another opens nothing: no empty straight pairs.
    let body = "\"".repeat(100_000);
    let (_, qs) = parse(&body);
    assert!(qs.is_empty());
    let body = "'".repeat(100_001);
    let (_, qs) = parse(&body);
    assert!(qs.is_empty());
}

#[test]
fn hundred_thousand_quotes_around_words() {
    let body = "\"a\" ".repeat(100_000);
    let (text, qs) = parse(&body);
    assert_eq!(qs.len(), 100_000);
    assert!(qs
        .iter()
        .all(|q| q.depth == 0 && q.closed && &text.as_str()[q.content] == "a"));
}

#[test]
fn hundred_thousand_spaced_straight_quotes() {
    let body = "\" ".repeat(100_000);
    let (_, qs) = parse(&body);
    assert!(qs.is_empty());
}

#[test]
fn hundred_thousand_unclosed_opening_marks() {
    let body = "“a ".repeat(100_000);
    let (text, qs) = parse(&body);
    assert_eq!(qs.len(), MAX_DEPTH);
    assert!(qs
        .iter()
        .all(|q| !q.closed && q.span.end == text.trim_end().len()));
}

#[test]
fn thousands_of_alternating_curly_marks() {
    let body = "“”".repeat(5_000);
    let (_, qs) = parse(&body);
    assert_eq!(qs.len(), 5_000);
    assert!(qs
        .iter()
        .all(|q| q.closed && q.content.is_empty() && q.depth == 0));
}

#[test]
fn many_apostrophes_stay_apostrophes() {
    let body = "rock 'n' roll, the '90s, don't, O'Brien, 'tis, the Joneses' ".repeat(5_000);
    let (_, qs) = parse(&body);
    assert!(qs.is_empty());
}
