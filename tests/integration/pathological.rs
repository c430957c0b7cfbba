//! Pathological inputs with exact expectations. Each article also passes every invariant of
//! [`check_article`]. These are quick in debug builds; linear cost is shown by the scaling
//! benchmark, not by timing here.

use quotative::{Article, ErrorKind, Parser, Span};

use crate::body;
use crate::props::check_article;

fn parse(text: &str) -> Article<'_> {
    let article = Parser::new().parse(text);
    check_article(&article);
    article
}

/// The text of every sentence of the body.
fn sentence_texts<'a>(article: &'a Article<'_>) -> Vec<&'a str> {
    article
        .sentences()
        .iter()
        .filter(|s| !article.paragraphs()[s.paragraph.index()].headline)
        .map(|s| article.slice(s.span))
        .collect()
}

/// Paragraph, sentence and headline spans, to compare two parses of texts that differ only in
/// bytes that carry no text.
fn layout(article: &Article<'_>, shift: usize) -> (Option<Span>, Vec<Span>, Vec<Span>) {
    let shifted = |s: Span| Span::new(s.start - shift, s.end - shift);
    (
        article.headline().map(shifted),
        article
            .paragraphs()
            .iter()
            .map(|p| shifted(p.span))
            .collect(),
        article
            .sentences()
            .iter()
            .map(|s| shifted(s.span))
            .collect(),
    )
}

/// Shortens a text for a failure message.
fn short(s: &str) -> String {
    if s.chars().count() <= 60 {
        return format!("{s:?}");
    }
    let head: String = s.chars().take(30).collect();
    let tail: String = s
        .chars()
        .rev()
        .take(20)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head:?}…{tail:?} ({} bytes)", s.len())
}

/// Asserts a list of texts, without printing megabytes when it fails.
#[track_caller]
fn assert_texts(actual: &[&str], expected: &[&str], context: &str) {
    if actual != expected {
        let show = |v: &[&str]| v.iter().map(|s| short(s)).collect::<Vec<_>>();
        panic!(
            "{context}: got {} texts {:?}, expected {} texts {:?}",
            actual.len(),
            show(actual),
            expected.len(),
            show(expected)
        );
    }
}

fn assert_blank(article: &Article<'_>) {
    assert!(article.headline().is_none());
    assert!(article.headline_repeats().is_empty());
    assert!(article.key_points().is_empty());
    assert!(article.byline().is_none());
    assert!(article.dateline().is_none());
    assert!(article.sections().is_empty());
    assert!(article.paragraphs().is_empty());
    assert!(article.sentences().is_empty());
    assert!(article.quotations().is_empty());
    assert!(article.cues().is_empty());
    assert!(article.mentions().is_empty());
    assert!(article.quotes().is_empty());
    assert!(article.speakers().is_empty());
    assert!(article.claims().is_empty());
}

#[test]
fn empty_text_is_an_empty_article() {
    assert_blank(&parse(""));
    let parser = Parser::builder().max_input_len(Some(0)).build().unwrap();
    assert_blank(&parser.try_parse("").unwrap());
    assert_blank(&parser.parse_bytes(b"").unwrap());
}

#[test]
fn whitespace_only_is_an_empty_article() {
    for text in [
        " ",
        "\n",
        "\n\n\n",
        " \t \r\n \r\n\t",
        "\r\r\r",
        "\u{a0}\u{a0}",
        "\u{3000}\u{2028}\u{2029}\u{85}",
        "\u{200b}\u{200c}\u{200d}\u{2060}",
        " \n\u{a0}\n\u{200b}\n",
    ] {
        let article = parse(text);
        assert!(
            article.paragraphs().is_empty(),
            "{text:?} gave paragraphs {:?}",
            body::texts(&article)
        );
        assert_blank(&article);
    }
}

#[test]
fn bom_only_is_an_empty_article() {
    for text in [
        "\u{feff}",
        "\u{feff}\n\n",
        "\u{feff} \r\n",
        "\u{feff}\u{feff}",
    ] {
        assert_blank(&parse(text));
    }
}

#[test]
fn bom_does_not_move_anything_but_the_offsets() {
    let plain = "Talks stall in Geneva\n\nThe minister said talks would resume. \"We are not done,\" she said.\n\nOfficials declined to comment.";
    let with_bom = format!("\u{feff}{plain}");
    let a = parse(plain);
    let b = parse(&with_bom);
    assert_eq!(body::texts(&a).len(), 2);
    assert_eq!(layout(&b, 3), layout(&a, 0));
    assert_eq!(a.quotations().len(), b.quotations().len());
    assert_eq!(a.quotes().len(), b.quotes().len());
    assert_eq!(a.cues().len(), b.cues().len());
}

/// About 200 KB in one paragraph, no line break at all after the headline.
#[test]
fn one_giant_paragraph() {
    const UNIT: &str =
        "The committee met again on Tuesday. \"We will meet again,\" the minister said. ";
    let units = 200_000 / UNIT.len() + 1;
    let body = UNIT.repeat(units);
    let text = format!("Committee meets\n\n{}", body.trim_end());
    let article = parse(&text);
    assert_texts(
        &body::texts(&article),
        &[body.trim_end()],
        "one paragraph, the whole body",
    );
    assert_eq!(sentence_texts(&article).len(), 2 * units);
    for pair in sentence_texts(&article).chunks(2) {
        assert_texts(
            pair,
            &[
                "The committee met again on Tuesday.",
                "\"We will meet again,\" the minister said.",
            ],
            "sentences",
        );
    }
    assert_eq!(article.quotations().len(), units);
    for q in article.quotations() {
        assert_eq!(article.slice(q.content), "We will meet again,");
        assert_eq!(q.depth, 0);
        assert!(q.closed);
    }
}

#[test]
fn a_hundred_thousand_straight_quote_marks() {
    let marks = "\"".repeat(100_000);
    let text = format!("Marks everywhere\n\n{marks}");
    let article = parse(&text);
    assert_texts(&body::texts(&article), &[marks.as_str()], "paragraphs");
    assert_eq!(sentence_texts(&article).len(), 1);
    // Nothing to attribute: no words, so no cue, mention, speaker or attributed quote.
    assert!(article.cues().is_empty());
    assert!(article.mentions().is_empty());
    assert!(article.speakers().is_empty());
    assert!(article.quotes().iter().all(|q| q.speaker.is_none()));
}

/// Every paragraph has one stray mark that opens nothing the paragraph closes, and the next
/// paragraph does not re-open it: no quotation runs past its paragraph.
#[test]
fn unmatched_quote_marks_one_per_paragraph() {
    const PARAGRAPHS: usize = 20_000;
    let mut text = String::from("Stray marks\n\n");
    for i in 0..PARAGRAPHS {
        // Alternate a stray opening mark at the end and a stray closing mark at the start.
        if i % 2 == 0 {
            text.push_str("Votes were counted \"\n\n");
        } else {
            text.push_str("\" Votes were counted\n\n");
        }
    }
    let article = parse(&text);
    assert_eq!(body::texts(&article).len(), PARAGRAPHS);
    assert_eq!(sentence_texts(&article).len(), PARAGRAPHS);
    // check_article already proved each quotation lies inside its paragraph; a stray mark
    // gives at most one quotation, which is not closed.
    assert!(article.quotations().len() <= PARAGRAPHS);
    assert!(article.quotations().iter().all(|q| !q.closed));
    assert!(article.quotes().iter().all(|q| q.speaker.is_none()));
}

/// A paragraph that is nothing but attribution cues: every cue is found, and attributing
/// them does not go wrong (linear cost is the scaling benchmark's job).
#[test]
fn a_paragraph_dense_with_cues() {
    const CUES: usize = 5_000;
    let body = "he said ".repeat(CUES);
    let body = body.trim_end();
    let text = format!("Cues everywhere\n\n{body}");
    let article = parse(&text);
    assert_texts(&body::texts(&article), &[body], "paragraphs");
    assert_eq!(sentence_texts(&article).len(), 1);
    assert_eq!(article.cues().len(), CUES);
    assert!(article
        .cues()
        .iter()
        .all(|c| article.slice(c.span) == "said"));
}

#[test]
fn alternating_curly_marks_without_text() {
    let marks = "“”".repeat(10_000);
    let text = format!("Empty quotes\n\n{marks}");
    let article = parse(&text);
    assert_texts(&body::texts(&article), &[marks.as_str()], "paragraphs");
    assert_eq!(sentence_texts(&article).len(), 1);
    // Each “” is an empty pair at depth 0, reported or dropped, never nested or merged.
    for q in article.quotations() {
        assert_eq!(article.slice(q.span), "“”");
        assert!(q.content.is_empty());
        assert_eq!(q.depth, 0);
        assert!(q.closed);
    }
    assert!(article.speakers().is_empty());
    assert!(article.quotes().iter().all(|q| q.speaker.is_none()));
}

#[test]
fn a_quote_never_closed_ends_at_its_paragraph() {
    for (open, name) in [("“", "curly"), ("\"", "straight"), ("«", "guillemet")] {
        let first = format!("The minister said: {open}We will not give up on the talks.");
        let text = format!(
            "Talks go on\n\n{first}\n\nThe talks resume on Monday in Geneva.\n\nOfficials expect a long session."
        );
        let article = parse(&text);
        assert_eq!(
            body::texts(&article),
            [
                first.as_str(),
                "The talks resume on Monday in Geneva.",
                "Officials expect a long session."
            ],
            "{name}"
        );
        let counts: Vec<usize> = article
            .paragraphs()
            .iter()
            .filter(|p| !p.headline)
            .map(|p| p.sentences.len())
            .collect();
        assert_eq!(counts, [1, 1, 1], "{name}");
        let p0 = body::paragraphs(&article)[0].span;
        let open_at = text.find(open).unwrap();
        assert_eq!(article.quotations().len(), 1, "{name}");
        let q = article.quotations()[0];
        assert_eq!(q.span, Span::new(open_at, p0.end), "{name}");
        assert_eq!(q.content, Span::new(open_at + open.len(), p0.end), "{name}");
        assert!(!q.closed, "{name}");
        // Paragraph 0 is the headline; the quotation is in the body's first paragraph.
        assert_eq!(q.paragraph.index(), 1, "{name}");
        for quote in article.quotes() {
            assert!(
                p0.contains(quote.span),
                "{name}: quote {:?} runs past the first paragraph",
                quote.span
            );
        }
    }
}

/// The quotation stage keeps at most this many quotations open at once in a paragraph
/// (`MAX_DEPTH` in `stage::quotation`): deeper opening marks are counted, not reported, and
/// the closing marks that match them are consumed first, so the outer pairs still pair right.
const MAX_REPORTED_DEPTH: usize = 32;

#[test]
fn ten_thousand_nested_quotes() {
    const DEPTH: usize = 10_000;
    let body = format!("{}Deep.{}", "“".repeat(DEPTH), "”".repeat(DEPTH));
    let text = format!("Nested quotes\n\n{body}");
    let article = parse(&text);
    assert_texts(&body::texts(&article), &[body.as_str()], "paragraphs");
    assert_eq!(sentence_texts(&article).len(), 1);
    let para = body::paragraphs(&article)[0].span;
    let quotations = article.quotations();
    assert_eq!(quotations.len(), MAX_REPORTED_DEPTH);
    // One chain, outermost first: the quotation at depth k runs from the k-th opening mark
    // to the k-th closing mark from the end (every mark is 3 bytes).
    for (k, q) in quotations.iter().enumerate() {
        assert_eq!(q.depth as usize, k);
        assert_eq!(q.parent.map(|p| p.index()), k.checked_sub(1));
        assert!(q.closed);
        assert_eq!(
            q.span,
            Span::new(para.start + 3 * k, para.end - 3 * k),
            "depth {k}"
        );
        assert_eq!(
            q.content,
            Span::new(q.span.start + 3, q.span.end - 3),
            "depth {k}"
        );
    }
}

#[test]
fn a_megabyte_line_without_spaces() {
    const CHUNK: &str = "abc.Def,ghi;JKL:mno!Pqr?stu'vwx(yz)0.5%";
    let line = CHUNK.repeat((1 << 20) / CHUNK.len() + 1);
    assert!(line.len() >= 1 << 20);
    let article = parse(&line);
    assert_texts(&body::texts(&article), &[line.as_str()], "paragraphs");
    assert_texts(&sentence_texts(&article), &[line.as_str()], "sentences");
    assert!(article.headline().is_none());

    let letters = "a".repeat(1 << 20);
    let article = parse(&letters);
    assert_texts(&body::texts(&article), &[letters.as_str()], "paragraphs");
    assert_texts(&sentence_texts(&article), &[letters.as_str()], "sentences");
}

#[test]
fn only_punctuation() {
    for unit in [".", ".,;:?!…", "?!", "…"] {
        let body = unit.repeat(100_000 / unit.len());
        let text = format!("Punctuation\n\n{body}");
        let article = parse(&text);
        assert_texts(
            &body::texts(&article),
            &[body.as_str()],
            &format!("paragraphs of {unit:?}"),
        );
        assert_texts(
            &sentence_texts(&article),
            &[body.as_str()],
            &format!("sentences of {unit:?}"),
        );
        assert!(article.quotations().is_empty(), "{unit:?}");
        assert!(article.cues().is_empty(), "{unit:?}");
        assert!(article.mentions().is_empty(), "{unit:?}");
        assert!(article.quotes().is_empty(), "{unit:?}");
        assert!(article.speakers().is_empty(), "{unit:?}");
        assert!(article.claims().is_empty(), "{unit:?}");
    }
}

const LF: &str = "Talks stall in Geneva\n\nThe minister said talks would resume. Officials agreed.\n\nA second round is planned for May.\n";

#[test]
fn crlf_gives_the_same_article_as_lf() {
    let lf = parse(LF);
    let crlf_text = LF.replace('\n', "\r\n");
    let crlf = parse(&crlf_text);
    assert_eq!(
        body::texts(&lf),
        [
            "The minister said talks would resume. Officials agreed.",
            "A second round is planned for May."
        ]
    );
    assert_eq!(
        sentence_texts(&lf),
        [
            "The minister said talks would resume.",
            "Officials agreed.",
            "A second round is planned for May."
        ]
    );
    assert_eq!(body::texts(&crlf), body::texts(&lf));
    assert_eq!(sentence_texts(&crlf), sentence_texts(&lf));
    assert_eq!(
        crlf.headline().map(|h| crlf.slice(h)),
        lf.headline().map(|h| lf.slice(h))
    );
}

#[test]
fn lone_cr_gives_the_same_article_as_lf() {
    // `\r` and `\n` are one byte each, so every span is the same.
    let lf = parse(LF);
    let cr_text = LF.replace('\n', "\r");
    let cr = parse(&cr_text);
    assert_eq!(layout(&cr, 0), layout(&lf, 0));
    assert_eq!(sentence_texts(&cr), sentence_texts(&lf));
}

#[test]
fn single_line_breaks_split_paragraphs_with_any_line_ending() {
    let lf = "Talks stall in Geneva\nThe minister said talks would resume.\nA second round is planned for May.";
    for text in [
        lf.to_owned(),
        lf.replace('\n', "\r\n"),
        lf.replace('\n', "\r"),
    ] {
        let article = parse(&text);
        let mut paragraphs = body::texts(&article);
        // Whether the first line is taken as the headline is the layout's call; the body
        // paragraphs are not.
        if article.headline().is_none() {
            assert_eq!(paragraphs.remove(0), "Talks stall in Geneva", "{text:?}");
        }
        assert_eq!(
            paragraphs,
            [
                "The minister said talks would resume.",
                "A second round is planned for May."
            ],
            "{text:?}"
        );
    }
}

#[test]
fn nul_and_control_characters_are_ordinary_characters() {
    let text = "Talks\0stall\n\nThe\0minister said talks would resume. Officials\u{1}agreed\u{7f}.";
    let article = parse(text);
    assert_eq!(
        body::texts(&article),
        ["The\0minister said talks would resume. Officials\u{1}agreed\u{7f}."]
    );
    assert_eq!(
        sentence_texts(&article),
        [
            "The\0minister said talks would resume.",
            "Officials\u{1}agreed\u{7f}."
        ]
    );
    let said = text.find("said").unwrap();
    assert!(
        article
            .cues()
            .iter()
            .any(|c| c.span == Span::new(said, said + 4)),
        "the cue after a NUL is found"
    );
    // Only NULs: no crash, and nothing is made of them beyond at most one paragraph.
    let nuls = "\0".repeat(10_000);
    let article = parse(&nuls);
    assert!(body::texts(&article).len() <= 1);
    assert!(article.quotes().is_empty());
}

#[test]
fn invalid_utf8_names_the_first_bad_byte() {
    let parser = Parser::new();
    let cases: &[(&[u8], usize)] = &[
        (b"\xff", 0),
        (b"Talks \xff stall", 6),
        (b"Talks stall\n\nThe minister said \xc3\x28 no.", 31),
        // A truncated three-byte sequence at the end.
        (b"abc\xe2\x80", 3),
        // An overlong encoding of '/'.
        (b"ab\xc0\xaf", 2),
        // A UTF-16 surrogate encoded in UTF-8.
        (b"\xed\xa0\x80", 0),
    ];
    for &(bytes, offset) in cases {
        let err = parser.parse_bytes(bytes).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { offset }, "{bytes:?}");
        assert_eq!(
            err.to_string(),
            format!("input is not valid UTF-8 at byte offset {offset}")
        );
    }
    // Valid multi-byte text before the bad byte: the offset counts bytes.
    let mut bytes = "«Zoë» said".as_bytes().to_vec();
    bytes.push(0x80);
    let err = parser.parse_bytes(&bytes).unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::InvalidUtf8 {
            offset: "«Zoë» said".len()
        }
    );
    // Valid bytes parse like the string.
    let text = "Talks stall\n\n“We are ready,” Zoë said.";
    let article = parser.parse_bytes(text.as_bytes()).unwrap();
    check_article(&article);
    assert!(article == parser.parse(text));
}

#[test]
fn lossy_mode_replaces_bad_bytes_and_parses_the_rest() {
    let parser = Parser::new();
    let bytes = b"Talks stall\n\nThe minister said \xff\xfe no. Officials agreed.\xc3";
    let article = parser.parse_bytes_lossy(bytes).unwrap();
    check_article(&article);
    assert_eq!(
        article.text(),
        "Talks stall\n\nThe minister said \u{fffd}\u{fffd} no. Officials agreed.\u{fffd}"
    );
    assert_eq!(
        body::texts(&article),
        ["The minister said \u{fffd}\u{fffd} no. Officials agreed.\u{fffd}"]
    );
    assert_eq!(
        sentence_texts(&article),
        [
            "The minister said \u{fffd}\u{fffd} no.",
            "Officials agreed.\u{fffd}"
        ]
    );
    // Nothing but bad bytes.
    let article = parser.parse_bytes_lossy(&[0xff; 1000]).unwrap();
    check_article(&article);
    assert_eq!(article.text().chars().count(), 1000);
    assert_eq!(body::texts(&article).len(), 1);
}

#[test]
fn inputs_over_the_limit_are_refused() {
    let parser = Parser::builder().max_input_len(Some(10)).build().unwrap();
    let too_large = |len| ErrorKind::InputTooLarge { len, limit: 10 };

    assert_eq!(
        parser.try_parse("eleven byte").unwrap_err().kind(),
        &too_large(11)
    );
    assert_eq!(
        parser.parse_bytes(b"eleven byte").unwrap_err().kind(),
        &too_large(11)
    );
    assert_eq!(
        parser.parse_bytes_lossy(b"eleven byte").unwrap_err().kind(),
        &too_large(11)
    );
    // The limit is checked before the encoding.
    assert_eq!(
        parser
            .parse_bytes(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff")
            .unwrap_err()
            .kind(),
        &too_large(11)
    );
    // The limit counts bytes, not characters: ten bytes pass, however many characters.
    let ten = "ten bytes!";
    assert_eq!(ten.len(), 10);
    check_article(&parser.try_parse(ten).unwrap());
    check_article(&parser.parse_bytes(ten.as_bytes()).unwrap());
    let five_chars = "“ab”";
    assert_eq!(five_chars.len(), 8);
    check_article(&parser.try_parse(five_chars).unwrap());
    let eleven = "«Zoë» said";
    assert_eq!(eleven.len(), 13);
    assert_eq!(parser.try_parse(eleven).unwrap_err().kind(), &too_large(13));
    // `parse` never fails: it does not apply the limit.
    check_article(&parser.parse("eleven byte"));
    // No limit by default.
    check_article(&Parser::new().try_parse(&"x".repeat(1 << 16)).unwrap());
}

/// One sentence that opens with a subordinate clause and then runs on with a cue every few
/// words: every cue is found and attributed (`but the mayor said` opens a clause of its own),
/// and the look-arounds stay within a clause's reach (the scaling benchmark shows the cost).
#[test]
fn a_subordinate_clause_running_on_with_cues() {
    const UNITS: usize = 2_000;
    let body = format!(
        "While {}",
        "the mayor said the plan is bad but ".repeat(UNITS)
    );
    let body = body.trim_end();
    let article = parse(body);
    assert_eq!(sentence_texts(&article).len(), 1);
    assert_eq!(article.cues().len(), UNITS);
    assert_eq!(article.quotes().len(), UNITS);
    assert!(article
        .quotes()
        .iter()
        .all(|q| q.cue.is_some_and(|c| article.slice(c) == "said")));
}

/// One sentence that runs on through this release's newer constructions (a parenthetical
/// closed after an adjunct, inserts set off by commas, a passive with an agent, a purpose
/// infinitive, an evaluative verb with a reason): every look-around stays within a clause's
/// reach, so the parse is linear (the scaling benchmark shows the cost), and all is found.
#[test]
fn newer_constructions_running_on_in_one_sentence() {
    const UNITS: usize = 2_000;
    let unit = "still, she said in an interview, the plan, which was costly, was first \
                reported by the Tribune and the mayor went on television to say the city \
                was broke and the senator praised the mayor for cutting taxes and ";
    let body = format!("Lee wrote that {}", unit.repeat(UNITS));
    let body = body.trim_end();
    let article = parse(body);
    assert_eq!(sentence_texts(&article).len(), 1);
    assert!(
        article.quotes().len() >= UNITS,
        "{}",
        article.quotes().len()
    );
}

/// A transcript label before a quotation that its content, trimmed, stops short of: the quote
/// still takes in the whole quotation (found by the property tests).
#[test]
fn transcript_label_before_a_quotation_mark_run() {
    let article = parse("SAID:\"\"the saidInc.");
    for q in article.quotes() {
        for &id in &q.quotations {
            let quotation = article.quotations()[id.index()];
            assert!(q.span.contains(quotation.span), "{q:?} {quotation:?}");
        }
    }
}

/// A quotation whose opening mark closes the sentence before its content's (found by the
/// property tests): the quote's sentence is the one its span starts in.
#[test]
fn quote_opening_mark_in_the_sentence_before() {
    let article = parse(", he said.\"\" \u{2018}\"");
    for q in article.quotes() {
        let s = article.sentences()[q.sentence.index()].span;
        assert!(
            s.start <= q.span.start && q.span.start < s.end,
            "{q:?} {s:?}"
        );
    }
}

/// Thousands of short paragraphs that each open like a name kicker with a name that never
/// comes up again (`Xab: …`, `Xac: …`): the look-up of a name elsewhere in the text is
/// bounded in reach and in number per article, so the parse stays linear, and none of them
/// is attributed.
#[test]
fn many_name_kicker_paragraphs() {
    const PARAGRAPHS: usize = 20_000;
    let mut text = String::new();
    for i in 0..PARAGRAPHS {
        let a = char::from(b'a' + (i % 26) as u8);
        let b = char::from(b'a' + (i / 26 % 26) as u8);
        let c = char::from(b'a' + (i / 676 % 26) as u8);
        text.push_str(&format!("Xq{c}{b}{a}: The wall will hold\n\n"));
    }
    let article = parse(&text);
    assert!(
        article.paragraphs().len() + 1 >= PARAGRAPHS,
        "{}",
        article.paragraphs().len()
    );
    assert!(article.quotes().is_empty(), "{}", article.quotes().len());
}

/// A transcript with many turns: each label, once found again in the text, is accepted on
/// every later turn without spending another look-up.
#[test]
fn a_long_transcript_keeps_its_labels() {
    const TURNS: usize = 200;
    let mut text = String::from("Host Ann Lee spoke with Mayor Okafor.\n\n");
    for i in 0..TURNS {
        let label = if i % 2 == 0 { "LEE" } else { "OKAFOR" };
        text.push_str(&format!("{label}: Turn number {i} of the talk.\n\n"));
    }
    let article = parse(&text);
    let labelled = article
        .quotes()
        .iter()
        .filter(|q| {
            q.mention
                .is_some_and(|m| matches!(&text.as_str()[m], "LEE" | "OKAFOR"))
        })
        .count();
    assert_eq!(labelled, TURNS);
}
