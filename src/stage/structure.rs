//! Article layout: headline and its repeats, key points, byline, dateline, section labels and
//! the body's paragraphs.
//!
//! The text is cut into lines once (`\n`, `\r\n`, a lone `\r`, U+0085, U+2028; U+2029 also
//! counts as a blank line). Each line gets a role: headline, repeat of the headline, byline, key
//! point, section label or body. Body lines are then grouped into paragraphs: on blank lines
//! when the text has any between its first and last lines, otherwise one paragraph per line.
//! Whitespace is [`is_space`]: Unicode white space plus zero-width characters and the BOM, so
//! spans never start or end on them. Every span points into the original text.

use std::cell::Cell;

use crate::stage::sentence::{self, is_space, Abbreviations};
use crate::stage::{find, scratch};
use crate::{Byline, Span};
use once_cell::sync::Lazy;

/// One block of text that becomes a paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    pub(crate) span: Span,
    pub(crate) bullet: bool,
}

/// What [`analyse`] finds.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub(crate) headline: Option<Span>,
    pub(crate) headline_repeats: Vec<Span>,
    pub(crate) key_points: Vec<Span>,
    pub(crate) byline: Option<Byline>,
    pub(crate) dateline: Option<Span>,
    pub(crate) sections: Vec<Span>,
    pub(crate) paragraphs: Vec<Block>,
}

/// Headlines are at most this many characters long.
const MAX_HEADLINE_CHARS: usize = 300;

/// Byline lines are at most this many bytes long.
const MAX_BYLINE_LEN: usize = 160;

/// Section label lines are at most this many characters long.
const MAX_LABEL_CHARS: usize = 40;

/// How far into the first body paragraph a dateline may reach (bytes).
const MAX_DATELINE_LEN: usize = 120;

/// Words that make a byline piece an outlet, agency or job title rather than a person's name.
#[rustfmt::skip]
const OUTLET_WORDS: &[&str] = &[
    "ABC", "AFP", "AP", "Agency", "Associated", "BBC", "Bloomberg", "Bureau", "CBS", "CNBC",
    "CNN", "Chief", "Columnist", "Contributor", "Correspondent", "Correspondents", "Daily",
    "Desk", "Editor", "Editors", "Foreign", "Gazette", "Herald", "Interfax", "Journal",
    "Magazine", "Media", "NBC", "NPR", "Network", "News", "Newsroom", "PBS", "Political",
    "Post", "Press", "Producer", "Radio", "Reporter", "Reporters", "Reuters", "Senior",
    "Service", "Special", "Staff", "TASS", "Team", "Television", "Times", "Tribune", "UPI",
    "Weekly", "Wire", "Writer", "Writers", "Xinhua",
];

/// Lower-case name particles (`Ursula von der Leyen`, `Charles de Gaulle`).
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "st", "te", "ten", "ter", "van", "von", "y", "zu",
];

/// Section names recognised when glued to the end of a byline (`by Jane DoePolitics`).
/// Stand-alone trailing label lines are recognised by their shape instead.
#[rustfmt::skip]
const SECTION_WORDS: &[&str] = &[
    "Africa", "Americas", "Analysis", "Arts", "Asia", "Books", "Business", "Climate",
    "Commentary", "Culture", "Economy", "Education", "Elections", "Energy", "Entertainment",
    "Environment", "Europe", "Finance", "Health", "Investing", "Lifestyle", "Markets", "Media",
    "Metro", "Money", "Nation", "National", "Opinion", "Politics", "Science", "Sport", "Sports",
    "Style", "Tech", "Technology", "Travel", "US", "World",
];

/// One line of the text: the span of its content without surrounding whitespace (empty for a
/// blank line).
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

impl Line {
    fn blank(&self) -> bool {
        self.start >= self.end
    }
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Blank,
    Body,
    Headline,
    Repeat,
    Byline,
    Section,
    KeyPoint,
    /// A wrapped continuation of the key point above it.
    KeyPointMore,
}

impl Role {
    /// Lines that belong to the front or end matter rather than the body.
    fn is_matter(self) -> bool {
        !matches!(self, Self::Body | Self::Blank)
    }
}

/// The span `start..end` of `text` without surrounding whitespace.
fn trimmed(text: &str, start: usize, end: usize) -> Line {
    let (lead, inner_end) = sentence::trim_bounds(&text[start..end]);
    Line {
        start: start + lead,
        end: start + inner_end,
    }
}

/// The search for line feeds, carriage returns and the last byte of U+2028, set up once.
static COMMON_BREAKS: Lazy<find::Three> = Lazy::new(|| find::Three::new(b'\n', b'\r', 0xA8));

/// Cuts `text` into lines.
#[cfg(test)]
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    split_lines_into(text, &mut lines);
    lines
}

/// Cuts `text` into lines, replacing what `lines` held.
fn split_lines_into(text: &str, lines: &mut Vec<Line>) {
    let b = text.as_bytes();
    lines.clear();
    // Room for a line per 32 bytes (more than news text has, blank lines included) up to
    // what a kept buffer holds; the buffer is kept from parse to parse. Counting the line
    // feeds first would cost a pass over the text.
    lines.reserve((b.len() / 32).min(KEEP_ITEMS) + 1);
    let mut line_start = 0;
    let mut i = 0;
    // The next byte that may be the last of a line break, of each of three sets, found
    // with `memchr` and kept until the scan passes it. The wide breaks (U+0085, U+2028,
    // U+2029) are found by their last byte, rarer in text than their first.
    let mut common: Option<usize> = None;
    let mut rare: Option<usize> = None;
    let mut paragraph_sep: Option<usize> = None;
    let from = |i: usize, found: Option<usize>| found.map_or(b.len(), |k| i + k);
    while i < b.len() {
        let c = match common {
            Some(c) if c >= i => c,
            _ => from(i, COMMON_BREAKS.find(&b[i..])),
        };
        let r = match rare {
            Some(r) if r >= i => r,
            _ => from(i, memchr::memchr3(0x0B, 0x0C, 0x85, &b[i..])),
        };
        let p = match paragraph_sep {
            Some(p) if p >= i => p,
            _ => from(i, memchr::memchr(0xA9, &b[i..])),
        };
        common = Some(c);
        rare = Some(r);
        paragraph_sep = Some(p);
        i = c.min(r).min(p);
        if i >= b.len() {
            break;
        }
        let wide = |lead: &[u8]| i >= lead.len() && b[i - lead.len()..i] == *lead;
        // Where the break starts, its length, and whether it ends a paragraph.
        let (at, len, paragraph) = match b[i] {
            b'\n' | 0x0B | 0x0C => (i, 1, false),
            b'\r' if b.get(i + 1) == Some(&b'\n') => (i, 2, false),
            b'\r' => (i, 1, false),
            0x85 if wide(&[0xC2]) => (i - 1, 2, false),
            0xA8 if wide(&[0xE2, 0x80]) => (i - 2, 3, false),
            0xA9 if wide(&[0xE2, 0x80]) => (i - 2, 3, true),
            _ => {
                i += 1;
                continue;
            }
        };
        i = at;
        lines.push(trimmed(text, line_start, i));
        i += len;
        if paragraph {
            lines.push(Line { start: i, end: i });
        }
        line_start = i;
    }
    lines.push(trimmed(text, line_start, b.len()));
}

/// Whether two lines have the same words (whitespace runs compared as one space).
fn same_text(a: &str, b: &str) -> bool {
    let words = |s| {
        let s: &str = s;
        s.split(is_space).filter(|w| !w.is_empty())
    };
    // Both are trimmed: equal words begin and end with the same bytes.
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if x.first() != y.first() || x.last() != y.last() {
        return false;
    }
    words(a).eq(words(b))
}

/// Where the text of a bullet line starts (after the mark and the space after it), if `t`
/// starts with a bullet mark. Most lines start with an ASCII byte that is none (the marks
/// are `-`, `*` and wider characters).
#[inline]
fn bullet(t: &str) -> Option<usize> {
    match t.as_bytes().first() {
        Some(&x) if x.is_ascii() && x != b'-' && x != b'*' => None,
        _ => wide_bullet(t),
    }
}

/// [`bullet`], character by character.
#[inline(never)]
fn wide_bullet(t: &str) -> Option<usize> {
    let mut chars = t.chars();
    let mark = chars.next()?;
    let after = mark.len_utf8();
    let needs_space = match mark {
        '\u{2022}' | '\u{25AA}' | '\u{25CF}' | '\u{25E6}' | '\u{2023}' | '\u{25A0}' => false,
        '-' | '*' | '\u{2013}' | '\u{00B7}' => true,
        _ => return None,
    };
    if needs_space && !chars.next().is_some_and(is_space) {
        return None;
    }
    let rest = &t[after..];
    Some(after + (rest.len() - rest.trim_start_matches(is_space).len()))
}

fn starts_lowercase(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
}

/// Whether `t` ends with a period, closing marks after it aside (`Money.’`).
fn ends_with_period(t: &str) -> bool {
    t.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | ')' | ']'
        )
    })
    .ends_with(['.', '\u{2026}'])
}

/// Whether `t` is a short label line: one to three capitalised words, no punctuation
/// (`Politics`, `World News`, `Markets & Economy`).
fn is_label(t: &str) -> bool {
    if t.chars().nth(MAX_LABEL_CHARS).is_some() {
        return false;
    }
    let mut words = 0;
    for w in t.split(is_space).filter(|w| !w.is_empty()) {
        if w == "&" {
            continue;
        }
        words += 1;
        let mut chars = w.chars();
        if !chars.next().is_some_and(char::is_uppercase) {
            return false;
        }
        if !w.ends_with(char::is_alphabetic)
            || !chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}'))
        {
            return false;
        }
    }
    (1..=3).contains(&words)
}

/// Whether most longer words of `t` are capitalised, as in a title-case headline: words of
/// four characters or more (leading punctuation aside). An ASCII line is read byte by byte.
fn title_case(t: &str) -> bool {
    let (mut long, mut capitalised) = (0, 0);
    if t.is_ascii() {
        let spaces = |x: &u8| is_space(char::from(*x));
        for w in t.as_bytes().split(spaces) {
            let lead = w.iter().take_while(|x| !x.is_ascii_alphanumeric()).count();
            if w.len() - lead < 4 {
                continue;
            }
            long += 1;
            capitalised += usize::from(w[lead].is_ascii_uppercase());
        }
    } else {
        for w in t.split(is_space) {
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            if w.chars().take(4).count() < 4 {
                continue;
            }
            long += 1;
            capitalised += usize::from(w.starts_with(char::is_uppercase));
        }
    }
    long >= 3 && capitalised * 10 >= long * 7
}

/// Whether `t` reads like prose with an attributed quotation: a quote closed after `,`, `?` or
/// `!` and followed by a lower-case word (`“We are ready,” the mayor said.`), or a final
/// speech verb (`..., officials said.`). Headlines put a colon before quotes instead.
fn attributed_quote(t: &str) -> bool {
    let mut prev = ' ';
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        let closing = matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}');
        if closing && matches!(prev, ',' | '?' | '!') {
            while chars.peek().is_some_and(|&d| is_space(d)) {
                chars.next();
            }
            if chars.peek().is_some_and(|d| d.is_lowercase()) {
                return true;
            }
        }
        prev = c;
    }
    let last = t
        .trim_end_matches(|c: char| !c.is_alphabetic())
        .rsplit(is_space)
        .next()
        .unwrap_or("");
    matches!(
        last,
        "said" | "says" | "asked" | "added" | "wrote" | "reporters"
    )
}

/// Whether a headline candidate (ending with a period) is one sentence.
fn one_sentence(text: &str, line: Line) -> bool {
    let mut spans = Vec::new();
    // Ellipses are looked for up to the line's end only, not in the rest of the text.
    let upto = text.get(..line.end).unwrap_or(text);
    sentence::split_with(
        text,
        Span::new(line.start, line.end),
        Abbreviations::english(),
        &mut sentence::Ellipses::new(upto),
        &mut spans,
    );
    spans.len() == 1
}

thread_local! {
    /// Each thread's buffers for the lines of a text and their roles (see [`scratch`]).
    static LINES: Cell<(Vec<Line>, Vec<Role>)> = Cell::default();
    /// Each thread's buffer for [`Layout::paragraphs`], given back by [`recycle`].
    static BLOCKS: Cell<Vec<Block>> = Cell::default();
}

/// Buffers that held more items than this are not kept for the next parse.
const KEEP_ITEMS: usize = 1 << 14;

/// Splits `text` into its layout. Give the layout's paragraphs back with [`recycle`] once
/// read, so that the next parse on this thread reuses their buffer.
pub(crate) fn analyse(text: &str) -> Layout {
    let mut layout = Layout {
        paragraphs: scratch::take(&BLOCKS),
        ..Layout::default()
    };
    layout.paragraphs.clear();
    let (mut lines, mut roles) = scratch::take(&LINES);
    split_lines_into(text, &mut lines);
    analyse_lines(text, &lines, &mut roles, &mut layout);
    let keep = lines.capacity() <= KEEP_ITEMS;
    scratch::put(&LINES, (lines, roles), keep);
    layout
}

/// Keeps the buffer of a layout's paragraphs for the next [`analyse`] on this thread.
pub(crate) fn recycle(paragraphs: Vec<Block>) {
    let keep = paragraphs.capacity() <= KEEP_ITEMS;
    scratch::put(&BLOCKS, paragraphs, keep);
}

/// [`analyse`] of the text cut into `lines`, with `roles` as the buffer for their roles.
fn analyse_lines(text: &str, lines: &[Line], roles: &mut Vec<Role>, layout: &mut Layout) {
    let Some(first) = lines.iter().position(|l| !l.blank()) else {
        return;
    };
    let last = lines.iter().rposition(|l| !l.blank()).unwrap_or(first);
    let blank_mode = lines[first..=last].iter().any(Line::blank);
    roles.clear();
    roles.extend(
        lines
            .iter()
            .map(|l| if l.blank() { Role::Blank } else { Role::Body }),
    );
    let s = |i: usize| &text[lines[i].start..lines[i].end];

    let mut seen = Seen::default();
    // The headline and its repeats.
    if let Some(repeats) = headline(text, lines, first, last, blank_mode, &mut seen) {
        roles[first] = Role::Headline;
        layout.headline = Some(Span::new(lines[first].start, lines[first].end));
        for i in repeats {
            roles[i] = Role::Repeat;
            layout
                .headline_repeats
                .push(Span::new(lines[i].start, lines[i].end));
        }
    }

    // Front matter: byline and key points, up to the first body line.
    let mut body_start = None;
    let mut i = first;
    while i <= last {
        if roles[i] != Role::Body {
            i += 1;
            continue;
        }
        let standalone = i == first || lines[i - 1].blank() || roles[i - 1].is_matter();
        if layout.byline.is_none() && standalone {
            if let Some((byline, section)) = parse_byline(text, lines[i]) {
                roles[i] = Role::Byline;
                layout.byline = Some(byline);
                layout.sections.extend(section);
                i += 1;
                continue;
            }
        }
        if bullet(s(i)).is_some() {
            roles[i] = Role::KeyPoint;
            i += 1;
            while blank_mode
                && i <= last
                && roles[i] == Role::Body
                && bullet(s(i)).is_none()
                && starts_lowercase(s(i))
            {
                roles[i] = Role::KeyPointMore;
                i += 1;
            }
            continue;
        }
        body_start = Some(i);
        break;
    }

    // End matter: trailing labels and a byline, each on a line of its own.
    if let Some(body_start) = body_start {
        let mut labels = 0;
        let mut j = last;
        loop {
            while j > body_start && matches!(roles[j], Role::Blank | Role::Repeat) {
                j -= 1;
            }
            if j <= body_start || roles[j] != Role::Body {
                break;
            }
            let standalone = !blank_mode
                || ((lines[j - 1].blank() || roles[j - 1].is_matter())
                    && (j == last || lines[j + 1].blank() || roles[j + 1].is_matter()));
            if !standalone {
                break;
            }
            if labels < 3 && is_label(s(j)) {
                roles[j] = Role::Section;
                layout
                    .sections
                    .push(Span::new(lines[j].start, lines[j].end));
                labels += 1;
            } else if layout.byline.is_none() {
                let Some((byline, section)) = parse_byline(text, lines[j]) else {
                    break;
                };
                roles[j] = Role::Byline;
                layout.byline = Some(byline);
                layout.sections.extend(section);
            } else {
                break;
            }
            j -= 1;
        }
    }
    layout.sections.sort_unstable();

    paragraphs(text, lines, roles, blank_mode, layout);

    // The dateline opens the first body paragraph.
    if let Some(block) = layout.paragraphs.get(layout.key_points.len()) {
        if !block.bullet {
            if let Some(len) = seen.dateline(text, block.span.start, block.span.end) {
                layout.dateline = Some(Span::new(block.span.start, block.span.start + len));
            }
        }
    }
}

/// What [`dateline`] found for stretches of the text: the layout asks about the same first
/// lines more than once (as a headline, before a headline, as the first paragraph), and each
/// answer costs a few hundred instructions.
#[derive(Default)]
struct Seen {
    /// The last two stretches (start, end) read for a dateline, and what was found.
    datelines: [Option<(usize, usize, Option<usize>)>; 2],
}

impl Seen {
    /// [`dateline`] of `text[start..end]`.
    fn dateline(&mut self, text: &str, start: usize, end: usize) -> Option<usize> {
        if let Some(&(_, _, found)) = self
            .datelines
            .iter()
            .flatten()
            .find(|&&(s, e, _)| (s, e) == (start, end))
        {
            return found;
        }
        let found = dateline(&text[start..end]);
        self.datelines.rotate_right(1);
        self.datelines[0] = Some((start, end, found));
        found
    }
}

/// Whether the first non-blank line is a headline; if it is, the lines that repeat it.
fn headline(
    text: &str,
    lines: &[Line],
    first: usize,
    last: usize,
    blank_mode: bool,
    seen: &mut Seen,
) -> Option<Vec<usize>> {
    let line = lines[first];
    let t = &text[line.start..line.end];
    if t.chars().nth(MAX_HEADLINE_CHARS).is_some()
        || bullet(t).is_some()
        || seen.dateline(text, line.start, line.end).is_some()
        || parse_byline(text, line).is_some()
    {
        return None;
    }
    let mut repeats = Vec::new();
    let mut others = 0;
    for (i, l) in lines.iter().enumerate().take(last + 1).skip(first + 1) {
        if l.blank() {
            continue;
        }
        if same_text(&text[l.start..l.end], t) {
            repeats.push(i);
        } else {
            others += 1;
        }
    }
    if others == 0 {
        // Nothing but the headline: it is the body.
        return None;
    }
    let next = lines[first + 1];
    let next_text = &text[next.start..next.end];
    let followed_apart = next.blank() || repeats.first() == Some(&(first + 1));
    // A dateline opens the body: a line before it is the title.
    let before_dateline = lines[first + 1..=last]
        .iter()
        .find(|l| !l.blank())
        .is_some_and(|l| seen.dateline(text, l.start, l.end).is_some());
    let ok = if before_dateline {
        true
    } else if ends_with_period(t) {
        // A repeated line is a title; otherwise it must stand apart, read as one title-like
        // sentence, and not carry a quote with its attribution (a lead paragraph does).
        !repeats.is_empty()
            || (followed_apart
                && !attributed_quote(t)
                && (title_case(t) || one_sentence(text, line)))
    } else {
        // In text with blank lines, a first line glued to the next may be a wrapped
        // paragraph: not when it breaks after a comma or hyphen or the next line goes on in
        // lower case.
        followed_apart
            || !blank_mode
            || bullet(next_text).is_some()
            || !(t.ends_with([',', '-', '\u{2013}', '\u{2014}']) || starts_lowercase(next_text))
    };
    ok.then_some(repeats)
}

/// Groups the body and key-point lines into paragraphs.
fn paragraphs(text: &str, lines: &[Line], roles: &[Role], blank_mode: bool, layout: &mut Layout) {
    /// A paragraph being built.
    #[derive(Clone, Copy)]
    struct Open {
        start: Option<usize>,
        end: usize,
        bullet: bool,
        key: bool,
    }
    impl Open {
        fn new(bullet: bool, key: bool) -> Self {
            Self {
                start: None,
                end: 0,
                bullet,
                key,
            }
        }
        fn add(&mut self, start: usize, end: usize) {
            if start < end {
                self.start.get_or_insert(start);
                self.end = end;
            }
        }
    }
    let close = |open: &mut Option<Open>, layout: &mut Layout| {
        if let Some(Open {
            start: Some(start),
            end,
            bullet,
            key,
        }) = open.take()
        {
            let span = Span::new(start, end);
            layout.paragraphs.push(Block { span, bullet });
            if key {
                layout.key_points.push(span);
            }
        }
    };
    // Every paragraph has a line of its own: room for them all at once.
    layout.paragraphs.reserve(lines.len());
    let mut open: Option<Open> = None;
    for (&line, &role) in lines.iter().zip(roles) {
        let t = &text[line.start..line.end];
        match role {
            Role::Body => {
                let mark = bullet(t);
                let breaks = !blank_mode
                    || mark.is_some()
                    || open.is_some_and(|o| o.bullet && !starts_lowercase(t));
                if breaks {
                    close(&mut open, layout);
                }
                open.get_or_insert(Open::new(mark.is_some(), false))
                    .add(line.start + mark.unwrap_or(0), line.end);
                if !blank_mode {
                    close(&mut open, layout);
                }
            }
            Role::KeyPoint => {
                close(&mut open, layout);
                let mark = bullet(t).unwrap_or(0);
                open.get_or_insert(Open::new(true, true))
                    .add(line.start + mark, line.end);
            }
            Role::KeyPointMore => {
                open.get_or_insert(Open::new(true, true))
                    .add(line.start, line.end);
            }
            _ => close(&mut open, layout),
        }
    }
    close(&mut open, layout);
}

/// A word of a byline or a separator between its pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Word(usize, usize),
    Sep,
}

/// Reads a byline (`By Jane Doe and John Roe`, `Jane Doe, Reuters`) from `line`, with a section
/// label glued to its end (`by Jane DoePolitics`) if there is one.
fn parse_byline(text: &str, line: Line) -> Option<(Byline, Option<Span>)> {
    let t = &text[line.start..line.end];
    if t.len() > MAX_BYLINE_LEN || t.ends_with('.') || never_in_byline(t) {
        return None;
    }
    // Tokens, with offsets into `text`: room for the words of most lines.
    let mut toks = Vec::with_capacity(32);
    let mut word: Option<usize> = None;
    for (i, c) in t.char_indices() {
        let sep = matches!(c, ',' | ';' | '|' | '/' | '\u{2022}' | '\u{00B7}');
        if sep || is_space(c) {
            if let Some(w) = word.take() {
                toks.push(Tok::Word(line.start + w, line.start + i));
            }
            if sep {
                toks.push(Tok::Sep);
            }
        } else if word.is_none() {
            word = Some(i);
        }
    }
    if let Some(w) = word {
        toks.push(Tok::Word(line.start + w, line.end));
    }
    let word_text = |tok: &Tok| match *tok {
        Tok::Word(s, e) => &text[s..e],
        Tok::Sep => "",
    };

    let prefixed = matches!(toks.first(), Some(w) if {
        let w = word_text(w);
        w.eq_ignore_ascii_case("by") || w.eq_ignore_ascii_case("by:")
    });
    if prefixed {
        toks.remove(0);
    }

    // A section label at the end: a separate word or glued on (`EllyattPolitics`).
    let mut section = None;
    if let Some(&Tok::Word(s, e)) = toks.last() {
        let w = &text[s..e];
        let words_in_last_piece = toks
            .iter()
            .rev()
            .take_while(|t| matches!(t, Tok::Word(..)))
            .count();
        if SECTION_WORDS.contains(&w) && words_in_last_piece >= 3 {
            section = Some(Span::new(s, e));
            toks.pop();
        } else {
            let mut prev: Option<char> = None;
            for (i, c) in w.char_indices() {
                if prev.is_some_and(char::is_lowercase)
                    && c.is_uppercase()
                    && i >= 3
                    && SECTION_WORDS.contains(&&w[i..])
                {
                    section = Some(Span::new(s + i, e));
                    toks.pop();
                    toks.push(Tok::Word(s, s + i));
                    break;
                }
                prev = Some(c);
            }
        }
    }

    // Pieces: names and outlets, split on separators and on `and`, `&`, `with`, `for`, `in`.
    let mut authors = Vec::new();
    let mut pieces = 0;
    let mut outlets = 0;
    let mut first_is_name = false;
    let mut piece: Vec<(usize, usize)> = Vec::with_capacity(8);
    let mut forced_outlet = false;
    let mut next_forced = false;
    let mut ok = true;
    let mut flush = |piece: &mut Vec<(usize, usize)>, forced: bool| {
        if piece.is_empty() {
            return;
        }
        match byline_piece(text, piece, forced) {
            Some(true) => {
                if pieces == 0 {
                    first_is_name = true;
                }
                authors.push(Span::new(piece[0].0, piece[piece.len() - 1].1));
            }
            Some(false) => outlets += 1,
            None => ok = false,
        }
        pieces += 1;
        piece.clear();
    };
    for tok in &toks {
        match *tok {
            Tok::Sep => {
                flush(&mut piece, forced_outlet);
                forced_outlet = std::mem::take(&mut next_forced);
            }
            Tok::Word(s, e) => {
                let w = &text[s..e];
                if matches!(w, "and" | "&" | "with" | "And" | "AND") {
                    flush(&mut piece, forced_outlet);
                    forced_outlet = false;
                } else if matches!(w, "for" | "in" | "at") {
                    flush(&mut piece, forced_outlet);
                    forced_outlet = true;
                } else {
                    piece.push((s, e));
                }
            }
        }
    }
    flush(&mut piece, forced_outlet);
    let found = ok && pieces > 0 && (prefixed || (first_is_name && outlets > 0 && pieces >= 2));
    if !found {
        return None;
    }
    let end = section.map_or(line.end, |sec| {
        text[line.start..sec.start].trim_end_matches(is_space).len() + line.start
    });
    let byline = Byline {
        span: Span::new(line.start, end),
        authors,
    };
    Some((byline, section))
}

/// Whether `t` holds a character no byline has: a digit, a double quotation mark (`"` `“`
/// `”`), `?`, `!` or a bracket. Read byte by byte: the curly marks by their last byte
/// (0x9C, 0x9D) after their first two (0xE2 0x80).
fn never_in_byline(t: &str) -> bool {
    let b = t.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b'0'..=b'9' | b'"' | b'?' | b'!' | b'(' | b')' => true,
        0x9C | 0x9D => i >= 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80,
        _ => false,
    })
}

/// Classifies one piece of a byline, its words given by their offsets in `text` (at least
/// one): `Some(true)` for a person's name, `Some(false)` for an outlet or job title, `None`
/// for neither (then the line is no byline).
fn byline_piece(text: &str, piece: &[(usize, usize)], forced_outlet: bool) -> Option<bool> {
    let word = |&(s, e): &(usize, usize)| &text[s..e];
    let (first, last) = (word(piece.first()?), word(piece.last()?));
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if forced_outlet || piece.iter().map(word).any(|w| OUTLET_WORDS.contains(&w)) {
        return capitalised(first).then_some(false);
    }
    if piece.len() == 1 {
        return capitalised(first).then_some(false);
    }
    let name_word = |w: &str| {
        let chars_ok = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'));
        let lead_ok = capitalised(w)
            || PARTICLES.contains(&w)
            || PARTICLES
                .iter()
                .any(|p| w.strip_prefix(p).is_some_and(|r| r.starts_with('-')));
        chars_ok && lead_ok && w.chars().any(char::is_alphabetic)
    };
    let name = piece.len() <= 5
        && piece.iter().map(word).all(name_word)
        && capitalised(first)
        && capitalised(last);
    name.then_some(true)
}

/// The byte length of the dateline that opens paragraph `p` (`WASHINGTON (Reuters) -`,
/// `NEW YORK, Nov. 5 (AP) —`), if there is one.
fn dateline(p: &str) -> Option<usize> {
    let mut cut = p.len().min(MAX_DATELINE_LEN);
    while !p.is_char_boundary(cut) {
        cut -= 1;
    }
    let h = &p[..cut];

    /// A token of a dateline candidate.
    #[derive(Clone, Copy)]
    enum T<'h> {
        Word(&'h str),
        Comma,
        Paren,
        Dash { end: usize, spaced: bool },
    }
    let all_caps = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '\u{2019}' | '&'))
    };
    let title = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    };
    // At most 24 tokens, kept on the stack: `toks[..n]`.
    let mut toks = [T::Comma; 24];
    let mut n = 0;
    let mut i = 0;
    let mut spaced = true;
    while i < h.len() && n < 24 {
        let c = h[i..].chars().next()?;
        if is_space(c) {
            spaced = true;
            i += c.len_utf8();
            continue;
        }
        let was_spaced = std::mem::replace(&mut spaced, false);
        let tok = if c == ',' {
            i += 1;
            T::Comma
        } else if c == '(' {
            let close = h[i..].find(')')?;
            if close > 40 || h[i..i + close].contains(['\n', '\r']) {
                return None;
            }
            i += close + 1;
            T::Paren
        } else if matches!(c, '\u{2014}' | '\u{2013}' | '\u{2015}')
            || (c == '-' && h[i..].starts_with("--"))
            || (c == '-' && h[i + 1..].starts_with(is_space))
        {
            let len = h[i..]
                .char_indices()
                .find(|&(_, d)| !matches!(d, '-' | '\u{2014}' | '\u{2013}' | '\u{2015}'))
                .map_or(h.len() - i, |(o, _)| o);
            i += len;
            toks[n] = T::Dash {
                end: i,
                spaced: was_spaced,
            };
            n += 1;
            break;
        } else {
            let len = h[i..]
                .char_indices()
                .find(|&(o, d)| {
                    is_space(d)
                        || matches!(d, ',' | '(' | '\u{2014}' | '\u{2013}' | '\u{2015}')
                        || (d == '-' && h[i + o + 1..].starts_with('-'))
                })
                .map_or(h.len() - i, |(o, _)| o);
            let word = T::Word(&h[i..i + len]);
            i += len;
            word
        };
        toks[n] = tok;
        n += 1;
        if n == 1 {
            // A dateline starts with a place: a word in capitals, or a capitalised word
            // (then an agency in brackets follows).
            match toks[0] {
                T::Word(w) if all_caps(w) => {}
                T::Word(w) if title(w) && h[i..].contains('(') => {}
                _ => return None,
            }
        }
    }

    let toks = &toks[..n];
    let mut k = 0;
    // The place: capitals (`NEW YORK`), or a capitalised name before an agency in brackets.
    let mut caps = 0;
    let mut long_caps = false;
    while let Some(T::Word(w)) = toks.get(k) {
        if !all_caps(w) || caps == 4 {
            break;
        }
        long_caps |= w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        caps += 1;
        k += 1;
    }
    if caps == 0 || !long_caps {
        let mut titled = 0;
        while let Some(T::Word(w)) = toks.get(k) {
            if !title(w) || titled == 3 {
                break;
            }
            titled += 1;
            k += 1;
        }
        if titled == 0 || !matches!(toks.get(k), Some(T::Paren)) {
            return None;
        }
    }
    // `, Calif.`, `, Nov. 5`: up to three comma-separated parts.
    let mut parts = 0;
    while parts < 3 && matches!(toks.get(k), Some(T::Comma)) {
        let mut n = 0;
        k += 1;
        while let Some(T::Word(w)) = toks.get(k) {
            let ok = w
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'));
            if !ok || n == 4 {
                break;
            }
            n += 1;
            k += 1;
        }
        if n == 0 {
            return None;
        }
        parts += 1;
    }
    if let Some(T::Paren) = toks.get(k) {
        k += 1;
    }
    match toks.get(k) {
        Some(&T::Dash { end, spaced }) => {
            let dash = &h[..end];
            let hyphen_only = dash.ends_with('-') && !dash.ends_with("--");
            if hyphen_only && !spaced {
                return None;
            }
            // Something must follow.
            p[end..].chars().any(|c| !is_space(c)).then_some(end)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Layout {
        analyse(text)
    }

    fn paras<'t>(text: &'t str, l: &Layout) -> Vec<&'t str> {
        l.paragraphs.iter().map(|b| &text[b.span]).collect()
    }

    #[test]
    fn lines_handle_every_break() {
        let text = "a\r\nb\rc\n\u{2028}d\u{0085}e\u{2029}f";
        let lines = split_lines(text);
        let got: Vec<&str> = lines.iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(got, ["a", "b", "c", "", "d", "e", "", "f"]);
        // The last bytes of the wide breaks end other characters too (`è`, `é`, `©`, `Å`,
        // `…`): those break nothing.
        let text = "\u{a9}\u{e8}\u{e9}\u{c5}\u{2026} x\u{2028}\u{e9}\u{2029}\u{e8}\u{85}\u{c5}";
        let lines = split_lines(text);
        let got: Vec<&str> = lines.iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(
            got,
            [
                "\u{a9}\u{e8}\u{e9}\u{c5}\u{2026} x",
                "\u{e9}",
                "",
                "\u{e8}",
                "\u{c5}"
            ]
        );
    }

    #[test]
    fn trimming_sees_every_space() {
        for (line, want) in [
            ("  a b  ", "a b"),
            ("a", "a"),
            ("\u{a0}a\u{2003}", "a"),
            ("\u{200b}a.\u{feff}", "a."),
            ("a\t", "a"),
            ("\u{7f}a", "\u{7f}a"),
            ("", ""),
            (" ", ""),
        ] {
            let l = trimmed(line, 0, line.len());
            assert_eq!(&line[l.start..l.end], want, "{line:?}");
        }
    }

    #[test]
    fn repeats_of_the_headline_need_the_same_words() {
        assert!(same_text("A  big\u{a0}day", "A big day"));
        assert!(!same_text("A big day", "A big day."));
        assert!(!same_text("A big day", "a big day"));
        assert!(!same_text("A big day", ""));
        assert!(same_text("", ""));
    }

    #[test]
    fn bylines_have_no_digits_quotes_or_brackets() {
        for t in [
            "By Ann Lee",
            "Ann Lee, Reuters",
            "\u{2018}Lee\u{2019}",
            "Jos\u{e9} \u{2014} AP",
        ] {
            assert!(!never_in_byline(t), "{t:?}");
        }
        for t in [
            "By Ann Lee 2",
            "\"Lee\"",
            "Lee \u{201C}x",
            "Lee\u{201D}",
            "Why?",
            "Yes!",
            "(AP)",
        ] {
            assert!(never_in_byline(t), "{t:?}");
        }
        // Characters sharing the curly marks' last byte are no quotation marks.
        assert!(!never_in_byline("\u{c5}\u{9c} \u{159d}"));
    }

    #[test]
    fn bullets() {
        assert_eq!(bullet("\u{2022} Point"), Some(4));
        assert_eq!(bullet("\u{2022}Point"), Some(3));
        assert_eq!(bullet("- Point"), Some(2));
        assert_eq!(bullet("-Point"), None);
        assert_eq!(bullet("* Point"), Some(2));
        assert_eq!(bullet("\u{2013} Point"), Some(4));
        assert_eq!(bullet("\u{00B7} Point"), Some(3));
        assert_eq!(bullet("Point"), None);
        assert_eq!(bullet("--- rule"), None);
    }

    #[test]
    fn title_case_reads_ascii_and_wider_lines_alike() {
        for (t, want) in [
            ("Mayor Wins Vote On Harbour Wall", true),
            ("The mayor wins a vote on the harbour wall.", false),
            ("\"Storm\" Hits (Coastal) Towns Hard", true),
            ("Big Day for the City Council", false),
            ("Three Words Only", true),
            ("-- ... !!", false),
        ] {
            assert_eq!(title_case(t), want, "{t:?}");
            // A short wider word changes nothing but the way the line is read.
            let wide = format!("{t} \u{e9}");
            assert_eq!(title_case(&wide), want, "{wide:?}");
        }
    }

    #[test]
    fn labels() {
        assert!(is_label("Politics"));
        assert!(is_label("World News"));
        assert!(is_label("Markets & Economy"));
        assert!(!is_label("Warming up to Trump"));
        assert!(!is_label("One Two Three Four"));
        assert!(!is_label("Politics."));
        assert!(!is_label("Page 2"));
    }

    #[test]
    fn datelines() {
        fn d(p: &str) -> Option<&str> {
            dateline(p).map(|n| &p[..n])
        }
        assert_eq!(
            d("WASHINGTON (Reuters) - The talks"),
            Some("WASHINGTON (Reuters) -")
        );
        assert_eq!(d("MOSCOW \u{2014} The talks"), Some("MOSCOW \u{2014}"));
        assert_eq!(
            d("NEW YORK, Nov. 5 (AP) \u{2014} Stocks"),
            Some("NEW YORK, Nov. 5 (AP) \u{2014}")
        );
        assert_eq!(
            d("PASADENA, Calif., Jan. 1 (UPI) \u{2014} A handful"),
            Some("PASADENA, Calif., Jan. 1 (UPI) \u{2014}")
        );
        assert_eq!(
            d("Moscow (CNN) \u{2014} Officials"),
            Some("Moscow (CNN) \u{2014}")
        );
        assert_eq!(d("LONDON--Shares fell"), Some("LONDON--"));
        assert_eq!(
            d("WINSTON-SALEM, N.C. - Voters"),
            Some("WINSTON-SALEM, N.C. -")
        );
        assert_eq!(d("Moscow \u{2014} The talks"), None);
        assert_eq!(d("The U.S. - China talks"), None);
        assert_eq!(d("I \u{2014} like many \u{2014} agree"), None);
        assert_eq!(d("MOSCOW \u{2014}"), None);
        assert_eq!(d("NATO-led forces"), None);
        assert_eq!(d(""), None);
    }

    #[test]
    fn bylines() {
        type Found<'t> = (Vec<&'t str>, Option<&'t str>);
        fn b(t: &str) -> Option<Found<'_>> {
            parse_byline(
                t,
                Line {
                    start: 0,
                    end: t.len(),
                },
            )
            .map(|(b, s)| {
                (
                    b.authors.iter().map(|&a| &t[a]).collect::<Vec<_>>(),
                    s.map(|s| &t[s]),
                )
            })
        }
        assert_eq!(b("by Holly Ellyatt"), Some((vec!["Holly Ellyatt"], None)));
        assert_eq!(
            b("By Jane Doe and John Roe"),
            Some((vec!["Jane Doe", "John Roe"], None))
        );
        assert_eq!(b("Jane Doe, Reuters"), Some((vec!["Jane Doe"], None)));
        assert_eq!(
            b("By Ann B. Lee, Staff Writer"),
            Some((vec!["Ann B. Lee"], None))
        );
        assert_eq!(
            b("By Ursula von der Leyen for The Times"),
            Some((vec!["Ursula von der Leyen"], None))
        );
        assert_eq!(
            b("by Holly EllyattPolitics"),
            Some((vec!["Holly Ellyatt"], Some("Politics")))
        );
        assert_eq!(
            b("By Jane Doe Politics"),
            Some((vec!["Jane Doe"], Some("Politics")))
        );
        assert_eq!(b("By Reuters"), Some((vec![], None)));
        assert_eq!(b("By: JANE DOE"), Some((vec!["JANE DOE"], None)));
        assert_eq!(b("Jane Doe and John Roe"), None);
        assert_eq!(b("By the end of the year"), None);
        assert_eq!(b("By Wednesday, officials had left."), None);
        assert_eq!(b("Moscow, Russia"), None);
        assert_eq!(b("By 2030"), None);
        assert_eq!(b("Holly Ellyatt"), None);
    }

    #[test]
    fn simple_article() {
        let text = "Talks stall\n\nBy Ann Lee\n\nLONDON (Reuters) - Talks stalled. \"No,\" she said.\n\nMore came later.\n\nWorld";
        let l = layout(text);
        assert_eq!(&text[l.headline.unwrap()], "Talks stall");
        assert_eq!(&text[l.byline.as_ref().unwrap().authors[0]], "Ann Lee");
        assert_eq!(&text[l.dateline.unwrap()], "LONDON (Reuters) -");
        assert_eq!(
            l.sections.iter().map(|&s| &text[s]).collect::<Vec<_>>(),
            ["World"]
        );
        assert_eq!(
            paras(text, &l),
            [
                "LONDON (Reuters) - Talks stalled. \"No,\" she said.",
                "More came later."
            ]
        );
    }

    #[test]
    fn one_line_is_a_paragraph_not_a_headline() {
        let text = "\"We will not back down,\" Mayor Ann Lee said.";
        let l = layout(text);
        assert!(l.headline.is_none());
        assert_eq!(paras(text, &l), [text]);
        let text = "Politics";
        let l = layout(text);
        assert!(l.sections.is_empty());
        assert_eq!(paras(text, &l), [text]);
    }

    #[test]
    fn attributed_quotes_are_prose() {
        assert!(attributed_quote(
            "\u{201C}We are ready,\u{201D} the mayor said."
        ));
        assert!(attributed_quote("\"Why now?\" she asked."));
        assert!(attributed_quote("The plan will fail, officials said."));
        assert!(attributed_quote("He told reporters."));
        assert!(!attributed_quote("Mayor: \u{201C}We are ready.\u{201D}"));
        assert!(!attributed_quote(
            "Critics call the plan a \u{2018}reset\u{2019} of relations."
        ));
        assert!(!attributed_quote("Talks stall as envoys leave Geneva."));
    }

    #[test]
    fn wrapped_first_paragraph_is_no_headline() {
        let text = "The minister said on Tuesday that the\ngovernment would resign.\n\nShe left.";
        let l = layout(text);
        assert!(l.headline.is_none());
        assert_eq!(paras(text, &l).len(), 2);
        let text = "Two sentences here. Not a headline.\n\nBody.";
        assert!(layout(text).headline.is_none());
    }

    #[test]
    fn key_points_and_list_items() {
        let text = "Head\n\u{2022} One\n\u{2022} Two\n  wrapped on\n\nBody text.\n\n- a list item\n- another";
        let l = layout(text);
        let keys: Vec<&str> = l.key_points.iter().map(|&s| &text[s]).collect();
        assert_eq!(keys, ["One", "Two\n  wrapped on"]);
        assert_eq!(
            paras(text, &l),
            [
                "One",
                "Two\n  wrapped on",
                "Body text.",
                "a list item",
                "another"
            ]
        );
        let bullets: Vec<bool> = l.paragraphs.iter().map(|b| b.bullet).collect();
        assert_eq!(bullets, [true, true, false, true, true]);
    }

    #[test]
    fn empty_bullets_make_no_paragraph() {
        let text = "Head\n\n\u{2022}\n\nBody.";
        let l = layout(text);
        assert!(l.key_points.is_empty());
        assert_eq!(paras(text, &l), ["Body."]);
    }

    #[test]
    fn nothing_but_whitespace() {
        for text in ["", " ", "\n\n\r\n", "\u{FEFF}", "\u{200B}\u{00A0}\n"] {
            let l = layout(text);
            assert!(l.paragraphs.is_empty() && l.headline.is_none(), "{text:?}");
        }
    }
}
