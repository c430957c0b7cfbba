//! Quotation marks: pairing per paragraph, nesting, continuation across paragraphs, and a
//! first guess at each quotation's role.
//!
//! # Marks
//! Five families pair with each other by family, not by exact glyph, so that `„…“`, `„…”`,
//! `»…«` and a scraped `“…“` all pair:
//!
//! | family | marks |
//! | --- | --- |
//! | double | `"` `“` `”` `„`, and `''` `‘‘` `’’` |
//! | single | `'` `‘` `’` `‚` |
//! | guillemet | `«` `»` |
//! | corner | `「` `」` |
//! | white corner | `『` `』` |
//!
//! Each mark is read in its context: *left* (it can open: something other than whitespace
//! follows it, and it stands at the paragraph's start or after whitespace, an opening
//! bracket, a dash, a colon or another quotation mark) and *right* (it can close: it follows
//! something other than whitespace, and whitespace, punctuation or the paragraph's end
//! follows it).
//! - Straight `"` and `'` open when left, close (if their family is open) when right; when
//!   both, they close an open quotation or else open one. A `"` between two non-spaces closes
//!   an open double quotation and is otherwise ignored.
//! - `“`, `‘` and `«` open, unless they are right and not left: then they close an open
//!   quotation of their family (the German `„…“`, the Danish `»…«`, scraped `“…“`) or are
//!   ignored.
//! - `”` and `»` close an open quotation of their family; with none open, they open when
//!   left and not right (Swedish `”…”`, Danish `»…«`).
//! - `’` only ever closes, and only when right; otherwise it is an apostrophe.
//! - `„`, `‚`, `「`, `『` only open; `」`, `』` only close.
//! - Any mark but `„ ‚ 「 『` closes an open quotation of its family at the paragraph's end
//!   (`… worked out. “`).
//!
//! No mark opens at the very end of its paragraph, and a straight mark directly followed by
//! another straight mark (`""`, CSV-style `""quoted""`) does not open, so empty straight
//! pairs are never quotations; an empty curly pair (`“”`) is one, with an empty content span
//! between its marks. Two apostrophes (`''`) are one straight double mark, and `‘‘` `’’` are
//! double marks (typewriter style, common in the NYT archive). One or two spaces between two
//! marks of different families are seen through (`'Okay,' "`), and a straight mark alone
//! between spaces after `, . ? !` closes (`coalitions, '' said`).
//!
//! # Apostrophes
//! Single marks double as apostrophes, so a single mark opens only when it is left (never
//! after a letter or digit: `don't`, `O'Brien`, `Trump‘s`), is not an elision (`'90s`, `'08`,
//! `'tis`, `'twas`, `'em`, `'n'`, `'til`, `'cause`, `'bout`, a lone `'s`), and a plausible
//! closing single mark (a right `'`, `’` or `‘`) follows later in the paragraph, or the next
//! paragraph re-opens with a single mark. A single mark that is still open when an enclosing
//! quotation closes, or at the end of its paragraph (with no re-opening next paragraph), was
//! an apostrophe after all and is dropped. A `'` or `’` that would close a single quotation
//! hidden under another family's open quotation is an apostrophe too (`Jones'`).
//!
//! # Nesting, unclosed marks, paragraphs
//! Open quotations sit on a stack. A closing mark closes the innermost open quotation of its
//! family; quotations of other families still open inside it end where it closes
//! (`closed: false`). The stack holds at most [`MAX_DEPTH`] quotations: deeper opening marks
//! are counted, not reported, and the closing marks that match them are consumed first, so
//! the reported outer quotations still pair right. A quotation still open at its paragraph's
//! end runs to that end (`closed: false`) and never further. When the next paragraph starts
//! with an opening mark, its first quotation `continues` the previous paragraph's outermost
//! unclosed one.
//!
//! # Cost
//! Two memchr scans per paragraph find the lead bytes of every mark (`"`, `'`, 0xE2 for the
//! curly and low marks, 0xC2 for guillemets, 0xE3 for corner brackets); each mark costs O(1)
//! (plus, once per paragraph and only when a single mark could open, one reverse memchr scan
//! for the last plausible closing single mark). Role analysis reads at most
//! [`ROLE_WINDOW`] bytes of each quotation. Nothing is allocated per mark besides the output.

use crate::stage::find;
use crate::{Paragraph, ParagraphId, Quotation, QuotationId, QuotationRole, Span};
use once_cell::sync::Lazy;

/// The most quotations open at once in one paragraph (and so the largest depth, minus one).
pub(crate) const MAX_DEPTH: usize = 32;

/// Role analysis looks at no more than this many bytes of a quotation's content; longer
/// content is speech.
pub(crate) const ROLE_WINDOW: usize = 512;

/// Internal marker, in `depth`, of a quotation dropped before the paragraph is finished.
const DEAD: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double = 0,
    Single = 1,
    Guillemet = 2,
    Corner = 3,
    WhiteCorner = 4,
}

const FAMILIES: usize = 5;

/// How a glyph behaves, before its context is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Behaviour {
    /// `"` `'`: decided by context alone.
    Straight = 0,
    /// `“` `‘` `«`: opens, or closes when clearly closing.
    OpenPref = 1,
    /// `”` `»`: closes, or opens when clearly opening and nothing is open.
    ClosePref = 2,
    /// `’`: closes when clearly closing, else an apostrophe.
    CloseApos = 3,
    /// `„` `‚` `「` `『`.
    OpenOnly = 4,
    /// `」` `』`.
    CloseOnly = 5,
}

impl Behaviour {
    /// Every behaviour, in the order of their values.
    const ALL: [Self; 6] = [
        Self::Straight,
        Self::OpenPref,
        Self::ClosePref,
        Self::CloseApos,
        Self::OpenOnly,
        Self::CloseOnly,
    ];
}

#[derive(Debug, Clone, Copy)]
struct Glyph {
    family: Family,
    behaviour: Behaviour,
    len: usize,
}

const fn glyph(family: Family, behaviour: Behaviour, len: usize) -> Option<Glyph> {
    Some(Glyph {
        family,
        behaviour,
        len,
    })
}

/// The curly marks `‘ ’ ‚ ‛ “ ” „`, U+2018 to U+201E, by their last byte less 0x98 (`‛` is
/// none).
const CURLY: [Option<Glyph>; 7] = [
    glyph(Family::Single, Behaviour::OpenPref, 3),
    glyph(Family::Single, Behaviour::CloseApos, 3),
    glyph(Family::Single, Behaviour::OpenOnly, 3),
    None,
    glyph(Family::Double, Behaviour::OpenPref, 3),
    glyph(Family::Double, Behaviour::ClosePref, 3),
    glyph(Family::Double, Behaviour::OpenOnly, 3),
];

/// The quotation mark starting at byte `i`, if any.
fn glyph_at(bytes: &[u8], i: usize) -> Option<Glyph> {
    use Behaviour::{CloseOnly, ClosePref, OpenOnly, OpenPref, Straight};
    use Family::{Corner, Double, Guillemet, Single, WhiteCorner};
    const LEFT_SINGLE: &[u8] = "‘".as_bytes();
    const RIGHT_SINGLE: &[u8] = "’".as_bytes();
    let doubled = |mark: &[u8]| bytes.get(i + mark.len()..i + 2 * mark.len()) == Some(mark);
    match bytes[i] {
        b'"' => glyph(Double, Straight, 1),
        // Two apostrophes are a double mark (typewriter style, as in the NYT archive), except
        // the first of three after a word, which closes a single quotation (`poor,'''`).
        b'\'' if doubled(b"'") => {
            let third = bytes.get(i + 2) == Some(&b'\'');
            let after_word = i > 0 && !bytes[i - 1].is_ascii_whitespace();
            if third && after_word {
                glyph(Single, Straight, 1)
            } else {
                glyph(Double, Straight, 2)
            }
        }
        b'\'' => glyph(Single, Straight, 1),
        0xC2 => match bytes.get(i + 1)? {
            0xAB => glyph(Guillemet, OpenPref, 2),
            0xBB => glyph(Guillemet, ClosePref, 2),
            _ => None,
        },
        0xE2 if bytes.get(i + 1) == Some(&0x80) => match *bytes.get(i + 2)? {
            0x98 if doubled(LEFT_SINGLE) => glyph(Double, OpenPref, 6),
            0x99 if doubled(RIGHT_SINGLE) => glyph(Double, ClosePref, 6),
            // Read from a table: a `match` would be a jump table the text steers.
            x @ 0x98..=0x9E => CURLY[usize::from(x - 0x98)],
            _ => None,
        },
        0xE3 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2)? {
            0x8C => glyph(Corner, OpenOnly, 3),
            0x8D => glyph(Corner, CloseOnly, 3),
            0x8E => glyph(WhiteCorner, OpenOnly, 3),
            0x8F => glyph(WhiteCorner, CloseOnly, 3),
            _ => None,
        },
        _ => None,
    }
}

/// The search for the frequent lead bytes: `"`, `'` and 0xE2 (curly marks).
static COMMON_LEADS: Lazy<find::Three> = Lazy::new(|| find::Three::new(b'"', b'\'', 0xE2));

/// The search for the rare lead bytes: 0xC2 (guillemets) and 0xE3 (corner brackets).
static RARE_LEADS: Lazy<find::Two> = Lazy::new(|| find::Two::new(0xC2, 0xE3));

/// Positions of the lead bytes of every quotation mark in `hay`, in order: a merge of two
/// searches, each resumed after the position it last gave.
struct LeadBytes<'h> {
    hay: &'h [u8],
    next_common: Option<usize>,
    next_rare: Option<usize>,
}

impl<'h> LeadBytes<'h> {
    fn new(hay: &'h [u8]) -> Self {
        Self {
            hay,
            next_common: COMMON_LEADS.find(hay),
            next_rare: RARE_LEADS.find(hay),
        }
    }
}

impl Iterator for LeadBytes<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let after = |i: usize, found: Option<usize>| found.map(|k| i + 1 + k);
        match (self.next_common, self.next_rare) {
            (Some(a), Some(b)) if b < a => {
                self.next_rare = after(b, RARE_LEADS.find(&self.hay[b + 1..]));
                Some(b)
            }
            (Some(a), _) => {
                self.next_common = after(a, COMMON_LEADS.find(&self.hay[a + 1..]));
                Some(a)
            }
            (None, Some(b)) => {
                self.next_rare = after(b, RARE_LEADS.find(&self.hay[b + 1..]));
                Some(b)
            }
            (None, None) => None,
        }
    }
}

/// The lead bytes of a whole text, read paragraph by paragraph: one pair of memchr scans
/// for the text rather than one per paragraph.
struct Leads<'h> {
    /// The scan over the whole text.
    all: LeadBytes<'h>,
    /// The next lead byte not yet read.
    next: Option<usize>,
    /// The end of the last paragraph read from `all`: a paragraph starting before it is
    /// scanned on its own.
    floor: usize,
}

impl<'h> Leads<'h> {
    /// Lead bytes of the whole text, read paragraph by paragraph.
    fn new(text: &'h [u8]) -> Self {
        let mut all = LeadBytes::new(text);
        let next = all.next();
        Self {
            all,
            next,
            floor: 0,
        }
    }

    /// The next lead byte in `start..end`, skipping those before `start`.
    #[inline(always)]
    fn next_in(&mut self, start: usize, end: usize) -> Option<usize> {
        while let Some(i) = self.next {
            if i >= end {
                return None;
            }
            self.next = self.all.next();
            if i >= start {
                return Some(i);
            }
        }
        None
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '‚' | '«' | '»' | '「' | '」' | '『' | '』'
    )
}

/// Characters after which a mark may open: brackets, dashes, a slash, a colon, inverted
/// marks and quotation marks.
fn opens_after(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '<' | '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '/' | ':' | '¿' | '¡'
    ) || is_quote_char(c)
}

/// Punctuation, ASCII and the common Unicode blocks (general punctuation, guillemets, CJK
/// and full-width punctuation).
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c as u32,
            0x00A1
                | 0x00A7
                | 0x00AB
                | 0x00B6
                | 0x00B7
                | 0x00BB
                | 0x00BF
                | 0x2010..=0x2027
                | 0x2030..=0x205E
                | 0x3001..=0x3003
                | 0x3008..=0x3011
                | 0x3014..=0x301F
                | 0xFF01..=0xFF0F
                | 0xFF1A..=0xFF20
                | 0xFF3B..=0xFF40
                | 0xFF5B..=0xFF65
        )
}

/// A mark's surroundings within its paragraph.
#[derive(Debug, Clone, Copy)]
struct Context {
    prev: Option<char>,
    next: Option<char>,
    /// It can open.
    left: bool,
    /// It can close.
    right: bool,
}

/// Spaces that typesetters put between two adjacent quotation marks (`' "`, `” ’`).
fn is_mark_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{2009}' | '\u{200A}' | '\u{202F}')
}

/// The family of a quotation mark character (`'` counts as single).
fn family_of(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' => Some(Family::Double),
        '\'' | '‘' | '’' | '‚' => Some(Family::Single),
        '«' | '»' => Some(Family::Guillemet),
        '「' | '」' => Some(Family::Corner),
        '『' | '』' => Some(Family::WhiteCorner),
        _ => None,
    }
}

/// The first character that is not a mark separator (looking at no more than two), and
/// whether any separator was skipped.
fn past_separators(chars: impl Iterator<Item = char>) -> (Option<char>, bool) {
    let mut skipped = false;
    for c in chars.take(3) {
        if !is_mark_separator(c) {
            return (Some(c), skipped);
        }
        skipped = true;
    }
    (None, skipped)
}

/// The character next to a mark and what [`past_separators`] finds on that side, given the
/// two bytes next to it (nearest first) and the characters going away from the mark (made
/// only when needed). Read from those bytes when the nearest is ASCII and no separator, or
/// a space before an ASCII byte that is none or nothing (most marks stand next to a letter,
/// punctuation, or a space and then a letter).
#[inline(always)]
fn neighbour<I: Iterator<Item = char> + Clone>(
    near: Option<u8>,
    far: Option<u8>,
    chars: impl FnOnce() -> I,
) -> (Option<char>, (Option<char>, bool)) {
    let solid = |x: u8| x.is_ascii() && x != b' ';
    match (near, far) {
        (None, _) => (None, (None, false)),
        (Some(x), _) if solid(x) => {
            let c = Some(char::from(x));
            (c, (c, false))
        }
        (Some(b' '), None) => (Some(' '), (None, true)),
        (Some(b' '), Some(y)) if solid(y) => (Some(' '), (Some(char::from(y)), true)),
        _ => {
            let chars = chars();
            (chars.clone().next(), past_separators(chars))
        }
    }
}

// Inlined into the mark loop: the glyph's family and behaviour are then known where they
// are tested, and the context is never built in memory (a tenth of the stage's work).
#[inline(always)]
fn context(text: &str, para: Span, i: usize, g: Glyph) -> Context {
    let bytes = text.as_bytes();
    let (b, a) = (&bytes[para.start..i], &bytes[i + g.len..para.end]);
    let (mut prev, (prev2, prev_spaced)) = neighbour(
        b.last().copied(),
        b.len().checked_sub(2).map(|k| b[k]),
        || text[para.start..i].chars().rev(),
    );
    let (mut next, (next2, next_spaced)) = neighbour(a.first().copied(), a.get(1).copied(), || {
        text[i + g.len..para.end].chars()
    });
    // One or two spaces between two quotation marks of different families are typography
    // (`'Okay,' "`, `poor,'  ''`): see through them.
    let other = |c: char| family_of(c).is_some_and(|f| f != g.family);
    if prev_spaced && prev2.is_some_and(other) {
        prev = prev2;
    }
    if next_spaced && next2.is_some_and(other) {
        next = next2;
    }
    let mut left =
        next.is_some_and(|c| !is_space(c)) && prev.map_or(true, |c| is_space(c) || opens_after(c));
    let mut right =
        prev.is_some_and(|c| !is_space(c)) && next.map_or(true, |c| is_space(c) || is_punct(c));
    // A straight mark alone between spaces after `, . ? !` closes (`coalitions, '' said`).
    let alone = prev.is_some_and(is_space) && next.map_or(true, is_space);
    if g.behaviour == Behaviour::Straight
        && alone
        && prev_spaced
        && prev2.is_some_and(|c| matches!(c, ',' | '.' | '?' | '!'))
    {
        right = true;
        left = false;
    }
    Context {
        prev,
        next,
        left,
        right,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Open,
    Close,
    Ignore,
}

fn decide(g: Glyph, ctx: Context, has_open: bool) -> Action {
    let (l, r) = (ctx.left, ctx.right);
    if ctx.next.is_none() && has_open && g.behaviour != Behaviour::OpenOnly {
        // Nothing can open at the paragraph's end; a mark there closes (`… out. “`).
        return Action::Close;
    }
    if g.behaviour == Behaviour::Straight && !l && !r {
        let solid_before = ctx.prev.is_some_and(|c| !is_space(c));
        return if g.family == Family::Double && has_open && solid_before {
            Action::Close
        } else {
            Action::Ignore
        };
    }
    // Read from a table: a `match` on the behaviour would be a jump table the text steers.
    DECISIONS[g.behaviour as usize][decision_index(l, r, has_open)]
}

/// The index in a row of [`DECISIONS`] of a mark's context.
const fn decision_index(left: bool, right: bool, has_open: bool) -> usize {
    (left as usize) << 2 | (right as usize) << 1 | has_open as usize
}

/// [`decide`] by behaviour and [`decision_index`], for a mark that is not at its paragraph's
/// end (a straight mark neither left nor right is decided by [`decide`] itself).
const DECISIONS: [[Action; 8]; 6] = {
    let mut table = [[Action::Ignore; 8]; 6];
    let mut b = 0;
    while b < Behaviour::ALL.len() {
        let mut k = 0;
        while k < 8 {
            let (l, r, has_open) = (k & 4 != 0, k & 2 != 0, k & 1 != 0);
            table[b][decision_index(l, r, has_open)] =
                plain_decision(Behaviour::ALL[b], l, r, has_open);
            k += 1;
        }
        b += 1;
    }
    table
};

/// What a mark of behaviour `b` does, from whether it can open (`l`) and close (`r`) and
/// whether a quotation of its family is open.
const fn plain_decision(b: Behaviour, l: bool, r: bool, has_open: bool) -> Action {
    match b {
        Behaviour::Straight => match (l, r) {
            (true, false) => Action::Open,
            (false, true) | (true, true) if has_open => Action::Close,
            (false, true) | (false, false) => Action::Ignore,
            (true, true) => Action::Open,
        },
        Behaviour::OpenPref if r && !l => {
            if has_open {
                Action::Close
            } else {
                Action::Ignore
            }
        }
        Behaviour::OpenPref | Behaviour::OpenOnly => Action::Open,
        Behaviour::ClosePref if has_open => Action::Close,
        Behaviour::ClosePref if l && !r => Action::Open,
        Behaviour::ClosePref => Action::Ignore,
        Behaviour::CloseApos if has_open && r => Action::Close,
        Behaviour::CloseApos => Action::Ignore,
        Behaviour::CloseOnly if has_open => Action::Close,
        Behaviour::CloseOnly => Action::Ignore,
    }
}

/// Words that follow an apostrophe at a word's start (`'tis`, `'em`, `'n'`).
const ELISIONS: &[&str] = &[
    "tis", "twas", "twere", "twill", "twould", "em", "n", "til", "cause", "cos", "bout", "s",
];

/// Whether a single mark followed by `after` is an apostrophe of elision: `'90s`, `'08`,
/// `'tis`, `'n'`, `'s`.
fn is_elision(after: &str) -> bool {
    let b = after.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit() {
        return b
            .get(2)
            .map_or(true, |&c| c == b's' || !c.is_ascii_alphanumeric());
    }
    // The longest elision has six letters: look no further than seven characters.
    let word_len = after
        .char_indices()
        .take(7)
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(i, _)| i);
    let word = &after[..word_len];
    word_len <= 6 && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

fn is_single_char(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚')
}

/// Whether the single mark at `i` is the second apostrophe of `'n'` (`rock 'n' roll`).
fn is_n_elision_close(text: &str, para: Span, i: usize) -> bool {
    let mut before = text[para.start..i].chars().rev();
    matches!(before.next(), Some('n' | 'N'))
        && before.next().is_some_and(is_single_char)
        && before.next().map_or(true, is_space)
}

/// The position of the last mark in the paragraph that could close a single quotation.
fn last_single_closer(text: &str, para: Span) -> Option<usize> {
    let bytes = text.as_bytes();
    let hay = &bytes[para.start..para.end];
    for j in memchr::memrchr3_iter(b'\'', 0x98, 0x99, hay) {
        let at = match hay[j] {
            // The second of two apostrophes belongs to a double mark.
            b'\'' if j > 0 && hay[j - 1] == b'\'' => continue,
            b'\'' => para.start + j,
            _ if j >= 2 && hay[j - 2] == 0xE2 && hay[j - 1] == 0x80 => {
                // The second of `’’` or `‘‘` belongs to a double mark.
                if j >= 5 && hay[j - 5..j - 2] == hay[j - 2..=j] {
                    continue;
                }
                para.start + j - 2
            }
            _ => continue,
        };
        let Some(g) = glyph_at(bytes, at).filter(|g| g.family == Family::Single) else {
            continue;
        };
        if at + g.len <= para.end
            && context(text, para, at, g).right
            && !is_n_elision_close(text, para, at)
        {
            return Some(at);
        }
    }
    None
}

/// Whether the paragraph opens with a single quotation mark that can open a quotation.
fn reopens_single(text: &str, para: Span) -> bool {
    let Some(first) = text[para.start..para.end].chars().next() else {
        return false;
    };
    if !matches!(first, '\'' | '‘' | '‚') {
        return false;
    }
    let after = &text[para.start + first.len_utf8()..para.end];
    if after.starts_with(first) {
        // `''` and `‘‘` are double marks.
        return false;
    }
    after.chars().next().is_some_and(|c| !is_space(c)) && !is_elision(after)
}

/// The length of the apostrophe at `i` when it stands between two ASCII letters or digits
/// of the paragraph (`don't`, `Lee’s`): a single mark whose context has no space or
/// punctuation on either side, so that it neither opens nor closes (what [`context`] and
/// [`decide`] would find, read from two bytes).
#[inline(always)]
fn inner_apostrophe(bytes: &[u8], para: Span, i: usize) -> Option<usize> {
    let len = match bytes[i] {
        b'\'' => 1,
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => 3,
        _ => return None,
    };
    let solid = |j: usize| bytes[j].is_ascii_alphanumeric();
    (i > para.start && i + len < para.end && solid(i - 1) && solid(i + len)).then_some(len)
}

#[derive(Debug, Clone, Copy)]
struct Open {
    /// Index of the quotation in the output.
    id: usize,
    family: Family,
}

/// Buffers reused from paragraph to paragraph, and the scan of the text for marks.
struct Scratch<'h> {
    stack: Vec<Open>,
    remap: Vec<u32>,
    leads: Leads<'h>,
}

/// Finds every quotation in the paragraphs, in the order of their opening marks.
pub(crate) fn find(text: &str, paragraphs: &[Paragraph]) -> Vec<Quotation> {
    // Up to about one quotation per 256 bytes of news text, more in some: room for one per
    // 192 bytes spares most texts the copy of a growing table.
    let mut out = Vec::with_capacity(text.len() / 192);
    let mut scratch = Scratch {
        stack: Vec::new(),
        remap: Vec::new(),
        leads: Leads::new(text.as_bytes()),
    };
    let mut carry = None;
    for (p, para) in paragraphs.iter().enumerate() {
        // Read only when a single mark needs it (rarely): most paragraphs have none.
        let next_reopens_single = || {
            paragraphs
                .get(p + 1)
                .is_some_and(|n| reopens_single(text, n.span))
        };
        carry = paragraph(
            text,
            para.span,
            ParagraphId::from_index(p),
            carry,
            next_reopens_single,
            &mut scratch,
            &mut out,
        );
    }
    out
}

/// Pairs the marks of one paragraph, appending its quotations to `out`. `carry` is the
/// previous paragraph's outermost quotation left open at its end; returns this paragraph's.
fn paragraph(
    text: &str,
    para: Span,
    paragraph: ParagraphId,
    carry: Option<QuotationId>,
    next_reopens_single: impl Fn() -> bool,
    scratch: &mut Scratch<'_>,
    out: &mut Vec<Quotation>,
) -> Option<QuotationId> {
    let bytes = text.as_bytes();
    let valid = para.end <= bytes.len()
        && text.is_char_boundary(para.start)
        && text.is_char_boundary(para.end);
    if para.is_empty() || !valid {
        return None;
    }
    let first = out.len();
    let stack = &mut scratch.stack;
    let leads = &mut scratch.leads;
    stack.clear();
    let mut open_count = [0usize; FAMILIES];
    let mut overflow = [0usize; FAMILIES];
    let mut any_dead = false;
    let mut single_closer: Option<Option<usize>> = None;

    // The end of the last mark read: a two-apostrophe mark hides its second apostrophe.
    let mut seen = para.start;
    // Paragraphs come in text order, read from the text's scan; one that does not is
    // scanned on its own.
    let mut own = (para.start < leads.floor).then(|| LeadBytes::new(&bytes[para.start..para.end]));
    if own.is_none() {
        leads.floor = para.end;
    }
    loop {
        let next = match own.as_mut() {
            Some(own) => own.next().map(|rel| para.start + rel),
            None => leads.next_in(para.start, para.end),
        };
        let Some(i) = next else {
            break;
        };
        if i < seen {
            continue;
        }
        if let Some(len) = inner_apostrophe(bytes, para, i) {
            seen = i + len;
            continue;
        }
        let Some(g) = glyph_at(bytes, i) else {
            continue;
        };
        if i + g.len > para.end {
            continue;
        }
        seen = i + g.len;
        let fam = g.family as usize;
        if g.family == Family::Single && is_n_elision_close(text, para, i) {
            continue;
        }
        let ctx = context(text, para, i, g);
        let has_open = open_count[fam] > 0 || overflow[fam] > 0;
        match decide(g, ctx, has_open) {
            Action::Ignore => {}
            Action::Close => {
                if overflow[fam] > 0 {
                    overflow[fam] -= 1;
                    continue;
                }
                let top = match stack.last() {
                    Some(top) => top.family,
                    None => continue,
                };
                let apostrophe_like = g.family == Family::Single
                    && matches!(g.behaviour, Behaviour::Straight | Behaviour::CloseApos);
                if top != g.family && apostrophe_like {
                    continue;
                }
                while let Some(o) = stack.pop() {
                    open_count[o.family as usize] -= 1;
                    let q = &mut out[o.id];
                    if o.family == g.family {
                        q.span.end = i + g.len;
                        q.content.end = i;
                        q.closed = true;
                        break;
                    }
                    if o.family == Family::Single {
                        q.depth = DEAD;
                        any_dead = true;
                    } else {
                        q.span.end = i;
                        q.content.end = i;
                    }
                }
            }
            Action::Open => {
                // Nothing opens at the paragraph's end, and a straight mark right before
                // another (`""`, `''''`) opens nothing: empty straight pairs are not quotations.
                let straight_run =
                    g.behaviour == Behaviour::Straight && bytes.get(i + g.len) == Some(&bytes[i]);
                if ctx.next.is_none() || straight_run {
                    continue;
                }
                if g.family == Family::Single {
                    if !ctx.left || is_elision(&text[i + g.len..para.end]) {
                        continue;
                    }
                    let last = *single_closer.get_or_insert_with(|| last_single_closer(text, para));
                    if !(last.is_some_and(|c| c > i) || next_reopens_single()) {
                        continue;
                    }
                }
                if stack.len() >= MAX_DEPTH {
                    overflow[fam] += 1;
                    continue;
                }
                let id = out.len();
                out.push(Quotation {
                    span: Span::new(i, para.end),
                    content: Span::new(i + g.len, para.end),
                    depth: stack.len() as u32,
                    parent: stack.last().map(|o| QuotationId::from_index(o.id)),
                    role: QuotationRole::Unknown,
                    paragraph,
                    closed: false,
                    continues: if i == para.start { carry } else { None },
                });
                stack.push(Open {
                    id,
                    family: g.family,
                });
                open_count[fam] += 1;
            }
        }
    }

    // Still open at the paragraph's end: they run to it. Single marks survive only when the
    // next paragraph re-opens the quotation.
    let mut carry_out = None;
    for o in stack.drain(..) {
        if o.family == Family::Single && !next_reopens_single() {
            out[o.id].depth = DEAD;
            any_dead = true;
        } else if carry_out.is_none() {
            carry_out = Some(o.id);
        }
    }

    if any_dead {
        carry_out = compact(out, first, carry_out, &mut scratch.remap);
    }
    for q in &mut out[first..] {
        q.role = role(text, para, q);
    }
    carry_out.map(QuotationId::from_index)
}

/// Removes the dropped quotations of the paragraph that starts at output index `first`,
/// re-parenting their children and fixing depths. Returns `carry`'s new index.
fn compact(
    out: &mut Vec<Quotation>,
    first: usize,
    carry: Option<usize>,
    remap: &mut Vec<u32>,
) -> Option<usize> {
    const NONE: u32 = u32::MAX;
    remap.clear();
    let mut w = first;
    for r in first..out.len() {
        let q = out[r];
        // Parents are always in the same paragraph, before their children.
        let parent = q
            .parent
            .map(|p| remap[p.index() - first])
            .filter(|&p| p != NONE);
        if q.depth == DEAD {
            remap.push(parent.unwrap_or(NONE));
            continue;
        }
        let parent = parent.map(|p| p as usize);
        out[w] = Quotation {
            parent: parent.map(QuotationId::from_index),
            depth: parent.map_or(0, |p| out[p].depth + 1),
            ..q
        };
        remap.push(w as u32);
        w += 1;
    }
    out.truncate(w);
    carry.map(|c| remap[c - first] as usize)
}

/// Nouns for works whose titles are quoted: `the film "Jaws"`.
const TITLE_NOUNS: &[&str] = &[
    "film",
    "movie",
    "book",
    "novel",
    "memoir",
    "show",
    "series",
    "sitcom",
    "song",
    "album",
    "single",
    "track",
    "play",
    "musical",
    "opera",
    "documentary",
    "podcast",
    "episode",
    "poem",
    "essay",
    "column",
    "programme",
    "program",
    "called",
    "named",
];

/// Verbs that introduce a title whatever its capitals: `a report titled "…"`.
const TITLE_VERBS: &[&str] = &["titled", "entitled", "headlined"];

/// Short words that may stay lower-case in a title.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "nor", "but", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "into", "vs", "via", "de", "del", "la", "le", "du", "von", "van",
];

/// The longest of [`TITLE_SMALL_WORDS`], in bytes.
const SMALL_WORD_MAX: usize = 4;

/// Whether `w`, without the punctuation around it, is one of [`TITLE_SMALL_WORDS`] (in any
/// case). An ASCII word is trimmed byte by byte, and only a short core is looked up.
fn is_small_word(w: &str) -> bool {
    let core = if w.is_ascii() {
        let b = w.as_bytes();
        let start = b.iter().position(u8::is_ascii_alphanumeric);
        let end = b.iter().rposition(u8::is_ascii_alphanumeric);
        match (start, end) {
            (Some(s), Some(e)) => &w[s..=e],
            _ => "",
        }
    } else {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    };
    core.len() <= SMALL_WORD_MAX
        && TITLE_SMALL_WORDS
            .iter()
            .any(|s| s.eq_ignore_ascii_case(core))
}

/// The last whole word before byte `at` (within the paragraph), skipping whitespace, commas
/// and colons; at most 64 bytes are read.
fn word_before(text: &str, para: Span, at: usize) -> &str {
    let mut lo = at.saturating_sub(64).max(para.start);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let window = text[lo..at].trim_end_matches(|c: char| is_space(c) || matches!(c, ',' | ':'));
    let start = window
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &window[start..]
}

/// Whether the opening mark at `at` starts a sentence or follows a cue: at the paragraph's
/// start, or after `. ? ! : , ; —` (skipping whitespace and other opening marks).
fn at_cue_position(text: &str, para: Span, at: usize) -> bool {
    let mut lo = at.saturating_sub(64).max(para.start);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = text[lo..at]
        .chars()
        .rev()
        .find(|&c| !is_space(c) && !is_quote_char(c) && !matches!(c, '(' | '['));
    match before {
        None => lo == para.start,
        Some(c) => matches!(c, '.' | '?' | '!' | ':' | ',' | ';' | '—' | '–'),
    }
}

/// What [`role`] reads in a quotation's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Words {
    /// Pieces between spaces that hold a letter or digit.
    words: usize,
    /// Every word capitalised (or a number), but small words such as `of` after the first.
    name_like: bool,
    /// `?` or `!` in a word, or `. , ; :` ending a word that another piece follows.
    clause_punct: bool,
}

/// The length of the space ([`is_space`]) at byte `i` of `b`, if there is one, read from
/// its bytes: ASCII whitespace, the other whitespace characters (U+0085, U+00A0, U+1680,
/// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and the zero-width ones.
#[inline(always)]
fn space_len_at(b: &[u8], i: usize) -> Option<usize> {
    let x = *b.get(i)?;
    if x < 0x80 {
        return matches!(x, b' ' | b'\t'..=b'\r').then_some(1);
    }
    wide_space_len_at(b, i)
}

/// [`space_len_at`] for a byte that is not ASCII.
#[inline(never)]
fn wide_space_len_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [0xC2, 0x85 | 0xA0, ..] => Some(2),
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F | 0xA0, ..]
        | [0xE3, 0x80, 0x80, ..]
        | [0xEF, 0xBB, 0xBF, ..] => Some(3),
        _ => None,
    }
}

/// A byte of [`WORD_BYTE`] that is printable ASCII (so in a word), but `?` and `!`.
const PLAIN: u8 = 0;
/// A byte of [`WORD_BYTE`] that is `?` or `!`.
const ASKS: u8 = 1;
/// A byte of [`WORD_BYTE`] that may be (or start) a space: ASCII controls and space, and
/// the bytes of wider characters.
const MAYBE_SPACE: u8 = 2;

/// The class of each byte in [`content_words`]: [`PLAIN`], [`ASKS`] or [`MAYBE_SPACE`].
static WORD_BYTE: [u8; 256] = {
    let mut table = [MAYBE_SPACE; 256];
    let mut x = 0x21;
    while x < 0x80 {
        table[x] = PLAIN;
        x += 1;
    }
    table[b'?' as usize] = ASKS;
    table[b'!' as usize] = ASKS;
    table
};

/// The words of a quotation's content ([`Words`]); `None` past the twelfth word. One pass
/// over the bytes, decoding only a word's first non-ASCII character before a letter.
///
/// With `speech_early`, also `None` as soon as the words read make the content speech for
/// [`role`] whatever follows (when no title verb comes before it): clause punctuation, a
/// ninth word, or a fifth word once the content is not name-like.
fn content_words(content: &str, speech_early: bool) -> Option<Words> {
    let b = content.as_bytes();
    let n = b.len();
    let mut out = Words {
        words: 0,
        name_like: true,
        clause_punct: false,
    };
    // Past the spaces from `i`.
    let skip_spaces = |mut i: usize| {
        while let Some(l) = space_len_at(b, i) {
            i += l;
        }
        i
    };
    let mut i = skip_spaces(0);
    while i < n {
        let start = i;
        // Whether the word holds `?` or `!`, seen while reading it.
        let mut asks = false;
        while i < n {
            // Printable ASCII never spaces; any other byte is checked.
            let class = WORD_BYTE[usize::from(b[i])];
            if class == ASKS {
                asks = true;
            } else if class == MAYBE_SPACE && space_len_at(b, i).is_some() {
                break;
            }
            i += 1;
        }
        let w = &content[start..i];
        i = skip_spaces(i);
        // The first letter or digit.
        let c0 = match w
            .bytes()
            .position(|x| x.is_ascii_alphanumeric() || x >= 0x80)
        {
            Some(j) if w.as_bytes()[j] < 0x80 => char::from(w.as_bytes()[j]),
            Some(j) => match w[j..].chars().find(|c| c.is_alphanumeric()) {
                Some(c) => c,
                None => continue,
            },
            None => continue,
        };
        out.words += 1;
        if out.words > 12 {
            return None;
        }
        let wb = w.as_bytes();
        let last = wb[wb.len() - 1];
        if !out.clause_punct && (asks || (matches!(last, b'.' | b',' | b';' | b':') && i < n)) {
            out.clause_punct = true;
        }
        if out.name_like && !(c0.is_uppercase() || c0.is_numeric()) {
            out.name_like = out.words > 1 && is_small_word(w);
        }
        if speech_early
            && (out.clause_punct || out.words >= 9 || (out.words >= 5 && !out.name_like))
        {
            return None;
        }
    }
    Some(out)
}

/// The role guess, from the content and the word before the opening mark:
/// - `Title`: after `titled`/`entitled`/`headlined` with at most 12 words and no clause
///   punctuation; or a name-like content (every word capitalised but small words such as
///   `of`, `the`; at most 8 words; no clause punctuation) after a work noun (`film`, `book`,
///   `song`, `called` …), or of two words or more and not in a cue position.
/// - `Speech`: 5 words or more, or clause punctuation inside (`?`, `!`, or `. , ; :` followed
///   by a space), or a short capitalised content that ends in `, . ? !` in a cue position (at
///   the paragraph's start or after `. ? ! : , ;` or a dash).
/// - `Scare`: 1 to 4 words otherwise, unless capitalised in a cue position.
/// - `Unknown`: empty content, or short and capitalised in a cue position.
fn role(text: &str, para: Span, q: &Quotation) -> QuotationRole {
    if q.content.len() > ROLE_WINDOW {
        return QuotationRole::Speech;
    }
    let content = &text[q.content];
    let cue = word_before(text, para, q.span.start);
    let title_verb = TITLE_VERBS.iter().any(|v| v.eq_ignore_ascii_case(cue));
    let Some(Words {
        words,
        mut name_like,
        clause_punct,
    }) = content_words(content, !title_verb)
    else {
        // Too long for a title, or speech whatever follows.
        return QuotationRole::Speech;
    };
    if words == 0 {
        return QuotationRole::Unknown;
    }
    let trimmed = content.trim_end_matches(is_space);
    let ends_sentence = trimmed.ends_with(['.', '?', '!']);
    let ends_punct = ends_sentence || trimmed.ends_with(',');
    let cue_position = at_cue_position(text, para, q.span.start);

    if !clause_punct && title_verb {
        return QuotationRole::Title;
    }
    name_like = name_like && words <= 8 && !clause_punct;
    if name_like && TITLE_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(cue)) {
        return QuotationRole::Title;
    }
    if name_like && words >= 2 && !cue_position && !ends_sentence {
        return QuotationRole::Title;
    }
    if words >= 5 || clause_punct {
        return QuotationRole::Speech;
    }
    let capitalised = content
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    if cue_position && capitalised {
        return if ends_punct {
            QuotationRole::Speech
        } else {
            QuotationRole::Unknown
        };
    }
    QuotationRole::Scare
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IdRange;

    fn one_paragraph(text: &str) -> Vec<Quotation> {
        let para = Paragraph {
            span: Span::new(0, text.len()),
            sentences: IdRange::default(),
            bullet: false,
            headline: false,
        };
        find(text, &[para])
    }

    /// [`content_words`] as it was written first, by characters, to check it against.
    fn content_words_by_chars(content: &str) -> Option<Words> {
        let mut out = Words {
            words: 0,
            name_like: true,
            clause_punct: false,
        };
        let mut pieces = content.split(is_space).filter(|w| !w.is_empty()).peekable();
        while let Some(w) = pieces.next() {
            let Some(c0) = w.chars().find(|c| c.is_alphanumeric()) else {
                continue;
            };
            out.words += 1;
            if out.words > 12 {
                return None;
            }
            let last = w.as_bytes()[w.len() - 1];
            if w.contains(['?', '!'])
                || (matches!(last, b'.' | b',' | b';' | b':') && pieces.peek().is_some())
            {
                out.clause_punct = true;
            }
            if out.name_like && !(c0.is_uppercase() || c0.is_numeric()) {
                let core = w.trim_matches(|c: char| !c.is_alphanumeric());
                out.name_like = out.words > 1
                    && TITLE_SMALL_WORDS
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(core));
            }
        }
        Some(out)
    }

    #[test]
    fn decisions_are_read_by_behaviour() {
        for (k, &b) in Behaviour::ALL.iter().enumerate() {
            assert_eq!(b as usize, k);
        }
        // A curly closing mark closes what is open, or opens when only left.
        let row = DECISIONS[Behaviour::ClosePref as usize];
        assert_eq!(row[decision_index(true, false, false)], Action::Open);
        assert_eq!(row[decision_index(false, true, true)], Action::Close);
        assert_eq!(row[decision_index(true, true, false)], Action::Ignore);
    }

    #[test]
    fn small_words_are_found_by_their_core() {
        assert!(TITLE_SMALL_WORDS.iter().all(|s| s.len() <= SMALL_WORD_MAX));
        for (w, want) in [
            ("of", true),
            ("(the", true),
            ("VON,", true),
            ("\u{2014}and\u{2014}", true),
            ("\u{201C}into", true),
            ("--", false),
            ("", false),
            ("offer", false),
            ("the-of", false),
            ("\u{e9}", false),
        ] {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            let reference = TITLE_SMALL_WORDS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(core));
            assert_eq!(reference, want, "{w:?}");
            assert_eq!(is_small_word(w), want, "{w:?}");
        }
    }

    #[test]
    fn inner_apostrophes_neither_open_nor_close() {
        for mark in ["'", "\u{2019}"] {
            for (a, b) in [('n', 't'), ('e', 's'), ('9', '0'), ('N', 'Y'), ('s', 'a')] {
                let text = format!("x {a}{mark}{b} y");
                let para = Span::new(0, text.len());
                let len = inner_apostrophe(text.as_bytes(), para, 3);
                assert_eq!(len, Some(mark.len()), "{text:?}");
                let g = glyph_at(text.as_bytes(), 3).unwrap();
                assert_eq!(g.len, mark.len());
                let ctx = context(&text, para, 3, g);
                for has_open in [false, true] {
                    assert_eq!(decide(g, ctx, has_open), Action::Ignore, "{text:?}");
                }
            }
            // Not between two letters or digits inside the paragraph: read in full.
            for (text, at) in [
                (format!("a {mark}b"), 2),
                (format!("a{mark} b"), 1),
                (format!("a{mark}"), 1),
            ] {
                let para = Span::new(0, text.len());
                assert_eq!(
                    inner_apostrophe(text.as_bytes(), para, at),
                    None,
                    "{text:?}"
                );
            }
            let text = format!("a{mark}b");
            let para = Span::new(1, text.len());
            assert_eq!(inner_apostrophe(text.as_bytes(), para, 1), None);
        }
        let spans: Vec<(usize, usize)> =
            one_paragraph("He said 'don't go, it's Lee's' and \u{2018}won\u{2019}t\u{2019} too.")
                .iter()
                .map(|q| (q.span.start, q.span.end))
                .collect();
        assert_eq!(spans, [(8, 30), (35, 48)]);
    }

    #[test]
    fn speech_is_seen_early_only_where_it_would_be_at_the_end() {
        for (text, role) in [
            (
                "She said \"we will go, and we will win\" today.",
                QuotationRole::Speech,
            ),
            (
                "A report titled \"We will go, and we will win\" came out.",
                QuotationRole::Speech,
            ),
            (
                "A report titled \"we will go and we will win this time\" came out.",
                QuotationRole::Title,
            ),
            (
                "The film \"Gone With the Wind\" aired.",
                QuotationRole::Title,
            ),
            (
                "He called it \"a very big and long and winding road\" once.",
                QuotationRole::Speech,
            ),
        ] {
            let q = one_paragraph(text);
            assert_eq!(q.len(), 1, "{text:?}");
            assert_eq!(q[0].role, role, "{text:?}");
        }
    }

    #[test]
    fn spaces_are_read_from_their_bytes() {
        let mut b = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut b);
            let want = is_space(c).then(|| c.len_utf8());
            assert_eq!(space_len_at(s.as_bytes(), 0), want, "{c:?}");
        }
        assert_eq!(space_len_at(b"", 0), None);
    }

    #[test]
    fn content_words_read_by_bytes_as_by_chars() {
        const PIECES: &[&str] = &[
            "We",
            "won",
            "the",
            "of",
            "Of",
            "and",
            "Bank",
            "America",
            "3",
            "1.5",
            "U.S.",
            "don\u{2019}t",
            "\u{c9}cole",
            "\u{e9}t\u{e9}",
            "\u{0141}\u{f3}d\u{017a}",
            "\u{2014}",
            "\u{2026}",
            "?",
            "!",
            "why?",
            "no!",
            "end.",
            "so,",
            "as;",
            "thus:",
            "(a)",
            "\"x\"",
            "\u{201c}y\u{201d}",
            "-",
            "--",
            "\u{663}",
            "\u{2167}",
            " ",
            "  ",
            "\u{a0}",
            "\u{200b}",
            "\u{2060}",
            "\u{feff}",
            "\u{3000}",
            "\t",
            "\n",
            "\x0b",
            "",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut text = String::new();
        for _ in 0..20_000 {
            text.clear();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut k = state;
            for _ in 0..(k % 16) {
                k = k.rotate_left(7) ^ 0x9e37_79b9;
                text.push_str(PIECES[(k % PIECES.len() as u64) as usize]);
                if k % 3 != 0 {
                    text.push(' ');
                }
            }
            let words = content_words_by_chars(&text);
            assert_eq!(content_words(&text, false), words, "{text:?}");
            // Stopping early says `None` only where the whole reading shows speech.
            if content_words(&text, true).is_none() {
                assert!(words.map_or(true, |w| w.clause_punct
                    || w.words >= 9
                    || (w.words >= 5 && !w.name_like)));
            } else {
                assert_eq!(content_words(&text, true), words, "{text:?}");
            }
        }
    }

    #[test]
    fn lead_bytes_merge_in_order() {
        let hay = "a«b\"c「d'e".as_bytes();
        let got: Vec<usize> = LeadBytes::new(hay).collect();
        let want: Vec<usize> = hay
            .iter()
            .enumerate()
            .filter(|(_, &b)| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn every_glyph_is_recognised() {
        for (s, fam) in [
            ("\"", Family::Double),
            ("“", Family::Double),
            ("”", Family::Double),
            ("„", Family::Double),
            ("'", Family::Single),
            ("‘", Family::Single),
            ("’", Family::Single),
            ("‚", Family::Single),
            ("«", Family::Guillemet),
            ("»", Family::Guillemet),
            ("「", Family::Corner),
            ("」", Family::Corner),
            ("『", Family::WhiteCorner),
            ("』", Family::WhiteCorner),
        ] {
            let g = glyph_at(s.as_bytes(), 0).unwrap();
            assert_eq!(g.family, fam, "{s}");
            assert_eq!(g.len, s.len(), "{s}");
        }
        for s in ["…", "–", "—", "•", "\u{a0}", "、"] {
            assert!(glyph_at(s.as_bytes(), 0).is_none(), "{s}");
        }
    }

    #[test]
    fn elisions() {
        for s in [
            "90s were", "08 team", "tis the", "Twas", "n' roll", "em all", "s plan",
        ] {
            assert!(is_elision(s), "{s}");
        }
        for s in ["Hello", "1984 novel", "the", "reset"] {
            assert!(!is_elision(s), "{s}");
        }
    }

    #[test]
    fn dropped_singles_reparent_children() {
        // The single mark is dropped when the double closes; the inner double stays a child
        // of the outer one.
        let text = "\"A 'b \"c\" d,\" she said, 'e' too.";
        let qs = one_paragraph(text);
        let spans: Vec<(&str, u32, Option<u32>)> = qs
            .iter()
            .map(|q| (&text[q.span], q.depth, q.parent.map(|p| p.0)))
            .collect();
        assert_eq!(
            spans,
            [
                ("\"A 'b \"c\" d,\"", 0, None),
                ("\"c\"", 1, Some(0)),
                ("'e'", 0, None)
            ]
        );
    }

    #[test]
    fn roles() {
        for (text, want) in [
            (
                "They sought a \"reset\" in relations.",
                QuotationRole::Scare,
            ),
            ("He saw the film \"Jaws\" twice.", QuotationRole::Title),
            (
                "A report titled \"how we lost\" came out.",
                QuotationRole::Title,
            ),
            (
                "\"We will win this fight,\" she said.",
                QuotationRole::Speech,
            ),
            ("\"Yes,\" she said.", QuotationRole::Speech),
            ("\"Never\" was the word.", QuotationRole::Unknown),
            (
                "He wore a \"Make America Great Again\" hat.",
                QuotationRole::Title,
            ),
            ("It was “”.", QuotationRole::Unknown),
        ] {
            let qs = one_paragraph(text);
            assert_eq!(qs[0].role, want, "{text}");
        }
    }

    /// Paragraphs as the layout makes them: blocks between blank lines, trimmed.
    fn paragraphs_of(text: &str) -> Vec<Paragraph> {
        let mut out = Vec::new();
        let mut pos = 0;
        for block in text.split("\n\n") {
            let lead = block.len() - block.trim_start().len();
            let trimmed = block.trim();
            if !trimmed.is_empty() {
                let start = pos + lead;
                out.push(Paragraph {
                    span: Span::new(start, start + trimmed.len()),
                    sentences: IdRange::default(),
                    bullet: false,
                    headline: false,
                });
            }
            pos += block.len() + 2;
        }
        out
    }

    fn check(text: &str) {
        let paras = paragraphs_of(text);
        let qs = find(text, &paras);
        for (k, q) in qs.iter().enumerate() {
            assert!(text.get(q.span.range()).is_some(), "{text:?} {k}");
            assert!(text.get(q.content.range()).is_some(), "{text:?} {k}");
            assert!(q.span.contains(q.content) && q.span.len() > q.content.len());
            assert!(paras[q.paragraph.index()].span.contains(q.span));
            assert!((q.depth as usize) < MAX_DEPTH);
            if k > 0 {
                assert!(qs[k - 1].span.start < q.span.start, "{text:?} order {k}");
            }
            match q.parent {
                None => assert_eq!(q.depth, 0),
                Some(p) => {
                    let parent = &qs[p.index()];
                    assert!(p.index() < k && parent.depth + 1 == q.depth, "{text:?} {k}");
                    assert!(parent.content.contains(q.span), "{text:?} {k}");
                }
            }
            // Spans nest or are disjoint; a span inside another is its descendant.
            for (j, other) in qs[..k].iter().enumerate() {
                if other.span.overlaps(q.span) {
                    let mut a = q.parent;
                    while let Some(p) = a.filter(|p| p.index() != j) {
                        a = qs[p.index()].parent;
                    }
                    assert!(a.is_some(), "{text:?}: {j} and {k} cross");
                }
            }
            if let Some(c) = q.continues {
                let prev = &qs[c.index()];
                assert!(!prev.closed && prev.paragraph.index() + 1 == q.paragraph.index());
                assert_eq!(q.span.start, paras[q.paragraph.index()].span.start);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_marks_give_well_formed_quotations(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Bo", "s", "n", "9", " ", " ", "\n", "\n\n", ",", ".", "é", "😀", "\u{a0}",
                "\"", "'", "''", "“", "”", "‘", "’", "„", "‚", "«", "»", "「", "」", "『", "』",
                "‘‘", "’’", "(", "—",
            ]), 0..80)
        ) {
            check(&parts.concat());
        }
    }
}
