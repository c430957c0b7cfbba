//! Tokens of one sentence: word and punctuation spans with cheap flags.
//!
//! The attribution stage tokenises one sentence at a time into a reused buffer, so nothing is
//! allocated per token.

use crate::pattern::{ascii_word_bytes, utf8_len, HIGH_BITS};
use crate::stage::sentence::{Abbreviations, Class};
use crate::stage::{names, words};
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
    /// Function-word classes of a word ([`words`]); [`words::BREAK_PUNCT`] or 0 for
    /// punctuation, 0 for quotation marks.
    pub(crate) class: u32,
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

/// Appends the tokens of `text[span]` to `out` (after those already there); a known
/// abbreviation keeps its period (`Sen.`). `marks` are the spans of quotation
/// marks (`true` for opening) in text order; `quoted` are the content spans of the top-level
/// quotations, sorted and not overlapping. `breakable` gets the indexes in `out`, in order, of
/// the new tokens that may break a clause: those with [`words::BREAK_PUNCT`] or
/// [`words::AND_BUT`].
pub(crate) fn tokenize(
    text: &str,
    span: Span,
    abbreviations: &Abbreviations,
    marks: &[(Span, bool)],
    quoted: &[Span],
    out: &mut Vec<Tok>,
    breakable: &mut Vec<usize>,
) {
    let bytes = text.as_bytes();
    let end_of = span.end.min(text.len());
    // About one token per five bytes of news text: most paragraphs then need no growing (a
    // huge one grows as it goes, so that a paragraph of spaces reserves little).
    out.reserve((end_of.saturating_sub(span.start) / 5).min(1 << 12));
    let mut mi = first_not(marks, |&(m, _)| m.start < span.start);
    let mut qi = first_not(quoted, |q| q.end <= span.start);
    // Where the next mark and the quotation content at `qi` start and end (`usize::MAX`
    // when there is none), read once per mark or quotation rather than once per token.
    let mark_start = |mi: usize| marks.get(mi).map_or(usize::MAX, |m| m.0.start);
    let mut next_mark = mark_start(mi);
    let quote_span = |qi: usize| quoted.get(qi).map_or(EMPTY, |q| *q);
    let mut quote = quote_span(qi);
    let table = words::table();
    let mut at = span.start;
    while at < end_of {
        // The run of plain ASCII words and punctuation from here, up to the next mark and
        // the next edge of a quotation's content, in one tight loop; what it leaves (a mark,
        // a word it cannot end alone, a non-ASCII character) is read below, one token.
        while next_mark < at {
            mi += 1;
            next_mark = mark_start(mi);
        }
        while quote.end <= at {
            qi += 1;
            quote = quote_span(qi);
        }
        let stop = next_mark.min(end_of);
        let (run_end, in_quote) = if quote.start <= at {
            (stop.min(quote.end), true)
        } else {
            (stop.min(quote.start), false)
        };
        at = plain_run(
            text,
            at,
            Run {
                end: run_end,
                stop,
                end_of,
                in_quote,
            },
            Lookups {
                table,
                abbreviations,
            },
            (out, breakable),
        );
        if at >= end_of {
            break;
        }
        let b = bytes[at];
        while next_mark < at {
            mi += 1;
            next_mark = mark_start(mi);
        }
        if next_mark == at {
            // A quotation mark, read without decoding: it is no space, nor a capital (a
            // quotation character never is), and has no classes.
            let kind = if marks[mi].1 {
                TokKind::Open
            } else {
                TokKind::Close
            };
            // A mark may be two characters (`''`): the token covers it all, and at least
            // its first character.
            let end = marks[mi].0.end.max(at + utf8_len(b)).min(end_of);
            while quote.end <= at {
                qi += 1;
                quote = quote_span(qi);
            }
            out.push(Tok {
                span: Span::new(at, end),
                kind,
                cap: false,
                quoted: kind == TokKind::Close && quote.start <= at && end <= quote.end,
                class: 0,
            });
            at = end;
            continue;
        }
        // From here on no mark starts at `at`.
        let (c, len) = if b < 0x80 {
            match BYTE[usize::from(b)] {
                SPACE => {
                    at += 1;
                    continue;
                }
                // The common case: a word of ASCII letters and digits.
                ALNUM => {
                    let stop = next_mark.min(end_of);
                    let (e, class) = match short_word(bytes, at, stop, table) {
                        Some(short) => short,
                        None => {
                            let e = ascii_word_end(text, at, stop, end_of, abbreviations);
                            (e, words::classes_in(table, &text[at..e]))
                        }
                    };
                    while quote.end <= at {
                        qi += 1;
                        quote = quote_span(qi);
                    }
                    out.push(Tok {
                        span: Span::new(at, e),
                        kind: TokKind::Word,
                        cap: b.is_ascii_uppercase(),
                        quoted: quote.start <= at && e <= quote.end,
                        class,
                    });
                    note_breakable(class, out.len(), breakable);
                    // The space after the word, as the next round would pass it.
                    at = if bytes.get(e) == Some(&b' ') {
                        e + 1
                    } else {
                        e
                    };
                    continue;
                }
                _ => (char::from(b), 1),
            }
        } else {
            let (c, len) = char_at(text, at);
            if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{200d}') {
                at += len;
                continue;
            }
            (c, len)
        };
        let (kind, end) = if word_char(c) {
            (
                TokKind::Word,
                word_end(
                    text,
                    at,
                    c,
                    len,
                    next_mark.min(end_of),
                    end_of,
                    abbreviations,
                ),
            )
        } else {
            (TokKind::Punct, at + len)
        };
        while quote.end <= at {
            qi += 1;
            quote = quote_span(qi);
        }
        let class = if kind == TokKind::Word {
            words::classes_in(table, &text[at..end])
        } else {
            words::punct_class(b)
        };
        out.push(Tok {
            span: Span::new(at, end),
            kind,
            cap: c.is_uppercase(),
            quoted: quote.start <= at && end <= quote.end,
            class,
        });
        note_breakable(class, out.len(), breakable);
        at = end;
    }
}

/// Appends the tokens of the plain text from `at` on to the tokens and the breakable tokens,
/// as [`tokenize`] reads them, and returns where it stopped: at `run.end`, or before the
/// first character it leaves to the general path (a character that is not ASCII, where no
/// word of ASCII letters and digits starts). Plain text is ASCII punctuation (none of it a
/// mark: there is none before `run.end`) and words that start with an ASCII letter or digit;
/// most of these end at a space or at punctuation that cannot join them to more, and are read
/// from eight bytes at a time; the others are read by [`joined_word`].
#[inline(never)]
fn plain_run(
    text: &str,
    mut at: usize,
    run: Run,
    lookups: Lookups<'_>,
    (out, breakable): (&mut Vec<Tok>, &mut Vec<usize>),
) -> usize {
    let table = lookups.table;
    let bytes = text.as_bytes();
    // Both within the text (as they are), so that reading the byte at a word's end needs no
    // further check.
    let stop = run.stop.min(bytes.len());
    let run_end = run.end.min(stop);
    let in_quote = run.in_quote;
    // Each round reads the eight bytes at `at` once, and tells from them what starts there,
    // where a short word ends and what follows it.
    'words: while at < run_end {
        let x = load8(bytes, at);
        let high = x & HIGH_BITS;
        let other = (!ascii_word_bytes(x & !high) | high) & HIGH_BITS;
        let b = x as u8;
        if other & 0x80 != 0 {
            // Not a letter or digit: a space, punctuation, or a byte that is not ASCII.
            if b >= 0x80 {
                return at;
            }
            if BYTE[usize::from(b)] != SPACE {
                push_punct(out, breakable, at, b, in_quote);
            }
            // A space after it is passed over in the same round (`, ` and `. ` are common).
            let space_after = ((x >> 8) as u8 == b' ') & (at + 1 < run_end);
            at += 1 + usize::from(space_after);
            continue;
        }
        let e = if other == 0 {
            // A long word: on to the end of its letters and digits.
            names::alnum_end(&bytes[..run_end], at + 8)
        } else {
            // A word of one to seven bytes.
            at + (other.trailing_zeros() / 8) as usize
        };
        // What follows must end the word as [`word_end_from`] would: a space, or
        // punctuation that joins nothing, or `stop`; a space after it is passed over here.
        // Any other word is read by [`joined_word`].
        let after = 'ends: {
            // The common case first, in one test of where it ends and one of what follows:
            // the word ends inside the stretch, before a space or punctuation that joins
            // nothing (as below).
            if e < run_end {
                let follows = AFTER_WORD[usize::from(bytes[e])];
                if follows != ALNUM {
                    break 'ends e + usize::from(follows);
                }
            }
            if e >= stop {
                // At `stop` the word ends, unless it ran past `run.end` (which `stop` then
                // is not): `e == run_end` only when both are `stop`.
                if e == run_end {
                    break 'ends e;
                }
            } else if e <= run_end {
                let next = bytes[e];
                // A space or punctuation that joins nothing ends the word, in one test
                // (which of them it is, too irregular for a branch, only says whether the
                // space is passed over: `SPACE` is 1, `OTHER` 0); tested above already
                // unless the word ends at `run.end`.
                let follows = AFTER_WORD[usize::from(next)];
                if follows != ALNUM {
                    break 'ends e + usize::from(follows);
                }
                // A comma after a letter ends the word (after a digit it may join a number,
                // `21,000`).
                if next == b',' && !bytes[e - 1].is_ascii_digit() {
                    break 'ends e;
                }
                // A period before whitespace ends the word unless it is an abbreviation's
                // (a single capital's, or a listed one's): most sentences end so.
                if next == b'.'
                    && bytes
                        .get(e + 1)
                        .is_some_and(|&n| BYTE.get(usize::from(n)) == Some(&SPACE))
                    && !(e - at == 1 && b.is_ascii_uppercase())
                    && lookups.abbreviations.get(&text[at..=e]).is_none()
                {
                    break 'ends e;
                }
            }
            at = joined_word(text, at, e, run, lookups, (out, breakable));
            continue 'words;
        };
        let class = alnum_classes(table, bytes, at, x, e - at);
        push_word(
            out,
            breakable,
            Span::new(at, e),
            b.is_ascii_uppercase(),
            in_quote,
            class,
        );
        at = after;
    }
    at
}

/// Bit `0x20` of every byte, which lower-cases an ASCII letter.
const LOWER: u64 = 0x2020_2020_2020_2020;

/// The mask of the low `n` bytes of a `u64`, for `n` up to eight.
static LOW_BYTES: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut n = 0;
    while n < 8 {
        t[n] = (1 << (8 * n)) - 1;
        n += 1;
    }
    t
};

/// The eight bytes of `bytes` from `at` on, little-endian; those past its end read as 0.
#[inline(always)]
fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(c) => u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        None => load_tail(bytes, at),
    }
}

/// [`load8`] for the last bytes of the text, fewer than eight.
#[cold]
fn load_tail(bytes: &[u8], at: usize) -> u64 {
    let rest = bytes.get(at..).unwrap_or_default();
    let mut b = [0u8; 8];
    let n = rest.len().min(8);
    b[..n].copy_from_slice(&rest[..n]);
    u64::from_le_bytes(b)
}

/// A stretch of the span that [`plain_run`] reads: no mark starts before `end`, and all of
/// it lies inside quotation content when `in_quote`, or all outside.
#[derive(Clone, Copy)]
struct Run {
    /// Where the stretch ends (the next mark, the next edge of quotation content, or the end
    /// of the span).
    end: usize,
    /// Where words stop (the next mark, or the end of the span); at least `end`.
    stop: usize,
    /// The end of the span.
    end_of: usize,
    in_quote: bool,
}

/// The classes of the word of `len` ASCII letters and digits at `at` of `bytes`, whose
/// first eight bytes (little-endian) are `x`: looked up by its lower-cased bytes (`| 0x20`
/// lower-cases an ASCII letter and leaves a digit as it is). No listed word is longer than
/// [`words::LONGEST`].
#[inline(always)]
fn alnum_classes(table: &words::Table, bytes: &[u8], at: usize, x: u64, len: usize) -> u32 {
    if len <= words::SHORT {
        table.short((x | LOWER) & LOW_BYTES[len])
    } else if len <= words::LONGEST {
        let rest = load8(bytes, at + 8);
        table.long(x | LOWER, (rest | LOWER) & LOW_BYTES[len - 8])
    } else {
        0
    }
}

/// Appends the word at `at` of [`plain_run`] (an ASCII letter or digit before `run.end`,
/// its letters and digits ending at `e`) that it does not read itself: one that goes on
/// past them (`don't`, `Russia’s`, `U.S.`, `21,000`) or ends before punctuation that may
/// join (a period, a comma, an apostrophe), or before a character that is not ASCII, or
/// that runs past `run.end` (so it is not quoted, lying partly outside). Returns where the
/// next token may start.
#[cold]
#[inline(never)]
fn joined_word(
    text: &str,
    at: usize,
    e: usize,
    run: Run,
    lookups: Lookups<'_>,
    (out, breakable): (&mut Vec<Tok>, &mut Vec<usize>),
) -> usize {
    let bytes = text.as_bytes();
    let (end, after, class) = match plain_end(text, at, e, run, lookups.abbreviations) {
        // Its letters and digits only.
        Some((end, after, Joined::No)) => {
            let class = alnum_classes(lookups.table, bytes, at, load8(bytes, at), end - at);
            (end, after, class)
        }
        // Joined with ASCII joiners: a short one is looked up by its bytes, as a word of
        // letters and digits is (a joiner's byte has bit `0x20` set already, so `| 0x20`
        // keeps it).
        Some((end, after, Joined::Ascii)) if end - at <= words::SHORT => {
            let len = end - at;
            let key = (load8(bytes, at) | LOWER) & LOW_BYTES[len];
            (end, after, lookups.table.short(key))
        }
        // Any other joined word has no classes: no listed word has a byte that is not ASCII,
        // nor a joiner when it is longer than [`words::SHORT`] bytes (`words` tests both).
        Some((end, after, _)) => (end, after, 0),
        None => {
            let end = ascii_word_end(text, at, run.stop, run.end_of, lookups.abbreviations);
            let after = if bytes.get(end) == Some(&b' ') {
                end + 1
            } else {
                end
            };
            (end, after, words::classes_in(lookups.table, &text[at..end]))
        }
    };
    let cap = bytes[at].is_ascii_uppercase();
    let quoted = run.in_quote && end <= run.end;
    push_word(out, breakable, Span::new(at, end), cap, quoted, class);
    after
}

/// What joined the parts of a word that [`plain_end`] read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Joined {
    /// Nothing: the word is its letters and digits.
    No,
    /// ASCII joiners only (`don't`, `al-Assad`, `21,000`), or an abbreviation's period
    /// (`Sen.`).
    Ascii,
    /// A right single quotation mark among them (`Russia’s`).
    Quote,
}

/// The end of the word at `at` (an ASCII letter or digit), whose letters and digits end at
/// `e`, as [`word_end_from`] reads it, for the words it reads without decoding: their parts
/// are runs of ASCII letters and digits before `run.end`, joined by `'`, `-`, `&`, `/`, `’`
/// or a comma between digits, and they end at `run.stop`, at ASCII punctuation that joins
/// nothing (perhaps an abbreviation's period, which they keep), or at a character that is
/// known to be no word character. Returns the end, where the next token may start (past a
/// space that follows) and what joined the parts; `None` for any other word (a period that
/// joins, a number's abbreviation), left to [`ascii_word_end`].
fn plain_end(
    text: &str,
    at: usize,
    mut e: usize,
    run: Run,
    abbreviations: &Abbreviations,
) -> Option<(usize, usize, Joined)> {
    let bytes = text.as_bytes();
    let stop = run.stop.min(bytes.len());
    let run_end = run.end.min(stop);
    let mut joined = Joined::No;
    loop {
        if e > run_end {
            return None;
        }
        if e >= stop {
            return Some((e, e, joined));
        }
        let next = bytes[e];
        let len = match AFTER_WORD[usize::from(next)] {
            SPACE => return Some((e, e + 1, joined)),
            OTHER => return Some((e, e, joined)),
            _ => match next {
                b'\'' | b'-' | b'&' | b'/' => 1,
                // A comma joins digits only (`21,000`).
                b',' if bytes[e - 1].is_ascii_digit() => 1,
                b',' => return Some((e, e, joined)),
                // A period joins what follows when that is a word character (`3.5`,
                // `U.S`); a period that does not join ends the word, and an abbreviation
                // keeps it (`K.`, `Sen.`): a single capital's, or a listed one's (the word
                // has no inner period); one of a number's takes it only before a number.
                b'.' => {
                    if word_char_at(bytes, e + 1, run.end_of) != Some(false) {
                        return None;
                    }
                    let keeps = (e - at == 1 && bytes[at].is_ascii_uppercase())
                        || match abbreviations.get(&text[at..=e]) {
                            Some(Class::Number) => return None,
                            Some(_) => true,
                            None => false,
                        };
                    if !keeps {
                        return Some((e, e, joined));
                    }
                    let end = e + 1;
                    let after = if bytes.get(end) == Some(&b' ') {
                        end + 1
                    } else {
                        end
                    };
                    let joined = if joined == Joined::Quote {
                        Joined::Quote
                    } else {
                        Joined::Ascii
                    };
                    return Some((end, after, joined));
                }
                // A no-break space.
                0xC2 if bytes.get(e + 1) == Some(&0xA0) => return Some((e, e, joined)),
                // General punctuation (`U+2000` to `U+203F`), with `’` a joiner.
                0xE2 if bytes.get(e + 1) == Some(&0x80) => {
                    if bytes.get(e + 2) != Some(&0x99) {
                        return Some((e, e, joined));
                    }
                    3
                }
                _ => return None,
            },
        };
        // A joiner joins a word character after it (a digit after a comma), and the word
        // ends before one that joins nothing.
        let n = e + len;
        match word_char_at(bytes, n, run.end_of) {
            Some(true) if next != b',' || bytes[n].is_ascii_digit() => {}
            Some(_) => return Some((e, e, joined)),
            None => return None,
        }
        if n >= run_end {
            return None;
        }
        joined = if len == 1 && joined != Joined::Quote {
            Joined::Ascii
        } else {
            Joined::Quote
        };
        e = names::alnum_end(&bytes[..run_end], n + 1);
    }
}

/// Whether the character at `i` of `bytes` is a word character ([`word_char`]), for a
/// word that may go on there: `Some(false)` at or past `end_of`, where it stops; `None`
/// when that takes decoding (a character that is not ASCII, other than a no-break space or
/// general punctuation).
#[inline]
fn word_char_at(bytes: &[u8], i: usize, end_of: usize) -> Option<bool> {
    if i >= end_of {
        return Some(false);
    }
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some(ASCII_ALNUM[usize::from(b)]);
    }
    match (b, bytes.get(i + 1)) {
        (0xC2, Some(&0xA0)) | (0xE2, Some(&0x80)) => Some(false),
        _ => None,
    }
}

/// Appends the one-byte punctuation token `b` at `at` of [`plain_run`] (no mark), noting it
/// when it may break a clause.
#[inline(always)]
fn push_punct(out: &mut Vec<Tok>, breakable: &mut Vec<usize>, at: usize, b: u8, quoted: bool) {
    let class = words::punct_class(b);
    out.push(Tok {
        span: Span::new(at, at + 1),
        kind: TokKind::Punct,
        cap: false,
        quoted,
        class,
    });
    note_breakable(class, out.len(), breakable);
}

/// Appends a word token of [`plain_run`], noting it when it may break a clause.
#[inline(always)]
fn push_word(
    out: &mut Vec<Tok>,
    breakable: &mut Vec<usize>,
    span: Span,
    cap: bool,
    quoted: bool,
    class: u32,
) {
    out.push(Tok {
        span,
        kind: TokKind::Word,
        cap,
        quoted,
        class,
    });
    note_breakable(class, out.len(), breakable);
}

/// Notes the token just pushed (`len` tokens now), of classes `class`, in `breakable` when it
/// may break a clause: punctuation with [`words::BREAK_PUNCT`] or a word with
/// [`words::AND_BUT`].
#[inline(always)]
fn note_breakable(class: u32, len: usize, breakable: &mut Vec<usize>) {
    if class & (words::BREAK_PUNCT | words::AND_BUT) != 0 {
        breakable.push(len - 1);
    }
}

/// The tables [`plain_run`] looks words up in.
#[derive(Clone, Copy)]
struct Lookups<'a> {
    table: &'a words::Table,
    abbreviations: &'a Abbreviations,
}

/// [`slice::partition_point`] by exponential search from the start: the first item for
/// which `pred` is false, found in time logarithmic in its index (at once when it is the
/// first, as for marks and quotations passed from the span on).
fn first_not<T>(v: &[T], pred: impl Fn(&T) -> bool) -> usize {
    if v.first().map_or(true, |x| !pred(x)) {
        return 0;
    }
    // `pred` holds at `step / 2` (at 0 when `step` is 1).
    let mut step = 1;
    while step < v.len() && pred(&v[step]) {
        step *= 2;
    }
    let lo = step / 2 + 1;
    let hi = step.min(v.len());
    lo + v[lo..hi].partition_point(pred)
}

/// No quotation content: it ends before every position, so it is never entered, and it is
/// never passed over.
const EMPTY: Span = Span {
    start: usize::MAX,
    end: usize::MAX,
};

/// The end and the classes of the word of ASCII letters and digits at `at` (an ASCII letter
/// or digit before `stop`), read from the eight bytes there when the word is at most
/// [`words::SHORT`] bytes and a byte that cannot join it to more follows (a space, most
/// punctuation, `stop`); `None` otherwise, for [`ascii_word_end`].
#[inline(always)]
fn short_word(bytes: &[u8], at: usize, stop: usize, table: &words::Table) -> Option<(usize, u32)> {
    let chunk = bytes.get(at..at + 8)?;
    let x = u64::from_le_bytes([
        chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
    ]);
    let high = x & HIGH_BITS;
    let other = (!ascii_word_bytes(x & !high) | high) & HIGH_BITS;
    if other == 0 {
        return None;
    }
    // At least 1: the first byte is a letter or digit.
    let len = (other.trailing_zeros() / 8) as usize;
    let e = at + len;
    if e > stop {
        return None;
    }
    if e < stop {
        let next = (x >> (8 * len)) as u8;
        if next >= 0x80 || JOINER[usize::from(next)] {
            return None;
        }
    }
    let mask = (1u64 << (8 * len)) - 1;
    // `| 0x20` lower-cases an ASCII letter and leaves a digit as it is.
    let lower = (x | 0x2020_2020_2020_2020) & mask;
    Some((e, table.short(lower)))
}

/// ASCII bytes that may join a word to what follows in [`word_end_from`]: a comma between
/// digits, inner joiners and an abbreviation period.
static JOINER: [bool; 128] = {
    let mut t = [false; 128];
    t[b',' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'-' as usize] = true;
    t[b'.' as usize] = true;
    t[b'&' as usize] = true;
    t[b'/' as usize] = true;
    t
};

/// [`word_end`] for a word whose first character is an ASCII letter or digit.
#[inline]
fn ascii_word_end(
    text: &str,
    at: usize,
    stop: usize,
    end_of: usize,
    abbreviations: &Abbreviations,
) -> usize {
    let bytes = text.as_bytes();
    let e = names::alnum_end(&bytes[..stop], at + 1);
    // A space ends most words.
    if e >= stop || BYTE.get(usize::from(bytes[e])) == Some(&SPACE) {
        return e;
    }
    // Its letters and digits are read: on from there.
    let capital = bytes[at].is_ascii_uppercase().then_some(1);
    word_end_from(text, at, capital, e, stop, end_of, abbreviations)
}

/// The end of the word whose first character, `c` of `len` bytes, is at `at`: it stops at
/// `stop` (the next quotation mark, or the end of the span `end_of`).
fn word_end(
    text: &str,
    at: usize,
    c: char,
    len: usize,
    stop: usize,
    end_of: usize,
    abbreviations: &Abbreviations,
) -> usize {
    let capital = c.is_uppercase().then_some(len);
    word_end_from(text, at, capital, at + len, stop, end_of, abbreviations)
}

/// [`word_end`] read on from `from` (where the word's bytes before it are letters, digits
/// or its first character); `capital` is the length of the first character when it is a
/// capital.
fn word_end_from(
    text: &str,
    at: usize,
    capital: Option<usize>,
    from: usize,
    stop: usize,
    end_of: usize,
    abbreviations: &Abbreviations,
) -> usize {
    // The word stops at the next quotation mark (marks start on char boundaries, and the
    // word moves from one boundary to the next, so it meets the mark).
    let bytes = text.as_bytes();
    let mut e = from;
    while e < stop {
        let b = bytes[e];
        if ASCII_ALNUM[usize::from(b)] {
            e += 1;
            continue;
        }
        let (d, dl) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            char_at(text, e)
        };
        if b >= 0x80 && word_char(d) {
            e += dl;
            continue;
        }
        let next = e + dl;
        // `21,000`: a comma between digits.
        if d == ','
            && bytes[e - 1].is_ascii_digit()
            && next < end_of
            && bytes[next].is_ascii_digit()
        {
            e = next;
            continue;
        }
        // Inner joiners: don't, U.S., al-Assad, 3.5, Russia's.
        if matches!(d, '\'' | '’' | '-' | '.' | '&' | '/') {
            if next < end_of && word_char(char_at(text, next).0) {
                e = next;
                continue;
            }
            // Abbreviation period: `U.S.` keeps its final period when the word has
            // one inside, single capitals take theirs (`K.`), and so do listed
            // abbreviations (`Sen.`).
            if d == '.' {
                let word = &text[at..e];
                let one_cap = capital == Some(e - at);
                // A number's abbreviation takes its period only before the number (`No. 1`,
                // not `said no.`).
                let listed = match abbreviations.get(&text[at..=e]) {
                    Some(Class::Number) => text[next..end_of]
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit() || c == '#'),
                    Some(_) => true,
                    None => false,
                };
                if one_cap || word.contains('.') || listed {
                    e = next;
                }
            }
        }
        break;
    }
    e
}

/// What an ASCII byte is to the tokenizer ([`BYTE`]).
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
// `plain_run` adds a word's `AFTER_WORD` kind to its end to pass over a space after it.
const _: () = assert!(SPACE == 1 && OTHER == 0);

/// The kind of every ASCII byte: whitespace (as `char::is_whitespace` has it), a letter or
/// digit, or other.
static BYTE: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// What a byte after a word of ASCII letters and digits is to [`plain_run`]: [`SPACE`]
/// (ASCII whitespace), [`OTHER`] (punctuation that cannot join the word to more), or
/// [`ALNUM`] for any other byte (a joiner, a non-ASCII byte), which it leaves to the general
/// path.
static AFTER_WORD: [u8; 256] = {
    let mut t = [ALNUM; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = if BYTE[b] == SPACE {
            SPACE
        } else if BYTE[b] == OTHER && !JOINER[b] {
            OTHER
        } else {
            ALNUM
        };
        b += 1;
    }
    t
};

/// Whether a byte is an ASCII letter or digit, by table.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The character at byte `at` of `text` and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    let c = text[at..].chars().next().unwrap_or('\u{fffd}');
    (c, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `text`, one per item: the token's text, then `/` and a letter per
    /// property (Word, Punct, Open, Close; Cap; Quoted) and its function-word classes.
    fn render(text: &str, marks: &[(Span, bool)], quoted: &[Span]) -> Vec<String> {
        tokens(text, marks, quoted)
            .iter()
            .map(|t| {
                let kind = match t.kind {
                    TokKind::Word => "W",
                    TokKind::Punct => "P",
                    TokKind::Open => "O",
                    TokKind::Close => "C",
                };
                format!(
                    "{}/{kind}{}{}{}",
                    &text[t.span],
                    if t.cap { "c" } else { "" },
                    if t.quoted { "q" } else { "" },
                    if t.class & words::FUNCTION != 0 {
                        "f"
                    } else {
                        ""
                    },
                )
            })
            .collect()
    }

    /// The tokens of `text`, checking that every word has the classes of its text, that the
    /// breakable tokens are exactly those with a class that may break a clause, and that
    /// tokenizing after other tokens appends the same ones (their breakable indexes counted
    /// in the whole list).
    fn tokens(text: &str, marks: &[(Span, bool)], quoted: &[Span]) -> Vec<Tok> {
        let (span, abbreviations) = (Span::new(0, text.len()), Abbreviations::english());
        let run = |out: &mut Vec<Tok>, breakable: &mut Vec<usize>| {
            tokenize(text, span, abbreviations, marks, quoted, out, breakable);
        };
        let (mut out, mut breakable) = (Vec::new(), Vec::new());
        run(&mut out, &mut breakable);
        for t in out.iter().filter(|t| t.is_word()) {
            assert_eq!(t.class, words::classes(&text[t.span]), "{}", &text[t.span]);
        }
        let expected: Vec<usize> = (0..out.len())
            .filter(|&k| out[k].class & (words::BREAK_PUNCT | words::AND_BUT) != 0)
            .collect();
        assert_eq!(breakable, expected, "{text}");
        let (mut twice, mut breakable_twice) = (out.clone(), breakable.clone());
        run(&mut twice, &mut breakable_twice);
        let key = |t: &Tok| (t.span, t.kind, t.cap, t.quoted, t.class);
        assert!(
            twice[out.len()..].iter().map(key).eq(out.iter().map(key)),
            "{text}"
        );
        let shifted = breakable.iter().map(|&k| k + out.len());
        assert!(
            breakable_twice[breakable.len()..]
                .iter()
                .copied()
                .eq(shifted),
            "{text}"
        );
        out
    }

    #[test]
    fn empty_and_blank_spans_have_no_tokens() {
        assert!(render("", &[], &[]).is_empty());
        assert!(render(" \t\n\u{a0}\u{3000}\u{200b}\u{feff} ", &[], &[]).is_empty());
    }

    #[test]
    fn words_keep_inner_joiners_and_abbreviation_periods() {
        let text = "Sen. Ted Cruz's aide don't al-Assad U.S. K. 3.5 21,000 1, 2 end.";
        assert_eq!(
            render(text, &[], &[]),
            [
                "Sen./Wc",
                "Ted/Wc",
                "Cruz's/Wc",
                "aide/W",
                "don't/W",
                "al-Assad/W",
                "U.S./Wc",
                "K./Wc",
                "3.5/W",
                "21,000/W",
                "1/W",
                ",/P",
                "2/W",
                "end/W",
                "./P",
            ]
        );
        // Curly apostrophes, non-ASCII letters and combining marks continue a word; a dash
        // and an ellipsis are punctuation.
        let text = "Putin\u{2019}s \u{0141}ukasz e\u{301}t\u{e9} \u{2014} so\u{2026} \u{00c9}cole";
        assert_eq!(
            render(text, &[], &[]),
            [
                "Putin\u{2019}s/Wc",
                "\u{0141}ukasz/Wc",
                "e\u{301}t\u{e9}/W",
                "\u{2014}/P",
                "so/Wf",
                "\u{2026}/P",
                "\u{00c9}cole/Wc",
            ]
        );
    }

    #[test]
    fn words_end_at_joiners_periods_and_punctuation_as_the_general_path_reads_them() {
        // Words the plain run reads past a joiner or up to a period or a character that is
        // not ASCII, and those it leaves to the general path (a number's abbreviation, a
        // period that joins), with their classes.
        let text = "No. 5 No. it A&B on 9/11, e-mail N'T I'm Obama\u{2019}s K. p.m. end.\u{201d} \
                    x.\u{a0}y Ann\u{2019} 3,a 3, 4 we\u{2019}re 21,000.";
        let toks = tokens(text, &[], &[]);
        let all: Vec<&str> = toks.iter().map(|t| &text[t.span]).collect();
        assert_eq!(
            all,
            [
                "No.",
                "5",
                "No",
                ".",
                "it",
                "A&B",
                "on",
                "9/11",
                ",",
                "e-mail",
                "N'T",
                "I'm",
                "Obama\u{2019}s",
                "K.",
                "p.m.",
                "end",
                ".",
                "\u{201d}",
                "x",
                ".",
                "y",
                "Ann",
                "\u{2019}",
                "3",
                ",",
                "a",
                "3",
                ",",
                "4",
                "we\u{2019}re",
                "21,000",
                ".",
            ]
        );
        for w in ["e-mail", "N'T", "I'm", "on"] {
            assert_ne!(words::classes(w), 0, "{w}");
        }
    }

    #[test]
    fn a_space_after_punctuation_is_passed_over_inside_a_stretch_only() {
        // `, ` and `. ` are each read in one round; the comma before the quotation's content
        // (which starts at the space after it) leaves that space to the content's stretch.
        let text = "one, two . three ,four;  five";
        let two = text.find("two").unwrap_or(0);
        let quoted = [Span::new(two - 1, two + 3)];
        let toks = tokens(text, &[], &quoted);
        let all: Vec<(&str, bool)> = toks.iter().map(|t| (&text[t.span], t.quoted)).collect();
        assert_eq!(
            all,
            [
                ("one", false),
                (",", false),
                ("two", true),
                (".", false),
                ("three", false),
                (",", false),
                ("four", false),
                (";", false),
                ("five", false),
            ]
        );
    }

    #[test]
    fn first_not_agrees_with_partition_point() {
        for len in 0..40 {
            let v: Vec<usize> = (0..len).map(|i| i * 3).collect();
            for x in 0..len * 3 + 3 {
                let pred = |&y: &usize| y < x;
                assert_eq!(first_not(&v, pred), v.partition_point(pred), "{len} {x}");
            }
        }
    }

    #[test]
    fn short_and_long_words_get_the_classes_of_their_text() {
        // Words of every length up to past eight bytes, followed by spaces, punctuation,
        // joiners, non-ASCII characters and the end of the text (fewer than eight bytes
        // left), in any case.
        let text = "The said ALSO told,him no.1 a-b THEY'd whoever meanwhile; Yesterday\u{2019}s \
                    of\u{e9} 3rd an\tat\nby Sen. they";
        let toks = tokens(text, &[], &[]);
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| t.is_word())
            .map(|t| &text[t.span])
            .collect();
        assert_eq!(
            words,
            [
                "The",
                "said",
                "ALSO",
                "told",
                "him",
                "no.1",
                "a-b",
                "THEY'd",
                "whoever",
                "meanwhile",
                "Yesterday\u{2019}s",
                "of\u{e9}",
                "3rd",
                "an",
                "at",
                "by",
                "Sen.",
                "they",
            ]
        );
        for w in [
            "The",
            "said",
            "ALSO",
            "told",
            "him",
            "an",
            "at",
            "by",
            "they",
            "meanwhile",
        ] {
            assert_ne!(words::classes(w), 0, "{w}");
        }
    }

    #[test]
    fn quoted_words_lie_wholly_inside_content_whose_edges_need_no_mark() {
        // A quotation's content may start or end without a mark (a quote that goes on from
        // the paragraph before, one left open), even inside a word: a word is quoted only
        // when it lies wholly inside, and the edge does not split it.
        let text = "alpha beta, gamma delta-epsilon zeta. eta theta uncharacteristically iota";
        let at = |w: &str| text.find(w).unwrap_or(0);
        let quoted = [
            Span::new(at("beta") + 2, at("gamma") + 5),
            Span::new(at("epsilon"), at(" eta ") + 2),
            Span::new(at("uncharacteristically") + 10, text.len()),
        ];
        assert_eq!(
            render(text, &[], &quoted),
            [
                "alpha/W",
                "beta/W",
                ",/Pq",
                "gamma/Wq",
                "delta-epsilon/W",
                "zeta/Wq",
                "./Pq",
                "eta/W",
                "theta/W",
                "uncharacteristically/W",
                "iota/Wq",
            ]
        );
    }

    #[test]
    fn quotation_marks_are_tokens_and_their_content_is_quoted() {
        let text = "\u{201c}We won,\u{201d} he said of the \"vote\".";
        let open = text.find('\u{201c}').unwrap_or(0);
        let close = text.find('\u{201d}').unwrap_or(0);
        let open2 = text.find('"').unwrap_or(0);
        let close2 = text.rfind('"').unwrap_or(0);
        let marks = [
            (Span::new(open, open + 3), true),
            (Span::new(close, close + 3), false),
            (Span::new(open2, open2 + 1), true),
            (Span::new(close2, close2 + 1), false),
        ];
        let quoted = [Span::new(open + 3, close), Span::new(open2 + 1, close2)];
        assert_eq!(
            render(text, &marks, &quoted),
            [
                "\u{201c}/O",
                "We/Wcqf",
                "won/Wqf",
                ",/Pq",
                "\u{201d}/C",
                "he/Wf",
                "said/Wf",
                "of/Wf",
                "the/Wf",
                "\"/O",
                "vote/Wq",
                "\"/C",
                "./P",
            ]
        );
    }
}
