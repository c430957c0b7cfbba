//! Tokens of one sentence: word and punctuation spans with cheap flags.
//!
//! The attribution stage tokenises one sentence at a time into a reused buffer, so nothing is
//! allocated per token.

use crate::stage::sentence::Abbreviations;
use crate::stage::words;
use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters and digits, with inner apostrophes, hyphens and abbreviation periods
    /// (`don't`, `U.S.`, `al-Assad`, `Russia's`).
    Word,
    /// One punctuation character.
    Punct,
    /// The opening mark of a quotation.
    Open,
    /// The closing mark of a quotation.
    Close,
}

/// One token of a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) span: Span,
    pub(crate) kind: TokKind,
    /// The first character is upper-case.
    pub(crate) cap: bool,
    /// Inside the content of a quotation (at any depth).
    pub(crate) quoted: bool,
    /// Function-word classes of a word ([`words`](crate::stage::words)), 0 for other tokens.
    pub(crate) class: u16,
}

impl Tok {
    pub(crate) fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

/// Whether `c` can continue a word that has started.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks, approximated by their common blocks.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Appends the tokens of `text[span]` to `out`; a known abbreviation keeps its period
/// (`Sen.`). `marks` are the spans of quotation
/// marks (`true` for opening) in text order; `quoted` are the content spans of the top-level
/// quotations, sorted and not overlapping.
pub(crate) fn tokenize(
    text: &str,
    span: Span,
    abbreviations: &Abbreviations,
    marks: &[(Span, bool)],
    quoted: &[Span],
    out: &mut Vec<Tok>,
) {
    out.clear();
    let s = &text[span];
    let base = span.start;
    let mut iter = s.char_indices().peekable();
    let mut mi = marks.partition_point(|&(m, _)| m.start < base);
    let mut qi = quoted.partition_point(|q| q.end <= base);
    while let Some((i, c)) = iter.next() {
        let at = base + i;
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' || c == '\u{200d}' {
            continue;
        }
        while mi < marks.len() && marks[mi].0.start < at {
            mi += 1;
        }
        let end;
        let kind;
        if mi < marks.len() && marks[mi].0.start == at {
            kind = if marks[mi].1 {
                TokKind::Open
            } else {
                TokKind::Close
            };
            // A mark may be two characters (`''`): the token covers it all.
            end = marks[mi].0.end.max(at + c.len_utf8());
            while iter.peek().is_some_and(|&(j, _)| base + j < end) {
                iter.next();
            }
        } else if word_char(c) {
            let mut e = at + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                let pos = base + j;
                if mi < marks.len() && marks[mi].0.start == pos {
                    break;
                }
                if word_char(d) {
                    e = pos + d.len_utf8();
                    iter.next();
                    continue;
                }
                // Inner joiners: don't, U.S., al-Assad, 3.5, Russia's.
                // `21,000`: a comma between digits.
                if d == ','
                    && text[..pos].ends_with(|x: char| x.is_ascii_digit())
                    && s[j + 1..].starts_with(|x: char| x.is_ascii_digit())
                {
                    e = pos + 1;
                    iter.next();
                    continue;
                }
                if matches!(d, '\'' | '’' | '-' | '.' | '&' | '/') {
                    let next = s[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(word_char) {
                        e = pos + d.len_utf8();
                        iter.next();
                        continue;
                    }
                    // Abbreviation period: `U.S.` keeps its final period when the word has one
                    // inside, and single capitals take theirs (`K.`).
                    if d == '.' {
                        let word = &text[at..e];
                        let one_cap = word.chars().count() == 1
                            && word.chars().next().is_some_and(char::is_uppercase);
                        if word.contains('.')
                            || one_cap
                            || abbreviations.get(&text[at..=pos]).is_some()
                        {
                            e = pos + 1;
                            iter.next();
                        }
                    }
                }
                break;
            }
            kind = TokKind::Word;
            end = e;
        } else {
            kind = TokKind::Punct;
            end = at + c.len_utf8();
        }
        while qi < quoted.len() && quoted[qi].end <= at {
            qi += 1;
        }
        let in_quote = kind != TokKind::Open
            && quoted
                .get(qi)
                .is_some_and(|q| q.start <= at && end <= q.end);
        out.push(Tok {
            span: Span::new(at, end),
            kind,
            cap: c.is_uppercase(),
            quoted: in_quote,
            class: if kind == TokKind::Word {
                words::classes(&text[at..end])
            } else {
                0
            },
        });
    }
}
