//! Tests: sentence segmentation on news-style text, asserting exact spans.
//!
//! Each row is one paragraph; the test checks the sentences' texts in order and that they tile
//! the paragraph (only whitespace between them, nothing left over), which pins every span.

use quotative::{Article, Parser};

/// One table row: a name, a one-paragraph text, and the sentences it must give.
struct Case {
    name: &'static str,
    text: &'static str,
    want: &'static [&'static str],
}

macro_rules! t {
    ($name:literal, $text:expr, [$($want:expr),* $(,)?]) => {
        Case { name: $name, text: $text, want: &[$($want),*] }
    };
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Plain boundaries.
    t!("two statements", "The vote was delayed. Lawmakers left the chamber.",
       ["The vote was delayed.", "Lawmakers left the chamber."]),
    t!("question", "Will the talks resume? Nobody in the delegation knows.",
       ["Will the talks resume?", "Nobody in the delegation knows."]),
    t!("exclamation", "It was a rout! The home crowd booed for minutes.",
       ["It was a rout!", "The home crowd booed for minutes."]),
    t!("interrobang", "You signed what?! The judge was stunned.",
       ["You signed what?!", "The judge was stunned."]),
    t!("three sentences", "Rain fell. Roads flooded. Schools shut early.",
       ["Rain fell.", "Roads flooded.", "Schools shut early."]),
    t!("digit opens the next sentence", "The tally stood at 52. 48 ballots were spoiled.",
       ["The tally stood at 52.", "48 ballots were spoiled."]),
    // Titles.
    t!("Mr.", "Mr. Alvarez declined to comment. His office did not respond.",
       ["Mr. Alvarez declined to comment.", "His office did not respond."]),
    t!("Mrs. and Ms.", "Mrs. Okafor and Ms. Lind met on Friday.",
       ["Mrs. Okafor and Ms. Lind met on Friday."]),
    t!("Dr.", "Dr. Priya Patel said the outbreak was contained. She urged caution.",
       ["Dr. Priya Patel said the outbreak was contained.", "She urged caution."]),
    t!("Sen. with party and state", "Sen. Maria Holt, D-Ore., voted against the bill.",
       ["Sen. Maria Holt, D-Ore., voted against the bill."]),
    t!("Gov.", "Gov. Tom Reyes signed the order. It takes effect Monday.",
       ["Gov. Tom Reyes signed the order.", "It takes effect Monday."]),
    t!("Rep.", "Rep. Dana Kline (R-Texas) called the plan reckless.",
       ["Rep. Dana Kline (R-Texas) called the plan reckless."]),
    t!("Lt. Col.", "Lt. Col. Ray Burke commanded the unit. He retired in 2019.",
       ["Lt. Col. Ray Burke commanded the unit.", "He retired in 2019."]),
    t!("Gen.", "The briefing was led by Gen. Ana Ortiz of the Army.",
       ["The briefing was led by Gen. Ana Ortiz of the Army."]),
    t!("title after a quote mark", "\u{201C}Mr. Speaker, we need answers,\u{201D} the senator said.",
       ["\u{201C}Mr. Speaker, we need answers,\u{201D} the senator said."]),
    t!("hyphenated title", "Gov.-elect Lee Park takes office in January.",
       ["Gov.-elect Lee Park takes office in January."]),
    t!("then-Sen.", "The bill was backed by then-Sen. Joan Marsh. It died in committee.",
       ["The bill was backed by then-Sen. Joan Marsh.", "It died in committee."]),
    t!("Rev.", "The Rev. Samuel Oduya led the service. Hundreds attended.",
       ["The Rev. Samuel Oduya led the service.", "Hundreds attended."]),
    // Places.
    t!("St. before a name", "The rally moved to St. Paul after the storm.",
       ["The rally moved to St. Paul after the storm."]),
    t!("St. ends a sentence", "The bakery is on Grand St. The owner says sales fell.",
       ["The bakery is on Grand St.", "The owner says sales fell."]),
    t!("Ft. and Mt.", "She moved from Ft. Worth to a town near Mt. Hood.",
       ["She moved from Ft. Worth to a town near Mt. Hood."]),
    t!("state abbreviation mid-sentence", "Voters in Dayton, Ohio, and Erie, Pa., lined up early.",
       ["Voters in Dayton, Ohio, and Erie, Pa., lined up early."]),
    t!("state abbreviation ends a sentence", "He grew up in Albany, N.Y. He moved west in 1990.",
       ["He grew up in Albany, N.Y.", "He moved west in 1990."]),
    t!("party-state in brackets", "Sen. Ann Cole (D-Calif.) said no. Others agreed.",
       ["Sen. Ann Cole (D-Calif.) said no.", "Others agreed."]),
    // Dates and times.
    t!("Jan. before a day", "The law takes effect Jan. 1, officials said.",
       ["The law takes effect Jan. 1, officials said."]),
    t!("Sept. before a day", "Hearings resume Sept. 14 in the capital. Both sides are ready.",
       ["Hearings resume Sept. 14 in the capital.", "Both sides are ready."]),
    t!("Oct. and Nov.", "Early voting runs from Oct. 21 to Nov. 2 in most counties.",
       ["Early voting runs from Oct. 21 to Nov. 2 in most counties."]),
    t!("month ends a sentence", "The merger closed in Dec. The buyers were not named.",
       ["The merger closed in Dec.", "The buyers were not named."]),
    t!("a.m. before a zone", "Polls open at 7 a.m. Eastern time on Tuesday.",
       ["Polls open at 7 a.m. Eastern time on Tuesday."]),
    t!("p.m. before a day", "Voting closes at 8 p.m. Tuesday in most states.",
       ["Voting closes at 8 p.m. Tuesday in most states."]),
    t!("p.m. ends a sentence", "The speech ended at 5 p.m. The crowd dispersed quickly.",
       ["The speech ended at 5 p.m.", "The crowd dispersed quickly."]),
    t!("a.m. before By", "It began at 6 a.m. By noon the square was full.",
       ["It began at 6 a.m.", "By noon the square was full."]),
    t!("p.m. at paragraph end", "The hearing is set for 2 p.m.",
       ["The hearing is set for 2 p.m."]),
    // Countries and bodies.
    t!("U.S. as a modifier", "The U.S. economy added 200,000 jobs in May.",
       ["The U.S. economy added 200,000 jobs in May."]),
    t!("U.S. ends a sentence", "The envoy flew back to the U.S. The trip lasted a week.",
       ["The envoy flew back to the U.S.", "The trip lasted a week."]),
    t!("U.S. before a proper noun", "Officials in the U.S. Senate rejected the measure.",
       ["Officials in the U.S. Senate rejected the measure."]),
    t!("U.K. and U.N.", "The U.K. and the U.N. issued a joint statement on Friday.",
       ["The U.K. and the U.N. issued a joint statement on Friday."]),
    t!("D.C. ends a sentence", "The march ended in Washington, D.C. It drew thousands.",
       ["The march ended in Washington, D.C.", "It drew thousands."]),
    t!("D.C. mid-sentence", "She lives in Washington, D.C. with her two sons.",
       ["She lives in Washington, D.C. with her two sons."]),
    t!("U.S.-led", "The U.S.-led coalition struck again. Casualties were reported.",
       ["The U.S.-led coalition struck again.", "Casualties were reported."]),
    // Companies.
    t!("Inc. before a verb", "Acme Inc. said profits rose in the quarter.",
       ["Acme Inc. said profits rose in the quarter."]),
    t!("Inc. ends a sentence", "She sold her shares in Acme Inc. The stock fell 4 percent.",
       ["She sold her shares in Acme Inc.", "The stock fell 4 percent."]),
    t!("Corp. and a percentage", "Shares of Halvorsen Corp. rose 3.5% on Tuesday.",
       ["Shares of Halvorsen Corp. rose 3.5% on Tuesday."]),
    t!("Co. with initials", "C. V. Starr & Co. said it would appeal.",
       ["C. V. Starr & Co. said it would appeal."]),
    t!("Jr. before a name part", "Martin Luther King Jr. Day falls on a Monday.",
       ["Martin Luther King Jr. Day falls on a Monday."]),
    t!("Ph.D. mid-sentence", "She earned a Ph.D. in economics at 26.",
       ["She earned a Ph.D. in economics at 26."]),
    t!("Ph.D. ends a sentence", "She holds a Ph.D. Her thesis was on trade policy.",
       ["She holds a Ph.D.", "Her thesis was on trade policy."]),
    // Numbers.
    t!("No. before a number", "The team is ranked No. 5 in the country.",
       ["The team is ranked No. 5 in the country."]),
    t!("No. as a word", "Asked if she would run again, she said: No. Then she left.",
       ["Asked if she would run again, she said: No.", "Then she left."]),
    t!("money", "The company raised $3.5 billion. Investors cheered.",
       ["The company raised $3.5 billion.", "Investors cheered."]),
    t!("decimals and versions", "Growth slowed to 1.8 percent, and the app hit version 2.0.1 today.",
       ["Growth slowed to 1.8 percent, and the app hit version 2.0.1 today."]),
    t!("enumerator", "1. The economy. Voters care about jobs above all.",
       ["1. The economy.", "Voters care about jobs above all."]),
    // Initials.
    t!("middle initial", "Stephen K. Bannon spoke at the event.",
       ["Stephen K. Bannon spoke at the event."]),
    t!("three initials", "The estate of J.R.R. Tolkien sued the studio.",
       ["The estate of J.R.R. Tolkien sued the studio."]),
    t!("George W.", "Former President George W. Bush attended the funeral. He did not speak.",
       ["Former President George W. Bush attended the funeral.", "He did not speak."]),
    t!("letter ends a sentence", "The proposal was called Option B. The board rejected it.",
       ["The proposal was called Option B.", "The board rejected it."]),
    t!("initials and a nickname", "Gov. C.L. \"Butch\" Otter endorsed him.",
       ["Gov. C.L. \"Butch\" Otter endorsed him."]),
    // Latin and other short forms.
    t!("vs.", "The case, Smith vs. Jones, returns to court in March.",
       ["The case, Smith vs. Jones, returns to court in March."]),
    t!("v. in a case name", "The ruling in Roe v. Wade was cited twice.",
       ["The ruling in Roe v. Wade was cited twice."]),
    t!("etc. mid-sentence", "Stalls sold bread, eggs, etc. at lower prices.",
       ["Stalls sold bread, eggs, etc. at lower prices."]),
    t!("etc. ends a sentence", "Stalls sold bread, eggs, etc. But demand fell.",
       ["Stalls sold bread, eggs, etc.", "But demand fell."]),
    t!("unknown abbreviation before lower case", "Temperatures hit 40 deg. in the shade.",
       ["Temperatures hit 40 deg. in the shade."]),
    t!("web address", "Details are at example.com for now. Or call the office.",
       ["Details are at example.com for now.", "Or call the office."]),
    // Ellipses.
    t!("ellipsis before lower case", "He paused... and then walked out.",
       ["He paused... and then walked out."]),
    t!("ellipsis before a capital", "We will see... The vote is tomorrow.",
       ["We will see...", "The vote is tomorrow."]),
    t!("unicode ellipsis before a capital", "It was over\u{2026} The lights went out.",
       ["It was over\u{2026}", "The lights went out."]),
    t!("unicode ellipsis before lower case", "Well\u{2026} maybe next year.",
       ["Well\u{2026} maybe next year."]),
    t!("spaced ellipsis", "It was . . . strange. Very strange.",
       ["It was . . . strange.", "Very strange."]),
    t!("four dots", "Wait.... What happened next?",
       ["Wait....", "What happened next?"]),
    t!("ellipsis after a full stop stays behind",
       "\u{201C}It is a mess. \u{2026} Nobody knows the plan.\u{201D}",
       ["\u{201C}It is a mess. \u{2026}", "Nobody knows the plan.\u{201D}"]),
    t!("ellipsis into a quotation", "No one can be held... \u{2018}except as punishment,\u{2019} it reads.",
       ["No one can be held... \u{2018}except as punishment,\u{2019} it reads."]),
    // Quotation marks and brackets.
    t!("question in a quote, attribution after", "\"Why now?\" she asked.",
       ["\"Why now?\" she asked."]),
    t!("exclamation in a quote", "\"Get out!\" the protesters chanted.",
       ["\"Get out!\" the protesters chanted."]),
    t!("curly question", "\u{201C}Is this legal?\u{201D} asked one lawyer.",
       ["\u{201C}Is this legal?\u{201D} asked one lawyer."]),
    t!("question in a quote, named speaker after", "\"Why now?\" Senator Lund asked.",
       ["\"Why now?\" Senator Lund asked."]),
    t!("question in a quote, titled speaker after", "\u{201C}Is this legal?\u{201D} Mr. Ortega asked on Friday. Nobody replied.",
       ["\u{201C}Is this legal?\u{201D} Mr. Ortega asked on Friday.", "Nobody replied."]),
    t!("question in a quote, new sentence after", "\"What now?\" The question hung over the meeting.",
       ["\"What now?\"", "The question hung over the meeting."]),
    t!("exclamation in a quote, long clause after", "\"Never!\" He added that the party would fight on.",
       ["\"Never!\"", "He added that the party would fight on."]),
    t!("period in a quote, attribution after", "\"Go home.\" he said.",
       ["\"Go home.\" he said."]),
    t!("closing quote ends the sentence", "He said, \"We are done.\" The room fell silent.",
       ["He said, \"We are done.\"", "The room fell silent."]),
    t!("curly closing quote", "\u{201C}We will win.\u{201D} The crowd cheered.",
       ["\u{201C}We will win.\u{201D}", "The crowd cheered."]),
    t!("quote of two sentences", "\"We won. Now we rest,\" the coach said.",
       ["\"We won.", "Now we rest,\" the coach said."]),
    t!("quote then a new quote", "\"No comment,\" said Ms. Reed. \"We are reviewing it.\"",
       ["\"No comment,\" said Ms. Reed.", "\"We are reviewing it.\""]),
    t!("single quotes", "'We will not resign,' the minister said. 'Never.'",
       ["'We will not resign,' the minister said.", "'Never.'"]),
    t!("title with a question mark", "The film \"Who Cares?\" opened on Friday.",
       ["The film \"Who Cares?\" opened on Friday."]),
    t!("question then comma", "\"Why?\", she asked, \"would we stop?\"",
       ["\"Why?\", she asked, \"would we stop?\""]),
    t!("bracketed sentence", "(The figures were revised.) Analysts were surprised.",
       ["(The figures were revised.)", "Analysts were surprised."]),
    t!("period after a bracket", "The vote passed (by a wide margin). Critics objected.",
       ["The vote passed (by a wide margin).", "Critics objected."]),
    t!("scare quote before the period", "He called it a \"reset\". The Kremlin disagreed.",
       ["He called it a \"reset\".", "The Kremlin disagreed."]),
    t!("guillemets", "\u{AB}Nous restons.\u{BB} Le ministre est parti.",
       ["\u{AB}Nous restons.\u{BB}", "Le ministre est parti."]),
    // Headlines and datelines.
    t!("headline without punctuation", "Markets rally as inflation cools",
       ["Markets rally as inflation cools"]),
    t!("last sentence without punctuation", "The count continues. Results expected Friday",
       ["The count continues.", "Results expected Friday"]),
    t!("dateline", "WASHINGTON (Reuters) - The Senate passed the bill. The House votes next.",
       ["WASHINGTON (Reuters) - The Senate passed the bill.", "The House votes next."]),
    t!("dateline with a date", "NEW YORK, Nov. 5 (AP) \u{2014} Stocks fell. Bonds rose.",
       ["NEW YORK, Nov. 5 (AP) \u{2014} Stocks fell.", "Bonds rose."]),
    t!("dateline with a state", "SCRANTON, Pa. \u{2014} The candidate spoke. Hundreds attended.",
       ["SCRANTON, Pa. \u{2014} The candidate spoke.", "Hundreds attended."]),
    t!("capitals in a dateline", "ST. LOUIS (AP) \u{2014} Flooding closed roads.",
       ["ST. LOUIS (AP) \u{2014} Flooding closed roads."]),
    // Whitespace.
    t!("no-break space between sentences", "One vote.\u{A0}Two votes.",
       ["One vote.", "Two votes."]),
    t!("multibyte text", "\u{201C}Zo\u{EB} \u{2014} \u{C9}lan!\u{201D} Le ch\u{153}ur chantait. \u{1F389} Fin.",
       ["\u{201C}Zo\u{EB} \u{2014} \u{C9}lan!\u{201D}", "Le ch\u{153}ur chantait.", "\u{1F389} Fin."]),
];

/// The sentences of a one-paragraph article, checked to tile the paragraph.
fn sentences<'t>(article: &Article<'t>, text: &'t str, name: &str) -> Vec<&'t str> {
    let paragraphs = article.paragraphs();
    assert_eq!(paragraphs.len(), 1, "{name}: one paragraph expected");
    let para = paragraphs[0].span;
    let mut at = para.start;
    let mut out = Vec::new();
    for id in &paragraphs[0].sentences {
        let s = article.sentences()[id.index()].span;
        assert!(
            text[at..s.start].chars().all(char::is_whitespace),
            "{name}: gap before {:?} is not whitespace",
            &text[s]
        );
        at = s.end;
        out.push(&text[s]);
    }
    assert_eq!(
        at, para.end,
        "{name}: sentences stop short of the paragraph end"
    );
    out
}

#[test]
fn table() {
    assert!(CASES.len() >= 60, "{} cases", CASES.len());
    let parser = Parser::new();
    let mut failures = Vec::new();
    for case in CASES {
        let article = parser.parse(case.text);
        let got = sentences(&article, case.text, case.name);
        if got != case.want {
            failures.push(format!(
                "{}:\n  want {:?}\n  got  {:?}",
                case.name, case.want, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn builder_abbreviations_join_sentences() {
    let text = "Supt. Ann Lee spoke first. Then she left.";
    let plain = Parser::new().parse(text);
    assert_eq!(
        sentences(&plain, text, "default"),
        ["Supt. Ann Lee spoke first.", "Then she left."]
    );
    let text = "Det.Insp. Ann Lee spoke first. Then she left.";
    let plain = Parser::new().parse(text);
    assert_eq!(sentences(&plain, text, "default").len(), 3);
    let parser = Parser::builder()
        .abbreviations(["Det.Insp."])
        .build()
        .unwrap();
    let article = parser.parse(text);
    assert_eq!(
        sentences(&article, text, "extra"),
        ["Det.Insp. Ann Lee spoke first.", "Then she left."]
    );
}

#[test]
fn bad_builder_abbreviations_are_errors() {
    for bad in ["", "Supt", "Lt. Col.", "..."] {
        let err = Parser::builder().abbreviations([bad]).build().unwrap_err();
        assert!(
            matches!(err.kind(), quotative::ErrorKind::InvalidOption { .. }),
            "{bad:?}: {err}"
        );
    }
}

#[test]
fn sentences_tile_paragraphs_of_a_whole_article() {
    let text = "Talks stall\r\n\r\nMr. Li left at 5 p.m. The rest stayed.\r\n\r\n\u{201C}Why?\u{201D} he asked. \u{201C}We are done.\u{201D}\r\n";
    let article = Parser::new().parse(text);
    let got: Vec<&str> = article.sentences().iter().map(|s| &text[s.span]).collect();
    assert_eq!(
        got,
        [
            "Talks stall",
            "Mr. Li left at 5 p.m.",
            "The rest stayed.",
            "\u{201C}Why?\u{201D} he asked.",
            "\u{201C}We are done.\u{201D}"
        ]
    );
    for (p, para) in article.paragraphs().iter().enumerate() {
        for id in &para.sentences {
            let s = &article.sentences()[id.index()];
            assert_eq!(s.paragraph.index(), p);
            assert!(para.span.contains(s.span));
        }
    }
}

#[test]
fn a_line_break_inside_a_paragraph_is_no_boundary() {
    let text = "Head line\n\nThe count\ncontinued into the night. Results\nfollow\n\nMore.";
    let article = Parser::new().parse(text);
    let got: Vec<&str> = article.sentences().iter().map(|s| &text[s.span]).collect();
    assert_eq!(
        got,
        [
            "Head line",
            "The count\ncontinued into the night.",
            "Results\nfollow",
            "More."
        ]
    );
}

#[test]
fn pathological_paragraphs_are_one_sentence() {
    let parser = Parser::new();
    let periods = ".".repeat(100_000);
    let article = parser.parse(&periods);
    assert_eq!(article.sentences().len(), 1);
    assert_eq!(article.sentences()[0].span.len(), periods.len());

    let no_spaces = "ab.".repeat(350_000);
    let article = parser.parse(&no_spaces);
    assert_eq!(article.sentences().len(), 1);

    let initials = "A. ".repeat(100_000);
    let article = parser.parse(&initials);
    assert_eq!(article.sentences().len(), 1);
}
