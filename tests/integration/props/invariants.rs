//! The invariants every [`Article`] must satisfy, whatever the input: spans in range and on
//! char boundaries, containment, sentences tiling their paragraph, ids that point at existing
//! records, a serde round-trip to an equal value, and character offsets that agree with
//! counting characters.
//!
//! This file has no dependency beyond quotative and `serde_json`, so the fuzz targets include it
//! too (`#[path = "../../tests/integration/props/invariants.rs"]`).

use std::collections::HashSet;

use quotative::{Article, CharIndex, QuoteKind, Span};

/// Characters that may sit between two sentences of a paragraph besides `char::is_whitespace`
/// ones: zero-width spaces and joiners, the word joiner and the BOM, which carry no text.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Checks one span: in range and on char boundaries of `text`.
fn in_range(text: &str, what: &str, span: Span) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of range (text is {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

/// Checks one span that must cover some text.
fn non_empty(text: &str, what: &str, span: Span) {
    in_range(text, what, span);
    assert!(!span.is_empty(), "{what} {span:?} is empty");
}

/// Checks a span that must have no blank character at either edge.
fn trimmed(text: &str, what: &str, span: Span) {
    non_empty(text, what, span);
    let s = &text[span];
    let first = s.chars().next().unwrap();
    let last = s.chars().next_back().unwrap();
    assert!(
        !first.is_whitespace() && !last.is_whitespace(),
        "{what} {span:?} = {s:?} has whitespace at an edge"
    );
}

fn inside(what: &str, outer: Span, inner: Span) {
    assert!(
        outer.contains(inner),
        "{what}: {inner:?} is not inside {outer:?}"
    );
}

/// Asserts every invariant of `article`; panics with a message naming the first one broken.
pub(crate) fn check_article(article: &Article<'_>) {
    let text = article.text();
    check_layout(article, text);
    check_sentences(article, text);
    check_quotations(article, text);
    check_cues_and_mentions(article, text);
    check_quotes(article, text);
    check_speakers(article, text);
    check_claims(article, text);
    check_slices(article, text);
    check_serde(article);
    check_char_index(article, text);
}

fn check_layout(article: &Article<'_>, text: &str) {
    let mut outside_body: Vec<(&str, Span)> = Vec::new();
    if let Some(h) = article.headline() {
        trimmed(text, "headline", h);
        outside_body.push(("headline", h));
    }
    for &r in article.headline_repeats() {
        trimmed(text, "headline repeat", r);
        outside_body.push(("headline repeat", r));
    }
    for &k in article.key_points() {
        trimmed(text, "key point", k);
    }
    if let Some(b) = article.byline() {
        trimmed(text, "byline", b.span);
        outside_body.push(("byline", b.span));
        for &a in &b.authors {
            non_empty(text, "byline author", a);
            inside("byline author", b.span, a);
        }
    }
    if let Some(d) = article.dateline() {
        non_empty(text, "dateline", d);
    }
    for &s in article.sections() {
        trimmed(text, "section", s);
        outside_body.push(("section", s));
    }

    // Key points are paragraphs too (`Article::paragraphs` holds "key points and the body"),
    // marked as bullets. Both lists are in text order.
    let mut bullets = article
        .paragraphs()
        .iter()
        .filter(|p| p.bullet)
        .map(|p| p.span);
    for &k in article.key_points() {
        assert!(
            bullets.any(|b| b == k),
            "key point {k:?} is not a bullet paragraph"
        );
    }

    // The headline, when there is one, is paragraph 0 and the only one flagged.
    for (i, p) in article.paragraphs().iter().enumerate() {
        let is_headline = i == 0 && article.headline() == Some(p.span);
        assert_eq!(p.headline, is_headline, "paragraph {i} {:?}", p.span);
    }
    if article.headline().is_some() {
        assert!(article.paragraphs().first().is_some_and(|p| p.headline));
    }

    let mut prev_end = 0;
    for (i, p) in article.paragraphs().iter().enumerate() {
        trimmed(text, "paragraph", p.span);
        assert!(
            p.span.start >= prev_end,
            "paragraph {i} {:?} overlaps or precedes the one before (ends at {prev_end})",
            p.span
        );
        prev_end = p.span.end;
        for &(what, s) in &outside_body {
            if p.headline && what == "headline" {
                continue;
            }
            assert!(
                !p.span.overlaps(s),
                "paragraph {i} {:?} overlaps the {what} {s:?}",
                p.span
            );
        }
    }
}

fn check_sentences(article: &Article<'_>, text: &str) {
    let paragraphs = article.paragraphs();
    let sentences = article.sentences();
    // The paragraphs' sentence lists, concatenated, are exactly 0..sentences.len().
    let mut next = 0;
    for (pi, p) in paragraphs.iter().enumerate() {
        assert!(
            !p.sentences.is_empty(),
            "paragraph {pi} {:?} has no sentence",
            p.span
        );
        let mut cursor = p.span.start;
        for (k, id) in p.sentences.iter().enumerate() {
            assert_eq!(
                id.index(),
                next,
                "paragraph {pi}: sentence ids not consecutive"
            );
            next += 1;
            let s = sentences
                .get(id.index())
                .unwrap_or_else(|| panic!("paragraph {pi} lists missing sentence {id:?}"));
            trimmed(text, "sentence", s.span);
            assert_eq!(
                s.paragraph.index(),
                pi,
                "sentence {id:?} {:?} names paragraph {:?}, listed by {pi}",
                s.span,
                s.paragraph
            );
            inside("sentence in its paragraph", p.span, s.span);
            if k == 0 {
                assert_eq!(
                    s.span.start, p.span.start,
                    "paragraph {pi}: first sentence does not start at the paragraph"
                );
            }
            assert!(
                s.span.start >= cursor,
                "paragraph {pi}: sentence {:?} overlaps the one before (ends at {cursor})",
                s.span
            );
            let gap = &text[cursor..s.span.start];
            assert!(
                gap.chars().all(is_blank),
                "paragraph {pi}: text {gap:?} between sentences belongs to none"
            );
            cursor = s.span.end;
        }
        assert_eq!(
            cursor, p.span.end,
            "paragraph {pi}: last sentence does not end at the paragraph's end"
        );
    }
    assert_eq!(
        next,
        sentences.len(),
        "sentences not listed by any paragraph"
    );
}

fn check_quotations(article: &Article<'_>, text: &str) {
    let quotations = article.quotations();
    let paragraphs = article.paragraphs();
    for (i, q) in quotations.iter().enumerate() {
        non_empty(text, "quotation span", q.span);
        in_range(text, "quotation content", q.content);
        inside("quotation content in its span", q.span, q.content);
        let para = paragraphs
            .get(q.paragraph.index())
            .unwrap_or_else(|| panic!("quotation {i} names missing paragraph {:?}", q.paragraph));
        inside("quotation in its paragraph", para.span, q.span);
        if q.closed {
            assert!(
                q.content.end < q.span.end,
                "quotation {i} {:?} is closed but has no closing mark after {:?}",
                q.span,
                q.content
            );
        }
        match q.parent {
            None => assert_eq!(
                q.depth, 0,
                "quotation {i} has no parent but depth {}",
                q.depth
            ),
            Some(pid) => {
                assert_ne!(pid.index(), i, "quotation {i} is its own parent");
                let parent = quotations
                    .get(pid.index())
                    .unwrap_or_else(|| panic!("quotation {i} names missing parent {pid:?}"));
                assert_eq!(
                    q.depth,
                    parent.depth + 1,
                    "quotation {i}: depth is not its parent's plus one"
                );
                inside(
                    "nested quotation in its parent's content",
                    parent.content,
                    q.span,
                );
            }
        }
        if let Some(cid) = q.continues {
            let before = quotations
                .get(cid.index())
                .unwrap_or_else(|| panic!("quotation {i} continues missing {cid:?}"));
            assert!(
                before.paragraph < q.paragraph,
                "quotation {i} continues {cid:?}, which is not in an earlier paragraph"
            );
            assert!(
                !before.closed,
                "quotation {i} continues {cid:?}, which was closed"
            );
        }
    }
}

fn check_cues_and_mentions(article: &Article<'_>, text: &str) {
    let paragraphs = article.paragraphs();
    let mut prev_end = 0;
    // Cues and paragraphs are both in text order: walk them together.
    let mut p = 0;
    for c in article.cues() {
        non_empty(text, "cue", c.span);
        assert!(
            c.span.start >= prev_end,
            "cue {:?} overlaps or precedes the one before",
            c.span
        );
        prev_end = c.span.end;
        while p < paragraphs.len() && paragraphs[p].span.end < c.span.end {
            p += 1;
        }
        assert!(
            p < paragraphs.len() && paragraphs[p].span.contains(c.span),
            "cue {:?} is in no paragraph",
            c.span
        );
    }
    // Every (speaker, mention span) pair the speakers list, to look up in O(1).
    let listed: HashSet<(usize, Span)> = article
        .speakers()
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.mentions.iter().map(move |&m| (i, m)))
        .collect();
    for (i, m) in article.mentions().iter().enumerate() {
        non_empty(text, "mention", m.span);
        if let Some(name) = m.name {
            non_empty(text, "mention name", name);
            inside("mention name in the mention", m.span, name);
        }
        if let Some(title) = m.title {
            non_empty(text, "mention title", title);
            inside("mention title in the mention", m.span, title);
            if let Some(name) = m.name {
                assert!(
                    !title.overlaps(name),
                    "mention {i}: title {title:?} overlaps name {name:?}"
                );
            }
        }
        if let Some(role) = m.role {
            non_empty(text, "mention role", role);
        }
        if let Some(s) = m.speaker {
            assert!(
                article.speaker(s).is_some(),
                "mention {i} names missing speaker {s:?}"
            );
            assert!(
                listed.contains(&(s.index(), m.span)),
                "mention {i} {:?} names speaker {s:?}, which does not list it",
                m.span
            );
        }
    }
}

fn check_quotes(article: &Article<'_>, text: &str) {
    let quotes = article.quotes();
    // Every (speaker, quote) pair the speakers list, to look up in O(1).
    let listed: HashSet<(usize, usize)> = article
        .speakers()
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.quotes.iter().map(move |q| (i, q.index())))
        .collect();
    for (i, q) in quotes.iter().enumerate() {
        non_empty(text, "quote span", q.span);
        in_range(text, "quote content", q.content);
        inside("quote content in its span", q.span, q.content);
        assert!(!q.segments.is_empty(), "quote {i} has no segment");
        let mut prev_end = q.content.start;
        for &seg in &q.segments {
            in_range(text, "quote segment", seg);
            inside("quote segment in the content", q.content, seg);
            assert!(
                seg.start >= prev_end,
                "quote {i}: segment {seg:?} overlaps or precedes the one before"
            );
            prev_end = seg.end;
        }
        assert_eq!(
            (q.segments[0].start, q.segments[q.segments.len() - 1].end),
            (q.content.start, q.content.end),
            "quote {i}: content is not the hull of its segments"
        );
        if q.kind != QuoteKind::Direct {
            assert!(
                !q.content.is_empty(),
                "quote {i}: {:?} quote with empty content",
                q.kind
            );
        }
        let para = article
            .paragraphs()
            .get(q.paragraph.index())
            .unwrap_or_else(|| panic!("quote {i} names missing paragraph {:?}", q.paragraph));
        assert!(
            para.span.start <= q.span.start && q.span.start < para.span.end,
            "quote {i} {:?} does not start in its paragraph {:?}",
            q.span,
            para.span
        );
        let sentence = article
            .sentences()
            .get(q.sentence.index())
            .unwrap_or_else(|| panic!("quote {i} names missing sentence {:?}", q.sentence));
        assert_eq!(
            sentence.paragraph, q.paragraph,
            "quote {i}: its sentence is in another paragraph"
        );
        assert!(
            sentence.span.start <= q.span.start && q.span.start < sentence.span.end,
            "quote {i} {:?} does not start in its sentence {:?}",
            q.span,
            sentence.span
        );
        if let Some(m) = q.mention {
            non_empty(text, "quote mention", m);
        }
        if let Some(source) = q.source {
            non_empty(text, "quote source", source);
            if let Some(m) = q.mention {
                inside("quote mention in its source", source, m);
            }
        }
        if let Some(c) = q.cue {
            non_empty(text, "quote cue", c);
        }
        if let Some(s) = q.speaker {
            assert!(
                article.speaker(s).is_some(),
                "quote {i} names missing speaker {s:?}"
            );
            assert!(
                listed.contains(&(s.index(), i)),
                "quote {i} names speaker {s:?}, which does not list it"
            );
        }
        if q.marked {
            assert!(
                !q.quotations.is_empty(),
                "quote {i} is marked but has no quotation"
            );
        }
        for id in &q.quotations {
            let quotation = article
                .quotations()
                .get(id.index())
                .unwrap_or_else(|| panic!("quote {i} names missing quotation {id:?}"));
            inside("quotation in its quote", q.span, quotation.span);
        }
        if let Some(pid) = q.parent {
            assert_ne!(pid.index(), i, "quote {i} is its own parent");
            let parent = quotes
                .get(pid.index())
                .unwrap_or_else(|| panic!("quote {i} names missing parent {pid:?}"));
            inside("nested quote in its parent", parent.span, q.span);
        }
        assert!(
            q.confidence.is_finite() && (0.0..=1.0).contains(&q.confidence),
            "quote {i}: confidence {} is not in 0..=1",
            q.confidence
        );
    }
}

fn check_speakers(article: &Article<'_>, text: &str) {
    for (i, s) in article.speakers().iter().enumerate() {
        assert_eq!(s.id.index(), i, "speaker {i} has id {:?}", s.id);
        non_empty(text, "speaker name", s.name);
        for &t in &s.titles {
            non_empty(text, "speaker title", t);
        }
        for &r in &s.roles {
            non_empty(text, "speaker role", r);
        }
        for &m in &s.mentions {
            non_empty(text, "speaker mention", m);
        }
        for &g in &s.gender_evidence {
            non_empty(text, "speaker gender evidence", g);
        }
        if s.gender.is_some() {
            assert!(
                !s.gender_evidence.is_empty(),
                "speaker {i} has a gender without evidence"
            );
        }
        for id in &s.quotes {
            let q = article
                .quotes()
                .get(id.index())
                .unwrap_or_else(|| panic!("speaker {i} lists missing quote {id:?}"));
            assert_eq!(
                q.speaker.map(|x| x.index()),
                Some(i),
                "speaker {i} lists quote {id:?}, which names {:?}",
                q.speaker
            );
        }
    }
}

fn check_claims(article: &Article<'_>, text: &str) {
    for (i, c) in article.claims().iter().enumerate() {
        in_range(text, "claim content", c.content);
        if let Some(s) = c.speaker {
            assert!(
                article.speaker(s).is_some(),
                "claim {i} names missing speaker {s:?}"
            );
        }
        for (what, span) in [
            ("claim mention", c.mention),
            ("claim cue", c.cue),
            ("claim relay", c.relay),
            ("claim medium", c.medium),
            ("claim addressee", c.addressee),
            ("claim time", c.time),
        ] {
            if let Some(span) = span {
                non_empty(text, what, span);
            }
        }
        for &e in &c.evidence {
            non_empty(text, "claim evidence", e);
        }
        for id in &c.quotes {
            assert!(
                article.quotes().get(id.index()).is_some(),
                "claim {i} names missing quote {id:?}"
            );
        }
    }
}

/// `Article::slice` agrees with indexing the text for every record's main span.
fn check_slices(article: &Article<'_>, text: &str) {
    let spans = article
        .paragraphs()
        .iter()
        .map(|p| p.span)
        .chain(article.sentences().iter().map(|s| s.span))
        .chain(article.quotations().iter().map(|q| q.span))
        .chain(article.quotes().iter().map(|q| q.content));
    for span in spans {
        assert_eq!(article.slice(span), &text[span]);
    }
}

/// JSON and back gives an equal article (deserializing from the JSON string, which the
/// article's `Cow` text may borrow from).
fn check_serde(article: &Article<'_>) {
    let json = serde_json::to_string(article).expect("an article serializes");
    let back: Article<'_> = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("the article's JSON does not deserialize: {e}"));
    assert!(
        back == *article,
        "serde round-trip gives a different article"
    );
    assert!(
        article.clone().into_owned() == *article,
        "into_owned gives a different article"
    );
}

/// `CharIndex` agrees with counting characters, at every char boundary of short texts and at
/// every paragraph edge of long ones.
fn check_char_index(article: &Article<'_>, text: &str) {
    let index = CharIndex::new(text);
    if text.len() <= 4096 {
        let mut count = 0;
        for (byte, _) in text.char_indices() {
            assert_eq!(index.char_offset(byte), count, "char offset of byte {byte}");
            count += 1;
        }
        assert_eq!(
            index.char_offset(text.len()),
            count,
            "char offset of the end"
        );
    } else {
        // Paragraphs are in order: count characters from one edge to the next.
        let (mut byte, mut count) = (0, 0);
        for p in article.paragraphs() {
            for edge in [p.span.start, p.span.end] {
                count += text[byte..edge].chars().count();
                byte = edge;
                assert_eq!(index.char_offset(edge), count, "char offset of byte {edge}");
            }
        }
        count += text[byte..].chars().count();
        assert_eq!(
            index.char_offset(text.len()),
            count,
            "char offset of the end"
        );
    }
}
