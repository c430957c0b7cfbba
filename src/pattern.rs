//! Attribution patterns: the pluggable lexicon of cues ("said", "according to") and its
//! compiled form, the [`PatternSet`].
//!
//! A [`Pattern`] is one entry of the lexicon: a verb lemma (`say`), a phrase led by one
//! (`point out`) or a fixed phrase (`according to`), with its [`PatternKind`] and
//! [`Modality`]. Speech and belief verbs are inflected when the set is built (`quip` also
//! matches quips, quipped, quipping), from regular English rules and an irregular-verb table
//! that is part of the lexicon data. A [`PatternSet`] compiles every surface form into one
//! trie, scans a text once, and keeps the longest match at each word start that ends on a
//! word boundary. Excluded phrases (`per cent`, `Washington Post`) are matched in the same
//! scan and silence the cue words inside them.
//!
//! # How the scan works
//! The text is read once, left to right. A match can only start where a word starts (or, for
//! a form that starts with punctuation, anywhere), so the scan looks at word starts only: in
//! ASCII text it reads eight bytes at a time, finds the word starts among them at once (a
//! SWAR letter-or-digit test) and maps them for the filter in the same way, and it decodes a
//! non-ASCII character only when a form may start right after it. At a word start, a
//! filter (two Bloom filters, 4 KiB and 16 KiB, so they stay in the L1 cache) rules out most
//! words by their first 4 to 6 bytes; the rest walk the trie of the forms from there until it
//! dies, keeping the longest form that ends on a boundary. The scan then resumes after the
//! match (matches never overlap), and a failed longer phrase never hides a shorter cue. A
//! walk reads at most as many bytes as the longest form, so the scan is linear in the text.
//! Case folding is a byte table in front of the trie, which holds folded forms. The trie is
//! a double array: a step is two reads, and it takes one 12-byte slot per state (90 KiB for
//! the English lexicon), which keeps the walks in cache.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use crate::{Cue, Error, ErrorKind, Modality, PatternId, Span};

/// The longest pattern words, explicit form or excluded phrase accepted, in bytes. (Forms
/// derived by inflection may be a few bytes longer than their words.)
pub const MAX_PATTERN_LEN: usize = 100;

/// The version of the built-in English lexicon (`src/lexicon/en/*.tsv`); it changes with
/// every lexicon change.
///
/// ```
/// assert_eq!(quotative::LEXICON_VERSION, "1.3.0");
/// ```
pub const LEXICON_VERSION: &str = "1.3.0";

/// What an attribution pattern signals, and so where its speaker and content are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PatternKind {
    /// A speech or writing verb: say, state, write, tell, add, warn, tweet; also phrases led
    /// by one (`point out`, `go on to say`, `expressed hope`).
    Speech,
    /// A source preposition that puts the speaker after it: `according to`, `per`.
    Source,
    /// An as-clause or passive: `as noted by`, `as … put it`, `quoted as saying`.
    AsClause,
    /// A noun or medium cue: `in a statement`, `in an interview`, `told reporters`. Some are
    /// led by a speech verb (`told reporters`, `said in a statement`, `wrote on Telegram`);
    /// [`PatternSet::speech_verb`] gives that verb's pattern.
    Medium,
    /// A belief or intention verb: believe, think, expect, hope, fear. Off by default.
    Belief,
    /// A topic or stance verb: the speaker talks about a topic or takes a position on a
    /// proposal, with no proposition reported (`discussed trade`, `referred to the report`,
    /// `rejected the offer`, `defended the plan`, `expressed support for`). Broad attribution
    /// corpora annotate these; off by default.
    Stance,
}

impl PatternKind {
    /// Every kind, in order.
    pub const ALL: [Self; 6] = [
        Self::Speech,
        Self::Source,
        Self::AsClause,
        Self::Medium,
        Self::Belief,
        Self::Stance,
    ];

    /// The kind's name as used in JSON and lexicon files (`speech`, `as_clause`, …).
    ///
    /// ```
    /// assert_eq!(quotative::PatternKind::AsClause.as_str(), "as_clause");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Speech => "speech",
            Self::Source => "source",
            Self::AsClause => "as_clause",
            Self::Medium => "medium",
            Self::Belief => "belief",
            Self::Stance => "stance",
        }
    }

    /// Parses a kind's name, as written by [`as_str`](Self::as_str).
    ///
    /// ```
    /// use quotative::PatternKind;
    /// assert_eq!(PatternKind::parse("belief"), Some(PatternKind::Belief));
    /// assert_eq!(PatternKind::parse("nope"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The modality a pattern of this kind has unless it says otherwise:
    /// [`Modality::Belief`] for belief verbs, [`Modality::Assertion`] for the rest.
    ///
    /// ```
    /// use quotative::{Modality, PatternKind};
    /// assert_eq!(PatternKind::Speech.default_modality(), Modality::Assertion);
    /// assert_eq!(PatternKind::Belief.default_modality(), Modality::Belief);
    /// ```
    pub const fn default_modality(self) -> Modality {
        match self {
            Self::Belief => Modality::Belief,
            _ => Modality::Assertion,
        }
    }

    /// Whether patterns of this kind are verbs whose first word is inflected.
    const fn inflects(self) -> bool {
        matches!(self, Self::Speech | Self::Belief | Self::Stance)
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Every modality, for parsing lexicon files.
const MODALITIES: [Modality; 10] = [
    Modality::Assertion,
    Modality::Question,
    Modality::Denial,
    Modality::Warning,
    Modality::Hope,
    Modality::Prediction,
    Modality::Promise,
    Modality::Accusation,
    Modality::Admission,
    Modality::Belief,
];

fn parse_modality(name: &str) -> Option<Modality> {
    MODALITIES.into_iter().find(|m| m.as_str() == name)
}

/// One entry of the attribution lexicon: its words, its kind, its modality and its surface
/// forms.
///
/// Speech and belief patterns are verbs: the first word of their words is inflected when the
/// set is built (`quip` → quips, quipped, quipping; `point out` → points out, pointed out,
/// pointing out; `go on to say` → went on to say), from regular rules and an irregular-verb
/// table. Other kinds match their words as written. Explicit forms are matched in addition.
///
/// ```
/// use quotative::{Modality, Pattern, PatternKind};
///
/// let p = Pattern::new("quip", PatternKind::Speech);
/// assert_eq!(p.words(), "quip");
/// assert_eq!(p.surface_forms(), ["quip", "quips", "quipped", "quipping"]);
/// assert_eq!(p.modality(), Modality::Assertion);
///
/// let p = Pattern::with_forms("according to", PatternKind::Source, ["according to a report"]);
/// assert_eq!(p.surface_forms(), ["according to", "according to a report"]);
///
/// let p = Pattern::new("warn", PatternKind::Speech).with_modality(Modality::Warning);
/// assert_eq!(p.modality(), Modality::Warning);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Pattern {
    words: String,
    kind: PatternKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    forms: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    modality: Option<Modality>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    inflect: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    evaluative: bool,
}

impl Pattern {
    /// A pattern whose forms are derived from its words when the set is built (the first
    /// word of a speech or belief pattern is inflected).
    pub fn new(words: impl Into<String>, kind: PatternKind) -> Self {
        Self {
            words: words.into(),
            kind,
            forms: Vec::new(),
            modality: None,
            inflect: true,
            evaluative: false,
        }
    }

    /// A pattern with explicit surface forms, matched in addition to its words and derived
    /// forms.
    pub fn with_forms<I, S>(words: impl Into<String>, kind: PatternKind, forms: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            forms: forms.into_iter().map(Into::into).collect(),
            ..Self::new(words, kind)
        }
    }

    /// The same pattern with this modality (the kind of speech act its cues make).
    pub fn with_modality(mut self, modality: Modality) -> Self {
        self.modality = (modality != self.kind.default_modality()).then_some(modality);
        self
    }

    /// The same pattern, inflected (the default) or not. Without inflection a speech or
    /// belief pattern matches only its words and explicit forms, like the other kinds.
    ///
    /// ```
    /// use quotative::{Pattern, PatternKind};
    /// let p = Pattern::with_forms("cited", PatternKind::Speech, ["cites"]).with_inflection(false);
    /// assert_eq!(p.surface_forms(), ["cited", "cites"]);
    /// ```
    pub fn with_inflection(mut self, yes: bool) -> Self {
        self.inflect = yes;
        self
    }

    /// The same pattern, marked evaluative or not (the default). An evaluative verb (praise,
    /// criticize, boast, mock) is aimed at a target: with a bare noun-phrase object
    /// (`criticized the mayor at a rally`) it reports no proposition, so it attributes
    /// content only with a clause (`that …`, a quotation, a reason after `for`, `of` or `as`,
    /// or the sentence before `…, she boasted`), unless [`PatternKind::Stance`] patterns are
    /// switched on, which report positions taken on a target.
    ///
    /// ```
    /// use quotative::{Pattern, PatternKind};
    /// let p = Pattern::new("laud", PatternKind::Speech).with_evaluative(true);
    /// assert!(p.is_evaluative());
    /// ```
    pub fn with_evaluative(mut self, yes: bool) -> Self {
        self.evaluative = yes;
        self
    }

    /// Whether it is evaluative (see [`with_evaluative`](Self::with_evaluative)).
    pub fn is_evaluative(&self) -> bool {
        self.evaluative
    }

    /// The pattern's words: a lemma (`say`) or a phrase (`according to`).
    pub fn words(&self) -> &str {
        &self.words
    }

    /// Its kind.
    pub fn kind(&self) -> PatternKind {
        self.kind
    }

    /// The kind of speech act its cues make: the one given with
    /// [`with_modality`](Self::with_modality), or its kind's
    /// [default](PatternKind::default_modality).
    pub fn modality(&self) -> Modality {
        self.modality
            .unwrap_or_else(|| self.kind.default_modality())
    }

    /// The explicit surface forms it was given (not the derived ones).
    pub fn forms(&self) -> &[String] {
        &self.forms
    }

    /// Whether forms are derived from its words: true for speech and belief patterns unless
    /// switched off with [`with_inflection`](Self::with_inflection).
    pub fn is_inflected(&self) -> bool {
        self.inflect && self.kind.inflects()
    }

    /// Every surface form it matches, in order: its words, the derived forms, then the
    /// explicit ones, with runs of whitespace made single spaces and repeats left out.
    pub fn surface_forms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |f: String| {
            if !f.is_empty() && !out.contains(&f) {
                out.push(f);
            }
        };
        let words = normalize(&self.words);
        if self.is_inflected() && !words.is_empty() {
            push(words.clone());
            for f in inflect(&words) {
                push(f);
            }
        } else {
            push(words);
        }
        for f in &self.forms {
            push(normalize(f));
        }
        out
    }
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Builds a [`PatternSet`].
///
/// Quick advice: start from [`PatternSetBuilder::english`] (or
/// [`PatternSet::to_builder`]) to extend or trim the built-in lexicon, or from
/// [`PatternSet::builder`] for a set of your own. Patterns and excluded phrases are checked
/// and compiled by [`build`](Self::build).
///
/// ```
/// use quotative::{Pattern, PatternKind, PatternSet};
///
/// let set = PatternSet::builder()
///     .add(Pattern::new("quip", PatternKind::Speech))
///     .build()
///     .unwrap();
/// let text = "It is late, she quipped.";
/// assert_eq!(&text[set.scan(text)[0].span], "quipped");
/// ```
#[derive(Debug, Clone)]
pub struct PatternSetBuilder {
    patterns: Vec<Pattern>,
    exclusions: Vec<String>,
    disabled: u8,
    case_insensitive: bool,
}

impl Default for PatternSetBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl PatternSetBuilder {
    /// An empty builder: no patterns, belief and stance patterns off, case-insensitive matching.
    pub fn new() -> Self {
        Self {
            patterns: Vec::new(),
            exclusions: Vec::new(),
            disabled: PatternKind::Belief.bit() | PatternKind::Stance.bit(),
            case_insensitive: true,
        }
    }

    /// A builder holding the built-in English lexicon (patterns and excluded phrases),
    /// belief patterns off.
    pub fn english() -> Self {
        let (patterns, exclusions) = english_lexicon();
        let mut b = Self::new();
        b.patterns = patterns.clone();
        b.exclusions = exclusions.clone();
        b
    }

    /// Adds a pattern. Adding one with the same words as a pattern already there merges the
    /// two when they are the same (same kind, modality and surface forms); otherwise
    /// [`build`](Self::build) fails with [`ErrorKind::ConflictingPattern`]: to change a
    /// pattern, [`remove`](Self::remove) it first.
    pub fn add(&mut self, pattern: Pattern) -> &mut Self {
        self.patterns.push(pattern);
        self
    }

    /// Adds several patterns.
    pub fn extend<I: IntoIterator<Item = Pattern>>(&mut self, patterns: I) -> &mut Self {
        self.patterns.extend(patterns);
        self
    }

    /// Adds the patterns and excluded phrases of a lexicon file in the format of the
    /// built-in one: tab-separated `words`, `kind`, then optionally comma-separated extra
    /// `forms`, a `modality` and the flag `exact` (no derived forms); the kind `exclude`
    /// marks an excluded phrase. Blank lines and lines starting with `#` are skipped.
    ///
    /// ```
    /// use quotative::PatternSet;
    ///
    /// let set = PatternSet::builder()
    ///     .extend_tsv("# ours\nquip\tspeech\nwarn\tspeech\t\twarning\nper cent\texclude\n")?
    ///     .build()?;
    /// assert_eq!(set.patterns().len(), 2);
    /// # Ok::<(), quotative::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Lexicon`] with the line number for a missing or unknown kind, an unknown
    /// modality or flag, or too many columns. Nothing is added then.
    pub fn extend_tsv(&mut self, tsv: &str) -> Result<&mut Self, Error> {
        let (patterns, exclusions) = parse_tsv(tsv)?;
        self.patterns.extend(patterns);
        self.exclusions.extend(exclusions);
        Ok(self)
    }

    /// Removes every pattern whose words are `words`, or one of whose surface forms is
    /// `words` (so `remove("noted")` removes `note`), compared ignoring ASCII case and runs
    /// of whitespace. Removing a pattern that is not there does nothing.
    pub fn remove(&mut self, words: &str) -> &mut Self {
        let target = normalize(words);
        if target.is_empty() {
            return self;
        }
        // A pattern's words are its first surface form.
        self.patterns.retain(|p| {
            !p.surface_forms()
                .iter()
                .any(|f| f.eq_ignore_ascii_case(&target))
        });
        self
    }

    /// Adds an excluded phrase: never a cue itself, and the cue words inside it do not fire
    /// (`per cent` silences `per`; `so-called` silences `called`). An excluded phrase equal
    /// to a pattern's form removes just that form.
    ///
    /// ```
    /// use quotative::PatternSet;
    ///
    /// let text = "Taxes rose 2 per year, per the report.";
    /// let set = PatternSet::english().to_builder().exclude("per year").build()?;
    /// let cues: Vec<_> = set.scan(text).iter().map(|c| &text[c.span]).collect();
    /// assert_eq!(cues, ["per"]); // the second one
    /// # Ok::<(), quotative::Error>(())
    /// ```
    pub fn exclude(&mut self, phrase: impl Into<String>) -> &mut Self {
        self.exclusions.push(phrase.into());
        self
    }

    /// Removes an excluded phrase (compared ignoring ASCII case and runs of whitespace).
    /// Removing one that is not there does nothing.
    pub fn remove_exclusion(&mut self, phrase: &str) -> &mut Self {
        let target = normalize(phrase);
        self.exclusions
            .retain(|e| !normalize(e).eq_ignore_ascii_case(&target));
        self
    }

    /// Switches all patterns of one kind on or off. Belief and stance patterns are off by
    /// default.
    pub fn kind(&mut self, kind: PatternKind, enabled: bool) -> &mut Self {
        if enabled {
            self.disabled &= !kind.bit();
        } else {
            self.disabled |= kind.bit();
        }
        self
    }

    /// Whether `SAID` and `Said` match `said` (ASCII case folding). On by default. Off, forms
    /// match exactly as written (and `Said` at the start of a sentence needs its own form).
    pub fn case_insensitive(&mut self, yes: bool) -> &mut Self {
        self.case_insensitive = yes;
        self
    }

    /// The patterns added so far, as given.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// The excluded phrases added so far, as given.
    pub fn exclusions(&self) -> &[String] {
        &self.exclusions
    }

    /// Compiles the patterns into one trie.
    ///
    /// Patterns are checked whether their kind is on or not, so switching a kind on never
    /// makes a valid set fail.
    ///
    /// # Errors
    /// - [`ErrorKind::EmptyPattern`]: a pattern with no words (or an empty excluded phrase);
    /// - [`ErrorKind::NoLetters`]: words, a form or an excluded phrase without a letter;
    /// - [`ErrorKind::PatternTooLong`]: one over [`MAX_PATTERN_LEN`] bytes;
    /// - [`ErrorKind::ConflictingPattern`]: the same words given twice with different kinds,
    ///   modalities or forms (exact repeats are merged);
    /// - [`ErrorKind::ConflictingForm`]: one surface form in two patterns of different kinds
    ///   or modalities (between patterns that agree, the first keeps it);
    /// - [`ErrorKind::Automaton`]: a set too large to compile.
    pub fn build(&self) -> Result<PatternSet, Error> {
        compile(
            self.patterns.clone(),
            self.exclusions.clone(),
            self.disabled,
            self.case_insensitive,
        )
    }
}

/// A compiled, immutable set of attribution patterns; cheap to clone.
///
/// [`scan`](Self::scan) finds every cue in one pass over the text: at each place the longest
/// form wins, and a match counts only on word boundaries (no letter, digit or combining mark just
/// before or after a form that starts or ends with one). An apostrophe is a boundary:
/// `said's` has the cue `said`; a hyphen too: `U.S.-said`.
///
/// ```
/// use quotative::{PatternKind, PatternSet};
///
/// let text = "According to Interfax, Peskov said so.";
/// let cues = PatternSet::english().scan(text);
/// let found: Vec<_> = cues.iter().map(|c| (&text[c.span], c.kind)).collect();
/// assert_eq!(found, [("According to", PatternKind::Source), ("said", PatternKind::Speech)]);
/// ```
#[derive(Clone)]
pub struct PatternSet {
    inner: Arc<Compiled>,
}

struct Compiled {
    patterns: Vec<Pattern>,
    exclusions: Vec<String>,
    disabled: u8,
    case_insensitive: bool,
    /// The trie of every enabled (folded) form and excluded phrase.
    trie: Trie,
    /// For each byte, whether some form starts with it.
    first: [bool; 256],
    /// Whether every form starts with an ASCII letter or digit or a non-ASCII character, so
    /// that in ASCII text matches start only where words do.
    word_starts_only: bool,
    /// Where a form may start, to pass over most words without walking the trie.
    filter: Filter,
    /// For each form in the trie (a surface form or excluded phrase), what it stands for.
    targets: Vec<Target>,
    /// Every pattern's surface forms, pattern after pattern.
    forms: Vec<String>,
    /// For each pattern, its forms' range in `forms`.
    form_ranges: Vec<(u32, u32)>,
    /// For each pattern, the speech pattern of the verb that leads it.
    speech_verbs: Vec<Option<PatternId>>,
}

/// What one form in the trie stands for.
#[derive(Debug, Clone, Copy)]
struct Target {
    /// The pattern, or [`EXCLUDED`].
    owner: u32,
    kind: PatternKind,
    /// Whether the form ends with a word character (so needs a boundary after it).
    word_end: bool,
}

const EXCLUDED: u32 = u32::MAX;

/// The size of the [`Filter`]'s set of keys, as a power of two (16 KiB: it stays in the L1
/// cache).
const KEY_BITS: u32 = 17;

/// The size of the [`Filter`]'s set of heads, as a power of two (4 KiB).
const HEAD_BITS: u32 = 15;

/// A prefilter for the places where a form may start, so that most words are passed over
/// without walking the trie. It has no false negatives.
///
/// The filter reads the text through a lossy byte map: ASCII letters lower-cased (in every
/// set: a case-sensitive one only lets more through), digits kept, every other byte `_`
/// (and `_` past the end of the text). A form's key is its first 6 bytes mapped (or first 4
/// when it is shorter), where a form that ends with a word character is followed by one `_`
/// (the boundary it needs). A form that matches on word boundaries at some place has the
/// key the text has there, since the map sends every byte that can follow a word-final form
/// to `_`.
///
/// Two Bloom filters hold the forms: a small one of their heads (the first 4 bytes of their
/// keys), which turns most words away after one bit is read, and a larger one of their keys,
/// for the words that pass it. Forms too short for a head are entered into the heads with
/// every byte the map gives in the missing places, and are walked for wherever their first
/// byte appears.
struct Filter {
    /// The byte map, for text that is not read eight bytes at a time.
    map: [u8; 256],
    /// For each mapped byte, whether a form too short for a key starts with it.
    short: [bool; 256],
    /// The heads of the keys.
    heads: Box<[u64; 1 << (HEAD_BITS - 6)]>,
    /// The keys.
    keys: Box<[u64; 1 << (KEY_BITS - 6)]>,
}

impl Filter {
    fn new() -> Self {
        let mut map = [b'_'; 256];
        for (b, slot) in (0..=255u8).zip(map.iter_mut()) {
            if b.is_ascii_alphanumeric() {
                *slot = b.to_ascii_lowercase();
            }
        }
        Self {
            map,
            short: [false; 256],
            heads: Box::new([0; 1 << (HEAD_BITS - 6)]),
            keys: Box::new([0; 1 << (KEY_BITS - 6)]),
        }
    }

    /// Adds a (case-folded) form.
    fn insert(&mut self, form: &[u8], word_end: bool) {
        let mut key: Vec<u8> = form.iter().map(|&b| self.map[usize::from(b)]).collect();
        if word_end {
            key.push(b'_');
        }
        if key.len() < 4 {
            // (A form has a letter, so its key is not empty.)
            let first = key.first().copied().unwrap_or(b'_');
            self.short[usize::from(first)] = true;
            // Every head it may have: its key followed by any bytes the map gives.
            let mut values: Vec<u8> = self.map.to_vec();
            values.sort_unstable();
            values.dedup();
            // (Packed as `pack` packs them: byte `i` of a head in bits `8 * i`.)
            let mut heads = vec![pack(&key) as u32];
            for i in key.len()..4 {
                heads = heads
                    .iter()
                    .flat_map(|&h| values.iter().map(move |&v| h | u32::from(v) << (8 * i)))
                    .collect();
            }
            for h in heads {
                set(&mut self.heads[..], head_bit(h));
            }
            return;
        }
        let bit = if key.len() < 6 {
            key_bit(pack(&key[..4]), 4)
        } else {
            key_bit(pack(&key[..6]), 6)
        };
        set(&mut self.keys[..], bit);
        set(&mut self.heads[..], head_bit(pack(&key[..4]) as u32));
    }

    /// The text's 8 bytes from `at` (which is in the text), mapped, as read by
    /// [`may_start`](Self::may_start).
    fn key_at(&self, bytes: &[u8], at: usize) -> u64 {
        (0..8).rev().fold(0, |k, j| {
            let b = bytes
                .get(at + j)
                .map_or(b'_', |&b| self.map[usize::from(b)]);
            (k << 8) | u64::from(b)
        })
    }

    /// Whether a form may start where the text's 8 bytes are `key`, mapped (the first in
    /// the lowest byte).
    #[inline(always)]
    fn may_start(&self, key: u64) -> bool {
        self.head_bit(key) != 0 && self.key_passes(key)
    }

    /// Whether the head of `key` is in the set of heads, as 1 or 0 (the first test of
    /// [`may_start`](Self::may_start), which most places fail).
    #[inline(always)]
    fn head_bit(&self, key: u64) -> u64 {
        bit_of(&self.heads[..], head_bit(key as u32))
    }

    /// The rest of [`may_start`](Self::may_start), for a `key` whose head passed.
    #[inline(always)]
    fn key_passes(&self, key: u64) -> bool {
        self.short[usize::from(key as u8)]
            || has(&self.keys[..], key_bit(key & 0xFFFF_FFFF_FFFF, 6))
            || has(&self.keys[..], key_bit(key & 0xFFFF_FFFF, 4))
    }
}

/// The eight bytes of `x` as the [`Filter`] reads them, given `word`, the high bit of each
/// byte that is an ASCII letter or digit.
#[inline(always)]
fn filter_map(x: u64, word: u64) -> u64 {
    // Every bit of each word byte.
    let full = (word >> 7).wrapping_mul(0xFF);
    ((x | u64::from_le_bytes([0x20; 8])) & full) | (u64::from_le_bytes([b'_'; 8]) & !full)
}

/// Sets a bit of a bit set.
fn set(bits: &mut [u64], bit: usize) {
    bits[bit / 64] |= 1 << (bit % 64);
}

/// Whether a bit of a bit set is set.
#[inline(always)]
fn has(bits: &[u64], bit: usize) -> bool {
    bits.get(bit / 64)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

/// A bit of a bit set, as 1 or 0.
#[inline(always)]
fn bit_of(bits: &[u64], bit: usize) -> u64 {
    bits.get(bit / 64).map_or(0, |w| (w >> (bit % 64)) & 1)
}

/// Bytes packed into a `u64`, the first in the lowest byte.
fn pack(bytes: &[u8]) -> u64 {
    bytes.iter().rev().fold(0, |k, &b| (k << 8) | u64::from(b))
}

/// The bit of a key of `len` bytes.
#[inline(always)]
fn key_bit(key: u64, len: u64) -> usize {
    let h = (key ^ (len << 56)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - KEY_BITS)) as usize
}

/// The bit of a head.
#[inline(always)]
fn head_bit(head: u32) -> usize {
    (head.wrapping_mul(0x9E37_79B1) >> (32 - HEAD_BITS)) as usize
}

impl PatternSet {
    /// The built-in English lexicon (belief patterns off), compiled once.
    pub fn english() -> Self {
        static ENGLISH: Lazy<PatternSet> = Lazy::new(|| {
            PatternSetBuilder::english()
                .build()
                .expect("the built-in lexicon is valid (tested)")
        });
        ENGLISH.clone()
    }

    /// A builder for a set of your own.
    pub fn builder() -> PatternSetBuilder {
        PatternSetBuilder::new()
    }

    /// A builder holding this set's patterns, excluded phrases and options, to change and
    /// rebuild.
    ///
    /// ```
    /// use quotative::{PatternKind, PatternSet};
    ///
    /// let set = PatternSet::english().to_builder().kind(PatternKind::Belief, true).build()?;
    /// let text = "She believes it.";
    /// assert_eq!(set.scan(text)[0].kind, PatternKind::Belief);
    /// # Ok::<(), quotative::Error>(())
    /// ```
    pub fn to_builder(&self) -> PatternSetBuilder {
        PatternSetBuilder {
            patterns: self.inner.patterns.clone(),
            exclusions: self.inner.exclusions.clone(),
            disabled: self.inner.disabled,
            case_insensitive: self.inner.case_insensitive,
        }
    }

    /// All patterns, enabled or not, in id order (normalized: whitespace runs made single
    /// spaces, repeats merged).
    pub fn patterns(&self) -> &[Pattern] {
        &self.inner.patterns
    }

    /// The pattern with this id.
    pub fn pattern(&self, id: PatternId) -> Option<&Pattern> {
        self.inner.patterns.get(id.index())
    }

    /// Every surface form of the pattern with this id (nothing for an unknown id): its words,
    /// derived and explicit forms, as in [`Pattern::surface_forms`].
    ///
    /// ```
    /// use quotative::PatternSet;
    ///
    /// let set = PatternSet::english();
    /// let text = "He told them.";
    /// let id = set.scan(text)[0].pattern;
    /// let forms: Vec<&str> = set.surface_forms(id).collect();
    /// assert_eq!(forms, ["tell", "tells", "told", "telling"]);
    /// ```
    pub fn surface_forms(&self, id: PatternId) -> impl Iterator<Item = &str> + '_ {
        let (start, end) = self
            .inner
            .form_ranges
            .get(id.index())
            .copied()
            .unwrap_or((0, 0));
        self.inner.forms[start as usize..end as usize]
            .iter()
            .map(String::as_str)
    }

    /// For a pattern led by a speech verb, that verb's pattern: `tell` for `told reporters`,
    /// `say` for `said in a statement`; a speech pattern is its own. `None` for the others
    /// (`according to`, `in a statement`) and for an unknown id.
    ///
    /// ```
    /// use quotative::PatternSet;
    ///
    /// let set = PatternSet::english();
    /// let text = "Lee told reporters so.";
    /// let cue = set.scan(text)[0];
    /// assert_eq!(&text[cue.span], "told reporters");
    /// let verb = set.speech_verb(cue.pattern).unwrap();
    /// assert_eq!(set.pattern(verb).unwrap().words(), "tell");
    /// ```
    pub fn speech_verb(&self, id: PatternId) -> Option<PatternId> {
        self.inner.speech_verbs.get(id.index()).copied().flatten()
    }

    /// The excluded phrases (normalized).
    pub fn exclusions(&self) -> &[String] {
        &self.inner.exclusions
    }

    /// Whether patterns of this kind are matched.
    pub fn is_enabled(&self, kind: PatternKind) -> bool {
        self.inner.disabled & kind.bit() == 0
    }

    /// Whether matching ignores ASCII case.
    pub fn is_case_insensitive(&self) -> bool {
        self.inner.case_insensitive
    }

    /// Finds every cue in `text`: one scan, leftmost-longest, whole words only.
    pub fn scan(&self, text: &str) -> Vec<Cue> {
        // About one cue per 256 bytes of news text: most texts then need no growing.
        let mut out = Vec::with_capacity(text.len() / 256);
        self.scan_into(text, &mut out);
        out
    }

    /// Like [`scan`](Self::scan), appending to `out` (no other allocation).
    pub fn scan_into(&self, text: &str, out: &mut Vec<Cue>) {
        let c = &*self.inner;
        let bytes = text.as_bytes();
        let mut at = 0;
        // What the character before `at` is. Non-ASCII characters are decoded only when a
        // form may start right after them.
        let mut before = Before::Boundary;
        while at < bytes.len() {
            if c.word_starts_only {
                if let Some((target, start, end)) = c.scan_ascii(text, &mut at, &mut before) {
                    c.push(out, target, start, end);
                    before = Before::of(bytes, end);
                    at = end;
                    continue;
                }
            }
            // One character at a time (where eight ASCII bytes do not follow).
            let Some(&b) = bytes.get(at) else { break };
            let word = if b.is_ascii() {
                let word = ASCII_WORD[usize::from(b)];
                if word && before == Before::Word {
                    // Inside a word, where no match can start: skip to its end.
                    at += 1;
                    while bytes.get(at).is_some_and(|&b| ASCII_WORD[usize::from(b)]) {
                        at += 1;
                    }
                    continue;
                }
                word
            } else if c.first[usize::from(b)] {
                word_char_at(text, at)
            } else {
                // No form starts with this character: step over it.
                before = Before::Unknown;
                at += utf8_len(b);
                continue;
            };
            // A match can start here when some form starts with this byte and, for a word
            // character, when a word starts here.
            if c.first[usize::from(b)] && (!word || !before.is_word(text, at)) {
                if let Some((target, end)) = c.match_at_start(text, at) {
                    c.push(out, target, at, end);
                    before = Before::of(bytes, end);
                    at = end;
                    continue;
                }
            }
            before = if word { Before::Word } else { Before::Boundary };
            at += if b.is_ascii() { 1 } else { utf8_len(b) };
        }
    }
}

/// The first eight bytes of `chunk` (which has at least eight), the first in the lowest byte.
#[inline(always)]
fn load(chunk: &[u8]) -> u64 {
    let mut eight = [0; 8];
    eight.copy_from_slice(&chunk[..8]);
    u64::from_le_bytes(eight)
}

/// The high bit of every byte of a `u64`.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes, the high bit of each one that is a letter or digit.
#[inline]
pub(crate) fn ascii_word_bytes(x: u64) -> u64 {
    const fn each(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    // Each byte is below 0x80, so adding at most 0x7F never carries into the next byte:
    // `x + (0x80 - lo)` has its high bit set exactly when the byte is at least `lo`.
    let at_least = |v: u64, lo: u8| v.wrapping_add(each(0x80 - lo)) & HIGH_BITS;
    let lower = x | each(0x20);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    letter | digit
}

/// The forms (case-folded) as a trie, stored in a double array: each state is a slot, and
/// the child of a state by a byte is the slot at the state's `base` plus the byte's class,
/// when that slot's `check` names the state. A step is then two reads, whatever the number
/// of children. Walks go from the root only (a match starts where the walk does), so the
/// trie needs no failure links.
struct Trie {
    /// For each text byte, its class: 0 for a byte in no form, else 1 + the byte's rank
    /// (after case folding) among the bytes found in forms. (Forms are UTF-8, which never
    /// uses 13 of the 256 byte values, so the classes fit a byte.)
    class: [u8; 256],
    slots: Vec<Slot>,
}

/// One state of the [`Trie`], or a free slot.
#[derive(Clone, Copy)]
struct Slot {
    /// Where its children are: the child by class `c` is at `base + c`.
    base: u32,
    /// The state whose child this slot is ([`Trie::FREE`] for a free slot).
    check: u32,
    /// The form that ends here, as an index into the targets ([`Trie::NONE`] if none).
    form: u32,
}

impl Trie {
    /// The root's slot.
    const ROOT: u32 = 0;
    /// The `check` of a free slot (and of the root, which is no one's child).
    const FREE: u32 = u32::MAX;
    /// The `form` of a slot where no form ends.
    const NONE: u32 = u32::MAX;

    /// The trie of the (case-folded) forms, `fold` being the case folding of text bytes.
    /// Where two forms are the same, the first one is kept.
    ///
    /// # Errors
    /// [`ErrorKind::Automaton`] when the trie would need more than `u32::MAX - 1` slots.
    fn new(forms: &[Vec<u8>], fold: &[u8; 256]) -> Result<Self, Error> {
        // The classes of the bytes found in forms, in byte order.
        let mut used = [false; 256];
        for &b in forms.iter().flatten() {
            used[usize::from(b)] = true;
        }
        let mut rank = [0u8; 256];
        let mut n = 0u8;
        for (r, &u) in rank.iter_mut().zip(&used) {
            if u {
                n = n.saturating_add(1);
                *r = n;
            }
        }
        let mut class = [0u8; 256];
        for (c, &f) in class.iter_mut().zip(fold) {
            *c = rank[usize::from(f)];
        }

        // A plain trie first: children by class, in class order.
        struct Node {
            children: Vec<(u8, usize)>,
            form: u32,
        }
        let mut nodes = vec![Node {
            children: Vec::new(),
            form: Self::NONE,
        }];
        for (i, form) in forms.iter().enumerate() {
            let mut node = 0;
            for &b in form {
                let c = rank[usize::from(b)];
                node = match nodes[node].children.binary_search_by_key(&c, |&(c, _)| c) {
                    Ok(k) => nodes[node].children[k].1,
                    Err(k) => {
                        nodes.push(Node {
                            children: Vec::new(),
                            form: Self::NONE,
                        });
                        let child = nodes.len() - 1;
                        nodes[node].children.insert(k, (c, child));
                        child
                    }
                };
            }
            if nodes[node].form == Self::NONE {
                nodes[node].form = index_u32(i);
            }
        }

        // Then each node's children placed at the first base where their slots are free,
        // breadth first from the root. The search starts at the first free slot, but never
        // more than `WINDOW` slots before the end of the array: a fragmented array could
        // otherwise make every search pass over most of it (quadratic in the forms), where
        // now a search tries at most `WINDOW` + 256 bases. (The few free slots left behind
        // stay unused.)
        const WINDOW: usize = 1024;
        let free = Slot {
            base: 0,
            check: Self::FREE,
            form: Self::NONE,
        };
        let mut slots = vec![free];
        let mut slot_of = vec![0usize; nodes.len()];
        // Every slot before this one is taken or left unused.
        let mut first_free = 1usize;
        let mut queue = std::collections::VecDeque::from([0usize]);
        let too_large = || Error::from(ErrorKind::Automaton);
        while let Some(node) = queue.pop_front() {
            let children = &nodes[node].children;
            let here = slot_of[node];
            slots[here].form = nodes[node].form;
            let Some(&(lowest, _)) = children.first() else {
                continue;
            };
            first_free = first_free.max(slots.len().saturating_sub(WINDOW));
            let mut base = first_free.saturating_sub(usize::from(lowest));
            loop {
                let fits = children.iter().all(|&(c, _)| {
                    let at = base + usize::from(c);
                    slots.get(at).map_or(true, |s| s.check == Self::FREE)
                });
                if fits {
                    break;
                }
                base += 1;
            }
            let last = base + usize::from(children[children.len() - 1].0);
            if last >= slots.len() {
                slots.resize(last + 1, free);
            }
            let here_u32 = u32::try_from(here).map_err(|_| too_large())?;
            slots[here].base = u32::try_from(base).map_err(|_| too_large())?;
            for &(c, child) in children {
                let at = base + usize::from(c);
                slots[at].check = here_u32;
                slot_of[child] = at;
                queue.push_back(child);
            }
            while slots.get(first_free).is_some_and(|s| s.check != Self::FREE) {
                first_free += 1;
            }
        }
        if slots.len() >= Self::FREE as usize {
            return Err(too_large());
        }
        Ok(Self { class, slots })
    }

    /// The root state.
    #[inline(always)]
    fn root(&self) -> State {
        State {
            slot: Self::ROOT,
            base: self.slots.first().map_or(0, |s| s.base),
            form: None,
        }
    }

    /// The child of `state` by text byte `b`, if any.
    #[inline(always)]
    fn child(&self, state: State, b: u8) -> Option<State> {
        let at = state
            .base
            .wrapping_add(u32::from(self.class[usize::from(b)]));
        match self.slots.get(at as usize) {
            Some(slot) if slot.check == state.slot => Some(State {
                slot: at,
                base: slot.base,
                form: (slot.form != Self::NONE).then_some(slot.form),
            }),
            _ => None,
        }
    }
}

/// A state of the [`Trie`] as a walk holds it: its slot, with the slot's base and form.
#[derive(Clone, Copy)]
struct State {
    slot: u32,
    base: u32,
    form: Option<u32>,
}

/// Where the scan is in ASCII text read eight bytes at a time: at eight ASCII bytes, with
/// the eight after them read ahead.
#[derive(Clone, Copy)]
struct Chunks {
    /// Where the eight bytes start.
    at: usize,
    /// The high bit of each of them that is a letter or digit.
    word: u64,
    /// The eight bytes as the filter reads them.
    mapped: u64,
    /// The high bit of the byte before `at`, when it is a letter or digit.
    prev: u64,
    /// Like `word` and `mapped`, for the eight bytes after them.
    next_word: u64,
    next_mapped: u64,
    /// Whether the eight bytes after them are all ASCII.
    next_ascii: bool,
}

impl Chunks {
    /// At `at`, whose eight bytes are `x` (all ASCII).
    #[inline(always)]
    fn new(at: usize, x: u64, prev: u64) -> Self {
        let word = ascii_word_bytes(x);
        Self {
            at,
            word,
            mapped: filter_map(x, word),
            prev,
            next_word: 0,
            next_mapped: 0,
            next_ascii: false,
        }
    }

    /// Reads ahead the eight bytes after these, `next`.
    #[inline(always)]
    fn look_ahead(&mut self, next: u64) {
        let high = next & HIGH_BITS;
        self.next_word = ascii_word_bytes(next & !high) & !high;
        self.next_mapped = filter_map(next, self.next_word);
        self.next_ascii = high == 0;
    }

    /// Moves on to the eight bytes read ahead, if they are all ASCII; moves past these
    /// eight in any case.
    #[inline(always)]
    fn advance(&mut self) -> bool {
        self.prev = (self.word >> 56) & 0x80;
        self.at += 8;
        self.word = self.next_word;
        self.mapped = self.next_mapped;
        self.next_ascii
    }
}

/// What the character before a place in the text is, while scanning.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    /// Nothing, or a character that is not part of a word.
    Boundary,
    /// A word character.
    Word,
    /// A non-ASCII character not decoded yet.
    Unknown,
}

impl Before {
    /// The character before byte `at`, known only when it is ASCII.
    fn of(bytes: &[u8], at: usize) -> Self {
        match at.checked_sub(1).map(|i| bytes[i]) {
            None => Self::Boundary,
            Some(b) if b.is_ascii() && ASCII_WORD[usize::from(b)] => Self::Word,
            Some(b) if b.is_ascii() => Self::Boundary,
            Some(_) => Self::Unknown,
        }
    }

    #[inline]
    fn is_word(self, text: &str, at: usize) -> bool {
        match self {
            Self::Boundary => false,
            Self::Word => true,
            Self::Unknown => word_char_before(text, at),
        }
    }
}

/// The length of the UTF-8 character starting with byte `b` (1 for a stray byte).
#[inline]
pub(crate) fn utf8_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

impl Compiled {
    /// Scans ASCII text from `at` eight bytes at a time, finding the word starts among them
    /// at once, while the eight bytes are ASCII and eight more follow them. Stops at the first
    /// match (returned as target, start and end), or where it cannot go on, with `at` and
    /// `before` updated. Only for a set whose forms start where words do.
    #[inline(always)]
    fn scan_ascii(
        &self,
        text: &str,
        at: &mut usize,
        before: &mut Before,
    ) -> Option<(Target, usize, usize)> {
        let x = match text.as_bytes().get(*at..*at + 16) {
            Some(chunk) if load(chunk) & HIGH_BITS == 0 => load(chunk),
            _ => return None,
        };
        // The high bit of the last byte before `at` when it is a word character.
        let prev = if before.is_word(text, *at) { 0x80 } else { 0 };
        let mut chunks = Chunks::new(*at, x, prev);
        let found = self.scan_chunks(text, &mut chunks);
        if found.is_none() {
            *at = chunks.at;
            *before = if chunks.prev == 0 {
                Before::Boundary
            } else {
                Before::Word
            };
        }
        found
    }

    /// The loop of [`scan_ascii`](Self::scan_ascii), from `chunks`.
    #[inline(never)]
    fn scan_chunks(&self, text: &str, chunks: &mut Chunks) -> Option<(Target, usize, usize)> {
        let mut c = *chunks;
        let bytes = text.as_bytes();
        while let Some(chunk) = bytes.get(c.at + 8..c.at + 16) {
            c.look_ahead(load(chunk));
            // The word starts (the high bit of their byte).
            let mut starts = c.word & !((c.word << 8) | c.prev);
            // The byte of `start` (one of them) and the seven after it, mapped. (For
            // `start` 0 that is the first byte's.)
            let key_at = |start: u64| {
                let shift = start.trailing_zeros() & 56;
                (c.mapped >> shift) | ((c.next_mapped << 1) << (63 - shift))
            };
            // `start` when the head there is in the filter's, else 0 (also for 0).
            let head = |start: u64| start & self.filter.head_bit(key_at(start)).wrapping_neg();
            // Eight bytes of news text hold one or two word starts most often, and most of
            // them fail the head test: the heads of the first two are tested without a
            // branch whether or not they are there (a branch on how many there are, or on
            // a test's result, would often be foreseen wrong), the others one by one.
            let first = starts & starts.wrapping_neg();
            starts ^= first;
            let second = starts & starts.wrapping_neg();
            starts ^= second;
            let mut heads = head(first) | head(second);
            while starts != 0 {
                let start = starts & starts.wrapping_neg();
                starts ^= start;
                heads |= head(start);
            }
            let mut candidates = 0;
            while heads != 0 {
                let start = heads & heads.wrapping_neg();
                heads ^= start;
                if self.filter.key_passes(key_at(start)) {
                    candidates |= start;
                }
            }
            if candidates != 0 {
                if let Some(found) = self.walk_candidates(text, c.at, candidates) {
                    return Some(found);
                }
            }
            if !c.advance() {
                break;
            }
        }
        *chunks = c;
        None
    }

    /// The first match at the places in the eight bytes from `at` given by `candidates` (the
    /// high bit of their bytes), as target, start and end.
    #[inline(never)]
    fn walk_candidates(
        &self,
        text: &str,
        at: usize,
        mut candidates: u64,
    ) -> Option<(Target, usize, usize)> {
        while candidates != 0 {
            let start = at + (candidates.trailing_zeros() / 8) as usize;
            candidates &= candidates - 1;
            if let Some((target, end)) = self.longest_at(text, start) {
                return Some((target, start, end));
            }
        }
        None
    }

    /// The longest match starting at `start`, if a form may start there (by the filter);
    /// `start` is where a word starts, or a character that is not part of one.
    #[inline(always)]
    fn match_at_start(&self, text: &str, start: usize) -> Option<(Target, usize)> {
        if self
            .filter
            .may_start(self.filter.key_at(text.as_bytes(), start))
        {
            self.longest_at(text, start)
        } else {
            None
        }
    }

    /// Records a match as a cue, unless it is an excluded phrase.
    #[inline]
    fn push(&self, out: &mut Vec<Cue>, target: Target, start: usize, end: usize) {
        if target.owner != EXCLUDED {
            out.push(Cue {
                span: Span::new(start, end),
                pattern: PatternId(target.owner),
                kind: target.kind,
            });
        }
    }

    /// The longest form starting at `start` that ends on a word boundary (when it ends with
    /// a word character), walking the trie from `start` until it dies.
    #[inline(always)]
    fn longest_at(&self, text: &str, start: usize) -> Option<(Target, usize)> {
        let bytes = text.as_bytes();
        let mut best = None;
        let mut end = start;
        let mut state = self.trie.root();
        while let Some(child) = bytes.get(end).and_then(|&b| self.trie.child(state, b)) {
            state = child;
            end += 1;
            if let Some(t) = state.form {
                let t = self.targets[t as usize];
                let boundary = match bytes.get(end) {
                    Some(b) if b.is_ascii() => !ASCII_WORD[usize::from(*b)],
                    _ => !word_char_at(text, end),
                };
                if !t.word_end || boundary {
                    best = Some((t, end));
                }
            }
        }
        best
    }
}

impl fmt::Debug for PatternSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &*self.inner;
        f.debug_struct("PatternSet")
            .field("patterns", &c.patterns.len())
            .field("forms", &c.forms.len())
            .field("exclusions", &c.exclusions.len())
            .field(
                "enabled",
                &PatternKind::ALL
                    .into_iter()
                    .filter(|k| self.is_enabled(*k))
                    .collect::<Vec<_>>(),
            )
            .field("case_insensitive", &c.case_insensitive)
            .finish()
    }
}

/// Two sets are equal when they hold the same patterns, excluded phrases and options (and so
/// find the same cues).
impl PartialEq for PatternSet {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&*self.inner, &*other.inner);
        Arc::ptr_eq(&self.inner, &other.inner)
            || (a.patterns == b.patterns
                && a.exclusions == b.exclusions
                && a.disabled == b.disabled
                && a.case_insensitive == b.case_insensitive)
    }
}

impl Eq for PatternSet {}

/// For each byte, whether it is an ASCII letter or digit.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether a character is part of a word for the boundary check: letters, digits and
/// combining marks.
fn is_word_char(c: char) -> bool {
    // Fast paths for what news text has most: Latin letters with accents, and punctuation
    // such as curly quotes and dashes.
    if matches!(c, '\u{C0}'..='\u{24F}') {
        return !matches!(c, '\u{D7}' | '\u{F7}');
    }
    if matches!(c, '\u{2000}'..='\u{206F}') {
        return false;
    }
    c.is_alphanumeric()
        || matches!(c,
            '\u{300}'..='\u{36F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}')
}

/// Whether the character ending at byte `at` is a word character (decoding only that one).
#[inline]
fn word_char_before(text: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|i| text.as_bytes()[i]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(..at)
            .and_then(|t| t.chars().next_back())
            .is_some_and(is_word_char),
    }
}

/// Whether the character starting at byte `at` is a word character (decoding only that one).
#[inline]
fn word_char_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(at..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_word_char),
    }
}

impl Serialize for PatternSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Saved {
            patterns: self.inner.patterns.clone(),
            exclusions: self.inner.exclusions.clone(),
            disabled_kinds: PatternKind::ALL
                .into_iter()
                .filter(|k| !self.is_enabled(*k))
                .collect(),
            case_insensitive: self.inner.case_insensitive,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for PatternSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let saved = Saved::deserialize(d)?;
        let disabled = saved.disabled_kinds.iter().fold(0, |acc, k| acc | k.bit());
        compile(
            saved.patterns,
            saved.exclusions,
            disabled,
            saved.case_insensitive,
        )
        .map_err(serde::de::Error::custom)
    }
}

/// A pattern set as saved: its patterns and options, not its trie.
#[derive(Serialize, Deserialize)]
struct Saved {
    patterns: Vec<Pattern>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    exclusions: Vec<String>,
    #[serde(default = "default_disabled_kinds")]
    disabled_kinds: Vec<PatternKind>,
    #[serde(default = "yes")]
    case_insensitive: bool,
}

/// Kinds off unless a saved set says otherwise, as in a new builder.
fn default_disabled_kinds() -> Vec<PatternKind> {
    vec![PatternKind::Belief, PatternKind::Stance]
}

/// Words with runs of whitespace made single spaces, trimmed.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The key two forms share when the set treats them as the same.
fn fold(s: &str, case_insensitive: bool) -> String {
    if case_insensitive {
        s.to_ascii_lowercase()
    } else {
        s.to_owned()
    }
}

/// Checks one written string (words, form or excluded phrase).
fn check(s: &str) -> Result<(), Error> {
    if s.len() > MAX_PATTERN_LEN {
        return Err(ErrorKind::PatternTooLong {
            pattern: s.chars().take(40).collect(),
            len: s.len(),
            limit: MAX_PATTERN_LEN,
        }
        .into());
    }
    if !s.chars().any(char::is_alphabetic) {
        return Err(ErrorKind::NoLetters {
            pattern: s.to_owned(),
        }
        .into());
    }
    Ok(())
}

/// A pattern with normalized words and forms, checked.
fn normalized(p: Pattern) -> Result<Pattern, Error> {
    let words = normalize(&p.words);
    if words.is_empty() {
        return Err(ErrorKind::EmptyPattern.into());
    }
    check(&words)?;
    let mut forms: Vec<String> = Vec::with_capacity(p.forms.len());
    for f in &p.forms {
        let f = normalize(f);
        if f.is_empty() {
            continue;
        }
        check(&f)?;
        if !forms.contains(&f) {
            forms.push(f);
        }
    }
    let modality = p.modality.filter(|m| *m != p.kind.default_modality());
    Ok(Pattern {
        words,
        forms,
        modality,
        ..p
    })
}

/// Whether two patterns with the same words are the same entry.
fn same_entry(a: &Pattern, b: &Pattern, case_insensitive: bool) -> bool {
    let key = |p: &Pattern| {
        let mut v: Vec<String> = p
            .surface_forms()
            .iter()
            .map(|f| fold(f, case_insensitive))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    a.kind == b.kind && a.modality() == b.modality() && key(a) == key(b)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner {
    Exclusion,
    Pattern(usize),
}

fn compile(
    given: Vec<Pattern>,
    given_exclusions: Vec<String>,
    disabled: u8,
    case_insensitive: bool,
) -> Result<PatternSet, Error> {
    // Normalize, check, and merge repeats.
    let mut patterns: Vec<Pattern> = Vec::with_capacity(given.len());
    let mut by_words: HashMap<String, usize> = HashMap::with_capacity(given.len());
    for p in given {
        let p = normalized(p)?;
        match by_words.entry(fold(&p.words, case_insensitive)) {
            Entry::Occupied(e) => {
                if !same_entry(&patterns[*e.get()], &p, case_insensitive) {
                    return Err(ErrorKind::ConflictingPattern { pattern: p.words }.into());
                }
            }
            Entry::Vacant(e) => {
                e.insert(patterns.len());
                patterns.push(p);
            }
        }
    }

    let mut owners: HashMap<String, Owner> = HashMap::new();
    let mut needles: Vec<String> = Vec::new();
    let mut targets: Vec<Target> = Vec::new();
    let mut exclusions: Vec<String> = Vec::with_capacity(given_exclusions.len());
    for e in given_exclusions {
        let e = normalize(&e);
        if e.is_empty() {
            return Err(ErrorKind::EmptyPattern.into());
        }
        check(&e)?;
        if let Entry::Vacant(slot) = owners.entry(fold(&e, case_insensitive)) {
            slot.insert(Owner::Exclusion);
            targets.push(target(&e, EXCLUDED, PatternKind::Speech));
            needles.push(e.clone());
            exclusions.push(e);
        }
    }

    let mut forms: Vec<String> = Vec::new();
    let mut form_ranges: Vec<(u32, u32)> = Vec::with_capacity(patterns.len());
    for (i, p) in patterns.iter().enumerate() {
        let first = forms.len();
        let enabled = disabled & p.kind.bit() == 0;
        for f in p.surface_forms() {
            match owners.entry(fold(&f, case_insensitive)) {
                Entry::Vacant(slot) => {
                    slot.insert(Owner::Pattern(i));
                    if enabled {
                        targets.push(target(&f, index_u32(i), p.kind));
                        needles.push(f.clone());
                    }
                }
                Entry::Occupied(slot) => match *slot.get() {
                    Owner::Exclusion => {}
                    Owner::Pattern(j) => {
                        let q = &patterns[j];
                        if j != i && (q.kind != p.kind || q.modality() != p.modality()) {
                            return Err(ErrorKind::ConflictingForm {
                                form: f,
                                first: q.words.clone(),
                                second: p.words.clone(),
                            }
                            .into());
                        }
                    }
                },
            }
            forms.push(f);
        }
        form_ranges.push((index_u32(first), index_u32(forms.len())));
    }

    let speech_verbs = patterns
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if p.kind == PatternKind::Speech {
                return Some(PatternId::from_index(i));
            }
            let head = p.words.split(' ').next().unwrap_or_default();
            match owners.get(&fold(head, case_insensitive)) {
                Some(&Owner::Pattern(j)) if patterns[j].kind == PatternKind::Speech => {
                    Some(PatternId::from_index(j))
                }
                _ => None,
            }
        })
        .collect();

    // Case folding is done by a byte table in front of the trie, which holds folded forms.
    let mut fold = [0u8; 256];
    for (b, slot) in (0..=255u8).zip(fold.iter_mut()) {
        *slot = if case_insensitive {
            b.to_ascii_lowercase()
        } else {
            b
        };
    }
    let needles: Vec<Vec<u8>> = needles
        .iter()
        .map(|n| n.bytes().map(|b| fold[usize::from(b)]).collect())
        .collect();
    let trie = Trie::new(&needles, &fold)?;
    let mut filter = Filter::new();
    for (n, t) in needles.iter().zip(&targets) {
        filter.insert(n, t.word_end);
    }
    let mut first = [false; 256];
    for (b, slot) in (0..=255u8).zip(first.iter_mut()) {
        *slot = trie.child(trie.root(), b).is_some();
    }
    let word_starts_only = (0..=127u8).all(|b| b.is_ascii_alphanumeric() || !first[usize::from(b)]);
    Ok(PatternSet {
        inner: Arc::new(Compiled {
            patterns,
            exclusions,
            disabled,
            case_insensitive,
            trie,
            first,
            word_starts_only,
            filter,
            targets,
            forms,
            form_ranges,
            speech_verbs,
        }),
    })
}

fn index_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX - 1)
}

fn target(form: &str, owner: u32, kind: PatternKind) -> Target {
    Target {
        owner,
        kind,
        word_end: form.chars().next_back().is_some_and(is_word_char),
    }
}

// ---------------------------------------------------------------------------------------
// Lexicon files.

/// Parses a lexicon file into its patterns and excluded phrases.
fn parse_tsv(tsv: &str) -> Result<(Vec<Pattern>, Vec<String>), Error> {
    let mut patterns = Vec::new();
    let mut exclusions = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        let bad = |message: String| -> Error {
            ErrorKind::Lexicon {
                line: n + 1,
                message,
            }
            .into()
        };
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() > 5 {
            return Err(bad(format!(
                "{} columns, at most 5 expected (words, kind, forms, modality, flags)",
                cols.len()
            )));
        }
        let col = |i: usize| cols.get(i).copied().unwrap_or("");
        let (words, kind) = (col(0), col(1));
        if kind.is_empty() {
            return Err(bad(format!("pattern {words:?} has no kind")));
        }
        if kind == "exclude" {
            if cols[2..].iter().any(|c| !c.is_empty()) {
                return Err(bad(format!(
                    "excluded phrase {words:?} takes no forms, modality or flags"
                )));
            }
            exclusions.push(words.to_owned());
            continue;
        }
        let kind = PatternKind::parse(kind)
            .ok_or_else(|| bad(format!("unknown kind {kind:?} for pattern {words:?}")))?;
        let forms = col(2).split(',').map(str::trim).filter(|f| !f.is_empty());
        let mut p = Pattern::with_forms(words, kind, forms);
        match col(3) {
            "" => {}
            m => {
                let m = parse_modality(m)
                    .ok_or_else(|| bad(format!("unknown modality {m:?} for pattern {words:?}")))?;
                p = p.with_modality(m);
            }
        }
        for flag in col(4).split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match flag {
                "exact" => p = p.with_inflection(false),
                "evaluative" => p = p.with_evaluative(true),
                f => return Err(bad(format!("unknown flag {f:?} for pattern {words:?}"))),
            }
        }
        patterns.push(p);
    }
    Ok((patterns, exclusions))
}

/// The built-in English lexicon: its patterns and excluded phrases.
fn english_lexicon() -> &'static (Vec<Pattern>, Vec<String>) {
    static LEXICON: Lazy<(Vec<Pattern>, Vec<String>)> = Lazy::new(|| {
        parse_tsv(include_str!("lexicon/en/patterns.tsv"))
            .expect("the built-in lexicon parses (tested)")
    });
    &LEXICON
}

// ---------------------------------------------------------------------------------------
// Inflection.

/// The irregular-verb table: lemma → its inflected forms.
fn irregular() -> &'static HashMap<&'static str, Vec<&'static str>> {
    static TABLE: Lazy<HashMap<&'static str, Vec<&'static str>>> = Lazy::new(|| {
        include_str!("lexicon/en/irregular.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(lemma, forms)| {
                let forms = forms
                    .split(',')
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                    .collect();
                (lemma.trim(), forms)
            })
            .collect()
    });
    &TABLE
}

/// The derived forms of a verb pattern's words: its first word's -s, past, participle and
/// -ing forms, each followed by the rest of the words.
fn inflect(words: &str) -> Vec<String> {
    let (head, rest) = words.split_at(words.find(' ').unwrap_or(words.len()));
    verb_forms(head)
        .into_iter()
        .map(|mut f| {
            f.push_str(rest);
            f
        })
        .collect()
}

/// A verb's inflected forms, from the irregular table or the regular rules.
fn verb_forms(verb: &str) -> Vec<String> {
    let table = irregular();
    if let Some(forms) = table.get(verb.to_ascii_lowercase().as_str()) {
        return forms.iter().map(|f| match_case(verb, f)).collect();
    }
    // A hyphenated verb inflects like its last part (re-tell, retold).
    if let Some(i) = verb.rfind('-') {
        let (prefix, last) = (&verb[..=i], &verb[i + 1..]);
        if let Some(forms) = table.get(last.to_ascii_lowercase().as_str()) {
            return forms
                .iter()
                .map(|f| format!("{prefix}{}", match_case(last, f)))
                .collect();
        }
    }
    regular_forms(verb)
}

/// `form` with its first letter upper-case when `model`'s is.
fn match_case(model: &str, form: &str) -> String {
    if model.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = form.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_uppercase().chain(chars).collect::<String>()
        })
    } else {
        form.to_owned()
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_consonant(b: u8) -> bool {
    b.is_ascii_alphabetic() && !is_vowel(b)
}

/// Third person, past (and participle), and -ing forms by the regular rules: -es after
/// s/x/z/ch/sh and consonant + o, y → ies/ied after a consonant, e dropped before -ing (but
/// agreeing, eyeing, lying), -ic → -icked, and the final consonant doubled in words of one
/// syllable ending consonant-vowel-consonant (quip → quipped; not w, x or y).
fn regular_forms(verb: &str) -> Vec<String> {
    let lc = verb.to_ascii_lowercase();
    let b = lc.as_bytes();
    let n = b.len();
    if n == 0 {
        return Vec::new();
    }
    let last = b[n - 1];
    let prev = if n >= 2 { b[n - 2] } else { 0 };
    // Cutting is done only over ASCII letters, so on char boundaries.
    let cut = |k: usize| &verb[..n - k];
    let double = should_double(&lc);
    let last_char = verb.as_bytes()[n - 1] as char;
    let y_after_consonant = last == b'y' && is_consonant(prev);

    let third = if matches!(last, b's' | b'x' | b'z') || lc.ends_with("ch") || lc.ends_with("sh") {
        if double {
            format!("{verb}{last_char}es")
        } else {
            format!("{verb}es")
        }
    } else if y_after_consonant {
        format!("{}ies", cut(1))
    } else if last == b'o' && is_consonant(prev) {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    };
    let past = if last == b'e' {
        format!("{verb}d")
    } else if y_after_consonant {
        format!("{}ied", cut(1))
    } else if double {
        format!("{verb}{last_char}ed")
    } else if lc.ends_with("ic") {
        format!("{verb}ked")
    } else {
        format!("{verb}ed")
    };
    let ing = if lc.ends_with("ie") {
        format!("{}ying", cut(2))
    } else if lc.ends_with("ee") || lc.ends_with("ye") || lc.ends_with("oe") || lc == "e" {
        format!("{verb}ing")
    } else if last == b'e' {
        format!("{}ing", cut(1))
    } else if double {
        format!("{verb}{last_char}ing")
    } else if lc.ends_with("ic") {
        format!("{verb}king")
    } else {
        format!("{verb}ing")
    };
    vec![third, past, ing]
}

/// Whether the final consonant doubles before -ed and -ing: a word (or last hyphenated part)
/// of one syllable ending consonant-vowel-consonant, the last not w, x or y. The `u` of `qu`
/// counts as a consonant (quip, quiz). Longer verbs that double are in the irregular table.
fn should_double(lc: &str) -> bool {
    let seg = lc.rsplit('-').next().unwrap_or(lc).as_bytes();
    let n = seg.len();
    if n < 3 || !seg.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let mut vowel = vec![false; n];
    for i in 0..n {
        let c = seg[i];
        vowel[i] = if c == b'u' && i > 0 && seg[i - 1] == b'q' {
            false
        } else if c == b'y' {
            i > 0 && !vowel[i - 1]
        } else {
            is_vowel(c)
        };
    }
    let syllables = (0..n)
        .filter(|&i| vowel[i] && (i == 0 || !vowel[i - 1]))
        .count();
    let last = seg[n - 1];
    syllables == 1
        && !vowel[n - 1]
        && !matches!(last, b'w' | b'x' | b'y')
        && vowel[n - 2]
        && !vowel[n - 3]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(words: &str) -> Vec<String> {
        Pattern::new(words, PatternKind::Speech).surface_forms()
    }

    #[test]
    fn a_large_trie_walks_to_each_form_and_no_other() {
        // Thousands of forms whose last bytes are far apart (`0` and the lead byte of `中`),
        // so that the array is far longer than the window its bases are looked for in, and
        // slots are left behind; and their prefixes, which are no forms.
        let mut words = Vec::new();
        for i in 0..6000usize {
            let stem: String = (0..3)
                .map(|k| char::from(b'a' + ((i / 2 / 26usize.pow(k)) % 26) as u8))
                .collect();
            words.push(format!("{stem}{}", if i % 2 == 0 { "0" } else { "中" }));
        }
        let forms: Vec<Vec<u8>> = words.iter().map(|w| w.as_bytes().to_vec()).collect();
        let mut fold = [0u8; 256];
        for (b, slot) in (0..=255u8).zip(fold.iter_mut()) {
            *slot = b;
        }
        let trie = Trie::new(&forms, &fold).unwrap();
        assert!(trie.slots.len() > 4 * 1024, "{}", trie.slots.len());
        let walk = |w: &[u8]| {
            let mut state = trie.root();
            for &b in w {
                state = trie.child(state, b)?;
            }
            state.form
        };
        for (i, w) in forms.iter().enumerate() {
            assert_eq!(walk(w), Some(index_u32(i)), "{}", words[i]);
            assert_eq!(walk(&w[..3]), None);
            assert_eq!(walk(&[w.as_slice(), b"0"].concat()), None);
        }
    }

    #[test]
    fn regular_rules() {
        let cases: &[(&str, &[&str])] = &[
            ("quip", &["quip", "quips", "quipped", "quipping"]),
            ("stop", &["stop", "stops", "stopped", "stopping"]),
            ("note", &["note", "notes", "noted", "noting"]),
            ("deny", &["deny", "denies", "denied", "denying"]),
            ("relay", &["relay", "relays", "relayed", "relaying"]),
            ("stress", &["stress", "stresses", "stressed", "stressing"]),
            ("preach", &["preach", "preaches", "preached", "preaching"]),
            ("gush", &["gush", "gushes", "gushed", "gushing"]),
            ("fax", &["fax", "faxes", "faxed", "faxing"]),
            ("quiz", &["quiz", "quizzes", "quizzed", "quizzing"]),
            ("echo", &["echo", "echoes", "echoed", "echoing"]),
            ("agree", &["agree", "agrees", "agreed", "agreeing"]),
            ("tie", &["tie", "ties", "tied", "tying"]),
            ("argue", &["argue", "argues", "argued", "arguing"]),
            ("panic", &["panic", "panics", "panicked", "panicking"]),
            ("tweet", &["tweet", "tweets", "tweeted", "tweeting"]),
            ("vow", &["vow", "vows", "vowed", "vowing"]),
            ("shrug", &["shrug", "shrugs", "shrugged", "shrugging"]),
            ("visit", &["visit", "visits", "visited", "visiting"]),
            ("wonder", &["wonder", "wonders", "wondered", "wondering"]),
            (
                "live-blog",
                &["live-blog", "live-blogs", "live-blogged", "live-blogging"],
            ),
        ];
        for (lemma, want) in cases {
            assert_eq!(forms(lemma), *want, "{lemma}");
        }
    }

    #[test]
    fn irregular_and_phrases() {
        assert_eq!(forms("say"), ["say", "says", "said", "saying"]);
        assert_eq!(forms("Tell"), ["Tell", "Tells", "Told", "Telling"]);
        assert_eq!(forms("re-tell")[2], "re-told");
        assert_eq!(
            forms("go on to say"),
            [
                "go on to say",
                "goes on to say",
                "went on to say",
                "gone on to say",
                "going on to say"
            ]
        );
        assert_eq!(forms("admit")[2], "admitted");
    }

    #[test]
    fn irregular_table_is_well_formed() {
        for (i, line) in include_str!("lexicon/en/irregular.tsv").lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 2, "line {}: {line:?}", i + 1);
            assert!(
                cols[0].chars().all(|c| c.is_ascii_lowercase()),
                "line {}",
                i + 1
            );
            let forms: Vec<&str> = cols[1].split(',').collect();
            assert!(forms.len() >= 2, "line {}", i + 1);
            assert!(
                forms.iter().all(|f| !f.is_empty() && f.trim() == *f),
                "line {}",
                i + 1
            );
        }
    }

    #[test]
    fn built_in_lexicon_parses_and_builds() {
        let (patterns, exclusions) = parse_tsv(include_str!("lexicon/en/patterns.tsv")).unwrap();
        assert!(patterns.len() > 300);
        assert!(!exclusions.is_empty());
        let mut b = PatternSetBuilder::english();
        for k in PatternKind::ALL {
            b.kind(k, true);
        }
        b.build().unwrap();
        b.case_insensitive(false).build().unwrap();
    }

    #[test]
    fn boundaries_decode_one_char() {
        let text = "é said ü";
        assert!(!word_char_before(text, 3));
        assert!(word_char_before(text, 2));
        assert!(!word_char_at(text, 7));
        assert!(word_char_at(text, 8));
        assert!(word_char_at("e\u{301}", 1));
    }
}
