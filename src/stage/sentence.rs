//! Sentence boundaries inside a paragraph, aware of abbreviations, initials, numbers, ellipses
//! and quotation marks.
//!
//! One left-to-right pass over the paragraph's bytes. A boundary can only follow a run of
//! terminators (`.`, `?`, `!`, `…`), the closing quotation marks and brackets right after it,
//! and whitespace. What comes next decides:
//!
//! - `?` and `!` end the sentence unless a lower-case word follows (`"Why now?" she asked.`);
//! - an ellipsis (`...`, `…`, `. . .`) ends it only before a capital;
//! - a single period ends it unless the word before it is an abbreviation or an initial (see
//!   [`Class`]), or a lower-case word follows (`"Go home." he said`).
//!
//! The sentences tile the paragraph: each starts and ends at a non-space character, and only
//! whitespace (in the sense of [`is_space`]) lies between two of them.

use crate::stage::find;
use crate::stage::hash::FastMap;

use once_cell::sync::Lazy;

use crate::{Error, ErrorKind, Span};

/// Whether `c` counts as whitespace for layout and sentences: Unicode white space (which
/// includes the no-break space U+00A0) plus the zero-width characters scraped text is full of
/// (U+200B–U+200D, U+2060, U+180E) and the byte-order mark U+FEFF.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r');
    }
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{180E}' | '\u{FEFF}'
        )
}

/// For each byte, whether a text ending with it ends with a character that is not
/// [`is_space`]: printable ASCII, or the last byte of a wider character that no space ends
/// with (`”` `’` `—` `…` among them).
static SOLID_END: [bool; 256] = {
    let mut table = [false; 256];
    let mut x = 0;
    while x < 256 {
        // The wide spaces end with 0x80 to 0x8E, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF or 0xBF.
        table[x] = matches!(x, 0x21..=0x7E | 0x8F..=0x9E | 0xA1..=0xA7 | 0xAA..=0xAE | 0xB0..=0xBE);
        x += 1;
    }
    table
};

/// The bounds of `s` without the spaces ([`is_space`]) around it, as `(start, end)`; both
/// are `s.len()` when it is all spaces. Most text starts with printable ASCII and ends with
/// it or with a character no space ends with: seen from one byte at each end.
#[inline]
pub(crate) fn trim_bounds(s: &str) -> (usize, usize) {
    let b = s.as_bytes();
    let lead = match b.first() {
        None => return (0, 0),
        Some(x) if x.wrapping_sub(0x21) < 0x5E => 0,
        Some(_) => s.len() - s.trim_start_matches(is_space).len(),
    };
    let end = if SOLID_END[usize::from(b[b.len() - 1])] {
        s.len()
    } else {
        lead + s[lead..].trim_end_matches(is_space).len()
    };
    (lead, end)
}

/// When the period of an abbreviation may still end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Never: a name always follows (`Mr.`, `Sen.`, `Lt.`).
    Title,
    /// Not before a number (`No. 5`); elsewhere an ordinary period.
    Number,
    /// Only before a word that usually opens a sentence (`Inc.`, `U.S.`, `a.m.`, `Jan.`).
    Common,
}

/// What the word before a single period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordKind {
    Abbreviation(Class),
    /// A single capital letter and a period (`K.` in `Stephen K. Bannon`).
    Initial,
    /// Anything else.
    Word,
}

/// Abbreviations longer than this (in bytes, period included) are not looked up.
const MAX_ABBREVIATION_LEN: usize = 32;

/// Words that usually open a sentence: after a [`Class::Common`] abbreviation or an initial,
/// the period ends the sentence only before one of these (quotation marks before it aside).
/// In order, case aside (see [`is_starter`]).
const STARTERS: &[&str] = &[
    "A",
    "After",
    "Afterward",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "Next",
    "No",
    "Nor",
    "Not",
    "Now",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Today",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yes",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// The bundled list, parsed once.
static ENGLISH: Lazy<FastMap<Box<str>, Class>> = Lazy::new(|| {
    parse_list(include_str!("../lexicon/en/abbreviations.txt"))
        .expect("the bundled abbreviation list is valid")
});

/// The default set (bundled list, no extras), built once.
static DEFAULT: Lazy<Abbreviations> = Lazy::new(|| Abbreviations {
    builtin: &ENGLISH,
    extra: FastMap::default(),
    shapes: Shapes::of(ENGLISH.keys()),
});

/// A bit per shape (length, first byte, byte before the period) of the listed words: a word
/// whose shape has no bit is in no list, which most words before a period show without
/// being hashed.
#[derive(Debug, Clone)]
struct Shapes([u64; 64]);

impl Shapes {
    /// The shapes of `words`.
    fn of<'w>(words: impl IntoIterator<Item = &'w Box<str>>) -> Self {
        let mut shapes = Self([0; 64]);
        for w in words {
            if let Some(k) = Self::slot(w.as_bytes()) {
                shapes.0[k >> 6] |= 1 << (k & 63);
            }
        }
        shapes
    }

    /// The bit of `word`'s shape; `None` for an empty word.
    #[inline(always)]
    fn slot(word: &[u8]) -> Option<usize> {
        let n = word.len();
        let first = *word.first()?;
        let before = word[n.saturating_sub(2)];
        let key = (n as u64) | u64::from(first) << 8 | u64::from(before) << 16;
        Some((key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize)
    }

    /// Whether `word` may be listed.
    #[inline(always)]
    fn may_hold(&self, word: &str) -> bool {
        Self::slot(word.as_bytes()).is_some_and(|k| self.0[k >> 6] & (1 << (k & 63)) != 0)
    }
}

/// Parses the abbreviation list format (see `lexicon/en/abbreviations.txt`). Title-case
/// entries also get their all-capitals form.
fn parse_list(src: &str) -> Result<FastMap<Box<str>, Class>, Error> {
    let mut map = FastMap::default();
    let mut class = None;
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |message: String| -> Error {
            ErrorKind::Lexicon {
                line: n + 1,
                message,
            }
            .into()
        };
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            class = Some(match name {
                "title" => Class::Title,
                "number" => Class::Number,
                "common" => Class::Common,
                _ => return Err(bad(format!("unknown section {name:?}"))),
            });
            continue;
        }
        let Some(class) = class else {
            return Err(bad(format!("{line:?} comes before any section")));
        };
        check(line).map_err(bad)?;
        map.insert(Box::from(line), class);
        if line.starts_with(|c: char| c.is_uppercase()) {
            let upper = line.to_uppercase();
            if upper != line {
                map.entry(upper.into_boxed_str()).or_insert(class);
            }
        }
    }
    Ok(map)
}

/// Why `a` cannot be an abbreviation, if it cannot.
fn check(a: &str) -> Result<(), String> {
    if !a.ends_with('.') || !a.chars().any(char::is_alphabetic) {
        return Err(format!("{a:?} must be a word ending with a period"));
    }
    if a.chars().any(is_space) {
        return Err(format!("{a:?} must be one word, without spaces"));
    }
    if a.len() > MAX_ABBREVIATION_LEN {
        return Err(format!("{a:?} is longer than {MAX_ABBREVIATION_LEN} bytes"));
    }
    Ok(())
}

/// Abbreviations whose period does not (always) end a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Abbreviations {
    builtin: &'static FastMap<Box<str>, Class>,
    extra: FastMap<Box<str>, Class>,
    /// The shapes of both lists' words.
    shapes: Shapes,
}

impl Abbreviations {
    /// The built-in list.
    pub(crate) fn english() -> &'static Self {
        &DEFAULT
    }

    /// The built-in list plus `extra`, each a word with its final period (`Supt.`). Extras
    /// behave like [`Class::Common`] entries: they end a sentence only before a word that
    /// usually opens one.
    pub(crate) fn english_with(extra: &[String]) -> Result<Self, Error> {
        let mut set = FastMap::default();
        for a in extra {
            let a = a.trim();
            check(a).map_err(|message| ErrorKind::InvalidOption {
                option: "abbreviations",
                message,
            })?;
            if !ENGLISH.contains_key(a) {
                set.insert(Box::from(a), Class::Common);
            }
        }
        Ok(Self {
            builtin: &ENGLISH,
            shapes: Shapes::of(ENGLISH.keys().chain(set.keys())),
            extra: set,
        })
    }

    /// The class of `word` (with its final period), if it is a listed abbreviation.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<Class> {
        // Most words are told apart by their shape, inline; only the rest pay for the call
        // (and its saved registers) of a lookup.
        if word.len() > MAX_ABBREVIATION_LEN || !self.shapes.may_hold(word) {
            return None;
        }
        self.lookup(word)
    }

    /// [`get`](Self::get) of a word whose shape a listed abbreviation has.
    #[inline(never)]
    fn lookup(&self, word: &str) -> Option<Class> {
        self.builtin
            .get(word)
            .or_else(|| self.extra.get(word))
            .copied()
    }

    /// What `word` (ending with the period) is.
    fn classify(&self, word: &str) -> WordKind {
        if let Some(c) = self.get(word) {
            return WordKind::Abbreviation(c);
        }
        // `(D-Calif.)`, `anti-U.S.`: the part after the last hyphen.
        let core = match last_hyphen(&word.as_bytes()[..word.len() - 1]) {
            Some((h, len)) => {
                let core = &word[h + len..];
                if let Some(c) = self.get(core) {
                    return WordKind::Abbreviation(c);
                }
                core
            }
            None => word,
        };
        initialism(core)
    }
}

/// Where the last `-` or `–` of `b` starts, and its length in bytes: what
/// `rfind(['-', '\u{2013}'])` finds, read from the bytes (`–` by its last byte, 0x93)
/// rather than decoding the word backwards.
#[inline]
fn last_hyphen(b: &[u8]) -> Option<(usize, usize)> {
    let mut k = b.len();
    while let Some(j) = b[..k].iter().rposition(|&x| x == b'-' || x == 0x93) {
        if b[j] == b'-' {
            return Some((j, 1));
        }
        if j >= 2 && b[j - 2] == 0xE2 && b[j - 1] == 0x80 {
            return Some((j - 2, 3));
        }
        k = j;
    }
    None
}

/// Classifies a run of single letters each followed by a period: `K.` is an initial, `U.S.`,
/// `J.R.R.` and `a.m.` are [`Class::Common`] abbreviations.
fn initialism(word: &str) -> WordKind {
    let mut letters = 0;
    let mut upper_single = false;
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return WordKind::Word;
            }
            letters += 1;
            upper_single = c.is_uppercase();
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return WordKind::Word;
        }
    }
    match letters {
        0 => WordKind::Word,
        1 if upper_single => WordKind::Initial,
        1 => WordKind::Word,
        _ => WordKind::Abbreviation(Class::Common),
    }
}

/// What kind of terminator run a candidate boundary follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    /// Exactly one `.`.
    Period,
    /// Two or more periods, or `…`.
    Ellipsis,
    /// Contains `?` or `!`.
    Question,
}

/// The bytes that may follow a period in a run of terminators: `.`, `?`, `!` and the
/// first byte of `…` (a space too, before another period).
static RUN_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'?' as usize] = true;
    table[b'!' as usize] = true;
    table[0xE2] = true;
    table
};

/// The terminator run starting at byte `i` of `p` (before `end`): its kind and the byte after
/// it.
#[inline]
fn terminator_run(b: &[u8], i: usize, end: usize) -> Option<(Run, usize)> {
    // Most runs are one period before something that cannot go on with it (a space before
    // no period, a quotation mark, a letter): told from two or three bytes, without the loop
    // below (whose `match` is a jump table the text steers).
    if b[i] == b'.' {
        let at = |k: usize| if k < end { b[k] } else { 0 };
        let (x, y) = (at(i + 1), at(i + 2));
        // Only a terminator, the first byte of `…` or a space before a period go on with it.
        if !(RUN_BYTE[usize::from(x)] || (x == b' ' && y == b'.')) {
            return Some((Run::Period, i + 1));
        }
    }
    let mut j = i;
    let mut dots = 0usize;
    let mut question = false;
    let mut ellipsis = false;
    while j < end {
        match b[j] {
            b'.' => {
                dots += 1;
                j += 1;
            }
            b'?' | b'!' => {
                question = true;
                j += 1;
            }
            0xE2 if j + 3 <= end && b[j + 1] == 0x80 && b[j + 2] == 0xA6 => {
                ellipsis = true;
                j += 3;
            }
            // A spaced ellipsis, `. . .`.
            b' ' if dots > 0 && j + 1 < end && b[j + 1] == b'.' => {
                ellipsis = true;
                j += 1;
            }
            _ => break,
        }
    }
    if j == i {
        return None;
    }
    let run = if question {
        Run::Question
    } else if ellipsis || dots > 1 {
        Run::Ellipsis
    } else {
        Run::Period
    };
    Some((run, j))
}

/// Closing quotation marks and brackets that stay with the sentence they end.
#[inline]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201D}'
            | '\u{201C}'
            | '\u{2019}'
            | '\u{00BB}'
            | '\u{203A}'
            | ')'
            | ']'
            | '}'
            | '\u{300D}'
            | '\u{300F}'
    )
}

/// Opening quotation marks and brackets that may come before a sentence's first word.
#[inline]
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{2018}'
            | '\u{00AB}'
            | '\u{2039}'
            | '\u{201E}'
            | '\u{201A}'
            | '('
            | '['
            | '{'
            | '\u{00BF}'
            | '\u{00A1}'
            | '\u{300C}'
            | '\u{300E}'
    )
}

/// Straight and curly quotation marks.
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{300D}'
            | '\u{300F}'
    )
}

/// Present-tense and irregular forms of common speech verbs; regular past forms (`-ed`) are
/// recognised by their ending.
const SPEECH_FORMS: &[&str] = &[
    "adds", "argues", "asks", "cries", "explains", "insists", "notes", "recalls", "replies",
    "said", "says", "shouts", "sighs", "spoke", "tells", "told", "tweets", "warns", "wonders",
    "writes", "wrote",
];

/// Whether `rest` (what follows a quoted question or exclamation) opens with a short
/// attribution such as `Graham asked.`, `Mr. Lee said on Friday.` or `Sanders replied,`: a
/// capitalised name of up to four words, a speech verb and at most three more words before the
/// clause ends. Then the quote and its attribution are one sentence. Looks at nine words at
/// most.
fn attribution_follows(rest: &str, abbreviations: &Abbreviations) -> bool {
    let mut name_words = 0;
    let mut after_verb: Option<usize> = None;
    for w in rest.split(is_space).filter(|w| !w.is_empty()).take(9) {
        let clause_ends = w.ends_with(['.', ',', '?', '!', ';', ':']);
        if let Some(n) = after_verb.as_mut() {
            *n += 1;
            if clause_ends {
                return true;
            }
            if *n == 3 {
                return false;
            }
            continue;
        }
        let lead = w.trim_start_matches(is_opener);
        if lead.starts_with(char::is_uppercase) {
            name_words += 1;
            let title = abbreviations.get(lead) == Some(Class::Title);
            if name_words > 4 || (clause_ends && !title) {
                return false;
            }
            continue;
        }
        if name_words == 0 {
            return false;
        }
        let verb = w.trim_end_matches(|c: char| !c.is_alphabetic());
        if !((verb.len() >= 5 && verb.ends_with("ed")) || SPEECH_FORMS.contains(&verb)) {
            return false;
        }
        if clause_ends {
            return true;
        }
        after_verb = Some(0);
    }
    false
}

/// Whether `word` usually opens a sentence. Single letters only when `single` is set.
fn is_starter(word: &str, single: bool) -> bool {
    if word.is_empty() || (word.len() == 1 && !single) {
        return false;
    }
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    STARTERS
        .binary_search_by(|s| {
            let (a, b) = (s.as_bytes(), word.as_bytes());
            a.iter()
                .map(u8::to_ascii_lowercase)
                .cmp(b.iter().map(u8::to_ascii_lowercase))
        })
        .is_ok()
}

/// The word that ends at the period at byte `dot` of `p`, period included and leading opening
/// marks left out; `None` when it is longer than an abbreviation can be.
///
/// Read byte by byte while the word is ASCII (nearly every word before a period is); a word
/// with another character is left to [`word_before_wide`], which finds the same word.
#[inline]
fn word_before(p: &str, dot: usize) -> Option<&str> {
    let b = p.as_bytes();
    let mut start = dot;
    while start > 0 {
        let x = b[start - 1];
        if !x.is_ascii() {
            return word_before_wide(p, dot);
        }
        if is_space(char::from(x)) {
            break;
        }
        if dot - start >= MAX_ABBREVIATION_LEN {
            return None;
        }
        start -= 1;
    }
    // The word is ASCII: its opening marks are single bytes.
    while is_opener(char::from(b[start])) {
        start += 1;
    }
    Some(&p[start..=dot])
}

/// [`word_before`], character by character.
#[inline(never)]
fn word_before_wide(p: &str, dot: usize) -> Option<&str> {
    let mut start = dot;
    for (n, (i, c)) in p[..dot].char_indices().rev().enumerate() {
        if is_space(c) {
            break;
        }
        if n >= MAX_ABBREVIATION_LEN {
            return None;
        }
        start = i;
    }
    let word = &p[start..=dot];
    Some(word.trim_start_matches(is_opener))
}

/// The search for `.`, `?` and `!`, set up once.
static MARKS: Lazy<find::Three> = Lazy::new(|| find::Three::new(b'.', b'?', b'!'));

/// The bytes at which a sentence may end (`.`, `?`, `!`, and the first byte of `…`), found
/// with `memchr`; each kind's next position is kept until the scan passes it.
#[derive(Debug, Default)]
struct Terminators {
    /// The next `.`, `?` or `!` at or after the last position asked for.
    mark: Option<usize>,
    /// The next `…` at or after the last position asked for.
    wide: Option<usize>,
}

impl Terminators {
    /// The first candidate byte of `b[i..end]` (`b` the paragraph's bytes, at byte
    /// `ellipses.base` of the text), or `end` when there is none; `i` never decreases from
    /// one call to the next.
    fn next(&mut self, b: &[u8], i: usize, end: usize, ellipses: &mut Ellipses<'_>) -> usize {
        let mark = match self.mark {
            Some(m) if m >= i => m,
            _ => MARKS.find(&b[i..end]).map_or(end, |k| i + k),
        };
        // Past `end` when the paragraph has no more.
        let wide = match self.wide {
            Some(w) if w >= i => w,
            _ => ellipses.next(ellipses.base + i) - ellipses.base,
        };
        self.mark = Some(mark);
        self.wide = Some(wide);
        mark.min(wide)
    }
}

/// The `…` of a text, searched for in the rest of the text rather than paragraph by
/// paragraph: they are rare, and one search serves all the paragraphs before the next one.
#[derive(Debug)]
pub(crate) struct Ellipses<'t> {
    text: &'t [u8],
    /// Where the paragraph being split starts.
    base: usize,
    /// The last search: where it started and what it found (the text's length for nothing).
    last: Option<(usize, usize)>,
}

impl<'t> Ellipses<'t> {
    /// The ellipses of `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        Self {
            text: text.as_bytes(),
            base: 0,
            last: None,
        }
    }

    /// Where the first `…` at or after byte `i` (a character boundary) starts, or the
    /// text's length. The last search serves when it started at or before `i` and found
    /// nothing before it.
    fn next(&mut self, i: usize) -> usize {
        if let Some((from, at)) = self.last {
            if from <= i && i <= at {
                return at;
            }
        }
        let b = self.text;
        let mut from = i;
        // Found by its last byte (0xA6), rarer in text than its first: an 0xE2 byte that
        // starts no ellipsis (a dash, a curly quotation mark) starts no terminator run
        // either.
        let mut at = b.len();
        while let Some(k) = memchr::memchr(0xA6, &b[from..]) {
            let q = from + k;
            if q >= i + 2 && b[q - 2] == 0xE2 && b[q - 1] == 0x80 {
                at = q - 2;
                break;
            }
            from = q + 1;
        }
        self.last = Some((i, at));
        at
    }
}

/// The end of the run of characters from byte `from` of `p` (before `end`, a character
/// boundary) that `keep` accepts. Read byte by byte while they are ASCII.
#[inline(always)]
fn run_end(p: &str, from: usize, end: usize, keep: impl Fn(char) -> bool) -> usize {
    let b = p.as_bytes();
    let mut k = from;
    while k < end {
        let c = match b[k] {
            x if x.is_ascii() => char::from(x),
            _ => match p[k..].chars().next() {
                Some(c) => c,
                None => break,
            },
        };
        if !keep(c) {
            break;
        }
        k += c.len_utf8();
    }
    k
}

/// [`split_with`] with a search for ellipses of its own.
#[cfg(test)]
pub(crate) fn split(text: &str, para: Span, abbreviations: &Abbreviations, out: &mut Vec<Span>) {
    split_with(text, para, abbreviations, &mut Ellipses::new(text), out);
}

/// Appends the sentences of `para` (a span of `text`) to `out`, in order. The sentences tile
/// the paragraph without its surrounding whitespace. The search for ellipses is kept in
/// `ellipses` from earlier calls on the same text (best when called on its paragraphs in
/// order); `ellipses` is of `text`, or of a prefix of it that holds `para`.
pub(crate) fn split_with(
    text: &str,
    para: Span,
    abbreviations: &Abbreviations,
    ellipses: &mut Ellipses<'_>,
    out: &mut Vec<Span>,
) {
    let Some(p) = text.get(para.range()) else {
        return;
    };
    let base = para.start;
    let (lead, end) = trim_bounds(p);
    if lead >= end {
        return;
    }
    let b = p.as_bytes();
    let mut start = lead;
    let mut i = lead;
    let mut terminators = Terminators::default();
    ellipses.base = base;
    while i < end {
        i = terminators.next(b, i, end, ellipses);
        if i >= end {
            break;
        }
        let Some((run, after)) = terminator_run(b, i, end) else {
            i += 1;
            continue;
        };
        // Closing marks stay with the sentence: `end."`, `end.)`.
        let k = run_end(p, after, end, is_closer);
        if k >= end {
            break;
        }
        // Whitespace must follow (`3.5`, `U.S.-led`, `example.com` have none).
        let m = run_end(p, k, end, is_space);
        if m == k {
            i = k;
            continue;
        }
        let candidate = Candidate {
            start,
            dot: i,
            run,
            // Most runs have no closing mark after them: nothing to search.
            quoted: after < k && p[after..k].contains(is_quote_mark),
            next: m,
        };
        if ends_here(p, candidate, end, abbreviations) {
            out.push(Span::new(base + start, base + k));
            start = m;
        }
        i = m;
    }
    out.push(Span::new(base + start, base + end));
}

/// A place where a sentence may end.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// Where the current sentence starts.
    start: usize,
    /// Where the terminator run starts.
    dot: usize,
    run: Run,
    /// Whether a closing quotation mark follows the run (`?"`).
    quoted: bool,
    /// Where the next sentence would start: a non-space character.
    next: usize,
}

/// Whether the sentence ends at `candidate` (in paragraph `p`, whose text ends at `end`).
fn ends_here(p: &str, candidate: Candidate, end: usize, abbreviations: &Abbreviations) -> bool {
    let Candidate {
        start,
        dot,
        run,
        quoted,
        next,
    } = candidate;
    let rest = &p[next..end];
    let c = rest.chars().next().unwrap_or(' ');
    // A sentence does not open with an ellipsis or a dash: `me. … He`, `Wisc. — Gov.`.
    if matches!(
        c,
        '.' | '\u{2026}' | '-' | '\u{2013}' | '\u{2014}' | '\u{2015}'
    ) {
        return false;
    }
    // An enumerator: `3. EXPERTS DOWNPLAY ...`.
    let so_far = &p.as_bytes()[start..dot];
    if run == Run::Period
        && (1..=3).contains(&so_far.len())
        && so_far.iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    // Most sentences open with a letter: no opening mark to skip.
    let (body, c2) = if is_opener(c) {
        let body = rest.trim_start_matches(is_opener);
        (body, body.chars().next().unwrap_or(' '))
    } else {
        (rest, c)
    };
    match run {
        Run::Question => {
            // `"Why now?" she asked.`, `"Why now?" Senator Lund asked.`
            let attributed =
                c2.is_lowercase() || (quoted && attribution_follows(rest, abbreviations));
            !attributed
        }
        Run::Ellipsis => c2.is_uppercase(),
        Run::Period => {
            let kind = word_before(p, dot).map_or(WordKind::Word, |w| abbreviations.classify(w));
            let next_word = || {
                let n = body
                    .char_indices()
                    .find(|&(_, c)| !c.is_alphabetic())
                    .map_or(body.len(), |(i, _)| i);
                &body[..n]
            };
            match kind {
                WordKind::Abbreviation(Class::Title) => false,
                WordKind::Abbreviation(Class::Number) => {
                    !(c.is_ascii_digit() || c == '#' || c2.is_lowercase())
                }
                WordKind::Abbreviation(Class::Common) => is_starter(next_word(), true),
                WordKind::Initial => is_starter(next_word(), false),
                WordKind::Word => !c2.is_lowercase(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences<'t>(text: &'t str, abbreviations: &Abbreviations) -> Vec<&'t str> {
        let mut out = Vec::new();
        split(text, Span::new(0, text.len()), abbreviations, &mut out);
        out.iter().map(|&s| &text[s]).collect()
    }

    fn s(text: &str) -> Vec<&str> {
        sentences(text, Abbreviations::english())
    }

    #[test]
    fn the_bundled_list_parses() {
        let map = parse_list(include_str!("../lexicon/en/abbreviations.txt")).unwrap();
        assert_eq!(map.get("Mr."), Some(&Class::Title));
        assert_eq!(map.get("MR."), Some(&Class::Title));
        assert_eq!(map.get("No."), Some(&Class::Number));
        assert_eq!(map.get("Inc."), Some(&Class::Common));
        assert_eq!(map.get("p."), Some(&Class::Number));
        // Lower-case entries get no capital form: `P.` stays an initial.
        assert_eq!(map.get("P."), None);
        assert!(map.len() > 200);
    }

    #[test]
    fn list_errors_name_the_line() {
        let err = parse_list("[title]\nMr.\nDr\n").unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Lexicon { line: 3, .. }),
            "{err}"
        );
        let err = parse_list("Mr.\n").unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Lexicon { line: 1, .. }),
            "{err}"
        );
        let err = parse_list("[odd]\n").unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Lexicon { line: 1, .. }),
            "{err}"
        );
    }

    #[test]
    fn extras_are_checked() {
        for bad in ["", ".", "Supt", "Lt. Col.", "1.", &"x".repeat(40)] {
            let err = Abbreviations::english_with(&[bad.to_owned()]).unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::InvalidOption { .. }),
                "{bad:?}: {err}"
            );
        }
        let a = Abbreviations::english_with(&[" Supt. ".to_owned()]).unwrap();
        assert_eq!(a.get("Supt."), Some(Class::Title));
        let a = Abbreviations::english_with(&["Insp.Gen.".to_owned()]).unwrap();
        assert_eq!(a.get("Insp.Gen."), Some(Class::Common));
        assert_eq!(
            sentences("Insp.Gen. Ann Lee spoke. Then she left.", &a),
            ["Insp.Gen. Ann Lee spoke.", "Then she left."]
        );
    }

    #[test]
    fn classify_words() {
        let a = Abbreviations::english();
        assert_eq!(a.classify("K."), WordKind::Initial);
        assert_eq!(a.classify("U.S."), WordKind::Abbreviation(Class::Common));
        assert_eq!(a.classify("J.R.R."), WordKind::Abbreviation(Class::Common));
        assert_eq!(a.classify("a.m."), WordKind::Abbreviation(Class::Common));
        assert_eq!(
            a.classify("D-Calif."),
            WordKind::Abbreviation(Class::Common)
        );
        assert_eq!(a.classify("R-N.Y."), WordKind::Abbreviation(Class::Common));
        assert_eq!(a.classify("Sen."), WordKind::Abbreviation(Class::Title));
        assert_eq!(a.classify("x."), WordKind::Word);
        assert_eq!(a.classify("home."), WordKind::Word);
        assert_eq!(a.classify("-."), WordKind::Word);
        assert_eq!(a.classify("\u{2013}."), WordKind::Word);
    }

    #[test]
    fn shapes_hold_every_listed_word() {
        let a = Abbreviations::english();
        for w in ENGLISH.keys() {
            assert!(a.shapes.may_hold(w), "{w:?}");
            assert!(a.get(w).is_some(), "{w:?}");
        }
        let extra = [
            "Supt.".to_owned(),
            "Insp.Gen.".to_owned(),
            "\u{c9}cl.".to_owned(),
        ];
        let a = Abbreviations::english_with(&extra).unwrap();
        for w in ENGLISH
            .keys()
            .map(|w| &**w)
            .chain(extra.iter().map(String::as_str))
        {
            assert!(a.shapes.may_hold(w), "{w:?}");
        }
        // Sparse enough to turn most words away.
        let set: u32 = a.shapes.0.iter().map(|b| b.count_ones()).sum();
        assert!(set < 1024, "{set}");
        assert!(!a.shapes.may_hold(""));
    }

    #[test]
    fn ellipses_are_found_among_other_wide_characters() {
        assert_eq!(
            s("Tr\u{e6}\u{2026} Then \u{2014} \u{201c}q\u{201d}\u{2026} He went\u{2026} so"),
            [
                "Tr\u{e6}\u{2026}",
                "Then \u{2014} \u{201c}q\u{201d}\u{2026}",
                "He went\u{2026} so"
            ]
        );
        assert_eq!(
            s("\u{2026} A\u{2026}B. C\u{2026}"),
            ["\u{2026}", "A\u{2026}B.", "C\u{2026}"]
        );
    }

    #[test]
    fn basic_splits() {
        assert_eq!(s("One. Two? Three!"), ["One.", "Two?", "Three!"]);
        assert_eq!(s("  One.  Two  "), ["One.", "Two"]);
        assert_eq!(s("No punctuation"), ["No punctuation"]);
        assert!(s("   ").is_empty());
        assert!(s("").is_empty());
    }

    #[test]
    fn starters_are_found_in_any_case() {
        let fold = |s: &str| s.to_ascii_lowercase();
        assert!(STARTERS.windows(2).all(|w| fold(w[0]) < fold(w[1])));
        let reference = |w: &str| {
            w.starts_with(char::is_uppercase)
                && STARTERS
                    .iter()
                    .any(|s| s.len() == w.len() && s.eq_ignore_ascii_case(w))
        };
        let mut words: Vec<String> = STARTERS.iter().map(|s| s.to_string()).collect();
        words.extend(STARTERS.iter().map(|s| s.to_uppercase()));
        words.extend(STARTERS.iter().map(|s| format!("{s}s")));
        words.extend(
            ["Zebra", "Ab", "Yo", "Wh", "\u{c9}t\u{e9}", "Th\u{e9}", "A"].map(String::from),
        );
        for w in &words {
            assert_eq!(is_starter(w, true), reference(w), "{w:?}");
        }
        assert!(is_starter("THE", false) && is_starter("I", true) && !is_starter("I", false));
    }

    #[test]
    fn trimming_sees_every_space_from_its_last_byte() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let last = *c.encode_utf8(&mut buf).as_bytes().last().unwrap();
            if SOLID_END[usize::from(last)] {
                assert!(!is_space(c), "{c:?}");
            }
            let s = format!(" {c}x{c} ");
            let trimmed = s.trim_matches(is_space);
            let (start, end) = trim_bounds(&s);
            assert_eq!(&s[start..end], trimmed, "{c:?}");
            let (start, end) = trim_bounds(&s[1..s.len() - 1]);
            assert_eq!(&s[1 + start..1 + end], trimmed, "{c:?}");
        }
        assert_eq!(trim_bounds(""), (0, 0));
        assert_eq!(trim_bounds(" \u{a0}\u{2029}"), (6, 6));
    }

    #[test]
    fn one_search_for_ellipses_serves_the_paragraphs_in_order() {
        let text =
            "No end here\n\nWait\u{2026} Then more. And\n\nFine. So \u{2026} We go\u{2026}\n\nx";
        let paragraphs: Vec<Span> = text
            .split("\n\n")
            .scan(0, |at, p| {
                let span = Span::new(*at, *at + p.len());
                *at += p.len() + 2;
                Some(span)
            })
            .collect();
        let abbreviations = Abbreviations::english();
        let mut ellipses = Ellipses::new(text);
        for &para in &paragraphs {
            let (mut shared, mut alone, mut prefix) = (Vec::new(), Vec::new(), Vec::new());
            split_with(text, para, abbreviations, &mut ellipses, &mut shared);
            split(text, para, abbreviations, &mut alone);
            assert_eq!(shared, alone, "{:?}", &text[para]);
            // A search of the text up to the paragraph's end only finds the same.
            let upto = &text[..para.end];
            split_with(
                text,
                para,
                abbreviations,
                &mut Ellipses::new(upto),
                &mut prefix,
            );
            assert_eq!(prefix, alone, "{:?}", &text[para]);
        }
        let mut out = Vec::new();
        split(text, paragraphs[2], abbreviations, &mut out);
        let got: Vec<&str> = out.iter().map(|&s| &text[s]).collect();
        assert_eq!(got, ["Fine.", "So \u{2026}", "We go\u{2026}"]);
    }

    #[test]
    fn spans_are_offset_by_the_paragraph() {
        let text = "Head\n\nMr. Li left. He won.";
        let mut out = Vec::new();
        split(
            text,
            Span::new(6, text.len()),
            Abbreviations::english(),
            &mut out,
        );
        assert_eq!(out, [Span::new(6, 18), Span::new(19, 26)]);
    }

    #[test]
    fn zero_width_and_nbsp_are_gaps() {
        assert_eq!(
            s("One.\u{00A0}Two.\u{200B} Three."),
            ["One.", "Two.", "Three."]
        );
        assert_eq!(s("\u{FEFF}One. Two.\u{200B}"), ["One.", "Two."]);
    }

    #[test]
    fn many_periods_and_long_words_are_linear() {
        let dots = ".".repeat(100_000);
        assert_eq!(s(&dots), [dots.as_str()]);
        let text = format!("Start {dots} End of it.");
        assert_eq!(s(&text).len(), 2);
        let word = "a.".repeat(500_000);
        assert_eq!(s(&word), [word.as_str()]);
        let spaced = "x. ".repeat(100_000);
        assert_eq!(s(&spaced), [spaced.trim_end()]);
        let spaced = "X. ".repeat(100_000);
        assert_eq!(s(&spaced), [spaced.trim_end()]);
    }

    #[test]
    fn multibyte_text_stays_on_boundaries() {
        let text = "«Да.» Он ушёл… Éclat! ¿Qué? 你好。 Fin.";
        let got = s(text);
        assert_eq!(got.concat().len() + got.len() - 1, text.len());
        assert_eq!(got[0], "«Да.»");
    }
}
