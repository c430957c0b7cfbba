//! Mention analysis: where the name is in a speaker mention, what title stands before it,
//! and whether the mention names a person, an organisation, a group, an unnamed source or
//! is a pronoun. Also a cheap scan of the whole text for capitalised name runs, which the
//! speaker stage uses to find the fullest form of a name (`Dmitry Peskov` for `Peskov`).
//!
//! Everything here works on word tokens of a span, found by one pass over its bytes; the
//! lexicons (`src/lexicon/en/{titles,organisations,mentions}.txt`) are parsed once.

use once_cell::sync::Lazy;

use crate::stage::scratch;
use crate::{Gender, MentionKind, Span};

// ---------------------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------------------

/// Lexicon classes of a word (bit flags).
pub(crate) mod class {
    pub(crate) const TITLE: u32 = 1;
    pub(crate) const HONORIFIC: u32 = 1 << 1;
    pub(crate) const MASCULINE: u32 = 1 << 2;
    pub(crate) const FEMININE: u32 = 1 << 3;
    pub(crate) const SUFFIX: u32 = 1 << 4;
    pub(crate) const PARTICLE: u32 = 1 << 5;
    pub(crate) const ORG_HEAD: u32 = 1 << 6;
    pub(crate) const ORG_NAME: u32 = 1 << 7;
    pub(crate) const PLACE: u32 = 1 << 8;
    pub(crate) const PRONOUN: u32 = 1 << 9;
    pub(crate) const DET: u32 = 1 << 10;
    pub(crate) const DEFINITE: u32 = 1 << 11;
    pub(crate) const PLURAL_DET: u32 = 1 << 12;
    pub(crate) const CUT: u32 = 1 << 13;
    pub(crate) const GROUP: u32 = 1 << 14;
    pub(crate) const SINGULAR: u32 = 1 << 15;
    pub(crate) const STOP: u32 = 1 << 16;
    pub(crate) const PERSON: u32 = 1 << 17;
}

/// The `(section, entry)` pairs of a lexicon file: lines under `[section]` headers, blank
/// lines and `#` comments skipped, entries trimmed.
pub(crate) fn lexicon_entries(
    src: &'static str,
) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    src.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim();
            return None;
        }
        Some((section, line))
    })
}

const TITLES: &str = include_str!("../lexicon/en/titles.txt");
const ORGANISATIONS: &str = include_str!("../lexicon/en/organisations.txt");
const MENTIONS: &str = include_str!("../lexicon/en/mentions.txt");

/// The classes a section of the mention lexicons gives its entries; `None` for an unknown
/// section (a test checks there is none).
fn section_class(file: &str, section: &str) -> Option<u32> {
    use class::{
        CUT, DEFINITE, DET, FEMININE, GROUP, HONORIFIC, MASCULINE, ORG_HEAD, ORG_NAME, PARTICLE,
        PERSON, PLACE, PLURAL_DET, PRONOUN, SINGULAR, STOP, SUFFIX, TITLE,
    };
    Some(match (file, section) {
        ("titles", "title") => TITLE,
        ("titles", "honorific masculine") => HONORIFIC | MASCULINE,
        ("titles", "honorific feminine") => HONORIFIC | FEMININE,
        ("titles", "honorific") => HONORIFIC,
        ("titles", "suffix") => SUFFIX,
        ("titles", "particle") => PARTICLE,
        ("organisations", "head" | "place head") => ORG_HEAD,
        ("organisations", "name") => ORG_NAME,
        ("organisations", "place") => PLACE,
        ("mentions", "pronoun") => PRONOUN,
        ("mentions", "determiner definite") => DET | DEFINITE,
        ("mentions", "determiner") => DET,
        ("mentions", "determiner plural") => DET | PLURAL_DET,
        ("mentions", "cut") => CUT,
        ("mentions", "group") => GROUP,
        ("mentions", "singular") => SINGULAR,
        ("mentions", "stop") => STOP,
        ("mentions", "person") => PERSON,
        _ => return None,
    })
}

/// The entries of the mention lexicons with any of `classes`.
pub(crate) fn entries_with(classes: u32) -> impl Iterator<Item = &'static str> {
    files().into_iter().flat_map(move |(file, src)| {
        lexicon_entries(src)
            .filter(move |&(section, _)| {
                section_class(file, section).is_some_and(|c| c & classes != 0)
            })
            .map(|(_, entry)| entry)
    })
}

fn files() -> [(&'static str, &'static str); 3] {
    [
        ("titles", TITLES),
        ("organisations", ORGANISATIONS),
        ("mentions", MENTIONS),
    ]
}

/// A lexicon table: lowercase word or phrase → classes. Open addressing over a fixed table
/// (the lexicons are built in, so no input can lengthen a probe), looked up case-blind
/// without copying the word: an ASCII word is folded as it is hashed.
///
/// A slot is 16 bytes and holds all a short word is compared by, so the table stays small
/// enough for the cache; the entries themselves sit apart, read only for longer words.
#[derive(Debug, Clone)]
pub(crate) struct WordTable {
    slots: Vec<Slot>,
    /// The entry of each slot (empty for a free one).
    keys: Vec<&'static str>,
    len: usize,
    longest: usize,
    /// The entries' shapes: bit `len.min(15)` of cell [`shape_cell`]`(first, last)` set
    /// for each entry. A word whose cell lacks its length is no entry, in any ASCII case
    /// (the bits `0x1F` keep of a byte are those of its other case too): most words of a
    /// text are none, and are known so without a probe.
    shapes: Box<[u16; 1024]>,
}

impl Default for WordTable {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            keys: Vec::new(),
            len: 0,
            longest: 0,
            shapes: Box::new([0; 1024]),
        }
    }
}

/// One entry of a [`WordTable`].
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The entry's bytes packed by [`load8`]: with the length, the whole entry when it is
    /// eight bytes or shorter.
    packed: u64,
    /// [`meta`] of the entry's hash and length; 0 for a free slot.
    meta: u32,
    classes: u32,
}

const FREE: Slot = Slot {
    packed: 0,
    meta: 0,
    classes: 0,
};

/// A slot's check word: 24 high bits of the hash and the length (capped at 255) in the low
/// byte, never 0 for an entry (entries are not empty).
#[inline(always)]
fn meta(h: u64, len: usize) -> u32 {
    ((h >> 40) as u32) << 8 | len.min(255) as u32
}

/// Up to eight bytes of a word packed into a word: every byte of `b` lands in it, and two
/// different slices of the same length give different values (the hash mixes in the
/// length). Short slices are read with overlapping loads rather than copied.
#[inline]
fn load8(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        return first8(b);
    }
    if n >= 4 {
        let (lo, hi) = ends4(b);
        return lo | (hi << 32);
    }
    if n == 0 {
        return 0;
    }
    u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16)
}

/// The first eight bytes of `b` (at least eight long), little-endian.
#[inline(always)]
fn first8(b: &[u8]) -> u64 {
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// The first four and the last four bytes of `b` (four to eight long), each little-endian:
/// two loads that overlap when `b` is shorter than eight bytes.
#[inline(always)]
fn ends4(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
    (u64::from(lo), u64::from(hi))
}

/// ASCII-lowercases eight ASCII bytes at once.
#[inline]
pub(crate) fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // A byte's top bit is set where it is `A`..=`Z` (no carries: every byte is below 0x80).
    let ge_a = x.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let gt_z = x.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    let upper = ge_a & !gt_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// One step of the word hashes: `h` with a group of (up to) eight bytes mixed in.
#[inline(always)]
fn mix(h: u64, group: u64) -> u64 {
    (h.rotate_left(5) ^ group).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// `h` with the bytes of `bytes` mixed in eight at a time, each group read by `load` and
/// passed through `fold`, and the OR of the groups read (its top bits say whether any byte
/// is not ASCII).
#[inline(always)]
fn mix_groups(
    mut h: u64,
    bytes: &[u8],
    load: impl Fn(&[u8]) -> u64,
    fold: impl Fn(u64) -> u64,
) -> (u64, u64) {
    let mut any = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let x = load(c);
        any |= x;
        h = mix(h, fold(x));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let x = load(rest);
        any |= x;
        h = mix(h, fold(x));
    }
    (h, any)
}

/// A word-at-a-time hash of `bytes` (groups read by [`load8`]), each group passed through
/// `fold` first, and the OR of all bytes (its top bits say whether any byte is not ASCII).
#[inline]
fn word_hash(bytes: &[u8], fold: impl Fn(u64) -> u64) -> (u64, u64) {
    let (h, any) = mix_groups(bytes.len() as u64, bytes, load8, fold);
    (h ^ (h >> 29), any)
}

/// [`word_hash`] of a word of one to eight bytes whose bytes, packed by [`load8`], are
/// `x` (already folded).
#[inline]
fn short_hash(len: usize, x: u64) -> u64 {
    let h = mix(len as u64, x);
    h ^ (h >> 29)
}

/// The hash of a lowercase entry (or of a word already lowercased).
#[inline]
fn plain_hash(bytes: &[u8]) -> u64 {
    word_hash(bytes, |x| x).0
}

impl WordTable {
    /// Adds `classes` to the entry `key` (lowercase, not empty).
    pub(crate) fn insert(&mut self, key: &'static str, classes: u32) {
        if key.is_empty() {
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            let old_keys = std::mem::take(&mut self.keys);
            let cap = (old.len() * 2).max(64);
            self.slots = vec![FREE; cap];
            self.keys = vec![""; cap];
            self.len = 0;
            for (slot, key) in old.into_iter().zip(old_keys) {
                if !key.is_empty() {
                    self.insert(key, slot.classes);
                }
            }
        }
        let kb = key.as_bytes();
        self.shapes[shape_cell(kb[0], kb[kb.len() - 1])] |= 1 << kb.len().min(15);
        let h = plain_hash(key.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            if self.keys[i].is_empty() {
                self.slots[i] = Slot {
                    packed: load8(key.as_bytes()),
                    meta: meta(h, key.len()),
                    classes,
                };
                self.keys[i] = key;
                self.len += 1;
                self.longest = self.longest.max(key.len());
                return;
            }
            if self.keys[i] == key {
                self.slots[i].classes |= classes;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The length in bytes of the longest entry.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// The classes of a lowercase word or phrase (0 when absent).
    #[inline]
    pub(crate) fn get(&self, lower: &str) -> u32 {
        let h = plain_hash(lower.as_bytes());
        let m = meta(h, lower.len());
        self.probe(h, |s, i| s.meta == m && self.keys[i] == lower)
    }

    /// The classes of a word in any case (0 when absent); `buf` is scratch space for a
    /// non-ASCII word.
    #[inline(always)]
    pub(crate) fn get_fold(&self, word: &str, buf: &mut String) -> u32 {
        match self.get_short(word.as_bytes()) {
            Some(classes) => classes,
            None => self.get_fold_long(word, buf),
        }
    }

    /// [`get_fold`](Self::get_fold) for a word that may not be ASCII: a non-ASCII word
    /// gets 0 (no lookup of its lowercase form).
    #[inline(always)]
    pub(crate) fn get_ascii_fold(&self, word: &str) -> u32 {
        let w = word.as_bytes();
        if w.len() <= 8 {
            return self.get_short(w).unwrap_or(0);
        }
        if !word.is_ascii() {
            return 0;
        }
        self.get_fold_long(word, &mut String::new())
    }

    /// The classes of a word of ASCII bytes no longer than eight, compared without regard
    /// to case; `None` for a longer word or one with a byte that is not ASCII.
    #[inline(always)]
    pub(crate) fn get_short(&self, w: &[u8]) -> Option<u32> {
        let n = w.len();
        if n > 8 {
            return None;
        }
        // `load8` keeps every byte of a short word, so an ASCII word is its packed bytes
        // and its length: no byte-by-byte comparison.
        let x = load8(w);
        if x & 0x8080_8080_8080_8080 != 0 {
            return None;
        }
        if n == 0 || !self.may_hold(w) {
            return Some(0);
        }
        let x = lower8(x);
        // A longer entry's length byte is above eight, so it never matches.
        Some(self.probe(short_hash(n, x), |s, _| {
            s.packed == x && (s.meta & 0xFF) as usize == n
        }))
    }

    /// [`get_fold`](Self::get_fold) for a word longer than eight bytes or not ASCII.
    #[inline(never)]
    fn get_fold_long(&self, word: &str, buf: &mut String) -> u32 {
        let w = word.as_bytes();
        // Only an ASCII word can be skipped by its length: lowercasing keeps its length.
        // Nor one of a shape no entry has ([`may_hold`](Self::may_hold)).
        if (w.len() > self.longest || !self.may_hold(w)) && word.is_ascii() {
            return 0;
        }
        // The hash of the ASCII-lowercase form, valid when every byte is ASCII (the bytes
        // are then below 0x80, so no carry crosses a byte in `lower8`).
        let (h, any) = word_hash(w, lower8);
        if any & 0x8080_8080_8080_8080 == 0 {
            self.probe_folded(h, w)
        } else {
            self.get(lower(word, buf))
        }
    }

    /// [`get_fold`](Self::get_fold) for a word of ASCII bytes (read without a check that
    /// they are).
    #[inline(always)]
    fn get_ascii(&self, w: &[u8]) -> u32 {
        if let Some(classes) = self.get_short(w) {
            return classes;
        }
        if w.len() > self.longest || !self.may_hold(w) {
            return 0;
        }
        self.probe_folded(word_hash(w, lower8).0, w)
    }

    /// The classes of the ASCII word `w` in any case, whose hash folded by [`lower8`] is `h`.
    #[inline(always)]
    fn probe_folded(&self, h: u64, w: &[u8]) -> u32 {
        let m = meta(h, w.len());
        self.probe(h, |s, i| {
            s.meta == m && self.keys[i].as_bytes().eq_ignore_ascii_case(w)
        })
    }

    /// Whether an entry may be the ASCII word `w` (not empty) in some ASCII case, by its
    /// [`shapes`](Self::shapes); `false` only when none is.
    #[inline(always)]
    fn may_hold(&self, w: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
            return true;
        };
        self.shapes[shape_cell(first, last)] & (1 << w.len().min(15)) != 0
    }

    #[inline]
    fn probe(&self, h: u64, eq: impl Fn(&Slot, usize) -> bool) -> u32 {
        if self.slots.is_empty() {
            return 0;
        }
        let mask = self.slots.len() - 1;
        let mut i = (h as usize) & mask;
        loop {
            let slot = &self.slots[i];
            if slot.meta == 0 {
                return 0;
            }
            if eq(slot, i) {
                return slot.classes;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Lowercase word or phrase → its classes.
static LEXICON: Lazy<WordTable> = Lazy::new(|| {
    let mut map = WordTable::default();
    for (file, src) in files() {
        for (section, entry) in lexicon_entries(src) {
            if let Some(c) = section_class(file, section) {
                map.insert(entry, c);
            }
        }
    }
    map
});

/// The first words of the phrases of [`LEXICON`] (entries of two words or more): a phrase
/// whose first word is not one of them is no entry, and needs no lookup.
static PHRASE_STARTS: Lazy<WordTable> = Lazy::new(|| {
    let mut map = WordTable::default();
    for (file, src) in files() {
        for (section, entry) in lexicon_entries(src) {
            if let (Some(_), Some((first, _))) =
                (section_class(file, section), entry.split_once(' '))
            {
                map.insert(first, 1);
            }
        }
    }
    map
});

/// The first and last bytes and the lengths of the entries of [`LEXICON`] that make a word
/// part of a name run without a capital ([`TITLE`](class::TITLE),
/// [`HONORIFIC`](class::HONORIFIC), [`PARTICLE`](class::PARTICLE)): bit `len.min(15)` of
/// the cell of `(first & 0x1F, last & 0x1F)`. A word whose cell lacks its length is no such
/// entry in any ASCII case (the bits `0x1F` keep of a byte are those of its other case too).
static PART_SHAPES: Lazy<Box<[u16; 1024]>> = Lazy::new(|| {
    let mut t = Box::new([0u16; 1024]);
    for entry in entries_with(class::TITLE | class::HONORIFIC | class::PARTICLE) {
        let b = entry.as_bytes();
        if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
            t[shape_cell(first, last)] |= 1 << b.len().min(15);
        }
    }
    t
});

/// The cell of [`PART_SHAPES`] for a word's first and last bytes.
#[inline(always)]
fn shape_cell(first: u8, last: u8) -> usize {
    usize::from(first & 0x1F) << 5 | usize::from(last & 0x1F)
}

/// Whether the word `w` (not empty) may be an entry of [`LEXICON`] with a class that makes
/// a small word part of a name run; `false` only when it is none.
#[cfg(test)]
fn may_be_part_word(w: &[u8]) -> bool {
    may_be_part_word_in(&PART_SHAPES, w)
}

/// `may_be_part_word` by the table `shapes` ([`PART_SHAPES`]), which a loop reads once.
#[inline(always)]
fn may_be_part_word_in(shapes: &[u16; 1024], w: &[u8]) -> bool {
    match (w.first(), w.last()) {
        (Some(&first), Some(&last)) => {
            shapes[shape_cell(first, last)] & (1 << w.len().min(15)) != 0
        }
        _ => true,
    }
}

/// The classes of a lowercase word or phrase.
#[inline]
pub(crate) fn classes_of(lower: &str) -> u32 {
    LEXICON.get(lower)
}

/// The classes of a word in any case; `buf` is scratch space.
#[inline]
pub(crate) fn classes_fold(word: &str, buf: &mut String) -> u32 {
    LEXICON.get_fold(word, buf)
}

/// Writes the lowercase form of `s` into `buf` and returns it; no allocation once `buf` has
/// grown.
pub(crate) fn lower<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(s.chars().flat_map(char::to_lowercase));
    }
    buf.as_str()
}

/// Whether two words are equal ignoring case.
pub(crate) fn eq_fold(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if x.len() == y.len() {
        // Eight bytes at a time: ASCII words are equal when each group lowercases alike
        // (`lower8` is no lowercasing of other bytes, whose words are compared below).
        let (mut any, mut same) = (0u64, true);
        for (p, q) in x.chunks(8).zip(y.chunks(8)) {
            let (p, q) = (pack_le(p), pack_le(q));
            any |= p | q;
            same &= lower8(p) == lower8(q);
        }
        if any & 0x8080_8080_8080_8080 == 0 {
            return same;
        }
    } else if a.is_ascii() && b.is_ascii() {
        return false;
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// A hash of the lowercase form of `s`, for maps keyed by words without allocating: its
/// bytes eight at a time (little-endian, the last group padded with zero bytes), then its
/// length.
#[inline]
pub(crate) fn fold_hash(s: &str) -> u64 {
    // The common key, an ASCII word of one to eight bytes, is one group: hashed here, in
    // the caller, as the general path below hashes it.
    let b = s.as_bytes();
    if (1..=8).contains(&b.len()) {
        let x = pack_le(b);
        if x & 0x8080_8080_8080_8080 == 0 {
            return FoldHash(mix(0, lower8(x))).finish(b.len());
        }
    }
    fold_hash_any(s)
}

/// [`fold_hash`] of any text.
#[inline(never)]
fn fold_hash_any(s: &str) -> u64 {
    // An ASCII word lowercases byte by byte in place, so eight bytes at a time; the OR of
    // its bytes says whether it was ASCII after all (`lower8` of a byte that is not is no
    // lowercasing, so that hash is dropped).
    let (h, any) = mix_groups(0, s.as_bytes(), pack_le, lower8);
    if any & 0x8080_8080_8080_8080 == 0 {
        return FoldHash(h).finish(s.len());
    }
    // The bytes of the lowercase form, by characters, grouped as above.
    let mut h = FoldHash::default();
    let (mut group, mut n, mut len) = (0u64, 0u32, 0usize);
    for c in s.chars().flat_map(char::to_lowercase) {
        let mut b = [0u8; 4];
        for &x in c.encode_utf8(&mut b).as_bytes() {
            group |= u64::from(x) << (8 * n);
            n += 1;
            len += 1;
            if n == 8 {
                h.add(group);
                (group, n) = (0, 0);
            }
        }
    }
    if n > 0 {
        h.add(group);
    }
    h.finish(len)
}

/// The state of [`fold_hash`].
#[derive(Default)]
struct FoldHash(u64);

impl FoldHash {
    #[inline(always)]
    fn add(&mut self, group: u64) {
        self.0 = mix(self.0, group);
    }

    #[inline(always)]
    fn finish(mut self, len: usize) -> u64 {
        self.add(len as u64);
        self.0
    }
}

/// Up to eight bytes as a little-endian word, padded with zero bytes: exact packing, which
/// [`fold_hash`] needs so that its ASCII groups equal the groups it builds by characters
/// ([`load8`] only needs every byte to land somewhere, and is cheaper for that).
#[inline(always)]
fn pack_le(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        return first8(b);
    }
    if n >= 4 {
        // The last four bytes shifted to their place: the bytes the two share are the same.
        let (lo, hi) = ends4(b);
        return lo | (hi << (8 * (n - 4)));
    }
    b.iter().rev().fold(0, |acc, &x| acc << 8 | u64::from(x))
}

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

/// Flags of a token.
/// Where the word that goes on at `pos` (past its first ASCII letters and digits) ends: at a
/// space, a wide space or the end of `slice`; and whether all of it is ASCII.
#[inline(always)]
fn rest_of_word(slice: &str, mut pos: usize) -> (usize, bool) {
    use byte_class::{SPACE, WIDE};
    let bytes = slice.as_bytes();
    let mut ascii = true;
    while pos < bytes.len() {
        let k = class_of(bytes[pos]);
        if k & (SPACE | WIDE) == 0 {
            pos += 1;
        } else if k & SPACE != 0 || wide_space_at(slice, pos).is_some() {
            break;
        } else {
            ascii = false;
            pos += utf8_len(bytes[pos]);
        }
    }
    (pos, ascii)
}

/// How a word of ASCII letters and digits `slice[start..end]` ends when it is read as a
/// plain word: `Some((comma, stop))` at the end of `slice`, before a space, before a comma
/// that ends it (`comma`), or, with `stops`, before a mark that ends a phrase and is no
/// abbreviation's period (`stop`); `None` when anything else follows.
#[inline(always)]
fn plain_word_end(
    slice: &str,
    start: usize,
    end: usize,
    stops: bool,
    buf: &mut String,
) -> Option<(bool, bool)> {
    use byte_class::SPACE;
    let bytes = slice.as_bytes();
    match bytes.get(end) {
        None => Some((false, false)),
        Some(&b) if class_of(b) & SPACE != 0 => Some((false, false)),
        Some(&b',') if end > start && ends_word(bytes, end + 1) => Some((true, false)),
        Some(&b @ (b'.' | b':' | b';' | b'?' | b'!' | b')' | b'"'))
            if stops
                && end > start
                && ends_word(bytes, end + 1)
                && !(b == b'.' && is_undotted_abbreviation(&slice[start..=end], buf)) =>
        {
            Some((false, true))
        }
        _ => None,
    }
}

/// The flags of a plain ASCII word whose letters and digits are `core`: what ends it (a
/// comma, or else a break when `stop`), and for a capitalised word `CAP` and `NAME`, with
/// `ALLCAPS` when it has two letters or more and none small (most capitalised words show a
/// small letter second).
#[inline(always)]
fn plain_word_flags(core: &[u8], comma: bool, stop: bool, cap: bool) -> u16 {
    use byte_class::{LOWER, UPPER};
    let mut flags = if comma {
        flag::COMMA
    } else if stop {
        flag::BREAK
    } else {
        0
    };
    if cap {
        flags |= flag::CAP | flag::NAME;
        if core.len() >= 2 && class_of(core[1]) & LOWER == 0 {
            let mut letters = 0usize;
            let mut small = false;
            for &x in core {
                let k = class_of(x);
                letters += usize::from(k & (UPPER | LOWER) != 0);
                small |= k & LOWER != 0;
            }
            if letters >= 2 && !small {
                flags |= flag::ALLCAPS;
            }
        }
    }
    flags
}

pub(crate) mod flag {
    /// First letter uppercase.
    pub(crate) const CAP: u16 = 1;
    /// Two letters or more, all uppercase (`NATO`, `U.S.`).
    pub(crate) const ALLCAPS: u16 = 1 << 1;
    /// One uppercase letter and a period (`K.`).
    pub(crate) const INITIAL: u16 = 1 << 2;
    /// Ends with `'s` (or `s'`).
    pub(crate) const POSSESSIVE: u16 = 1 << 3;
    /// A comma follows it.
    pub(crate) const COMMA: u16 = 1 << 4;
    /// Other punctuation that ends a phrase follows it (`.`, `;`, `:`, `?`, `!`, a closing
    /// quotation mark or bracket, a dash).
    pub(crate) const BREAK: u16 = 1 << 5;
    /// Looks like part of a proper name: capitalised, or a particle prefix before a
    /// capital (`al-Assad`, `d'Estaing`).
    pub(crate) const NAME: u16 = 1 << 6;
    /// An opening quotation mark or bracket stands before it.
    pub(crate) const OPEN: u16 = 1 << 7;
    /// Ends with a period that was kept as part of an abbreviation.
    pub(crate) const ABBREV: u16 = 1 << 8;
    /// Its classes were looked up (see [`Lookup`](super::Lookup)).
    pub(crate) const LOOKED: u16 = 1 << 9;
}

/// A word of a span: its core (surrounding punctuation stripped, an abbreviation's period
/// and a possessive kept), its lexicon classes and its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) class: u32,
    pub(crate) flags: u16,
    /// Classes of another lexicon, for a later stage to fill (the claims stage keeps its
    /// own words' classes here, looked up once per word).
    pub(crate) extra: u32,
}

impl Token {
    #[inline]
    pub(crate) fn is(&self, class: u32) -> bool {
        self.class & class != 0
    }

    #[inline]
    pub(crate) fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// The word without a possessive ending.
    pub(crate) fn stem<'t>(&self, text: &'t str) -> &'t str {
        self.stem_of(&text[self.span])
    }

    /// [`stem`](Self::stem), given the token's text `w`.
    #[inline]
    pub(crate) fn stem_of<'t>(&self, w: &'t str) -> &'t str {
        if self.has(flag::POSSESSIVE) {
            strip_possessive(w)
        } else {
            w
        }
    }
}

fn strip_possessive(w: &str) -> &str {
    // Most words end in none of `s`, `'` and the last byte of `’`.
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return w;
    }
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«' | '‘' | '‚' | '‹' | '(' | '[' | '{')
}

/// Splits `text[span]` into tokens, appending them to `out`. `buf` is scratch space.
pub(crate) fn tokenize(text: &str, span: Span, buf: &mut String, out: &mut Vec<Token>) {
    split_all(text, span, buf, out);
}

/// Splits `text[span]` into tokens without looking words up in the lexicon (every class
/// is 0), appending them to `out`, for callers that read only the words and their flags.
pub(crate) fn tokenize_plain(text: &str, span: Span, buf: &mut String, out: &mut Vec<Token>) {
    split_none(text, span, buf, out);
}

/// Which words [`tokenize_with`] looks up in the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    /// Every word.
    All,
    /// No word.
    None,
    /// No word, and the words stop once one that a comma or a break follows has its flags
    /// settled: the first such token, and one more, are the last ones appended.
    NoneToBreak,
    /// For the name scan ([`scan_names`]): capitalised words and the words next to one
    /// (enough to find names with their titles and particles) are looked up, and only the
    /// tokens that can be part of a name run are made; a word that can be no part of one
    /// marks the token before it with a break instead, or is a token without classes
    /// (see [`split_near_capitals`]). The runs found are those of the tokens of every
    /// word, a test checks. The scan itself reads the tokens as they are made
    /// ([`RunScan`]); a list of them is made only for tests.
    #[cfg(test)]
    NearCapitals,
}

/// What a byte is to the word splitter ([`CLASS`]), as bit flags.
mod byte_class {
    /// An ASCII capital letter.
    pub(super) const UPPER: u8 = 1;
    /// An ASCII small letter.
    pub(super) const LOWER: u8 = 1 << 1;
    /// An ASCII digit.
    pub(super) const DIGIT: u8 = 1 << 2;
    /// ASCII whitespace (`u8::is_ascii_whitespace`, so not the vertical tab).
    pub(super) const SPACE: u8 = 1 << 3;
    /// A byte of a non-ASCII character.
    pub(super) const WIDE: u8 = 1 << 4;
    /// An ASCII opening mark: `"`, `(`, `[`, `{`.
    pub(super) const OPEN: u8 = 1 << 5;
    /// An ASCII letter or digit.
    pub(super) const ALNUM: u8 = UPPER | LOWER | DIGIT;
}

/// The [`byte_class`] flags of every byte.
static CLASS: [u8; 256] = {
    use byte_class::{DIGIT, LOWER, OPEN, SPACE, UPPER, WIDE};
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'"' | b'(' | b'[' | b'{') {
            OPEN
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The [`byte_class`] flags of `b`.
#[inline(always)]
fn class_of(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// The length of the whitespace character at `i` of `s`, if there is one.
#[inline(always)]
fn space_at(s: &str, i: usize) -> Option<usize> {
    let k = class_of(s.as_bytes()[i]);
    if k & byte_class::WIDE == 0 {
        return (k & byte_class::SPACE != 0).then_some(1);
    }
    wide_space_at(s, i)
}

/// [`space_at`] for a non-ASCII character ([`wide_space_len`]).
#[inline]
fn wide_space_at(s: &str, i: usize) -> Option<usize> {
    wide_space_len(s.as_bytes(), i)
}

/// The length of the non-ASCII whitespace character at byte `i` of `bytes` (UTF-8 text),
/// read from its bytes: the characters `char::is_whitespace` accepts above ASCII are U+0085,
/// U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
#[inline(always)]
pub(crate) fn wide_space_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..)? {
        [0xC2, 0x85 | 0xA0, ..] => Some(2),
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => Some(3),
        _ => None,
    }
}

/// Whether the first letter of the word at `i` of `s` (after opening marks) is uppercase.
#[inline(always)]
fn capital_at(s: &str, i: usize) -> bool {
    capital_of(s, i, class_of(s.as_bytes()[i]))
}

/// [`capital_at`], given the class `k` of the byte at `i`.
#[inline(always)]
fn capital_of(s: &str, i: usize, k: u8) -> bool {
    if k & (byte_class::WIDE | byte_class::OPEN) == 0 {
        return k & byte_class::UPPER != 0;
    }
    capital_after_marks(s, i)
}

/// [`capital_at`] for a word that opens with a mark or a non-ASCII character.
#[inline(never)]
fn capital_after_marks(s: &str, i: usize) -> bool {
    s[i..]
        .chars()
        .take(3)
        .find(|c| !is_open_mark(*c))
        .is_some_and(char::is_uppercase)
}

/// Eight bytes at a time.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The top bit of each byte of `x` set where the byte is in `lo..=hi` (both below 0x80),
/// exact for every byte when no byte of `x` has its top bit set, and otherwise up to and
/// with the first that has (whose bit is never set; a sum may carry out of it).
#[inline(always)]
fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    // No byte carries into the next: each stays below 0x100.
    let ge = x.wrapping_add(ONES * u64::from(0x80 - lo));
    let gt = x.wrapping_add(ONES * u64::from(0x80 - hi - 1));
    ge & !gt & (ONES * 0x80)
}

/// The top bit of each byte of `x` set where the byte is not an ASCII letter or digit, up to
/// and with the first such byte: the bytes after it may be wrong, which the callers, who
/// want only the first, never read.
///
/// No byte is masked before the sums of [`bytes_in`]: an ASCII byte carries nothing into
/// the next, and a byte from 0x80 on, which may, is itself found (neither sum leaves it
/// looking like a letter or a digit), so only the bytes after it can be wrong.
#[inline(always)]
fn non_alnum(x: u64) -> u64 {
    // `| 0x20` makes capitals small and leaves digits as they are (bit 5 is set in them).
    let alnum = bytes_in(x | (ONES * 0x20), b'a', b'z') | bytes_in(x, b'0', b'9');
    !alnum & (ONES * 0x80)
}

/// The end of the run of ASCII letters and digits at `pos` of `bytes`, read eight bytes
/// at a time while there are eight.
#[inline(always)]
pub(crate) fn alnum_end(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(b) = bytes.get(pos..pos + 8) {
        let x = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        let stop = non_alnum(x);
        if stop != 0 {
            return pos + (stop.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while pos < bytes.len() && class_of(bytes[pos]) & byte_class::ALNUM != 0 {
        pos += 1;
    }
    pos
}

/// Whether the byte at `i` of `bytes` ends a word that starts before it: the end of the
/// span or ASCII whitespace (a non-ASCII space is left to the general path).
#[inline(always)]
fn ends_word(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .map_or(true, |&b| class_of(b) & byte_class::SPACE != 0)
}

/// Splits `text[span]` into tokens, one pass over its bytes: a word is the bytes between
/// two runs of whitespace. A word of ASCII letters and digits (perhaps with a comma or a
/// mark that ends a phrase after it), the common case, is made as it is read; another ASCII
/// word goes through [`push_ascii`], and only a word with a non-ASCII character is read by
/// characters ([`push_word`]).
#[inline]
fn tokenize_with(text: &str, span: Span, buf: &mut String, out: &mut Vec<Token>, lookup: Lookup) {
    // One copy of the splitter per mode, each with its mode settled when compiled.
    match lookup {
        Lookup::All => split_all(text, span, buf, out),
        Lookup::None => split_none(text, span, buf, out),
        Lookup::NoneToBreak => split_to_break(text, span, buf, out),
        #[cfg(test)]
        Lookup::NearCapitals => split_near_capitals(text, span, buf, out),
    }
}

/// [`split_words`] with [`Lookup::All`].
#[inline(never)]
fn split_all(text: &str, span: Span, buf: &mut String, out: &mut Vec<Token>) {
    split_words(text, span, buf, out, Lookup::All);
}

/// [`split_words`] with [`Lookup::None`].
#[inline(never)]
fn split_none(text: &str, span: Span, buf: &mut String, out: &mut Vec<Token>) {
    split_words(text, span, buf, out, Lookup::None);
}

/// [`split_words`] with [`Lookup::NoneToBreak`].
#[inline(never)]
fn split_to_break(text: &str, span: Span, buf: &mut String, out: &mut Vec<Token>) {
    split_words(text, span, buf, out, Lookup::NoneToBreak);
}

/// The splitter for `Lookup::NearCapitals` (the name scan). It makes the tokens a run of
/// names can hold, and ends runs where the words between would:
/// - Words that can be in no run are passed over in bulk. A word is read only when it or
///   a neighbour holds a byte that may begin an uppercase letter ([`upper_byte_from`]);
///   the other words can neither be capitalised nor be looked up, so each would only end
///   a run, as the break set on the token before them does.
/// - A word read that can be no part of a run (a small word that is no title, a
///   capitalised stop word) makes no token either: it too is a break on the token before.
/// - A small word after a capitalised one is looked up only when a run can go on past it
///   (see `look` below), and the plural of a title is looked for only for a name word:
///   the classes of another word matter only when they make it part of a run.
///
/// A break stands for the words only when [`breaks_alone`] says so of the token before
/// them; otherwise every word there is read and made a token, as in the other modes.
#[inline(never)]
fn split_near_capitals(text: &str, span: Span, buf: &mut String, out: &mut impl TokenSink) {
    use byte_class::{SPACE, WIDE};
    let Some(slice) = text.get(span.range()) else {
        return;
    };
    let bytes = slice.as_bytes();
    let n = slice.len();
    // The tables, read once here rather than through their `Lazy` at every word.
    let (lexicon, part_shapes): (&WordTable, &[u16; 1024]) = (&LEXICON, &PART_SHAPES);
    // The first byte from a point read before on that may begin an uppercase letter, and
    // where the word before the word that holds it starts (`n` when there is none): a
    // word from that point on that starts before `keep_from` is skipped (when the rules
    // above let it be), and no word up to `upper_at` is.
    let (mut upper_at, mut keep_from) = upper_and_keep_from(bytes, 0);
    let mut pos = 0;
    let mut prev_cap = false;
    // Whether a break on the last token ends its run ([`breaks_alone`]).
    let mut alone = out.last_mut().map_or(true, |t| breaks_alone(t));
    while pos < n {
        let k = class_of(bytes[pos]);
        if k & (SPACE | WIDE) != 0 {
            if let Some(w) = space_at(slice, pos) {
                pos += w;
                continue;
            }
        }
        // The word's first byte is read (as `k`) unless words are skipped below.
        let first = pos;
        if !prev_cap && alone {
            if pos > upper_at {
                (upper_at, keep_from) = upper_and_keep_from(bytes, pos);
            }
            if keep_from > pos {
                // The words before `keep_from` are all skipped: each only ends a run.
                if let Some(prev) = out.last_mut() {
                    prev.flags |= flag::BREAK;
                }
                if keep_from >= n {
                    return;
                }
                pos = keep_from;
            }
        }
        let start = pos;
        let cap = if start == first {
            capital_of(slice, start, k)
        } else {
            capital_at(slice, start)
        };
        // Most of a word is ASCII letters and digits: read eight bytes at a time.
        let core_end = alnum_end(bytes, start);
        // A word of ASCII letters and digits, perhaps with a comma after it or a mark that
        // ends a phrase (then `core_end` has passed the letters, and so `start` is not a
        // mark): read here as `push_ascii` reads it.
        let ending = plain_word_end(slice, start, core_end, true, buf);
        let plain = ending.is_some();
        let (comma, stop) = ending.unwrap_or_default();
        if !plain {
            let ascii;
            (pos, ascii) = rest_of_word(slice, core_end);
            let near = cap || prev_cap || {
                let next = next_word_start(slice, pos);
                next < n && capital_at(slice, next)
            };
            prev_cap = cap;
            // `al-Assad`, `d'Estaing`: a lowercase particle glued to a name.
            let glued = || {
                !ascii
                    || bytes[start..pos]
                        .iter()
                        .take(5)
                        .any(|&b| b == b'-' || b == b'\'')
            };
            if !near && !glued() {
                // No name word, nor next to one: it only ends a run.
                if let Some(prev) = out.last_mut() {
                    prev.flags |= flag::BREAK;
                }
                continue;
            }
            let word = &slice[start..pos];
            let mut kept = PartsOnly(out);
            if ascii {
                push_ascii(span.start + start, word, buf, &mut kept, near, false);
            } else {
                push_word(span.start + start, word, buf, &mut kept, near, false);
            }
            alone = out.last_mut().map_or(true, |t| breaks_alone(t));
            continue;
        }
        // Past the ASCII whitespace that ends the word: most often one space, then the next
        // word.
        let after = core_end + usize::from(comma || stop);
        let next = if after + 1 < n && class_of(bytes[after + 1]) & (SPACE | WIDE) == 0 {
            after + 1
        } else {
            next_word_start(slice, after)
        };
        if !cap && alone && (stop || !may_be_part_word_in(part_shapes, &bytes[start..core_end])) {
            // The common small word: one a break follows, or one that can be no title,
            // honorific or particle, is no part of a run whatever its neighbours, as the
            // general path below finds at more cost; it only ends the run before it.
            if let Some(prev) = out.last_mut() {
                prev.flags |= flag::BREAK;
            }
            prev_cap = false;
            pos = next;
            continue;
        }
        let mut near = cap || prev_cap;
        let mut look = near;
        if !cap && stop {
            // A word that is not a name word, with a break after it: it ends a run as a
            // trailing word whatever its classes.
            look = false;
            if !prev_cap {
                near = next < n && capital_at(slice, next);
            }
        } else if !cap && (!prev_cap || !comma) {
            let known_cap = next < n && capital_at(slice, next);
            if !prev_cap {
                near = known_cap;
                look = known_cap;
            } else if !known_cap {
                // A small word after a capitalised one (`Putin said`): its classes
                // matter only when a run can go on past it, so when the next word is
                // capitalised or read (a skipped word would end the run, and the word
                // then ends it as a trailing word that is not a name word, whatever its
                // classes).
                if next < n && next > upper_at {
                    (upper_at, keep_from) = upper_and_keep_from(bytes, next);
                }
                look = next < n && keep_from <= next;
            }
        }
        prev_cap = cap;
        pos = next;
        if !near {
            // No name word, nor next to one: it only ends a run.
            if let Some(prev) = out.last_mut() {
                prev.flags |= flag::BREAK;
            }
            continue;
        }
        let core = &bytes[start..core_end];
        let mut flags = plain_word_flags(core, comma, stop, cap);
        let class = if look {
            flags |= flag::LOOKED;
            // A short word is looked up by its bytes, without making it a `str` again.
            // (A plain word is ASCII: a longer one needs no check of that either.)
            match short_word_classes(lexicon, core, cap) {
                Some(class) if core.len() <= lexicon.longest() => class,
                _ if core.len() > lexicon.longest() => 0,
                _ => ascii_word_classes(lexicon, core, cap),
            }
        } else {
            0
        };
        // As `PartsOnly` does, without making the token.
        if !part_of_run(class, flags) && alone {
            if let Some(prev) = out.last_mut() {
                prev.flags |= flag::BREAK;
            }
            continue;
        }
        out.push(Token {
            span: Span::new(span.start + start, span.start + core_end),
            class,
            flags,
            extra: 0,
        });
        alone = !comma;
    }
}

/// Where the next word starts at or after `pos` of `s`: past the whitespace there.
#[inline(always)]
fn next_word_start(s: &str, mut pos: usize) -> usize {
    while pos < s.len() {
        match space_at(s, pos) {
            Some(w) => pos += w,
            None => break,
        }
    }
    pos
}

/// Where a word splitter puts its tokens: a list, or the name scan's reader of runs
/// ([`RunScan`]).
trait TokenSink {
    /// The last token made, whose flags may still gain a break.
    fn last_mut(&mut self) -> Option<&mut Token>;
    /// Appends a token.
    fn push(&mut self, t: Token);
}

impl TokenSink for Vec<Token> {
    #[inline(always)]
    fn last_mut(&mut self) -> Option<&mut Token> {
        self.as_mut_slice().last_mut()
    }

    #[inline(always)]
    fn push(&mut self, t: Token) {
        // The inherent `Vec::push` (an inherent method comes before a trait's).
        Self::push(self, t);
    }
}

/// Whether a token of `class` and `flags` can be part of a name run: a name word, a title,
/// honorific or particle, or a capitalised suffix.
#[inline(always)]
fn part_of_run(class: u32, flags: u16) -> bool {
    use class::{HONORIFIC, PARTICLE, STOP, SUFFIX, TITLE};
    (flags & flag::NAME != 0 && class & STOP == 0)
        || class & (TITLE | HONORIFIC | PARTICLE) != 0
        || (class & SUFFIX != 0 && flags & flag::CAP != 0)
}

/// For the name scan: a sink that passes on only the tokens that can be part of a run
/// ([`part_of_run`]); another marks the token before it with a break instead, when that
/// ends a run there just as well ([`breaks_alone`]), and is passed on when there is none.
struct PartsOnly<'s, S>(&'s mut S);

impl<S: TokenSink> TokenSink for PartsOnly<'_, S> {
    #[inline(always)]
    fn last_mut(&mut self) -> Option<&mut Token> {
        self.0.last_mut()
    }

    #[inline(always)]
    fn push(&mut self, t: Token) {
        if !part_of_run(t.class, t.flags) {
            if let Some(before) = self.0.last_mut().filter(|b| breaks_alone(b)) {
                before.flags |= flag::BREAK;
                return;
            }
        }
        self.0.push(t);
    }
}

/// Whether a break on `t`, the last token so far, ends the name run there just as a token
/// that can be no part of a run would, placed after it. Not so when `t` has a comma (a
/// comma-ended name runs on over a suffix that is the next token, `King, Jr.`) or an
/// opening mark (a name word after an opening mark starts a new run, which its break
/// does not end).
#[inline(always)]
fn breaks_alone(t: &Token) -> bool {
    !t.has(flag::COMMA | flag::OPEN)
}

/// [`upper_byte_from`] `pos`, and where the word before the word that holds that byte
/// starts ([`word_before_start`]; `bytes.len()` when there is no such byte).
#[inline(always)]
fn upper_and_keep_from(bytes: &[u8], pos: usize) -> (usize, usize) {
    let upper_at = upper_byte_from(bytes, pos);
    if upper_at == bytes.len() {
        (upper_at, upper_at)
    } else {
        (upper_at, word_before_start(bytes, pos, upper_at))
    }
}

/// The top bit of each byte of `x` set where the byte may begin an uppercase letter, and
/// for a few other bytes: where bit 6 is set and bit 5 is clear or bit 7 set, so every
/// ASCII capital and every byte that begins a character above U+00BF, and also `@`, `[`
/// to `_` and the first bytes of U+0000 to U+00BF. [`upper_byte_from`] sorts them out.
#[inline(always)]
fn maybe_upper_bytes(x: u64) -> u64 {
    (x & (!(x << 1) | (x >> 1)) & (ONES * 0x40)) << 1
}

/// The first byte at or after `pos` of `bytes` (`bytes.len()` when there is none) that may
/// begin an uppercase letter: an ASCII capital, or the first byte of a character from
/// U+00C0 on outside U+2000 to U+20FF (punctuation, super- and subscripts, currency signs
/// and combining marks, none of them uppercase; a test checks every character). Read
/// eight bytes at a time while there are eight.
#[inline(always)]
fn upper_byte_from(bytes: &[u8], mut pos: usize) -> usize {
    let n = bytes.len();
    loop {
        // Sixteen bytes a step while there are sixteen, then eight, then by bytes, to the
        // first byte that may begin one (a step that finds it says where it is).
        let mut found = false;
        while let Some(c) = bytes.get(pos..pos + 16) {
            let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            let y = u64::from_le_bytes([c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]]);
            let (mx, my) = (maybe_upper_bytes(x), maybe_upper_bytes(y));
            if mx | my != 0 {
                // Where in the sixteen bytes, with no test of which half holds it.
                let both = u128::from(my) << 64 | u128::from(mx);
                pos += (both.trailing_zeros() / 8) as usize;
                found = true;
                break;
            }
            pos += 16;
        }
        if !found {
            if let Some(b) = bytes.get(pos..pos + 8) {
                let x = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                let m = maybe_upper_bytes(x);
                if m != 0 {
                    pos += (m.trailing_zeros() / 8) as usize;
                    found = true;
                } else {
                    pos += 8;
                }
            }
        }
        if !found {
            while pos < n && maybe_upper_bytes(u64::from(bytes[pos])) == 0 {
                pos += 1;
            }
        }
        if pos >= n {
            return n;
        }
        let b = bytes[pos];
        // U+2000 to U+20FF: `’`, `“`, `—` and the like.
        let punctuation = b == 0xE2 && bytes.get(pos + 1).is_some_and(|&c| c <= 0x83);
        if is_upper_byte(b) && !punctuation {
            return pos;
        }
        pos += 1;
    }
}

/// Whether `b` is an ASCII capital or a byte that begins a character above U+00BF.
#[inline(always)]
fn is_upper_byte(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0xC3
}

/// Where the word ending at `k` of `bytes` starts: just after the last whitespace (ASCII or
/// not) before `k`, or `lo` when there is none from `lo` on (`lo` is a character boundary).
/// Read eight bytes at a time, backwards, while there are eight and no byte above ASCII.
#[inline(always)]
fn word_start_back(bytes: &[u8], lo: usize, mut k: usize) -> usize {
    loop {
        while k >= lo + 8 {
            let b = &bytes[k - 8..k];
            let x = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
            let high = x & (ONES * 0x80);
            let found = (space_bytes(x & !high) & !high) | high;
            if found != 0 {
                // The highest byte found, read below.
                k = k - 8 + (63 - found.leading_zeros() as usize) / 8 + 1;
                break;
            }
            k -= 8;
        }
        if k <= lo {
            return lo;
        }
        let b = bytes[k - 1];
        if b < 0x80 {
            if class_of(b) & byte_class::SPACE != 0 {
                return k;
            }
        } else if wide_space_len_before(bytes, lo, k) > 0 {
            return k;
        }
        k -= 1;
    }
}

/// The length of the non-ASCII whitespace character that ends at `k` of `bytes` (0 when
/// none does), not looking before `lo`.
#[inline(always)]
fn wide_space_len_before(bytes: &[u8], lo: usize, k: usize) -> usize {
    // Every such character ends with one of these bytes; `’`, `“`, `”` and the dashes
    // do not.
    if !matches!(bytes[k - 1], 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF) {
        return 0;
    }
    wide_space_len_ending(bytes, lo, k)
}

/// [`wide_space_len_before`] once the last byte may end such a character.
#[inline(never)]
fn wide_space_len_ending(bytes: &[u8], lo: usize, k: usize) -> usize {
    for len in [2, 3] {
        if k >= lo + len {
            if let Ok(s) = std::str::from_utf8(&bytes[k - len..k]) {
                if wide_space_at(s, 0) == Some(len) {
                    return len;
                }
            }
        }
    }
    0
}

/// Where the word before the one holding byte `j` of `bytes` starts, not looking before
/// the word start `lo`: `lo` when the word holding `j`, or the one before it, starts
/// there.
#[inline(always)]
fn word_before_start(bytes: &[u8], lo: usize, j: usize) -> usize {
    // Most often a capital opens its word.
    let mut k = if j > lo && class_of(bytes[j - 1]) & byte_class::SPACE != 0 {
        j
    } else {
        word_start_back(bytes, lo, j)
    };
    // Back over the whitespace before that word.
    while k > lo {
        if class_of(bytes[k - 1]) & byte_class::SPACE != 0 {
            k -= 1;
            continue;
        }
        match wide_space_len_before(bytes, lo, k) {
            0 => break,
            w => k -= w,
        }
    }
    word_start_back(bytes, lo, k)
}

/// [`tokenize_with`] in one mode other than `Lookup::NearCapitals` (which has its own
/// splitter, [`split_near_capitals`]).
#[inline(always)]
fn split_words(text: &str, span: Span, buf: &mut String, out: &mut Vec<Token>, lookup: Lookup) {
    use byte_class::{SPACE, UPPER, WIDE};
    let Some(slice) = text.get(span.range()) else {
        return;
    };
    let bytes = slice.as_bytes();
    let n = slice.len();
    // About one word per six bytes of news text: most spans then need no growing.
    out.reserve(n / 6);
    let mut pos = 0;
    while pos < n {
        let b = bytes[pos];
        let k = class_of(b);
        if k & (SPACE | WIDE) != 0 {
            if let Some(w) = space_at(slice, pos) {
                pos += w;
                continue;
            }
        }
        let start = pos;
        // Most of a word is ASCII letters and digits: read eight bytes at a time (one step
        // for most words, fewer instructions than a byte loop).
        pos = alnum_end(bytes, pos);
        // A word of ASCII letters and digits, perhaps with a comma after it or a mark that
        // ends a phrase (then `pos` has passed the letters, and so `start` is not a mark):
        // read here as `push_ascii` reads it.
        // (A mark that ends a phrase is not worth reading here when every word is looked
        // up: fewer words end so than read the test.)
        let ending = plain_word_end(slice, start, pos, lookup != Lookup::All, buf);
        let plain = ending.is_some();
        let (comma, stop) = ending.unwrap_or_default();
        let core_end = pos;
        let mut ascii = true;
        if comma || stop {
            pos += 1;
        } else if !plain {
            (pos, ascii) = rest_of_word(slice, pos);
        }
        let look = match lookup {
            Lookup::All => true,
            #[cfg(test)]
            Lookup::NearCapitals => true,
            Lookup::None | Lookup::NoneToBreak => false,
        };
        if plain {
            // `k` is the class of the word's first byte (a letter or digit here).
            let cap = k & UPPER != 0;
            let mut flags = plain_word_flags(&bytes[start..core_end], comma, stop, cap);
            let class = if look {
                flags |= flag::LOOKED;
                word_classes(&slice[start..core_end], buf)
            } else {
                0
            };
            out.push(Token {
                span: Span::new(span.start + start, span.start + core_end),
                class,
                flags,
                extra: 0,
            });
            // The ASCII space that ended the word (see `ends_word`).
            pos += 1;
        } else if ascii {
            push_ascii(span.start + start, &slice[start..pos], buf, out, look, true);
        } else {
            push_word(span.start + start, &slice[start..pos], buf, out, look, true);
        }
        // A token's flags are settled once the next token is made (only the punctuation
        // between them can add to them).
        if lookup == Lookup::NoneToBreak
            && out.len() >= 2
            && out[out.len() - 2].has(flag::COMMA | flag::BREAK)
        {
            return;
        }
    }
}

/// The top bit of each byte of `x` set where the byte is ASCII whitespace (`x` must have no
/// top bit set).
#[inline(always)]
fn space_bytes(x: u64) -> u64 {
    // Tab and line feed; form feed and carriage return; the space.
    bytes_in(x, b'\t', b'\n') | bytes_in(x, 0x0C, b'\r') | bytes_in(x, b' ', b' ')
}

/// The length of the UTF-8 character whose first byte (not ASCII) is `b`.
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

/// [`push_word`] for a word of ASCII bytes: the same token, read by bytes.
fn push_ascii(
    base: usize,
    word: &str,
    buf: &mut String,
    out: &mut impl TokenSink,
    look: bool,
    all_plurals: bool,
) {
    use byte_class::{ALNUM, LOWER, OPEN, UPPER};
    let b = word.as_bytes();
    let mut flags = 0u16;
    // Leading punctuation.
    let mut s = 0;
    while s < b.len() && class_of(b[s]) & ALNUM == 0 {
        if class_of(b[s]) & OPEN != 0 {
            flags |= flag::OPEN;
        }
        s += 1;
    }
    // Trailing punctuation.
    let mut e = b.len();
    while e > s {
        let c = b[e - 1];
        if class_of(c) & ALNUM != 0 {
            break;
        }
        match c {
            b'.' => {
                if is_ascii_abbreviation(&word[s..e], buf) {
                    flags |= flag::ABBREV;
                    break;
                }
                flags |= flag::BREAK;
            }
            b',' => flags |= flag::COMMA,
            b'\'' => {
                // A plural possessive (`officials'`) keeps its apostrophe.
                if e >= s + 2 && b[e - 2] == b's' {
                    flags |= flag::POSSESSIVE;
                    break;
                }
                flags |= flag::BREAK;
            }
            _ => flags |= flag::BREAK,
        }
        e -= 1;
    }
    if s >= e {
        // A word of punctuation only (a dash, a bullet): it ends the phrase before it.
        if let Some(prev) = out.last_mut() {
            prev.flags |= flag::BREAK;
        }
        return;
    }
    let core = &word[s..e];
    if core.ends_with("'s") {
        flags |= flag::POSSESSIVE;
    }
    let stem = if flags & flag::POSSESSIVE != 0 {
        strip_possessive(core)
    } else {
        core
    };
    let sb = stem.as_bytes();
    if sb.first().is_some_and(|&x| class_of(x) & UPPER != 0) {
        flags |= flag::CAP | flag::NAME;
        // A small letter second: neither all capitals nor an initial.
        let small_second = sb.len() >= 2 && class_of(sb[1]) & LOWER != 0;
        let mut letters = 0usize;
        let mut upper = 0usize;
        for &x in if small_second { &[] } else { sb } {
            let k = class_of(x);
            letters += usize::from(k & (UPPER | LOWER) != 0);
            upper += usize::from(k & UPPER != 0);
        }
        if letters >= 2 && upper == letters {
            flags |= flag::ALLCAPS;
        }
        if letters == 1 && sb.len() == 2 && sb[1] == b'.' {
            flags |= flag::INITIAL;
        }
    } else if may_have_particle_prefix(stem) && has_particle_prefix(stem) {
        flags |= flag::NAME;
    }
    let class = if look {
        flags |= flag::LOOKED;
        word_classes_of(stem, buf, all_plurals || flags & flag::NAME != 0)
    } else {
        0
    };
    out.push(Token {
        span: Span::new(base + s, base + e),
        class,
        flags,
        extra: 0,
    });
}

/// `char::is_alphanumeric`, answered without the Unicode tables for ASCII and for the
/// General Punctuation block (curly quotation marks, dashes, ellipses), which has no letter
/// or digit.
#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
}

/// Makes the token of a word with a non-ASCII character (see [`Token`]), read by
/// characters, and appends it to `out`; a word of punctuation only adds a break to the
/// token before it instead.
fn push_word(
    base: usize,
    word: &str,
    buf: &mut String,
    out: &mut impl TokenSink,
    look: bool,
    all_plurals: bool,
) {
    let mut flags = 0u16;
    // Leading punctuation.
    let mut s = 0;
    for (i, c) in word.char_indices() {
        if is_alnum(c) {
            s = i;
            break;
        }
        if is_open_mark(c) {
            flags |= flag::OPEN;
        }
        s = i + c.len_utf8();
    }
    // Trailing punctuation.
    let mut e = word.len();
    while e > s {
        let c = match word[..e].chars().next_back() {
            Some(c) => c,
            None => break,
        };
        if is_alnum(c) {
            break;
        }
        if c == '.' {
            let core = &word[s..e];
            if is_abbreviation(core, buf) {
                flags |= flag::ABBREV;
                break;
            }
            flags |= flag::BREAK;
        } else if c == ',' {
            flags |= flag::COMMA;
        } else if c == '\'' || c == '’' {
            // A plural possessive (`officials'`) keeps its apostrophe.
            let before = word[s..e - c.len_utf8()].chars().next_back();
            if before == Some('s') {
                flags |= flag::POSSESSIVE;
                break;
            }
            flags |= flag::BREAK;
        } else {
            flags |= flag::BREAK;
        }
        e -= c.len_utf8();
    }
    if s >= e {
        // A word of punctuation only (a dash, a bullet): it ends the phrase before it.
        if let Some(prev) = out.last_mut() {
            prev.flags |= flag::BREAK;
        }
        return;
    }
    let core = &word[s..e];
    if core.ends_with("'s") || core.ends_with("’s") {
        flags |= flag::POSSESSIVE;
    }
    let stem = if flags & flag::POSSESSIVE != 0 {
        strip_possessive(core)
    } else {
        core
    };
    let first = stem.chars().next().unwrap_or(' ');
    if first.is_uppercase() {
        flags |= flag::CAP | flag::NAME;
        let mut letters = 0usize;
        let mut upper = 0usize;
        if stem.is_ascii() {
            for &b in stem.as_bytes() {
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    upper += usize::from(b.is_ascii_uppercase());
                }
            }
        } else {
            for c in stem.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
        }
        if letters >= 2 && upper == letters {
            flags |= flag::ALLCAPS;
        }
        if letters == 1 && stem.len() == first.len_utf8() + 1 && stem.ends_with('.') {
            flags |= flag::INITIAL;
        }
    } else if may_have_particle_prefix(stem) && has_particle_prefix(stem) {
        flags |= flag::NAME;
    }
    let class = if look {
        flags |= flag::LOOKED;
        word_classes_of(stem, buf, all_plurals || flags & flag::NAME != 0)
    } else {
        0
    };
    out.push(Token {
        span: Span::new(base + s, base + e),
        class,
        flags,
        extra: 0,
    });
}

/// The classes of a token's stem; the plural of a title word (`officials`, `Lawmakers`) is
/// a group word.
#[inline]
fn word_classes(stem: &str, buf: &mut String) -> u32 {
    word_classes_of(stem, buf, true)
}

/// [`word_classes`], looking for a title's plural only when `plural` is set.
#[inline(always)]
fn word_classes_of(stem: &str, buf: &mut String, plural: bool) -> u32 {
    word_classes_in(&LEXICON, stem, buf, plural)
}

/// [`word_classes_in`] for a word of ASCII bytes `b` no longer than eight (`None` for
/// another word, which `lexicon` does not hold when it is longer than every entry), and its
/// singular shorter still.
#[inline(always)]
fn short_word_classes(lexicon: &WordTable, b: &[u8], plural: bool) -> Option<u32> {
    let class = lexicon.get_short(b)?;
    if plural && class == 0 && b.len() > 3 && b[b.len() - 1] | 0x20 == b's' {
        let singular = lexicon.get_short(&b[..b.len() - 1]).unwrap_or(0);
        if singular & class::TITLE != 0 {
            return Some(class::GROUP);
        }
    }
    Some(class)
}

/// [`word_classes_of`] in `lexicon` ([`LEXICON`], which a loop reads once).
#[inline(always)]
fn word_classes_in(lexicon: &WordTable, stem: &str, buf: &mut String, plural: bool) -> u32 {
    // No entry is longer than the longest one.
    if stem.len() > lexicon.longest() {
        return 0;
    }
    if let Some(class) = short_word_classes(lexicon, stem.as_bytes(), plural) {
        return class;
    }
    if stem.is_ascii() {
        return ascii_word_classes(lexicon, stem.as_bytes(), plural);
    }
    let mut class = classes_of(lower(stem, buf));
    if plural && class == 0 && buf.len() > 3 && buf.ends_with('s') {
        let singular = &buf[..buf.len() - 1];
        if classes_of(singular) & class::TITLE != 0 {
            class |= class::GROUP;
        }
    }
    class
}

/// [`word_classes_in`] for a word of ASCII bytes `b`, no longer than the longest entry.
#[inline(always)]
fn ascii_word_classes(lexicon: &WordTable, b: &[u8], plural: bool) -> u32 {
    let class = lexicon.get_ascii(b);
    if plural && class == 0 && b.len() > 3 && b[b.len() - 1] | 0x20 == b's' {
        let singular = &b[..b.len() - 1];
        if lexicon.get_ascii(singular) & class::TITLE != 0 {
            return class::GROUP;
        }
    }
    class
}

/// A cheap first check for [`has_particle_prefix`]: a hyphen or apostrophe among the first
/// bytes, or a non-ASCII word.
fn may_have_particle_prefix(w: &str) -> bool {
    let b = w.as_bytes();
    (b.len() > 2 && matches!(b[1..3], [b'-' | b'\'', _] | [_, b'-'])) || !w.is_ascii()
}

/// `al-Assad`, `el-Sisi`, `d'Estaing`: a lowercase particle glued to a capitalised name.
fn has_particle_prefix(w: &str) -> bool {
    for p in ["al-", "el-", "d'", "d’", "o'", "o’", "bin-", "ibn-"] {
        if let Some(rest) = w.strip_prefix(p) {
            return rest.chars().next().is_some_and(char::is_uppercase);
        }
    }
    false
}

/// Whether `core` (which ends with a period) is an abbreviation whose period belongs to it:
/// an initial (`K.`), a dotted acronym (`U.S.`), or a lexicon entry (`Mr.`, `Jr.`, `Inc.`).
fn is_abbreviation(core: &str, buf: &mut String) -> bool {
    let body = &core[..core.len() - 1];
    if body.is_empty() {
        return false;
    }
    let mut chars = body.chars();
    let first = chars.next().unwrap_or(' ');
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    if body.contains('.') {
        return true;
    }
    classes_fold(core, buf) != 0 || is_month_abbreviation(core)
}

/// [`is_abbreviation`] for an ASCII word, without decoding it.
#[inline]
fn is_ascii_abbreviation(core: &str, buf: &mut String) -> bool {
    let b = core.as_bytes();
    let body = &b[..b.len().saturating_sub(1)];
    body.contains(&b'.') || is_undotted_abbreviation(core, buf)
}

/// [`is_ascii_abbreviation`] for an ASCII word with no period before its last byte (a word
/// of letters and digits and its period need not be searched for another).
#[inline]
fn is_undotted_abbreviation(core: &str, buf: &mut String) -> bool {
    let b = core.as_bytes();
    match &b[..b.len().saturating_sub(1)] {
        [] => false,
        [c] if c.is_ascii_uppercase() => true,
        // Only an entry that ends with a period can be the word, and none is longer than
        // the longest of them.
        _ => {
            (core.len() <= *DOTTED_LONGEST && classes_fold(core, buf) != 0)
                || (core.len() <= 5 && is_month_abbreviation(core))
        }
    }
}

/// The length of the longest entry of [`LEXICON`] that ends with a period.
static DOTTED_LONGEST: Lazy<usize> = Lazy::new(|| {
    files()
        .into_iter()
        .flat_map(|(file, src)| {
            lexicon_entries(src)
                .filter(move |&(section, _)| section_class(file, section).is_some())
                .map(|(_, entry)| entry)
        })
        .filter(|entry| entry.ends_with('.'))
        .map(str::len)
        .max()
        .unwrap_or(0)
});

fn is_month_abbreviation(core: &str) -> bool {
    matches!(
        core,
        "Jan."
            | "Feb."
            | "Mar."
            | "Apr."
            | "Jun."
            | "Jul."
            | "Aug."
            | "Sep."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
    )
}

// ---------------------------------------------------------------------------------------
// Mention analysis
// ---------------------------------------------------------------------------------------

/// A pronoun that can stand for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    It,
    We,
    I,
}

impl Pronoun {
    fn parse(lower: &str) -> Option<Self> {
        Some(match lower {
            "he" | "him" => Self::He,
            "she" | "her" => Self::She,
            "they" | "them" => Self::They,
            "it" => Self::It,
            "we" | "us" => Self::We,
            "i" | "me" => Self::I,
            _ => return None,
        })
    }

    /// The gender a he/she shows.
    pub(crate) fn gender(self) -> Option<Gender> {
        match self {
            Self::He => Some(Gender::Masculine),
            Self::She => Some(Gender::Feminine),
            _ => None,
        }
    }
}

/// What a mention is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Analysis {
    /// Name, organisation, group, description or pronoun.
    pub(crate) kind: MentionKind,
    /// The proper name: a person's name without title, or an organisation's name.
    pub(crate) name: Option<Span>,
    /// The title before a person's name, or the title that heads a description.
    pub(crate) title: Option<Span>,
    /// The head word (the last word before a cut), for descriptions, groups and
    /// organisations; the surname for a person.
    pub(crate) head: Option<Span>,
    /// A person's given name (the first word of a name of two words or more).
    pub(crate) given: Option<Span>,
    /// A person's surname (the last word of the name, a suffix excluded).
    pub(crate) surname: Option<Span>,
    /// A generational suffix (`Jr.`, `III`).
    pub(crate) suffix: Option<Span>,
    /// A courtesy title before the name and the gender it shows.
    pub(crate) honorific: Option<(Span, Option<Gender>)>,
    /// Whether a definite determiner opens it (`the minister`).
    pub(crate) definite: bool,
    /// The pronoun, for a pronoun mention.
    pub(crate) pronoun: Option<Pronoun>,
    /// The number of words in the name.
    pub(crate) name_words: usize,
    /// The whole mention without surrounding punctuation (a bullet, a comma).
    pub(crate) whole: Option<Span>,
    /// [`phrase_head`] of `title` for a person and of `name` for an organisation, read
    /// from the mention's own tokens rather than from tokens made again (`None` when there
    /// is none, or no such span).
    pub(crate) span_head: Option<Span>,
}

impl Analysis {
    fn new(kind: MentionKind) -> Self {
        Self {
            kind,
            name: None,
            title: None,
            head: None,
            given: None,
            surname: None,
            suffix: None,
            honorific: None,
            definite: false,
            pronoun: None,
            name_words: 0,
            whole: None,
            span_head: None,
        }
    }
}

/// Reusable scratch space for [`analyse`].
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    tokens: Vec<Token>,
    buf: String,
    phrase: String,
    /// The name run being read ([`scan_names`]).
    run: Vec<Token>,
}

thread_local! {
    /// Each thread's [`Scratch`], kept between parses (see [`Scratch::take`]).
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

impl Scratch {
    /// This thread's scratch space, grown by earlier parses, or a new one when another
    /// caller has it (or the thread is ending). Give it back with [`put`](Self::put).
    pub(crate) fn take() -> Self {
        scratch::take(&SCRATCH)
    }

    /// Keeps `self` for the next [`take`](Self::take) on this thread, unless a very long
    /// text made it large (a thread then keeps at most a few hundred kilobytes).
    pub(crate) fn put(self) {
        const KEEP: usize = 1 << 14;
        let keep = self.tokens.capacity() <= KEEP
            && self.buf.capacity() <= KEEP
            && self.phrase.capacity() <= KEEP
            && self.run.capacity() <= KEEP;
        scratch::put(&SCRATCH, self, keep);
    }
}

fn cover(tokens: &[Token]) -> Option<Span> {
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => Some(a.span.cover(b.span)),
        _ => None,
    }
}

/// Analyses the mention `text[span]`.
pub(crate) fn analyse(text: &str, span: Span, scratch: &mut Scratch) -> Analysis {
    // A fifth of the mentions are a pronoun alone (`he`, `She`): read without tokens.
    if let Some(a) = pronoun_word(text, span) {
        return a;
    }
    analyse_tokenized(text, span, scratch)
}

/// [`analyse`] by the mention's tokens, whatever it is.
fn analyse_tokenized(text: &str, span: Span, scratch: &mut Scratch) -> Analysis {
    let Scratch {
        tokens,
        buf,
        phrase,
        ..
    } = scratch;
    tokens.clear();
    tokenize(text, span, buf, tokens);
    let mut a = analyse_tokens(text, tokens, phrase);
    a.whole = cover(tokens);
    a
}

/// The analysis of a mention that is one pronoun word of ASCII letters (`he`, `Them`,
/// `I`), as [`analyse_tokenized`] makes it from the word's one token (every word that
/// [`Pronoun::parse`] reads is in the lexicon's pronoun section, a test checks); `None` for
/// any other mention. A word of two capitals or more is an acronym (`US`, `IT`), no
/// pronoun.
#[inline]
fn pronoun_word(text: &str, span: Span) -> Option<Analysis> {
    let w = text.as_bytes().get(span.range())?;
    if w.is_empty() || w.len() > 4 || !w.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    if w.len() >= 2 && w.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let mut lower = [0u8; 4];
    for (l, b) in lower.iter_mut().zip(w) {
        *l = b.to_ascii_lowercase();
    }
    // ASCII letters: the bytes are a `str`.
    let pronoun = Pronoun::parse(std::str::from_utf8(&lower[..w.len()]).ok()?)?;
    let mut a = Analysis::new(MentionKind::Pronoun);
    a.pronoun = Some(pronoun);
    a.head = Some(span);
    a.whole = Some(span);
    Some(a)
}

/// Analyses a mention from its tokens.
fn analyse_tokens(text: &str, tokens: &[Token], phrase: &mut String) -> Analysis {
    use class::{DEFINITE, DET, PLURAL_DET, PRONOUN, TITLE};
    if tokens.is_empty() {
        return Analysis::new(MentionKind::Description);
    }
    // A pronoun.
    // (`US`, `IT` in capitals are a country and a trade, not pronouns.)
    if tokens.len() == 1 && tokens[0].is(PRONOUN) && !tokens[0].has(flag::ALLCAPS) {
        let mut a = Analysis::new(MentionKind::Pronoun);
        // `phrase` is free here: the pronoun is lowercased into it.
        a.pronoun = Pronoun::parse(lower(&text[tokens[0].span], phrase));
        a.head = Some(tokens[0].span);
        return a;
    }
    // Leading determiners.
    let mut start = 0;
    let mut definite = false;
    let mut plural_det = false;
    while start < tokens.len() && tokens[start].is(DET) && !tokens[start].has(flag::POSSESSIVE) {
        definite |= tokens[start].is(DEFINITE);
        plural_det |= tokens[start].is(PLURAL_DET);
        start += 1;
        if tokens[start - 1].has(flag::COMMA | flag::BREAK) {
            break;
        }
    }
    if start >= tokens.len() {
        // Only determiners (`others`, `some`): a group when plural, else a description.
        let mut a = Analysis::new(if plural_det {
            MentionKind::Group
        } else {
            MentionKind::Description
        });
        a.definite = definite;
        a.head = tokens.last().map(|t| t.span);
        return a;
    }
    let head_end = head_chunk_end(tokens, start);
    let chunk = &tokens[start..head_end];
    let head = *chunk.last().unwrap_or(&tokens[start]);

    let mut a = Analysis::new(MentionKind::Description);
    a.definite = definite;
    a.head = Some(head.span);

    // An organisation: a known name or place at the end of the chunk, an organisation head,
    // an acronym.
    if let Some(name) = organisation_name(text, chunk, phrase) {
        a.kind = MentionKind::Organisation;
        a.name = name;
        // The name covers the last tokens of the chunk.
        if let Some(name) = name {
            let from = chunk.iter().rposition(|t| t.span.start == name.start);
            a.span_head = from.and_then(|k| tokens_head(&chunk[k..]));
        }
        return a;
    }
    // A person: a name at the end of the chunk.
    if let Some(split) = split_name(chunk) {
        // `Peskov and Lavrov`: a coordination names a group. (Cut words left inside the
        // chunk are bridges between capitalised words: `Secretary of State`.)
        let coordinated = split.name_start > 0
            && matches!(&text[chunk[split.name_start - 1].span], "and" | "or" | "&");
        if coordinated {
            a.kind = MentionKind::Group;
            return a;
        }
        fill_name(chunk, &split, &mut a);
        a.kind = MentionKind::Name;
        a.span_head = tokens_head(&chunk[..split.name_start]);
        return a;
    }
    // A group: a plural head or determiner.
    if plural_det || is_plural_head(text, &head) {
        a.kind = MentionKind::Group;
        return a;
    }
    // A description; a title word at its head makes the chunk its title.
    if head.is(TITLE) {
        a.title = cover(chunk);
    }
    a
}

/// Where the head chunk starting at `start` ends: before a lowercase cut word (`from`,
/// `who`, `of`) that does not stand between two capitalised words, or after a word followed
/// by a comma or a break.
fn head_chunk_end(tokens: &[Token], start: usize) -> usize {
    let mut i = start;
    while i < tokens.len() {
        let t = tokens[i];
        if i > start && t.is(class::CUT) && !t.has(flag::CAP) {
            let prev_cap = tokens[i - 1].has(flag::CAP)
                && !tokens[i - 1].has(flag::POSSESSIVE | flag::COMMA | flag::BREAK);
            let next_cap = tokens
                .get(i + 1)
                .is_some_and(|n| n.has(flag::CAP) && !n.is(class::DET | class::STOP));
            if !(prev_cap && next_cap) {
                return i;
            }
        }
        if t.has(flag::COMMA | flag::BREAK) {
            return i + 1;
        }
        i += 1;
    }
    tokens.len()
}

/// Whether a head word is a plural common noun or a group word.
fn is_plural_head(text: &str, head: &Token) -> bool {
    if head.is(class::GROUP) {
        return true;
    }
    if head.has(flag::CAP) || head.is(class::SINGULAR | class::PRONOUN) {
        return false;
    }
    let w = head.stem(text);
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// When the chunk names an organisation: `Some` with its proper name, `Some(None)` for one
/// without a name (`the ministry`).
fn organisation_name(text: &str, chunk: &[Token], phrase: &mut String) -> Option<Option<Span>> {
    use class::{CUT, DET, ORG_HEAD, ORG_NAME, PLACE, PRONOUN, STOP, SUFFIX, TITLE};
    let last = chunk.last()?;
    // A known name or place of up to four words at the end of the chunk.
    for n in (1..=chunk.len().min(4)).rev() {
        let tail = &chunk[chunk.len() - n..];
        if !tail[0].has(flag::CAP) && n > 1 {
            continue;
        }
        // A word's own classes were looked up when it was read, unless it is longer than
        // every entry (a word that is not ASCII may then still lowercase to one).
        let classes = match tail {
            [t] if t.has(flag::LOOKED) && t.span.end - t.span.start <= LEXICON.longest() => t.class,
            _ => phrase_classes(text, tail, phrase),
        };
        if classes & (ORG_NAME | PLACE) != 0 {
            return Some(Some(org_span(chunk, chunk.len() - n)));
        }
    }
    // An organisation head joined to a name (`Department of Justice`, `Bank of America`).
    for i in 0..chunk.len().saturating_sub(2) {
        let (h, of, next) = (chunk[i], chunk[i + 1], chunk[i + 2]);
        if h.is(ORG_HEAD)
            && h.has(flag::CAP)
            && of.is(CUT)
            && !of.has(flag::CAP)
            && next.has(flag::CAP)
        {
            let mut s = i;
            while s > 0 && chunk[s - 1].has(flag::CAP) && !chunk[s - 1].is(DET | STOP) {
                s -= 1;
            }
            return Some(Some(org_span(chunk, s)));
        }
    }
    if last.is(ORG_HEAD) && !last.is(TITLE | PRONOUN) {
        // The capitalised run before the head, with the head: `Russian Direct Investment
        // Fund`, `United Russia party`, `Foreign Ministry`; `the ministry` has no name.
        let mut s = chunk.len() - 1;
        while s > 0 {
            let t = chunk[s - 1];
            let bridge = t.is(CUT)
                && !t.has(flag::CAP)
                && s >= 2
                && chunk[s - 2].has(flag::CAP)
                && chunk[s].has(flag::CAP);
            if (t.has(flag::CAP) && !t.has(flag::POSSESSIVE) && !t.is(DET | STOP)) || bridge {
                s -= 1;
            } else {
                break;
            }
        }
        if s == chunk.len() - 1 && !last.has(flag::CAP) {
            return Some(None);
        }
        return Some(Some(org_span(chunk, s)));
    }
    if last.has(flag::ALLCAPS) && !last.is(TITLE | SUFFIX | PRONOUN | STOP) && chunk.len() == 1 {
        return Some(Some(last.span));
    }
    None
}

/// The lexicon classes of the phrase of the tokens' stems joined by single spaces. When the
/// text holds exactly that (one space between words, no possessive), it is looked up in
/// place; otherwise the lowercase phrase is written into `phrase` first.
///
/// The test of the first word of a phrase against [`PHRASE_STARTS`], which rules out most
/// phrases, is made in the caller; the lookup itself is not.
#[inline(always)]
fn phrase_classes(text: &str, tail: &[Token], phrase: &mut String) -> u32 {
    if let [first, _, ..] = tail {
        if PHRASE_STARTS.get_fold(first.stem(text), phrase) == 0 {
            return 0;
        }
    }
    phrase_entry_classes(text, tail, phrase)
}

/// [`phrase_classes`] past the test of the first word.
#[inline(never)]
fn phrase_entry_classes(text: &str, tail: &[Token], phrase: &mut String) -> u32 {
    let bytes = text.as_bytes();
    let in_place = tail.iter().all(|t| !t.has(flag::POSSESSIVE))
        && tail
            .windows(2)
            .all(|w| w[1].span.start == w[0].span.end + 1 && bytes[w[0].span.end] == b' ');
    if let (true, Some(first), Some(last)) = (in_place, tail.first(), tail.last()) {
        return classes_fold(&text[first.span.start..last.span.end], phrase);
    }
    phrase.clear();
    for (i, t) in tail.iter().enumerate() {
        if i > 0 {
            phrase.push(' ');
        }
        let w = t.stem(text);
        if w.is_ascii() {
            phrase.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            phrase.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    classes_of(phrase)
}

fn org_span(chunk: &[Token], from: usize) -> Span {
    chunk[from].span.cover(chunk[chunk.len() - 1].span)
}

/// Where a person's name starts and ends in a chunk of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameSplit {
    /// The first token of the name (tokens before it are the title).
    pub(crate) name_start: usize,
    /// The surname token (suffix tokens may follow it).
    pub(crate) surname: usize,
}

/// Whether a token can be a word of a person's name (not a title, organisation, place or
/// function word).
fn name_word(t: &Token) -> bool {
    use class::{DET, GROUP, HONORIFIC, ORG_HEAD, ORG_NAME, PLACE, PRONOUN, TITLE};
    // Stop words are no bar here: a mention's span comes from the attribution stage
    // (`Will Hurd`, `June Carter`); the text scan keeps them out of its runs.
    t.has(flag::NAME)
        && !t.is(TITLE | HONORIFIC | ORG_HEAD | ORG_NAME | PLACE | DET | PRONOUN | GROUP)
        && !t.has(flag::POSSESSIVE)
}

/// Whether the title word at `k` is a surname after all (`Martin Luther King`, `Billie Jean
/// King`, `King Jr.`): a suffix follows it, or two name words stand before it.
fn title_as_surname(chunk: &[Token], k: usize, suffixed: bool) -> bool {
    use class::{DET, GROUP, HONORIFIC, ORG_HEAD, ORG_NAME, PLACE, PRONOUN};
    let t = chunk[k];
    if !t.has(flag::CAP)
        || t.has(flag::POSSESSIVE)
        || t.is(HONORIFIC | ORG_HEAD | ORG_NAME | PLACE | DET | PRONOUN | GROUP)
    {
        return false;
    }
    suffixed
        || (k >= 2
            && name_word(&chunk[k - 1])
            && name_word(&chunk[k - 2])
            && !chunk[k - 2].has(flag::COMMA | flag::BREAK)
            && !chunk[k - 1].has(flag::COMMA | flag::BREAK))
}

/// Splits a chunk that ends with a person's name into title and name, right to left: the
/// last word (after any suffix) is the surname; the name extends left over capitalised
/// words, initials and particles and stops at a title word, a possessive, a lowercase word
/// or punctuation.
pub(crate) fn split_name(chunk: &[Token]) -> Option<NameSplit> {
    let mut k = chunk.len().checked_sub(1)?;
    while k > 0 && chunk[k].is(class::SUFFIX) && chunk[k].has(flag::CAP) {
        k -= 1;
    }
    let last = chunk[k];
    let suffixed = k + 1 < chunk.len();
    if !name_word(&last) && !title_as_surname(chunk, k, suffixed) {
        return None;
    }
    if last.has(flag::ALLCAPS) && last.span.len() <= 4 && k == 0 {
        return None;
    }
    // A name's last word never stands before a comma inside the chunk except before a
    // suffix (`King, Jr.`).
    let mut start = k;
    while start > 0 {
        let t = chunk[start - 1];
        if t.has(flag::BREAK) || (t.has(flag::COMMA) && !chunk[start].is(class::SUFFIX)) {
            break;
        }
        if t.is(class::PARTICLE) && !t.has(flag::CAP) {
            start -= 1;
            continue;
        }
        if name_word(&t) {
            start -= 1;
            continue;
        }
        break;
    }
    // Particles cannot open a name when a title stands before them and nothing else does
    // (`the de …` is not a name); they can when they follow a title (`President de Gaulle`).
    Some(NameSplit {
        name_start: start,
        surname: k,
    })
}

fn fill_name(chunk: &[Token], split: &NameSplit, a: &mut Analysis) {
    let name = &chunk[split.name_start..];
    a.name = cover(name);
    a.name_words = name.len();
    a.surname = Some(chunk[split.surname].span);
    if split.surname + 1 < chunk.len() {
        a.suffix = cover(&chunk[split.surname + 1..]);
    }
    let first = chunk[split.name_start];
    if split.surname > split.name_start && !first.is(class::PARTICLE) {
        a.given = Some(first.span);
    }
    let title = &chunk[..split.name_start];
    a.title = cover(title);
    a.head = Some(chunk[split.surname].span);
    a.honorific = honorific_of(title);
}

/// The last courtesy title among the tokens of a title, and the gender it shows.
fn honorific_of(title: &[Token]) -> Option<(Span, Option<Gender>)> {
    let h = title.iter().rev().find(|t| t.is(class::HONORIFIC))?;
    let gender = if h.is(class::MASCULINE) {
        Some(Gender::Masculine)
    } else if h.is(class::FEMININE) {
        Some(Gender::Feminine)
    } else {
        None
    };
    Some((h.span, gender))
}

/// Whether the head word of a description names one person (a title word such as
/// `spokesman`, or a person noun such as `woman`, `source`).
pub(crate) fn is_personal_head(text: &str, head: Span) -> bool {
    let w = text.get(head.range()).unwrap_or("");
    // An ASCII word is looked up in any case, without a lowercase copy (`buf` stays empty,
    // and so unallocated, unless the word is not ASCII).
    classes_fold(strip_possessive(w), &mut String::new()) & (class::TITLE | class::PERSON) != 0
}

/// The head word of a title or role phrase (`the Russian Security Council's deputy
/// chairman` → `chairman`; `CEO of Russia's sovereign wealth fund` → `CEO`).
pub(crate) fn phrase_head(text: &str, span: Span, scratch: &mut Scratch) -> Option<Span> {
    let Scratch { tokens, buf, .. } = scratch;
    tokens.clear();
    tokenize(text, span, buf, tokens);
    tokens_head(tokens)
}

/// [`phrase_head`] of the phrase of `tokens`. The tokens of a phrase inside a longer span
/// (a mention's title) serve as well as those the phrase alone makes: they differ only in
/// an opening mark before the first and what follows the last (a comma, a break), which
/// the head is not read by.
fn tokens_head(tokens: &[Token]) -> Option<Span> {
    let mut start = 0;
    while start < tokens.len() && tokens[start].is(class::DET) {
        start += 1;
    }
    if start >= tokens.len() {
        return None;
    }
    let end = head_chunk_end(tokens, start);
    tokens[start..end].last().map(|t| t.span)
}

// ---------------------------------------------------------------------------------------
// Appositions
// ---------------------------------------------------------------------------------------

/// The apposition right after a name ending at `end` (`, the Kremlin Press Secretary,`),
/// within `limit` (the end of its paragraph): a phrase after a comma that opens with a
/// determiner, a title word or a possessive, closed by a comma or the end of the sentence,
/// with no cue (`cue_at` says whether a byte range holds one). A second apposition that
/// names the first's organisation (`, the Russian Direct Investment Fund,`) joins it.
pub(crate) fn apposition_after(
    text: &str,
    end: usize,
    limit: usize,
    cue_at: &dyn Fn(Span) -> bool,
    scratch: &mut Scratch,
) -> Option<Span> {
    let first = apposition_segment(text, end, limit, cue_at, scratch, false)?;
    let mut role = first.0;
    if first.1 {
        // Closed by a comma: perhaps a second, naming apposition.
        if let Some((second, closed)) =
            apposition_segment(text, role.end, limit, cue_at, scratch, true)
        {
            if closed {
                role = role.cover(second);
            }
        }
    }
    Some(role)
}

/// One comma-opened segment; returns its span and whether a comma closes it.
fn apposition_segment(
    text: &str,
    end: usize,
    limit: usize,
    cue_at: &dyn Fn(Span) -> bool,
    scratch: &mut Scratch,
    naming_only: bool,
) -> Option<(Span, bool)> {
    let limit = limit.min(text.len());
    let rest = text.get(end..limit)?;
    let after_comma = rest.strip_prefix(',')?;
    let lead = after_comma.len() - after_comma.trim_start().len();
    if lead == 0 {
        return None;
    }
    let seg_start = end + 1 + lead;
    // Tokenise up to 16 words, stopping at the first comma or break.
    let Scratch { tokens, buf, .. } = scratch;
    tokens.clear();
    let window_end = {
        let bytes = text.as_bytes();
        let mut e = seg_start;
        let mut words = 0;
        while e < limit {
            if let Some(b) = bytes.get(e..(e + 8).min(limit)).filter(|b| b.len() == 8) {
                let x = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                if x & (ONES * 0x80) == 0 {
                    // Eight ASCII bytes at once: their whitespace (what `char::is_whitespace`
                    // has there: the tab to the carriage return, and the space), counted by
                    // a multiply that sums the bytes' flags into the top byte.
                    let spaces = bytes_in(x, b'\t', b'\r') | bytes_in(x, b' ', b' ');
                    let count = ((spaces >> 7).wrapping_mul(ONES) >> 56) as usize;
                    if words + count < 16 {
                        words += count;
                        e += 8;
                        continue;
                    }
                    // The window ends at the sixteenth: drop the spaces before it.
                    let mut m = spaces;
                    for _ in words + 1..16 {
                        m &= m - 1;
                    }
                    e += (m.trailing_zeros() / 8) as usize;
                    break;
                }
                // Else eight printable ASCII bytes other than the space at once: none ends a
                // word.
                let high = x & (ONES * 0x80);
                // The top bit of each byte that is not ASCII or is at most a space.
                let stop = high | (!(x & !high).wrapping_add(ONES * (0x80 - 0x21)) & (ONES * 0x80));
                if stop == 0 {
                    e += 8;
                    continue;
                }
                e += (stop.trailing_zeros() / 8) as usize;
            }
            // ASCII without decoding (the whitespace `char::is_whitespace` has there).
            let (space, len) = match bytes[e] {
                b @ 0..=0x7f => (matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'), 1),
                _ => text[e..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
            };
            if space {
                words += 1;
                if words >= 16 {
                    break;
                }
            }
            e += len;
        }
        e
    };
    // The words are looked up only when read: the opener, and the segment's words when a
    // capitalised opener needs a title among them. The words after the first comma or
    // break are not read, so they are not made.
    tokenize_with(
        text,
        Span::new(seg_start, window_end),
        buf,
        tokens,
        Lookup::NoneToBreak,
    );
    let stop = tokens
        .iter()
        .position(|t| t.has(flag::COMMA | flag::BREAK))?;
    let seg = &mut tokens[..=stop];
    seg[0].class = word_classes(seg[0].stem(text), buf);
    let closed = seg[stop].has(flag::COMMA);
    let opener = seg[0];
    let opens = if naming_only {
        opener.is(class::DEFINITE) && seg.get(1).is_some_and(|t| t.has(flag::CAP))
    } else {
        opener.is(class::DET | class::TITLE)
            || (opener.has(flag::POSSESSIVE) && opener.has(flag::CAP))
            || (opener.has(flag::CAP)
                && seg
                    .iter()
                    .any(|t| word_classes(t.stem(text), buf) & class::TITLE != 0))
    };
    if !opens || opener.is(class::PRONOUN) || opener.has(flag::OPEN) {
        return None;
    }
    // Not a clause: no pronoun opener, no relative (`who`, `which`) first, no cue inside.
    if matches!(&text[opener.span], "who" | "which" | "that" | "whose") {
        return None;
    }
    let span = seg[0].span.cover(seg[stop].span);
    if cue_at(span) {
        return None;
    }
    if !closed {
        // Closed by the end of a sentence: the break must be a period, `?` or `!`.
        let after = &text[seg[stop].span.end..];
        if !after.starts_with(['.', '?', '!']) {
            return None;
        }
    }
    Some((span, closed))
}

// ---------------------------------------------------------------------------------------
// Name runs in the text
// ---------------------------------------------------------------------------------------

/// A person's name found in the text (not necessarily a speaker mention): `Russian President
/// Vladimir Putin`, `Mr. Peskov`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameRun {
    /// The name without title.
    pub(crate) name: Span,
    /// The title before it.
    pub(crate) title: Option<Span>,
    /// The given name, for a name of two words or more.
    pub(crate) given: Option<Span>,
    /// The surname.
    pub(crate) surname: Span,
    /// A generational suffix.
    pub(crate) suffix: Option<Span>,
    /// A courtesy title and the gender it shows.
    pub(crate) honorific: Option<(Span, Option<Gender>)>,
    /// Words in the name.
    pub(crate) words: usize,
}

/// Finds the person names in the spans (paragraphs, sentences): runs of capitalised words
/// (with particles, initials, suffixes and the title words before them): full names (given
/// name and surname), titled names (`President Putin`, `Mr. Peskov`) and bare capitalised
/// words that may be a known surname (`Putin`). One pass over the spans' text.
pub(crate) fn scan_names(text: &str, spans: impl IntoIterator<Item = Span>) -> Vec<NameRun> {
    let mut scratch = Scratch::take();
    let mut out = Vec::new();
    scan_names_into(text, spans, &mut scratch, &mut out);
    scratch.put();
    out
}

/// [`scan_names`] with the caller's scratch space, into `out` (cleared first), so that a
/// caller can keep its room between texts.
pub(crate) fn scan_names_into(
    text: &str,
    spans: impl IntoIterator<Item = Span>,
    scratch: &mut Scratch,
    out: &mut Vec<NameRun>,
) {
    out.clear();
    // About one name per 128 bytes of news text: most texts then need no growing.
    out.reserve(text.len() / 128);
    let Scratch {
        buf, phrase, run, ..
    } = scratch;
    for span in spans {
        run.clear();
        let mut scan = RunScan {
            text,
            last: None,
            run,
            phrase,
            out,
        };
        split_near_capitals(text, span, buf, &mut scan);
        scan.finish();
    }
}

/// The name scan's reader of a span's tokens ([`split_near_capitals`] makes them): it
/// builds the runs as the tokens come, each read once the next is made (until then, a
/// break may still be added to it).
struct RunScan<'s> {
    text: &'s str,
    /// The last token made, not read yet.
    last: Option<Token>,
    /// The run being read.
    run: &'s mut Vec<Token>,
    phrase: &'s mut String,
    out: &'s mut Vec<NameRun>,
}

impl RunScan<'_> {
    /// Reads the token `t`, whose flags are settled, `next` being the token after it.
    #[inline(always)]
    fn read(&mut self, t: Token, next: Option<&Token>) {
        let run = &mut *self.run;
        let candidate = (t.has(flag::NAME) && !t.is(class::STOP))
            || t.is(class::TITLE | class::HONORIFIC)
            || (t.is(class::PARTICLE) && !run.is_empty());
        if candidate && (run.is_empty() || !t.has(flag::OPEN)) {
            let ends = t.has(flag::COMMA | flag::BREAK)
                && !(t.has(flag::COMMA)
                    && next.is_some_and(|n| n.is(class::SUFFIX) && n.has(flag::CAP)));
            if !ends {
                run.push(t);
            } else if run.is_empty() {
                // A run of one word, the most common: flushed from here, never stored (a
                // name word is the run itself; another makes nothing).
                if t.has(flag::NAME) {
                    flush_word(self.text, &t, self.phrase, self.out);
                }
            } else {
                run.push(t);
                flush_if_named(self.text, run, self.phrase, self.out);
                run.clear();
            }
        } else {
            if !run.is_empty() {
                flush_if_named(self.text, run, self.phrase, self.out);
                run.clear();
            }
            if candidate {
                run.push(t);
            }
        }
    }

    /// Reads the last token, at the end of the span, and the run it ends.
    fn finish(&mut self) {
        if let Some(t) = self.last.take() {
            self.read(t, None);
        }
        flush_if_named(self.text, self.run, self.phrase, self.out);
    }
}

impl TokenSink for RunScan<'_> {
    #[inline(always)]
    fn last_mut(&mut self) -> Option<&mut Token> {
        self.last.as_mut()
    }

    #[inline(always)]
    fn push(&mut self, t: Token) {
        if let Some(before) = self.last.replace(t) {
            self.read(before, Some(&t));
        }
    }
}

/// [`flush_run`] for a run that holds a name word (any other makes nothing).
#[inline(always)]
fn flush_if_named(text: &str, run: &[Token], phrase: &mut String, out: &mut Vec<NameRun>) {
    if run.iter().any(|t| t.has(flag::NAME)) {
        flush_run(text, run, phrase, out);
    }
}

/// [`flush_run`] for a run of one word `t` (a name word), the common case: what the general
/// path makes of it, without building an analysis. It is an organisation or place (as
/// [`organisation_name`] sees one word), or a bare surname when it can be a name's last
/// word (as [`split_name`] sees one word).
#[inline(always)]
fn flush_word(text: &str, t: &Token, phrase: &mut String, out: &mut Vec<NameRun>) {
    use class::{ORG_HEAD, ORG_NAME, PLACE, PRONOUN, STOP, SUFFIX, TITLE};
    let classes = if t.has(flag::LOOKED) && t.span.end - t.span.start <= LEXICON.longest() {
        t.class
    } else {
        phrase_classes(text, std::slice::from_ref(t), phrase)
    };
    let organisation = classes & (ORG_NAME | PLACE) != 0
        || (t.is(ORG_HEAD) && !t.is(TITLE | PRONOUN))
        || (t.has(flag::ALLCAPS) && !t.is(TITLE | SUFFIX | PRONOUN | STOP));
    if organisation || !name_word(t) || (t.has(flag::ALLCAPS) && t.span.len() <= 4) {
        return;
    }
    out.push(NameRun {
        name: t.span,
        title: None,
        given: None,
        surname: t.span,
        suffix: None,
        honorific: None,
        words: 1,
    });
}

fn flush_run(text: &str, run: &[Token], phrase: &mut String, out: &mut Vec<NameRun>) {
    // Trailing particles and lowercase title words belong to what follows, not to a name.
    let mut end = run.len();
    while end > 0 && !run[end - 1].has(flag::NAME) {
        end -= 1;
    }
    let run = &run[..end];
    if let [t] = run {
        flush_word(text, t, phrase, out);
        return;
    }
    if run.is_empty() || organisation_name(text, run, phrase).is_some() {
        return;
    }
    let Some(split) = split_name(run) else {
        return;
    };
    // The parts `fill_name` finds, made here without an analysis.
    let surname = run[split.surname].span;
    let first = run[split.name_start];
    let given =
        (split.surname > split.name_start && !first.is(class::PARTICLE)).then_some(first.span);
    let suffix = cover(&run[split.surname + 1..]);
    let title = &run[..split.name_start];
    // A title must hold a title word or an honorific (`Kremlin Press Secretary`), so that a
    // capitalised word before a surname (`Moscow`) is not taken for one; without either, a
    // lone word is kept as a bare surname (which names only someone already known).
    let run = if given.is_none() && !title.iter().any(|t| t.is(class::TITLE | class::HONORIFIC)) {
        NameRun {
            name: surname,
            title: None,
            given,
            surname,
            suffix,
            honorific: None,
            words: 1,
        }
    } else {
        let name = &run[split.name_start..];
        NameRun {
            name: cover(name).unwrap_or(surname),
            title: cover(title),
            given,
            surname,
            suffix,
            honorific: honorific_of(title),
            words: name.len(),
        }
    };
    out.push(run);
}

/// The key a surname is linked by: lowercase, without a possessive or an `al-` prefix.
pub(crate) fn surname_key(word: &str) -> u64 {
    let w = strip_possessive(word);
    // At most one of `al-`, `Al-`, `el-`, `El-` begins a word; three ASCII bytes.
    let prefixed = w.len() > 3 && matches!(&w.as_bytes()[..3], b"al-" | b"Al-" | b"el-" | b"El-");
    fold_hash(if prefixed { &w[3..] } else { w })
}

/// The word splitter as it was before it read ASCII words by bytes, kept to check that the
/// rewrite makes the same tokens.
#[cfg(test)]
mod reference {
    #![allow(clippy::all)]
    use super::{
        flag, has_particle_prefix, is_abbreviation, is_open_mark, may_have_particle_prefix,
        strip_possessive, word_classes, Lookup, Span, Token,
    };

    #[inline(always)]
    fn space_at(s: &str, i: usize) -> Option<usize> {
        let b = s.as_bytes()[i];
        if b < 0x80 {
            return b.is_ascii_whitespace().then_some(1);
        }
        wide_space_at(s, i)
    }

    /// [`space_at`] for a non-ASCII character.
    #[inline(never)]
    fn wide_space_at(s: &str, i: usize) -> Option<usize> {
        let c = s[i..].chars().next()?;
        c.is_whitespace().then(|| c.len_utf8())
    }

    /// Whether the first letter of the word at `i` of `s` (after opening marks) is uppercase.
    #[inline]
    fn capital_at(s: &str, i: usize) -> bool {
        let b = s.as_bytes()[i];
        if b < 0x80 && !matches!(b, b'"' | b'(' | b'[' | b'{') {
            return b.is_ascii_uppercase();
        }
        s[i..]
            .chars()
            .take(3)
            .find(|c| !is_open_mark(*c))
            .is_some_and(char::is_uppercase)
    }

    /// What a byte is to the word splitter ([`BYTE_KIND`]).
    mod byte_kind {
        /// An ASCII letter or digit.
        pub(super) const ALNUM: u8 = 0;
        /// Another ASCII byte that is not whitespace.
        pub(super) const OTHER: u8 = 1;
        /// ASCII whitespace.
        pub(super) const SPACE: u8 = 2;
        /// A byte of a non-ASCII character.
        pub(super) const WIDE: u8 = 3;
    }

    /// The [`byte_kind`] of every byte.
    static BYTE_KIND: [u8; 256] = {
        let mut t = [byte_kind::WIDE; 256];
        let mut b = 0;
        while b < 0x80 {
            let c = b as u8;
            t[b] = if c.is_ascii_whitespace() {
                byte_kind::SPACE
            } else if c.is_ascii_alphanumeric() {
                byte_kind::ALNUM
            } else {
                byte_kind::OTHER
            };
            b += 1;
        }
        t
    };

    pub(super) fn tokenize_with(
        text: &str,
        span: Span,
        buf: &mut String,
        out: &mut Vec<Token>,
        lookup: Lookup,
    ) {
        let Some(slice) = text.get(span.range()) else {
            return;
        };
        let bytes = slice.as_bytes();
        let n = slice.len();
        // About one word per six bytes of news text, of which a scan for names keeps a third
        // or less: most spans then need no growing.
        out.reserve(
            n / if lookup == Lookup::NearCapitals {
                16
            } else {
                6
            },
        );
        let mut pos = 0;
        let mut prev_cap = false;
        // Whether the word at `pos` is capitalised, when the word before looked ahead.
        let mut next_cap: Option<(usize, bool)> = None;
        // The first byte from here on that may make a word a name word ([`NAME_BYTE`]).
        let mut name_byte_at = 0;
        while pos < n {
            let b = bytes[pos];
            let kind = BYTE_KIND[usize::from(b)];
            if kind == byte_kind::SPACE {
                pos += 1;
                continue;
            }
            if kind == byte_kind::WIDE {
                if let Some(w) = wide_space_at(slice, pos) {
                    pos += w;
                    continue;
                }
            }
            if lookup == Lookup::NearCapitals && !prev_cap && !NAME_BYTE[usize::from(b)] {
                if let Some(to) = plain_words_end(bytes, pos, &mut name_byte_at) {
                    // The words before `to` are all skipped: each only ends a run.
                    if let Some(prev) = out.last_mut() {
                        prev.flags |= flag::BREAK;
                    }
                    pos = to;
                    continue;
                }
            }
            let start = pos;
            // Bytes that are not ASCII letters or digits, and whether every byte is ASCII.
            let mut other = 0usize;
            let mut ascii = true;
            // Most of a word is ASCII letters and digits, which change neither.
            while pos < n && BYTE_KIND[usize::from(bytes[pos])] == byte_kind::ALNUM {
                pos += 1;
            }
            while pos < n {
                let b = bytes[pos];
                let kind = BYTE_KIND[usize::from(b)];
                if kind < byte_kind::SPACE {
                    other += usize::from(kind);
                    pos += 1;
                } else if kind == byte_kind::SPACE || wide_space_at(slice, pos).is_some() {
                    break;
                } else {
                    ascii = false;
                    pos += utf8_len(b);
                }
            }
            let word = &slice[start..pos];
            // A word of ASCII letters and digits, perhaps with a comma after it.
            let plain =
                ascii && (other == 0 || (other == 1 && pos - start > 1 && bytes[pos - 1] == b','));
            let look = match lookup {
                Lookup::All => true,
                Lookup::None | Lookup::NoneToBreak => false,
                Lookup::NearCapitals => {
                    let cap = match next_cap {
                        Some((at, cap)) if at == start => cap,
                        _ => capital_at(slice, start),
                    };
                    let near = cap || prev_cap || {
                        let mut next = pos;
                        while next < n {
                            match space_at(slice, next) {
                                Some(w) => next += w,
                                None => break,
                            }
                        }
                        let c = next < n && capital_at(slice, next);
                        next_cap = Some((next, c));
                        c
                    };
                    prev_cap = cap;
                    // `al-Assad`, `d'Estaing`: a lowercase particle glued to a name.
                    let glued = || {
                        !ascii
                            || (other > 0 && word.bytes().take(5).any(|b| b == b'-' || b == b'\''))
                    };
                    if !near && !glued() {
                        // No name word, nor next to one: it only ends a run.
                        if let Some(prev) = out.last_mut() {
                            prev.flags |= flag::BREAK;
                        }
                        continue;
                    }
                    near
                }
            };
            if plain {
                push_plain(span.start + start, word, buf, out, look);
            } else {
                push_word(span.start + start, word, buf, out, look);
            }
            // A token's flags are settled once the next token is made (only the punctuation
            // between them can add to them).
            if lookup == Lookup::NoneToBreak
                && out.len() >= 2
                && out[out.len() - 2].has(flag::COMMA | flag::BREAK)
            {
                return;
            }
        }
    }

    /// Bytes that can make a word capitalised ([`capital_at`]) or glued to a name (a particle
    /// such as `al-`), or that can be (part of) whitespace other than ASCII whitespace: ASCII
    /// capitals, opening marks, hyphens, apostrophes and every byte of a non-ASCII character.
    /// A word with none of them is neither, and nor is the space after it.
    static NAME_BYTE: [bool; 256] = {
        let mut t = [true; 256];
        let mut b = 0;
        while b < 0x80 {
            let c = b as u8;
            t[b] = c.is_ascii_uppercase() || matches!(c, b'"' | b'(' | b'[' | b'{' | b'-' | b'\'');
            b += 1;
        }
        t
    };

    /// For [`Lookup::NearCapitals`], at the start `pos` of a word when the word before it is
    /// not capitalised: where the run of words that are all skipped ends (the start of the
    /// last word before the first [`NAME_BYTE`], which is read normally since the word after
    /// it may be capitalised), or `None` when there are no such words. A word is skipped when
    /// it is neither capitalised nor glued, and neither neighbour is capitalised; words made of
    /// other bytes, whose neighbours are too, are such words. `name_byte_at` caches the next
    /// [`NAME_BYTE`] at or after `pos`.
    #[inline]
    fn plain_words_end(bytes: &[u8], pos: usize, name_byte_at: &mut usize) -> Option<usize> {
        let n = bytes.len();
        if *name_byte_at < pos {
            let mut j = pos;
            while j < n && !NAME_BYTE[usize::from(bytes[j])] {
                j += 1;
            }
            *name_byte_at = j;
        }
        let j = *name_byte_at;
        if j == n {
            // Every word left is skipped.
            return Some(n);
        }
        // Back from the word holding the name byte, over the space before it, to the start of
        // the word before it (all of it ASCII, whitespace included).
        let mut k = j;
        while k > pos && !bytes[k - 1].is_ascii_whitespace() {
            k -= 1;
        }
        while k > pos && bytes[k - 1].is_ascii_whitespace() {
            k -= 1;
        }
        while k > pos && !bytes[k - 1].is_ascii_whitespace() {
            k -= 1;
        }
        (k > pos).then_some(k)
    }

    /// The length of the UTF-8 character whose first byte (not ASCII) is `b`.
    #[inline]
    fn utf8_len(b: u8) -> usize {
        match b {
            0xF0..=0xFF => 4,
            0xE0..=0xEF => 3,
            _ => 2,
        }
    }

    /// [`push_word`] for a word of ASCII letters and digits, perhaps with a comma after it:
    /// the same token, without the general punctuation handling.
    #[inline]
    fn push_plain(base: usize, word: &str, buf: &mut String, out: &mut Vec<Token>, look: bool) {
        let (core, mut flags) = match word.strip_suffix(',') {
            Some(core) => (core, flag::COMMA),
            None => (word, 0),
        };
        let b = core.as_bytes();
        if b[0].is_ascii_uppercase() {
            flags |= flag::CAP | flag::NAME;
            let mut letters = 0usize;
            let mut upper = 0usize;
            for &x in b {
                letters += usize::from(x.is_ascii_alphabetic());
                upper += usize::from(x.is_ascii_uppercase());
            }
            if letters >= 2 && upper == letters {
                flags |= flag::ALLCAPS;
            }
        }
        let class = if look {
            flags |= flag::LOOKED;
            word_classes(core, buf)
        } else {
            0
        };
        out.push(Token {
            span: Span::new(base, base + core.len()),
            class,
            flags,
            extra: 0,
        });
    }

    fn push_word(base: usize, word: &str, buf: &mut String, out: &mut Vec<Token>, look: bool) {
        let mut flags = 0u16;
        // Leading punctuation.
        let mut s = 0;
        for (i, c) in word.char_indices() {
            if c.is_alphanumeric() {
                s = i;
                break;
            }
            if is_open_mark(c) {
                flags |= flag::OPEN;
            }
            s = i + c.len_utf8();
        }
        // Trailing punctuation.
        let mut e = word.len();
        while e > s {
            let c = match word[..e].chars().next_back() {
                Some(c) => c,
                None => break,
            };
            if c.is_alphanumeric() {
                break;
            }
            if c == '.' {
                let core = &word[s..e];
                if is_abbreviation(core, buf) {
                    flags |= flag::ABBREV;
                    break;
                }
                flags |= flag::BREAK;
            } else if c == ',' {
                flags |= flag::COMMA;
            } else if c == '\'' || c == '’' {
                // A plural possessive (`officials'`) keeps its apostrophe.
                let before = word[s..e - c.len_utf8()].chars().next_back();
                if before == Some('s') {
                    flags |= flag::POSSESSIVE;
                    break;
                }
                flags |= flag::BREAK;
            } else {
                flags |= flag::BREAK;
            }
            e -= c.len_utf8();
        }
        if s >= e {
            // A word of punctuation only (a dash, a bullet): it ends the phrase before it.
            if let Some(prev) = out.last_mut() {
                prev.flags |= flag::BREAK;
            }
            return;
        }
        let core = &word[s..e];
        if core.ends_with("'s") || core.ends_with("’s") {
            flags |= flag::POSSESSIVE;
        }
        let stem = if flags & flag::POSSESSIVE != 0 {
            strip_possessive(core)
        } else {
            core
        };
        let first = stem.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            flags |= flag::CAP | flag::NAME;
            let mut letters = 0usize;
            let mut upper = 0usize;
            if stem.is_ascii() {
                for &b in stem.as_bytes() {
                    if b.is_ascii_alphabetic() {
                        letters += 1;
                        upper += usize::from(b.is_ascii_uppercase());
                    }
                }
            } else {
                for c in stem.chars().filter(|c| c.is_alphabetic()) {
                    letters += 1;
                    if c.is_uppercase() {
                        upper += 1;
                    }
                }
            }
            if letters >= 2 && upper == letters {
                flags |= flag::ALLCAPS;
            }
            if letters == 1 && stem.len() == first.len_utf8() + 1 && stem.ends_with('.') {
                flags |= flag::INITIAL;
            }
        } else if may_have_particle_prefix(stem) && has_particle_prefix(stem) {
            flags |= flag::NAME;
        }
        let class = if look {
            flags |= flag::LOOKED;
            word_classes(stem, buf)
        } else {
            0
        };
        out.push(Token {
            span: Span::new(base + s, base + e),
            class,
            flags,
            extra: 0,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn an(text: &str) -> Analysis {
        let mut s = Scratch::default();
        analyse(text, Span::new(0, text.len()), &mut s)
    }

    fn part(text: &str, span: Option<Span>) -> Option<&str> {
        span.map(|s| &text[s])
    }

    #[test]
    fn every_lexicon_section_is_known_and_lowercase() {
        for (file, src) in files() {
            for (section, entry) in lexicon_entries(src) {
                assert!(
                    section_class(file, section).is_some(),
                    "{file}: unknown section [{section}]"
                );
                assert_eq!(
                    entry,
                    entry.to_lowercase(),
                    "{file}: {entry:?} is not lowercase"
                );
            }
        }
    }

    #[test]
    fn lower8_lowercases_every_ascii_byte() {
        for b in 0u8..0x80 {
            let x = u64::from_le_bytes([b; 8]);
            assert_eq!(
                lower8(x),
                u64::from_le_bytes([b.to_ascii_lowercase(); 8]),
                "{b}"
            );
        }
    }

    #[test]
    fn load8_keeps_every_byte_of_a_short_slice() {
        // Over a three-letter alphabet, every slice of a length gets its own value, and a
        // byte with the top bit set shows wherever it stands.
        for n in 1..=8usize {
            let mut seen = std::collections::HashSet::new();
            for k in 0..3usize.pow(n as u32) {
                let w: Vec<u8> = (0..n)
                    .map(|i| b"abc"[(k / 3usize.pow(i as u32)) % 3])
                    .collect();
                assert!(seen.insert(load8(&w)), "{w:?}");
                for i in 0..n {
                    let mut v = w.clone();
                    v[i] = 0xC3;
                    assert_ne!(load8(&v) & 0x8080_8080_8080_8080, 0, "{v:?}");
                }
            }
        }
        assert_eq!(load8(b""), 0);
    }

    #[test]
    fn a_word_the_part_shapes_rule_out_is_no_title_honorific_or_particle() {
        let part = class::TITLE | class::HONORIFIC | class::PARTICLE;
        // Every such entry passes, in any ASCII case.
        for entry in entries_with(part) {
            let mut chars = entry.chars();
            let title = chars.next().map_or(String::new(), |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            });
            for w in [entry.to_owned(), entry.to_ascii_uppercase(), title] {
                assert!(may_be_part_word(w.as_bytes()), "{w}");
            }
        }
        // Every word of letters and digits of up to four bytes (and some longer ones): one
        // the shapes rule out is looked up with no such class.
        let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        let mut words: Vec<Vec<u8>> = alphabet.iter().map(|&b| vec![b]).collect();
        let mut checked = 0;
        let mut buf = String::new();
        for len in 1..=4 {
            for w in &words {
                if !may_be_part_word(w) {
                    let word = std::str::from_utf8(w).unwrap();
                    assert_eq!(word_classes_of(word, &mut buf, false) & part, 0, "{word}");
                    checked += 1;
                }
            }
            if len < 3 {
                words = words
                    .iter()
                    .flat_map(|w| {
                        alphabet.iter().map(move |&b| {
                            let mut v = w.clone();
                            v.push(b);
                            v
                        })
                    })
                    .collect();
            } else {
                // Four bytes and more: each entry with one byte changed or added.
                words = entries_with(part)
                    .filter(|e| e.is_ascii())
                    .flat_map(|e| {
                        let e = e.as_bytes().to_vec();
                        (0..=e.len()).flat_map(move |i| {
                            let e = e.clone();
                            alphabet.iter().flat_map(move |&b| {
                                let mut changed = e.clone();
                                if i < changed.len() {
                                    changed[i] = b;
                                }
                                let mut added = e.clone();
                                added.insert(i, b);
                                [changed, added]
                            })
                        })
                    })
                    .filter(|w| w.iter().all(u8::is_ascii_alphanumeric))
                    .collect();
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn no_entry_is_ruled_out_by_its_shape() {
        let mut buf = String::new();
        for (file, src) in files() {
            for (section, entry) in lexicon_entries(src) {
                let Some(c) = section_class(file, section) else {
                    continue;
                };
                let upper = entry.to_uppercase();
                let mut chars = entry.chars();
                let title = chars.next().map_or(String::new(), |c| {
                    c.to_uppercase().collect::<String>() + chars.as_str()
                });
                for w in [entry, upper.as_str(), title.as_str()] {
                    if w.is_ascii() {
                        assert!(LEXICON.may_hold(w.as_bytes()), "{w}");
                    }
                    assert_eq!(classes_fold(w, &mut buf) & c, c, "{w}");
                }
            }
        }
        // An empty table holds nothing, and says so without a probe.
        let t = WordTable::default();
        assert!(!t.may_hold(b"word"));
        assert_eq!(t.get_fold("word", &mut buf), 0);
    }

    #[test]
    fn word_table_lookups_ignore_case() {
        let mut t = WordTable::default();
        for (i, w) in ["president", "the", "spokeswoman", "société", "x"]
            .into_iter()
            .enumerate()
        {
            t.insert(w, 1 << i);
        }
        t.insert("the", 1 << 8);
        let mut buf = String::new();
        for (w, want) in [
            ("President", 1),
            ("PRESIDENT", 1),
            ("president", 1),
            ("presidents", 0),
            ("THE", 1 << 1 | 1 << 8),
            ("SpokesWoman", 1 << 2),
            ("SOCIÉTÉ", 1 << 3),
            ("Société", 1 << 3),
            ("X", 1 << 4),
            ("", 0),
            ("spokeswomanly", 0),
        ] {
            assert_eq!(t.get_fold(w, &mut buf), want, "{w}");
            assert_eq!(t.get(&w.to_lowercase()), want, "{w}");
        }
        // Every lexicon entry is found in any case.
        for (file, src) in files() {
            for (section, entry) in lexicon_entries(src) {
                let c = section_class(file, section).unwrap_or(0);
                assert_eq!(classes_of(entry) & c, c, "{entry}");
                assert_eq!(
                    classes_fold(&entry.to_uppercase(), &mut buf) & c,
                    c,
                    "{entry}"
                );
            }
        }
    }

    #[test]
    fn eq_fold_answers_as_lowercasing_by_characters_does() {
        let words = [
            "",
            "a",
            "A",
            "b",
            "Peskov",
            "PESKOV",
            "peskov",
            "Peskova",
            "Abcdefgh",
            "ABCDEFGH",
            "Abcdefgi",
            "Abcdefghi",
            "ABCDEFGHI",
            "Abcdefghij-Klmnopq",
            "ABCDEFGHIJ-KLMNOPQ",
            "ABCDEFGHIJ-KLMNOPR",
            "Łukasz",
            "łukasz",
            "ŁUKASZ",
            "straße",
            "STRASSE",
            "K\u{212A}",
            "kk",
            "İ",
            "i\u{307}",
            "@",
            "`",
            "[]",
            "{}",
        ];
        for a in words {
            for b in words {
                let lower = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
                assert_eq!(eq_fold(a, b), lower(a) == lower(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_mention_gives_the_head_of_its_title_and_of_its_organisation_name() {
        // `span_head` is what `phrase_head` finds in the title (or name) alone.
        for text in [
            "Kremlin Press Secretary Dmitry Peskov",
            "“Former Deputy Prime Minister, Anna Lee",
            "the U.S. Ambassador to Russia John Smith",
            "Mr. Peskov",
            "Gov. Jay Inslee",
            "Russian Direct Investment Fund",
            "the Department of Justice",
            "NATO",
            "the Bank of America's",
            "Lawmakers' Council",
        ] {
            let a = an(text);
            let span = match a.kind {
                MentionKind::Name => a.title,
                MentionKind::Organisation => a.name,
                _ => None,
            };
            if let Some(span) = span {
                let want = phrase_head(text, span, &mut Scratch::default());
                assert_eq!(a.span_head, want, "{text}");
            } else {
                assert_eq!(a.span_head, None, "{text}");
            }
        }
        let a = an("Kremlin Press Secretary Dmitry Peskov");
        assert_eq!(
            part("Kremlin Press Secretary Dmitry Peskov", a.span_head),
            Some("Secretary")
        );
    }

    #[test]
    fn fold_hash_ignores_case() {
        assert_eq!(fold_hash("Peskov"), fold_hash("PESKOV"));
        assert_eq!(fold_hash("Łukasz"), fold_hash("łukasz"));
        assert_ne!(fold_hash("Peskov"), fold_hash("Peskova"));
        // The hash of the lowercase form, by characters, grouped into words byte by byte,
        // whatever mix of ASCII and other characters the word holds.
        let reference = |s: &str| {
            let lower: Vec<u8> = s
                .chars()
                .flat_map(char::to_lowercase)
                .collect::<String>()
                .into();
            let mut h = FoldHash::default();
            for c in lower.chunks(8) {
                h.add(c.iter().rev().fold(0, |acc, &x| acc << 8 | u64::from(x)));
            }
            h.finish(lower.len())
        };
        for w in [
            "",
            "a",
            "Peskov",
            "ŁUKASZ",
            "Łukasz",
            "Mañana",
            "MAÑANA",
            "O’Neil",
            "abcÉ",
            "É",
            "İstanbul",
            "K\u{212A}",
            "straße",
            "Abcdefg",
            "Abcdefgh",
            "Abcdefghi",
            "ABCDEFGHIJKLMNOP",
            "ABCDEFGHIJKLMNOPQ",
            "ÑANDÚ-Abcdefghijk",
        ] {
            assert_eq!(fold_hash(w), reference(w), "{w}");
        }
    }

    #[test]
    fn possessives_are_stripped_as_the_plain_chain_strips_them() {
        let chain = |w: &'static str| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .or_else(|| w.strip_suffix('\''))
                .or_else(|| w.strip_suffix('’'))
                .unwrap_or(w)
        };
        for w in [
            "",
            "s",
            "'",
            "’",
            "'s",
            "’s",
            "Putin's",
            "Putin’s",
            "officials'",
            "officials’",
            "boss",
            "Peskov",
            "cats's",
            "a’",
            "x\u{99}",
            "ś",
        ] {
            assert_eq!(strip_possessive(w), chain(w), "{w}");
        }
    }

    /// (mention, kind, name, title)
    const NAMES: &[(&str, MentionKind, Option<&str>, Option<&str>)] = &[
        (
            "Kremlin Press Secretary Dmitry Peskov",
            MentionKind::Name,
            Some("Dmitry Peskov"),
            Some("Kremlin Press Secretary"),
        ),
        (
            "Russian President Vladimir Putin",
            MentionKind::Name,
            Some("Vladimir Putin"),
            Some("Russian President"),
        ),
        (
            "President Putin",
            MentionKind::Name,
            Some("Putin"),
            Some("President"),
        ),
        ("Putin", MentionKind::Name, Some("Putin"), None),
        (
            "Dmitry Peskov",
            MentionKind::Name,
            Some("Dmitry Peskov"),
            None,
        ),
        (
            "• Dmitry Peskov",
            MentionKind::Name,
            Some("Dmitry Peskov"),
            None,
        ),
        (
            "Sen. Ted Cruz",
            MentionKind::Name,
            Some("Ted Cruz"),
            Some("Sen."),
        ),
        (
            "Rep. Alexandria Ocasio-Cortez",
            MentionKind::Name,
            Some("Alexandria Ocasio-Cortez"),
            Some("Rep."),
        ),
        (
            "Gov. Gavin Newsom",
            MentionKind::Name,
            Some("Gavin Newsom"),
            Some("Gov."),
        ),
        (
            "Gen. Mark Milley",
            MentionKind::Name,
            Some("Mark Milley"),
            Some("Gen."),
        ),
        (
            "Dr. Anthony Fauci",
            MentionKind::Name,
            Some("Anthony Fauci"),
            Some("Dr."),
        ),
        ("Mr. Peskov", MentionKind::Name, Some("Peskov"), Some("Mr.")),
        (
            "Mrs. Clinton",
            MentionKind::Name,
            Some("Clinton"),
            Some("Mrs."),
        ),
        ("Ms. Ardern", MentionKind::Name, Some("Ardern"), Some("Ms.")),
        (
            "former Russian President Dmitry Medvedev",
            MentionKind::Name,
            Some("Dmitry Medvedev"),
            Some("former Russian President"),
        ),
        (
            "the former Russian President",
            MentionKind::Description,
            None,
            Some("former Russian President"),
        ),
        (
            "former Russian President",
            MentionKind::Description,
            None,
            Some("former Russian President"),
        ),
        (
            "Stephen K. Bannon",
            MentionKind::Name,
            Some("Stephen K. Bannon"),
            None,
        ),
        (
            "Martin Luther King Jr.",
            MentionKind::Name,
            Some("Martin Luther King Jr."),
            None,
        ),
        (
            "Robert F. Kennedy III",
            MentionKind::Name,
            Some("Robert F. Kennedy III"),
            None,
        ),
        (
            "European Commission President Ursula von der Leyen",
            MentionKind::Name,
            Some("Ursula von der Leyen"),
            Some("European Commission President"),
        ),
        (
            "Mayor Bill de Blasio",
            MentionKind::Name,
            Some("Bill de Blasio"),
            Some("Mayor"),
        ),
        (
            "Bashar al-Assad",
            MentionKind::Name,
            Some("Bashar al-Assad"),
            None,
        ),
        (
            "Osama bin Laden",
            MentionKind::Name,
            Some("Osama bin Laden"),
            None,
        ),
        (
            "Conan O'Brien",
            MentionKind::Name,
            Some("Conan O'Brien"),
            None,
        ),
        (
            "Senate Minority Leader Mitch McConnell",
            MentionKind::Name,
            Some("Mitch McConnell"),
            Some("Senate Minority Leader"),
        ),
        (
            "Secretary of State Antony Blinken",
            MentionKind::Name,
            Some("Antony Blinken"),
            Some("Secretary of State"),
        ),
        (
            "Russia's Foreign Minister Sergei Lavrov",
            MentionKind::Name,
            Some("Sergei Lavrov"),
            Some("Russia's Foreign Minister"),
        ),
        (
            "Kremlin spokesman Dmitry Peskov",
            MentionKind::Name,
            Some("Dmitry Peskov"),
            Some("Kremlin spokesman"),
        ),
        ("Zoë Dupré", MentionKind::Name, Some("Zoë Dupré"), None),
        ("Ann Lee,", MentionKind::Name, Some("Ann Lee"), None),
        ("Will Hurd", MentionKind::Name, Some("Will Hurd"), None),
        (
            "British Prime Minister Theresa May",
            MentionKind::Name,
            Some("Theresa May"),
            Some("British Prime Minister"),
        ),
    ];

    #[test]
    fn names_and_titles() {
        for &(m, kind, name, title) in NAMES {
            let a = an(m);
            assert_eq!(a.kind, kind, "{m}: kind");
            assert_eq!(part(m, a.name), name, "{m}: name");
            assert_eq!(part(m, a.title), title, "{m}: title");
        }
    }

    #[test]
    fn given_names_surnames_suffixes_and_honorifics() {
        let m = "Martin Luther King Jr.";
        let a = an(m);
        assert_eq!(part(m, a.given), Some("Martin"));
        assert_eq!(part(m, a.surname), Some("King"));
        assert_eq!(part(m, a.suffix), Some("Jr."));
        let m = "Mr. Peskov";
        let a = an(m);
        assert_eq!(a.given, None);
        assert_eq!(
            a.honorific.map(|h| (&m[h.0], h.1)),
            Some(("Mr.", Some(Gender::Masculine)))
        );
        let m = "Mrs. Clinton";
        assert_eq!(an(m).honorific.and_then(|h| h.1), Some(Gender::Feminine));
        let m = "Dr. Anthony Fauci";
        assert_eq!(an(m).honorific.map(|h| h.1), Some(None));
        let m = "Mayor Bill de Blasio";
        assert_eq!(part(m, an(m).surname), Some("Blasio"));
        assert_eq!(part(m, an(m).given), Some("Bill"));
        assert_eq!(surname_key("al-Assad"), surname_key("Assad"));
        assert_eq!(surname_key("Putin's"), surname_key("PUTIN"));
    }

    /// (mention, kind, name)
    const ORGANISATIONS: &[(&str, Option<&str>)] = &[
        ("the Kremlin", Some("Kremlin")),
        ("The White House", Some("White House")),
        ("the ministry", None),
        ("the Foreign Ministry", Some("Foreign Ministry")),
        ("the Justice Department", Some("Justice Department")),
        ("the Department of Justice", Some("Department of Justice")),
        ("Interfax", Some("Interfax")),
        ("RIA Novosti", Some("RIA Novosti")),
        ("Reuters", Some("Reuters")),
        ("the Associated Press", Some("Associated Press")),
        ("AP", Some("AP")),
        ("TASS", Some("TASS")),
        (
            "the ruling United Russia party",
            Some("United Russia party"),
        ),
        (
            "the Russian Direct Investment Fund",
            Some("Russian Direct Investment Fund"),
        ),
        ("Acme Corp.", Some("Acme Corp.")),
        ("Globex Inc.", Some("Globex Inc.")),
        ("Initech Ltd.", Some("Initech Ltd.")),
        ("the Trump campaign", Some("Trump campaign")),
        ("the committee", None),
        ("the Supreme Court", Some("Supreme Court")),
        ("Moscow", Some("Moscow")),
        ("the U.S.", Some("U.S.")),
        ("OPEC", Some("OPEC")),
        ("the Security Council", Some("Security Council")),
        ("Broad Street", Some("Broad Street")),
    ];

    #[test]
    fn organisations() {
        for &(m, name) in ORGANISATIONS {
            let a = an(m);
            assert_eq!(a.kind, MentionKind::Organisation, "{m}: kind");
            assert_eq!(part(m, a.name), name, "{m}: name");
        }
    }

    const GROUPS: &[&str] = &[
        "Other senior Russian officials",
        "Russian officials",
        "some advocates",
        "Republicans",
        "Democrats",
        "critics",
        "experts",
        "many people",
        "Lawmakers from both parties",
        "U.S. officials",
        "officials familiar with the talks",
        "Peskov and Lavrov",
        "both",
    ];

    #[test]
    fn groups() {
        for &m in GROUPS {
            assert_eq!(an(m).kind, MentionKind::Group, "{m}");
            assert_eq!(an(m).name, None, "{m}");
        }
    }

    /// (mention, head, title)
    const DESCRIPTIONS: &[(&str, &str, Option<&str>)] = &[
        (
            "A lawmaker from the ruling United Russia party",
            "lawmaker",
            Some("lawmaker"),
        ),
        (
            "A lawmaker from the ruling United Russia party, who supports President Putin",
            "lawmaker",
            Some("lawmaker"),
        ),
        ("a senior official", "official", Some("senior official")),
        ("a person familiar with the matter", "person", None),
        ("a spokesman", "spokesman", Some("spokesman")),
        ("the minister", "minister", Some("minister")),
        (
            "A spokesman for the White House",
            "spokesman",
            Some("spokesman"),
        ),
        (
            "a spokeswoman for Peskov",
            "spokeswoman",
            Some("spokeswoman"),
        ),
        (
            "the Kremlin Press Secretary",
            "Secretary",
            Some("Kremlin Press Secretary"),
        ),
        (
            "the Kremlin's spokesman",
            "spokesman",
            Some("Kremlin's spokesman"),
        ),
        ("one source", "source", None),
    ];

    #[test]
    fn descriptions() {
        for &(m, head, title) in DESCRIPTIONS {
            let a = an(m);
            assert_eq!(a.kind, MentionKind::Description, "{m}: kind");
            assert_eq!(part(m, a.head), Some(head), "{m}: head");
            assert_eq!(part(m, a.title), title, "{m}: title");
            assert_eq!(a.name, None, "{m}: name");
        }
        assert!(an("the minister").definite);
        assert!(!an("a minister").definite);
    }

    #[test]
    fn pronouns() {
        for (m, p) in [
            ("he", Pronoun::He),
            ("He", Pronoun::He),
            ("she", Pronoun::She),
            ("They", Pronoun::They),
            ("it", Pronoun::It),
            ("we", Pronoun::We),
            ("I", Pronoun::I),
            ("him", Pronoun::He),
            ("her", Pronoun::She),
            ("them", Pronoun::They),
        ] {
            let a = an(m);
            assert_eq!(a.kind, MentionKind::Pronoun, "{m}");
            assert_eq!(a.pronoun, Some(p), "{m}");
        }
        assert_eq!(an("Hello").kind, MentionKind::Name);
        assert_eq!(an("US").kind, MentionKind::Organisation);
        // `her` before a noun is a determiner.
        assert_eq!(an("her spokesman").kind, MentionKind::Description);
    }

    #[test]
    fn a_pronoun_alone_is_analysed_as_its_token_is() {
        let mut scratch = Scratch::default();
        // Every pronoun word, in every casing of its letters, and words next to them.
        let mut words: Vec<String> = entries_with(class::PRONOUN).map(str::to_owned).collect();
        words.extend(
            [
                "hey", "hes", "them.", "he,", "she's", "i.", "usa", "ii", "x", "meh",
            ]
            .map(String::from),
        );
        let mut checked = 0;
        for w in words.clone() {
            let n = w.len();
            for mask in 0..1u32 << n.min(5) {
                let m: String = w
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if (mask >> i) & 1 == 1 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect();
                let text = format!("x {m} y");
                let span = Span::new(2, 2 + m.len());
                let slow = analyse_tokenized(&text, span, &mut scratch);
                assert_eq!(analyse(&text, span, &mut scratch), slow, "{m}");
                if pronoun_word(&text, span).is_some() {
                    checked += 1;
                    assert_eq!(slow.kind, MentionKind::Pronoun, "{m}");
                }
            }
        }
        assert!(checked > 40);
        // Every word `Pronoun::parse` reads is one of the lexicon's pronouns.
        for w in [
            "he", "him", "she", "her", "they", "them", "it", "we", "us", "i", "me",
        ] {
            assert!(
                Pronoun::parse(w).is_some() && classes_of(w) & class::PRONOUN != 0,
                "{w}"
            );
        }
        for w in words {
            assert_eq!(
                Pronoun::parse(&w).is_some(),
                classes_of(&w) & class::PRONOUN != 0,
                "{w}"
            );
        }
    }

    #[test]
    fn degenerate_mentions_do_not_panic() {
        for m in [
            "",
            " ",
            ",",
            "the",
            "«»",
            "— ,",
            "Jr.",
            "III",
            "the of",
            "'s",
            "Ms.",
            "😀 Zoë",
        ] {
            let _ = an(m);
        }
    }

    fn cue_free(_: Span) -> bool {
        false
    }

    /// (text, name, apposition)
    const APPOSITIONS: &[(&str, &str, Option<&str>)] = &[
        ("Dmitry Peskov, the Kremlin Press Secretary, reminded reporters.", "Dmitry Peskov", Some("the Kremlin Press Secretary")),
        ("Kirill Dmitriev, CEO of Russia's sovereign wealth fund, the Russian Direct Investment Fund, commended them.", "Kirill Dmitriev", Some("CEO of Russia's sovereign wealth fund, the Russian Direct Investment Fund")),
        ("as noted by Medvedev, the Russian Security Council's deputy chairman.", "Medvedev", Some("the Russian Security Council's deputy chairman")),
        ("Dmitry Medvedev, a former Russian President and known Russian hawk, stated it.", "Dmitry Medvedev", Some("a former Russian President and known Russian hawk")),
        ("Ann Lee, 54, said it.", "Ann Lee", None),
        ("Ann Lee, who leads it, said it.", "Ann Lee", None),
        ("It failed, Ann Lee said.", "It failed", None),
        ("Ann Lee, the minister said.", "Ann Lee", None),
        ("Ann Lee said it.", "Ann Lee", None),
    ];

    #[test]
    fn appositions() {
        for &(text, name, role) in APPOSITIONS {
            let end = text.find(name).unwrap() + name.len();
            let said = |s: Span| text[s].contains("said");
            let mut scratch = Scratch::default();
            let got = apposition_after(text, end, text.len(), &said, &mut scratch);
            assert_eq!(got.map(|s| &text[s]), role, "{text}");
        }
        let text = "Ann Lee, the minister";
        let mut scratch = Scratch::default();
        assert_eq!(
            apposition_after(text, 7, text.len(), &cue_free, &mut scratch),
            None
        );
    }

    #[test]
    fn an_apposition_ends_within_sixteen_spaces() {
        // The segment's comma must come before the sixteenth whitespace character after the
        // opening comma: the window is read eight bytes at a time, so words of every length
        // and runs of spaces of every kind cross its boundary here.
        let fillers = ["big", "minister", "of", "internationalstate", "a", "deputy"];
        for sep in [" ", "  ", "\t", " \u{a0}", "\u{2003}", "\r\n"] {
            for words in 1..=20 {
                let mut text = String::from("Ann Lee, the");
                for i in 0..words {
                    text.push_str(sep);
                    text.push_str(fillers[i % fillers.len()]);
                }
                let seg_end = text.len();
                text.push_str(", said it.");
                let text = text.as_str();
                let seg_start = "Ann Lee, ".len();
                // The whitespace before the segment's last word (it holds none).
                let spaces = text[seg_start..seg_end]
                    .chars()
                    .filter(|c| c.is_whitespace())
                    .count();
                let want = (spaces <= 15).then(|| &text[seg_start..seg_end]);
                let mut scratch = Scratch::default();
                let got = apposition_after(text, 7, text.len(), &cue_free, &mut scratch);
                assert_eq!(got.map(|s| &text[s]), want, "{text:?}");
            }
        }
    }

    #[test]
    fn name_runs_in_text() {
        let text = "According to Interfax, Kremlin Press Secretary Dmitry Peskov spoke. Did Putin \
                    call? In February, Russian President Vladimir Putin met Mr. Biden and NBC News. \
                    The U.S. administration was quiet. Stephen K. Bannon and Martin Luther King, Jr. \
                    were not.";
        let runs = scan_names(text, [Span::new(0, text.len())]);
        let got: Vec<(&str, Option<&str>)> = runs
            .iter()
            .map(|r| (&text[r.name], r.title.map(|t| &text[t])))
            .collect();
        assert_eq!(
            got,
            [
                ("Dmitry Peskov", Some("Kremlin Press Secretary")),
                // A bare word: a surname if someone by that name is known.
                ("Putin", None),
                ("Vladimir Putin", Some("Russian President")),
                ("Biden", Some("Mr.")),
                ("Stephen K. Bannon", None),
                ("Martin Luther King, Jr.", None),
            ]
        );
        assert_eq!(runs[3].honorific.and_then(|h| h.1), Some(Gender::Masculine));

        // Particles glued to a name, away from capitals too; lowercase words only end runs.
        let text = "officials said Bashar al-Assad spoke, and later al-Assad and the Kremlin \
                    spokesman Dmitry Peskov left";
        let runs = scan_names(text, [Span::new(0, text.len())]);
        let got: Vec<(&str, Option<&str>)> = runs
            .iter()
            .map(|r| (&text[r.name], r.title.map(|t| &text[t])))
            .collect();
        assert_eq!(
            got,
            [
                ("Bashar al-Assad", None),
                ("al-Assad", None),
                ("Dmitry Peskov", Some("Kremlin spokesman")),
            ]
        );
    }

    #[test]
    fn wide_spaces_are_the_whitespace_above_ascii() {
        let mut b = [0u8; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut b);
            let want = c.is_whitespace().then(|| c.len_utf8());
            assert_eq!(wide_space_at(s, 0), want, "{c:?}");
        }
    }

    #[test]
    fn every_uppercase_letter_begins_with_an_upper_byte() {
        let mut b = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut b);
            let first = upper_byte_from(s.as_bytes(), 0) == 0;
            if c.is_uppercase() {
                assert!(first, "{c:?}");
            }
            // Within a longer text too, where the eight-byte test reads it.
            let long = format!("abcdefghij{c}klmnopqrstuvwxyz");
            let at = upper_byte_from(long.as_bytes(), 0);
            assert_eq!(at == 10, first, "{c:?}");
            assert!(at == 10 || at == long.len(), "{c:?}");
        }
    }

    #[test]
    fn is_alnum_is_is_alphanumeric() {
        for c in (0..=0x2FFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn the_eight_byte_scan_stops_at_the_first_of_any_two_bytes() {
        // Two bytes of any value, the second just after the first or at the end: a sum that
        // carries out of the first must not move where the scan stops.
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for at in [0, 3, 6] {
                    for gap in [1, 7 - at] {
                        let mut w = [b'q'; 8];
                        w[at] = a;
                        w[at + gap] = b;
                        let want = w.iter().position(|c| !c.is_ascii_alphanumeric());
                        assert_eq!(alnum_end(&w, 0), want.unwrap_or(8), "{a:#x} {b:#x} {at}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_eight_byte_scan_agrees_with_the_byte_table() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = [b'a'; 8];
                w[at] = b;
                let want = if b.is_ascii_alphanumeric() { 8 } else { at };
                assert_eq!(alnum_end(&w, 0), want, "{b:#x} at {at}");
                assert_eq!(
                    alnum_end(&w[..at + 1], 0),
                    want.min(at + 1),
                    "{b:#x} at {at}"
                );
            }
        }
        // (`E2` is read with the byte after it: the test on every character checks it.)
        for b in (0..=255u8).filter(|&b| b != 0xE2) {
            for at in 0..16 {
                let mut w = [b'a'; 17];
                w[at] = b;
                let upper = b.is_ascii_uppercase() || b >= 0xC3;
                assert_eq!(
                    upper_byte_from(&w, 0),
                    if upper { at } else { 17 },
                    "{b:#x}"
                );
                let mut w = [b'A'; 17];
                w[..at + 1].fill(b);
                assert_eq!(
                    upper_byte_from(&w, 0),
                    if upper { 0 } else { at + 1 },
                    "{b:#x}"
                );
            }
        }
        // Backwards to a word's start: every ASCII byte, at every place of a long word,
        // and the whitespace above ASCII.
        for b in 0..0x80u8 {
            for at in 0..12 {
                let mut w = [b'a'; 12];
                w[at] = b;
                let want = if b.is_ascii_whitespace() { at + 1 } else { 0 };
                assert_eq!(word_start_back(&w, 0, 12), want, "{b:#x} at {at}");
                for lo in 0..12 {
                    let want = if b.is_ascii_whitespace() && at >= lo {
                        at + 1
                    } else {
                        lo
                    };
                    assert_eq!(
                        word_start_back(&w, lo, 12),
                        want,
                        "{b:#x} at {at} from {lo}"
                    );
                }
            }
        }
        assert_eq!(word_start_back(b"ab cd\tef", 0, 8), 6);
        for space in ["\u{a0}", "\u{2009}", "\u{3000}", "\u{85}"] {
            let w = format!("ab’{space}cdefghijkl");
            let k = w.len();
            assert_eq!(word_start_back(w.as_bytes(), 0, k), k - 10, "{space:?}");
            assert_eq!(word_before_start(w.as_bytes(), 0, k - 1), 0, "{space:?}");
        }
        // `’` ends no space.
        assert_eq!(word_start_back("ab’cdefghijkl".as_bytes(), 0, 15), 0);
        assert_eq!(word_start_back(b"", 0, 0), 0);
        assert_eq!(alnum_end(b"", 0), 0);
        assert_eq!(alnum_end(b"abcdefghijk lm", 0), 11);
        assert_eq!(alnum_end(b"abcdefghijklmnop", 3), 16);
    }

    /// The tokens of `text` with their flags, in a compact form: each word, then `/` and a
    /// letter per flag (Cap, All caps, Initial, Possessive, comma `,`, Break, Name, Open,
    /// abbreviation `.`).
    fn render(text: &str) -> String {
        let mut out = Vec::new();
        tokenize_plain(text, Span::new(0, text.len()), &mut String::new(), &mut out);
        let letters = [
            (flag::CAP, 'C'),
            (flag::ALLCAPS, 'A'),
            (flag::INITIAL, 'I'),
            (flag::POSSESSIVE, 'P'),
            (flag::COMMA, ','),
            (flag::BREAK, 'B'),
            (flag::NAME, 'N'),
            (flag::OPEN, 'O'),
            (flag::ABBREV, '.'),
        ];
        let words: Vec<String> = out
            .iter()
            .map(|t| {
                let f: String = letters
                    .iter()
                    .filter(|(f, _)| t.has(*f))
                    .map(|(_, c)| *c)
                    .collect();
                if f.is_empty() {
                    text[t.span].to_owned()
                } else {
                    format!("{}/{f}", &text[t.span])
                }
            })
            .collect();
        words.join(" ")
    }

    #[test]
    fn tokens_of_tricky_words() {
        for (text, want) in [
            ("", ""),
            (" \t\n\u{a0}\u{3000} ", ""),
            (
                "\u{201c}Putin\u{2019}s aides,\u{201d} said U.S. officials' K. Lee",
                "Putin\u{2019}s/CPNO aides/,B said U.S./CAN. officials'/P K./CIN. Lee/CN",
            ),
            (
                "(Sen. Ted Cruz) d'Estaing al-Assad o\u{2019}Brien NATO's",
                "Sen./CNO. Ted/CN Cruz/CBN d'Estaing/N al-Assad/N o\u{2019}Brien/N NATO's/CAPN",
            ),
            (
                "3.5 21,000 Sept. e.g. 1. done. x \u{2014} y",
                "3.5 21,000 Sept./CN. e.g./. 1/B done/B x/B y",
            ),
            (
                "\u{0141}ukasz \u{c9}T\u{c9} soci\u{e9}t\u{e9}, na\u{ef}ve\u{a0}word,\u{a0}A1 AB,",
                "\u{0141}ukasz/CN \u{c9}T\u{c9}/CAN soci\u{e9}t\u{e9}/, na\u{ef}ve word/, A1/CN AB/CA,N",
            ),
            ("\"Quoted\" [x] {y} --", "Quoted/CBNO x/BO y/BO"),
        ] {
            assert_eq!(render(text), want, "{text:?}");
        }
    }

    /// The modes of the word splitter that make the tokens of the [`reference`] one
    /// ([`Lookup::NearCapitals`] passes over words that could only end a name run, so
    /// only the runs it finds are compared: [`runs_agree`]).
    const MODES: [Lookup; 3] = [Lookup::All, Lookup::None, Lookup::NoneToBreak];

    /// The name runs of `text[span]` as the scan found them with the tokens of the
    /// [`reference`] splitter.
    fn reference_runs(text: &str, span: Span) -> Vec<NameRun> {
        let mut tokens = Vec::new();
        let (mut buf, mut phrase) = (String::new(), String::new());
        reference::tokenize_with(text, span, &mut buf, &mut tokens, Lookup::NearCapitals);
        let mut out = Vec::new();
        let mut run: Vec<Token> = Vec::new();
        for i in 0..tokens.len() {
            let t = tokens[i];
            let candidate = (t.has(flag::NAME) && !t.is(class::STOP))
                || t.is(class::TITLE | class::HONORIFIC)
                || (t.is(class::PARTICLE) && !run.is_empty());
            if candidate && (run.is_empty() || !t.has(flag::OPEN)) {
                run.push(t);
                if t.has(flag::COMMA | flag::BREAK)
                    && !(t.has(flag::COMMA)
                        && tokens
                            .get(i + 1)
                            .is_some_and(|n| n.is(class::SUFFIX) && n.has(flag::CAP)))
                {
                    flush_run(text, &run, &mut phrase, &mut out);
                    run.clear();
                }
            } else {
                if !run.is_empty() {
                    flush_run(text, &run, &mut phrase, &mut out);
                    run.clear();
                }
                if candidate {
                    run.push(t);
                }
            }
        }
        flush_run(text, &run, &mut phrase, &mut out);
        out
    }

    /// Checks that the name scan finds in `text[span]` the runs of [`reference_runs`].
    fn runs_agree(text: &str, span: Span) {
        let new = scan_names(text, [span]);
        assert_eq!(new, reference_runs(text, span), "{text:?} {span:?}");
    }

    /// The tokens of `text[span]` by the splitter and by the [`reference`] one, after a
    /// token that stands before the span (which a skipped or punctuation-only word marks
    /// with a break).
    fn both(text: &str, span: Span, lookup: Lookup) -> (Vec<Token>, Vec<Token>) {
        let before = Token {
            span: Span::new(0, 0),
            class: 0,
            flags: 0,
            extra: 0,
        };
        let mut buf = String::new();
        let (mut new, mut old) = (vec![before], vec![before]);
        tokenize_with(text, span, &mut buf, &mut new, lookup);
        reference::tokenize_with(text, span, &mut buf, &mut old, lookup);
        (new, old)
    }

    /// Words, marks and spaces that test the splitter's edges, glued or spaced at random.
    const PIECES: &[&str] = &[
        "Putin",
        "al-Assad",
        "Al-Assad",
        "el-Sisi",
        "d'Estaing",
        "d’Estaing",
        "o’Brien",
        "O'Neill",
        "bin-Salman",
        "ibn-Saud",
        "officials'",
        "Russia's",
        "Russia’s",
        "RUSSIA'S",
        "U.S.",
        "U.S",
        "US",
        "K.",
        "k.",
        "Mr.",
        "Jan.",
        "Sept.",
        "Sep.",
        "Dec",
        "Jr.",
        "e.g.",
        "3.5",
        "21,000",
        "1.",
        "NATO",
        "A",
        "I",
        "a",
        "x",
        "X",
        "Ab",
        "AB",
        "A1",
        "1A",
        "A-B",
        "the",
        "said",
        "President",
        "spokeswoman",
        "Spokeswomen",
        "officials",
        "Lawmakers",
        "Presidents",
        "Gov.",
        "Sen.,",
        "Inc.",
        "'s",
        "s'",
        "'S",
        "'",
        "’",
        ",",
        ".",
        "..",
        "...",
        ":",
        ";",
        "?",
        "!",
        "-",
        "—",
        "–",
        "•",
        "\"",
        "“",
        "”",
        "‘",
        "‚",
        "„",
        "«",
        "»",
        "‹",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "Łukasz",
        "ÉTÉ",
        "Été",
        "société",
        "naïve",
        "ß",
        "ǅ",
        "İ",
        "e\u{301}",
        "٣",
        "東京",
        "\u{a0}",
        "\u{2009}",
        "\u{3000}",
        "\u{200b}",
        "\u{feff}",
        " ",
        "  ",
        "\n",
        "\t",
        "\r",
        "\x0b",
        "\x0c",
        "#",
        "&",
        "/",
        "@",
        "%",
        "$5",
        "+",
        "=",
        "",
    ];

    /// Words that are neither capitalised nor next to anything but spaces, and a few
    /// that hold a capital or a mark late.
    const PLAIN: &[&str] = &[
        "the",
        "of",
        "said",
        "don’t",
        "it's",
        "long-term",
        "well-known",
        "€5",
        "naïve",
        "iPhone",
        "eBay",
        "x-Ray",
        "and",
        "King,",
        "Jr.",
        "III",
        "ℂ",
        "Ⅳ",
        "Ｑ",
        "ⓐ",
        "—",
        "2020",
        "(Putin",
        "“Peskov",
        "{d'Estaing",
        "spokesman",
        "de",
    ];

    /// A small deterministic generator (xorshift).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn the_splitter_makes_the_tokens_of_the_reference_splitter() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut text = String::new();
        for case in 0..30_000 {
            text.clear();
            for _ in 0..1 + rng.below(14) {
                text.push_str(PIECES[rng.below(PIECES.len())]);
                text.push_str(match rng.below(8) {
                    0 | 1 => "",
                    2 => "  ",
                    3 => "\u{a0}",
                    _ => " ",
                });
            }
            // A span that starts and ends on character boundaries, not always the whole.
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let (a, b) = (
                bounds[rng.below(bounds.len())],
                bounds[rng.below(bounds.len())],
            );
            let span = if case % 3 == 0 {
                Span::new(a.min(b), a.max(b))
            } else {
                Span::new(0, text.len())
            };
            for lookup in MODES {
                let (new, old) = both(&text, span, lookup);
                assert_eq!(new, old, "{lookup:?} {text:?} {span:?}");
            }
            runs_agree(&text, span);
        }
    }

    #[test]
    fn the_name_scan_finds_the_runs_of_the_reference_splitter() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut text = String::new();
        for _ in 0..60_000 {
            text.clear();
            for _ in 0..1 + rng.below(40) {
                // Mostly small words, as between names in news text.
                let piece = match rng.below(3) {
                    0 => PIECES[rng.below(PIECES.len())],
                    _ => PLAIN[rng.below(PLAIN.len())],
                };
                text.push_str(piece);
                text.push_str(match rng.below(10) {
                    0 => "",
                    1 => "  ",
                    2 => "\u{a0}",
                    3 => ", ",
                    _ => " ",
                });
            }
            runs_agree(&text, Span::new(0, text.len()));
        }
    }

    #[test]
    fn the_splitter_makes_the_tokens_of_the_reference_splitter_on_the_dev_set() {
        let dir = std::env::var_os("QUOTATIVE_SHARED")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| {
                std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
            });
        let path = dir.join("data/polnear/dev.jsonl");
        let Ok(dev) = std::fs::read_to_string(&path) else {
            eprintln!(
                "skipped: {} not found (set QUOTATIVE_SHARED)",
                path.display()
            );
            return;
        };
        for line in dev.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["text"].as_str().unwrap_or_default();
            let mut at = 0;
            for para in text.split('\n') {
                let span = Span::new(at, at + para.len());
                at += para.len() + 1;
                for lookup in MODES {
                    let (new, old) = both(text, span, lookup);
                    assert_eq!(new, old, "{lookup:?} {:?}", &text[span]);
                }
                runs_agree(text, span);
            }
        }
    }
}
