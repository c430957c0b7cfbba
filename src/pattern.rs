//! Attribution patterns: the pluggable lexicon of cues ("said", "according to") and its
//! compiled form, the [`PatternSet`].

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use crate::{Cue, Error, ErrorKind, PatternId, Span};

/// The longest pattern or surface form accepted, in bytes.
pub const MAX_PATTERN_LEN: usize = 100;

/// The version of the built-in English lexicon; it changes with every lexicon change.
pub const LEXICON_VERSION: &str = "0.1.0";

/// What an attribution pattern signals, and so where its speaker and content are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PatternKind {
    /// A speech or writing verb: say, state, write, tell, add, warn, tweet.
    Speech,
    /// A source preposition that puts the speaker after it: `according to`, `per`.
    Source,
    /// An as-clause or passive: `as noted by`, `as … put it`.
    AsClause,
    /// A noun or medium cue: `in a statement`, `told reporters`, `in an interview`.
    Medium,
    /// A belief or intention verb: believe, think, expect, hope, fear. Off by default.
    Belief,
}

impl PatternKind {
    /// Every kind, in order.
    pub const ALL: [Self; 5] = [
        Self::Speech,
        Self::Source,
        Self::AsClause,
        Self::Medium,
        Self::Belief,
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

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// One entry of the attribution lexicon: its words, its kind and its surface forms.
///
/// ```
/// use quotative::{Pattern, PatternKind};
///
/// let p = Pattern::new("according to", PatternKind::Source);
/// assert_eq!(p.words(), "according to");
/// let p = Pattern::with_forms("quip", PatternKind::Speech, ["quipped"]);
/// assert_eq!(p.forms(), ["quipped"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Pattern {
    words: String,
    kind: PatternKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    forms: Vec<String>,
}

impl Pattern {
    /// A pattern whose forms are derived from its words when the set is built (a one-word
    /// speech or belief verb is inflected: `quip` → quips, quipped, quipping).
    pub fn new(words: impl Into<String>, kind: PatternKind) -> Self {
        Self {
            words: words.into(),
            kind,
            forms: Vec::new(),
        }
    }

    /// A pattern with explicit surface forms, matched in addition to its words.
    pub fn with_forms<I, S>(words: impl Into<String>, kind: PatternKind, forms: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            words: words.into(),
            kind,
            forms: forms.into_iter().map(Into::into).collect(),
        }
    }

    /// The pattern's words: a lemma (`say`) or a phrase (`according to`).
    pub fn words(&self) -> &str {
        &self.words
    }

    /// Its kind.
    pub fn kind(&self) -> PatternKind {
        self.kind
    }

    /// The explicit surface forms it was given (not the derived ones).
    pub fn forms(&self) -> &[String] {
        &self.forms
    }
}

/// Builds a [`PatternSet`].
///
/// Quick advice: start from [`PatternSetBuilder::english`] to extend the built-in lexicon,
/// or from [`PatternSet::builder`] for a set of your own.
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
    disabled: u8,
    case_insensitive: bool,
}

impl Default for PatternSetBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl PatternSetBuilder {
    /// An empty builder: no patterns, belief patterns off, case-insensitive matching.
    pub fn new() -> Self {
        Self {
            patterns: Vec::new(),
            disabled: PatternKind::Belief.bit(),
            case_insensitive: true,
        }
    }

    /// A builder holding the built-in English lexicon.
    pub fn english() -> Self {
        let mut b = Self::new();
        b.patterns = english_patterns().to_vec();
        b
    }

    /// Adds a pattern. A pattern whose words are already present is replaced.
    pub fn add(&mut self, pattern: Pattern) -> &mut Self {
        self.patterns.push(pattern);
        self
    }

    /// Adds several patterns.
    pub fn extend<I: IntoIterator<Item = Pattern>>(&mut self, patterns: I) -> &mut Self {
        self.patterns.extend(patterns);
        self
    }

    /// Removes every pattern with these words (compared case-insensitively). Removing a
    /// pattern that is not there does nothing.
    pub fn remove(&mut self, words: &str) -> &mut Self {
        self.patterns
            .retain(|p| !p.words.eq_ignore_ascii_case(words.trim()));
        self
    }

    /// Switches all patterns of one kind on or off. Belief patterns are off by default.
    pub fn kind(&mut self, kind: PatternKind, enabled: bool) -> &mut Self {
        if enabled {
            self.disabled &= !kind.bit();
        } else {
            self.disabled |= kind.bit();
        }
        self
    }

    /// Whether `SAID` and `Said` match `said` (ASCII case folding). On by default.
    pub fn case_insensitive(&mut self, yes: bool) -> &mut Self {
        self.case_insensitive = yes;
        self
    }

    /// Compiles the patterns into one automaton.
    ///
    /// # Errors
    /// An empty pattern, a pattern or form with no letters or over [`MAX_PATTERN_LEN`] bytes,
    /// the same words given twice with different kinds or forms, or an automaton too large to
    /// build.
    pub fn build(&self) -> Result<PatternSet, Error> {
        compile(self.patterns.clone(), self.disabled, self.case_insensitive)
    }
}

/// A compiled, immutable set of attribution patterns; cheap to clone.
///
/// ```
/// use quotative::{PatternKind, PatternSet};
///
/// let text = "According to Interfax, Peskov said so.";
/// let cues = PatternSet::english().scan(text);
/// let found: Vec<_> = cues.iter().map(|c| (&text[c.span], c.kind)).collect();
/// assert_eq!(found, [("According to", PatternKind::Source), ("said", PatternKind::Speech)]);
/// ```
#[derive(Debug, Clone)]
pub struct PatternSet {
    inner: Arc<Compiled>,
}

#[derive(Debug)]
struct Compiled {
    patterns: Vec<Pattern>,
    disabled: u8,
    case_insensitive: bool,
    automaton: AhoCorasick,
    /// For each automaton pattern (surface form), the pattern it belongs to.
    owners: Vec<PatternId>,
}

impl PatternSet {
    /// The built-in English lexicon (belief patterns off).
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

    /// A builder holding this set's patterns and options, to change and rebuild.
    pub fn to_builder(&self) -> PatternSetBuilder {
        PatternSetBuilder {
            patterns: self.inner.patterns.clone(),
            disabled: self.inner.disabled,
            case_insensitive: self.inner.case_insensitive,
        }
    }

    /// All patterns, enabled or not, in id order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.inner.patterns
    }

    /// The pattern with this id.
    pub fn pattern(&self, id: PatternId) -> Option<&Pattern> {
        self.inner.patterns.get(id.index())
    }

    /// Whether patterns of this kind are matched.
    pub fn is_enabled(&self, kind: PatternKind) -> bool {
        self.inner.disabled & kind.bit() == 0
    }

    /// Finds every cue in `text`: one scan, leftmost-longest, whole words only.
    pub fn scan(&self, text: &str) -> Vec<Cue> {
        let mut out = Vec::new();
        self.scan_into(text, &mut out);
        out
    }

    /// Like [`scan`](Self::scan), appending to `out`.
    pub fn scan_into(&self, text: &str, out: &mut Vec<Cue>) {
        let bytes = text.as_bytes();
        for m in self.inner.automaton.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !is_boundary(bytes, s, e) {
                continue;
            }
            let pattern = self.inner.owners[m.pattern().as_usize()];
            let kind = self.inner.patterns[pattern.index()].kind;
            out.push(Cue {
                span: Span::new(s, e),
                pattern,
                kind,
            });
        }
    }
}

/// Whether `start..end` is a whole word: no letter or digit just before or after it.
fn is_boundary(bytes: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || !is_word_byte(bytes, start, true);
    let after_ok = end >= bytes.len() || !is_word_byte(bytes, end, false);
    before_ok && after_ok
}

/// Whether the character ending before (`back`) or starting at `at` is alphanumeric.
fn is_word_byte(bytes: &[u8], at: usize, back: bool) -> bool {
    let b = if back { bytes[at - 1] } else { bytes[at] };
    if b.is_ascii() {
        return b.is_ascii_alphanumeric();
    }
    // Non-ASCII: decode the character around the position.
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => return false,
    };
    let c = if back {
        text[..at].chars().next_back()
    } else {
        text[at..].chars().next()
    };
    c.is_some_and(char::is_alphanumeric)
}

impl Serialize for PatternSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Saved {
            patterns: self.inner.patterns.clone(),
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
        compile(saved.patterns, disabled, saved.case_insensitive).map_err(serde::de::Error::custom)
    }
}

/// A pattern set as saved: its patterns and options, not its automaton.
#[derive(Serialize, Deserialize)]
struct Saved {
    patterns: Vec<Pattern>,
    #[serde(default)]
    disabled_kinds: Vec<PatternKind>,
    #[serde(default = "yes")]
    case_insensitive: bool,
}

fn yes() -> bool {
    true
}

fn compile(
    patterns: Vec<Pattern>,
    disabled: u8,
    case_insensitive: bool,
) -> Result<PatternSet, Error> {
    let mut forms: Vec<String> = Vec::new();
    let mut owners = Vec::new();
    for (i, p) in patterns.iter().enumerate() {
        let words = p.words.trim();
        if words.is_empty() {
            return Err(ErrorKind::EmptyPattern.into());
        }
        if disabled & p.kind.bit() != 0 {
            continue;
        }
        let mut all: Vec<String> = vec![words.to_owned()];
        all.extend(p.forms.iter().map(|f| f.trim().to_owned()));
        for f in all {
            if f.len() > MAX_PATTERN_LEN {
                return Err(ErrorKind::PatternTooLong {
                    pattern: f.chars().take(40).collect(),
                    len: f.len(),
                    limit: MAX_PATTERN_LEN,
                }
                .into());
            }
            if !f.chars().any(char::is_alphabetic) {
                return Err(ErrorKind::NoLetters { pattern: f }.into());
            }
            forms.push(f);
            owners.push(PatternId::from_index(i));
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(case_insensitive)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&forms)
        .map_err(|e| Error::with_source(ErrorKind::Automaton, &e))?;
    Ok(PatternSet {
        inner: Arc::new(Compiled {
            patterns,
            disabled,
            case_insensitive,
            automaton,
            owners,
        }),
    })
}

fn english_patterns() -> &'static [Pattern] {
    static PATTERNS: Lazy<Vec<Pattern>> = Lazy::new(|| {
        let mut v = Vec::new();
        for line in include_str!("lexicon/en/patterns.tsv").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let words = cols.next().unwrap_or("");
            let kind = cols
                .next()
                .and_then(PatternKind::parse)
                .unwrap_or(PatternKind::Speech);
            let forms = cols
                .next()
                .map(|f| {
                    f.split(',')
                        .map(|s| s.trim().to_owned())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            v.push(Pattern::with_forms(words, kind, forms));
        }
        v
    });
    &PATTERNS
}
