//! Tests: article structure (headline and repeats, key points, byline, dateline, sections,
//! paragraphs), on the seed article and on synthetic texts.

use quotative::{Article, Parser, Span};

fn parse(text: &str) -> Article<'_> {
    let article = Parser::new().parse(text);
    check_spans(text, &article);
    article
}

fn all<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
    spans.iter().map(|&s| &text[s]).collect()
}

/// The body's paragraphs (the headline, paragraph 0 when there is one, left out).
fn paragraphs<'t>(text: &'t str, article: &Article<'_>) -> Vec<&'t str> {
    article
        .paragraphs()
        .iter()
        .filter(|p| !p.headline)
        .map(|p| &text[p.span])
        .collect()
}

/// The body's paragraphs, as records.
fn body<'a>(article: &'a Article<'_>) -> Vec<&'a quotative::Paragraph> {
    article
        .paragraphs()
        .iter()
        .filter(|p| !p.headline)
        .collect()
}

fn authors<'t>(text: &'t str, article: &Article<'_>) -> Vec<&'t str> {
    article
        .byline()
        .map(|b| all(text, &b.authors))
        .unwrap_or_default()
}

/// Every span in range, on char boundaries, non-empty and trimmed (by the crate's notion of
/// whitespace: Unicode white space, zero-width characters, BOM).
fn check_spans(text: &str, article: &Article<'_>) {
    let space = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
    };
    let mut spans: Vec<Span> = Vec::new();
    spans.extend(article.headline());
    spans.extend(article.headline_repeats());
    spans.extend(article.key_points());
    spans.extend(article.dateline());
    spans.extend(article.sections());
    if let Some(b) = article.byline() {
        spans.push(b.span);
        spans.extend(&b.authors);
    }
    spans.extend(article.paragraphs().iter().map(|p| p.span));
    spans.extend(article.sentences().iter().map(|s| s.span));
    for s in spans {
        let got = text.get(s.range());
        assert!(
            got.is_some(),
            "span {s:?} out of range or off a char boundary"
        );
        let got = got.unwrap();
        assert!(!got.is_empty(), "empty span {s:?}");
        assert!(
            !got.starts_with(space) && !got.ends_with(space),
            "span {s:?} not trimmed: {got:?}"
        );
    }
    // Paragraphs in order, not overlapping.
    for w in article.paragraphs().windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
}

#[test]
fn seed_article() {
    let Some(text) = crate::shared::read("seeds/russia_reset_article.txt") else {
        return;
    };
    let text = text.as_str();
    let article = parse(text);

    // The headline is the first line, found once; its two repeats are recognised.
    let first_line = text.lines().next().unwrap().trim();
    let headline = article.headline().expect("headline");
    assert_eq!(&text[headline], first_line);
    assert_eq!(headline.start, 0);
    let repeats = article.headline_repeats();
    assert_eq!(repeats.len(), 2);
    for &r in repeats {
        assert_eq!(&text[r], first_line);
        assert!(r.start > headline.end);
    }
    let paras = paragraphs(text, &article);
    assert!(
        !paras.contains(&first_line),
        "a repeat leaked into the body"
    );

    // Three key points, without their bullet marks, also paragraphs marked as bullets.
    let keys = article.key_points();
    assert_eq!(keys.len(), 3);
    for (k, &span) in keys.iter().enumerate() {
        let t = &text[span];
        assert!(!t.starts_with('\u{2022}') && !t.starts_with(' '), "{t:?}");
        assert!(text[..span.start].trim_end().ends_with('\u{2022}'));
        let p = body(&article)[k];
        assert_eq!(p.span, span);
        assert!(p.bullet);
    }
    assert!(text[keys[1]].starts_with("Dmitry Peskov, the Kremlin Press Secretary"));

    // Byline and section.
    assert_eq!(authors(text, &article), ["Holly Ellyatt"]);
    assert_eq!(&text[article.byline().unwrap().span], "by Holly Ellyatt");
    assert_eq!(all(text, article.sections()), ["Politics"]);
    assert!(article.dateline().is_none());

    // The body: everything between the key points and the byline, one paragraph per block.
    let body: Vec<&str> = article
        .paragraphs()
        .iter()
        .filter(|p| !p.bullet && !p.headline)
        .map(|p| &text[p.span])
        .collect();
    assert!(body[0].starts_with("Russian President Vladimir Putin has no plans"));
    assert!(body
        .last()
        .unwrap()
        .starts_with("It is crucial to remember"));
    assert!(body.contains(&"Warming up to Trump"));
    assert!(body
        .iter()
        .all(|p| !p.contains("Holly Ellyatt") && *p != "Politics"));
    // Blocks between blank lines in the file, less the headline, the repeats-and-bullets block,
    // the byline and the section.
    let blocks = text.split("\n\n").filter(|b| !b.trim().is_empty()).count();
    assert_eq!(body.len(), blocks - 4);
    // A paragraph of two sentences with a quote each.
    let medvedev = article
        .paragraphs()
        .iter()
        .find(|p| text[p.span].starts_with("\"As a businessman"))
        .unwrap();
    assert_eq!(medvedev.sentences.len(), 2);
}

#[test]
fn byline_at_start_and_dateline() {
    let text = "Talks stall in Geneva\n\nBy Jane Doe and John Roe\n\nGENEVA (Reuters) - Talks stalled on Monday, officials said.\n\nThey resume next week.\n";
    let article = parse(text);
    assert_eq!(&text[article.headline().unwrap()], "Talks stall in Geneva");
    assert_eq!(authors(text, &article), ["Jane Doe", "John Roe"]);
    assert_eq!(
        &text[article.byline().unwrap().span],
        "By Jane Doe and John Roe"
    );
    let dateline = article.dateline().unwrap();
    assert_eq!(&text[dateline], "GENEVA (Reuters) -");
    // The dateline stays inside the first paragraph.
    let first = &body(&article)[0];
    assert_eq!(first.span.start, dateline.start);
    assert!(first.span.contains(dateline));
    assert_eq!(
        paragraphs(text, &article),
        [
            "GENEVA (Reuters) - Talks stalled on Monday, officials said.",
            "They resume next week."
        ]
    );
    assert!(article.sections().is_empty());
}

#[test]
fn agency_byline_at_the_end_with_a_label() {
    let text = "Port strike widens\n\nDockworkers walked out on Friday.\n\nThe union wants a raise.\n\nJane Doe, Reuters\n\nWorld News";
    let article = parse(text);
    assert_eq!(authors(text, &article), ["Jane Doe"]);
    assert_eq!(all(text, article.sections()), ["World News"]);
    assert_eq!(
        paragraphs(text, &article),
        [
            "Dockworkers walked out on Friday.",
            "The union wants a raise."
        ]
    );
}

#[test]
fn section_glued_to_the_byline() {
    let text = "Vote delayed\n\nThe count goes on.\n\nby Ann LeePolitics";
    let article = parse(text);
    assert_eq!(authors(text, &article), ["Ann Lee"]);
    assert_eq!(&text[article.byline().unwrap().span], "by Ann Lee");
    assert_eq!(all(text, article.sections()), ["Politics"]);
    assert_eq!(paragraphs(text, &article), ["The count goes on."]);
}

#[test]
fn datelines() {
    for (text, want) in [
        (
            "Head\n\nMOSCOW \u{2014} The Kremlin said nothing.",
            "MOSCOW \u{2014}",
        ),
        (
            "Head\n\nNEW YORK, Nov. 5 (AP) \u{2014} Stocks fell. Bonds rose.",
            "NEW YORK, Nov. 5 (AP) \u{2014}",
        ),
        (
            "Head\n\nKYIV, Ukraine (AP) \u{2014} Sirens sounded overnight.",
            "KYIV, Ukraine (AP) \u{2014}",
        ),
        ("Head\n\nLONDON--Shares fell sharply.", "LONDON--"),
    ] {
        let article = parse(text);
        assert_eq!(article.dateline().map(|d| &text[d]), Some(want), "{text:?}");
        assert!(body(&article)[0].span.contains(article.dateline().unwrap()));
    }
    for text in [
        "Head\n\nThe U.S. - China talks ended.",
        "Head\n\nMoscow \u{2014} the city \u{2014} is quiet.",
        "Head\n\nI \u{2014} like many \u{2014} agree.",
    ] {
        assert!(parse(text).dateline().is_none(), "{text:?}");
    }
    // Only the first body paragraph opens with a dateline.
    let text = "Head\n\nFirst.\n\nMOSCOW \u{2014} Later.";
    assert!(parse(text).dateline().is_none());
}

#[test]
fn key_points_with_other_marks() {
    let text = "Budget passes\n- Taxes rise for the top bracket\n* Spending on roads doubles\n\u{2013} Deficit narrows\n\nThe budget passed late on Thursday.";
    let article = parse(text);
    assert_eq!(
        all(text, article.key_points()),
        [
            "Taxes rise for the top bracket",
            "Spending on roads doubles",
            "Deficit narrows"
        ]
    );
    let bullets: Vec<bool> = body(&article).iter().map(|p| p.bullet).collect();
    assert_eq!(bullets, [true, true, true, false]);
}

#[test]
fn crlf_and_lone_cr() {
    let lf = "Talks stall\n\nBy Jane Doe\n\nMr. Li left. He said so.\n\nThe end came.\n\nPolitics";
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let base = parse(lf);
    for text in [crlf.as_str(), cr.as_str()] {
        let article = parse(text);
        assert_eq!(&text[article.headline().unwrap()], "Talks stall");
        assert_eq!(authors(text, &article), ["Jane Doe"]);
        assert_eq!(all(text, article.sections()), ["Politics"]);
        assert_eq!(paragraphs(text, &article), paragraphs(lf, &base));
        assert_eq!(article.sentences().len(), base.sentences().len());
    }
    // Spans index the original: after CRLF, offsets differ from the LF text.
    let article = parse(&crlf);
    assert_eq!(body(&article)[0].span.start, lf.find("Mr.").unwrap() + 4);
}

#[test]
fn bom_nbsp_and_zero_width() {
    let text = "\u{FEFF}Talks stall\u{00A0}\n\u{200B}\n\u{00A0}\u{200B}Mr. Li left.\u{00A0}He said so.\u{200B}\n";
    let article = parse(text);
    let headline = article.headline().unwrap();
    assert_eq!(headline.start, 3);
    assert_eq!(&text[headline], "Talks stall");
    assert_eq!(
        paragraphs(text, &article),
        ["Mr. Li left.\u{00A0}He said so."]
    );
    let sentences: Vec<&str> = article.sentences().iter().map(|s| &text[s.span]).collect();
    assert_eq!(sentences, ["Talks stall", "Mr. Li left.", "He said so."]);
}

#[test]
fn text_without_blank_lines() {
    let text = "Storm hits coast\nThe storm made landfall at dawn. Winds topped 100 mph.\nThousands lost power.\nby Ann Lee";
    let article = parse(text);
    assert_eq!(&text[article.headline().unwrap()], "Storm hits coast");
    assert_eq!(authors(text, &article), ["Ann Lee"]);
    assert_eq!(
        paragraphs(text, &article),
        [
            "The storm made landfall at dawn. Winds topped 100 mph.",
            "Thousands lost power."
        ]
    );
    // The headline's sentence and the body's three.
    assert_eq!(article.sentences().len(), 4);
}

#[test]
fn headline_with_a_final_period_needs_a_blank_line() {
    let text = "Talks stall as envoys leave Geneva.\n\nThe envoys left on Monday.";
    let article = parse(text);
    assert_eq!(
        &text[article.headline().unwrap()],
        "Talks stall as envoys leave Geneva."
    );
    assert_eq!(paragraphs(text, &article), ["The envoys left on Monday."]);
    // No blank line after it: the first line is a paragraph like the others.
    let text = "The envoys left on Monday.\nTalks resume next week.";
    let article = parse(text);
    assert!(article.headline().is_none());
    assert_eq!(paragraphs(text, &article).len(), 2);
}

#[test]
fn a_quoted_lead_paragraph_is_no_headline() {
    let text = "\u{201C}The bridge has to close,\u{201D} the engineer said.\n\n\u{201C}There is no safe way to keep it open.\u{201D}";
    let article = parse(text);
    assert!(article.headline().is_none());
    assert_eq!(paragraphs(text, &article).len(), 2);
    let text = "The plan will not survive the winter, officials said.\n\nThey gave no details.";
    assert!(parse(text).headline().is_none());
    // Before a dateline, it is a title after all.
    let text = "Mayor says \u{201C}no,\u{201D} then yes.\n\nBOSTON (AP) \u{2014} The mayor changed course.";
    let article = parse(text);
    assert_eq!(
        &text[article.headline().unwrap()],
        "Mayor says \u{201C}no,\u{201D} then yes."
    );
    assert_eq!(&text[article.dateline().unwrap()], "BOSTON (AP) \u{2014}");
    // Repeated, the same line is a title after all.
    let text = "Bridge \u{2018}must close,\u{2019} engineer says.\n\nBridge \u{2018}must close,\u{2019} engineer says.\n\nThe county will decide.";
    let article = parse(text);
    assert!(article.headline().is_some());
    assert_eq!(article.headline_repeats().len(), 1);
    assert_eq!(paragraphs(text, &article), ["The county will decide."]);
}

#[test]
fn repeats_anywhere_and_subheadings_stay() {
    let text = "Rates on hold\n\nThe bank kept rates steady.\n\nRates on hold\n\nWhat comes next\n\nAnalysts expect a cut in spring.";
    let article = parse(text);
    assert_eq!(article.headline_repeats().len(), 1);
    assert_eq!(
        paragraphs(text, &article),
        [
            "The bank kept rates steady.",
            "What comes next",
            "Analysts expect a cut in spring."
        ]
    );
    assert!(article.sections().is_empty());
}

#[test]
fn single_lines_are_body() {
    for text in [
        "\"We will not back down,\" Mayor Ann Lee said.",
        "Politics",
        "By Jane Doe",
    ] {
        let article = parse(text);
        assert!(article.headline().is_none(), "{text:?}");
        if text.starts_with("By ") {
            // A byline alone is a byline, and there is no body.
            assert!(article.byline().is_some());
            assert!(article.paragraphs().is_empty());
        } else {
            assert_eq!(paragraphs(text, &article), [text]);
        }
    }
}

#[test]
fn whitespace_only_gives_an_empty_article() {
    for text in ["", "   ", "\r\n\r\n", "\u{FEFF}", "\u{200B}\u{00A0}\n\t"] {
        let article = parse(text);
        assert!(article.headline().is_none());
        assert!(article.paragraphs().is_empty());
        assert!(article.sentences().is_empty());
        assert!(article.byline().is_none());
    }
}

#[test]
fn long_inputs_parse() {
    // A megabyte line with no spaces, and many short lines: each a paragraph, no blow-up.
    let line = "x".repeat(1 << 20);
    let article = parse(&line);
    assert_eq!(article.paragraphs().len(), 1);
    let many = "Line of text.\n".repeat(50_000);
    let article = parse(&many);
    assert!(article.headline().is_none());
    // Every line repeats the first, which is then no headline: all lines are paragraphs.
    assert_eq!(article.paragraphs().len(), 50_000);
}
