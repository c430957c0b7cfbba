//! Attribution: ordered, named sieves that give quotes their content, speaker mention and cue.
//!
//! The stage works paragraph by paragraph on one token buffer. Each sieve takes what is still
//! unattributed and records the rule that fired:
//! 1. direct quotes with a trailing attribution (`"…," Medvedev wrote`, `"…," said Medvedev`,
//!    and quote-framing verbs outside the lexicon: `"…," Ortiz barked`), and the second part of
//!    a quote split by it (`"A," she said, "B."`);
//! 2. direct quotes with a leading attribution (`Peskov said: "…"`), or a colon alone;
//! 3. reported speech after a cue (`X said (that) …`), mixed when it holds a quoted fragment,
//!    source prepositions (`according to X`), as-clauses (`as noted by X`), participles
//!    (`…, stating that …`), trailing and parenthetical attributions without marks
//!    (`…, the minister said.`, `…, she said, …`);
//! 4. continuation: an unattributed stand-alone quotation after (or just before) an attributed
//!    one, with no new speaker in between, and paragraphs that re-open a quote;
//! 5. long stand-alone quotations nobody could be found for keep `speaker: None`.
//!
//! Every look-around is bounded by [`REACH`] tokens, so the stage is linear in its input.

use crate::parse::Config;
use crate::stage::hash::FastMap;
use crate::stage::token::{tokenize, Tok, TokKind};
use crate::stage::{names, scratch, words};
use crate::{
    Article, Mention, MentionKind, ParagraphId, PatternId, PatternKind, QuotationId, QuotationRole,
    Quote, QuoteKind, Rule, SentenceId, SmallList, Span,
};

/// How many tokens the sieves look at around a cue or mark: attributions are short, and the
/// bound keeps every look-around constant so the stage stays linear on any input.
const REACH: usize = 40;

/// Speech verbs that take no object: what follows them is a place, a time or a hearer, not
/// what was said, unless it is a clause or a topic (`spoke about`).
const INTRANSITIVE: &[&str] = &["speak", "talk", "respond", "reply", "testify", "appear"];

/// Pronouns of a group a share is taken of (`One of them`, `most of these`).
const PARTITIVE_PRONOUNS: &[&str] = &["them", "us", "those", "these"];

/// Lower-case particles inside personal names.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "di", "du", "da", "van", "von", "den", "ten", "ter", "bin",
    "ibn", "al", "el", "la", "le", "dos", "das", "in", "'t", "’t", "y",
];

/// Confidence of each rule, from how reliable it is on news text.
fn confidence(rule: Rule) -> f32 {
    match rule {
        Rule::Trailing => 0.95,
        Rule::Leading => 0.9,
        Rule::Split => 0.95,
        Rule::AccordingTo => 0.85,
        Rule::AsClause => 0.8,
        Rule::ReportedClause => 0.8,
        Rule::TrailingUnmarked => 0.75,
        Rule::Participle => 0.65,
        Rule::Question => 0.6,
        Rule::Raising => 0.55,
        Rule::Passive => 0.6,
        Rule::Continuation => 0.7,
        Rule::Unattributed => 0.3,
    }
}

/// Whether the lemma `lemma` is of one of these [`words`] classes (the `*_LEMMA` ones).
fn lemma_has(lemma: &str, classes: u32) -> bool {
    words::classes_in(words::table(), lemma) & classes != 0
}

fn is_in(list: &[&str], word: &str) -> bool {
    is_in_bytes(list, word.as_bytes())
}

/// [`is_in`] for the bytes of a word.
fn is_in_bytes(list: &[&str], w: &[u8]) -> bool {
    let Some(&first) = w.first() else {
        return list.iter().any(|x| x.is_empty());
    };
    // Equal words ignoring ASCII case have equal lengths and first bytes equal once bit
    // 0x20 is set (a letter's case is that bit; any other byte must be equal): a cheap
    // test before the full comparison.
    let first = first | 0x20;
    list.iter().any(|x| {
        let x = x.as_bytes();
        x.len() == w.len() && x[0] | 0x20 == first && x.eq_ignore_ascii_case(w)
    })
}

/// Whether the bytes of a word end with the ASCII suffix `s`, ignoring ASCII case (as
/// `w.to_ascii_lowercase().ends_with(s)` for a lowercase suffix, without a copy).
fn ends_with_fold_bytes(w: &[u8], s: &[u8]) -> bool {
    w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s)
}

/// A cue located in the paragraph's tokens.
#[derive(Debug, Clone, Copy)]
struct CueAt {
    /// First and one-past-last token.
    first: usize,
    end: usize,
    span: Span,
    pattern: PatternId,
    kind: PatternKind,
    used: bool,
}

/// A top-level quotation located in the paragraph's tokens.
#[derive(Debug, Clone, Copy)]
struct QuoteAt {
    id: QuotationId,
    /// Token index of the opening mark, if the quotation has one in this paragraph.
    open: Option<usize>,
    /// Token index of the closing mark, if closed here.
    close: Option<usize>,
    span: Span,
    content: Span,
    /// Number of word tokens in the content.
    words: usize,
    role: QuotationRole,
    /// The part of the same quotation in the paragraph before.
    continues: Option<QuotationId>,
    /// Index into `out` of the quote that took it.
    taken: Option<usize>,
}

/// A speaker found for an attribution: the mention and its apposition.
#[derive(Debug, Clone, Copy)]
struct Source {
    mention: Span,
    role: Option<Span>,
    pronoun: bool,
    /// The role is an adverbial clause (`Trump, while being interviewed on Fox, said`): it
    /// shapes the sentence but is not part of the speaker as written.
    adverbial: bool,
}

/// What the sieves produce before ids are assigned.
#[derive(Debug, Clone)]
struct Draft {
    kind: QuoteKind,
    segments: SmallList<Span>,
    span: Span,
    marked: bool,
    paragraph: ParagraphId,
    source: Option<Source>,
    cue: Option<Span>,
    pattern: Option<PatternId>,
    quotations: SmallList<QuotationId>,
    rule: Rule,
}

/// The tokens of one paragraph and what is known about them.
struct Para<'t> {
    text: &'t str,
    toks: &'t [Tok],
    /// The sentences that have tokens, in order, as the index of their first token and one
    /// past their last; together they cover the tokens from the first up to some point
    /// (each token after it is taken as a sentence of its own that ends the paragraph).
    sent: &'t [(usize, usize)],
    /// For each token, whether a cue starts there.
    cue_start: &'t [bool],
    /// The tokens that may break a clause (see [`clause_breaks`]), in order, counted from
    /// the article's first token: `base` is the index of the paragraph's first.
    breakable: &'t [usize],
    base: usize,
    /// The tokens where a clause breaks, in order: found when first asked for
    /// ([`Para::breaks`]), as many paragraphs never ask.
    breaks: std::cell::OnceCell<Vec<usize>>,
    /// The buffer [`Para::breaks`] fills (kept between paragraphs).
    spare: std::cell::Cell<Vec<usize>>,
}

impl Para<'_> {
    /// The tokens where a clause breaks, in order ([`clause_breaks`]).
    fn breaks(&self) -> &[usize] {
        self.breaks.get_or_init(|| {
            let mut out = self.spare.take();
            let (toks, breakable) = (self.toks, self.breakable);
            clause_breaks(
                self.text,
                toks,
                breakable,
                self.base,
                self.cue_start,
                &mut out,
            );
            out
        })
    }

    /// Gives back the buffer of [`Para::breaks`], for the next paragraph.
    fn into_breaks(self) -> Vec<usize> {
        self.breaks
            .into_inner()
            .unwrap_or_else(|| self.spare.into_inner())
    }

    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].span]
    }

    /// The bytes of token `i` (cheaper to take than its text, which is checked for
    /// character boundaries).
    fn bytes(&self, i: usize) -> &[u8] {
        let span = self.toks[i].span;
        &self.text.as_bytes()[span.start..span.end]
    }

    /// Whether token `i` is a word of one of these classes ([`words`]).
    fn has(&self, i: usize, classes: u32) -> bool {
        self.toks[i].class & classes != 0
    }

    /// Whether token `i` is a word of one of these [`words`] classes (false past the last
    /// token).
    fn is_class(&self, i: usize, classes: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.class & classes != 0)
    }

    /// Whether token `i` is one of these words (false past the last token).
    fn is_word_in(&self, i: usize, list: &[&str]) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word()) && is_in_bytes(list, self.bytes(i))
    }

    /// [`Para::is_word_in`] for a `list` of words that all have one of these [`words`]
    /// `classes` (the tests check each such list): the class bit turns most tokens away
    /// before the list is read.
    fn is_word_of(&self, i: usize, classes: u32, list: &[&str]) -> bool {
        debug_assert!(
            list.iter().all(|w| lemma_has(w, classes)),
            "a word of {list:?} lacks the class"
        );
        self.is_class(i, classes) && self.is_word_in(i, list)
    }

    /// Whether token `i` is the punctuation character `p`.
    fn is_punct(&self, i: usize, p: &str) -> bool {
        debug_assert!(p.chars().count() == 1, "{p:?} is not one character");
        // A punctuation token is one character: it is `p` when its text starts with `p`
        // (no character's encoding starts with another's), which spares reading its end.
        let t = self.toks[i];
        let start = t.span.start;
        t.kind == TokKind::Punct
            && self.text.as_bytes().get(start..start + p.len()) == Some(p.as_bytes())
    }

    /// The index of the first token of the sentence of token `i` and one past its last.
    fn sentence_of(&self, i: usize) -> (usize, usize) {
        let k = self.sent.partition_point(|&(_, end)| end <= i);
        self.sent.get(k).copied().unwrap_or((i, self.toks.len()))
    }

    /// [`Para::sentence_of`] for tokens read in text order: the search starts at sentence
    /// `at` and leaves it at the one found (it starts over from the first when `i` comes
    /// before `at`), so a walk over a paragraph's cues steps from sentence to sentence.
    fn sentence_from(&self, at: &mut usize, i: usize) -> (usize, usize) {
        if *at > 0 && self.sent.get(*at - 1).map_or(true, |&(_, end)| end > i) {
            *at = 0;
        }
        while self.sent.get(*at).is_some_and(|&(_, end)| end <= i) {
            *at += 1;
        }
        self.sent.get(*at).copied().unwrap_or((i, self.toks.len()))
    }

    /// Whether token `i` can be part of a noun phrase naming a speaker.
    fn np_word(&self, i: usize) -> bool {
        let t = self.toks[i];
        if t.is_word() {
            // A word that is neither quoted nor a cue, and no stop word or pronoun (a
            // capitalised determiner may open the phrase: sentence-initial discourse words
            // are capitalised too). The tests together, without a branch each (`&`, `|`).
            let content = t.class & (words::STOP | words::PRONOUN) == 0;
            let determiner = t.cap & (t.class & words::DETERMINER != 0);
            return !t.quoted & !self.cue_start[i] & (content | determiner);
        }
        // `42% say`: a percent sign after a number.
        t.kind == TokKind::Punct
            && self.bytes(i) == b"%"
            && i > 0
            && self.bytes(i - 1).first().is_some_and(u8::is_ascii_digit)
    }

    /// The noun phrase that ends just before token `end` (exclusive), walking back no
    /// further than `lo`. Returns its first token.
    fn np_before(&self, lo: usize, end: usize) -> Option<usize> {
        // A parenthetical after a name: `Rep. Elijah Cummings (D-Md.)`.
        if end > lo + 2 && self.is_punct(end - 1, ")") {
            let open = (end.saturating_sub(8).max(lo)..end - 1)
                .rev()
                .find(|&k| self.is_punct(k, "("))?;
            return self.np_before(lo, open).filter(|_| open > lo);
        }
        let mut i = end;
        let mut lowercase_run = 0;
        // A plural noun that is also a cue form heads the phrase before a verb: `new reports
        // said`, `the documents show`.
        let cue_head = |j: usize| {
            j + 1 == end
                && j > lo
                && self.cue_start[j]
                && self.toks[j].is_word()
                && !self.toks[j].cap
                && !self.toks[j].quoted
                && self.bytes(j).len() > 3
                && self.bytes(j).ends_with(b"s")
                && (self.has(j - 1, words::DETERMINER)
                    || self.is_possessive(j - 1)
                    || (self.np_word(j - 1) && !self.toks[j - 1].cap))
        };
        while i > lo {
            let j = i - 1;
            // A time after a participle that modifies the head: `A report released last
            // year`, `emails released on Monday`.
            if i < end
                && j > lo + 1
                && self.has(i, words::TIME)
                && self.is_word_in(j, &["last", "this", "on", "earlier"])
                && self.toks[j - 1].is_word()
                && !self.toks[j - 1].cap
                && self.bytes(j - 1).ends_with(b"ed")
                && self.np_word(j - 2)
            {
                i = j - 1;
                continue;
            }
            if !self.np_word(j) && !cue_head(j) {
                // A proportion: `Six in 10`, `one in five`.
                let number = |k: usize| {
                    self.bytes(k).first().is_some_and(u8::is_ascii_digit)
                        || self.is_class(k, words::NUMBER)
                };
                if j > lo && i < end && self.is_word_in(j, &["in"]) && number(j - 1) && number(i) {
                    i = j;
                    continue;
                }
                // A linking preposition inside the phrase: `CEO of Russia's fund`.
                if j > lo
                    && i < end
                    && self.has(j, words::LINK)
                    && self.np_word(j - 1)
                    && !self.toks[j].cap
                {
                    i = j;
                    continue;
                }
                // Two coordinated names or groups: `The Kentucky Republican and the New York
                // businessman`, `Right-wing politicians and average citizens`.
                // Also two plural groups: `dock workers and ferry pilots say`.
                if j > lo
                    && i < end
                    && self.bytes(j) == b"and"
                    && self.np_word(j - 1)
                    && (self.toks[j - 1].cap || self.bytes(j - 1).ends_with(b"s"))
                    && (self.toks[i].cap
                        || self.has(i, words::DETERMINER)
                        || (self.bytes(j - 1).ends_with(b"s")
                            && self.bytes(end - 1).ends_with(b"s")))
                {
                    i = j;
                    continue;
                }
                break;
            }
            i = j;
            if self.has(j, words::DETERMINER) {
                // The phrase starts here unless a link joins it to a head before, or `and`
                // to another name or group (`X and the New York businessman`).
                if j > lo + 1 && self.has(j - 1, words::LINK) && self.np_word(j - 2) {
                    i = j - 1;
                    continue;
                }
                // A proportion ending in a number word: `Three in four say`.
                if j > lo + 1
                    && self.is_class(j, words::NUMBER)
                    && self.is_word_in(j - 1, &["in", "of"])
                    && (self.bytes(j - 2).first().is_some_and(u8::is_ascii_digit)
                        || self.is_class(j - 2, words::NUMBER))
                {
                    i = j - 2;
                    continue;
                }
                if j > lo + 1
                    && self.bytes(j - 1) == b"and"
                    && self.np_word(j - 2)
                    && (self.toks[j - 2].cap || self.bytes(j - 2).ends_with(b"s"))
                {
                    i = j - 1;
                    continue;
                }
                break;
            }
            if self.toks[j].cap {
                lowercase_run = 0;
            } else {
                lowercase_run += 1;
                if lowercase_run > 5 {
                    break;
                }
            }
            if end - i > 14 {
                break;
            }
        }
        // Trim links and lone determiners left at the front.
        while i < end && self.has(i, words::LINK) {
            i += 1;
        }
        if i >= end {
            return None;
        }
        // A phrase of only lower-case words that are not a determiner phrase is likely a verb
        // phrase, not a speaker: require a capital, a determiner or a plural-looking head.
        // One pass for the three tests, each token's without a branch (`|`, not `||`).
        let np = (i..end).fold(false, |np, k| {
            let t = self.toks[k];
            np | t.cap
                | (t.class & words::DETERMINER != 0)
                | self.bytes(k).first().is_some_and(u8::is_ascii_digit)
        });
        let plural_head = || {
            let head = self.bytes(end - 1);
            (head.ends_with(b"s") || is_in_bytes(COLLECTIVE_NOUNS, head)) && end - i <= 3
        };
        if !(np || plural_head()) {
            // A share after a comparative: `More than half`, `fewer than a third`.
            let share = end - i == 1
                && i >= lo + 2
                && self.is_word_in(i - 1, &["than"])
                && self.is_word_in(i - 2, &["more", "fewer", "less"])
                && (self.is_word_in(i, &["half", "third", "quarter", "dozen", "majority"])
                    || self.is_class(i, words::NUMBER));
            return share.then(|| i - 2);
        }
        // A figure may be hedged: `About 4 in 10 voters`, `Only about half of them`.
        if self.bytes(i).first().is_some_and(u8::is_ascii_digit)
            || self.is_class(i, words::NUMBER)
            || self.is_word_in(i, &["half", "third", "quarter", "two-thirds"])
        {
            let mut k = 0;
            while k < 2
                && i > lo
                && self.is_word_in(
                    i - 1,
                    &[
                        "about",
                        "nearly",
                        "almost",
                        "roughly",
                        "approximately",
                        "around",
                        "only",
                        "just",
                        "over",
                    ],
                )
            {
                i -= 1;
                k += 1;
            }
        }
        Some(i)
    }

    /// The noun phrase that starts at token `start`, reading no further than `hi`. Returns
    /// one past its last token.
    fn np_after(&self, start: usize, hi: usize) -> Option<usize> {
        if start >= hi {
            return None;
        }
        if self.is_pronoun(start) {
            return Some(start + 1);
        }
        let mut i = start;
        let hi = hi.min(start + REACH);
        while i < hi {
            // `Husted continued`: a past-tense verb after a name ends the phrase.
            // Likewise after a plural: `Both parents stiffened their denunciation`.
            // So does one after the head of a determiner phrase: `The mayor resigned`.
            let verb_after_name = i > start
                && !self.toks[i].cap
                && (self.bytes(i).ends_with(b"ed") || self.has(i, words::PAST))
                && !self.has(i - 1, words::DETERMINER)
                && (self.toks[i - 1].cap
                    || self.bytes(i - 1).ends_with(b"s")
                    || (i == start + 2 && self.has(start, words::DETERMINER)));
            // An adverb, or a word with an object after it, is the verb phrase:
            // `Republicans privately defend their strategy`, `Sullivan put off deciding`.
            let verb_phrase = i > start
                && !self.toks[i].cap
                && ((self.bytes(i).len() > 4 && self.bytes(i).ends_with(b"ly"))
                    || (i + 1 < hi
                        && self.toks[i + 1].is_word()
                        && !self.toks[i + 1].cap
                        && self.has(i + 1, words::DETERMINER | words::PRONOUN)
                        && !self.has(i, words::LINK)));
            if self.np_word(i) && !verb_after_name && !verb_phrase {
                i += 1;
                continue;
            }
            // `spokesman for the campaign`, `CEO of the fund`.
            if i > start
                && i + 1 < hi
                && (self.has(i, words::LINK) || self.is_word_in(i, &["by"]))
                && self.np_word(i + 1)
            {
                i += 1;
                continue;
            }
            // Name particles between capitalised words: `Sophie in 't Veld`, `Ludwig van
            // Beethoven`.
            if i > start && self.toks[i - 1].cap {
                let run = (i..hi.min(i + 2))
                    .take_while(|&k| self.is_word_in(k, PARTICLES))
                    .count();
                if run > 0 && i + run < hi && self.toks[i + run].cap && self.toks[i + run].is_word()
                {
                    i += run;
                    continue;
                }
            }
            break;
        }
        if i == start || i - start > 14 {
            return None;
        }
        // Drop trailing determiners.
        while i > start && self.has(i - 1, words::DETERMINER) {
            i -= 1;
        }
        // A parenthetical after a name: `Sen. Chris Murphy (D-Conn.)`.
        if i > start && i < hi && self.is_punct(i, "(") {
            if let Some(close) = (i + 1..hi.min(i + 8)).find(|&k| self.is_punct(k, ")")) {
                i = close + 1;
            }
        }
        (i > start).then_some(i)
    }

    /// Whether token `i` is a possessive noun (`Trump's`).
    #[inline]
    fn is_possessive(&self, i: usize) -> bool {
        let w = self.bytes(i);
        // The last byte first: it turns most words away.
        w.last() == Some(&b's') && (w.ends_with(b"'s") || w.ends_with("’s".as_bytes()))
    }

    fn is_pronoun(&self, i: usize) -> bool {
        // One branch for the three tests (`&`, not `&&`).
        let t = self.toks[i];
        t.is_word() & !t.quoted & (t.class & words::PRONOUN != 0)
    }

    /// Whether token `i` ends an apposition: a cue, a quotation mark, or sentence-ending
    /// punctuation.
    fn ends_apposition(&self, i: usize) -> bool {
        self.cue_start[i]
            || matches!(self.toks[i].kind, TokKind::Open | TokKind::Close)
            || (self.toks[i].kind == TokKind::Punct
                && matches!(
                    self.bytes(i),
                    b"." | b";" | b":" | b"?" | b"!" | b"(" | b")"
                ))
    }

    /// Whether a subject starting at token `first` opens its clause: at `lo`, after a
    /// conjunction or relative pronoun, or after the comma that closes an opening adjunct
    /// (`In June, Putin …`).
    fn opens_clause(&self, lo: usize, first: usize) -> bool {
        // A focus word may stand first: `Even Smith, a longtime ally, said`.
        let first = if first > lo && self.is_word_in(first - 1, &["even", "only"]) {
            first - 1
        } else {
            first
        };
        if first <= lo {
            return true;
        }
        let prev = first - 1;
        if self.has(prev, words::CLAUSE_OPENER) {
            return true;
        }
        if !self.is_punct(prev, ",") {
            return false;
        }
        // The comma closes an opening adjunct: the stretch before it (from the sentence
        // start or an earlier comma) starts with a function word or an adverb (`In June,`,
        // `In opposing the request, her lawyer, …`).
        let seg = (lo.max(prev.saturating_sub(REACH))..prev)
            .rev()
            .find(|&k| self.is_punct(k, ","))
            .map_or(lo, |k| k + 1);
        let adjunct_start = |k: usize| {
            k < prev
                && self.toks[k].is_word()
                && (self.has(k, words::STOP | words::ADJUNCT) || self.bytes(k).ends_with(b"ly"))
        };
        prev - lo <= 3 * REACH && (adjunct_start(seg) || adjunct_start(lo))
    }

    fn span(&self, first: usize, end: usize) -> Span {
        Span::new(self.toks[first].span.start, self.toks[end - 1].span.end)
    }

    /// Where the verb group ending before token `end` starts: back over up to three
    /// auxiliaries, adverbs and negations (`has repeatedly`, `did not`), and with `quantifier`
    /// a floating quantifier right before the verb (`Merkley and Brown all said`).
    fn before_verb_group(&self, lo: usize, mut end: usize, quantifier: bool) -> usize {
        let mut skipped = 0;
        while end > lo && skipped < 3 {
            let j = end - 1;
            let t = self.toks[j];
            // The word tests first, without a branch each: the spellings are read only for a
            // lower-case word that is no auxiliary.
            if !(t.is_word() & !t.cap) {
                break;
            }
            if t.class & words::AUX == 0 {
                let w = self.bytes(j);
                let adverb = (w.len() > 4 && w.ends_with(b"ly"))
                    || w.ends_with(b"n't")
                    || w.ends_with("n’t".as_bytes())
                    || is_in_bytes(&["best", "well", "quite"], w)
                    || (quantifier && skipped == 0 && is_in_bytes(&["all", "both", "each"], w));
                if !adverb {
                    break;
                }
            }
            end = j;
            skipped += 1;
        }
        end
    }

    /// The subject of a cue at token `cue`: skips auxiliaries and adverbs, then reads the
    /// noun phrase before, with an apposition between commas (`Peskov, the spokesman,`).
    fn subject_before(&self, lo: usize, cue: usize) -> Option<Source> {
        let mut end = cue;
        // An infinitive after a verb of the subject: `D'Souza went on to explain`, `she
        // tried to argue`.
        if end > lo + 2 && self.is_class(end - 1, words::TO) {
            let mut k = end - 1;
            if self.is_word_in(k - 1, &["on"]) {
                k -= 1;
            }
            let v = k - 1;
            let w = self.word(v);
            let verb = self.toks[v].is_word()
                && !self.toks[v].cap
                && (w.ends_with("ed")
                    || self.has(v, words::PAST)
                    || is_in(
                        &["went", "began", "continues", "continue", "wants", "plans"],
                        w,
                    ));
            if verb {
                end = v;
            }
        }
        let end = self.before_verb_group(lo, end, true);
        if end == lo {
            return None;
        }
        let j = end - 1;
        // An insert between dashes: `Murphy — after a pause — told me`, `Reynolds - his
        // co-host - told The Post`.
        if self.toks[j].kind == TokKind::Punct && matches!(self.word(j), "—" | "–" | "-") {
            let open = (j.saturating_sub(16).max(lo + 1)..j)
                .rev()
                .find(|&k| self.toks[k].kind == TokKind::Punct)
                .filter(|&k| matches!(self.word(k), "—" | "–" | "-") && k + 1 < j)?;
            let first = self.np_before(lo, open)?;
            let adverbial = self.has(open + 1, words::STOP | words::ADJUNCT);
            return Some(Source {
                mention: self.span(first, open),
                role: Some(self.span(open + 1, j)),
                pronoun: open == first + 1 && self.is_pronoun(first),
                adverbial,
            });
        }
        // A parenthetical after a name: `Rep. Earl Blumenauer (D-Ore.) said`.
        if self.is_punct(j, ")") {
            let open = (j.saturating_sub(8).max(lo)..j)
                .rev()
                .find(|&k| self.is_punct(k, "("))?;
            let first = self.np_before(lo, open)?;
            return Some(self.source(first, end, None));
        }
        // A share of a group named by a pronoun: `One of them has …`, `Most of us say …`.
        if j > lo + 1
            && self.is_word_of(j, words::STOP | words::DETERMINER, PARTITIVE_PRONOUNS)
            && self.is_word_of(j - 1, words::LINK, &["of"])
            && (self.has(j - 2, words::DETERMINER)
                || self.is_word_in(j - 2, &["none", "half", "neither", "either"]))
        {
            return Some(Source {
                mention: self.span(j - 2, j + 1),
                role: None,
                pronoun: true,
                adverbial: false,
            });
        }
        // A relative pronoun stands for the phrase before it: `Pardo, who said …`.
        // Likewise without a comma (`leaders who say …`), and a quantified one (`many of
        // whom say …`).
        if j > lo + 1
            && self.is_word_of(j, words::STOP, &["whom", "which"])
            && self.is_word_of(j - 1, words::LINK, &["of"])
            && self.has(j - 2, words::DETERMINER)
        {
            return Some(Source {
                mention: self.span(j - 2, j + 1),
                role: None,
                pronoun: true,
                adverbial: false,
            });
        }
        if self.is_pronoun(j)
            || (j > lo
                && self.is_word_of(j, words::STOP, &["who", "which"])
                && (self.is_punct(j - 1, ",") || self.np_word(j - 1)))
        {
            return Some(Source {
                mention: self.toks[j].span,
                role: None,
                pronoun: true,
                adverbial: false,
            });
        }
        // The comma may sit inside a closing quotation mark: `X, the author of "Y," said`.
        let quoted_comma =
            j > lo && self.toks[j].kind == TokKind::Close && self.is_punct(j - 1, ",");
        if self.is_punct(j, ",") || quoted_comma {
            // An apposition or relative clause, perhaps with commas of its own: `X, the
            // spokesman, said`, `X, 58, who lives in Ohio, said`. The mention is the nearest
            // noun phrase before a comma that opens the clause.
            let stop = j.saturating_sub(40).max(lo);
            let mut k = j + usize::from(quoted_comma);
            while k > stop {
                k -= 1;
                let t = self.toks[k];
                // A short quoted title inside the apposition is stepped over (`Hemsley, the
                // co-author of "Going Viral," said`); any other quotation ends the search.
                if t.kind == TokKind::Close {
                    let open = (k.saturating_sub(8).max(stop)..k)
                        .rev()
                        .find(|&x| self.toks[x].kind == TokKind::Open);
                    match open {
                        Some(o) => {
                            k = o;
                            continue;
                        }
                        None => return None,
                    }
                }
                if t.kind == TokKind::Open {
                    return None;
                }
                if t.quoted {
                    continue;
                }
                // A share in figures may stand in it too: `A third of voters, 33%, say`.
                if t.kind == TokKind::Punct
                    && !matches!(self.word(k), "," | "(" | ")" | "-" | "'" | "’" | "." | "%")
                {
                    return None;
                }
                if t.kind != TokKind::Punct || self.bytes(k) != b"," || k + 1 >= j {
                    continue;
                }
                let Some(mut first) = self.np_before(lo, k) else {
                    continue;
                };
                // `His critics in the United States, many of them Catholics, argue`.
                if !self.opens_clause(lo, first) {
                    if let Some((head, _)) = modifier_head(self, lo, first) {
                        first = head;
                    }
                }
                // A name, a pronoun, or a description whose apposition names it (`her
                // lawyer, David E. Kendall, wrote`).
                let named = (first..k).any(|x| self.toks[x].cap)
                    || self.is_pronoun(first)
                    || (self.has(first, words::DETERMINER) && self.toks[k + 1].cap);
                if named && self.opens_clause(lo, first) {
                    // `Hunter, meanwhile, told …`: an adverb set off by commas is no role, nor
                    // is an adverbial clause (`Trump, while being interviewed on Fox, said`,
                    // `Democrats, looking for a way out, said`).
                    let w = self.word(k + 1);
                    let adverbial = (k + 1..j).all(|x| {
                        !self.toks[x].is_word()
                            || self.has(x, words::STOP | words::ADJUNCT)
                            || self.bytes(x).ends_with(b"ly")
                    }) || (!self.toks[k + 1].cap
                        && w.len() > 4
                        && (w.ends_with("ing") || w.ends_with("ly")))
                        || self.is_word_in(
                            k + 1,
                            &[
                                "while", "when", "after", "before", "as", "in", "on", "at",
                                "during", "despite", "with", "speaking",
                            ],
                        );
                    return Some(Source {
                        mention: self.span(first, k),
                        role: Some(self.span(k + 1, j + usize::from(quoted_comma))),
                        pronoun: false,
                        adverbial,
                    });
                }
            }
            return None;
        }
        let first = self.np_before(lo, end)?;
        Some(self.source(first, end, None))
    }

    /// A source for the phrase `first..end` (a pronoun when it is one pronoun).
    fn source(&self, first: usize, end: usize, role: Option<Span>) -> Source {
        Source {
            mention: self.span(first, end),
            role,
            pronoun: end == first + 1 && self.is_pronoun(first),
            adverbial: false,
        }
    }

    /// The speaker named after a cue (`said Medvedev`, `according to the Kremlin`), with an
    /// apposition after a comma when the sentence ends with it.
    fn subject_after(&self, start: usize, hi: usize) -> Option<Source> {
        let end = self.np_after(start, hi)?;
        let mut role = None;
        // A conjunction or a pronoun after the comma opens a clause of its own (`said X,
        // but she has …`), not an apposition; so does an auxiliary (`The view, said X, would
        // be …`).
        if end + 1 < hi
            && self.is_punct(end, ",")
            && self.toks[end + 1].is_word()
            && !self.has(end + 1, words::PRONOUN)
            && !self.is_word_in(end + 1, FINITE_AUX)
            && !self.is_word_in(
                end + 1,
                &["and", "but", "or", "so", "yet", "while", "although"],
            )
        {
            // `said Dmitry Peskov, the Kremlin's spokesman, who …` runs to the sentence end,
            // a quotation or another cue.
            let mut r_end = end + 1;
            // Quotation marks end it only right after the comma (`"A," said X, "B."`); a
            // quoted name inside it stays (`the boy, who wore a 'Make America Great' hat`).
            // A participle clause after a comma (`, shaking his head`, `, pointing to …`)
            // describes what the speaker did, not who the speaker is: it ends the apposition.
            let participle_clause = |k: usize| {
                self.is_punct(k, ",")
                    && self.toks.get(k + 1).is_some_and(|t| {
                        let w = self.word(k + 1);
                        t.is_word() && !t.cap && w.len() > 5 && w.ends_with("ing")
                    })
            };
            while r_end < hi.min(end + REACH)
                && !(self.ends_apposition(r_end)
                    && (r_end == end + 1
                        || !matches!(self.toks[r_end].kind, TokKind::Open | TokKind::Close)))
                && !participle_clause(r_end)
            {
                r_end += 1;
            }
            // Running into another cue (`…, who said he would …`) or past the reach, the
            // apposition ends before its relative clause, else at its last comma.
            let cut = r_end >= end + 30 || (r_end < hi && self.cue_start[r_end]);
            if cut {
                r_end = (end + 2..r_end)
                    .rev()
                    .find(|&k| {
                        self.is_punct(k, ",")
                            || self.is_word_in(k, &["who", "whom", "whose", "which", "that"])
                    })
                    .unwrap_or(end + 1);
            }
            while r_end > end + 1 && self.toks[r_end - 1].kind == TokKind::Punct {
                r_end -= 1;
            }
            if r_end > end + 1 {
                role = Some(self.span(end + 1, r_end));
            }
        }
        Some(self.source(start, end, role))
    }

    /// The subject that opens a clause at `start`, with an apposition only when a comma
    /// closes it (`Mr. Sanders, whose sole win came in Rhode Island, …`).
    fn subject_at(&self, start: usize, hi: usize) -> Option<Source> {
        let end = self.np_after(start, hi)?;
        let mut role = None;
        if end + 1 < hi && self.is_punct(end, ",") && self.toks[end + 1].is_word() {
            let close = (end + 1..hi.min(end + 30))
                .find(|&k| self.is_punct(k, ",") || self.ends_apposition(k));
            if let Some(close) = close.filter(|&k| self.is_punct(k, ",")) {
                role = Some(self.span(end + 1, close));
            }
        }
        Some(self.source(start, end, role))
    }
}

/// Finds mentions and attributed quotes, and marks the quotations used as speech.
pub(crate) fn run(config: &Config, text: &str, article: &mut Article<'_>) {
    // Every buffer gets room for what the whole article could put in it, so none grows.
    let n_quotations = article.quotations.len();
    // The buffers are this thread's, kept from the parse before (see [`Scratch`]).
    let mut scratch = Scratch::take();
    let mut marks: Vec<(Span, bool)> = reuse(&mut scratch.marks, 2 * n_quotations);
    let mut quoted: Vec<Span> = reuse(&mut scratch.quoted, n_quotations);
    for q in article.quotations.iter().filter(|q| q.depth == 0) {
        let opens = q.span.start < q.content.start;
        if opens {
            marks.push((Span::new(q.span.start, q.content.start), true));
        }
        if q.closed {
            marks.push((Span::new(q.content.end, q.span.end), false));
        }
        quoted.push(q.content);
    }
    marks.sort_unstable();
    quoted.sort_unstable();

    // Room for the tokens of the longest paragraph (about one per five bytes, as
    // `token::tokenize` reckons), so that the per-token buffers seldom grow.
    let most = article
        .paragraphs
        .iter()
        .map(|p| (p.span.end - p.span.start) / 5)
        .max()
        .unwrap_or(0)
        .min(1 << 12);
    let mut sent = reuse(&mut scratch.sent, article.sentences.len());
    let mut cues: Vec<CueAt> = reuse(&mut scratch.cues, article.cues.len());
    let mut quos: Vec<QuoteAt> = reuse(&mut scratch.quos, n_quotations);
    let mut cue_start: Vec<bool> = reuse(&mut scratch.cue_start, most);
    let mut breaks: Vec<usize> = reuse(&mut scratch.breaks, most);
    let mut sent_ids: Vec<(usize, SentenceId)> =
        reuse(&mut scratch.sent_ids, article.sentences.len());
    let mut drafts: Vec<Draft> = reuse(&mut scratch.drafts, n_quotations + article.cues.len());
    let mut cue_i = 0;
    let mut quo_i = 0;
    let (mut mark_i, mut quoted_i) = (0, 0);
    // Name kickers looked up per article (see [`name_kicker`]).
    let mut kickers = Kickers::default();
    let mut last: Option<(ParagraphId, Source, Option<Span>, Option<PatternId>)> = None;
    // A paragraph that ends with `X said:` introduces the quotation opening the next one.
    let mut colon_lead: Option<(ParagraphId, Source, Option<Span>, Option<PatternId>)> = None;

    // The tokens of every paragraph the sieves read, all tokenised first: the tokenizer's
    // code then stays in the instruction cache from one paragraph to the next, and so does
    // the sieves' code below (it is far bigger than that cache when both run per paragraph).
    // `tokenized` holds, per such paragraph, its index and its ranges in `all_toks` and
    // `all_breakable` (whose indexes count from the article's first token: only the
    // paragraphs that ask for their clause breaks read them, see [`Para::breaks`]).
    let mut all_toks: Vec<Tok> = reuse(&mut scratch.toks, most);
    let mut all_breakable: Vec<usize> = reuse(&mut scratch.breakable, most);
    let mut tokenized: Vec<Tokenized> = reuse(&mut scratch.tokenized, article.paragraphs.len());
    for (p, para) in article.paragraphs.iter().enumerate() {
        // A paragraph without a cue or a quotation gives the sieves nothing to work on (and
        // leaves `last` alone): it is not tokenised, unless it ends with a colon that may
        // introduce the next paragraph's quotation (`Richards put it this way:`).
        while cue_i < article.cues.len() && article.cues[cue_i].span.start < para.span.start {
            cue_i += 1;
        }
        while quo_i < article.quotations.len()
            && article.quotations[quo_i].span.start < para.span.start
        {
            quo_i += 1;
        }
        let starts_here = |start: usize| start < para.span.end;
        // The three cheap tests together (`|`: one branch, not three).
        let wanted = article
            .cues
            .get(cue_i)
            .is_some_and(|c| starts_here(c.span.start))
            | article
                .quotations
                .get(quo_i)
                .is_some_and(|q| starts_here(q.span.start))
            | text.as_bytes()[para.span.start..para.span.end].ends_with(b":");
        if !wanted && !label_colon_candidate(&text[para.span]) {
            continue;
        }
        // The marks and quotations from this paragraph on (paragraphs come in text order):
        // the tokenizer finds its first ones at once.
        while mark_i < marks.len() && marks[mark_i].0.start < para.span.start {
            mark_i += 1;
        }
        while quoted_i < quoted.len() && quoted[quoted_i].end <= para.span.start {
            quoted_i += 1;
        }
        let (first_tok, first_breakable) = (all_toks.len(), all_breakable.len());
        tokenize(
            text,
            para.span,
            &config.abbreviations,
            &marks[mark_i..],
            &quoted[quoted_i..],
            &mut all_toks,
            &mut all_breakable,
        );
        if all_toks.len() == first_tok {
            continue;
        }
        tokenized.push(Tokenized {
            paragraph: p,
            toks: first_tok..all_toks.len(),
            breakable: first_breakable..all_breakable.len(),
        });
    }
    let (mut cue_i, mut quo_i) = (0, 0);
    // `cue_start` is all false between paragraphs (each one clears the entries it set), long
    // enough for the longest: filled once per article, not per paragraph.
    let longest = tokenized.iter().map(|tp| tp.toks.len()).max().unwrap_or(0);
    cue_start.resize(longest, false);

    for tp in &tokenized {
        let p = tp.paragraph;
        let para = &article.paragraphs[p];
        let pid = ParagraphId::from_index(p);
        let toks = &mut all_toks[tp.toks.clone()];
        let breakable = &all_breakable[tp.breakable.clone()];
        // The token extent of every sentence that has tokens.
        sent.clear();
        sent_ids.clear();
        let mut t = 0;
        for sid in &para.sentences {
            let s = article.sentences[sid.index()].span;
            let first = t;
            // Token starts increase: the sentence's tokens are those before the first one
            // starting at or after its end (all the rest when the last one starts before it,
            // as in the paragraph's last sentence: no search).
            if toks.last().is_some_and(|tok| tok.span.start < s.end) {
                t = toks.len();
            } else {
                t += toks[t..].partition_point(|tok| tok.span.start < s.end);
            }
            if t > first {
                sent.push((first, t));
            }
            sent_ids.push((first, sid));
        }

        // In a title-case headline (`Sanders Says He Will Win`) a capitalised cue is a verb,
        // not part of a name.
        // Likewise in a short title-case line of the body: a subhead or a list item
        // (`Ann Lee Described Her First Campaign`).
        let title_line = (para.headline || toks.len() <= 24) && title_case(toks);

        // Cues of this paragraph, aligned to tokens, outside quotations.
        cues.clear();
        while cue_i < article.cues.len() && article.cues[cue_i].span.start < para.span.start {
            cue_i += 1;
        }
        let mut k = cue_i;
        while k < article.cues.len() && article.cues[k].span.end <= para.span.end {
            let c = article.cues[k];
            k += 1;
            let first = toks.partition_point(|t| t.span.start < c.span.start);
            if first >= toks.len() || toks[first].span.start != c.span.start || toks[first].quoted {
                continue;
            }
            let mut end = first;
            while end < toks.len() && toks[end].span.end <= c.span.end {
                end += 1;
            }
            if end == first || toks[end - 1].span.end != c.span.end {
                continue;
            }
            // A capitalised cue inside a sentence is a name, not a verb: `the United States`.
            // (Read only for a capitalised cue outside a title line: most cues are not.)
            let sentence_initial = || {
                first == 0
                    || matches!(toks[first - 1].kind, TokKind::Open | TokKind::Close)
                    || (toks[first - 1].kind == TokKind::Punct
                        && matches!(
                            &text[toks[first - 1].span],
                            "." | "(" | ":" | "?" | "!" | "—" | "-" | "–"
                        ))
            };
            if toks[first].cap
                && !title_line
                && !sentence_initial()
                && text[toks[first].span].chars().any(char::is_lowercase)
            {
                continue;
            }
            cues.push(CueAt {
                first,
                end,
                span: c.span,
                pattern: c.pattern,
                kind: c.kind,
                used: false,
            });
        }
        cue_i = k;

        // Top-level quotations of this paragraph.
        quos.clear();
        while quo_i < article.quotations.len()
            && article.quotations[quo_i].span.start < para.span.start
        {
            quo_i += 1;
        }
        let mut k = quo_i;
        while k < article.quotations.len() && article.quotations[k].span.start < para.span.end {
            let q = &article.quotations[k];
            let id = QuotationId::from_index(k);
            k += 1;
            if q.depth != 0 {
                continue;
            }
            let find = |pos: usize, kind: TokKind| {
                let i = toks.partition_point(|t| t.span.start < pos);
                (i < toks.len() && toks[i].span.start == pos && toks[i].kind == kind).then_some(i)
            };
            let open = find(q.span.start, TokKind::Open);
            let close = if q.closed {
                find(q.content.end, TokKind::Close)
            } else {
                None
            };
            // Words in the content, counted up to what the sieves need to know. (The
            // content's tokens follow the opening mark's, which ends where it starts.)
            let from = match open {
                Some(i) => i + 1,
                None => toks.partition_point(|t| t.span.start < q.content.start),
            };
            let words = toks[from..]
                .iter()
                .take_while(|t| t.span.end <= q.content.end)
                .filter(|t| t.is_word())
                .take(8)
                .count();
            quos.push(QuoteAt {
                id,
                open,
                close,
                span: q.span,
                content: q.content,
                words,
                role: q.role,
                continues: q.continues,
                taken: None,
            });
        }
        quo_i = k;

        for c in &cues {
            cue_start[c.first] = true;
        }
        if title_line {
            for c in &cues {
                toks[c.first].cap = false;
            }
        }
        let pa = Para {
            text,
            toks,
            sent: &sent,
            cue_start: &cue_start[..toks.len()],
            breakable,
            base: tp.toks.start,
            breaks: std::cell::OnceCell::new(),
            spare: std::cell::Cell::new(std::mem::take(&mut breaks)),
        };

        let first_draft = drafts.len();
        direct_sieves(&pa, pid, &mut cues, &mut quos, &mut drafts);
        // A transcript's label takes its whole paragraph before the cues inside it can: `A:
        // Well, I think …` is the answer, not a belief of its own.
        label_sieve(&pa, pid, &mut quos, &mut drafts, &mut kickers);
        reported_sieves(config, &pa, pid, &mut cues, &mut quos, &mut drafts);
        let lead = colon_lead
            .take()
            .filter(|(lp, _, _, _)| lp.index() + 1 == pid.index());
        continuation_sieve(
            &pa,
            pid,
            &mut quos,
            &mut drafts,
            &mut last,
            lead.as_ref(),
            first_draft,
        );
        colon_lead = colon_attribution(&pa, &cues).map(|(s, c, p)| (pid, s, c, p));
        breaks = pa.into_breaks();
        for c in &cues {
            cue_start[c.first] = false;
        }
        // No quote of the body continues the headline's.
        if para.headline {
            last = None;
            colon_lead = None;
        }

        for q in &quos {
            // A quotation quoted as someone's words is speech; a fragment inside reported
            // speech keeps its role (a mixed quote's "reset" is still a scare quote).
            if q.taken.is_some_and(|d| drafts[d].kind == QuoteKind::Direct) {
                article.quotations[q.id.index()].role = QuotationRole::Speech;
            }
        }
    }

    finish(text, article, &mut drafts, &mut scratch.mention_of);
    scratch.marks = marks;
    scratch.quoted = quoted;
    scratch.sent = sent;
    scratch.cues = cues;
    scratch.quos = quos;
    scratch.cue_start = cue_start;
    scratch.breaks = breaks;
    scratch.toks = all_toks;
    scratch.breakable = all_breakable;
    scratch.tokenized = tokenized;
    scratch.sent_ids = sent_ids;
    scratch.drafts = drafts;
    scratch.put();
}

/// The buffers of [`run`], kept per thread between parses: taken when a parse starts and
/// put back when it ends, so that a parse after the first seldom allocates any of them.
/// Each is cleared before use, so nothing of one parse reaches the next.
#[derive(Default)]
struct Scratch {
    marks: Vec<(Span, bool)>,
    quoted: Vec<Span>,
    toks: Vec<Tok>,
    sent: Vec<(usize, usize)>,
    cues: Vec<CueAt>,
    quos: Vec<QuoteAt>,
    cue_start: Vec<bool>,
    breaks: Vec<usize>,
    breakable: Vec<usize>,
    tokenized: Vec<Tokenized>,
    sent_ids: Vec<(usize, SentenceId)>,
    drafts: Vec<Draft>,
    /// The mention made for each speaker span ([`finish`]).
    mention_of: FastMap<(usize, usize), usize>,
}

/// A paragraph tokenised by [`run`]: its index and its ranges in the article's tokens and
/// in their clause-breaking indexes (which count from the article's first token).
struct Tokenized {
    paragraph: usize,
    toks: std::ops::Range<usize>,
    breakable: std::ops::Range<usize>,
}

thread_local! {
    /// Each thread's [`Scratch`] (see [`Scratch::take`]).
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
    /// Each thread's buffer for the drafts of a paragraph by start ([`continuation_sieve`]).
    static HERE: std::cell::Cell<Vec<(usize, usize)>> = std::cell::Cell::default();
}

/// This thread's empty buffer for [`continuation_sieve`] (a new one when the thread is
/// ending); give it back with [`put_here`].
fn take_here() -> Vec<(usize, usize)> {
    let mut here = scratch::take(&HERE);
    here.clear();
    here
}

/// Keeps `here` for the next [`take_here`] on this thread, unless a very long paragraph made
/// it large.
fn put_here(here: Vec<(usize, usize)>) {
    let keep = here.capacity() <= 1 << 14;
    scratch::put(&HERE, here, keep);
}

impl Scratch {
    /// This thread's scratch space, grown by earlier parses, or a new one when another
    /// caller has it (or the thread is ending). Give it back with [`put`](Self::put).
    fn take() -> Self {
        scratch::take(&SCRATCH)
    }

    /// Keeps `self` for the next [`take`](Self::take) on this thread, unless a very long
    /// text made it large: a thread keeps at most about a megabyte.
    fn put(self) {
        fn bytes<T>(v: &Vec<T>) -> usize {
            v.capacity().saturating_mul(std::mem::size_of::<T>())
        }
        const KEEP: usize = 1 << 20;
        let total = [
            bytes(&self.marks),
            bytes(&self.quoted),
            bytes(&self.toks),
            bytes(&self.sent),
            bytes(&self.cues),
            bytes(&self.quos),
            bytes(&self.cue_start),
            bytes(&self.breaks),
            bytes(&self.breakable),
            bytes(&self.tokenized),
            bytes(&self.sent_ids),
            bytes(&self.drafts),
            self.mention_of
                .capacity()
                .saturating_mul(std::mem::size_of::<((usize, usize), usize)>() + 1),
        ]
        .iter()
        .fold(0usize, |a, &b| a.saturating_add(b));
        scratch::put(&SCRATCH, self, total <= KEEP);
    }
}

/// `v`'s buffer, emptied, with room for at least `additional` items; `v` is left empty
/// (its buffer goes back to the [`Scratch`] when the parse ends).
fn reuse<T>(v: &mut Vec<T>, additional: usize) -> Vec<T> {
    let mut v = std::mem::take(v);
    v.clear();
    v.reserve(additional);
    v
}

/// Sieves 1 and 2: direct quotes with a trailing or leading attribution, and quotes split by
/// their attribution.
fn direct_sieves(
    pa: &Para<'_>,
    pid: ParagraphId,
    cues: &mut [CueAt],
    quos: &mut [QuoteAt],
    drafts: &mut Vec<Draft>,
) {
    let n = pa.toks.len();
    // The sentence of the closing mark, found from the last one's on.
    let mut sentence = 0;
    for qi in 0..quos.len() {
        if quos[qi].taken.is_some() {
            continue;
        }
        let Some(close) = quos[qi].close else {
            continue;
        };
        // 1. Trailing: `"…," Medvedev wrote`, `"…," said Medvedev`, `"…?" she asked`. A
        // fragment inside a sentence is left to the reported-speech sieve (a mixed quote).
        let alone = stands_alone(pa, &quos[qi]);
        let (_, s_end) = pa.sentence_from(&mut sentence, close);
        let mut limit = s_end.max(close + 1).min(n);
        if let Some(next) = quos.get(qi + 1).and_then(|q| q.open) {
            limit = limit.min(next);
        }
        let mut start = close + 1;
        while start < limit && pa.toks[start].kind == TokKind::Punct && pa.bytes(start) != b"." {
            start += 1;
        }
        // `"Great!!!" Ann Lee wrote.` may have been split after the mark: the attribution is
        // then the next sentence, when it starts right there.
        if start == limit
            && start < n
            && pa.toks[start].is_word()
            && pa.sentence_of(start).1 <= start + 10
        {
            limit = pa.sentence_of(start).1;
            if let Some(next) = quos.get(qi + 1).and_then(|q| q.open) {
                limit = limit.min(next);
            }
        }
        let from_cue = cues.partition_point(|c| c.first < start);
        let trailing = cues[from_cue..]
            .iter()
            .take_while(|c| c.first < limit && c.first <= start + 16)
            .position(|c| alone && !c.used && speechlike(pa, c))
            .map(|k| from_cue + k)
            .and_then(|ci| {
                let c = cues[ci];
                let source = if c.first == start {
                    inverted_subject(pa, c.end, limit)
                } else {
                    // Everything between the mark and the cue is the subject: the phrase
                    // read back from the cue when it reaches the mark, else the whole run
                    // (`"…," a Democratic staffer in the room wondered`).
                    let s = pa.subject_before(start, c.first).filter(|s| {
                        pa.toks[start].span.start
                            >= s.mention.start.min(s.role.map_or(usize::MAX, |r| r.start))
                    });
                    s.or_else(|| whole_subject(pa, start, c.first))
                };
                source.map(|s| (ci, s))
            });
        if let Some((ci, source)) = trailing {
            cues[ci].used = true;
            let c = cues[ci];
            let mut d = direct_draft(pid, &quos[qi], Some(source), Some(&c), Rule::Trailing);
            quos[qi].taken = Some(drafts.len());
            // 3. Split: `"A," she said, "B."` — a quotation right after the attribution.
            if let Some(next) = quos.get(qi + 1) {
                if let Some(open) = next.open {
                    let attr_end = source_end(pa, &source, c.end);
                    // Only punctuation between, a comma or colon among it, and not a title
                    // (`said Steven Brill, author of "Bitter Pill," a history`).
                    let between = open.saturating_sub(attr_end) <= 4
                        && (attr_end..open).all(|k| pa.toks[k].kind == TokKind::Punct)
                        && (attr_end..open).any(|k| pa.is_punct(k, ",") || pa.is_punct(k, ":"))
                        && next.role != QuotationRole::Title;
                    // Or a longer attribution, when the quote goes on in lower case after a
                    // comma (`"A," Thiel wrote in a statement to Wired, "but most …"`).
                    let resumes = open > attr_end
                        && open - attr_end <= REACH
                        && pa.is_punct(open - 1, ",")
                        && pa.toks.get(open + 1).is_some_and(|t| t.is_word() && !t.cap)
                        && !(attr_end..open).any(|k| {
                            pa.cue_start[k]
                                || matches!(pa.toks[k].kind, TokKind::Open | TokKind::Close)
                        });
                    if (between || resumes) && pa.sentence_of(open).0 == pa.sentence_of(close).0 {
                        d.segments.push(next.content);
                        d.span = d.span.cover(next.span);
                        d.quotations.push(next.id);
                        d.rule = Rule::Split;
                        quos[qi + 1].taken = Some(drafts.len());
                    }
                }
            }
            drafts.push(d);
            continue;
        }
        // 1b. A framing verb the lexicon lacks: `"…," Allen concluded.`
        if let Some((verb, source)) = framing_verb(pa, start, limit).filter(|_| alone) {
            let mut d = direct_draft(pid, &quos[qi], Some(source), None, Rule::Trailing);
            d.cue = Some(pa.toks[verb].span);
            quos[qi].taken = Some(drafts.len());
            drafts.push(d);
            continue;
        }
        // 2. Leading: `Peskov said: "…"`, `Peskov said, "…"`.
        let Some(open) = quos[qi].open else {
            continue;
        };
        let (s_start, s_end) = pa.sentence_of(open);
        // The quotation must close its sentence.
        let rest_ok = (close + 1..s_end.min(n))
            .find(|&k| pa.toks[k].kind != TokKind::Punct)
            .is_none();
        if !rest_ok {
            continue;
        }
        let upto = cues.partition_point(|c| c.end <= open);
        let window = upto.saturating_sub(4);
        let leading = cues[window..upto].iter().rposition(|c| {
            !c.used
                && c.first >= s_start
                && open - c.end <= 6
                && speechlike(pa, c)
                && (c.end..open).all(|k| {
                    pa.toks[k].kind == TokKind::Punct
                        || (pa.toks[k].is_word()
                            && (pa.has(k, words::ADJUNCT | words::DETERMINER)
                                || pa.bytes(k).eq_ignore_ascii_case(b"that")
                                || !pa.toks[k].cap && k + 1 < open))
                })
        });
        if let Some(ci) = leading.map(|k| window + k) {
            let c = cues[ci];
            let source = if c.kind == PatternKind::Source {
                pa.subject_after(c.end, open)
            } else {
                let before = pa.subject_before(s_start, c.first);
                // `she released a statement saying, "…"`: a participle's subject is the
                // main clause's, not the object before it.
                let opens = before.is_some_and(|s| clause_initial(pa, s_start, s.mention.start));
                if pa.bytes(c.first).ends_with(b"ing") && !opens {
                    main_clause_subject(pa, s_start, c.first)
                        .or_else(|| sentence_subject(pa, s_start, c.first))
                } else {
                    before
                }
            };
            if let Some(s) = source {
                cues[ci].used = true;
                quos[qi].taken = Some(drafts.len());
                let mut d = direct_draft(pid, &quos[qi], source, Some(&c), Rule::Leading);
                // `Of the scrutiny, he said, "It's a little much."`, `As for X, she said, "…"`:
                // a topic that opens the sentence before a parenthetical speaker is part of
                // what was said.
                let topic = pa.is_word_in(s_start, &["of", "as", "regarding", "about"]);
                if topic && s.mention.end <= c.span.start && pa.is_punct(c.end, ",") {
                    if let Some(lead) = lead_segment(pa, s_start, s.mention.start) {
                        d.segments.insert(0, lead);
                        d.span = d.span.cover(lead);
                        d.kind = QuoteKind::Mixed;
                    }
                }
                drafts.push(d);
            }
        } else if open > s_start + 1 && pa.is_punct(open - 1, ":") && open - s_start <= 16 {
            // A colon is the cue when nothing else is: `Singh put it this way: "…"`.
            let colon = open - 1;
            let source = main_clause_subject(pa, s_start, colon)
                .or_else(|| clause_subject(pa, s_start, colon))
                .or_else(|| sentence_subject(pa, s_start, colon));
            if let Some(source) = source {
                let mut d = direct_draft(pid, &quos[qi], Some(source), None, Rule::Leading);
                d.cue = Some(pa.toks[colon].span);
                quos[qi].taken = Some(drafts.len());
                drafts.push(d);
            }
        } else if open > s_start + 2 && pa.is_punct(open - 1, ",") && open - s_start <= 8 {
            // A framing verb the lexicon lacks, when the sentence is nothing but the speaker,
            // the verb and the quotation: `She continued, "…"`.
            let verb = open - 2;
            let w = pa.word(verb);
            let framing = pa.toks[verb].is_word()
                && !pa.toks[verb].cap
                && w.len() > 4
                && w.ends_with("ed")
                && !pa.has(verb, words::STOP);
            let source = framing
                .then(|| pa.subject_before(s_start, verb))
                .flatten()
                .filter(|s| clause_initial(pa, s_start, s.mention.start));
            if let Some(source) = source {
                let mut d = direct_draft(pid, &quos[qi], Some(source), None, Rule::Leading);
                d.cue = Some(pa.toks[verb].span);
                quos[qi].taken = Some(drafts.len());
                drafts.push(d);
            }
        }
    }
}

/// The words from `start` to the cue at `cue` (auxiliaries and adverbs before the cue left
/// out) as one subject, when they read as one: they open with a capital, a determiner, a
/// pronoun or a number, and hold no quotation mark or sentence punctuation.
#[cold]
fn whole_subject(pa: &Para<'_>, start: usize, cue: usize) -> Option<Source> {
    let mut end = cue;
    while end > start + 1 && (pa.has(end - 1, words::AUX) || pa.bytes(end - 1).ends_with(b"ly")) {
        end -= 1;
    }
    if end <= start || end - start > 20 {
        return None;
    }
    let t = pa.toks[start];
    let opens = t.is_word()
        && (t.cap
            || pa.has(start, words::DETERMINER)
            || pa.is_pronoun(start)
            || pa.bytes(start).first().is_some_and(u8::is_ascii_digit));
    let clean = (start..end).all(|k| {
        pa.toks[k].is_word()
            || (pa.toks[k].kind == TokKind::Punct
                && matches!(pa.word(k), "," | "(" | ")" | "-" | "'" | "’"))
    });
    (opens && clean).then(|| pa.source(start, end, None))
}

/// The speaker after an inverted cue (`said Ann Lee`, `said a man calling himself Paul
/// Paul.`): the noun phrase with its apposition, or, when no apposition follows, every word up
/// to the punctuation unless an adjunct of the cue comes first (`said Ann Lee on Monday`).
#[cold]
fn inverted_subject(pa: &Para<'_>, cue_end: usize, limit: usize) -> Option<Source> {
    let mut s = pa.subject_after(cue_end, limit)?;
    let end = pa.toks.partition_point(|t| t.span.end <= s.mention.end);
    if s.role.is_none()
        && end < limit
        && pa.toks[end].is_word()
        && !pa.has(end, words::ADJUNCT | words::TIME)
        && !pa.cue_start[end]
    {
        let stop = (end..limit.min(end + 15))
            .find(|&k| !pa.toks[k].is_word() || pa.cue_start[k])
            .unwrap_or(limit.min(end + 15));
        if stop < limit && pa.toks[stop].kind == TokKind::Punct {
            s.mention = pa.span(cue_end, stop);
        }
    }
    Some(s)
}

/// `NAME verb-ed` or `he verb-s` right after a quotation and ending the sentence (or followed
/// by an adjunct): a quote-framing verb, whatever the verb (`"…," Allen concluded.`).
fn framing_verb(pa: &Para<'_>, start: usize, limit: usize) -> Option<(usize, Source)> {
    if start >= limit {
        return None;
    }
    let end = if pa.is_pronoun(start) {
        start + 1
    } else if pa.toks[start].cap {
        pa.np_after(start, limit)?
    } else {
        return None;
    };
    let verb = end;
    if verb >= limit || !pa.toks[verb].is_word() || pa.toks[verb].cap {
        return None;
    }
    let w = pa.word(verb);
    let finite = w.len() > 3 && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")));
    if !finite || pa.has(verb, words::STOP) {
        return None;
    }
    let after = verb + 1;
    let closes = after >= limit
        || matches!(pa.toks[after].kind, TokKind::Punct | TokKind::Open)
        || pa.has(after, words::ADJUNCT);
    closes.then(|| {
        let source = pa.source(start, end, None);
        (verb, source)
    })
}

/// Whether a quotation stands on its own: it opens its sentence (or follows a colon), or
/// continues one from the paragraph before.
fn stands_alone(pa: &Para<'_>, q: &QuoteAt) -> bool {
    match q.open {
        Some(open) => {
            let (s_start, _) = pa.sentence_of(open);
            (open - s_start <= REACH && (s_start..open).all(|k| pa.toks[k].kind != TokKind::Word))
                || (open > 0 && pa.is_punct(open - 1, ":"))
        }
        None => q.continues.is_some(),
    }
}

/// One past the last token of an attribution: the cue, its speaker and the adjuncts after
/// them (`said Ann Lee on CNN`) up to the punctuation.
fn source_end(pa: &Para<'_>, source: &Source, cue_end: usize) -> usize {
    let mut k = source_end_tok(pa, source, cue_end);
    while k < pa.toks.len() && pa.toks[k].is_word() && k < cue_end + 8 {
        k += 1;
    }
    k.max(cue_end)
}

/// Whether a cue introduces speech the way a verb does.
fn speechlike(pa: &Para<'_>, c: &CueAt) -> bool {
    match c.kind {
        PatternKind::Speech | PatternKind::Belief | PatternKind::Stance => true,
        PatternKind::Medium => !pa.is_word_in(c.first, &["in", "on", "at", "during", "via"]),
        _ => false,
    }
}

fn direct_draft(
    pid: ParagraphId,
    q: &QuoteAt,
    source: Option<Source>,
    cue: Option<&CueAt>,
    rule: Rule,
) -> Draft {
    Draft {
        kind: QuoteKind::Direct,
        segments: SmallList::one(q.content),
        span: q.span,
        marked: true,
        paragraph: pid,
        source,
        cue: cue.map(|c| c.span),
        pattern: cue.map(|c| c.pattern),
        quotations: SmallList::one(q.id),
        rule,
    }
}

/// Sieve 3: reported speech, source prepositions, as-clauses, participles and trailing
/// attributions without marks.
fn reported_sieves(
    config: &Config,
    pa: &Para<'_>,
    pid: ParagraphId,
    cues: &mut [CueAt],
    quos: &mut [QuoteAt],
    drafts: &mut Vec<Draft>,
) {
    let n = pa.toks.len();
    // The subject of the last verb cue in the sentence, for participles.
    let mut main_subject: Option<(usize, Source)> = None;
    // The sentence of the cue, found from the last cue's on.
    let mut sentence = 0;
    for ci in 0..cues.len() {
        let c = cues[ci];
        if c.used {
            // The speaker of the quote this cue attributed is the sentence's subject.
            let own = drafts.iter().rev().take(32).find(|d| d.cue == Some(c.span));
            if let Some(s) = own.and_then(|d| d.source) {
                main_subject = Some((pa.sentence_from(&mut sentence, c.first).0, s));
            }
            continue;
        }
        let (s_start, s_end) = pa.sentence_from(&mut sentence, c.first);
        let s_end = s_end.min(n);
        let result = match c.kind {
            PatternKind::Source => {
                // A trailing source after a clause that already has its speaker and verb
                // (`X said Y, according to Z`) relays that speaker.
                let sentence_start = pa.toks[s_start].span.start;
                let attributed = drafts.iter().rev().take(16).any(|d| {
                    d.paragraph == pid
                        && d.cue.is_some_and(|cue| {
                            cue.start >= sentence_start && cue.end <= c.span.start
                        })
                });
                source_cue(pa, cues, ci, s_start, s_end, attributed)
            }
            PatternKind::AsClause => as_clause(pa, &c, s_start, s_end),
            _ if speechlike(pa, &c) => {
                verb_cue(config, pa, cues, ci, s_start, s_end, main_subject.as_ref())
            }
            _ => None,
        };
        let Some((content, mut source, rule)) = result else {
            continue;
        };
        // Trim to words: no leading `that`, no trailing punctuation.
        let Some(content) = trim_content(pa, content, rule == Rule::Raising) else {
            continue;
        };
        // A content that is exactly one quotation is a direct quote; one holding a quoted
        // fragment is mixed.
        let mut kind = QuoteKind::Indirect;
        let mut quotations = SmallList::new();
        let mut segments = SmallList::one(content);
        let mut span = content;
        // Quotations are sorted and do not overlap: look at the few the content reaches.
        let q_lo = quos.partition_point(|q| q.span.end <= content.start);
        let q_hi = quos.partition_point(|q| q.span.start < content.end);
        let q_hi = q_hi.max(q_lo).min(q_lo + 16);
        for q in &mut quos[q_lo..q_hi] {
            if q.taken.is_some() || !content.overlaps(q.span) {
                continue;
            }
            if content.start >= q.content.start && content.end <= q.span.end {
                kind = QuoteKind::Direct;
                segments.clear();
                segments.push(q.content);
                span = q.span;
            } else {
                kind = QuoteKind::Mixed;
                span = span.cover(q.span);
            }
            quotations.push(q.id);
            q.taken = Some(drafts.len());
        }
        if kind == QuoteKind::Mixed {
            segments.clear();
            segments.push(span);
        }
        // A prepositional phrase before `…, he declined to comment.` says nothing:
        // `Through an aide, the mayor declined to comment.`
        if rule == Rule::TrailingUnmarked
            && content.end <= c.span.start
            && !(c.end..s_end.min(c.end + 10)).any(|k| pa.is_punct(k, ","))
            && verbless_phrase(pa, content)
        {
            release(&mut quos[q_lo..q_hi], drafts.len());
            continue;
        }
        // An evaluative verb with a bare object (`criticized the mayor at a rally`)
        // reports no proposition: only a clause, a quotation or a stated reason is content.
        if kind == QuoteKind::Indirect
            && rule != Rule::TrailingUnmarked
            && !config.patterns.is_enabled(PatternKind::Stance)
            && config
                .patterns
                .pattern(c.pattern)
                .is_some_and(|p| p.is_evaluative())
            && !states_a_reason(pa, content)
        {
            release(&mut quos[q_lo..q_hi], drafts.len());
            continue;
        }
        // A raising verb's subject is the first segment of what is reported, and no one is
        // its source: `[The council] is expected [to pass the budget]`.
        if rule == Rule::Raising {
            if let Some(subject) = source.take() {
                if subject.mention.end <= content.start
                    && !matches!(&pa.text[subject.mention], "which" | "who" | "that")
                {
                    segments.insert(0, subject.mention);
                    span = span.cover(subject.mention);
                }
            }
        }
        // `Back then, Ms. Ripert said, she found …`: what opens the sentence before the
        // speaker belongs to what was said, as a segment of its own.
        if rule == Rule::TrailingUnmarked && kind != QuoteKind::Direct && content.start > c.span.end
        {
            if let Some(lead) = source.and_then(|s| lead_segment(pa, s_start, s.mention.start)) {
                segments.insert(0, lead);
                span = span.cover(lead);
            }
        }
        // `It was impossible, Gabuyev said, so Russia's leaders decided …`: the sentence
        // goes on after the attribution, and what follows is said too.
        if matches!(rule, Rule::TrailingUnmarked | Rule::AccordingTo)
            && kind == QuoteKind::Indirect
            && content.end <= c.span.start
        {
            let after = source.map_or(c.end, |s| source_end_tok(pa, &s, c.end));
            let lemma = lemma_of(config, c.pattern);
            let after = adjunct_comma(pa, after, s_end, lemma).unwrap_or(after);
            if let Some(tail) = tail_segment(pa, cues, after, s_end) {
                segments.push(tail);
                span = span.cover(tail);
            }
        }
        // `a mine, which Mr. Clarke says he is keeping open`: the relative pronoun stands
        // for what was said about, as a segment of its own.
        if rule == Rule::ReportedClause && kind != QuoteKind::Direct {
            if let Some(s) = source {
                let m = pa.toks.partition_point(|t| t.span.start < s.mention.start);
                if m > s_start && pa.is_word_of(m - 1, words::STOP, &["which", "what"]) {
                    segments.insert(0, pa.toks[m - 1].span);
                    span = span.cover(pa.toks[m - 1].span);
                }
            }
        }
        if overlaps_existing(drafts, span) {
            release(&mut quos[q_lo..q_hi], drafts.len());
            continue;
        }
        // Unmarked speech in the first person before a trailing attribution is the speaker's
        // own words: a direct quote without marks.
        if kind == QuoteKind::Indirect
            && rule == Rule::TrailingUnmarked
            && first_person(pa, content)
        {
            kind = QuoteKind::Direct;
            // The speech may begin sentences earlier, in a paragraph that is nothing but
            // the speaker's words: `The talks failed. We will try again, he said.`
            if s_start > 0 && s_start <= 3 * REACH {
                let plain = (0..s_start).all(|k| {
                    !pa.cue_start[k] && !matches!(pa.toks[k].kind, TokKind::Open | TokKind::Close)
                });
                if plain {
                    let whole = Span::new(pa.toks[0].span.start, content.end);
                    segments = SmallList::one(whole);
                    span = whole;
                }
            }
        }
        if let Some(s) = source {
            if rule != Rule::Participle {
                main_subject = Some((s_start, s));
            }
        }
        cues[ci].used = true;
        drafts.push(Draft {
            kind,
            segments,
            span,
            marked: kind != QuoteKind::Indirect && !quotations.is_empty(),
            paragraph: pid,
            source,
            cue: Some(c.span),
            pattern: Some(c.pattern),
            quotations,
            rule,
        });
    }
}

/// The comma that closes a parenthetical attribution whose cue ends before token `from`:
/// right there, or after a short adjunct of words only (`…, she said in an interview, …`),
/// though not after a verb that takes a hearer (`asked`, `told`), whose object may be what
/// follows.
fn adjunct_comma(pa: &Para<'_>, from: usize, s_end: usize, lemma: &str) -> Option<usize> {
    if from >= s_end {
        return None;
    }
    if pa.is_punct(from, ",") {
        return Some(from);
    }
    if !pa.has(from, words::ADJUNCT) || lemma_has(lemma, words::HEARER_LEMMA) {
        return None;
    }
    let comma = (from + 1..s_end.min(from + 9)).find(|&k| pa.toks[k].kind != TokKind::Word)?;
    (pa.is_punct(comma, ",") && !(from..comma).any(|k| pa.cue_start[k] || pa.toks[k].quoted))
        .then_some(comma)
}

/// The words that open a sentence before a parenthetical speaker at byte `mention`, up to
/// the comma before it (`Back then,` in `Back then, she said, …`).
#[cold]
fn lead_segment(pa: &Para<'_>, s_start: usize, mention: usize) -> Option<Span> {
    let m = pa.toks.partition_point(|t| t.span.start < mention);
    if m <= s_start + 1 || m - s_start > 12 || !pa.is_punct(m - 1, ",") {
        return None;
    }
    let plain = (s_start..m - 1)
        .all(|k| !pa.cue_start[k] && !matches!(pa.toks[k].kind, TokKind::Open | TokKind::Close));
    // One word is enough: `Still, it said, …`, `Otherwise, she said, …`.
    plain
        .then(|| trim_content(pa, pa.span(s_start, m - 1), true))
        .flatten()
}

/// An apposition after a source phrase that ends at the comma at token `comma`:
/// `according to Bill Smith, a pollster who ran the survey`. It opens with a determiner, has
/// no verb before any relative pronoun, and runs to the sentence end or another comma.
#[cold]
fn apposition(pa: &Para<'_>, comma: usize, s_end: usize) -> Option<Span> {
    if comma + 1 >= s_end || !pa.is_punct(comma, ",") || !pa.has(comma + 1, words::DETERMINER) {
        return None;
    }
    let hi = s_end.min(comma + 1 + REACH);
    let end = (comma + 1..hi)
        .find(|&k| pa.toks[k].kind != TokKind::Word && !matches!(pa.word(k), "'" | "’" | "-"))
        .unwrap_or(hi);
    if end < s_end && !(pa.is_punct(end, ",") || matches!(pa.bytes(end), b"." | b"!" | b"?")) {
        return None;
    }
    let clause = (comma + 1..end).find(|&k| pa.is_word_in(k, &["who", "which", "that"]));
    let verb = (comma + 2..clause.unwrap_or(end)).any(|k| {
        pa.cue_start[k]
            || pa.has(k, words::BE | words::AUX | words::PAST)
            || (!pa.toks[k].cap && pa.bytes(k).len() > 4 && pa.bytes(k).ends_with(b"ed"))
    });
    (!verb && end > comma + 2).then(|| pa.span(comma + 1, end))
}

/// What a sentence says after a parenthetical attribution ending before token `after`: the
/// clause after its comma, when no other cue opens it.
#[cold]
fn tail_segment(pa: &Para<'_>, cues: &[CueAt], after: usize, s_end: usize) -> Option<Span> {
    if after + 1 >= s_end || !pa.is_punct(after, ",") {
        return None;
    }
    let from = after + 1;
    let t = pa.toks[from];
    // A relative clause describes the speaker: `according to the trust, which runs …`.
    if !t.is_word()
        || pa.cue_start[from]
        || pa.is_word_in(from, &["which", "who", "whose", "whom", "where"])
    {
        return None;
    }
    let end = clause_end(pa, cues, from, s_end);
    if end <= from || end - from > 3 * REACH || (from..end).any(|k| pa.cue_start[k]) {
        return None;
    }
    trim_content(pa, pa.span(from, end), false)
}

/// Whether most words of four letters or more are capitalised, as in a title-case headline.
fn title_case(toks: &[Tok]) -> bool {
    // Counted without a branch per token: whether a token is a long word depends on the text.
    let (n, caps) = toks.iter().fold((0, 0), |(n, caps), t| {
        let long = usize::from(t.is_word() & (t.span.len() >= 4));
        (n + long, caps + (long & usize::from(t.cap)))
    });
    n >= 3 && caps * 10 >= n * 7
}

/// Gives back the quotations a draft numbered `draft` took, when it is dropped.
#[cold]
fn release(quos: &mut [QuoteAt], draft: usize) {
    for q in quos {
        if q.taken == Some(draft) {
            q.taken = None;
        }
    }
}

/// The first word of a pattern's words, its lemma for verb patterns (`say` of `say of`).
fn lemma_of(config: &Config, pattern: PatternId) -> &str {
    config.patterns.pattern(pattern).map_or("", |p| {
        let words = p.words();
        &words[..words.bytes().position(|b| b == b' ').unwrap_or(words.len())]
    })
}

fn overlaps_existing(drafts: &[Draft], span: Span) -> bool {
    // All eight read, without a branch each (`|`): an overlap is rare, so stopping at one
    // saves nothing.
    drafts.iter().rev().take(8).fold(false, |any, d| {
        let inter = span
            .end
            .min(d.span.end)
            .saturating_sub(span.start.max(d.span.start));
        any | (inter * 2 > span.len().min(d.span.len()).max(1))
    })
}

#[cold]
fn first_person(pa: &Para<'_>, content: Span) -> bool {
    let first = pa.toks.partition_point(|t| t.span.start < content.start);
    pa.toks[first..]
        .iter()
        .take(REACH * 2)
        .take_while(|t| t.span.end <= content.end)
        .filter(|t| t.is_word())
        .any(|t| {
            t.class & words::FIRST_PERSON != 0
                || is_in_bytes(
                    &["i’m", "we’re", "we’ll", "i’ll"],
                    &pa.text.as_bytes()[t.span.start..t.span.end],
                )
        })
}

/// Trims a content span to its first and last word-or-mark token, dropping a leading `that`;
/// `None` when fewer than two words remain, unless `one_word` allows one.
fn trim_content(pa: &Para<'_>, content: Span, one_word: bool) -> Option<Span> {
    let mut first = pa.toks.partition_point(|t| t.span.start < content.start);
    let mut end = pa.toks.partition_point(|t| t.span.end <= content.end);
    let lead_limit = first + REACH;
    // A conjunction that links the sentence to the one before is no part of what was said
    // either: `But [the vote will be close], aides said`.
    let conjunction =
        |k: usize| end - k > 2 && !pa.toks[k].quoted && pa.has(k, words::CLAUSE_CONJUNCTION);
    while first < end
        && (pa.toks[first].kind == TokKind::Punct
            || complementizer(pa, first)
            || conjunction(first))
    {
        first += 1;
        if first > lead_limit {
            return None;
        }
    }
    let tail_limit = end.saturating_sub(REACH);
    while end > first && pa.toks[end - 1].kind == TokKind::Punct {
        end -= 1;
        if end < tail_limit {
            return None;
        }
    }
    let words = (first..end)
        .filter(|&k| pa.toks[k].is_word())
        .take(2)
        .count();
    // One word says something only as an answer (`46 percent said yes`, `half said so`), a
    // person named or pointed to (`backed Okafor`, `endorsed her`), or a raising verb's
    // complement when the caller allows it (`seemed settled`).
    let answer = words == 1
        && end == first + 1
        && (one_word
            || pa.is_word_in(first, &["yes", "no", "so", "him", "her", "them"])
            // A name (`endorsed Okafor`) or a demonstrative (`That's according to …`), not
            // a linking adverb (`Nonetheless, he said`).
            || (pa.toks[first].cap
                && !pa.toks[first].quoted
                && pa.bytes(first).len() > 2
                && (pa.is_word_in(first, &["that", "this"])
                    || (pa.toks[first].class & (words::STOP | words::AUX) == 0
                        && !pa.bytes(first).ends_with(b"ly")
                        && !pa.is_word_in(first, &["nonetheless", "also", "besides"])))));
    (words >= 2 || answer).then(|| pa.span(first, end))
}

/// Where the reported clause after token `from` ends: the sentence end, or before a comma that
/// opens another attribution (`, according to X`, `, he said`, `, stating that`).
fn clause_end(pa: &Para<'_>, cues: &[CueAt], from: usize, s_end: usize) -> usize {
    let s_end = clause_break(pa, from, s_end);
    let s_end = subordinate_end(pa, from, s_end);
    let after = cues.partition_point(|c| c.first <= from);
    for c in cues[after..].iter().take(8) {
        if c.first >= s_end {
            break;
        }
        if !(speechlike(pa, c) || matches!(c.kind, PatternKind::Source | PatternKind::AsClause)) {
            continue;
        }
        // Only a cue that attributes what comes before it: a source or as-clause, a
        // participle (`, stating that`), or a verb with nothing said after it (`, he said`,
        // `, 27 percent of those polled said.`) — not a verb with a clause of its own
        // (`, he would advise buying it`).
        let tail = !matches!(
            c.kind,
            PatternKind::Speech | PatternKind::Belief | PatternKind::Stance
        ) || pa.bytes(c.first).ends_with(b"ing")
            || c.end >= s_end
            || pa.toks[c.end].kind == TokKind::Punct
            || pa.has(c.end, words::ADJUNCT)
            || pa.is_class(c.end, words::THAT);
        if !tail {
            // `… while Sanders suggests …`, `… after the mayor said …`: a new clause with
            // its own speaker and cue ends this one at its conjunction (a `because` clause
            // gives the reason and stays).
            if let Some(subject) = pa.subject_before(from, c.first) {
                let m = pa
                    .toks
                    .partition_point(|t| t.span.start < subject.mention.start);
                if m > from + 1
                    && pa.is_word_in(m - 1, &["while", "whereas", "as", "but", "when", "after"])
                {
                    return m - 1;
                }
                // The main clause after a subordinate one that holds this content: `Long
                // after Lee had spoken about [new ferry berths], Okafor said …`.
                if m > from + 1 && pa.is_punct(m - 1, ",") {
                    let (s_start, _) = pa.sentence_of(from);
                    let lo = s_start.max(from.saturating_sub(REACH));
                    if (lo..from).any(|k| pa.is_class(k, words::SUBORDINATOR)) {
                        return m - 1;
                    }
                }
            }
            continue;
        }
        // The nearest comma or dash before the cue, with only words between them (a
        // closing mark may stand before the comma's place: `…,'' accusing`).
        let lo = c.first.saturating_sub(14).max(from);
        let comma = (lo..c.first)
            .rev()
            .take_while(|&k| {
                pa.toks[k].is_word()
                    || pa.toks[k].kind == TokKind::Close
                    || pa.is_punct(k, ",")
                    || pa.is_punct(k, "—")
            })
            .find(|&k| {
                pa.is_punct(k, "—")
                    || (pa.is_punct(k, ",") && !pa.toks[k].quoted)
                    || (pa.toks[k].kind == TokKind::Close && k > 0 && pa.is_punct(k - 1, ","))
            });
        if let Some(comma) = comma {
            if comma > from {
                return comma;
            }
        }
    }
    s_end
}

/// Conjunctions that open a subordinate clause before the main clause of a sentence.
#[rustfmt::skip]
pub(crate) const SUBORDINATORS: &[&str] = &[
    "while", "when", "although", "though", "as", "if", "because", "since", "after", "before",
    "once", "whereas", "unless", "until",
];

/// The end of content inside a sentence-initial subordinate clause: `While his advisers have
/// suggested [his role is …], Mr. Obama is …` ends at the comma that closes the clause.
fn subordinate_end(pa: &Para<'_>, from: usize, s_end: usize) -> usize {
    if from >= s_end {
        return s_end;
    }
    let (s_start, _) = pa.sentence_of(from);
    let mut open = s_start;
    if open < from && pa.is_class(open, words::CLAUSE_CONJUNCTION) {
        open += 1;
    }
    // The clause must still be open at `from` (no comma between its start and the content),
    // and be of a clause's length.
    if open >= from
        || from - open > 2 * REACH
        || !pa.is_class(open, words::SUBORDINATOR)
        || (open..from).any(|k| pa.is_punct(k, ",") && !pa.toks[k].quoted)
    {
        return s_end;
    }
    next_comma(pa, from + 1, s_end)
}

/// The first comma from token `from` on, outside quotation marks or closed by one (`…,"`),
/// within a clause's length (`2 * REACH` tokens); else `s_end`.
fn next_comma(pa: &Para<'_>, from: usize, s_end: usize) -> usize {
    (from..s_end.min(from + 2 * REACH))
        .find(|&k| {
            (pa.is_punct(k, ",") && !pa.toks[k].quoted)
                || (pa.toks[k].kind == TokKind::Close && k > 0 && pa.is_punct(k - 1, ","))
        })
        .unwrap_or(s_end)
}

/// The end of the clause that starts at `from`: a comma before a conjunction or relative
/// pronoun that opens a new clause (`, and requested`, `, who shot`, `, compared with`), or a
/// dash, outside quotation marks.
fn clause_break(pa: &Para<'_>, from: usize, s_end: usize) -> usize {
    let breaks = pa.breaks();
    let k = breaks.partition_point(|&b| b <= from);
    breaks.get(k).map_or(s_end, |&b| b.min(s_end))
}

/// Whether the comma at `k` opens a relative clause, a participle clause or an apposition set
/// off as an insert after the reported clause's subject, which goes on with its verb after
/// the closing comma: `that the governor, who must decide, has revealed nothing`.
fn relative_insert(text: &str, toks: &[Tok], k: usize) -> bool {
    // `, who …,`, `, which …,`, a participle clause (`, numbering 75 million,`) or an
    // apposition (`, a veteran,`).
    if !toks.get(k + 1).is_some_and(|t| {
        let w = &text[t.span];
        matches!(w, "who" | "which" | "a" | "an" | "the")
            || (!t.cap && w.len() > 5 && w.ends_with("ing"))
    }) {
        return false;
    }
    let close = toks[k + 2..]
        .iter()
        .take(25)
        .position(|t| t.kind != TokKind::Word && !t.quoted)
        .map(|p| k + 2 + p)
        .filter(|&j| &text[toks[j].span] == ",");
    close.is_some_and(|j| {
        toks.get(j + 1).is_some_and(|v| {
            let w = &text[v.span];
            v.is_word()
                && !v.cap
                && v.class & (words::DETERMINER | words::PRONOUN) == 0
                && (v.class & (words::BE | words::AUX) != 0 || (w.len() > 4 && w.ends_with("ed")))
        })
    })
}

/// The tokens where a clause breaks (see [`clause_break`]), in order: a dash or semicolon,
/// a comma before a conjunction or relative pronoun (not `, and that …`), and `and`/`but`
/// before a second cue (`said X was ignorant and criticized him`).
///
/// Only a comma, a semicolon, a dash or `and`/`but` outside quotations may break: the
/// tokenizer lists those tokens (`breakable`, in order, `base` more than their indexes in
/// `toks`) and the full test reads only them.
fn clause_breaks(
    text: &str,
    toks: &[Tok],
    breakable: &[usize],
    base: usize,
    cue_start: &[bool],
    out: &mut Vec<usize>,
) {
    out.clear();
    for &k in breakable {
        let k = k - base;
        let t = &toks[k];
        if t.quoted {
            continue;
        }
        let next = toks.get(k + 1).filter(|n| n.is_word() && !n.quoted);
        let breaks = match t.kind {
            TokKind::Punct => {
                let w = &text[t.span];
                matches!(w, "—" | "–" | "-" | ";")
                    || (w == ","
                        && next.is_some_and(|n| n.class & words::BREAKER != 0)
                        && !relative_insert(text, toks, k)
                        // `, and that …` goes on with what was said, as does a second verb
                        // of its subject (`, but were used to …`).
                        && !toks.get(k + 2).is_some_and(|n2| {
                            let v = &text[n2.span];
                            n2.is_word()
                                && toks[k + 1].class & words::AND_BUT != 0
                                && !cue_start[k + 2]
                                && !cue_start.get(k + 3).copied().unwrap_or(false)
                                && (v == "that"
                                    || (!n2.cap
                                        && n2.class & (words::DETERMINER | words::PRONOUN) == 0
                                        && (n2.class & (words::BE | words::AUX) != 0
                                            || (v.len() > 4 && v.ends_with("ed")))))
                        }))
                    // `, believing …`, `, implicitly putting …`: a participle clause (the
                    // cheap test of the words first).
                    || (w == ","
                        && next.is_some_and(|n| {
                            let v = &text[n.span];
                            let v = if v.ends_with("ly") {
                                toks.get(k + 2).map_or("", |n2| &text[n2.span])
                            } else {
                                v
                            };
                            !n.cap && v.len() > 4 && v.ends_with("ing")
                        })
                        && !relative_insert(text, toks, k))
            }
            // `and`/`but` before a second cue, perhaps after an adverb: `said X and added
            // Y`, `mocking X and pointedly saying Y`. A second verb of the reported clause's
            // own subject stays in it (`said he posed a threat and refused to drop the gun`).
            TokKind::Word => {
                t.class & words::AND_BUT != 0
                    && next.is_some_and(|n| {
                        cue_start[k + 1]
                            || (text[n.span].ends_with("ly")
                                && cue_start.get(k + 2).copied().unwrap_or(false))
                    })
            }
            _ => false,
        };
        if breaks {
            out.push(k);
        }
    }
    // Two dashes close together set off an insert (`Mr. Sanders - an independent - would
    // push …`): the clause goes on around it.
    let is_dash =
        |k: usize| toks[k].kind == TokKind::Punct && matches!(&text[toks[k].span], "—" | "–" | "-");
    let mut i = 0;
    let mut kept = 0;
    while i < out.len() {
        let a = out[i];
        if is_dash(a) {
            let pair = out[i + 1..]
                .iter()
                .take_while(|&&b| b <= a + 25)
                .position(|&b| is_dash(b))
                .map(|p| i + 1 + p)
                .filter(|&j| {
                    !(a + 1..out[j]).any(|k| {
                        toks[k].kind == TokKind::Punct
                            && matches!(&text[toks[k].span], "." | "?" | "!" | ";")
                    })
                });
            if let Some(j) = pair {
                // The insert belongs to the clause, breaks inside it too.
                i = j + 1;
                continue;
            }
        }
        out[kept] = a;
        kept += 1;
        i += 1;
    }
    out.truncate(kept);
}

type Found = Option<(Span, Option<Source>, Rule)>;

/// `According to X, …` and `…, according to X.`
#[cold]
fn source_cue(
    pa: &Para<'_>,
    cues: &[CueAt],
    ci: usize,
    s_start: usize,
    s_end: usize,
    attributed: bool,
) -> Found {
    let c = cues[ci];
    // A sentence whose clause has its own speaker and verb cue reports through X: X is a
    // relay, not the speaker.
    // Only the clause the source attributes counts: the one after a leading source, the one
    // before a trailing one (a cue inside the source phrase, `according to exit polls
    // reported by two networks`, is the source's own).
    let leading_source = c.first == s_start
        || (c.first > s_start
            && pa.toks[c.first - 1].kind == TokKind::Punct
            && c.first - s_start <= 2);
    // Before a trailing source, only a verb that took its clause counts (not `a message
    // sent in May`, `hired a firm to draft the plan`).
    let lo = cues.partition_point(|o| o.first < s_start.max(c.first.saturating_sub(REACH)));
    let has_verb = (!leading_source && attributed)
        || leading_source
            && cues[lo..]
                .iter()
                .enumerate()
                .take_while(|(_, o)| o.first < s_end.min(c.end + REACH))
                .any(|(k, o)| {
                    lo + k != ci
                        && (o.first > c.first) == leading_source
                        && speechlike(pa, o)
                        && pa.subject_before(s_start, o.first).is_some()
                });
    if has_verb {
        return None;
    }
    // Where the source phrase ends: a comma, or the sentence end.
    let mut np_end = c.end;
    while np_end < s_end.min(c.end + REACH)
        && !(pa.toks[np_end].kind != TokKind::Word
            && pa.bytes(np_end) != b"'"
            && pa.word(np_end) != "’")
    {
        np_end += 1;
    }
    // The source is the whole phrase up to the punctuation (`according to people close to
    // the campaign`). With none (`…, according to.`, a link's text lost), the sentence
    // before is still attributed, to no one.
    if np_end == c.end {
        let closes = np_end >= s_end || matches!(pa.bytes(np_end), b"." | b"!" | b"?");
        let mut end = c.first;
        while end > s_start && pa.toks[end - 1].kind == TokKind::Punct {
            end -= 1;
        }
        return (closes && end > s_start).then(|| (pa.span(s_start, end), None, Rule::AccordingTo));
    }
    let leading = c.first == s_start
        || (c.first > s_start
            && pa.toks[c.first - 1].kind == TokKind::Punct
            && c.first - s_start <= 2);
    // An apposition (`according to X, a pollster, …`); a leading source's ends before what
    // was said, so it must close with a comma.
    let role = apposition(pa, np_end, s_end).filter(|r| {
        !leading || {
            let k = pa.toks.partition_point(|t| t.span.end <= r.end);
            k < s_end && pa.is_punct(k, ",")
        }
    });
    let source = pa.source(c.end, np_end, role);
    let content = if leading {
        // `According to X, content.`
        let from = source_end_tok(pa, &source, np_end);
        let from = (from + 1).min(s_end);
        if from >= s_end {
            return None;
        }
        let end = clause_end(pa, cues, from, s_end);
        pa.span(from, end.max(from + 1))
    } else {
        // `content, according to X.` or `content according to X`.
        let mut end = c.first;
        while end > s_start && pa.toks[end - 1].kind == TokKind::Punct {
            end -= 1;
        }
        if end <= s_start {
            return None;
        }
        pa.span(s_start, end)
    };
    Some((content, Some(source), Rule::AccordingTo))
}

/// `…, as noted by X.` and `as X put it`.
#[cold]
fn as_clause(pa: &Para<'_>, c: &CueAt, s_start: usize, s_end: usize) -> Found {
    let ends_with_by = pa.bytes(c.end - 1).eq_ignore_ascii_case(b"by");
    let source = if ends_with_by {
        pa.subject_after(c.end, s_end)?
    } else {
        // `as X put it`: the speaker is between `as` and the cue.
        let first = (s_start.max(c.first.saturating_sub(REACH))..c.first)
            .rev()
            .find(|&k| pa.is_word_in(k, &["as"]))?;
        if first + 1 >= c.first {
            return None;
        }
        pa.source(first + 1, c.first, None)
    };
    // The content is the clause before the as-clause, or after it when it opens the sentence.
    let mut as_tok = c.first;
    if ends_with_by && as_tok > s_start && pa.is_word_in(as_tok - 1, &["as"]) {
        as_tok -= 1;
    }
    if !ends_with_by {
        as_tok = (s_start.max(c.first.saturating_sub(REACH))..c.first)
            .rev()
            .find(|&k| pa.is_word_in(k, &["as"]))?;
    }
    let mut end = as_tok;
    while end > s_start && pa.toks[end - 1].kind == TokKind::Punct {
        end -= 1;
    }
    if end > s_start + 1 {
        return Some((pa.span(s_start, end), Some(source), Rule::AsClause));
    }
    // Sentence-initial: `As noted by X, content.`
    let after = source_end_tok(pa, &source, c.end);
    let from = (after..s_end.min(after + REACH)).find(|&k| pa.is_punct(k, ","))? + 1;
    (from < s_end).then(|| (pa.span(from, s_end), Some(source), Rule::AsClause))
}

/// One past the last token of a speaker (mention and role) that comes at or after token
/// `from`.
fn source_end_tok(pa: &Para<'_>, source: &Source, from: usize) -> usize {
    let end = source
        .role
        .map_or(source.mention.end, |r| r.end.max(source.mention.end));
    let mut k = from;
    while k < pa.toks.len() && pa.toks[k].span.end <= end {
        k += 1;
    }
    k
}

/// Whether the sentence ends with a trailing attribution (`…, Okafor said.`) after cue
/// `ci`: a later speech verb right after a comma and a short subject, with nothing but
/// punctuation after it. Such a sentence is all what was said, so an earlier cue-like word
/// inside it is not a verb of its own.
#[cold]
fn trailing_attribution_follows(pa: &Para<'_>, cues: &[CueAt], ci: usize, s_end: usize) -> bool {
    cues[ci + 1..]
        .iter()
        .take_while(|c| c.end <= s_end)
        .take(REACH)
        .any(|c| {
            c.kind == PatternKind::Speech
                && s_end - c.end <= 4
                && (c.end..s_end).all(|k| pa.toks[k].kind == TokKind::Punct)
                && (c.first.saturating_sub(5)..c.first).any(|k| pa.is_punct(k, ","))
        })
}

/// A speech or belief verb: `X said (that) …`, `…, X said.`, `…, said X.`, `…, stating …`.
fn verb_cue(
    config: &Config,
    pa: &Para<'_>,
    cues: &[CueAt],
    ci: usize,
    s_start: usize,
    s_end: usize,
    main_subject: Option<&(usize, Source)>,
) -> Found {
    let c = cues[ci];
    let cue_word = pa.bytes(c.first);
    let lemma = lemma_of(config, c.pattern);
    // `The new plan appears to …`: a noun before a raising verb is its subject.
    if cues.get(ci + 1).is_some_and(|n| {
        n.first == c.end
            && config
                .patterns
                .pattern(n.pattern)
                .is_some_and(|p| is_in(RAISING_VERBS, p.words()))
    }) {
        return None;
    }
    // `Officials briefed on the talks said …`: a participle with a prepositional phrase
    // after a noun, before the clause's own speech verb, modifies the noun.
    // (The next cue's place first: it turns most cues away at once.)
    let next_speech_near = cues
        .get(ci + 1)
        .filter(|n| n.kind == PatternKind::Speech && n.first < c.end + 10);
    if c.first > s_start
        && cue_word.ends_with(b"ed")
        && next_speech_near.is_some()
        && pa.np_word(c.first - 1)
        && !pa.is_pronoun(c.first - 1)
        && pa.is_word_in(c.end, &["on", "about", "in", "by", "with", "at", "for"])
        && next_speech_near.is_some_and(|n| (c.end..n.first).all(|k| pa.toks[k].is_word()))
    {
        return None;
    }
    // `a state`, `the claim`, `his statement`: a noun after a determiner is not a verb.
    // Likewise after a possessive: `Trump's repeated accusations`. With a possessor and a
    // `that` clause, the noun reports what its possessor said: `Trump's claim that …`.
    // A number closing a noun phrase is no determiner (`the two say`, `in all five say`),
    // nor is a floating quantifier (`the mayors all said`).
    // So is one that ends a proportion or opens the sentence: `Three in four say`, `Two
    // said`.
    let proportion = |k: usize| {
        k == s_start
            || (k > s_start + 1
                && pa.is_word_in(k - 1, &["in", "of"])
                && (pa.bytes(k - 2).first().is_some_and(u8::is_ascii_digit)
                    || pa.is_class(k - 2, words::NUMBER)))
    };
    // Whether the cue is a noun a quantifier modifies (`Most forecast models give …`).
    let modifies_a_noun = || {
        cue_word.eq_ignore_ascii_case(lemma.as_bytes())
            && pa.toks.get(c.end).is_some_and(|t| {
                t.is_word()
                    && !t.cap
                    && t.class & words::FUNCTION == 0
                    && pa.bytes(c.end).ends_with(b"s")
            })
    };
    // A quantifier standing alone at the start of its clause is the subject: `Most said
    // …`, `; some accused …`.
    let lone_quantifier = || {
        c.first > s_start
            && pa.is_class(c.first - 1, words::LONE_QUANTIFIER)
            && (c.first - 1 == s_start
                || pa.toks[c.first - 2].kind == TokKind::Punct
                || pa.has(c.first - 2, words::AND_BUT))
            && !modifies_a_noun()
    };
    // (Read only after a determiner or a possessive, below.)
    let closing_number = || {
        lone_quantifier()
            || (c.first > s_start
                && pa.is_class(c.first - 1, words::NUMBER_ABOVE_ONE)
                && proportion(c.first - 1))
            || c.first > s_start + 1
                && ((pa.is_class(c.first - 1, words::NUMBER_ABOVE_ONE)
                    && pa.has(c.first - 2, words::DETERMINER))
                    || (pa.is_word_in(c.first - 1, &["all", "both", "each"])
                        && (pa.np_word(c.first - 2) || pa.is_punct(c.first - 2, ")"))
                        && !pa.has(c.first - 2, words::DETERMINER)))
    };
    if c.first > s_start
        && (pa.has(c.first - 1, words::DETERMINER) || pa.is_possessive(c.first - 1))
        && !closing_number()
    {
        return possessed_claim(pa, cues, &c, s_start, s_end);
    }
    // A bare form after a determiner and one singular word is a noun too: `her early
    // support`, `the new plan` (a singular subject would take `supports`).
    if c.first > s_start + 1
        && matches!(
            c.kind,
            PatternKind::Speech | PatternKind::Belief | PatternKind::Stance
        )
        && cue_word.eq_ignore_ascii_case(lemma.as_bytes())
        && (pa.has(c.first - 2, words::DETERMINER) || pa.is_possessive(c.first - 2))
        && {
            let t = pa.toks[c.first - 1];
            let w = pa.word(c.first - 1);
            t.is_word()
                && !t.cap
                && t.class & (words::AUX | words::BE | words::PRONOUN | words::STOP) == 0
                && !w.ends_with('s')
                && !w.ends_with("ly")
                && !w.ends_with("ed")
                && !pa.is_class(c.first - 1, words::NUMBER)
        }
        // Not the end of a subject's post-modifier: `supporters of the law hope`.
        && !(c.first > s_start + 2 && pa.has(c.first - 3, words::STOP | words::LINK))
    {
        return None;
    }
    // A bare form before a preposition no verb takes right after it is a noun: `wide
    // support among the pilots`, `more support than Lee`; for a verb that takes its object
    // directly, also before `for`, `from` or `in` (`broad support for a levy`).
    if matches!(c.kind, PatternKind::Belief | PatternKind::Stance)
        && cue_word.eq_ignore_ascii_case(lemma.as_bytes())
        && (pa.is_word_in(c.end, &["among", "than"])
            || (is_in(DIRECT_OBJECT_NOUNS, lemma) && pa.is_word_in(c.end, &["for", "from", "in"])))
    {
        return None;
    }
    let participle = cue_word.len() > 4 && ends_with_fold_bytes(cue_word, b"ing");
    let after_comma = c.first > s_start
        && (pa.is_punct(c.first - 1, ",") || pa.toks[c.first - 1].kind == TokKind::Close);

    // `Noting that the levy was legal, Okafor said …`: a participle that opens the sentence
    // reports what the main clause's subject said, up to the comma that closes it, when
    // that is a clause (not an object: `Describing the scene, …`) or, for a stance, a
    // topic. Not a participle of place or manner (`Speaking in Spanish, …`, `Addressing
    // the crowd, …`), nor one that works as a preposition or a condition (`Regarding …`,
    // `Considering …`, `Assuming …`), nor `Finding …`, which opens a gerund subject more
    // often than a finding.
    if participle
        && c.first == s_start
        && pa.toks[c.first].cap
        && !is_in(INTRANSITIVE, lemma)
        && !is_in(&["address", "regard", "consider", "assume", "find"], lemma)
    {
        let from = content_start(pa, c.end, s_end, lemma);
        if from >= s_end {
            return None;
        }
        let comma = next_comma(pa, from, s_end);
        if comma <= from || comma + 1 >= s_end {
            return None;
        }
        let said = pa.is_class(from.saturating_sub(1), words::THAT)
            || clause_follows(pa, from, comma)
            || (c.kind == PatternKind::Stance && !adjunct_only(pa, from, comma));
        if !said || intransitive_use(pa, lemma, from) {
            return None;
        }
        let subject = pa.subject_after(comma + 1, s_end)?;
        return Some((pa.span(from, comma), Some(subject), Rule::Participle));
    }
    // `…, stating that …`: the subject is the main clause's, also for a second participle
    // (`…, mocking X and pointedly saying Y`).
    // (This and `after_medium` are read only for a participle.)
    let second_participle = || {
        c.first > s_start + 2
            && pa.bytes(c.first - 1).ends_with(b"ly")
            && pa.is_word_in(c.first - 2, &["and"])
            && (s_start..c.first - 2).rev().take(REACH).any(|k| {
                pa.cue_start[k]
                    && pa.bytes(k).ends_with(b"ing")
                    && pa.is_punct(k.saturating_sub(1), ",")
            })
    };
    // An adverb may stand between: `after initially saying …`. (Read only for a
    // participle.)
    let before_participle = || {
        if c.first > s_start + 1 && pa.bytes(c.first - 1).ends_with(b"ly") {
            c.first - 2
        } else {
            c.first.saturating_sub(1)
        }
    };
    // A purpose infinitive after the main clause's verb phrase: `stood at an event to say
    // …`, `went on television to say …` (not `refused to say`, `wants to say`).
    let purpose = c.first > s_start + 2
        && pa.is_class(c.first - 1, words::TO)
        && is_in_bytes(
            &[
                "say", "tell", "announce", "declare", "argue", "explain", "warn", "complain",
            ],
            cue_word,
        )
        && !pa.is_word_in(c.first - 2, NOT_PURPOSE)
        && !pa.bytes(c.first - 2).ends_with(b"ed")
        && pa.toks[c.first - 2].kind == TokKind::Word;
    // A participle after a medium the subject put out tells what it said: `sent a tweet
    // saying …`, `issued a statement calling …`.
    let after_medium = || {
        c.first > s_start + 1
            && pa.is_class(c.first - 1, words::MEDIUM)
            && pa.has(c.first - 2, words::DETERMINER)
    };
    if (participle
        && (after_comma
            || second_participle()
            || after_medium()
            || pa.is_word_in(before_participle(), &["while", "after", "by", "before"])))
        || purpose
    {
        let subject = main_subject
            .filter(|(s, _)| *s == s_start)
            .map(|(_, src)| *src)
            .or_else(|| main_clause_subject(pa, s_start, c.first))
            .or_else(|| clause_subject(pa, s_start, c.first))
            .or_else(|| sentence_subject(pa, s_start, c.first));
        let from = content_start(pa, c.end, s_end, lemma);
        if from >= s_end || intransitive_use(pa, lemma, from) {
            return None;
        }
        let end = clause_end(pa, cues, from, s_end);
        if adjunct_only(pa, from, end) {
            return None;
        }
        let end = object_end(pa, cues, from, end);
        return Some((pa.span(from, end.max(from + 1)), subject, Rule::Participle));
    }

    // `X appears to …`, `X is expected to …`: an impression whose source goes unnamed.
    // Whether the cue is a passive (`was confirmed`), read at most once: [`raising`] and the
    // test below both ask.
    // (A `Cell`: cheaper to ask than a `OnceCell`, which guards against re-entry.)
    let passive_here = std::cell::Cell::new(None);
    let passive = || {
        passive_here.get().unwrap_or_else(|| {
            let passive = is_passive(pa, s_start, c.first);
            passive_here.set(Some(passive));
            passive
        })
    };
    if let Some(found) = raising(pa, cues, &c, lemma, s_start, s_end, passive) {
        return Some(found);
    }
    if is_in(RAISING_VERBS, lemma) {
        return None;
    }
    // `see`, `view`, `regard` report a view only of something `as` something, or with a
    // `that` clause: `Democrats see Sanders as an agent of her decline`, `voters saw that he
    // could win` (not `saw a rally`).
    if is_in(VIEW_AS_VERBS, lemma)
        && !pa.is_class(c.end, words::THAT)
        && !(c.end..s_end.min(c.end + 12))
            .take_while(|&k| !pa.is_punct(k, ","))
            .any(|k| pa.is_word_in(k, &["as"]))
    {
        return None;
    }
    // `Asked whether he would run, …`, `When asked how …`, `X was asked if …`: the question
    // put to someone whose asker goes unnamed.
    if let Some(found) = asked_question(pa, &c, lemma, s_start, s_end) {
        return Some(found);
    }

    // The subject before the cue, read at most once below (several tests look at it).
    let subject_here = std::cell::OnceCell::new();
    let subject_before = || *subject_here.get_or_init(|| pa.subject_before(s_start, c.first));
    // `with analysts saying a strong reading …`: the noun phrase after `with` is the
    // participle's subject.
    if participle && !after_comma {
        if let Some(source) = subject_before() {
            let m = pa
                .toks
                .partition_point(|t| t.span.start < source.mention.start);
            if m > s_start && !source.pronoun && pa.is_word_in(m - 1, &["with"]) {
                let from = content_start(pa, c.end, s_end, lemma);
                let end = clause_end(pa, cues, from, s_end);
                return (from < end).then(|| (pa.span(from, end), Some(source), Rule::Participle));
            }
        }
    }

    // `…, said X.` / `…, X said.` — the trailing attribution ends the sentence.
    let tail_len = s_end - c.end;
    // An apposition subject that opens the sentence: `X, the spokesman, said …`.
    let appositive = after_comma
        && subject_before()
            .is_some_and(|s| s.role.is_some() && clause_initial(pa, s_start, s.mention.start));
    // An insert set off by commas before the verb (`The pilots, like Lee and Ng, say …`):
    // the verb is the sentence's own, its subject before the insert.
    let insert_before = after_comma && {
        let open = (s_start..c.first - 1)
            .rev()
            .take(REACH)
            .find(|&k| pa.is_punct(k, ","));
        open.is_some_and(|k| {
            k > s_start
                && pa.is_word_in(
                    k + 1,
                    &["like", "including", "such", "especially", "notably"],
                )
        })
    };
    if after_comma && !appositive && !insert_before {
        // `…, said.` with the speaker's name lost (a link's text dropped in scraping): the
        // sentence is still attributed, to no one.
        let comma = c.first - 1;
        if comma > s_start
            && pa.is_punct(comma, ",")
            && (c.end >= s_end || matches!(pa.bytes(c.end), b"." | b"!" | b"?"))
            && matches!(pa.bytes(c.first), b"said" | b"says" | b"wrote" | b"writes")
        {
            return Some((pa.span(s_start, comma), None, Rule::TrailingUnmarked));
        }
        // `…, said X.` with nothing but adjuncts after the speaker; `…, called X` names.
        if lemma == "call" {
            return None;
        }
        let source = pa.subject_after(c.end, s_end)?;
        let after = source_end_tok(pa, &source, c.end);
        // A clause of its own may follow: `…, said X, but she has …`.
        let new_clause = after + 1 < s_end
            && pa.is_punct(after, ",")
            && pa.is_word_in(after + 1, &["but", "and", "while", "although"]);
        // Or the sentence goes on with the verb of what opened it, the attribution set off
        // inside it: `The view from the pier, said Ng, would be better …`.
        let resumes =
            after + 1 < s_end && pa.is_punct(after, ",") && pa.is_word_in(after + 1, FINITE_AUX);
        let new_clause = new_clause || resumes;
        let tail_ok = (new_clause || s_end - after <= 8)
            && !(after..s_end.min(after + REACH))
                .any(|k| pa.is_class(k, words::THAT) || pa.toks[k].kind == TokKind::Open);
        let comma = c.first - 1;
        if comma <= s_start || (tail_len > REACH && !new_clause) || !tail_ok {
            return None;
        }
        return Some((
            pa.span(s_start, comma),
            Some(source),
            Rule::TrailingUnmarked,
        ));
    }

    // A passive (`was confirmed by`, `is underscored`) reports nothing of its subject's;
    // with an agent, the subject is what the agent said: `[The merger] was first
    // reported by the Tribune`.
    if passive() {
        if c.kind != PatternKind::Speech {
            return None;
        }
        let mut by = c.end;
        if by < s_end && pa.bytes(by).ends_with(b"ly") && pa.toks[by].is_word() {
            by += 1;
        }
        if !pa.is_word_in(by, &["by"]) {
            return None;
        }
        let agent = pa.subject_after(by + 1, s_end)?;
        let subject = raising_subject(pa, s_start, c.first)?;
        return Some((subject.mention, Some(agent), Rule::Passive));
    }
    // A second verb of the same subject: `X runs a fund and says …`.
    // Auxiliaries may stand between: `… but has denied …`.
    let mut conj = c.first;
    while conj > s_start + 1
        && c.first - conj < 2
        && pa.has(conj - 1, words::AUX)
        && !pa.toks[conj - 1].cap
    {
        conj -= 1;
    }
    if conj > s_start + 1
        && pa.is_class(conj - 1, words::AND_BUT)
        && !trailing_attribution_follows(pa, cues, ci, s_end)
    {
        let subject = main_subject
            .filter(|(s, _)| *s == s_start)
            .map(|(_, src)| *src)
            .or_else(|| main_clause_subject(pa, s_start, conj - 1))
            .or_else(|| sentence_subject(pa, s_start, conj - 1))?;
        let from = content_start(pa, c.end, s_end, lemma);
        let end = object_end(pa, cues, from, clause_end(pa, cues, from, s_end));
        return (from < end).then(|| (pa.span(from, end), Some(subject), Rule::ReportedClause));
    }
    let subject = subject_before();
    if let Some(mut source) = subject {
        // A bare participle right after a noun modifies it (`the ads denouncing the plan`).
        // A verb of saying whose content is a clause reports its noun's words, though:
        // `40 percent of residents saying the roads are worse`.
        if participle
            && !source.pronoun
            && source.role.is_none()
            && source.mention.end == pa.toks[c.first - 1].span.end
            && !(lemma.eq_ignore_ascii_case("say") && clause_follows(pa, c.end, s_end))
        {
            return None;
        }
        let mention_first = pa
            .toks
            .partition_point(|t| t.span.start < source.mention.start);
        // `…, X said.` — subject right after a comma and nothing said after the cue.
        let before = mention_first.checked_sub(1);
        let comma_before = before
            .filter(|&b| b > s_start && (pa.is_punct(b, ",") || pa.toks[b].kind == TokKind::Close));
        // (Both tests after the cue below are read only after such a comma.)
        if let Some(comma) = comma_before {
            // A parenthetical attribution: `…, the office said, they will …` reports the part
            // before it; a short adjunct may close it (`…, she said in an interview, …`).
            let paren_end = adjunct_comma(pa, c.end, s_end, lemma);
            let parenthetical = paren_end.is_some();
            let after_paren = paren_end.map_or(c.end + 1, |k| k + 1);
            if parenthetical && comma > s_start {
                // What was said is the part before when that part is a clause (`There is a
                // risk, some Democrats said, that …`), else the part after (`In the early
                // 1990s, she said, a boss invited her …`).
                let before_is_clause = comma - s_start <= REACH
                    && (s_start..comma).any(|k| {
                        let t = pa.toks[k];
                        t.is_word()
                            && !t.quoted
                            && (pa.has(k, words::BE)
                                // All of them stop words: the class test turns most other
                                // words away before the list is read.
                                || (pa.has(k, words::STOP) && pa.is_word_in(k, MODAL_AUX))
                                || (!t.cap
                                    && pa.bytes(k).len() > 4
                                    && pa.bytes(k).ends_with(b"ed")))
                    });
                if before_is_clause || after_paren >= s_end {
                    return Some((
                        pa.span(s_start, comma),
                        Some(source),
                        Rule::TrailingUnmarked,
                    ));
                }
                let end = clause_end(pa, cues, after_paren, s_end);
                return (end > after_paren).then(|| {
                    (
                        pa.span(after_paren, end),
                        Some(source),
                        Rule::TrailingUnmarked,
                    )
                });
            }
            // Nothing said after the cue: punctuation, or a short adjunct (`said on Monday`,
            // `told reporters`).
            let nothing_after = || {
                if s_end < c.end || s_end - c.end > REACH {
                    return false;
                }
                let words_after = (c.end..s_end.min(c.end + REACH))
                    .filter(|&k| pa.toks[k].is_word())
                    .take(9)
                    .count();
                words_after == 0
                    || (words_after <= 8
                        && (pa.has(c.end, words::ADJUNCT)
                            || (lemma_has(lemma, words::HEARER_LEMMA) && hearer_object(pa, c.end)))
                        && !(c.end..s_end.min(c.end + REACH)).any(|k| {
                            pa.is_class(k, words::THAT) || pa.toks[k].kind == TokKind::Open
                        }))
            };
            if nothing_after()
                && !(c.end..s_end.min(c.end + REACH)).any(|k| pa.is_class(k, words::THAT))
            {
                return Some((
                    pa.span(s_start, comma),
                    Some(source),
                    Rule::TrailingUnmarked,
                ));
            }
        }
        if mention_first > s_start && comma_before.is_none() {
            // The subject must start its clause: sentence start, after a comma or a
            // conjunction or an adjunct clause.
            let prev = mention_first - 1;
            // After a relative pronoun, a phrase that opens with a bare verb is the relative
            // clause itself (`Teachers who marched with the union say`).
            let in_relative = || {
                pa.is_word_of(prev, words::STOP, &["who", "that"])
                    && !pa.toks[mention_first].cap
                    && !pa.has(mention_first, words::DETERMINER | words::PRONOUN)
            };
            let ok = (pa.toks[prev].kind == TokKind::Punct
                || pa.has(prev, words::CLAUSE_OPENER)
                || time_adjunct_before(pa, s_start, mention_first)
                || pa.is_word_of(mention_first, words::STOP, &["who", "which"]))
                && !in_relative();
            if !ok {
                // The phrase may end a modifier of the real subject: `An official familiar
                // with the investigation said`.
                // A bare participle after a noun is a modifier, not the verb of a subject.
                if participle {
                    return None;
                }
                source = postmodified_subject(pa, s_start, mention_first, &source)?;
            }
        }
        // `X said (that) …`
        let from = if refusal_topic(config, c.pattern) {
            // With stance on, what was declined is the stance's content: `declined [to
            // comment on the levy]`.
            c.first + 1
        } else if speaking(lemma) {
            // The topic is found after the cue below, past a hearer or a manner.
            c.end
        } else {
            content_start(pa, c.end, s_end, lemma)
        };
        if from >= s_end {
            return None;
        }
        let end = clause_end(pa, cues, from, s_end);
        if end <= from {
            return None;
        }
        // A relative clause without a comma (`voters who say …`) reports speech only with a
        // verb of saying or of belief (`voters who think …`), and not when the sentence's own
        // verb follows (`The man who wrote the speech says …`).
        let bound_relative = mention_first > s_start
            && pa.is_word_of(mention_first, words::STOP, &["who", "which"])
            && pa.toks[mention_first - 1].kind == TokKind::Word;
        if bound_relative
            && ((!is_in(RELATIVE_SPEECH, lemma) && c.kind != PatternKind::Belief)
                || (from..end.min(from + 2 * REACH))
                    .any(|k| pa.cue_start[k] && !pa.bytes(k).ends_with(b"ing")))
        {
            return None;
        }
        // An intransitive speech verb followed by a place, a time or a hearer said nothing
        // there: `spoke at the convention`, `responded to the attack`. With stance patterns
        // on, what was responded to is the topic: `did not respond to [a request for
        // comment]`.
        let mut from = from;
        if intransitive_use(pa, lemma, from) {
            let topic = config.patterns.is_enabled(PatternKind::Stance)
                && (lemma == "respond" || lemma == "reply")
                && pa.is_class(from, words::TO)
                && from + 2 < end;
            // `spoke to reporters about …`: the topic comes after the hearer.
            let spoken_topic = speaking(lemma) && topic_after_speaking(pa, from, end).is_some();
            if !topic && !spoken_topic {
                return None;
            }
            if topic {
                from += 1;
            }
        }
        // `speak` and `talk` tell their topic after `about` or `of`, nothing else (`spoke
        // over boos`, `As Lee spoke, the crowd …`).
        // A pattern that holds the preposition (`talk about`) has read it already.
        if speaking(lemma) && !pa.is_word_in(c.end - 1, &["about", "of"]) {
            from = topic_after_speaking(pa, from, end)?;
        }
        // `find` reports a finding with a clause (`found that …`, `found Lee leading`), or
        // with an object when a study or the writer found it (`a survey found strong
        // support`, `I find his plan troubling`); not a person's finding of a thing (`found
        // a way to …`, `could not find a buyer`). Finding oneself somewhere stays a view
        // (`Lee found herself defending the levy`).
        if lemma == "find"
            && !pa.is_class(from.saturating_sub(1), words::THAT)
            && !pa.is_class(from, words::THAT)
            && !clause_follows(pa, from, end)
            && !pa.bytes(from).ends_with(b"self")
            && !pa.bytes(from).ends_with(b"selves")
            && !finder(pa, &source)
        {
            return None;
        }
        // `feel` reports a view only with a clause (`felt that …`, `felt he was right`,
        // `felt like …`), not a state (`felt tired`, `felt the cold`).
        if lemma == "feel"
            && !(pa.is_class(from.saturating_sub(1), words::THAT)
                || pa.is_word_in(from, &["that", "like"])
                || clause_follows(pa, from, end))
        {
            return None;
        }
        if adjunct_only(pa, from, end) {
            return None;
        }
        // Verbs that report speech only with a clause: `maintained that …`, not `maintained
        // an energetic pace`.
        if is_in(CLAUSE_ONLY, lemma)
            && !pa.is_class(from.saturating_sub(1), words::THAT)
            && !pa.is_class(from, words::THAT)
        {
            return None;
        }
        // `add` says something with a clause (`added that …`, `added the vote was close`);
        // with a bare object it adds a thing (`added 1,000 jobs`, `added a stop in Ohio`).
        if lemma == "add"
            && !pa.is_class(from.saturating_sub(1), words::THAT)
            && !pa.is_class(from, words::THAT)
            && !clause_follows(pa, from, end)
            && !pa.toks[from..end.min(from + REACH)]
                .iter()
                .any(|t| t.kind == TokKind::Open)
        {
            return None;
        }
        let end = object_end(pa, cues, from, end);
        return Some((pa.span(from, end), Some(source), Rule::ReportedClause));
    }
    None
}

/// Whether the subject of `find` reports findings with a bare object: a study or poll
/// (`The survey found …`, `a review by the council finds …`) or the writer (`I find …`).
fn finder(pa: &Para<'_>, source: &Source) -> bool {
    let first = pa
        .toks
        .partition_point(|t| t.span.start < source.mention.start);
    let end = pa
        .toks
        .partition_point(|t| t.span.end <= source.mention.end);
    (source.pronoun && pa.is_word_in(first, &["i", "we"]))
        || (first..end.min(first + 12)).any(|k| pa.is_word_in(k, FINDING_NOUNS))
}

/// Nouns of inquiries and their findings, whose subject `find` reports a finding of.
#[rustfmt::skip]
const FINDING_NOUNS: &[&str] = &[
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "review",
    "analysis", "inquiry", "investigation", "audit", "research", "probe", "data", "test", "tests",
    "paper", "experiment", "census", "assessment", "evaluation", "examination", "court", "judge",
    "jury", "panel", "commission", "committee", "researchers", "investigators", "auditors",
    "inspector", "inspectors", "pollsters", "scientists",
];

/// Whether a cue's lemma is `speak` or `talk`, whose topic [`topic_after_speaking`] finds.
fn speaking(lemma: &str) -> bool {
    lemma == "speak" || lemma == "talk"
}

/// Where the topic starts after `speak` or `talk`: after `about` or `of`, which may follow a
/// hearer or a manner (`spoke [to reporters] about …`, `talked [at length] about …`); after
/// `against` or `for` when the speaker spoke out (`spoke out against …`). Nothing else
/// after these verbs is a topic (`spoke over the noise`, `As Lee spoke, the crowd …`).
#[cold]
fn topic_after_speaking(pa: &Para<'_>, from: usize, end: usize) -> Option<usize> {
    let topic = |k: usize| {
        (pa.is_word_in(k, &["about", "of"])
            || (pa.is_word_in(k, &["against", "for"]) && k > 0 && pa.is_word_in(k - 1, &["out"])))
            && k + 1 < end
    };
    if topic(from) {
        return Some(from + 1);
    }
    // A hearer (`to reporters`, `with the pilots' union`) or a manner (`at length`,
    // `publicly`) before `about`: a few words, none of them punctuation or a cue.
    let hearer = pa.is_word_in(from, &["to", "with", "at", "on", "in", "during"]);
    let adverb = pa.bytes(from).ends_with(b"ly") && pa.toks[from].is_word();
    if !(hearer || adverb) {
        return None;
    }
    (from + 1..end.min(from + 6))
        .take_while(|&k| pa.toks[k].is_word() && !pa.cue_start[k])
        .find(|&k| pa.is_word_in(k, &["about"]) && k + 1 < end)
        .map(|k| k + 1)
}

/// The end of an object that is no clause (`urged the party [to unite]`, `denied [the
/// charges]`): a second verb of the sentence's subject after `and` or `but` is no part of
/// it (`denied the charges and has worked to …`), nor is a `when`, `until`, `while` or
/// `whereas` clause, a closing apposition to a name, or a medium (`… in an interview`). A
/// `that` clause, or one that opens with its own subject, runs on to `end`: its subject may
/// have a second verb too.
fn object_end(pa: &Para<'_>, cues: &[CueAt], from: usize, end: usize) -> usize {
    if from == 0
        || end <= from + 1
        || pa.is_class(from - 1, words::THAT)
        || clause_follows(pa, from, end)
    {
        return end;
    }
    // Never less than one token: the callers make a span of `from..end`.
    object_stop(pa, cues, from, end).clamp(from + 1, end)
}

/// Where [`object_end`] cuts an object that is no clause.
fn object_stop(pa: &Para<'_>, cues: &[CueAt], from: usize, end: usize) -> usize {
    // An apposition that closes the object describes the name before it: `referring to
    // [Ann Lee], the harbour master`.
    let end = (from + 1..end)
        .rev()
        .take(REACH)
        .find(|&k| pa.is_punct(k, ",") && !pa.toks[k].quoted)
        .filter(|&k| {
            pa.toks[k - 1].cap
                && apposition(pa, k, end).is_some_and(|r| r.end >= pa.toks[end - 1].span.end)
        })
        .unwrap_or(end);
    // Where it was said is no part of it: a medium (`praised [the plan] in an interview`).
    let lo = cues.partition_point(|c| c.first <= from);
    let end = cues[lo..]
        .iter()
        .take(16)
        .take_while(|c| c.first < end)
        .find(|c| c.kind == PatternKind::Medium)
        .map_or(end, |c| c.first);
    let stop = (from + 1..end.min(from + 2 * REACH)).find(|&k| {
        // One test turns away most tokens: those inside quotations or of neither class.
        let t = pa.toks[k];
        if t.quoted || t.class & (words::TIME_CONJUNCTION | words::AND_BUT) == 0 {
            return false;
        }
        t.class & words::TIME_CONJUNCTION != 0
            || pa.toks.get(k + 1).is_some_and(|v| {
                let w = pa.word(k + 1);
                v.is_word()
                    && !v.cap
                    && !v.quoted
                    && (v.class & words::PAST != 0
                        || is_in(&["has", "have", "had"], w)
                        || (w.len() > 4 && w.ends_with("ed") && !w.contains('-')))
            })
    });
    match stop {
        // `…, and has …`: the comma goes with the conjunction.
        Some(k) if k > from + 1 && pa.is_punct(k - 1, ",") => k - 1,
        Some(k) => k,
        None => end,
    }
}

/// Whether `pattern` is a refusal to speak (`decline to comment`, `refuse to say`) whose
/// infinitive is reported as what was declined: only with stance patterns on.
fn refusal_topic(config: &Config, pattern: PatternId) -> bool {
    config.patterns.is_enabled(PatternKind::Stance)
        && config.patterns.pattern(pattern).is_some_and(|p| {
            let words = p.words();
            words.starts_with("decline to ") || words.starts_with("refuse to ")
        })
}

/// Whether an intransitive speech verb is followed by a place, a time or a hearer at token
/// `from`, and so said nothing there: `spoke at the convention`, `responded to the attack`,
/// `speaking on condition of anonymity`.
fn intransitive_use(pa: &Para<'_>, lemma: &str, from: usize) -> bool {
    is_in(INTRANSITIVE, lemma)
        && pa.is_word_in(
            from,
            &[
                "at", "to", "with", "in", "during", "after", "before", "for", "from", "by", "on",
                "outside", "inside",
            ],
        )
}

/// Nouns of the things a speaker puts out, after which a participle of saying is the
/// speaker's (`released a statement saying …`).
#[rustfmt::skip]
pub(crate) const MEDIUM_NOUNS: &[&str] = &[
    "statement", "tweet", "letter", "post", "memo", "email", "e-mail", "release", "video",
    "message", "note", "ad", "advertisement", "op-ed", "column", "filing", "motion", "report",
    "speech", "blog", "editorial", "essay", "petition",
];

/// Finite auxiliaries and forms of `be`, which go on with a clause's verb (`…, would be`).
#[rustfmt::skip]
const FINITE_AUX: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might",
    "must", "has", "have", "had",
];

/// Auxiliaries of tense and modality whose presence makes a stretch a clause (all of them
/// [`words::STOP`] words).
#[rustfmt::skip]
const MODAL_AUX: &[&str] = &[
    "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must",
];

/// Number words, for proportions (`one in five`) and numbers closing a noun phrase.
#[rustfmt::skip]
pub(crate) const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Month names, for time adjuncts (`in September`).
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// Whether a time adjunct with no comma after it opens the clause just before token
/// `first`: `Although in September she said`, `On Monday the mayor said`.
#[cold]
fn time_adjunct_before(pa: &Para<'_>, s_start: usize, first: usize) -> bool {
    let lo = s_start.max(first.saturating_sub(5));
    let mut timed = false;
    let mut k = first;
    while k > lo {
        k -= 1;
        if !pa.toks[k].is_word() {
            return false;
        }
        let w = pa.word(k);
        timed |= pa.has(k, words::TIME)
            || is_in(MONTHS, w)
            || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
        if pa.is_class(k, words::TIME_OPENER) {
            let opens = k == s_start
                || pa.toks[k - 1].kind == TokKind::Punct
                || pa.has(k - 1, words::CLAUSE_OPENER);
            return timed && opens;
        }
    }
    false
}

/// Words that open a modifier after the head of a subject: `an official familiar with the
/// case`, `officials who spoke with reporters`, `many of the people at the rally`.
#[rustfmt::skip]
pub(crate) const POSTMODIFIER_OPENERS: &[&str] = &[
    "who", "that", "with", "of", "at", "in", "from", "for", "on", "among", "inside", "within",
    "outside", "near", "close", "familiar", "involved", "knowledgeable", "briefed", "speaking",
    "working", "aware", "based", "responsible", "loyal", "opposed", "allied", "aligned",
];

/// The subject whose modifier ends with the phrase starting at token `first`: walks back
/// within the clause to a modifier opener after a noun phrase that opens the clause. The
/// head is the mention and the modifier its role, up to the end of `inner`.
#[cold]
fn postmodified_subject(
    pa: &Para<'_>,
    s_start: usize,
    first: usize,
    inner: &Source,
) -> Option<Source> {
    let end = inner
        .role
        .map_or(inner.mention.end, |r| r.end.max(inner.mention.end));
    let opens = |head: usize| {
        head == s_start
            || pa.toks[head - 1].kind == TokKind::Punct
            || pa.has(head - 1, words::CLAUSE_OPENER)
    };
    // `at least a dozen members`, `more than half`: the two-word approximator.
    if first > s_start + 1
        && ((pa.is_word_in(first - 1, &["least", "most"]) && pa.is_word_in(first - 2, &["at"]))
            || (pa.is_word_in(first - 1, &["than"])
                && pa.is_word_in(first - 2, &["more", "fewer", "less"])))
        && opens(first - 2)
    {
        return Some(Source {
            mention: inner.mention.cover(pa.toks[first - 2].span),
            ..*inner
        });
    }
    // A title noun before a named phrase: `Vatican spokesman the Rev. Federico Lombardi`.
    let title = |k: usize| {
        let mut buf = String::new();
        names::classes_fold(pa.word(k), &mut buf) & names::class::TITLE != 0
    };
    if first > s_start && pa.np_word(first - 1) && !pa.toks[first - 1].cap && title(first - 1) {
        if let Some(outer) = pa.np_before(s_start, first) {
            if opens(outer) && pa.toks[outer].cap {
                return Some(Source {
                    mention: inner.mention.cover(pa.toks[outer].span),
                    ..*inner
                });
            }
        }
    }
    // A long phrase whose determiner the noun-phrase reader left behind (`A U.S. law
    // enforcement official familiar with the case`), or an approximator or focus word
    // (`About half of voters`, `even a top strategist`).
    let lead = first > s_start
        && (pa.has(first - 1, words::DETERMINER)
            || pa.is_word_in(
                first - 1,
                &[
                    "about",
                    "nearly",
                    "almost",
                    "roughly",
                    "approximately",
                    "only",
                    "just",
                    "even",
                    "around",
                    "over",
                    "fewer",
                    "more",
                ],
            ));
    if lead && opens(first - 1) {
        // A focus word stays out of the mention.
        if pa.is_word_in(first - 1, &["only", "just", "even"]) {
            return Some(*inner);
        }
        return Some(Source {
            mention: inner.mention.cover(pa.toks[first - 1].span),
            ..*inner
        });
    }
    let (head, k) = modifier_head(pa, s_start, first)?;
    // A time adjunct (`Sen. Grassley on Wednesday said`) is no part of the speaker.
    let inner_end = pa.toks.partition_point(|t| t.span.end <= inner.mention.end);
    let adverbial = pa.has(k, words::ADJUNCT)
        && (k + 1..inner_end.min(k + 5))
            .any(|x| pa.has(x, words::TIME) || pa.bytes(x).first().is_some_and(u8::is_ascii_digit));
    Some(Source {
        mention: pa.span(head, k),
        role: Some(Span::new(pa.toks[k].span.start, end)),
        pronoun: false,
        adverbial,
    })
}

/// The head of a subject whose modifier holds token `first`: walks back within the clause to
/// a modifier opener (a preposition, a post-nominal adjective, a relative pronoun) after a
/// noun phrase that opens the clause. Returns the head's first token and the opener.
#[cold]
fn modifier_head(pa: &Para<'_>, s_start: usize, first: usize) -> Option<(usize, usize)> {
    let lo = s_start.max(first.saturating_sub(12));
    let mut k = first;
    while k > lo + 1 {
        k -= 1;
        let t = pa.toks[k];
        if !t.is_word() {
            if t.kind == TokKind::Punct && matches!(pa.word(k), "-" | "'" | "’") {
                continue;
            }
            return None;
        }
        // A participle opens a modifier too: `voters supporting the bill`.
        let participle = t.is_word() && pa.bytes(k).len() > 5 && pa.bytes(k).ends_with(b"ing");
        if t.quoted || t.cap || !(participle || pa.is_class(k, words::POSTMODIFIER)) {
            continue;
        }
        let Some(head) = pa.np_before(s_start, k) else {
            continue;
        };
        let boundary = |h: usize| {
            h == s_start
                || pa.toks[h - 1].kind == TokKind::Punct
                || pa.has(h - 1, words::CLAUSE_OPENER)
        };
        // A focus word may stand before the head: `Even Republicans who praised him warned`.
        let opens = boundary(head)
            || (pa.is_word_in(head - 1, &["even", "only", "also"]) && boundary(head - 1));
        if !opens || pa.is_pronoun(head) {
            continue;
        }
        // A finite verb inside the stretch makes it a clause of its own (`the suspensions
        // stemming from concerns is higher than studies suggested`), unless a relative pronoun
        // opens it (`officials who spoke with reporters`).
        let relative = pa.is_word_in(k, &["who", "that"]);
        if !relative && (k..first).any(|x| pa.has(x, words::BE | words::AUX | words::PAST)) {
            return None;
        }
        return Some((head, k));
    }
    None
}

/// A speech noun with its possessor and a `that` clause: `Trump's claim that …`, `his
/// warning that …`. The possessor is the speaker.
#[cold]
fn possessed_claim(
    pa: &Para<'_>,
    cues: &[CueAt],
    c: &CueAt,
    s_start: usize,
    s_end: usize,
) -> Found {
    let p = c.first - 1;
    if c.end + 1 >= s_end || !pa.is_class(c.end, words::THAT) || pa.toks[p].quoted {
        return None;
    }
    let source = if pa.is_possessive(p) {
        let first = pa.np_before(s_start, c.first)?;
        pa.source(first, c.first, None)
    } else if pa.is_word_in(p, &["his", "her", "their", "its", "our", "my", "your"]) {
        Source {
            mention: pa.toks[p].span,
            role: None,
            pronoun: true,
            adverbial: false,
        }
    } else {
        return None;
    };
    let from = c.end + 1;
    let end = clause_end(pa, cues, from, s_end);
    (end > from + 1).then(|| (pa.span(from, end), Some(source), Rule::ReportedClause))
}

/// Whether what follows a cue, `from..end`, is a prepositional phrase with no verb: where or
/// how something was said, not what (`argued with the governor`, `said during his speech`,
/// `adding to her lead`). Not an infinitive or `for`, which open what was asked or pledged
/// (`vowed to fight`, `called for a ban`).
fn adjunct_only(pa: &Para<'_>, from: usize, end: usize) -> bool {
    let preposition = pa.is_class(from, words::ADJUNCT_PREPOSITION)
        || (pa.is_class(from, words::TO)
            && from + 1 < end
            && pa.has(from + 1, words::DETERMINER)
            && !pa.has(from + 1, words::STOP));
    preposition
        && !appeal_with(pa, from, end)
        && !(from..end.min(from + REACH)).any(|k| pa.has(k, words::BE | words::AUX))
}

/// Whether `with` at token `k` names a hearer who is asked something, an infinitive
/// following within a few words: `pleaded with them to reject …`.
fn appeal_with(pa: &Para<'_>, k: usize, end: usize) -> bool {
    pa.is_word_of(k, words::LINK, &["with"])
        && (k + 1..end.min(k + 6))
            .take_while(|&j| pa.toks[j].is_word())
            .any(|j| pa.is_class(j, words::TO))
}

/// Whether `span` is a short phrase that opens with a preposition and holds no verb
/// (`Through an aide`, `In a statement on Monday`).
#[cold]
fn verbless_phrase(pa: &Para<'_>, span: Span) -> bool {
    let first = pa.toks.partition_point(|t| t.span.start < span.start);
    let end = pa.toks.partition_point(|t| t.span.end <= span.end);
    if end - first > REACH {
        return false;
    }
    let words = (first..end).filter(|&k| pa.toks[k].is_word()).count();
    words <= 8
        && pa.is_word_in(
            first,
            &[
                "through", "in", "on", "at", "after", "before", "for", "with", "during", "from",
                "by", "under", "since", "despite", "amid", "without", "via",
            ],
        )
        && !(first..end).any(|k| {
            pa.toks[k].quoted || pa.has(k, words::BE | words::AUX | words::PAST | words::PRONOUN)
        })
}

/// Verbs that are speech only with a `that` clause (`maintained that …`).
const CLAUSE_ONLY: &[&str] = &["maintain"];

/// Verbs of saying that a bare relative pronoun may be the speaker of (`voters who say …`).
#[rustfmt::skip]
const RELATIVE_SPEECH: &[&str] = &[
    "say", "tell", "write", "report", "suggest", "claim", "state", "note", "insist", "warn",
    "predict", "acknowledge", "admit", "complain", "argue", "explain", "add", "announce",
];

/// Words that open an embedded question: `asked whether …`, `asked how …`.
#[rustfmt::skip]
const QUESTION_OPENERS: &[&str] = &[
    "whether", "if", "what", "why", "how", "who", "whom", "when", "where", "which", "about",
];

/// Whether content after an evaluative verb holds a proposition: it follows `that`
/// (`boasted that …`), or gives a reason or a characterisation of the target (`praised X
/// for …`, `accused X of …`, `criticized X as …`).
#[cold]
fn states_a_reason(pa: &Para<'_>, content: Span) -> bool {
    let first = pa.toks.partition_point(|t| t.span.start < content.start);
    if first > 0 && pa.is_class(first - 1, words::THAT) {
        return true;
    }
    pa.toks[first..]
        .iter()
        .take(REACH)
        .take_while(|t| t.span.end <= content.end)
        .enumerate()
        .any(|(i, t)| {
            !t.quoted && t.is_word() && pa.is_word_in(first + i, &["for", "of", "as", "that"])
        })
}

/// Nouns that name a group without a plural `-s`, and may stand bare as a subject (`But
/// staff believe …`).
#[rustfmt::skip]
const COLLECTIVE_NOUNS: &[&str] = &[
    "police", "people", "staff", "clergy", "children", "men", "women", "personnel", "youth",
    "management", "leadership",
];

/// Belief verbs that take their object directly and are nouns as often (`support`,
/// `doubt`): a bare form before `for`, `from` or `in` is the noun.
const DIRECT_OBJECT_NOUNS: &[&str] = &["support", "favor", "favour", "endorse", "trust", "doubt"];

/// Verbs that report an impression of their subject's (`X appears to …`, `X seemed
/// uneasy`), and adverbs of hearsay that do the same (`X reportedly left`).
const RAISING_VERBS: &[&str] = &["appear", "seem", "reportedly", "allegedly"];

/// Verbs whose passive reports what unnamed others say or think of the subject (`X is
/// expected to …`, `X is widely seen as …`, `X is said to …`).
#[rustfmt::skip]
pub(crate) const PASSIVE_RAISING_VERBS: &[&str] = &[
    "expect", "believe", "think", "consider", "project", "predict", "say", "report", "rumor",
    "see", "view", "regard", "understand", "suppose", "estimate", "assume",
];

/// Whether a clause starts at token `k`: `that`, or a word that is no preposition with a
/// finite verb within a few words.
fn clause_follows(pa: &Para<'_>, k: usize, s_end: usize) -> bool {
    if k >= s_end {
        return false;
    }
    if pa.is_class(k, words::THAT) {
        return true;
    }
    pa.toks[k].is_word()
        && !pa.is_word_in(
            k,
            &["to", "for", "of", "about", "in", "on", "at", "with", "from"],
        )
        && (k + 1..s_end.min(k + 7))
            // A verb after `and` is a second verb of the sentence's subject (`denied the
            // charges and has …`), not this clause's.
            // A past participle after `and` with no verb of its own after it is one too
            // (`banned X and ordered a review`, not `the wind and unsettled seas could`).
            .take_while(|&j| {
                !(pa.is_class(j, words::AND_BUT)
                    && pa.toks.get(j + 1).is_some_and(|v| {
                        let w = pa.word(j + 1);
                        v.class & words::PAST != 0
                            || is_in(&["has", "have", "had"], w)
                            || (!v.cap
                                && w.len() > 4
                                && w.ends_with("ed")
                                && !w.contains('-')
                                && !(j + 2..s_end.min(j + 6))
                                    .any(|x| pa.has(x, words::BE | words::AUX)))
                    }))
            })
            .any(|j| {
                // The class test and the spelling test together, without a branch each.
                let t = pa.toks[j];
                let w = pa.bytes(j);
                (t.class & (words::BE | words::AUX | words::PAST) != 0)
                    | (!t.cap & (w.len() > 4) & w.ends_with(b"ed"))
            })
}

/// Words before `to say` that make the infinitive a complement, not a purpose: `refused to
/// say`, `wants to say`, `has yet to say`, `is able to say`, `went on to say`.
#[rustfmt::skip]
const NOT_PURPOSE: &[&str] = &[
    "refuse", "refuses", "refusing", "decline", "declines", "declining", "want", "wants",
    "wanting", "plan", "plans", "planning", "hope", "hopes", "hoping", "yet", "able", "unable",
    "willing", "unwilling", "reluctant", "hesitant", "afraid", "likely", "unlikely", "going",
    "have", "has", "had", "need", "needs", "try", "tries", "trying", "began", "begin", "begins",
    "continue", "continues", "seem", "seems", "appear", "appears", "used", "ought", "prepared",
    "ready", "eager", "quick", "first", "last", "only", "chance", "right", "time", "way",
    "how", "what", "where", "when", "whether", "him", "her", "them", "me", "us", "you", "it",
    "something", "nothing", "anything", "much", "more", "enough", "too", "supposed", "expected",
    "early", "hard", "difficult", "safe", "fair", "impossible", "easy", "premature", "possible",
    "soon", "tough", "accurate", "wrong", "important", "necessary", "fine", "good", "on",
];

/// Belief verbs that report a view only with `as` after their object.
const VIEW_AS_VERBS: &[&str] = &["see", "view", "regard"];

/// Speech verbs whose passive characterises its subject with `as` (`he was described as
/// becoming newly serious`).
#[rustfmt::skip]
pub(crate) const PASSIVE_AS_VERBS: &[&str] = &[
    "describe", "portray", "characterize", "characterise", "depict", "label", "brand", "hail",
    "praise", "criticize", "criticise", "dismiss", "cite", "mention",
];

/// The prepositions after which a verb's passive says what its subject is held to have done
/// or to be (`was accused of …`, `is blamed for …`, `is known for …`).
fn passive_preposition(lemma: &str) -> Option<&'static [&'static str]> {
    match lemma {
        "accuse" => Some(&["of"]),
        "blame" => Some(&["for"]),
        "know" => Some(&["for"]),
        _ => None,
    }
}

/// Speech verbs whose passive puts a request to its subject (`the mayor was asked to name …`).
pub(crate) const PASSIVE_TO_VERBS: &[&str] =
    &["ask", "urge", "encourage", "press", "invite", "advise"];

/// Words after `appear` or `seem` that make it a verb of place or manner, not of impression
/// (`appeared in court`, `appeared with him`).
#[rustfmt::skip]
const NOT_IMPRESSION: &[&str] = &[
    "in", "at", "on", "before", "with", "for", "from", "by", "and", "or", "but", "alongside",
    "together", "onstage", "here", "there", "again", "twice", "once", "live", "to", "if",
];

/// A raising verb with its subject and complement, the source unnamed: `The race appears
/// closer`, `the senator seemed to gain ground`, `The council is expected to pass …`, `it
/// appears that …`. The subject comes back as the source and [`reported_sieves`] makes it
/// the first segment. `passive_cue` tells whether the cue is a passive ([`is_passive`]; the
/// caller keeps the answer for its own test).
fn raising(
    pa: &Para<'_>,
    cues: &[CueAt],
    c: &CueAt,
    lemma: &str,
    s_start: usize,
    s_end: usize,
    passive_cue: impl Fn() -> bool,
) -> Found {
    let active = is_in(RAISING_VERBS, lemma);
    // The tokens first: most cues are not passive, and the lemma's test is a lookup.
    let passive = !active
        && !pa.bytes(c.first).ends_with(b"ing")
        && passive_cue()
        && (lemma_has(lemma, words::PASSIVE_LEMMA) || passive_preposition(lemma).is_some());
    if !(active || passive) || c.end >= s_end {
        return None;
    }
    let mut from = c.end;
    if pa.bytes(from).ends_with(b"ly") && pa.toks[from].is_word() {
        from += 1;
    }
    if from >= s_end {
        return None;
    }
    let next = pa.word(from);
    let lower_word = |k: usize| {
        pa.toks[k].is_word() && !pa.toks[k].cap && !pa.has(k, words::DETERMINER | words::PRONOUN)
    };
    let extraposed_it = pa.is_word_in(c.first.saturating_sub(1), &["it"])
        || (c.first > s_start + 1
            && pa.has(c.first - 1, words::AUX)
            && pa.is_word_in(c.first - 2, &["it"]));
    // `I was told that …`: the subject is the hearer, and only the clause was said.
    if passive && next == "that" && lemma_has(lemma, words::HEARER_LEMMA) {
        let end = clause_end(pa, cues, from + 1, s_end);
        return (end > from + 1).then(|| (pa.span(from + 1, end), None, Rule::Raising));
    }
    // `was accused of …`, `is blamed for …`, `is known for …`: what the subject is held to
    // have done or to be, after the preposition.
    if passive && passive_preposition(lemma).is_some_and(|p| is_in(p, next)) {
        let start = from + 1;
        let end = clause_end(pa, cues, start, s_end);
        if end <= start || !pa.toks[start].is_word() {
            return None;
        }
        let end = object_end(pa, cues, start, end);
        let subject = raising_subject(pa, s_start, c.first)?;
        return Some((pa.span(start, end), Some(subject), Rule::Raising));
    }
    let complement = if next == "to" {
        // `to` and a verb: `appears to have learned`, `is expected to rise`, `was asked to
        // name …`.
        from + 1 < s_end
            && lower_word(from + 1)
            && (active || !is_in(PASSIVE_AS_VERBS, lemma))
            && (active || !lemma_has(lemma, words::HEARER_LEMMA) || is_in(PASSIVE_TO_VERBS, lemma))
    } else if passive {
        // `is seen as a threat`, `was described as becoming serious`.
        next == "as"
            && (is_in(&["see", "view", "regard", "consider", "know"], lemma)
                || is_in(PASSIVE_AS_VERBS, lemma))
    } else if extraposed_it && next == "that" {
        // `it appears that …`: what appears is the clause.
        true
    } else {
        // `seemed unmoved`, `appears closer`, `appeared as if …`, `seemed like a …`,
        // `seemed a lost cause`.
        (lower_word(from) && !pa.is_word_in(from, NOT_IMPRESSION) && !pa.cue_start[from])
            || (next == "as" && pa.is_word_in(from + 1, &["if", "though"]))
            || (lemma.eq_ignore_ascii_case("seem") && pa.is_word_in(from, &["a", "an", "like"]))
    };
    if !complement {
        return None;
    }
    let start = if extraposed_it && next == "that" {
        from + 1
    } else {
        from
    };
    let end = clause_end(pa, cues, start, s_end);
    if end <= start {
        return None;
    }
    let content = pa.span(start, end);
    if extraposed_it && next == "that" {
        return Some((content, None, Rule::Raising));
    }
    let subject = raising_subject(pa, s_start, c.first)?;
    Some((content, Some(subject), Rule::Raising))
}

/// The whole subject of a raising verb at token `cue`: the words back to the start of the
/// clause (`[The mayor's lead over her rival] appears …`, `[The new plan] seems …`, where
/// a noun such as `plan` is no cue), after auxiliaries and adverbs (`is widely expected`).
/// A subject set off by commas or not at a clause opening is read as a speaker's is
/// (`[Ann Lee], the mayor who …, appeared`).
#[cold]
fn raising_subject(pa: &Para<'_>, s_start: usize, cue: usize) -> Option<Source> {
    let end = pa.before_verb_group(s_start, cue, false);
    let lo = s_start.max(end.saturating_sub(12));
    let mut first = end;
    while first > lo {
        let k = first - 1;
        let t = pa.toks[k];
        // `and` or `or` between two names or groups joins them: `the city and the county`.
        let coordinated = pa.is_word_in(k, &["and", "or"])
            && k > lo
            && pa.toks[k - 1].is_word()
            && (pa.toks[k + 1].cap || pa.has(k + 1, words::DETERMINER));
        let joins = coordinated
            || (t.is_word()
                && !t.quoted
                && !pa.has(k, words::CLAUSE_OPENER | words::BE | words::AUX))
            || (t.kind == TokKind::Punct && matches!(pa.word(k), "'" | "’" | "%"));
        if !joins {
            break;
        }
        first = k;
    }
    let opens = first == s_start
        || pa.toks[first - 1].kind == TokKind::Punct
        || pa.has(first - 1, words::CLAUSE_OPENER);
    if first < end && opens {
        let pronoun = end == first + 1 && pa.is_pronoun(first);
        return Some(Source {
            mention: pa.span(first, end),
            role: None,
            pronoun,
            adverbial: false,
        });
    }
    pa.subject_before(s_start, cue)
        .map(|s| Source { role: None, ..s })
}

/// A bare or passive `asked` with its question and no asker: `Asked whether he would fire
/// the writer, Priebus said …`, `When Flynn was asked if …`. The question runs to the comma
/// that closes it.
fn asked_question(pa: &Para<'_>, c: &CueAt, lemma: &str, s_start: usize, s_end: usize) -> Found {
    if lemma != "ask" || !pa.bytes(c.first).eq_ignore_ascii_case(b"asked") {
        return None;
    }
    let bare = c.first == s_start
        || pa.is_word_in(
            c.first - 1,
            &["when", "if", "after", "before", "once", "being", "and"],
        )
        || pa.has(c.first - 1, words::BE);
    if !bare {
        return None;
    }
    let mut from = c.end;
    // `when asked by a reporter whether …`: the asker is named.
    let mut asker = None;
    if from < s_end && pa.is_word_in(from, &["by"]) {
        let end = pa.np_after(from + 1, s_end)?;
        asker = Some(pa.source(from + 1, end, None));
        from = end;
    }
    if from >= s_end || !pa.is_word_in(from, QUESTION_OPENERS) {
        return None;
    }
    let end = next_comma(pa, from + 1, s_end).min(clause_break(pa, from, s_end));
    (end > from + 1).then(|| (pa.span(from, end), asker, Rule::Question))
}

/// Whether the word at `k` can open a hearer object (`told reporters`, `told the AP`,
/// `told him`), not a clause.
#[cold]
fn hearer_object(pa: &Para<'_>, k: usize) -> bool {
    pa.toks[k].cap
        || pa.has(k, words::DETERMINER)
        || pa.is_word_in(
            k,
            &[
                "him",
                "her",
                "them",
                "us",
                "me",
                "you",
                "reporters",
                "journalists",
            ],
        )
}

/// Whether the cue at token `cue` is a past participle after a form of `be`.
fn is_passive(pa: &Para<'_>, s_start: usize, cue: usize) -> bool {
    if ends_with_fold_bytes(pa.bytes(cue), b"ing") {
        return false;
    }
    let mut k = cue;
    // Skip adverbs: `was never mentioned`, `is widely reported`.
    while k > s_start && k + 3 > cue {
        k -= 1;
        if pa.has(k, words::BE) {
            return true;
        }
        if !(pa.toks[k].is_word()
            && (pa.bytes(k).ends_with(b"ly") || pa.has(k, words::PASSIVE_ADVERB)))
        {
            return false;
        }
    }
    false
}

/// Whether the token starting at byte `at` opens a clause: the sentence start, or after
/// punctuation or a conjunction.
fn clause_initial(pa: &Para<'_>, s_start: usize, at: usize) -> bool {
    let mut i = pa.toks.partition_point(|t| t.span.start < at);
    // A focus word may open the clause before its subject: `Even Smith, a longtime ally, …`.
    if i > s_start && pa.is_word_in(i - 1, &["even", "only", "also"]) {
        i -= 1;
    }
    i <= s_start || pa.toks[i - 1].kind != TokKind::Word || pa.has(i - 1, words::CLAUSE_OPENER)
}

/// The subject at the start of a sentence (after an opening adjunct clause).
#[cold]
fn sentence_subject(pa: &Para<'_>, s_start: usize, limit: usize) -> Option<Source> {
    let mut from = s_start;
    // Skip a conjunction: `But other advisers …`.
    if from < limit && pa.is_word_in(from, &["and", "but", "so", "yet", "or", "still"]) {
        from += 1;
    }
    // Skip an opening adjunct: `In June, …`, `For now, …`, `Minutes later, …`.
    if let Some(comma) = (from..limit.min(from + 8)).find(|&k| pa.is_punct(k, ",")) {
        let adjunct = comma > from
            && (pa.has(from, words::ADJUNCT)
                || pa.has(from, words::STOP)
                || pa.has(comma - 1, words::TIME));
        if adjunct {
            from = comma + 1;
        }
    }
    pa.subject_at(from, limit)
}

/// The subject of the sentence's main clause: the first noun phrase, at the sentence start or
/// after a comma or dash (not inside a subordinate clause), that a verb follows (`At an event
/// in Ames, Iowa, on Sunday, Mrs. Clinton tried …`).
fn main_clause_subject(pa: &Para<'_>, s_start: usize, limit: usize) -> Option<Source> {
    let hi = limit.min(s_start + 2 * REACH);
    let mut k = s_start;
    while k < hi {
        // The sentence start, a comma or dash, or the end of an opening time adjunct (`On
        // Sunday morning Mr. Trump made …`).
        let starts = k == s_start
            || matches!(pa.toks[k - 1].kind, TokKind::Punct)
                && matches!(pa.word(k - 1), "," | "—" | "–" | "-")
            || (k - s_start <= 5 && pa.has(k - 1, words::TIME) && pa.has(s_start, words::STOP));
        let opens_np = pa.toks[k].cap || pa.is_pronoun(k) || pa.has(k, words::DETERMINER);
        if starts && opens_np && (!pa.has(k, words::STOP) || pa.has(k, words::DETERMINER)) {
            if let Some(end) = pa.np_after(k, hi) {
                let verb_follows = end < hi
                    && pa.toks[end].is_word()
                    && !pa.toks[end].cap
                    && (!pa.has(end, words::STOP)
                        || pa.cue_start[end]
                        || pa.has(end, words::BE | words::PAST)
                        || pa.is_word_in(
                            end,
                            &[
                                "has", "have", "had", "will", "would", "could", "should", "can",
                                "may", "might", "must", "did", "does", "do",
                            ],
                        ));
                if verb_follows {
                    return pa.subject_at(k, hi);
                }
            }
        }
        k += 1;
    }
    None
}

/// The subject of the clause a participle belongs to: the noun phrase after the nearest
/// clause opener before it (`When Trump launched his campaign by talking about …`).
#[cold]
fn clause_subject(pa: &Para<'_>, s_start: usize, participle: usize) -> Option<Source> {
    let lo = s_start.max(participle.saturating_sub(REACH));
    let mut k = participle;
    while k > lo {
        k -= 1;
        let opens = k == s_start || pa.has(k - 1, words::CLAUSE_OPENER);
        if opens && (pa.toks[k].cap || pa.is_pronoun(k)) {
            let source = pa.subject_at(k, participle)?;
            return (!source.pronoun || pa.is_pronoun(k)).then_some(source);
        }
    }
    None
}

/// Weekdays and words that name a day relative to today.
#[rustfmt::skip]
pub(crate) const DAY_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "today", "tonight",
];

/// Past a time adjunct at token `k` that is followed by more words (`on Monday`, `Thursday`,
/// `last week`, `earlier this month`); else `k`.
fn skip_time_adjunct(pa: &Para<'_>, k: usize, s_end: usize) -> usize {
    let mut j = k;
    if pa.is_word_of(j, words::STOP, &["on"]) && pa.is_class(j + 1, words::WEEKDAY) {
        j += 2;
    } else if pa.is_class(j, words::DAY) {
        j += 1;
    } else {
        if pa.is_word_of(j, words::STOP, &["earlier", "later"])
            && pa.is_word_of(j + 1, words::STOP, &["this", "last"])
        {
            j += 1;
        }
        if pa.is_word_of(j, words::STOP, &["last", "this", "next"])
            && (pa.is_word_in(j + 1, &["week", "month", "year", "weekend", "night"])
                || pa.is_class(j + 1, words::WEEKDAY))
        {
            j += 2;
        } else {
            return k;
        }
    }
    // What follows must be words of a clause, not the end or a comma (`said on Monday.`).
    if j + 1 < s_end && pa.toks[j].is_word() && !pa.toks[j].quoted {
        j
    } else {
        k
    }
}

/// The first token of what was said after a cue ending at `cue_end`: skips the hearer of
/// `tell`-like verbs, adjuncts, and `that`.
fn content_start(pa: &Para<'_>, cue_end: usize, s_end: usize, lemma: &str) -> usize {
    let mut k = cue_end;
    // `that` within a short reach, past the hearer and adjuncts: `told reporters on
    // Wednesday that …`.
    let reach = (cue_end + 16).min(s_end);
    let opens_adjunct = k < s_end
        && (pa.has(k, words::ADJUNCT)
            || (pa.toks[k].is_word() && lemma_has(lemma, words::HEARER_LEMMA)));
    if opens_adjunct {
        // Further on, only a `that` after a comma closing a long adjunct: `said Thursday
        // during a taping in Buffalo, New York, that …`.
        // (Read only when there is none within reach.)
        let far = || {
            (reach..(cue_end + 28).min(s_end))
                .find(|&j| pa.is_class(j, words::THAT))
                .filter(|&j| pa.is_punct(j - 1, ","))
        };
        if let Some(that) = (k..reach)
            .find(|&j| pa.is_class(j, words::THAT))
            .or_else(far)
        {
            // Not past another cue, whose `that` it is: `urging X to sack an aide who
            // argued that …`.
            let clean = (k..that).all(|j| {
                pa.toks[j].kind != TokKind::Open && !pa.is_punct(j, ".") && !pa.cue_start[j]
            });
            if clean {
                return that + 1;
            }
        }
        // A subject pronoun opens the clause said, not a hearer: `told reporters he …` but
        // `warned he would …`.
        let subject_pronoun = pa.is_word_in(k, &["he", "she", "they", "we", "i"]);
        if lemma_has(lemma, words::HEARER_LEMMA) && !subject_pronoun {
            if let Some(end) = pa.np_after(k, s_end) {
                // A directive keeps its hearer: `urged the administration to join …` says
                // what the administration should do.
                if end - k <= 4 && !(end < s_end && pa.is_class(end, words::TO)) {
                    k = end;
                }
            } else if pa.is_word_in(k, &["me", "him", "her", "them", "us", "you"]) {
                // `told me he …`
                k += 1;
            }
        }
    }
    // A time adjunct of the saying before its clause: `said on Monday the bill …`, `told
    // the Times Thursday the bill …`, `said last week the bill …`.
    k = skip_time_adjunct(pa, k, s_end);
    // A short adjunct phrase before a comma, a colon, a quotation or the sentence end:
    // `said on Monday.`, `wrote in a post on Facebook:`.
    if k < s_end && pa.has(k, words::ADJUNCT) {
        let stop = (k..s_end.min(k + 8))
            .find(|&j| pa.toks[j].kind != TokKind::Word || pa.is_class(j, words::THAT));
        // An adjunct holds no verb: `said this is a rough patch` says something.
        let verbless = |j: usize| !(k..j).any(|x| pa.has(x, words::BE | words::AUX));
        match stop {
            Some(j)
                if (pa.toks[j].kind != TokKind::Punct
                    || matches!(pa.word(j), "," | ":" | "." | "—"))
                    && verbless(j) =>
            {
                k = j
            }
            None if s_end <= k + 8 => k = s_end,
            _ => {}
        }
    }
    while k < s_end.min(cue_end + REACH)
        && pa.toks[k].kind == TokKind::Punct
        && matches!(pa.word(k), ":" | "," | "—")
    {
        k += 1;
    }
    // `pleaded with them to …`: the hearer after `with` opens what they were asked.
    if k + 2 < s_end
        && appeal_with(pa, k, s_end)
        && (pa.is_word_in(k + 1, &["them", "him", "her", "us", "me", "you"])
            || pa.has(k + 1, words::DETERMINER))
    {
        k += 1;
    }
    // `released a statement saying that …`: the participle of saying belongs to the cue.
    if k + 1 < s_end
        && pa.cue_start[k]
        && pa.is_word_in(
            k,
            &["saying", "stating", "declaring", "announcing", "asserting"],
        )
    {
        k += 1;
    }
    if k < s_end && complementizer(pa, k) {
        k += 1;
    }
    k
}

/// Whether the `that` at token `k` opens a clause (`said that the vote …`) rather than being
/// the clause's own subject (`we think that is fair`, `said that has to change`).
fn complementizer(pa: &Para<'_>, k: usize) -> bool {
    pa.is_class(k, words::THAT)
        // Opening a sentence before a comma it is a pronoun: `That, they say, will be
        // easier` (not `insisted that, with the vote over, …`).
        && !(pa.toks[k].cap && k + 1 < pa.toks.len() && pa.is_punct(k + 1, ","))
        && !(pa.toks.get(k + 1).is_some_and(|t| t.class & words::BE != 0)
            || pa.is_word_in(
                k + 1,
                &[
                    "has", "had", "will", "would", "could", "should", "can", "may", "might",
                    "must", "does", "did", "'s", "’s", "means", "meant", "makes", "made",
                ],
            ))
}

/// Sieves 4 and 5: continuation of an attributed speaker, then unattributed quotations.
fn continuation_sieve(
    pa: &Para<'_>,
    pid: ParagraphId,
    quos: &mut [QuoteAt],
    drafts: &mut Vec<Draft>,
    last: &mut Option<(ParagraphId, Source, Option<Span>, Option<PatternId>)>,
    colon_lead: Option<&(ParagraphId, Source, Option<Span>, Option<PatternId>)>,
    first_draft: usize,
) {
    // Drafts the earlier sieves made in this paragraph, in text order; continuations made
    // here come in text order too, so the latest one is all that needs remembering.
    let mut here = take_here();
    here.extend(
        drafts[first_draft..]
            .iter()
            .enumerate()
            .map(|(i, d)| (d.span.start, first_draft + i)),
    );
    here.sort_unstable();
    let mut latest: Option<(usize, usize)> = None;
    for q in quos.iter_mut() {
        if q.taken.is_some() {
            continue;
        }
        let long = q.words >= 4 || matches!(q.role, QuotationRole::Speech);
        if !long || matches!(q.role, QuotationRole::Title) {
            continue;
        }
        // Only a quotation that stands on its own (opening its sentence, or after a colon) is
        // someone's words; a fragment inside a sentence is the writer's. One followed by
        // `by` and a name is a title with its author (`"Posthumous books sell," by Joe
        // Kahn`).
        if !stands_alone(pa, q) || titled_by(pa, q.span) {
            continue;
        }
        // The attributed quote before it in this paragraph, else the one after it, else the
        // last one of the paragraph before when this paragraph opens with the quotation.
        let at = here.partition_point(|(s, _)| *s < q.span.start);
        let mut before_at = at.checked_sub(1).map(|k| here[k]);
        // An indirect attribution inside the sentence of a direct quote's attribution
        // (`"…," Trump said, two hours after outlets declared him the victor.`) does not take
        // the next quotation from the quote's speaker.
        if let (Some((start, d)), Some(k)) = (before_at, at.checked_sub(2)) {
            let (_, prev) = here[k];
            let sentence = |pos: usize| {
                let t = pa
                    .toks
                    .partition_point(|t| t.span.start < pos)
                    .min(pa.toks.len() - 1);
                pa.sentence_of(t).0
            };
            if drafts[d].kind != QuoteKind::Direct
                && drafts[prev].kind == QuoteKind::Direct
                && drafts[prev]
                    .cue
                    .is_some_and(|c| sentence(c.start) == sentence(start))
            {
                before_at = Some(here[k]);
            }
        }
        let before = match (before_at, latest) {
            (Some(b), Some(l)) => Some(if b.0 > l.0 { b } else { l }),
            (b, l) => b.or(l),
        }
        .map(|(_, d)| d);
        let after = here
            .get(at)
            .filter(|(s, _)| *s > q.span.start)
            .map(|&(_, d)| d);
        let opens_paragraph = q.open == Some(0) || q.continues.is_some();
        // `Richards said:` closing the paragraph before introduces this one's quotation.
        if let Some((_, s, c, p)) = colon_lead.filter(|_| q.open == Some(0) && before.is_none()) {
            q.taken = Some(drafts.len());
            latest = Some((q.span.start, drafts.len()));
            drafts.push(Draft {
                kind: QuoteKind::Direct,
                segments: SmallList::one(q.content),
                span: q.span,
                marked: true,
                paragraph: pid,
                source: Some(*s),
                cue: *c,
                pattern: *p,
                quotations: SmallList::one(q.id),
                rule: Rule::Leading,
            });
            continue;
        }
        let from = before
            .or(after.filter(|&d| drafts[d].kind == QuoteKind::Direct))
            .map(|d| (drafts[d].source, drafts[d].cue, drafts[d].pattern))
            .or_else(|| {
                last.as_ref()
                    .filter(|(lp, _, _, _)| opens_paragraph && lp.index() + 1 >= pid.index())
                    .map(|(_, s, c, p)| (Some(*s), *c, *p))
            });
        let (source, cue, pattern, rule) = match from {
            Some((Some(s), c, p)) => (Some(s), c, p, Rule::Continuation),
            _ => {
                if q.words < 6 {
                    continue;
                }
                (None, None, None, Rule::Unattributed)
            }
        };
        let d = Draft {
            kind: QuoteKind::Direct,
            segments: SmallList::one(q.content),
            span: q.span,
            marked: true,
            paragraph: pid,
            source,
            cue,
            pattern,
            quotations: SmallList::one(q.id),
            rule,
        };
        q.taken = Some(drafts.len());
        latest = Some((q.span.start, drafts.len()));
        drafts.push(d);
    }
    put_here(here);
    // Remember the paragraph's last attributed speaker for the next paragraph.
    if let Some((d, source)) = drafts[first_draft..]
        .iter()
        .filter_map(|d| d.source.map(|s| (d, s)))
        .max_by_key(|(d, _)| d.span.start)
    {
        *last = Some((pid, source, d.cue, d.pattern));
    }
}

/// Whether the quotation at `span` is followed by `by` (after an optional comma), as a title
/// with its author is.
fn titled_by(pa: &Para<'_>, span: Span) -> bool {
    let mut k = pa.toks.partition_point(|t| t.span.start < span.end);
    if pa.toks.get(k).is_some_and(|_| pa.is_punct(k, ",")) {
        k += 1;
    }
    pa.is_word_in(k, &["by"]) && pa.toks.get(k + 1).is_some_and(|t| t.cap)
}

/// Labels before a colon that name a part of the page, not a speaker (`Update:`, `Photo:`).
#[rustfmt::skip]
const PAGE_LABELS: &[&str] = &[
    "update", "updated", "note", "photo", "photos", "video", "watch", "read", "related",
    "correction", "clarification", "disclosure", "source", "sources", "credit", "caption",
    "also", "more", "see", "listen", "follow", "subscribe", "advertisement", "click", "image",
    "pictured", "editor", "editors", "top", "latest", "breaking", "live", "exclusive", "opinion",
    "analysis", "commentary", "editorial", "contact", "email", "tags", "topics", "share",
    "transcript", "full", "here", "graphic", "chart", "map", "warning", "spoiler", "byline",
    "contributing", "dateline", "ap", "cnn", "pdf", "url", "faq", "ps",
];

/// Whether a paragraph may open with a transcript's label and a colon (`Q: …`, `HOST: …`):
/// a colon among its first 48 bytes.
fn label_colon_candidate(para: &str) -> bool {
    let head = &para.as_bytes()[..para.len().min(48)];
    memchr::memchr(b':', head).is_some()
}

/// A paragraph that opens with a transcript's label and a colon, then unmarked words (`Q: How
/// did it go?`, `HOST: …`), or with a kicker naming a source (`Poll: Lee leads`, `Okafor:
/// Wall will hold`): what follows the colon, to the paragraph's end, is the speaker's.
fn label_sieve(
    pa: &Para<'_>,
    pid: ParagraphId,
    quos: &mut [QuoteAt],
    drafts: &mut Vec<Draft>,
    kickers: &mut Kickers,
) {
    let n = pa.toks.len();
    // The label's colon is among the first tokens: without a colon in their text the search
    // below would find none (most paragraphs), so it is skipped.
    let head = pa
        .toks
        .get(1)
        .map_or(0..0, |t| t.span.start..pa.toks[n.min(6) - 1].span.end);
    if memchr::memchr(b':', &pa.text.as_bytes()[head]).is_none() {
        return;
    }
    let Some(colon) = (1..n.min(6)).find(|&k| pa.toks[k].kind != TokKind::Word) else {
        return;
    };
    if !pa.is_punct(colon, ":") || colon + 2 > n || pa.toks[colon + 1].kind == TokKind::Open {
        return;
    }
    // A transcript's label: `Q` or `A`, not a page label. A source's kind as a kicker
    // reports what the source found: `Poll: Lee leads in Ohio`. Names, upper-case (`HOST`,
    // `OKAFOR`) or title-case (`Okafor`), count when they come up again ([`name_kicker`]):
    // kickers of the page (`Bombshell:`, `WOW:`) are as frequent as speakers.
    let w = pa.word(0);
    let label_ok = colon == 1
        && !pa.toks[0].quoted
        && (matches!(w, "Q" | "A") || pa.is_word_in(0, &["poll", "survey", "report", "study"]))
        && !pa.is_word_in(0, PAGE_LABELS);
    if !label_ok && !name_kicker(pa, colon, kickers) {
        return;
    }
    let Some(content) = trim_content(pa, pa.span(colon + 1, n), false) else {
        return;
    };
    if overlaps_existing(drafts, content) {
        return;
    }
    // Quotations inside are the speaker's too; one that is all of it makes a direct quote.
    let mut kind = QuoteKind::Indirect;
    let mut quotations = SmallList::new();
    let mut segments = SmallList::one(content);
    let mut span = content;
    for q in quos
        .iter_mut()
        .filter(|q| q.taken.is_none() && content.overlaps(q.span))
        .take(16)
    {
        kind = if content.start >= q.content.start && content.end <= q.span.end {
            segments = SmallList::one(q.content);
            QuoteKind::Direct
        } else {
            QuoteKind::Mixed
        };
        // The quote takes in the whole quotation, marks included.
        span = span.cover(q.span);
        quotations.push(q.id);
        q.taken = Some(drafts.len());
    }
    if kind == QuoteKind::Mixed {
        segments = SmallList::one(span);
    }
    drafts.push(Draft {
        kind,
        segments,
        span,
        marked: kind != QuoteKind::Indirect,
        paragraph: pid,
        source: Some(pa.source(0, colon, None)),
        cue: Some(pa.toks[colon].span),
        pattern: None,
        quotations,
        rule: Rule::Leading,
    });
}

/// How far around a paragraph [`name_kicker`] looks for the name again, in bytes: enough for
/// an article's body, and a bound that keeps the look-up linear on any input.
const KICKER_REACH: usize = 16 << 10;

/// How many names one article may look up as kickers: headlines, subheads and a
/// transcript's few speakers need a handful (a name found once is not looked up again).
const KICKER_LOOKUPS: usize = 32;

/// The name look-ups of one article ([`name_kicker`]): the names found so far, and how many
/// look-ups are left.
struct Kickers {
    found: Vec<Span>,
    left: usize,
}

impl Default for Kickers {
    fn default() -> Self {
        Self {
            found: Vec::new(),
            left: KICKER_LOOKUPS,
        }
    }
}

/// Whether the one to three capitalised words before the colon at token `colon` name
/// someone the article is about: a name kicker (`Okafor: The wall will hold`) or a
/// transcript's speaker (`HOST: …`). The last word must come up again nearby, as written or
/// (for an upper-case label) in title case; a kicker of the page (`Bombshell:`, `WOW:`) does
/// not, and a place (`Ohio: …`) names no speaker.
///
/// A name found once is accepted again without a look-up; other look-ups spend one of
/// `kickers.left`, so that a text of many short kicker-like paragraphs stays linear with a
/// small constant.
#[cold]
fn name_kicker(pa: &Para<'_>, colon: usize, kickers: &mut Kickers) -> bool {
    if !(1..=3).contains(&colon)
        || !(0..colon).all(|k| {
            let t = pa.toks[k];
            t.is_word() && t.cap && !t.quoted && t.class & words::STOP == 0
        })
        || (0..colon).any(|k| pa.is_word_in(k, PAGE_LABELS))
    {
        return false;
    }
    let last = pa.toks[colon - 1].span;
    let name = &pa.text[last];
    if name.len() < 3 || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    // A place names no speaker: `Syria: Rebels take the town`, a dateline `WASHINGTON:`.
    let mut buf = String::new();
    if names::classes_fold(name, &mut buf) & names::class::PLACE != 0 {
        return false;
    }
    // A name already found (a transcript's speaker on each of their turns).
    if kickers
        .found
        .iter()
        .any(|&f| pa.text[f].eq_ignore_ascii_case(name))
    {
        return true;
    }
    if kickers.left == 0 {
        return false;
    }
    kickers.left -= 1;
    let para = Span::new(pa.toks[0].span.start, pa.toks[pa.toks.len() - 1].span.end);
    let text = pa.text.as_bytes();
    let lo = para.start.saturating_sub(KICKER_REACH);
    let hi = (para.end + KICKER_REACH).min(text.len());
    let whole_word = |at: usize| {
        let before = at == 0 || !text[at - 1].is_ascii_alphanumeric();
        let end = at + name.len();
        let after = end >= text.len() || !text[end].is_ascii_alphanumeric();
        before && after
    };
    let found = |form: &[u8], from: usize, to: usize| {
        memchr::memmem::find_iter(&text[from..to], form)
            .map(|at| from + at)
            .any(whole_word)
    };
    let seen = |form: &[u8]| found(form, lo, para.start) || found(form, para.end, hi);
    // An upper-case label (`LEE:`) is found in title case too (`Lee said`).
    let named = seen(name.as_bytes())
        || (name.bytes().all(|b| b.is_ascii_uppercase()) && {
            let mut title = name.to_ascii_lowercase().into_bytes();
            title[0] = title[0].to_ascii_uppercase();
            seen(&title)
        });
    if named {
        kickers.found.push(last);
    }
    named
}

/// The speaker, cue and pattern of a paragraph that ends with an attribution and a colon
/// (`Planned Parenthood's president, Cecile Richards, said:`), which introduces the quotation
/// that opens the next paragraph. Without a cue the colon is the cue and the main clause's
/// subject the speaker (`Richards put it this way:`).
fn colon_attribution(
    pa: &Para<'_>,
    cues: &[CueAt],
) -> Option<(Source, Option<Span>, Option<PatternId>)> {
    let colon = pa.toks.len().checked_sub(1)?;
    if !pa.is_punct(colon, ":") || pa.toks[colon].quoted {
        return None;
    }
    let (s_start, _) = pa.sentence_of(colon);
    if colon - s_start > 2 * REACH {
        return None;
    }
    let cue = cues
        .iter()
        .rev()
        .take_while(|c| c.first >= s_start)
        .find(|c| !c.used && speechlike(pa, c) && colon - c.end <= 8);
    match cue {
        Some(c) => {
            let source = pa
                .subject_before(s_start, c.first)
                .or_else(|| main_clause_subject(pa, s_start, c.first))?;
            Some((source, Some(c.span), Some(c.pattern)))
        }
        None => {
            let source = main_clause_subject(pa, s_start, colon)?;
            Some((source, Some(pa.toks[colon].span), None))
        }
    }
}

/// Sorts the drafts, assigns ids, and fills the article's quotes and mentions.
fn finish(
    text: &str,
    article: &mut Article<'_>,
    drafts: &mut Vec<Draft>,
    mention_of: &mut FastMap<(usize, usize), usize>,
) {
    drafts.sort_by_key(|d| (d.span.start, d.span.end));
    mention_of.clear();
    mention_of.reserve(drafts.len());
    article.quotes.reserve(drafts.len());
    article.mentions.reserve(drafts.len());
    for d in drafts.drain(..) {
        let content = d.segments.iter().fold(d.segments[0], |a, s| a.cover(*s));
        // The sentence the quote starts in (its opening mark may close the sentence before
        // its content's: `…said."" ‘…`).
        let span = d.span.cover(content);
        let sentence = article
            .sentences
            .partition_point(|s| s.span.end <= span.start)
            .min(article.sentences.len().saturating_sub(1));
        let mention = d.source.map(|s| {
            let key = (s.mention.start, s.mention.end);
            let next = article.mentions.len();
            if *mention_of.entry(key).or_insert(next) == next {
                article.mentions.push(Mention {
                    span: s.mention,
                    kind: guess_kind(text, s.mention, s.pronoun),
                    name: None,
                    title: None,
                    role: s.role.filter(|_| !s.adverbial),
                    speaker: None,
                });
            }
            s.mention
        });
        article.quotes.push(Quote {
            kind: d.kind,
            span,
            content,
            segments: d.segments,
            marked: d.marked,
            paragraph: d.paragraph,
            sentence: SentenceId::from_index(sentence),
            speaker: None,
            mention,
            source: d.source.map(|s| match s.role {
                Some(r) if !s.adverbial => s.mention.cover(r),
                _ => s.mention,
            }),
            cue: d.cue,
            pattern: d.pattern,
            quotations: d.quotations,
            parent: None,
            rule: d.rule,
            confidence: confidence(d.rule),
        });
    }
}

/// A first guess at a mention's kind; the speaker stage refines it.
fn guess_kind(text: &str, span: Span, pronoun: bool) -> MentionKind {
    if pronoun {
        return MentionKind::Pronoun;
    }
    let s = &text[span];
    // Words (runs of non-whitespace) and those that open with a capital, in one pass.
    let (mut words, mut caps, mut in_word) = (0usize, 0usize, false);
    for c in s.chars() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            caps += usize::from(c.is_uppercase());
        }
    }
    if caps > 0 && caps * 2 >= words {
        MentionKind::Name
    } else if s.ends_with('s') {
        MentionKind::Group
    } else {
        MentionKind::Description
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Para::is_word_of`] reads each list only for words of the classes given with it:
    /// each word must have one of them.
    #[test]
    fn gated_word_lists_have_their_classes() {
        let lists: &[(u32, &[&str])] = &[
            (words::STOP | words::DETERMINER, PARTITIVE_PRONOUNS),
            (words::LINK, &["of", "with"]),
            (words::STOP, &["whom", "which", "who", "what", "that"]),
            (
                words::STOP,
                &["on", "earlier", "later", "this", "last", "next"],
            ),
        ];
        for &(classes, list) in lists {
            for w in list {
                assert!(lemma_has(w, classes), "{w}");
            }
        }
        // `trim_content` reads the class for these conjunctions.
        for w in ["but", "and", "so", "yet"] {
            assert!(lemma_has(w, words::CLAUSE_CONJUNCTION), "{w}");
        }
    }

    /// The clause test reads [`MODAL_AUX`] only for stop words: each of them must be one.
    #[test]
    fn modal_auxiliaries_are_stop_words() {
        for w in MODAL_AUX {
            assert!(lemma_has(w, words::STOP), "{w}");
        }
    }
}
